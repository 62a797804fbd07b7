"""Demo data is shaped like what the desk itself writes, so that every check, report and
benchmark run on it meets the same data a real station holds."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db.models import Report, Revision
from app.db.revisions import canonical_json, snapshot
from app.domain.report_fields import JSON_LIST_FIELDS
from app.services import demo


def test_each_demo_revision_carries_the_record_as_the_desk_would_write_it(store, catalog) -> None:
    demo.generate(store, catalog, 400, seed=11)
    with store.read() as s:
        reports = {r.id: r for r in s.scalars(select(Report))}
        revisions = list(s.scalars(select(Revision).where(Revision.record_kind == "report")))
    assert len(reports) == 400
    newest: dict[str, Revision] = {}
    for rev in revisions:
        payload = json.loads(rev.payload)
        for name in JSON_LIST_FIELDS:  # lists, as on the intake form, never ""
            assert isinstance(payload[name], list), (rev.action, name, payload[name])
        if rev.revision_no == reports[rev.record_id].revision_no:
            newest[rev.record_id] = rev
    assert newest.keys() == reports.keys()
    for report_id, rev in newest.items():
        assert rev.payload == canonical_json(snapshot(reports[report_id]))


def test_the_demo_station_keeps_the_products_rules_and_has_every_kind_of_record(
    store, catalog
) -> None:
    """What an officer would believe: administrators handle nothing and every name is one
    person's; about a tenth of reports are repeats; theft, fraud, lost property and disputes
    lead; and case files, sheets, letters, warnings, referrals, the care register, voided and
    unfinished receipts and visits each appear in every state the desk shows."""
    from app.services import demo_casework

    demo.generate(store, catalog, 1500)
    demo.generate_visits(store, catalog)
    demo_casework.generate_casework(store, catalog)
    raw = store.engine.raw_connection()
    try:
        q = raw.driver_connection.cursor()

        def rows(sql: str) -> list[tuple]:
            return q.execute(sql).fetchall()

        # administrators take no reports and hold no visits; no two accounts share a name
        assert rows(
            "SELECT count(*) FROM report r JOIN officer o ON o.id = r.officer_id"
            " WHERE o.role = 'admin'"
        ) == [(0,)]
        assert rows(
            "SELECT count(*) FROM visit v JOIN officer o ON o.id = v.officer_id"
            " WHERE o.role = 'admin'"
        ) == [(0,)]
        assert rows("SELECT name FROM officer GROUP BY name HAVING count(*) > 1") == []
        ((total, repeats),) = rows(
            "SELECT count(*), sum(repeat_rule != '') FROM report WHERE status != 'voided'"
        )
        assert 0.07 <= repeats / total <= 0.16
        leading = [code for (code,) in rows(
            "SELECT incident_type FROM report WHERE incident_type != ''"
            " GROUP BY 1 ORDER BY count(*) DESC LIMIT 6"
        )]  # fmt: skip
        theft_fraud_lost = {"C01", "C02", "C03", "C04", "C05", "M02"}
        assert all(c in theft_fraud_lost or c.startswith("D") for c in leading), leading
        assert {"C10", "C11"}.isdisjoint(leading)

        def states(table: str) -> set[str]:
            return {s for (s,) in rows(f"SELECT DISTINCT status FROM {table}")}

        assert {"open", "in_progress", "cleared"} <= states("case_file")
        assert rows(
            "SELECT count(*) FROM case_file WHERE status != 'cleared' AND deadline < date('now')"
        ) != [(0,)]  # one overdue
        assert "cleared" in states("reminder_sheet")
        answered = rows(
            "SELECT receipt_at != '', progress_at != '', result_at != '' FROM reminder_sheet"
        )
        assert {(1, 0, 0), (1, 1, 0), (1, 1, 1)} <= set(answered)
        assert {"draft", "approved", "served"} <= states("warning_letter")
        assert rows("SELECT count(*) FROM report WHERE warning_status = 'active'") != [(0,)]
        assert rows("SELECT count(*) FROM report WHERE warning_status = 'lifted'") != [(0,)]
        assert {"mental_illness", "elderly_alone", "disabled", "hardship"} <= {
            c for (c,) in rows("SELECT category FROM care_person")
        }
        assert rows("SELECT count(*) FROM care_person WHERE grade IS NOT NULL") != [(0,)]
        assert {"referred", "voided", "receiving", "closed"} <= states("report")
        assert rows("SELECT count(*) FROM report WHERE status = 'voided' AND void_reason = ''") == [
            (0,)
        ]
        assert {"due", "done", "not_reached", "refused", "cancelled"} <= states("visit")
        assert rows("SELECT count(*) FROM visit WHERE supervision") != [(0,)]
    finally:
        raw.close()
