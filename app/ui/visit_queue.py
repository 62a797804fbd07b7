"""The community officer's visit queue: scan a sheet back in, see what is due, print the route.

Overdue, due today and the coming week, filtered by officer, grid, kind and incident type.
A station chief sees every officer's overdue visits; an officer starts on their own.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
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
from app.services import visit_queries, visits
from app.services.station import OfficerInfo, list_officers
from app.services.visit_queries import QueueFilter, VisitRow
from app.ui import tasks
from app.ui.labels import display_value, visit_kind_text
from app.ui.messages import error_text, show_error
from app.ui.visit_outcome import VisitOutcomeDialog
from app.ui.visit_printing import SheetPrinting, ask_route
from app.ui.widgets import open_at

USER_ROLE = Qt.ItemDataRole.UserRole
# (month, officer or None, the view's save epoch)
MonthKey = tuple[str, str | None, int]
SAFE_BRUSH = QBrush(QColor("#c62828"))
OVERDUE_BRUSH = QBrush(QColor("#8a4b00"))


class MonthLine(QObject):
    """The month's satisfaction and completion, said after the queue's counts. At a big
    station that is tens of thousands of visits to add up: the queue is shown, and usable,
    without waiting for them, and the line follows when ready. Read again only when the
    officer filter changes or something was saved here."""

    ready = Signal(object, str)  # the officer filter it is for, the line ("" when none)

    def __init__(self, store: Store, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self._cache: tuple[MonthKey, str] | None = None
        self._epoch = 0  # moves on with every save here; a read begun before it is dropped
        self._pending: MonthKey | None = None

    def ask(self, today: dt.date, officer_id: str | None) -> None:
        key = (today.strftime("%Y-%m"), officer_id, self._epoch)
        if self._cache is not None and self._cache[0] == key:
            self.ready.emit(officer_id, self._cache[1])
        elif self._pending != key:  # one read of a month at a time
            self._pending = key
            store = self.store
            tasks.run_in_thread(
                lambda _progress: visit_queries.rates(store, key[0], officer_id=key[1]),
                lane=tasks.FIGURES,
                owner=self,
                done=lambda figures: self._read(key, figures),
                failed=lambda _exc: self._read(key, None),
            )

    def forget(self) -> None:
        self._cache = None
        self._epoch += 1

    def _read(self, key: MonthKey, figures: list[visit_queries.RateRow] | None) -> None:
        if key == self._pending:
            self._pending = None
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
        self._cache = (key, line)
        self.ready.emit(key[1], line)


class VisitQueueView(QWidget):
    changed = Signal()  # an outcome or an assignment was saved

    def __init__(self, store: Store, catalog: Catalog, officer: OfficerInfo, lang: str) -> None:
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.officer = officer
        self.lang = lang
        self.setObjectName("visitQueue")
        self._sized = False
        self.month = MonthLine(store, self)
        self.month.ready.connect(self._show_month_line)
        self._counts_text = ""
        code_row = self._code_row()
        filters = self._filters()
        self._tree()
        self.printing = SheetPrinting(store, catalog, officer, self)
        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(code_row)
        layout.addWidget(self.code_error)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.printing)
        layout.addLayout(buttons)
        self._reload_grids()

    def _code_row(self) -> QHBoxLayout:
        """Where a sheet's code is typed or scanned, and the line that answers under it."""
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
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Visit code")))
        row.addWidget(self.code_edit, 1)
        row.addWidget(self.open_button)
        return row

    def _filters(self) -> QHBoxLayout:
        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("visitOfficerFilter")
        self.officer_combo.addItem(self.tr("All officers"), "")
        for o in list_officers(self.store):
            self.officer_combo.addItem(f"{o.name} ({o.badge})", o.id)
        if not self.officer.may("approve"):  # a chief sees every officer's route at once
            mine = self.officer_combo.findData(self.officer.id)
            self.officer_combo.setCurrentIndex(max(0, mine))
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
        for t in self.catalog.types:
            self.type_combo.addItem(t.name(self.lang), t.code)
        row = QHBoxLayout()
        for label, combo in (
            (self.tr("Officer"), self.officer_combo),
            (self.tr("Grid"), self.grid_combo),
            (self.tr("Kind"), self.kind_combo),
            (self.tr("Type"), self.type_combo),
        ):
            combo.currentIndexChanged.connect(self.refresh)
            row.addWidget(QLabel(label))
            row.addWidget(combo)
        row.addStretch(1)
        return row

    def _tree(self) -> None:
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

    def _buttons(self) -> QHBoxLayout:
        may_assign = self.officer.may("assign_visits")
        self.assign_button = QPushButton(self.tr("Assign to..."))
        self.assign_button.setObjectName("assignVisitsButton")
        self.assign_button.clicked.connect(self.assign_selected)
        self.assign_button.setVisible(may_assign)
        self.print_selected_button = QPushButton(self.tr("Print selected sheets..."))
        self.print_selected_button.setObjectName("printSelectedVisitsButton")
        self.print_selected_button.clicked.connect(self.print_selected)
        self.route_button = QPushButton(self.tr("Print a day's route..."))
        self.route_button.setObjectName("printRouteButton")
        self.route_button.clicked.connect(self.print_route)
        self.printing.busy_changed.connect(self.print_selected_button.setDisabled)
        self.printing.busy_changed.connect(self.route_button.setDisabled)
        self.rates_button = QPushButton(self.tr("Satisfaction and completion..."))
        self.rates_button.setObjectName("visitRatesButton")
        self.rates_button.clicked.connect(self.show_rates)
        self.care_button = QPushButton(self.tr("Add to care register..."))
        self.care_button.setObjectName("addCarePersonButton")
        self.care_button.clicked.connect(self.add_care_person)
        self.care_button.setVisible(may_assign)
        row = QHBoxLayout()
        for b in (self.assign_button, self.print_selected_button, self.route_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.care_button)
        row.addWidget(self.rates_button)
        return row

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
            for col, widest in ((4, 150), (7, 230)):  # phone or "safe contact", the report
                self.tree.setColumnWidth(col, min(self.tree.columnWidth(col), widest))
            # the address takes what the others leave: every column inside 1,024 pixels
            header = self.tree.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
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
        self.month.ask(q.today, self.officer_combo.currentData() or None)

    def _show_month_line(self, officer_id: str | None, line: str) -> None:
        if line and officer_id == (self.officer_combo.currentData() or None):
            self.summary.setText(f"{self._counts_text} {line}")

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
        self.month.forget()
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
        self.month.forget()
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
        asked = ask_route(self, self.officer_combo)
        if asked is None:
            return
        day, officer_id = asked
        try:
            ids = visit_queries.route(self.store, day, officer_id)
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

    def print_sheets(self, ids: list[str], title: str) -> None:
        if self.printing.print_sheets(ids, title) is None:
            self.say(self.tr("Visit sheets are being prepared or printed: wait for them."))

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
        open_at(self, 760, 380)
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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # headers whole
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
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
