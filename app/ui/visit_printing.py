"""Visit sheets from the queue: a day's route or the selected visits, made into one PDF and
printed, with a bar under the queue that shows how far a run has come.

The PDF is made on the documents lane (ReportLab is plain Python): a thousand sheets take a
while, and the desk receives meanwhile. The printer is Qt's and is talked to on the window's
thread, one page per turn of the event loop, so F2 between two pages is handled at once and
never from inside the run. A finished PDF or a printer that stopped is said when the officer
is back at the queue, never in front of an intake being typed. Closing the queue stops a run
after the page in hand.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import documents
from app.services.station import OfficerInfo
from app.ui import tasks


def ask_route(parent: QWidget, officers: QComboBox) -> tuple[dt.date, str | None] | None:
    """The day and the officer of a route (the queue's officer filter first); None if not."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("VisitQueueView", "Print a day's route"))
    date = QDateEdit(QDate.currentDate().addDays(1))
    date.setObjectName("routeDate")
    date.setCalendarPopup(True)
    date.setDisplayFormat("yyyy-MM-dd")
    officer = QComboBox()
    officer.setObjectName("routeOfficer")
    for i in range(officers.count()):
        officer.addItem(officers.itemText(i), officers.itemData(i))
    officer.setCurrentIndex(officers.currentIndex())
    form = QFormLayout(dialog)
    form.addRow(QCoreApplication.translate("VisitQueueView", "Date"), date)
    form.addRow(QCoreApplication.translate("VisitQueueView", "Officer"), officer)
    form.addRow(
        QLabel(
            QCoreApplication.translate(
                "VisitQueueView", "Open visits due on that date or earlier, in route order."
            )
        )
    )
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    day = date.date().toPython()
    assert isinstance(day, dt.date)
    return day, officer.currentData() or None


class SheetPrinting(QWidget):
    busy_changed = Signal(bool)

    def __init__(
        self, store: Store, catalog: Catalog, officer: OfficerInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.catalog, self.officer = store, catalog, officer
        self.setObjectName("sheetRun")
        self.label = QLabel()
        self.label.setObjectName("sheetRunText")
        self.bar = QProgressBar()
        self.bar.setObjectName("sheetProgress")
        self.stop_button = QPushButton(self.tr("Cancel"))
        self.stop_button.setObjectName("sheetRunStop")
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.stop_button)
        self.job: tasks.Job[Any] | None = None
        self.hide()

    @property
    def host(self) -> QWidget:
        """The queue this bar is part of: results wait until it is on screen again."""
        return self.parentWidget() or self

    @property
    def busy(self) -> bool:
        return self.job is not None

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.stop_button.setEnabled(False)

    def _begin(self, text: str, stop_text: str, total: int) -> None:
        self.label.setText(text)
        self.stop_button.setText(stop_text)
        self.stop_button.setEnabled(True)
        self.bar.setRange(0, total)
        self.bar.setValue(0)
        self.show()
        self.busy_changed.emit(True)

    def _end(self) -> None:
        self.job = None
        self.hide()
        self.busy_changed.emit(False)

    # -- making the PDF ----------------------------------------------------------------------
    def print_sheets(self, ids: list[str], title: str) -> tasks.Job[bytes] | None:
        """Makes the sheets in the background; the choice of what to do with them follows."""
        if self.job is not None:
            return None
        store, catalog, officer = self.store, self.catalog, self.officer

        def render(progress: tasks.Progress) -> bytes:
            from app.printing.visit_sheet import BatchCancelled

            try:
                return documents.visit_sheets_pdf(
                    store, catalog, ids, progress=progress, by=officer
                )
            except BatchCancelled:
                raise tasks.Cancelled from None

        self._begin(self.tr("Preparing visit sheets..."), self.tr("Cancel"), len(ids))
        self.job = job = tasks.run_in_thread(
            render,
            lane=tasks.DOCUMENTS,
            owner=self,
            done=lambda pdf: self._rendered(pdf, len(ids), title),
            failed=self._failed,
            progress=self._progress,
            cancelled=self._end,
        )
        return job

    def _progress(self, done: int, total: int) -> None:
        self.bar.setValue(done)
        self.bar.setFormat(
            self.tr("Sheet %1 of %2").replace("%1", str(done)).replace("%2", str(total))
        )

    def _failed(self, exc: errors.StationDeskError) -> None:
        from app.ui.messages import show_error

        self._end()
        tasks.when_visible(self.host, lambda: show_error(self.host, exc))

    def _rendered(self, pdf: bytes, count: int, title: str) -> None:
        self._end()
        tasks.when_visible(self.host, lambda: self.offer(pdf, count, title))

    def offer(self, pdf: bytes, count: int, title: str) -> None:
        from app.ui.pdf_print import offer_pdf

        offer_pdf(
            self.host,
            pdf,
            title,
            title,
            self.tr("%1 visit sheets are ready.").replace("%1", str(count)),
            self.tr("Save visit sheets"),
            [
                (self.tr("Print..."), lambda: self.send_to_printer(pdf, title)),
                (self.tr("Open in viewer"), lambda: self.open_in_viewer(pdf, title)),
            ],
        )

    def open_in_viewer(self, pdf: bytes, title: str) -> None:
        path = Path(tempfile.gettempdir()) / f"stationdesk-{title.replace(' ', '-')}.pdf"
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            QMessageBox.warning(self.host, title, exc.strerror or str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    # -- printing -----------------------------------------------------------------------------
    def send_to_printer(
        self, pdf: bytes, title: str, printer: QPrinter | None = None, start: int = 0
    ) -> tasks.Job[int] | None:
        """Prints page by page; a printer that fails half-way can be resumed from the first
        sheet that did not go out."""
        from app.ui.pdf_print import PdfPages

        if self.job is not None:
            return None
        if printer is None:
            printer = self._choose_printer(title)
            if printer is None:
                return None
        pages = PdfPages(pdf)
        total = pages.page_count()
        self._begin(self.tr("Printing..."), self.tr("Stop"), total)
        self.bar.setValue(start)
        self.job = job = tasks.run_steps(
            lambda progress: pages.paint_steps(printer, start, progress),
            owner=self,
            done=lambda reached: self._printed(pdf, title, printer, reached, total),
            failed=self._failed,
            progress=lambda done, _total: self.bar.setValue(done),
        )
        return job

    def _choose_printer(self, title: str) -> QPrinter | None:
        if not QPrinterInfo.availablePrinters():
            QMessageBox.warning(
                self.host,
                title,
                self.tr(
                    "No printer is set up on this PC. Save the PDF or open it in the viewer "
                    "and print from another PC."
                ),
            )
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        if QPrintDialog(printer, self.host).exec() != QDialog.DialogCode.Accepted:
            return None
        return printer

    def _printed(self, pdf: bytes, title: str, printer: QPrinter, reached: int, total: int) -> None:
        self._end()
        if reached < total:
            tasks.when_visible(
                self.host, lambda: self._offer_resume(pdf, title, printer, reached, total)
            )

    def _offer_resume(
        self, pdf: bytes, title: str, printer: QPrinter, reached: int, total: int
    ) -> None:
        again = QMessageBox.question(
            self.host,
            title,
            self.tr(
                "Printing stopped after sheet %1 of %2. Check the printer, then resume from "
                "sheet %3?"
            )
            .replace("%1", str(reached))
            .replace("%2", str(total))
            .replace("%3", str(reached + 1)),
        )
        if again == QMessageBox.StandardButton.Yes:
            self.send_to_printer(pdf, title, printer, reached)
