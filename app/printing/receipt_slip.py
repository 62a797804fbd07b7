"""The receipt slip handed to a walk-in reporter.

Bilingual labels, the serial in large type and as a Code 128 barcode (so the desk can scan
it back), what happens next and whom to call. A5 portrait fits the desk printers' trays.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.graphics.barcode import code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from app.printing.fonts import register_fonts
from app.printing.written import written_time


@dataclass(frozen=True)
class ReceiptSlip:
    serial: str
    received_at: str
    unit_name: str
    unit_code: str
    officer_name: str
    officer_badge: str
    incident_type: str
    reporter_name: str
    next_steps: list[str] = field(default_factory=list)
    contact_phone: str = ""
    voided: bool = False


_PIECES = re.compile(r"[A-Za-z0-9'’.,;:!?()\-/]+\s*|\s+|.")
# Chinese typesetting never starts a line with closing punctuation; it hangs at the line end.
_NO_LINE_START = set("。，、；：？！）」』》〉】”’…—·%,.;:!?)")


def wrap_text(c: canvas.Canvas, text: str, font: str, size: float, width: float) -> list[str]:
    """Break between CJK characters anywhere, between Latin words only at spaces."""
    lines: list[str] = []
    line = ""
    for piece in _PIECES.findall(text):
        too_wide = c.stringWidth(line + piece.rstrip(), font, size) > width
        if line and too_wide and piece[0] not in _NO_LINE_START:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    return lines


def render_receipt_slip(slip: ReceiptSlip) -> bytes:
    font = register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A5, pageCompression=1)
    c.setTitle(f"报警回执 {slip.serial}")
    c.setAuthor(slip.unit_name)
    y = _draw_heading(c, font, slip, A5[1] - 18 * mm)
    y = _draw_serial(c, font, slip, y)
    y = _draw_facts(c, font, slip, y)
    _draw_next_steps(c, font, slip, y)
    _draw_footer(c, font)
    if slip.voided:
        _draw_void_stamp(c, font)
    c.showPage()
    c.save()
    return buf.getvalue()


_MARGIN = 14 * mm


def _draw_heading(c: canvas.Canvas, font: str, slip: ReceiptSlip, y: float) -> float:
    """The spaced-out title, its English line and the unit, ruled off; returns the next y."""
    width = A5[0]
    title = c.beginText()
    title.setFont(font, 17)
    title.setCharSpace(6)
    title_width = c.stringWidth("报警回执", font, 17) + 6 * 3
    title.setTextOrigin((width - title_width) / 2, y)
    title.textOut("报警回执")
    title.setCharSpace(0)  # Tc is graphics state: it would outlive this text object
    c.drawText(title)
    y -= 6 * mm
    c.setFont(font, 9)
    c.setFillColor(colors.grey)
    c.drawCentredString(width / 2, y, "Report receipt")
    c.setFillColor(colors.black)
    y -= 6 * mm
    c.setFont(font, 10.5)
    c.drawCentredString(width / 2, y, slip.unit_name)
    y -= 4 * mm
    c.setLineWidth(0.8)
    c.line(_MARGIN, y, width - _MARGIN, y)
    return y


def _draw_serial(c: canvas.Canvas, font: str, slip: ReceiptSlip, y: float) -> float:
    """The serial in large type with its barcode beside it, to be scanned back at the desk."""
    y -= 7 * mm
    c.setFont(font, 9)
    c.drawString(_MARGIN, y, "接报编号  Serial")
    y -= 8 * mm
    c.setFont(font, 18)
    c.drawString(_MARGIN, y, slip.serial)
    barcode = code128.Code128(slip.serial, barHeight=10 * mm, barWidth=0.75)
    barcode.drawOn(c, A5[0] - _MARGIN - barcode.width, y - 12 * mm)
    return float(y - 22 * mm)


def _draw_facts(c: canvas.Canvas, font: str, slip: ReceiptSlip, y: float) -> float:
    """When, where, who took it, who reported and what: a bilingual label beside each value."""
    width = A5[0]
    rows = [
        ("报警时间", "Received", written_time(slip.received_at)),
        ("接报单位", "Unit", f"{slip.unit_name}（{slip.unit_code}）"),
        ("接警民警", "Officer", f"{slip.officer_name}  警号 {slip.officer_badge}"),
        ("报警人", "Reporter", slip.reporter_name or "—"),
        ("警情类别", "Incident type", slip.incident_type or "—"),
    ]
    label_w = 34 * mm
    for zh, en, value in rows:
        c.setFont(font, 10)
        c.drawString(_MARGIN, y, zh)
        c.setFont(font, 7)
        c.setFillColor(colors.grey)
        c.drawString(_MARGIN, y - 3.3 * mm, en)
        c.setFillColor(colors.black)
        c.setFont(font, 10.5)
        for i, line in enumerate(wrap_text(c, value, font, 10.5, width - 2 * _MARGIN - label_w)):
            c.drawString(_MARGIN + label_w, y - i * 5 * mm, line)
        y -= 10 * mm
    return y


def _draw_next_steps(c: canvas.Canvas, font: str, slip: ReceiptSlip, y: float) -> None:
    """The numbered next steps, then how to add information or ask about progress."""
    width = A5[0]
    c.setLineWidth(0.4)
    c.line(_MARGIN, y + 4 * mm, width - _MARGIN, y + 4 * mm)
    y -= 2 * mm
    c.setFont(font, 10.5)
    c.drawString(_MARGIN, y, "后续处理  What happens next")
    y -= 6 * mm
    c.setFont(font, 9.5)
    for n, step in enumerate(slip.next_steps, 1):
        for i, line in enumerate(wrap_text(c, step, font, 9.5, width - 2 * _MARGIN - 6 * mm)):
            c.drawString(
                _MARGIN + (0 if i == 0 else 6 * mm), y, (f"{n}. " if i == 0 else "") + line
            )
            y -= 5 * mm
    y -= 3 * mm
    c.setFont(font, 9.5)
    if slip.contact_phone:
        ask = (
            f"如需补充情况或查询处理进展，请拨打 {slip.unit_name}电话 {slip.contact_phone}，"
            f"或携带本回执到所，并告知接报编号。 To add information or ask about progress, call "
            f"{slip.contact_phone} or bring this slip to the station, quoting the serial."
        )
    else:  # a station set up before the public phone was asked for
        ask = (
            f"如需补充情况或查询处理进展，请携带本回执到{slip.unit_name}，并告知接报编号。"
            " To add information or ask about progress, bring this slip to the station."
        )
    for line in wrap_text(
        c,
        ask,
        font,
        9.5,
        width - 2 * _MARGIN,
    ):
        c.drawString(_MARGIN, y, line)
        y -= 5 * mm


def _draw_footer(c: canvas.Canvas, font: str) -> None:
    """The reporter's signature line and the note that serials are never deleted."""
    width = A5[0]
    c.setFont(font, 9)
    c.drawString(_MARGIN, 22 * mm, "报警人签名 Reporter's signature：")
    c.line(_MARGIN + 52 * mm, 21 * mm, width - _MARGIN, 21 * mm)
    c.setFont(font, 7.5)
    c.setFillColor(colors.grey)
    c.drawString(
        _MARGIN, 12 * mm, "本回执由 StationDesk 在按下自接警按钮时生成，编号连续且不可删除。"
    )
    c.drawString(
        _MARGIN,
        8.5 * mm,
        "Numbers are drawn when the receive button is pressed; none can be deleted.",
    )


def _draw_void_stamp(c: canvas.Canvas, font: str) -> None:
    width, height = A5
    c.saveState()
    c.setFillColor(colors.Color(0.8, 0, 0, alpha=0.35))
    c.setFont(font, 60)
    c.translate(width / 2, height / 2)
    c.rotate(35)
    c.drawCentredString(0, 0, "作废 VOID")
    c.restoreState()


def write_receipt_slip(slip: ReceiptSlip, out: Path) -> Path:
    out.write_bytes(render_receipt_slip(slip))
    return out
