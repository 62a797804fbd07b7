import io

from pypdf import PdfReader

from app.services import documents, receiving
from tests.conftest import good_intake


def test_receipt_slip_pdf_has_chinese_text_serial_and_embedded_font(
    store, officer, catalog
) -> None:
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    pdf = documents.receipt_slip_pdf(store, catalog, rid)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    serial = documents.receipt_slip(store, catalog, rid).serial
    for expected in (
        "报警回执",
        serial,
        "三桥派出所",
        "李建国",
        "王芳",
        "盗窃",
        "0351-1234567",
        "依照规范处置",  # what happens next for the reporter, not the officers' checklist
    ):
        assert expected in text, expected
    fonts = reader.pages[0]["/Resources"]["/Font"]
    embedded = [f.get_object() for f in fonts.values()]
    cjk = [f for f in embedded if "WenQuanYi" in str(f["/BaseFont"])]
    assert cjk, "bundled CJK font missing"
    descriptor = cjk[0]["/FontDescriptor"]
    assert "/FontFile2" in descriptor, "CJK font not embedded"


def test_voided_slip_is_marked(store, officer, chief, catalog) -> None:
    rid = receiving.receive(store, officer).id
    receiving.void_receipt(store, chief, rid, "误按")
    text = (
        PdfReader(io.BytesIO(documents.receipt_slip_pdf(store, catalog, rid)))
        .pages[0]
        .extract_text()
    )
    assert "作废" in text


def test_slip_text_is_laid_out_inside_the_page_and_reads_naturally(store, officer, catalog) -> None:
    """Letter-spacing leaking from the title once pushed every line off the right edge."""
    import pdfplumber

    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    pdf = documents.receipt_slip_pdf(store, catalog, rid)
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        page = doc.pages[0]
        outside = [ch["text"] for ch in page.chars if ch["x1"] > page.width - 5]
        assert not outside, "".join(outside)
        lines = page.extract_text().splitlines()
    assert any("Report receipt" in line for line in lines)
    assert any("To add information or ask about progress" in line for line in lines)
    assert not [line for line in lines if line[:1] in "。，、；：？！）"], lines


def test_slip_opens_cleanly_in_a_second_reader(store, officer, catalog) -> None:
    import pikepdf

    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    with pikepdf.open(io.BytesIO(documents.receipt_slip_pdf(store, catalog, rid))) as pdf:
        assert len(pdf.pages) == 1
        assert pdf.check_pdf_syntax() == []


def test_the_public_slip_carries_no_officer_internal_steps(store, officer, catalog) -> None:
    """The handling standard is the officers' checklist (risk assessment, warning colours):
    the reporter reads what happens next for them, and that a visit will come."""
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(incident_type="C09"), catalog)
    slip = documents.receipt_slip(store, catalog, rid)
    internal = {step.text("zh_CN") for step in catalog.get("C09").steps}
    assert not internal & set(slip.next_steps)
    assert any("回访" in line for line in slip.next_steps)
    assert slip.next_steps[-1] == "处置结果将向您反馈。"


def test_the_slip_gives_the_time_as_people_write_it_and_the_stations_own_phone(
    store, officer, catalog
) -> None:
    """Not "2026-12-04 01:07:53+08:00", and not "call 110" (which is for emergencies): the day
    and minute in words, and the station's public phone set up with the station."""
    import datetime as dt

    moment = dt.datetime(2026, 12, 4, 1, 7, 53).astimezone()
    rid = receiving.receive(store, officer, now=moment).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    text = PdfReader(io.BytesIO(documents.receipt_slip_pdf(store, catalog, rid))).pages[0]
    words = "".join(text.extract_text().split())
    assert "2026年12月4日01:07" in words
    assert "+08:00" not in words and ":53" not in words
    assert "拨打三桥派出所电话0351-1234567" in words and "110" not in words
