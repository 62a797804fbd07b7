"""Assembling printable documents from the store (the printing modules never query)."""

from __future__ import annotations

from app.db.engine import Store
from app.domain import statuses
from app.domain.catalog import Catalog
from app.printing.receipt_slip import ReceiptSlip, render_receipt_slip
from app.services.reports import get_report
from app.services.station import station_info

NEXT_STEPS_SHOWN = 3


def receipt_slip(
    store: Store, catalog: Catalog, report_id: str, lang: str = "zh_CN"
) -> ReceiptSlip:
    report = get_report(store, report_id)
    station = station_info(store)
    type_name = ""
    steps: list[str] = []
    code = report["incident_type"]
    if code and code in catalog.by_code:
        itype = catalog.get(code)
        type_name = f"{itype.name_zh} / {itype.name_en}"
        steps = [step.text(lang) for step in itype.steps[:NEXT_STEPS_SHOWN]]
        if itype.non_police and itype.referral_department_zh:
            steps.append(f"移交 {itype.referral_department_zh} 办理，派出所跟踪至问题解决。")
    if not steps:
        steps = ["民警将完成登记并按规范处置，处置结果将向您反馈。"]
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


def receipt_slip_pdf(store: Store, catalog: Catalog, report_id: str, lang: str = "zh_CN") -> bytes:
    return render_receipt_slip(receipt_slip(store, catalog, report_id, lang))
