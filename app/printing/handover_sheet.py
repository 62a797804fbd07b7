"""The shift handover sheet (交接班记录) for the duty book: who handed over to whom and when,
the note, and what was left open, with both signatures."""

from __future__ import annotations

import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_fonts
from app.printing.written import written_date, written_time


@dataclass(frozen=True)
class HandoverPrint:
    unit_name: str
    from_name: str
    to_name: str
    shift_start: str
    written_at: str
    acknowledged_at: str
    note: str
    acknowledgement: str
    receipts: list[dict[str, str]]
    visits: list[dict[str, str]]


def render_handover(h: HandoverPrint) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title="交接班记录",
        author=h.unit_name,
    )
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=28, alignment=TA_CENTER)
    h2 = ParagraphStyle("h2", parent=body, fontSize=12, leading=20, spaceBefore=6)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style)

    def table(rows: list[list[str]], widths: list[float]) -> Table:
        t = Table([[p(c) for c in row] for row in rows], colWidths=[w * mm for w in widths])
        t.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    receipts = [["接报编号", "接警民警", "未完成原因"]] + [
        [r.get("serial", ""), r.get("officer", ""), r.get("reason", "")] for r in h.receipts
    ]
    visits = [["回访编号", "应回访日期", "回访对象", "责任民警", "接报编号"]] + [
        [
            v.get("code", ""),
            written_date(v.get("due", "")),
            v.get("person", ""),
            v.get("officer", ""),
            v.get("serial", ""),
        ]
        for v in h.visits
    ]
    story = [
        p(h.unit_name, ParagraphStyle("unit", parent=body, alignment=TA_CENTER)),
        p("交接班记录", title),
        Spacer(1, 4 * mm),
        p(
            f"交班民警：{h.from_name}　　本班自 {written_time(h.shift_start)} 至 {written_time(h.written_at)}"
        ),
        p(
            f"接班民警：{h.to_name}　　接班时间：{written_time(h.acknowledged_at)}"
            if h.acknowledged_at
            else "接班民警：＿＿＿＿＿＿　　接班时间：＿＿＿＿＿＿（尚未确认接班）"
        ),
        p("一、交班说明", h2),
        p(h.note),
        p(f"二、未完成登记的接报（{len(h.receipts)} 起）", h2),
        table(receipts if h.receipts else receipts + [["无", "", ""]], [50, 30, 94]),
        p(f"三、今日到期及逾期的回访（{len(h.visits)} 个）", h2),
        table(visits if h.visits else visits + [["无", "", "", "", ""]], [30, 36, 32, 26, 50]),
    ]
    if h.acknowledgement:
        story += [p("四、接班意见", h2), p(h.acknowledgement)]
    story += [Spacer(1, 10 * mm), p("交班民警签名：＿＿＿＿＿＿　　　　接班民警签名：＿＿＿＿＿＿")]
    doc.build(story)
    return buf.getvalue()
