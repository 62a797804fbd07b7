"""The special-population register (特殊人群登记册) as printed for the community police office.

A4 landscape, one row a person: category and risk grade, identity, where they live and their
grid, the responsible officer and the next care visit. A safe-contact person's phone is never
printed (the paper lies on a desk)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_fonts
from app.printing.written import written_date


@dataclass(frozen=True)
class RegisterRow:
    name: str
    category: str  # in words
    grade: str
    id_number: str
    phone: str
    address: str
    grid: str
    officer: str
    next_visit: str
    notes: str


HEADERS = (
    "序号", "姓名", "类别", "等级", "身份证号", "联系电话", "住址", "网格", "责任民警", "下次走访", "备注",
)  # fmt: skip
WIDTHS_MM = (11, 18, 32, 12, 38, 26, 53, 16, 18, 24, 25)  # 273 mm across


def render_care_register(unit_name: str, printed_on: str, rows: list[RegisterRow]) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title="特殊人群登记册",
        author=unit_name,
    )
    body = ParagraphStyle("body", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=18, leading=24, alignment=TA_CENTER)
    centre = ParagraphStyle("centre", parent=body, fontSize=10, leading=14, alignment=TA_CENTER)

    def p(text: str) -> Paragraph:
        return Paragraph(escape(text), body)

    data = [[p(h) for h in HEADERS]] + [
        [
            p(str(n)),
            p(r.name),
            p(r.category),
            p(r.grade),
            p(r.id_number),
            p(r.phone),
            p(r.address),
            p(r.grid),
            p(r.officer),
            p(written_date(r.next_visit) if r.next_visit else ""),
            p(r.notes),
        ]
        for n, r in enumerate(rows, 1)
    ]
    table = Table(data, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    story = [
        Paragraph(escape("特殊人群登记册"), title),
        Paragraph(
            escape(f"{unit_name}　在册 {len(rows)} 人　打印日期 {written_date(printed_on)}"), centre
        ),
        Spacer(1, 4 * mm),
        table,
    ]
    doc.build(story)
    return buf.getvalue()
