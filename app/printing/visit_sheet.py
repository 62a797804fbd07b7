"""The return-visit sheet a community officer carries: one A4 page per visit.

Bilingual labels; the visit code in large type and as a QR code, so the outcome is entered
back by typing or scanning it. Safe-contact visits leave out the phone number, the address,
the incident summary and the handling result: the sheet may be seen by the other party.
A batch of sheets is one PDF in route order, built page by page with a progress callback
that can cancel; a cancelled batch writes nothing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reportlab.graphics.barcode.qrencoder import QR8bitByte, QRCode, QRErrorCorrectLevel
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from app.printing.fonts import register_fonts
from app.printing.receipt_slip import wrap_text

KIND_LABELS = {
    "onsite_signoff": ("现场签认", "On-site sign-off"),
    "phone": ("电话回访", "Phone call"),
    "home": ("上门回访", "Home visit"),
    "safe_meeting": ("安全地点面访", "Meeting at a safe place"),
    "further": ("不满意再回访", "Further visit (dissatisfied)"),
    "care": ("特殊人群走访", "Care visit"),
}
REASON_LABELS = {
    "catalog": ("警情类别要求回访", "required for the incident type"),
    "dispute": ("矛盾纠纷", "dispute"),
    "repeat": ("重复报警", "repeat report"),
    "dissatisfied": ("群众不满意", "reporter dissatisfied"),
    "not_reached": ("前次未联系上", "not reached last time"),
    "care": ("特殊人群定期走访", "special-population cadence"),
}
CARE_LABELS = {
    "mental_illness": ("严重精神障碍患者", "Severe mental illness"),
    "elderly_alone": ("独居老人", "Elderly living alone"),
    "disabled": ("残疾人", "Disabled"),
    "hardship": ("困难家庭", "Family in hardship"),
}
SUMMARY_LINES = 6
RESULT_LINES = 3


@dataclass(frozen=True)
class VisitSheet:
    unit_name: str
    unit_code: str
    code: str
    kind: str
    sequence_no: int
    attempt: int
    reason: str
    due_date: str
    overdue: bool
    officer_name: str
    officer_badge: str
    grid: str
    serial: str
    incident_type: str
    received_at: str
    person_name: str
    phone: str
    address: str
    summary: str
    disposal_result: str
    safe_contact: bool
    care_category: str = ""
    printed_on: str = ""


class BatchCancelled(Exception):
    """The officer pressed Cancel; no file was written."""


def draw_qr(c: canvas.Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code as one filled path, a rectangle per run of dark modules in a row.

    ReportLab's QR widget builds one shape object per module and cost 35 ms a sheet; the
    encoder alone (with its best-mask search) costs about 2 ms.
    """
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(QR8bitByte(text))
    qr.make()
    count = qr.getModuleCount()
    quiet = 2
    cell = size / (count + 2 * quiet)
    path = c.beginPath()
    for row in range(count):
        top = y + size - (row + quiet + 1) * cell
        col = 0
        while col < count:
            if qr.isDark(row, col):
                start = col
                while col < count and qr.isDark(row, col):
                    col += 1
                path.rect(x + (start + quiet) * cell, top, (col - start) * cell, cell)
            else:
                col += 1
    c.drawPath(path, stroke=0, fill=1)


