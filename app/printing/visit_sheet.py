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
from app.printing.written import written_time

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
    "early_warning": ("五色预警定期回访", "early-warning cadence"),
    "warning_letter": ("家暴告诫书送达后回访", "after a domestic-violence warning letter"),
}
CARE_LABELS = {
    "mental_illness": ("严重精神障碍患者", "Severe mental illness"),
    "elderly_alone": ("独居老人", "Elderly living alone"),
    "disabled": ("残疾人", "Disabled"),
    "hardship": ("困难家庭", "Family in hardship"),
}
SUMMARY_LINES = 5
RESULT_LINES = 2


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
    warning: str = ""  # the report's early-warning colour in words, while active


class BatchCancelled(Exception):
    """The officer pressed Cancel; no file was written."""


QR_MASK = 2  # any of the eight masks is valid; every one decodes our codes (tests read them)
QR_QUIET = 4  # modules of white border, as the standard asks


def draw_qr(c: canvas.Canvas, text: str, x: float, y: float, size: float) -> None:
    """A QR code as one filled path, a rectangle per run of dark modules in a row.

    ReportLab's QR widget builds one shape object per module (35 ms a sheet), and its encoder
    tries all eight masks to pick the "best" (2 ms); the mask only tunes contrast patterns, and
    a fixed one is as readable for a ten-character code printed this large.
    """
    qr = QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(QR8bitByte(text))
    qr.version = qr.calculate_version()
    qr.makeImpl(False, QR_MASK)
    modules = qr.modules
    count = len(modules)
    cell = size / (count + 2 * QR_QUIET)
    path = c.beginPath()
    for row, cells in enumerate(modules):
        top = y + size - (row + QR_QUIET + 1) * cell
        col = 0
        while col < count:
            if cells[col]:
                start = col
                while col < count and cells[col]:
                    col += 1
                path.rect(x + (start + QR_QUIET) * cell, top, (col - start) * cell, cell)
            else:
                col += 1
    c.drawPath(path, stroke=0, fill=1)


ROW = 4.8 * mm  # one line of a value
GAP = 4.5 * mm  # between fields
VALUE_SIZE = 10
WITHHELD = "（安全联系，不予打印 withheld: safe contact）"


@dataclass(frozen=True)
class Slot:
    """Where a value goes: its first baseline, width and how many lines it may take."""

    x: float
    y: float
    width: float
    lines: int


