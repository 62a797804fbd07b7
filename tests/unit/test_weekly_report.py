"""The weekly research-and-judgment report, read back from its PDF against figures computed here
from the seeded data: the seeds' Taiyuan figures (12,196 disputes investigated, 12,008 resolved,
98.5%; 2,818 warning letters, 43.3% of domestic-violence reports, up 100%; repeat reports in the
marriage/family/neighbourhood category down 66.8%) come out exactly."""

from __future__ import annotations

import datetime as dt
import io
import re

import pdfplumber
from sqlalchemy import insert

from app.cli import main as cli_main
from app.db.models import Report, Visit, WarningLetter
from app.domain import weekly_figures
from app.domain.clock import utc_iso
from app.services import documents, supervision

WEEK = supervision.iso_week(2026, 10)
LAST_YEAR = supervision.year_before(WEEK)
# (type, how many, how many closed, how many flagged as repeats)
THIS_WEEK = [
    ("D01", 3000, 2950, 100),
    ("D02", 4000, 3950, 132),
    ("D03", 3000, 2958, 100),
    ("D04", 1196, 1150, 0),
    ("D05", 1000, 1000, 0),
    ("C09", 6508, 6508, 0),
    ("C01", 400, 380, 0),
]
YEAR_BEFORE = [("D02", 1500, 1500, 1000), ("C09", 3000, 3000, 0)]
LETTERS, LETTERS_YEAR_BEFORE = 2818, 1409
VISITS_CONTENT, VISITS_DISSATISFIED = 950, 50


def _days(period) -> int:
    return (period.end - period.start).days + 1


def seed(store, officer, rows, period, *, serial_offset: int) -> list[str]:
    """Reports received at noon, spread over the period's days."""
    tz = dt.datetime.now().astimezone().tzinfo
    records, ids = [], []
    n = serial_offset
    for code, total, closed, repeats in rows:
        for i in range(total):
            n += 1
            day = period.start + dt.timedelta(days=i % _days(period))
            moment = dt.datetime.combine(day, dt.time(12, 0), tzinfo=tz)
            rid = f"r{n:08d}"
            ids.append(rid)
            records.append(
                {
                    "id": rid,
                    "serial": f"140107-{day:%Y%m%d}-{n:06d}",
                    "serial_day": f"{day:%Y%m%d}",
                    "serial_no": n,
                    "received_at": moment.isoformat(timespec="seconds"),
                    "received_utc": utc_iso(moment),
                    "unit_code": "140107",
                    "officer_id": officer.id,
                    "status": "closed" if i < closed else "referred",
                    "incident_type": code,
                    "reporter_phone": f"139{(i % 40):08d}",
                    "repeat_rule": "R30" if i < repeats else "",
                    "updated_utc": utc_iso(moment),
                }
            )
    # voided receipts never count
    for _ in range(50):
        n += 1
        moment = dt.datetime.combine(period.start, dt.time(9, 0), tzinfo=tz)
        records.append(
            {
                **records[0],
                "id": f"v{n:08d}",
                "serial": f"140107-{period.start:%Y%m%d}-{n:06d}",
                "serial_no": n,
                "status": "voided",
                "received_utc": utc_iso(moment),
            }
        )
    with store.write() as s:
        s.execute(insert(Report), records)
    return ids


def letters(store, officer, report_ids, count, day, spread: int = 7) -> None:
    with store.write() as s:
        s.execute(
            insert(WarningLetter),
            [
                {
                    "id": f"l{day:%Y}{i:06d}",
                    "report_id": report_ids[i],
                    "status": "served",
                    "serial": f"140107-GJ{day:%Y}-{i + 1:04d}",
                    "serial_year": day.year,
                    "serial_no": i + 1,
                    "abuser_name": "某甲",
                    "victim_name": "某乙",
                    "facts": "殴打",
                    "drafted_by": officer.id,
                    "approved_by": officer.id,
                    "approved_day": (day + dt.timedelta(days=i % spread)).isoformat(),
                    "created_utc": "2026-01-01T00:00:00.000000Z",
                    "updated_utc": "2026-01-01T00:00:00.000000Z",
                }
                for i in range(count)
            ],
        )


