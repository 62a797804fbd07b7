"""The recovery key sheet (数据库恢复密钥), one A4 page for the station safe.

Large monospaced groups that can be typed back without doubt, the fingerprint that names the
key, and what the sheet is for and how to keep it, in Chinese with English beneath.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.printing.fonts import register_fonts

GROUPS_PER_LINE = 7


@dataclass(frozen=True)
class RecoverySheet:
    unit_name: str
    unit_code: str
    recovery_key: str  # groups joined by dashes
    fingerprint: str
    printed_at: str
    printed_by: str
    reprint: bool


# What the sheet is for and how to keep it, each point in Chinese with English beneath.
_RULES = [
    (
        "1. 本页是本所接报警数据库的恢复密钥。请装入信封密封，签字后存放于所内保险柜。",
        "This page is the recovery key of the station's database. Seal it in an envelope, "
        "sign across the seal and keep it in the station safe.",
    ),
    (
        "2. 更换电脑、重装系统或系统钥匙串被清除后，StationDesk 会要求输入本密钥；"
        "从备份恢复到新电脑时也需要它。",
        "StationDesk asks for this key on a new computer, after the system was reinstalled "
        "or its keyring cleared, and when a backup is restored on another computer.",
    ),
    (
        "3. 持有本页和数据库文件或备份的人能读取全部记录。严禁拍照、复印、扫描或通过网络传送。",
        "Whoever holds this page and the database file or a backup can read every record. "
        "Never photograph, copy, scan or send it.",
    ),
    (
        "4. 输入时不区分大小写，短横线和空格可省略；字母 O、I、L 按 0、1、1 识别。",
        "Case, dashes and spaces do not matter when typing it; O, I and L are read as 0, 1, 1.",
    ),
]


def render_recovery_sheet(sheet: RecoverySheet) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        title=f"数据库恢复密钥 {sheet.unit_code}",
        author=sheet.unit_name,
    )
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK")
    english = ParagraphStyle("en", parent=body, fontSize=8.5, leading=12, textColor=colors.grey)
    title = ParagraphStyle("title", parent=body, fontSize=20, leading=28, alignment=TA_CENTER)
    subtitle = ParagraphStyle("sub", parent=english, alignment=TA_CENTER, fontSize=10)

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(escape(text), style)

    story = [
        p("数据库恢复密钥", title),
        p("Database recovery key - keep in the station safe", subtitle),
        Spacer(1, 8 * mm),
        _key_table(sheet.recovery_key),
        Spacer(1, 6 * mm),
        _facts_table(sheet, p),
        Spacer(1, 6 * mm),
    ]
    if sheet.reprint:
        story += [
            p("本页为补打件：原页仍然有效，找到后应销毁。", body),
            p("This is a reprint: the earlier sheet still works; destroy it if found.", english),
            Spacer(1, 3 * mm),
        ]
    for zh, en in _RULES:
        story += [p(zh), p(en, english), Spacer(1, 2 * mm)]
    doc.build(story)
    return buf.getvalue()


def _key_table(recovery_key: str) -> Table:
    """The key's groups in large monospaced type, GROUPS_PER_LINE to a row, boxed."""
    groups = recovery_key.split("-")
    lines = [groups[i : i + GROUPS_PER_LINE] for i in range(0, len(groups), GROUPS_PER_LINE)]
    key_table = Table(
        [[g for g in line] for line in lines],
        colWidths=[23 * mm] * GROUPS_PER_LINE,
        rowHeights=[14 * mm] * len(lines),
    )
    key_table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Courier-Bold", 17),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.grey),
            ]
        )
    )
    return key_table


def _facts_table(sheet: RecoverySheet, p: Callable[[str], Paragraph]) -> Table:
    """Whose key it is, the fingerprint that names it, and when and by whom it was printed."""
    facts = Table(
        [
            [p("单位 Unit"), p(f"{sheet.unit_name}（{sheet.unit_code}）")],
            [p("密钥指纹 Fingerprint"), p(sheet.fingerprint)],
            [p("打印时间 Printed"), p(sheet.printed_at)],
            [p("打印人 Printed by"), p(sheet.printed_by)],
        ],
        colWidths=[42 * mm, 128 * mm],
    )
    facts.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return facts
