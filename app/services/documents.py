"""Assembling printable documents from the store (the printing modules never query).

Every document made for printing or saving is an audit entry: who printed what, for which
record. `by` is the signed-in officer; None is the command line.
"""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable
from pathlib import Path

from app import errors
from app.db import station_key
from app.db.engine import Store
from app.domain import recovery_key, statuses
from app.domain.catalog import Catalog
from app.domain.weekly_figures import Period, WeeklyFigures
from app.printing.care_register import RegisterRow, render_care_register
from app.printing.handover_sheet import HandoverPrint, render_handover
from app.printing.receipt_slip import ReceiptSlip, render_receipt_slip
from app.printing.recovery_sheet import RecoverySheet, render_recovery_sheet
from app.printing.reminder_sheet import render_reminder_sheet
from app.printing.visit_sheet import VisitSheet, render_visit_sheets
from app.printing.warning_letter import WarningLetterPrint, render_warning_letter
from app.printing.weekly_report import render_weekly_report
from app.services import (
    audit,
    care_register,
    handover,
    reminder_sheets,
    supervision,
    visit_queries,
    warning_letters,
)
from app.services.early_warning import criteria_for
from app.services.reports import get_report
from app.services.station import OfficerInfo, require, station_info


def receipt_slip(
    store: Store, catalog: Catalog, report_id: str, lang: str = "zh_CN"
) -> ReceiptSlip:
    report = get_report(store, report_id)
    station = station_info(store)
    type_name = ""
    # What happens next, for the reporter: never the handling standard, which is the officers'
    # own checklist (risk assessments and warning colours are not the public's reading).
    steps = ["民警已登记您报告的事项，将依照规范处置。"]
    code = report["incident_type"]
    if code and code in catalog.by_code:
        itype = catalog.get(code)
        type_name = f"{itype.name_zh} / {itype.name_en}"
        if itype.non_police and itype.referral_department_zh:
            steps.append(
                f"本事项将移交 {itype.referral_department_zh} 办理，派出所跟踪至问题解决。"
            )
        if itype.return_visit or itype.dispute:
            steps.append(
                "派出所将以安全的方式回访，了解处置结果和您的意见。"
                if report["safe_contact"]
                else "派出所将通过电话或上门回访，了解处置结果和您的意见。"
            )
    steps.append("处置结果将向您反馈。")
    return ReceiptSlip(
        serial=report["serial"],
        received_at=report["received_at"],
        unit_name=station.unit_name,
        unit_code=station.unit_code,
        officer_name=report["officer_name"],
        officer_badge=report["officer_badge"],
        incident_type=type_name,
        reporter_name=report["reporter_name"],
        next_steps=steps,
        contact_phone=station.contact_phone,
        voided=report["status"] == statuses.VOIDED,
    )


def _printed(
    store: Store,
    by: OfficerInfo | None,
    document: str,
    record_kind: str | None = None,
    record_id: str | None = None,
    **detail: object,
) -> None:
    audit.record(
        store,
        by,
        "print",
        record_kind=record_kind,
        record_id=record_id,
        detail={"document": document, **detail},
    )


def receipt_slip_pdf(
    store: Store,
    catalog: Catalog,
    report_id: str,
    lang: str = "zh_CN",
    *,
    by: OfficerInfo | None = None,
) -> bytes:
    pdf = render_receipt_slip(receipt_slip(store, catalog, report_id, lang))
    _printed(store, by, "receipt_slip", "report", report_id)
    return pdf


def visit_sheets(
    store: Store, catalog: Catalog, visit_ids: list[str], *, today: dt.date | None = None
) -> list[VisitSheet]:
    """Sheets in the order of `visit_ids`. A visit whose report was voided is refused by
    serial: a voided report is never followed up, and a sheet for it would send an officer
    to a door for nothing."""
    day = today or dt.date.today()
    station = station_info(store)
    found = visit_queries.details(store, visit_ids)
    voided = [d.serial for d in found if d.report_status == statuses.VOIDED]
    if voided:
        raise errors.ReportVoidedError(", ".join(voided[:5]), serials=voided)
    colour_names = {c.id: c.label_zh for c in criteria_for(store).colours}
    sheets = []
    for d in found:
        itype = catalog.by_code.get(d.incident_type)
        sheets.append(
            VisitSheet(
                unit_name=station.unit_name,
                unit_code=station.unit_code,
                code=d.code,
                kind=d.kind,
                sequence_no=d.sequence_no,
                attempt=d.attempt,
                reason=d.reason,
                due_date=d.due_date,
                overdue=d.status == "due" and d.due_date < day.isoformat(),
                officer_name=d.officer_name,
                officer_badge=d.officer_badge,
                grid=d.grid,
                serial=d.serial,
                incident_type=f"{itype.name_zh} {itype.name_en}" if itype else d.incident_type,
                received_at=d.received_at,
                person_name=d.person_name,
                phone=d.phone,
                address=d.address,
                summary=d.summary,
                disposal_result=d.disposal_result,
                safe_contact=d.safe_contact,
                care_category=d.care_category,
                printed_on=day.isoformat(),
                warning=colour_names.get(d.warning_colour, ""),
            )
        )
    return sheets


