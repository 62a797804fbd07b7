"""Printed visit sheets read back: text, fields, the code in its QR, the font, a second reader."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pypdf import PdfReader

from app import errors
from app.printing.visit_sheet import BatchCancelled
from app.services import documents, receiving, visit_queries
from tests.unit.test_visits import closed_report


def sheet_ids(store, officer, catalog, **fields) -> list[str]:
    rid = closed_report(store, officer, catalog, **fields)
    return [v.id for v in visit_queries.visits_for_report(store, rid)]


def test_one_page_per_visit_with_every_field_and_the_font_embedded(store, officer, catalog):
    ids = sheet_ids(store, officer, catalog)
    pdf = documents.visit_sheets_pdf(store, catalog, ids)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 3
    details = visit_queries.details(store, ids)
    for page, d in zip(reader.pages, details, strict=True):
        text = page.extract_text()
        for expected in (
            "回访记录单",
            "三桥派出所",
            d.code,
            d.serial,
            "盗窃",
            "王芳",
            "13912345678",
            "新建路12号",
            "电动车被盗",
            "已调解",
            "问题是否解决",
            "基本满意",
            "不满意",
            "还需要什么帮助",
            "回访民警签名",
            "被回访人签名",
            f"第{d.sequence_no}次",
            d.due_date,
            "李建国",
        ):
            assert expected in text, (expected, d.kind)
        fonts = [f.get_object() for f in page["/Resources"]["/Font"].values()]
        cjk = [f for f in fonts if "WenQuanYi" in str(f["/BaseFont"])]
        assert cjk and "/FontFile2" in cjk[0]["/FontDescriptor"]
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        assert len(doc.pages) == 3 and doc.check_pdf_syntax() == []


def test_every_glyph_is_inside_the_page(store, officer, catalog) -> None:
    ids = sheet_ids(store, officer, catalog, summary="报警人称其停放在楼下的电动车被盗。" * 30)
    with pdfplumber.open(io.BytesIO(documents.visit_sheets_pdf(store, catalog, ids))) as doc:
        for page in doc.pages:
            outside = [c["text"] for c in page.chars if c["x1"] > page.width - 5 or c["x0"] < 5]
            assert not outside, "".join(outside)


def test_the_qr_code_carries_the_visit_code(store, officer, catalog, tmp_path) -> None:
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbar-tools is installed by scripts/install-system-deps.sh"
    ids = sheet_ids(store, officer, catalog)
    (tmp_path / "s.pdf").write_bytes(documents.visit_sheets_pdf(store, catalog, ids[:1]))
    subprocess.run(["pdftoppm", "-png", "-r", "150", "s.pdf", "page"], cwd=tmp_path, check=True)
    (png,) = tmp_path.glob("page*.png")
    out = subprocess.run([zbarimg, "-q", "--raw", str(png)], capture_output=True, text=True)
    code = out.stdout.strip()
    assert code == visit_queries.details(store, ids[:1])[0].code
    assert visit_queries.lookup(store, code).id == ids[0]  # a scanner typing it finds the visit


def test_safe_contact_sheet_leaves_out_what_the_other_party_must_not_see(
    store, officer, catalog
) -> None:
    ids = sheet_ids(
        store, officer, catalog, incident_type="C09", summary="丈夫酒后殴打报警人，面部有伤。"
    )
    text = PdfReader(io.BytesIO(documents.visit_sheets_pdf(store, catalog, ids))).pages[1]
    page = text.extract_text()
    assert "安全联系" in page and "Safe contact" in page
    for secret in ("13912345678", "新建路12号", "殴打", "已调解"):
        assert secret not in page, secret
    assert "安全地点面访" in page  # never a phone visit


def test_a_sheet_for_a_voided_report_is_refused_by_serial(store, officer, chief, catalog):
    ids = sheet_ids(store, officer, catalog)
    with store.write() as s:  # a report voided after closing (e.g. entered at the wrong unit)
        from app.db.models import Report, Visit

        visit = s.get(Visit, ids[0])
        report = s.get(Report, visit.report_id)
        report.status = "voided"
        serial = report.serial
    with pytest.raises(errors.ReportVoidedError) as info:
        documents.visit_sheets(store, catalog, ids)
    assert serial in str(info.value)


def test_a_cancelled_batch_stops_and_returns_nothing(store, officer, catalog) -> None:
    ids = sheet_ids(store, officer, catalog)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    with pytest.raises(BatchCancelled):
        documents.visit_sheets_pdf(store, catalog, ids, progress=progress)
    assert seen == [(1, 3), (2, 3)]


def test_print_visits_command_writes_the_route(store, officer, catalog, data_dir) -> None:
    from tests.test_cli import cli

    for addr, phone in (("新建路12号", "13800000011"), ("新建路3号", "13800000012")):
        closed_report(store, officer, catalog, reporter_address=addr, reporter_phone=phone)
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    out = data_dir / "route.pdf"
    args = ["print", "visits", "--data-dir", str(data_dir), "--date", tomorrow]
    r = cli(*args, "--officer", officer.badge, "--out", str(out))
    assert r.returncode == 0, r.stderr
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    assert len(pages) == 4  # two sign-offs (today, overdue tomorrow) and two calls
    assert ["新建路3号" in p for p in pages] == [True, True, False, False]  # route order
    r = cli(*args, "--officer", "999999", "--out", str(out))
    assert r.returncode == 2 and "999999" in r.stderr
    r = cli(*args[:-1], "2026-02-30", "--out", str(out))
    assert r.returncode == 2 and "not a date" in r.stderr
    early = dt.date(2000, 1, 1).isoformat()
    r = cli(*args[:-1], early, "--out", str(data_dir / "none.pdf"))
    assert r.returncode == 1 and not Path(data_dir / "none.pdf").exists()


def test_printing_writes_nothing_to_the_record(store, officer, catalog) -> None:
    """Printing reads only: no revision is written for a printed sheet."""
    ids = sheet_ids(store, officer, catalog)
    with store.read() as s:
        from app.db.models import Station

        before = s.get(Station, 1).last_seq
    documents.visit_sheets_pdf(store, catalog, ids)
    with store.read() as s:
        assert s.get(Station, 1).last_seq == before
    assert receiving.unfinished_receipts(store) == []
