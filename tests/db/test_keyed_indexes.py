"""The report indexes by type, phone, ID number, address, place and warning hold only reports
that have the value, so that a receive does not write them. SQLite uses such an index only when
a query says the value is not empty (`has_key`, `key_is`): every look-up the desk makes by these keys must still be
answered from its index, never by reading the whole report table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from app.db.engine import Store
from app.db.models import KEYED_INDEXES
from app.services import receiving, repeats, reports, supervision
from tests.conftest import good_intake


@contextmanager
def statements(store: Store) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn, _cursor, statement, params, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def plans(store: Store, seen: list[tuple[str, Any]]) -> list[str]:
    lines = []
    with store.engine.connect() as conn:
        for statement, params in seen:
            rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, tuple(params or ()))
            lines += [row[-1] for row in rows]
    return lines


def test_the_keyed_indexes_leave_out_reports_without_the_value(store) -> None:
    with store.engine.connect() as conn:
        for name, columns in KEYED_INDEXES.items():
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)
            ).scalar_one()
            assert f"WHERE {columns[0]} <> ''" in sql, sql


def test_the_desks_look_ups_by_key_use_the_keyed_indexes(store, officer, catalog) -> None:
    now = dt.datetime.now().astimezone()
    for days in (20, 9, 2):
        rid = receiving.receive(store, officer, now=now - dt.timedelta(days=days)).id
        fields = good_intake(incident_type="P04", reporter_id_number="11010519491231002X")
        receiving.save_intake(store, officer, rid, fields, catalog)
    typed = {
        "reporter_phone": "13912345678",
        "reporter_id_number": "11010519491231002X",
        "reporter_name": "王芳",
        "reporter_address": "太原市杏花岭区新建路12号3栋2单元501室",
        "incident_place": "新建路12号楼下",
    }
    with statements(store) as seen:
        found = repeats.LiveCheck(store)(typed, incident_type="P04", now=now)
    assert found.fired is not None and found.fired.count == 4
    used = " ".join(plans(store, seen))
    for name in (
        "ix_report_phone_received",
        "ix_report_id_number_received",
        "ix_report_address_key_received",
        "ix_report_place_key_received",
    ):
        assert name in used, used

    with statements(store) as seen:
        assert len(reports.list_reports(store, reports.ReportFilter(text="1391234"))) == 3
        assert len(reports.list_reports(store, reports.ReportFilter(text="110105"))) == 3
        assert len(reports.list_reports(store, reports.ReportFilter(incident_type="P04"))) == 3
    used = " ".join(plans(store, seen))
    for name in ("ix_report_phone_received", "ix_report_id_number_received"):
        assert name in used, used
    assert "ix_report_type_received" in used, used

    week = supervision.iso_week(*now.isocalendar()[:2])
    with statements(store) as seen:
        supervision.figures(store, catalog, week)
    lines = plans(store, seen)
    assert not [line for line in lines if line.startswith("SCAN report")], lines