class _Page:
    """Draws one sheet on a shared canvas; measurements in one place."""

    margin = 16 * mm
    label_w = 30 * mm

    def __init__(self, c: canvas.Canvas, font: str) -> None:
        self.c = c
        self.font = font
        self.width, self.height = A4
        self.inner = self.width - 2 * self.margin

    def label(self, x: float, y: float, zh: str, en: str) -> None:
        c = self.c
        c.setFont(self.font, 9.5)
        c.drawString(x, y, zh)
        c.setFont(self.font, 6.5)
        c.setFillColor(colors.grey)
        c.drawString(x, y - 3 * mm, en)
        c.setFillColor(colors.black)

    def field(
        self,
        y: float,
        zh: str,
        en: str,
        value: str,
        *,
        lines: int = 1,
        x: float = 0,
        width: float | None = None,
    ) -> float:
        """A labelled value; returns the y below it."""
        c = self.c
        left = self.margin + x
        avail = (width or self.inner - x) - self.label_w
        self.label(left, y, zh, en)
        c.setFont(self.font, 10)
        wrapped = wrap_text(c, value or "—", self.font, 10, avail) if value else ["—"]
        if len(wrapped) > lines:
            wrapped = wrapped[:lines]
            wrapped[-1] = wrapped[-1][:-1] + "…"
        for i, line in enumerate(wrapped):
            c.drawString(left + self.label_w, y - i * 4.8 * mm, line)
        return y - max(len(wrapped), 1) * 4.8 * mm - 4.5 * mm

    def pair(self, y: float, left: tuple[str, str, str], right: tuple[str, str, str]) -> float:
        """Two labelled values side by side on one row; returns the y below the taller."""
        half = self.inner / 2
        below_left = self.field(y, *left, width=half, lines=2)
        below_right = self.field(y, *right, x=half, width=half, lines=2)
        return min(below_left, below_right)

    def boxes(self, x: float, y: float, options: Sequence[tuple[str, str]]) -> None:
        c = self.c
        for zh, en in options:
            c.rect(x, y - 0.6 * mm, 3.4 * mm, 3.4 * mm)
            c.setFont(self.font, 10)
            c.drawString(x + 5 * mm, y, zh)
            w = c.stringWidth(zh, self.font, 10)
            c.setFont(self.font, 7)
            c.setFillColor(colors.grey)
            c.drawString(x + 6 * mm + w, y, en)
            c.setFillColor(colors.black)
            x += 7 * mm + w + c.stringWidth(en, self.font, 7) + 6 * mm

    def rule_lines(self, y: float, count: int) -> float:
        self.c.setLineWidth(0.3)
        self.c.setStrokeColor(colors.grey)
        for _ in range(count):
            y -= 7.5 * mm
            self.c.line(self.margin, y, self.width - self.margin, y)
        self.c.setStrokeColor(colors.black)
        return y

    def draw(self, sheet: VisitSheet) -> None:
        c, font, m = self.c, self.font, self.margin
        top = self.height - 16 * mm
        c.setFont(font, 10)
        c.drawString(m, top, f"{sheet.unit_name}（{sheet.unit_code}）")
        c.setFont(font, 18)
        c.drawString(m, top - 10 * mm, "回访记录单")
        c.setFont(font, 9)
        c.setFillColor(colors.grey)
        c.drawString(m, top - 15 * mm, "Return visit sheet")
        c.setFillColor(colors.black)
        qr_size = 27 * mm
        draw_qr(c, sheet.code, self.width - m - qr_size, top - 24 * mm, qr_size)
        c.setFont(font, 16)
        c.drawRightString(self.width - m - qr_size - 3 * mm, top - 8 * mm, sheet.code)
        c.setFont(font, 7.5)
        c.drawRightString(self.width - m - qr_size - 3 * mm, top - 13 * mm, "回访编号 Visit code")
        kind_zh, kind_en = KIND_LABELS.get(sheet.kind, (sheet.kind, sheet.kind))
        c.setFont(font, 11)
        c.drawRightString(
            self.width - m - qr_size - 3 * mm,
            top - 20 * mm,
            f"第{sheet.sequence_no}次 · {kind_zh} {kind_en}",
        )
        y = top - 28 * mm
        c.setLineWidth(0.9)
        c.line(m, y, self.width - m, y)
        if sheet.safe_contact:
            y -= 13 * mm
            c.setFillColor(colors.Color(0.75, 0, 0))
            c.rect(m, y - 2 * mm, self.inner, 12 * mm, stroke=0, fill=1)
            c.setFillColor(colors.white)
            c.setFont(font, 10.5)
            c.drawString(
                m + 3 * mm, y + 5 * mm, "安全联系：不得电话联系，不得让对方当事人看到本单。"
            )
            c.setFont(font, 8.5)
            c.drawString(
                m + 3 * mm,
                y + 0.5 * mm,
                "Safe contact: no phone calls; keep this sheet from the other party.",
            )
            c.setFillColor(colors.black)
            y -= 2 * mm
        y -= 8 * mm
        due = sheet.due_date + ("（已逾期 overdue）" if sheet.overdue else "")
        reason_zh, reason_en = REASON_LABELS.get(sheet.reason, (sheet.reason, ""))
        officer = f"{sheet.officer_name} 警号 {sheet.officer_badge}" if sheet.officer_badge else ""
        attempt = f"第{sheet.attempt}次尝试 attempt {sheet.attempt}" if sheet.attempt > 1 else ""
        y = self.pair(
            y, ("应回访日期", "Due", due), ("回访原因", "Why", f"{reason_zh} {reason_en}")
        )
        y = self.pair(
            y,
            ("回访民警", "Officer", officer),
            ("网格", "Grid", " ".join(filter(None, (sheet.grid, attempt)))),
        )
        y -= 1 * mm
        c.setLineWidth(0.4)
        c.line(m, y + 3 * mm, self.width - m, y + 3 * mm)
        y -= 3 * mm
        if sheet.serial:
            y = self.pair(
                y,
                ("受理编号", "Serial", sheet.serial),
                ("警情类别", "Incident type", sheet.incident_type),
            )
            y = self.field(y, "报警时间", "Reported", sheet.received_at.replace("T", " ")[:16])
        elif sheet.care_category:
            zh, en = CARE_LABELS.get(sheet.care_category, (sheet.care_category, ""))
            y = self.field(y, "人员类别", "Category", f"{zh} {en}")
        who_zh, who_en = ("报警人", "Reporter") if sheet.serial else ("走访对象", "Person")
        withheld = "（安全联系，不予打印 withheld: safe contact）"
        y = self.pair(
            y,
            (who_zh, who_en, sheet.person_name),
            ("联系电话", "Phone", "不予打印 withheld" if sheet.safe_contact else sheet.phone),
        )
        y = self.field(
            y,
            "地址",
            "Address",
            "在当事人选定的安全地点见面 meet at the place the person chose"
            if sheet.safe_contact
            else sheet.address,
            lines=2,
        )
        summary_zh = "简要情况" if sheet.serial else "备注"
        y = self.field(
            y,
            summary_zh,
            "Summary",
            withheld if sheet.safe_contact else sheet.summary,
            lines=SUMMARY_LINES,
        )
        if sheet.serial:
            y = self.field(
                y,
                "处置结果",
                "Handling result",
                withheld if sheet.safe_contact else sheet.disposal_result,
                lines=RESULT_LINES,
            )
        c.setLineWidth(0.9)
        c.line(m, y + 2 * mm, self.width - m, y + 2 * mm)

        y -= 5 * mm
        c.setFont(font, 11)
        c.drawString(m, y, "回访情况  Outcome")
        y -= 8 * mm
        self.label(m, y, "回访结果", "Result")
        self.boxes(
            m + self.label_w,
            y,
            [("已回访", "done"), ("未联系上", "not reached"), ("拒绝回访", "refused")],
        )
        y -= 9 * mm
        self.label(m, y, "问题是否解决", "Problem solved?")
        self.boxes(
            m + self.label_w, y, [("已解决", "yes"), ("部分解决", "partly"), ("未解决", "no")]
        )
        y -= 9 * mm
        self.label(m, y, "满意度", "Satisfaction")
        self.boxes(
            m + self.label_w,
            y,
            [("满意", "satisfied"), ("基本满意", "basically"), ("不满意", "dissatisfied")],
        )
        y -= 9 * mm
        self.label(m, y, "还需要什么帮助", "What else is needed")
        y = self.rule_lines(y, 2)
        y -= 7 * mm
        self.label(m, y, "回访记录 / 未联系上原因", "Notes / why not reached")
        box_h = 20 * mm
        box_y = 24 * mm
        # as many writing lines as the page has room for above the signature boxes
        self.rule_lines(y, max(2, int((y - box_y - box_h - 6 * mm) / (7.5 * mm))))

        box_w = (self.inner - 8 * mm) / 3
        c.setLineWidth(0.6)
        for i, (zh, en) in enumerate(
            (("回访民警签名", "Officer"), ("被回访人签名", "Person visited"), ("回访日期", "Date"))
        ):
            x = m + i * (box_w + 4 * mm)
            c.rect(x, box_y, box_w, box_h)
            self.label(x + 2 * mm, box_y + box_h - 5 * mm, zh, en)
        c.setFont(font, 7)
        c.setFillColor(colors.grey)
        c.drawString(
            m,
            14 * mm,
            f"回访结束后在 StationDesk 中输入或扫描回访编号 {sheet.code} 录入结果。"
            f" Enter the outcome in StationDesk by typing or scanning {sheet.code}.",
        )
        if sheet.printed_on:
            c.drawRightString(self.width - m, 10 * mm, f"打印 Printed {sheet.printed_on}")
        c.setFillColor(colors.black)


def render_visit_sheets(
    sheets: Sequence[VisitSheet],
    *,
    progress: Callable[[int, int], bool] | None = None,
    title: str = "回访记录单",
) -> bytes:
    """All sheets as one PDF, one page each, in the order given.

    `progress(done, total)` is called after each page; returning False cancels the batch
    (BatchCancelled), and nothing is returned or written.
    """
    font = register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle(title)
    if sheets:
        c.setAuthor(sheets[0].unit_name)
    page = _Page(c, font)
    total = len(sheets)
    for done, sheet in enumerate(sheets, start=1):
        page.draw(sheet)
        c.showPage()
        if progress is not None and not progress(done, total):
            raise BatchCancelled(done)
    c.save()
    return buf.getvalue()