class _Form:
    """The fixed part of a sheet - titles, labels, boxes, lines - drawn once per PDF as a
    form XObject and placed on every page; a page then only adds its values and QR code.

    The layout is fixed (every field has its lines whether used or not), as on a printed form,
    which is what lets the whole background be shared. Four variants: after a report or a care
    visit, each plain or safe-contact (whose withheld fields are part of the background).
    """

    margin = 16 * mm
    label_w = 30 * mm

    def __init__(self, c: canvas.Canvas, font: str, *, report: bool, safe: bool) -> None:
        self.c = c
        self.font = font
        self.report = report
        self.safe = safe
        self.width, self.height = A4
        self.inner = self.width - 2 * self.margin
        self.top = self.height - 16 * mm
        self.slots: dict[str, Slot] = {}
        self.name = f"visitsheet-{'report' if report else 'care'}{'-safe' if safe else ''}"
        c.beginForm(self.name)
        self._draw()
        c.endForm()

    # -- drawing helpers -------------------------------------------------------------------
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
        key: str,
        y: float,
        zh: str,
        en: str,
        *,
        lines: int = 1,
        x: float = 0,
        width: float | None = None,
        fixed: str = "",
    ) -> float:
        """A label and room for its value (or a fixed text); returns the y below it."""
        left = self.margin + x
        self.label(left, y, zh, en)
        if fixed:  # a withheld field keeps one line: the room goes to the outcome section
            lines = 1
            self.c.setFont(self.font, VALUE_SIZE)
            self.c.drawString(left + self.label_w, y, fixed)
        else:
            avail = (width or self.inner - x) - self.label_w
            self.slots[key] = Slot(left + self.label_w, y, avail, lines)
        return float(y - lines * ROW - GAP)

    def pair(
        self, y: float, left: tuple[str, str, str], right: tuple[str, str, str], lines: int = 1
    ) -> float:
        half = self.inner / 2
        below = self.field(left[0], y, left[1], left[2], width=half, lines=lines)
        self.field(right[0], y, right[1], right[2], x=half, width=half, lines=lines)
        return below

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

    # -- the background --------------------------------------------------------------------
    def _draw(self) -> None:
        y = self._draw_title()
        if self.safe:
            y = self._draw_safe_banner(y)
        y = self._draw_particulars(y - 8 * mm)
        self._draw_outcome(y)

    def _draw_title(self) -> float:
        """The title and the caption of the visit code; returns the y of the rule below."""
        c, font, m, top = self.c, self.font, self.margin, self.top
        c.setFont(font, 18)
        c.drawString(m, top - 10 * mm, "回访记录单")
        c.setFont(font, 9)
        c.setFillColor(colors.grey)
        c.drawString(m, top - 15 * mm, "Return visit sheet")
        c.setFillColor(colors.black)
        c.setFont(font, 7.5)
        c.drawRightString(self.width - m - 30 * mm, top - 13 * mm, "回访编号 Visit code")
        y = top - 28 * mm
        c.setLineWidth(0.9)
        c.line(m, y, self.width - m, y)
        return float(y)

    def _draw_safe_banner(self, y: float) -> float:
        """The red band telling the officer not to call and to keep the sheet hidden."""
        c, font, m = self.c, self.font, self.margin
        y -= 13 * mm
        c.setFillColor(colors.Color(0.75, 0, 0))
        c.rect(m, y - 2 * mm, self.inner, 12 * mm, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.setFont(font, 10.5)
        c.drawString(m + 3 * mm, y + 5 * mm, "安全联系：不得电话联系，不得让对方当事人看到本单。")
        c.setFont(font, 8.5)
        c.drawString(
            m + 3 * mm,
            y + 0.5 * mm,
            "Safe contact: no phone calls; keep this sheet from the other party.",
        )
        c.setFillColor(colors.black)
        y -= 2 * mm
        return y

    def _draw_particulars(self, y: float) -> float:
        """Labels and value slots: the visit, then the report or care person it follows."""
        c, m = self.c, self.margin
        y = self.pair(y, ("due", "应回访日期", "Due"), ("reason", "回访原因", "Why"), lines=2)
        y = self.pair(y, ("officer", "回访民警", "Officer"), ("grid", "网格", "Grid"))
        y -= 1 * mm
        c.setLineWidth(0.4)
        c.line(m, y + 3 * mm, self.width - m, y + 3 * mm)
        y -= 3 * mm
        if self.report:
            y = self.pair(
                y,
                ("serial", "接报编号", "Serial"),
                ("incident_type", "警情类别", "Incident type"),
                lines=2,
            )
            y = self.field("received_at", y, "报警时间", "Reported")
            who = ("person_name", "报警人", "Reporter")
        else:
            y = self.field("care_category", y, "人员类别", "Category")
            who = ("person_name", "走访对象", "Person")
        half = self.inner / 2
        self.field(who[0], y, who[1], who[2], width=half)
        y = self.field(
            "phone",
            y,
            "联系电话",
            "Phone",
            x=half,
            width=half,
            fixed="不予打印 withheld" if self.safe else "",
        )
        y = self.field(
            "address",
            y,
            "地址",
            "Address",
            lines=2,
            fixed="在当事人选定的安全地点见面 meet at the place the person chose"
            if self.safe
            else "",
        )
        y = self.field(
            "summary",
            y,
            "简要情况" if self.report else "备注",
            "Summary",
            lines=SUMMARY_LINES,
            fixed=WITHHELD if self.safe else "",
        )
        if self.report:
            y = self.field(
                "disposal_result",
                y,
                "处置结果",
                "Handling result",
                lines=RESULT_LINES,
                fixed=WITHHELD if self.safe else "",
            )
        c.setLineWidth(0.9)
        c.line(m, y + 2 * mm, self.width - m, y + 2 * mm)
        return y

    def _draw_outcome(self, y: float) -> None:
        """The boxes to tick, lines for notes, and the three signature boxes at the foot."""
        c, font, m = self.c, self.font, self.margin
        y -= 5 * mm
        c.setFont(font, 11)
        c.drawString(m, y, "回访情况  Outcome")
        y -= 8 * mm
        options = (
            (
                "回访结果",
                "Result",
                (("已回访", "done"), ("未联系上", "not reached"), ("拒绝回访", "refused")),
            ),
            (
                "问题是否解决",
                "Problem solved?",
                (("已解决", "yes"), ("部分解决", "partly"), ("未解决", "no")),
            ),
            (
                "满意度",
                "Satisfaction",
                (("满意", "satisfied"), ("基本满意", "basically"), ("不满意", "dissatisfied")),
            ),
        )
        for zh, en, choices in options:
            self.label(m, y, zh, en)
            self.boxes(m + self.label_w, y, choices)
            y -= 9 * mm
        self.label(m, y, "还需要什么帮助", "What else is needed")
        y = self.rule_lines(y, 2)
        y -= 7 * mm
        self.label(m, y, "回访记录 / 未联系上原因", "Notes / why not reached")
        box_h = 20 * mm
        box_y = 24 * mm
        self.rule_lines(y, max(0, int((y - box_y - box_h - 6 * mm) / (7.5 * mm))))
        box_w = (self.inner - 8 * mm) / 3
        c.setLineWidth(0.6)
        signatures = (
            ("回访民警签名", "Officer"),
            ("被回访人签名", "Person visited"),
            ("回访日期", "Date"),
        )
        for i, (zh, en) in enumerate(signatures):
            x = m + i * (box_w + 4 * mm)
            c.rect(x, box_y, box_w, box_h)
            self.label(x + 2 * mm, box_y + box_h - 5 * mm, zh, en)

    # -- one page ---------------------------------------------------------------------------
    def values(self, sheet: VisitSheet) -> dict[str, str]:
        reason_zh, reason_en = REASON_LABELS.get(sheet.reason, (sheet.reason, ""))
        attempt = f"第{sheet.attempt}次尝试 attempt {sheet.attempt}" if sheet.attempt > 1 else ""
        values = {
            "due": sheet.due_date + ("（已逾期 overdue）" if sheet.overdue else ""),
            "reason": f"{reason_zh} {reason_en}"
            + (f" · 预警：{sheet.warning}" if sheet.warning else ""),
            "officer": f"{sheet.officer_name} 警号 {sheet.officer_badge}"
            if sheet.officer_badge
            else "",
            "grid": " ".join(filter(None, (sheet.grid, attempt))),
            "serial": sheet.serial,
            "incident_type": sheet.incident_type,
            "received_at": written_time(sheet.received_at),
            "care_category": " ".join(CARE_LABELS.get(sheet.care_category, (sheet.care_category,))),
            "person_name": sheet.person_name,
            "phone": sheet.phone,
            "address": sheet.address,
            "summary": sheet.summary,
            "disposal_result": sheet.disposal_result,
        }
        return {key: values[key] for key in self.slots}

    def draw(self, sheet: VisitSheet) -> None:
        c, font, m, top = self.c, self.font, self.margin, self.top
        c.doForm(self.name)
        c.setFont(font, 10)
        c.drawString(m, top, f"{sheet.unit_name}（{sheet.unit_code}）")
        qr_size = 27 * mm
        draw_qr(c, sheet.code, self.width - m - qr_size, top - 24 * mm, qr_size)
        right = self.width - m - qr_size - 3 * mm
        c.setFont(font, 16)
        c.drawRightString(right, top - 8 * mm, sheet.code)
        kind_zh, kind_en = KIND_LABELS.get(sheet.kind, (sheet.kind, sheet.kind))
        c.setFont(font, 11)
        c.drawRightString(right, top - 20 * mm, f"第{sheet.sequence_no}次 · {kind_zh} {kind_en}")
        c.setFont(font, VALUE_SIZE)
        for key, value in self.values(sheet).items():
            slot = self.slots[key]
            wrapped = wrap_text(c, value, font, VALUE_SIZE, slot.width) if value else ["—"]
            if len(wrapped) > slot.lines:
                wrapped = wrapped[: slot.lines]
                wrapped[-1] = wrapped[-1][:-1] + "…"
            for i, line in enumerate(wrapped):
                c.drawString(slot.x, slot.y - i * ROW, line)
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
    forms: dict[tuple[bool, bool], _Form] = {}
    total = len(sheets)
    for done, sheet in enumerate(sheets, start=1):
        variant = (bool(sheet.serial), sheet.safe_contact)
        form = forms.get(variant)
        if form is None:
            form = forms[variant] = _Form(c, font, report=variant[0], safe=variant[1])
        form.draw(sheet)
        c.showPage()
        if progress is not None and not progress(done, total):
            raise BatchCancelled(done)
    c.save()
    return buf.getvalue()
