"""The community officer's visit queue: scan a sheet back in, see what is due, print the route.

Overdue, due today and the coming week, filtered by officer, grid, kind and incident type.
A station chief sees every officer's overdue visits; an officer starts on their own.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import tempfile
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import visits as terms
from app.domain.catalog import Catalog
from app.services import documents, visit_queries, visits
from app.services.station import OfficerInfo, list_officers
from app.services.visit_queries import QueueFilter, VisitRow
from app.ui.labels import display_value, visit_kind_text
from app.ui.messages import error_text, show_error
from app.ui.visit_outcome import VisitOutcomeDialog

USER_ROLE = Qt.ItemDataRole.UserRole
# (month, officer or None, the view's save epoch)
MonthKey = tuple[str, str | None, int]
SAFE_BRUSH = QBrush(QColor("#c62828"))
OVERDUE_BRUSH = QBrush(QColor("#8a4b00"))


class MonthReader(QObject):
    """Reads a month's satisfaction and completion in a thread of its own: at a big station that
    is tens of thousands of visits to add up, and the queue must be shown, and usable, without
    waiting for them (the line follows the counts when ready)."""

    ready = Signal(object, object)  # MonthKey, the rate rows (None when they could not be read)

    def start(self, store: Store, key: MonthKey) -> None:
        def run() -> None:
            try:
                figures = visit_queries.rates(store, key[0], officer_id=key[1])
            except errors.StationDeskError:
                figures = None
            except Exception:  # a side figure: logged, never a crash of the queue
                logging.getLogger("stationdesk.ui").exception("month figures not read")
                figures = None
            # The queue may have been closed while the month was read.
            with contextlib.suppress(RuntimeError):
                self.ready.emit(key, figures)

        threading.Thread(target=run, name="visit-month", daemon=True).start()


class VisitQueueView(QWidget):
    changed = Signal()  # an outcome or an assignment was saved

    def __init__(self, store: Store, catalog: Catalog, officer: OfficerInfo, lang: str) -> None:
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.officer = officer
        self.lang = lang
        self.setObjectName("visitQueue")

        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("visitCodeEdit")
        self.code_edit.setPlaceholderText(self.tr("Type or scan the visit code from a sheet"))
        self.code_edit.setAccessibleName(self.tr("Visit code"))
        self.code_edit.returnPressed.connect(self.open_code)
        self.open_button = QPushButton(self.tr("Record outcome"))
        self.open_button.setObjectName("openVisitButton")
        self.open_button.clicked.connect(self.open_code)
        self.code_error = QLabel()
        self.code_error.setObjectName("visitCodeError")
        self.code_error.setStyleSheet("color: #c62828;")
        self.code_error.setWordWrap(True)
        self.code_error.hide()

        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("visitOfficerFilter")
        self.officer_combo.addItem(self.tr("All officers"), "")
        for o in list_officers(store):
            self.officer_combo.addItem(f"{o.name} ({o.badge})", o.id)
        if not officer.may("approve"):  # a chief sees every officer's route at once
            self.officer_combo.setCurrentIndex(max(0, self.officer_combo.findData(officer.id)))
        self.grid_combo = QComboBox()
        self.grid_combo.setObjectName("visitGridFilter")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("visitKindFilter")
        self.kind_combo.addItem(self.tr("All kinds"), "")
        for kind in terms.KINDS:
            self.kind_combo.addItem(visit_kind_text(kind), kind)
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("visitTypeFilter")
        self.type_combo.addItem(self.tr("All incident types"), "")
        for t in catalog.types:
            self.type_combo.addItem(t.name(lang), t.code)
        for combo in (self.officer_combo, self.grid_combo, self.kind_combo, self.type_combo):
            combo.currentIndexChanged.connect(self.refresh)

        self.summary = QLabel()
        self.summary.setObjectName("visitSummary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("visitTree")
        self.tree.setColumnCount(9)
        self.tree.setHeaderLabels(
            [
                self.tr("Code"),
                self.tr("Kind"),
                self.tr("Due"),
                self.tr("Person"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("Grid"),
                self.tr("Report"),
                self.tr("Officer"),
            ]
        )
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._sized = False
        self._month_cache: tuple[MonthKey, str] | None = None
        self._epoch = 0  # moves on with every save here; a read begun before it is dropped
        self._month_pending: MonthKey | None = None
        self._month_reader = MonthReader(self)
        self._month_reader.ready.connect(self._month_read)
        self._counts_text = ""

        buttons = QHBoxLayout()
        self.assign_button = QPushButton(self.tr("Assign to..."))
        self.assign_button.setObjectName("assignVisitsButton")
        self.assign_button.clicked.connect(self.assign_selected)
        self.assign_button.setVisible(officer.may("assign_visits"))
        self.print_selected_button = QPushButton(self.tr("Print selected sheets..."))
        self.print_selected_button.setObjectName("printSelectedVisitsButton")
        self.print_selected_button.clicked.connect(self.print_selected)
        self.route_button = QPushButton(self.tr("Print a day's route..."))
        self.route_button.setObjectName("printRouteButton")
        self.route_button.clicked.connect(self.print_route)
        self.rates_button = QPushButton(self.tr("Satisfaction and completion..."))
        self.rates_button.setObjectName("visitRatesButton")
        self.rates_button.clicked.connect(self.show_rates)
        self.care_button = QPushButton(self.tr("Add to care register..."))
        self.care_button.setObjectName("addCarePersonButton")
        self.care_button.clicked.connect(self.add_care_person)
        self.care_button.setVisible(officer.may("assign_visits"))
        for b in (self.assign_button, self.print_selected_button, self.route_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.care_button)
        buttons.addWidget(self.rates_button)

        code_row = QHBoxLayout()
        code_row.addWidget(QLabel(self.tr("Visit code")))
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.open_button)
        filters = QHBoxLayout()
        for label, combo in (
            (self.tr("Officer"), self.officer_combo),
            (self.tr("Grid"), self.grid_combo),
            (self.tr("Kind"), self.kind_combo),
            (self.tr("Type"), self.type_combo),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(code_row)
        layout.addWidget(self.code_error)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._reload_grids()

    # -- the queue ------------------------------------------------------------------------
    def _reload_grids(self) -> None:
        current = self.grid_combo.currentData() or ""
        self.grid_combo.blockSignals(True)
        self.grid_combo.clear()
        self.grid_combo.addItem(self.tr("All grids"), "")
        try:
            for grid in visit_queries.grids(self.store):
                self.grid_combo.addItem(grid, grid)
        except errors.StationDeskError:
            pass  # the queue refresh below shows the error where the officer looks
        self.grid_combo.setCurrentIndex(max(0, self.grid_combo.findData(current)))
        self.grid_combo.blockSignals(False)

    def current_filter(self) -> QueueFilter:
        return QueueFilter(
            officer_id=self.officer_combo.currentData() or None,
            grid=self.grid_combo.currentData() or "",
            kind=self.kind_combo.currentData() or "",
            incident_type=self.type_combo.currentData() or "",
        )

    def refresh(self) -> None:
        try:
            q = visit_queries.queue(self.store, self.current_filter())
        except errors.StationDeskError as exc:
            self.summary.setText(error_text(exc))
            return
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        sections = (
            (self.tr("Overdue (%1)"), "overdue", q.overdue, OVERDUE_BRUSH),
            (self.tr("Due today (%1)"), "today", q.due_today, None),
            (self.tr("Coming 7 days (%1)"), "upcoming", q.upcoming, None),
        )
        for title, key, rows, brush in sections:
            head = QTreeWidgetItem([title.replace("%1", str(q.counts[key]))])
            head.setData(0, USER_ROLE, "")
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            if brush is not None and q.counts[key]:
                head.setForeground(0, brush)
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            head.addChildren([self._item(r) for r in rows])
            head.setExpanded(True)
            head.setFlags(head.flags() & ~Qt.ItemFlag.ItemIsSelectable)
        if not self._sized:  # once, from the rows in view (a tree view measures only those)
            self._sized = True
            for col in range(self.tree.columnCount()):
                self.tree.resizeColumnToContents(col)
            self.tree.setColumnWidth(5, min(self.tree.columnWidth(5), 340))
        self.tree.setUpdatesEnabled(True)
        text = self.tr("%1 overdue, %2 due today, %3 in the coming week.")
        text = (
            text.replace("%1", str(q.counts["overdue"]))
            .replace("%2", str(q.counts["today"]))
            .replace("%3", str(q.counts["upcoming"]))
        )
        if q.supervision:
            text += " " + self.tr("%1 dissatisfied answers under supervision.").replace(
                "%1", str(q.supervision)
            )
        self.summary.setText(text)
        self._counts_text = text
        self._show_month_line(q.today)

    def _show_month_line(self, today: dt.date) -> None:
        """The month's satisfaction and completion follow the counts; read again only when the
        officer filter changes or an outcome or assignment was saved here."""
        key = (today.strftime("%Y-%m"), self.officer_combo.currentData() or None, self._epoch)
        if self._month_cache is not None and self._month_cache[0] == key:
            self._set_month_line(self._month_cache[1])
        elif self._month_pending != key:  # one read of a month at a time
            self._month_pending = key
            self._month_reader.start(self.store, key)

    def _month_read(self, key: MonthKey, figures: list[visit_queries.RateRow] | None) -> None:
        if not shiboken6.isValid(self):
            return  # closed meanwhile
        if key == self._month_pending:
            self._month_pending = None
        if figures is None:
            return  # unreadable: the counts stay (the figures are also in the rates dialog)
        total = figures[-1] if figures else None
        line = ""
        if total is not None and total.satisfaction_rate is not None:
            completion = total.completion_rate
            line = (
                self.tr("This month: satisfaction %1, completion %2.")
                .replace("%1", f"{total.satisfaction_rate * 100:.1f}%")
                .replace("%2", "—" if completion is None else f"{completion * 100:.1f}%")
            )
        if key[2] != self._epoch:
            return  # something was saved since the read began: a newer read follows
        self._month_cache = (key, line)
        if key[1] == (self.officer_combo.currentData() or None):
            self._set_month_line(line)

    def _set_month_line(self, line: str) -> None:
        if line:
            self.summary.setText(f"{self._counts_text} {line}")

    def _forget_month(self) -> None:
        self._month_cache = None
        self._epoch += 1

    def _item(self, r: VisitRow) -> QTreeWidgetItem:
        phone = self.tr("safe contact - no calls") if r.safe_contact else r.phone
        kind = visit_kind_text(r.kind)
        if r.attempt > 1:
            kind += self.tr(" (attempt %1)").replace("%1", str(r.attempt))
        report = (
            f"{r.serial} {display_value('incident_type', r.incident_type, self.catalog, self.lang)}"
            if r.serial
            else self.tr("care register")
        )
        item = QTreeWidgetItem(
            [
                r.code,
                kind,
                r.due_date,
                r.person_name,
                phone,
                r.address,
                r.grid,
                report,
                r.officer_name,
            ]
        )
        item.setData(0, USER_ROLE, r.id)
        if r.safe_contact:
            item.setForeground(4, SAFE_BRUSH)
        return item

    def say(self, message: str, *, error: bool = False) -> None:
        """One line under the code field, where the officer is looking."""
        self.code_error.setStyleSheet("color: #c62828;" if error else "color: #2e7d32;")
        self.code_error.setText(message)
        self.code_error.show()

    def selected_ids(self) -> list[str]:
        return [i.data(0, USER_ROLE) for i in self.tree.selectedItems() if i.data(0, USER_ROLE)]

    # -- outcomes -----------------------------------------------------------------------------
    def open_code(self) -> None:
        text = self.code_edit.text()
        self.code_error.hide()
        if not text.strip():
            return
        try:
            detail = visit_queries.lookup(self.store, text)
        except errors.StationDeskError as exc:
            self.say(error_text(exc), error=True)
            self.code_edit.selectAll()  # what was typed stays, ready to be corrected
            return
        self.open_visit(detail.id)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        visit_id = item.data(0, USER_ROLE)
        if visit_id:
            self.open_visit(visit_id)

    def open_visit(self, visit_id: str) -> None:
        try:
            (detail,) = visit_queries.details(self.store, [visit_id])
        except (errors.StationDeskError, ValueError) as exc:
            if isinstance(exc, errors.StationDeskError):
                show_error(self, exc)
            return
        dialog = VisitOutcomeDialog(self.store, self.catalog, self.officer, detail, self.lang, self)
        dialog.recorded.connect(self._recorded)
        self.outcome_dialog = dialog
        dialog.exec()
        self.code_edit.setFocus()

    def _recorded(self, code: str, follow: list[str]) -> None:
        message = self.tr("Outcome of %1 recorded.").replace("%1", code)
        if follow:
            message += " " + self.tr("Follow-up visit created: %1.").replace(
                "%1", ", ".join(follow)
            )
        self.code_edit.clear()
        self.say(message)
        self._forget_month()
        self.refresh()
        self.changed.emit()

    # -- assignment ---------------------------------------------------------------------------
    def assign_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("Assign"), self.tr("Select visits first."))
            return
        officers = list_officers(self.store)
        names = [f"{o.name} ({o.badge})" for o in officers]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Assign"),
            self.tr("Give %1 visits to:").replace("%1", str(len(ids))),
            names,
            0,
            False,
        )
        if not ok:
            return
        target = officers[names.index(name)]
        try:
            moved = visits.assign(self.store, self.officer, ids, target.id)
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.say(
            self.tr("%1 visits now with %2.").replace("%1", str(moved)).replace("%2", target.name)
        )
        self._forget_month()
        self.refresh()
        self.changed.emit()

    # -- printing -----------------------------------------------------------------------------
    def print_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            QMessageBox.information(self, self.tr("Visit sheets"), self.tr("Select visits first."))
            return
        self.print_sheets(ids, self.tr("Visit sheets"))

    def print_route(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Print a day's route"))
        date = QDateEdit(QDate.currentDate().addDays(1))
        date.setObjectName("routeDate")
        date.setCalendarPopup(True)
        officer = QComboBox()
        officer.setObjectName("routeOfficer")
        for i in range(self.officer_combo.count()):
            officer.addItem(self.officer_combo.itemText(i), self.officer_combo.itemData(i))
        officer.setCurrentIndex(self.officer_combo.currentIndex())
        form = QFormLayout(dialog)
        form.addRow(self.tr("Date"), date)
        form.addRow(self.tr("Officer"), officer)
        form.addRow(QLabel(self.tr("Open visits due on that date or earlier, in route order.")))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        day = date.date().toPython()
        assert isinstance(day, dt.date)
        try:
            ids = visit_queries.route(self.store, day, officer.currentData() or None)
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        if not ids:
            QMessageBox.information(
                self,
                self.tr("Route"),
                self.tr("No open visits are due on or before %1.").replace("%1", day.isoformat()),
            )
            return
        self.print_sheets(ids, self.tr("Route %1").replace("%1", day.isoformat()))

    def render(self, ids: list[str]) -> bytes | None:
        """Build the PDF with a progress bar; None when cancelled or refused (already said)."""
        progress = QProgressDialog(
            self.tr("Preparing visit sheets..."), self.tr("Cancel"), 0, len(ids), self
        )
        progress.setObjectName("sheetProgress")
        progress.setWindowTitle(self.tr("Visit sheets"))
        progress.setMinimumDuration(300)

        def step(done: int, total: int) -> bool:
            progress.setValue(done)
            progress.setLabelText(
                self.tr("Sheet %1 of %2").replace("%1", str(done)).replace("%2", str(total))
            )
            QApplication.processEvents()
            return not progress.wasCanceled()

        from app.printing.visit_sheet import BatchCancelled

        try:
            return documents.visit_sheets_pdf(
                self.store, self.catalog, ids, progress=step, by=self.officer
            )
        except BatchCancelled:
            return None
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return None
        finally:
            progress.close()

    def print_sheets(self, ids: list[str], title: str) -> None:
        pdf = self.render(ids)
        if pdf is None:
            return
        box = QMessageBox(self)
        box.setObjectName("sheetChoice")
        box.setWindowTitle(title)
        box.setText(self.tr("%1 visit sheets are ready.").replace("%1", str(len(ids))))
        preview = box.addButton(self.tr("Print preview..."), QMessageBox.ButtonRole.AcceptRole)
        printer = box.addButton(self.tr("Print..."), QMessageBox.ButtonRole.AcceptRole)
        viewer = box.addButton(self.tr("Open in viewer"), QMessageBox.ButtonRole.ActionRole)
        save = box.addButton(self.tr("Save PDF..."), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        self.sheet_choice = box
        box.exec()
        clicked = box.clickedButton()
        if clicked is preview:
            from app.ui.pdf_print import preview_pdf

            preview_pdf(self, pdf, title).exec()
        elif clicked is printer:
            self.send_to_printer(pdf, title)
        elif clicked is viewer:
            path = Path(tempfile.gettempdir()) / f"stationdesk-{title.replace(' ', '-')}.pdf"
            try:
                path.write_bytes(pdf)
            except OSError as exc:
                QMessageBox.warning(self, title, exc.strerror or str(exc))
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        elif clicked is save:
            from app.ui.pdf_print import save_pdf_as

            save_pdf_as(self, pdf, self.tr("Save visit sheets"), f"{title}.pdf")

    def send_to_printer(self, pdf: bytes, title: str, printer: QPrinter | None = None) -> None:
        """Print with a progress bar; a printer that fails half-way can be resumed from the
        first sheet that did not go out."""
        from app.ui.pdf_print import PdfPages

        if printer is None:
            if not QPrinterInfo.availablePrinters():
                QMessageBox.warning(
                    self,
                    title,
                    self.tr(
                        "No printer is set up on this PC. Save the PDF or open it in the viewer "
                        "and print from another PC."
                    ),
                )
                return
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(title)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return
        pages = PdfPages(pdf)
        total = pages.page_count()
        start = 0
        while start < total:
            progress = QProgressDialog(self.tr("Printing..."), self.tr("Stop"), 0, total, self)
            progress.setObjectName("printProgress")
            progress.setMinimumDuration(300)

            def step(done: int, count: int, progress: QProgressDialog = progress) -> bool:
                progress.setValue(done)
                QApplication.processEvents()
                return not progress.wasCanceled()

            reached = pages.paint_range(printer, start, step)
            progress.close()
            if reached >= total:
                return
            again = QMessageBox.question(
                self,
                title,
                self.tr(
                    "Printing stopped after sheet %1 of %2. Check the printer, then resume from "
                    "sheet %3?"
                )
                .replace("%1", str(reached))
                .replace("%2", str(total))
                .replace("%3", str(reached + 1)),
            )
            if again != QMessageBox.StandardButton.Yes:
                return
            start = reached

    # -- figures and the care register ------------------------------------------------------
    def show_rates(self) -> None:
        RatesDialog(self.store, self).exec()

    def add_care_person(self) -> None:
        from app.ui.care_person_dialog import CarePersonDialog

        dialog = CarePersonDialog(self.store, self.officer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload_grids()
            self.refresh()
            self.changed.emit()


class RatesDialog(QDialog):
    """Satisfaction and visit completion per officer for a month, with the station total."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("visitRatesDialog")
        self.setWindowTitle(self.tr("Return visits: satisfaction and completion"))
        self.resize(760, 380)
        self.month = QComboBox()
        self.month.setObjectName("ratesMonth")
        today = dt.date.today().replace(day=1)
        for back in range(12):
            first = (today - dt.timedelta(days=back * 28)).replace(day=1)
            key = first.strftime("%Y-%m")
            if self.month.findData(key) < 0:
                self.month.addItem(key, key)
        self.month.currentIndexChanged.connect(self.refresh)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("ratesTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Officer"),
                self.tr("Visits due"),
                self.tr("Completed"),
                self.tr("Completion rate"),
                self.tr("Answers"),
                self.tr("Satisfied or basically"),
                self.tr("Satisfaction rate"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.note = QLabel(
            self.tr(
                "Completion: visits due in the month that were done or refused. Satisfaction: "
                "satisfied plus basically satisfied, over all answers recorded in the month."
            )
        )
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month")))
        row.addWidget(self.month)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = visit_queries.rates(self.store, self.month.currentData())
        except errors.StationDeskError as exc:
            self.note.setText(error_text(exc))
            return
        self.table.setRowCount(len(rows))

        def pct(value: float | None) -> str:
            return "—" if value is None else f"{value * 100:.1f}%"

        for i, r in enumerate(rows):
            name = (
                self.tr("Station total")
                if r.is_total
                else r.officer_name or self.tr("(unassigned)")
            )
            for col, value in enumerate(
                (
                    name,
                    r.due,
                    r.completed,
                    pct(r.completion_rate),
                    r.answered,
                    r.content,
                    pct(r.satisfaction_rate),
                )
            ):
                self.table.setItem(i, col, QTableWidgetItem(str(value)))
