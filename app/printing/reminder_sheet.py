"""The reminder sheet for repeated police treatment (重复警情提示单), as issued and answered.

One A4 page: issuing and receiving unit, the code and deadline, the rule that fired and what
the reports share, the linked reports, and the three feedback boxes (receipt, progress, result)
filled with what was fed back so far, then the clearing line.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_fonts
from app.printing.written import written_time

KEY_NAMES = {
    "phone": "同一报警电话",
    "id_number": "同一身份证号",
    "name_address": "同一人同一地址",
    "incident_place": "同一发案地点",
    "manual": "人工建档",
}


def render_reminder_sheet(sheet: dict[str, Any], type_names: dict[str, str]) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=16 * mm,
        title=f"重复警情提示单 {sheet['code']}",
        author=sheet["issuing_unit"],
    )
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=28, alignment=TA_CENTER)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=11, textColor=colors.grey)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>").replace("　", "&nbsp;" * 3), style)

    cleared = str(sheet.get("cleared_at") or "")[:16].replace("T", " ")
    story = [
        p("重复警情提示单", title),
        p(
            "Reminder sheet for repeated police treatment",
            ParagraphStyle("en", parent=small, alignment=TA_CENTER),
        ),
        Spacer(1, 5 * mm),
        _head_table(sheet, font, p),
        Spacer(1, 4 * mm),
        p("关联警情"),
        _reports_table(sheet, type_names, font),
        Spacer(1, 4 * mm),
        p(
            "请接收单位收到本提示单后立即签收反馈，落实“一案一档、一案一策”，开展回访化解，"
            "于期限内反馈处置结果；问题未解决、未经回访的不得清零。"
        ),
        Spacer(1, 3 * mm),
        _feedback_table(sheet, font, p),
        Spacer(1, 4 * mm),
        p(f"清零：{cleared if cleared else '□ 已清零　　审核人：　　　　　　日期：'}"),
    ]
    doc.build(story)
    return buf.getvalue()


def _grid(
    rows: list[list[Any]], widths: list[float], font: str, heights: list[float] | None = None
) -> Table:
    """A ruled table whose first column holds the labels, shaded."""
    table = Table(rows, colWidths=widths, rowHeights=heights)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 10),
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#F5F5F5")),
            ]
        )
    )
    return table


def _head_table(sheet: dict[str, Any], font: str, p: Callable[[str], Paragraph]) -> Table:
    """Code and deadline, issuing and receiving unit, and the rule that fired on what."""
    key_kind = sheet["key_kind"]
    head = _grid(
        [
            ["编号", sheet["code"], "反馈期限", sheet["deadline"]],
            ["签发", p(sheet["issuing_unit"]), "接收", p(sheet["receiving_unit"])],
            [
                "触发规则",
                p(
                    f"{sheet['rule_label']}（{KEY_NAMES.get(key_kind, key_kind)}"
                    f"：{sheet['key_value'] if key_kind != 'manual' else '—'}）"
                ),
                "",
                "",
            ],
        ],
        [24 * mm, 62 * mm, 24 * mm, 64 * mm],
        font,
    )
    head.setStyle(
        TableStyle(
            [("SPAN", (1, 2), (3, 2)), ("BACKGROUND", (2, 0), (2, 1), colors.HexColor("#F5F5F5"))]
        )
    )
    return head


def _reports_table(sheet: dict[str, Any], type_names: dict[str, str], font: str) -> Table:
    """The linked reports, one numbered row each."""
    report_rows: list[list[Any]] = [["序号", "接报编号", "单位", "接报时间", "警情类别"]]
    for i, e in enumerate(sheet["reports"], start=1):
        report_rows.append(
            [
                str(i),
                e.get("serial", ""),
                e.get("unit_code", ""),
                written_time(str(e.get("received_at", ""))),
                type_names.get(str(e.get("incident_type", "")), str(e.get("incident_type", ""))),
            ]
        )
    reports = _grid(report_rows, [12 * mm, 52 * mm, 22 * mm, 36 * mm, 52 * mm], font)
    reports.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#F5F5F5"))]))
    return reports


def _feedback_table(sheet: dict[str, Any], font: str, p: Callable[[str], Paragraph]) -> Table:
    """The three feedback boxes, each with what was fed back so far or blank lines to fill."""

    def feedback(label: str, stage: str) -> list[Any]:
        text = sheet.get(f"{stage}_text") or ""
        at = str(sheet.get(f"{stage}_at") or "")[:16].replace("T", " ")
        return [
            label,
            p(f"{text}\n\n反馈时间：{at}" if text else "\n\n反馈人：　　　　　　反馈时间："),
        ]

    return _grid(
        [
            feedback("签收反馈", "receipt"),
            feedback("过程反馈", "progress"),
            feedback("结果反馈", "result"),
        ],
        [24 * mm, 150 * mm],
        font,
        [22 * mm, 30 * mm, 34 * mm],
    )
