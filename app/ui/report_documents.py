"""A report's receipt slip and its history, opened from its intake form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import reports
from app.services.station import OfficerInfo
from app.ui.messages import show_error


def print_receipt_slip(
    parent: QWidget,
    store: Store,
    catalog: Catalog,
    report_id: str,
    lang: str,
    officer: OfficerInfo,
) -> None:
    """One page, made at once (a few milliseconds), then printed or saved as the officer
    chooses; the print is recorded."""
    from app.services import documents  # ReportLab loads on the first print, not at start
    from app.ui.pdf_print import offer_pdf

    try:
        pdf = documents.receipt_slip_pdf(store, catalog, report_id, lang, by=officer)
        serial = reports.get_report(store, report_id)["serial"]
    except errors.StationDeskError as exc:
        show_error(parent, exc)
        return
    offer_pdf(
        parent,
        pdf,
        serial,
        QCoreApplication.translate("ReportDocuments", "Receipt slip %1").replace("%1", serial),
        QCoreApplication.translate(
            "ReportDocuments", "Print the receipt slip for the reporter, or save it as PDF."
        ),
        QCoreApplication.translate("ReportDocuments", "Save receipt slip"),
    )


def show_history(
    parent: QWidget, store: Store, catalog: Catalog, report_id: str, lang: str
) -> None:
    from app.ui.history_dialog import HistoryDialog

    try:
        record = reports.get_report(store, report_id)
        dialog = HistoryDialog(
            record["serial"], reports.history(store, report_id), catalog, lang, parent
        )
    except errors.StationDeskError as exc:
        show_error(parent, exc)
        return
    dialog.exec()
