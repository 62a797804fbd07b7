"""HQ's weekly figures across stations: a station's figures at HQ equal its own report's, and
the total is their sum; the API wants an operator token."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import httpx

from app.domain.catalog import load_catalog
from app.hq.cli import main as hq_main
from app.services import early_warning, receiving, supervision, warning_letters
from app.services.sync import sync_engine
from app.services.warning_letters import LetterDraft
from tests.conftest import good_intake
from tests.sync.conftest import enroll, make_station, sign_in


def busy_station(store, reports: list[tuple[str, str]]) -> None:
    """Walk-ins of the given types, each closed or referred, with distinct reporters."""
    catalog = load_catalog()
    officer = sign_in(store)
    for i, (code, end) in enumerate(reports):
        rid = receiving.receive(store, officer).id
        receiving.save_intake(
            store,
            officer,
            rid,
            good_intake(
                incident_type=code,
                reporter_phone=f"138{hash((store.path, i)) % 10**8:08d}",
                reporter_address=f"新建路{i + 1}号",
                incident_place=f"新建路{i + 1}号门口",
            ),
            catalog,
        )
        if end == "closed":
            receiving.close_report(store, officer, rid, "调解成功")
        elif end == "referred":
            receiving.refer_report(store, officer, rid, "街道办")
        if code == "C09":
            letter = warning_letters.draft(
                store, officer, rid, LetterDraft("王大力", "王芳", "殴打妻子")
            )
            warning_letters.approve(store, officer, letter, "所内仅一名所领导")
        if code == "D02":
            early_warning.assess(store, officer, rid, ["violence"])


def test_hq_figures_per_station_equal_the_stations_own(tmp_path: Path, hq, catalog) -> None:
    one = make_station(tmp_path / "one", "140107")
    two = make_station(tmp_path / "two", "140108")
    enroll(one, hq, "140107")
    enroll(two, hq, "140108")
    busy_station(one, [("D02", "closed"), ("D03", "referred"), ("C09", "closed"), ("C01", "")])
    busy_station(two, [("D01", "closed"), ("D01", "closed"), ("C09", "closed")])
    for store in (one, two):
        sync_engine(store).run_once()
    year, week, _ = dt.date.today().isocalendar()
    label = f"{year}-W{week:02d}"
    period = supervision.parse_week(label)
    own = {
        unit: supervision.figures(store, catalog, period)
        for unit, store in (("140107", one), ("140108", two))
    }

    out = tmp_path / "hq-week.pdf"
    assert hq_main(["report", "weekly", "--db", hq.db_url, "--week", label, "--json"]) == 0
    assert hq_main(["report", "weekly", "--db", hq.db_url, "--week", label, "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    # the year at HQ across stations, as a workbook: the same counts as the stations' own
    this_year = str(dt.date.today().year)
    book = tmp_path / "hq-year.xlsx"
    args = ["report", "weekly", "--db", hq.db_url, "--period", this_year, "--format", "xlsx"]
    assert hq_main([*args, "--out", str(book)]) == 0
    from openpyxl import load_workbook

    from app.domain import weekly_figures

    yearly = weekly_figures.parse_period(this_year)
    key = {r[0]: r[1:] for r in load_workbook(book)["主要指标"].iter_rows(values_only=True)}
    assert key["接报警情"][0] == sum(
        supervision.figures(store, catalog, yearly).total for store in (one, two)
    )

    token = hq.service().issue_operator_token("duty officer")
    assert httpx.get(f"{hq.url}/v1/figures/weekly", params={"week": label}).status_code == 401
    answer = httpx.get(
        f"{hq.url}/v1/figures/weekly",
        params={"week": label},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.status_code == 200
    body = answer.json()
    lines = {line["unit_code"]: line for line in body["stations"]}
    for unit, f in own.items():
        assert lines[unit]["reports"] == f.total
        assert lines[unit]["disputes"] == f.disputes
        assert lines[unit]["disputes_resolved"] == f.disputes_resolved
        assert lines[unit]["letters"] == f.letters == 1
    total = body["total"]
    assert total["reports"] == sum(f.total for f in own.values()) == 7
    assert total["disputes"] == 4 and total["disputes_resolved"] == 3
    assert total["letters"] == 2 and total["dv_reports"] == 2 and total["letter_share"] == 100.0
    assert total["colours"] == {"yellow": 1}
    bad = httpx.get(
        f"{hq.url}/v1/figures/weekly",
        params={"week": "2026-W99"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert bad.status_code == 400 and "not an ISO week" in json.dumps(bad.json())