def visit_sheets_pdf(
    store: Store,
    catalog: Catalog,
    visit_ids: list[str],
    *,
    progress: Callable[[int, int], bool] | None = None,
    by: OfficerInfo | None = None,
) -> bytes:
    pdf = render_visit_sheets(visit_sheets(store, catalog, visit_ids), progress=progress)
    _printed(store, by, "visit_sheets", visits=len(visit_ids))
    return pdf


def warning_letter_pdf(store: Store, letter_id: str, *, by: OfficerInfo | None = None) -> bytes:
    """Only an approved letter prints: a draft has no serial and no authority."""
    letter = warning_letters.get(store, letter_id)
    if letter.status not in (warning_letters.APPROVED, warning_letters.SERVED):
        raise errors.InvalidTransitionError(letter.status, target="print")
    station = station_info(store)
    pdf = render_warning_letter(
        WarningLetterPrint(
            serial=letter.serial,
            unit_name=station.unit_name,
            parent_bureau=station.parent_bureau,
            abuser_name=letter.abuser_name,
            abuser_id_number=letter.abuser_id_number,
            abuser_address=letter.abuser_address,
            victim_name=letter.victim_name,
            relation=letter.relation,
            facts=letter.facts,
            incident_time=letter.incident_time,
            report_serial=letter.report_serial,
            approved_by=letter.approved_by,
            approved_day=letter.approved_day,
        )
    )
    _printed(store, by, "warning_letter", "warning_letter", letter_id)
    return pdf


def weekly_report_pdf(
    store: Store,
    catalog: Catalog,
    period: Period,
    lang: str = "zh_CN",
    *,
    by: OfficerInfo | None = None,
) -> tuple[bytes, WeeklyFigures]:
    figures = supervision.figures(store, catalog, period, lang)
    pdf = render_weekly_report(figures, criteria_for(store))
    _printed(store, by, "weekly_report", week=period.label)
    return pdf, figures


def reminder_sheet_pdf(
    store: Store, catalog: Catalog, sheet_id: str, *, by: OfficerInfo | None = None
) -> bytes:
    names = {t.code: t.name_zh for t in catalog.types}
    pdf = render_reminder_sheet(reminder_sheets.get(store, sheet_id), names)
    _printed(store, by, "reminder_sheet", "reminder_sheet", sheet_id)
    return pdf


def handover_pdf(store: Store, handover_id: str, *, by: OfficerInfo | None = None) -> bytes:
    h = handover.get(store, handover_id)
    pdf = render_handover(
        HandoverPrint(
            unit_name=station_info(store).unit_name,
            from_name=h.from_name,
            to_name=h.to_name,
            shift_start=h.shift_start,
            written_at=h.written_at,
            acknowledged_at=h.acknowledged_at,
            note=h.note,
            acknowledgement=h.acknowledgement,
            receipts=h.receipts,
            visits=h.visits,
        )
    )
    _printed(store, by, "handover", "handover", handover_id)
    return pdf


def care_register_pdf(store: Store, *, by: OfficerInfo | None = None) -> bytes:
    """Everyone on the register now; category names as the Chinese register writes them."""
    names = {
        "mental_illness": "严重精神障碍患者",
        "elderly_alone": "独居老人",
        "disabled": "残疾人",
        "hardship": "困难家庭",
    }
    rows = [
        RegisterRow(
            name=p.name,
            category=names.get(p.category, p.category),
            grade="" if p.grade is None else f"{p.grade}级",
            id_number=p.id_number,
            phone=p.phone if not p.safe_contact else "安全联系",
            address=p.address,
            grid=p.grid,
            officer=p.officer_name,
            next_visit=p.next_visit,
            notes=p.notes,
        )
        for p in care_register.people(store)
    ]
    pdf = render_care_register(station_info(store).unit_name, dt.date.today().isoformat(), rows)
    _printed(store, by, "care_register", people=len(rows))
    return pdf


def recovery_sheet_pdf(
    store: Store, data_dir: Path, officer: OfficerInfo | None, *, record: bool = True
) -> bytes:
    """The recovery key on paper, for the station chief's safe. Printing it is a station chief's
    act (or the command line's, run by whoever holds the PC's account); each printing after the
    first is marked a reprint on the page. With `record` False the caller records it
    (record_recovery_sheet) once the sheet is really out, so a failed write counts for nothing."""
    if officer is not None:
        require(officer, "approve")
    if store.key is None:
        raise errors.DatabaseError("this database is not encrypted")
    station = station_info(store)
    sheet = RecoverySheet(
        unit_name=station.unit_name,
        unit_code=station.unit_code,
        recovery_key=recovery_key.encode(store.key),
        fingerprint=recovery_key.fingerprint(store.key),
        printed_at=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        printed_by=(
            f"{officer.name}（{officer.badge}）"
            if officer
            else f"command line ({getpass.getuser()})"
        ),
        reprint=station_key.recovery_printed(data_dir),
    )
    pdf = render_recovery_sheet(sheet)
    if record:
        record_recovery_sheet(store, data_dir, officer)
    return pdf


def record_recovery_sheet(store: Store, data_dir: Path, officer: OfficerInfo | None) -> None:
    """The sheet is out: its audit entry (a reprint after the first) and the printed mark."""
    _printed(store, officer, "recovery_sheet", reprint=station_key.recovery_printed(data_dir))
    station_key.mark_recovery_printed(data_dir)