def answered_visits(store, officer, report_ids) -> None:
    answers = ["satisfied"] * 700 + ["basically_satisfied"] * 250 + ["dissatisfied"] * 50
    day = WEEK.start + dt.timedelta(days=2)
    with store.write() as s:
        s.execute(
            insert(Visit),
            [
                {
                    "id": f"vis{i:06d}",
                    "number": i + 1,
                    "report_id": report_ids[i],
                    "kind": "phone",
                    "sequence_no": 1,
                    "reason": "dispute",
                    "due_date": day.isoformat(),
                    "officer_id": officer.id,
                    "status": "done",
                    "outcome_day": day.isoformat(),
                    "satisfaction": answer,
                    "created_utc": "2026-01-01T00:00:00.000000Z",
                    "updated_utc": "2026-01-01T00:00:00.000000Z",
                }
                for i, answer in enumerate(answers)
            ],
        )


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def test_the_seeds_figures_come_out_exactly(store, officer, catalog, data_dir, tmp_path) -> None:
    now_ids = seed(store, officer, THIS_WEEK, WEEK, serial_offset=0)
    then_ids = seed(store, officer, YEAR_BEFORE, LAST_YEAR, serial_offset=100_000)
    dv_now = now_ids[-6508 - 400 : -400]
    dv_then = then_ids[-3000:]
    letters(store, officer, dv_now, LETTERS, WEEK.start)
    letters(store, officer, dv_then, LETTERS_YEAR_BEFORE, LAST_YEAR.start)
    answered_visits(store, officer, now_ids)

    # the figures, computed here from what was seeded
    disputes = [r for r in THIS_WEEK if r[0].startswith("D")]
    investigated = sum(r[1] for r in disputes)
    resolved = sum(r[2] for r in disputes)
    family = sum(r[1] for r in disputes if r[0] in ("D01", "D02", "D03"))
    repeats_now = sum(r[3] for r in disputes if r[0] in ("D01", "D02", "D03"))
    repeats_then = sum(r[3] for r in YEAR_BEFORE if r[0] in ("D01", "D02", "D03"))
    total = sum(r[1] for r in THIS_WEEK)
    expected = {
        "investigated": f"{investigated:,}",
        "resolved": f"{resolved:,}",
        "rate": f"{resolved / investigated * 100:.1f}%",
        "letters": f"{LETTERS:,}",
        "share": f"{LETTERS / 6508 * 100:.1f}%",
        "letters_change": f"+{(LETTERS - LETTERS_YEAR_BEFORE) / LETTERS_YEAR_BEFORE * 100:.1f}%",
        "repeat_change": f"{(repeats_now - repeats_then) / repeats_then * 100:.1f}%",
        "family_share": f"{family / investigated * 100:.1f}%",
        "satisfaction": f"{VISITS_CONTENT / (VISITS_CONTENT + VISITS_DISSATISFIED) * 100:.1f}%",
        "total": f"{total:,}",
    }
    # and they are the seeds' figures
    assert (expected["investigated"], expected["resolved"], expected["rate"]) == (
        "12,196",
        "12,008",
        "98.5%",
    )
    assert (expected["letters"], expected["share"], expected["letters_change"]) == (
        "2,818",
        "43.3%",
        "+100.0%",
    )
    assert expected["repeat_change"] == "-66.8%"

    out = tmp_path / "week.pdf"
    assert (
        cli_main(
            [
                "report",
                "weekly",
                "--data-dir",
                str(data_dir),
                "--week",
                "2026-W10",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    text = pdf_text(out.read_bytes())
    flat = re.sub(r"\s+", "", text)
    assert (
        f"排查纠纷{expected['investigated']}起，化解{expected['resolved']}起，化解率{expected['rate']}"
        in flat
    )
    assert (
        f"出具家庭暴力告诫书{expected['letters']}份，占家暴警情的{expected['share']}，"
        f"同比{expected['letters_change']}" in flat
    )
    assert f"婚恋、家庭、邻里纠纷{repeats_now}{repeats_then:,}{expected['repeat_change']}" in flat
    assert f"占{expected['family_share']}" in flat
    assert f"回访满意率{expected['satisfaction']}" in flat
    assert f"本周共接报警情{expected['total']}起" in flat
    assert "2026-W10" in text
    import pdfplumber

    with pdfplumber.open(out) as doc:  # the legend and the slanted type names stay on the page
        for page in doc.pages:
            outside = [c["text"] for c in page.chars if c["x1"] > page.width - 8 or c["x0"] < 8]
            assert not outside, "".join(outside)


def test_a_bad_week_is_refused_and_nothing_is_written(data_dir, store, tmp_path, capsys) -> None:
    out = tmp_path / "week.pdf"
    rc = cli_main(
        ["report", "weekly", "--data-dir", str(data_dir), "--week", "2026-W60", "--out", str(out)]
    )
    assert rc == 2 and not out.exists()
    assert "not an ISO week" in capsys.readouterr().err


def test_an_empty_week_still_prints_with_dashes(store, catalog) -> None:
    pdf, figures = documents.weekly_report_pdf(store, catalog, WEEK)
    assert figures.total == 0 and figures.resolution_rate is None
    assert "化解率 —" in pdf_text(pdf) or "化解率—" in re.sub(r"\s+", "", pdf_text(pdf))


def test_the_seeds_figures_come_out_for_a_whole_year_as_pdf_and_workbook(
    store, officer, catalog, data_dir, tmp_path
) -> None:
    """The articles' figures are a city's year: the same counts spread over 2026 (and 2025 for
    the year before) come out of `report figures --period 2026` in the PDF and the workbook."""
    from openpyxl import load_workbook

    year = weekly_figures.parse_period("2026")
    before = weekly_figures.year_before(year)
    assert (before.start, before.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    now_ids = seed(store, officer, THIS_WEEK, year, serial_offset=0)
    then_ids = seed(store, officer, YEAR_BEFORE, before, serial_offset=100_000)
    letters(store, officer, now_ids[-6508 - 400 : -400], LETTERS, year.start, spread=365)
    letters(store, officer, then_ids[-3000:], LETTERS_YEAR_BEFORE, before.start, spread=365)
    out = tmp_path / "2026.pdf"
    args = ["report", "figures", "--data-dir", str(data_dir), "--period", "2026", "--out"]
    assert cli_main([*args, str(out)]) == 0
    flat = re.sub(r"\s+", "", pdf_text(out.read_bytes()))
    assert "警情年度研判报告" in flat and "本年共接报警情" in flat
    assert "排查纠纷12,196起，化解12,008起，化解率98.5%" in flat
    assert "出具家庭暴力告诫书2,818份，占家暴警情的43.3%，同比+100.0%" in flat
    assert "-66.8%" in flat  # repeats in the marriage/family/neighbourhood category
    book = tmp_path / "2026.xlsx"
    assert cli_main([*args, str(book), "--format", "xlsx"]) == 0
    key = {row[0]: row[1:] for row in load_workbook(book)["主要指标"].iter_rows(values_only=True)}
    assert key["排查纠纷"][0] == 12196 and key["化解纠纷"][0] == 12008
    assert key["家庭暴力告诫书"][0] == 2818 and key["家庭暴力告诫书"][2] == 1409


def test_every_kind_of_period_reads_and_has_its_before() -> None:
    for text, start, end, prior_start in (
        ("2026-W10", "2026-03-02", "2026-03-08", "2026-02-23"),
        ("2026-01", "2026-01-01", "2026-01-31", "2025-12-01"),
        ("2026-Q1", "2026-01-01", "2026-03-31", "2025-10-01"),
        ("2024", "2024-01-01", "2024-12-31", "2023-01-01"),
        ("2024-02-10..2024-03-01", "2024-02-10", "2024-03-01", "2024-01-20"),
    ):
        period = weekly_figures.parse_period(text)
        assert (period.start.isoformat(), period.end.isoformat()) == (start, end)
        assert weekly_figures.period_before(period).start.isoformat() == prior_start
    assert weekly_figures.year_before(weekly_figures.parse_period("2024-02")).end == dt.date(
        2023, 2, 28
    )
    for bad in ("2026-13", "2026-Q5", "26", "2026-03-01..2026-02-01", "next week"):
        try:
            weekly_figures.parse_period(bad)
        except ValueError:
            continue
        raise AssertionError(f"{bad!r} was taken for a period")
