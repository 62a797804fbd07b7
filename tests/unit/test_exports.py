"""Spreadsheet exports: what Excel opens, in Chinese, with nothing run as a formula."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import errors
from app.services import export, receiving
from tests.conftest import good_intake


def _saved(store, officer, catalog, **fields: str) -> str:
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(**fields), catalog)
    return rid


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_reports_open_in_a_spreadsheet_with_chinese_and_no_formulas(
    store, officer, catalog, tmp_path, fmt
) -> None:
    _saved(store, officer, catalog)
    _saved(store, officer, catalog, summary='=HYPERLINK("http://x","点我")')
    out = tmp_path / f"reports.{fmt}"
    assert export.export_table(store, "reports", fmt, out) == 2
    if fmt == "csv":
        raw = out.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")  # the mark Excel needs to read UTF-8
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        header, body = rows[0], rows[1:]
        summary = [r[header.index("summary")] for r in body]
        assert "'=HYPERLINK" in "".join(summary)
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(out).active
        values = list(sheet.iter_rows(values_only=True))
        header, body = list(values[0]), values[1:]
        cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
        assert all(c.data_type != "f" for c in cells)  # nothing is a formula
    names = {r[header.index("reporter_name")] for r in body}
    assert names == {"王芳"}
    assert "serial" in header and "checklist" not in header


@pytest.mark.parametrize("what", ["visits", "case_files", "letters"])
def test_every_kind_of_record_exports(store, chief, catalog, tmp_path, what) -> None:
    from app.services import case_files, warning_letters

    ids = [_saved(store, chief, catalog, incident_type="D02") for _ in range(3)]
    receiving.close_report(store, chief, ids[0], "已调解")
    warning_letters.draft(
        store, chief, ids[1], warning_letters.LetterDraft("王大力", "王芳", "酒后殴打")
    )
    assert case_files.file_of_report(store, ids[-1])
    out = tmp_path / f"{what}.xlsx"
    assert export.export_table(store, what, "xlsx", out) >= 1


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(min_size=1, max_size=40).filter(lambda t: t.strip()))
def test_any_summary_comes_back_as_the_same_text(store, officer, catalog, tmp_path, text) -> None:
    """Whatever was typed (formula-like, quotes, commas, newlines, any script) reads back from
    the CSV as it was, less the apostrophe that keeps a formula a text."""
    try:
        rid = _saved(store, officer, catalog, summary=text)
    except errors.StationDeskError:  # the desk refuses some text (control characters)
        return
    out = tmp_path / "r.csv"
    export.export_table(store, "reports", "csv", out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    header = rows[0]
    row = next(r for r in rows[1:] if r[header.index("id")] == rid)
    from app.services import reports

    saved = reports.get_report(store, rid)["summary"]
    shown = row[header.index("summary")]
    assert shown == saved or (shown == "'" + saved and saved.startswith(export.FORMULA_START))
