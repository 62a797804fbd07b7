"""All reports: filters, search (names also by pinyin and initials), a lazily paged table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import statuses
from app.domain.catalog import Catalog
from app.services import reports, sync
from app.services.early_warning import LIFTED, criteria_for
from app.services.reports import ReportFilter, ReportRow
from app.services.station import list_officers
from app.ui.early_warning_dialog import colour_icon
from app.ui.labels import status_text, wall_time
from app.ui.messages import error_text

Index = QModelIndex | QPersistentModelIndex
COUNT_CAP = 10_000  # beyond this the count says "10,000+": counting every match costs seconds


def _at_hq(store: Store, ids: list[str]) -> set[str]:
    try:
        return sync.reports_at_hq(store, ids)
    except errors.StationDeskError:
        return set()


def _linked(store: Store) -> bool:
    try:
        return sync.sync_status(store).enrolled
    except errors.StationDeskError:
        return False


class ReportsTableModel(QAbstractTableModel):
    """Fetches pages on demand by keyset, so a million reports cost one page at a time."""

    # What an officer looks for first, first: the at-HQ mark last but inside a 1,024-pixel
    # screen (the address takes what is left).
    COLUMNS = (
        "serial",
        "received_at",
        "status",
        "incident_type",
        "reporter_name",
        "reporter_phone",
        "reporter_address",
        "warning",
        "officer_name",
        "hq",
    )

    def __init__(self, store: Store, catalog: Catalog, lang: str) -> None:
        super().__init__()
        self.store = store
        self.catalog = catalog
        self.lang = lang
        self.filter = ReportFilter()
        self.rows: list[ReportRow] = []
        self.exhausted = False
        titles = {
            "serial": self.tr("Serial"),
            "received_at": self.tr("Received"),
            "status": self.tr("Status"),
            "warning": self.tr("Warning"),
            "incident_type": self.tr("Type"),
            "reporter_name": self.tr("Reporter"),
            "reporter_phone": self.tr("Phone"),
            "reporter_address": self.tr("Address"),
            "officer_name": self.tr("Officer"),
            "hq": self.tr("At HQ"),
        }
        self.headers = [titles[c] for c in self.COLUMNS]
        self.at_hq: set[str] = set()
        self.linked = _linked(store)
        self.criteria = criteria_for(store)

    def set_filter(self, flt: ReportFilter) -> None:
        self.beginResetModel()
        self.filter = flt
        self.rows = []
        self.exhausted = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid() or self.exhausted:
            return
        after = (self.rows[-1].received_utc, self.rows[-1].id) if self.rows else None
        page = reports.list_reports(self.store, self.filter, after=after)
        if len(page) < reports.PAGE_SIZE:
            self.exhausted = True
        if page:
            self.at_hq |= _at_hq(self.store, [r.id for r in page])
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if key == "hq":
            if not self.linked:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return self.tr("This station is not linked to HQ")
                return "—" if role == Qt.ItemDataRole.DisplayRole else None
            if role == Qt.ItemDataRole.DisplayRole:
                return "✓" if row.id in self.at_hq else "…"
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    self.tr("HQ holds this report and every change to it")
                    if row.id in self.at_hq
                    else self.tr("Not yet at HQ: will be sent at the next sync")
                )
            return None
        if key == "warning":
            colour = self.criteria.colour(row.warning_colour)
            if colour is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                label = colour.label(self.lang)
                return (
                    self.tr("%1 (lifted)").replace("%1", label)
                    if row.warning_status == LIFTED
                    else label
                )
            if role == Qt.ItemDataRole.DecorationRole:
                return colour_icon(colour.rgb)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, key)
            if key == "received_at":
                return wall_time(value)
            if key == "status":
                return status_text(value)
            if key == "incident_type":
                return (
                    self.catalog.get(value).name(self.lang) if value in self.catalog.by_code else ""
                )
            return value
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.status == statuses.RECEIVING:
            from PySide6.QtGui import QColor

            return QColor("#c62828")
        return None

    def refresh_hq(self) -> None:
        """After a sync: what HQ now holds, for the rows already loaded."""
        self.linked = _linked(self.store)
        ids = [r.id for r in self.rows]
        fresh: set[str] = set()
        for start in range(0, len(ids), 500):
            fresh |= _at_hq(self.store, ids[start : start + 500])
        self.at_hq = fresh
        if self.rows:
            column = self.COLUMNS.index("hq")
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ReportsBrowser(QWidget):
    open_requested = Signal(str)

    def __init__(self, store: Store, catalog: Catalog, lang: str) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("reportsBrowser")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setAccessibleName(self.tr("Search reports"))
        self.search.setPlaceholderText(
            self.tr("Search: name, pinyin or initials, phone, ID number, address, summary, serial")
        )
        self.search.setClearButtonEnabled(True)
        self.use_dates = QCheckBox(self.tr("From"))
        self.date_from = QDateEdit(QDate.currentDate().addDays(-30))
        self.date_to = QDateEdit(QDate.currentDate())
        for d in (self.date_from, self.date_to):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("typeFilter")
        self.type_combo.addItem(self.tr("All types"), "")
        for t in catalog.types:
            self.type_combo.addItem(f"{t.name(lang)} ({t.code})", t.code)
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusFilter")
        self.status_combo.addItem(self.tr("All statuses"), "")
        for s in statuses.ALL:
            self.status_combo.addItem(status_text(s), s)
        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("officerFilter")
        self.officer_combo.addItem(self.tr("All officers"), "")
        for o in list_officers(store):
            self.officer_combo.addItem(f"{o.name} {o.badge}", o.id)
        self.count_label = QLabel()
        self.count_label.setObjectName("reportsCount")

        self._make_table(store, catalog, lang)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.refresh)
        for combo in (self.type_combo, self.status_combo, self.officer_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(lambda _d: self.refresh())
            widget.setEnabled(False)  # only with "From" ticked: no arrow key changes it by the way
        self.use_dates.toggled.connect(self._dates_toggled)

        filters = QHBoxLayout()
        filters.addWidget(self.use_dates)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.type_combo)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.officer_combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

    def _make_table(self, store: Store, catalog: Catalog, lang: str) -> None:
        self.model = ReportsTableModel(store, catalog, lang)
        self.table = QTableView()
        self.table.setObjectName("reportsTable")
        self.table.setAccessibleName(self.tr("Reports"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(
            ReportsTableModel.COLUMNS.index("reporter_address"), QHeaderView.ResizeMode.Stretch
        )
        self._sized = False  # columns fit the first page's content, then the officer's hand
        # Enter on a row opens it, as a double-click does (activated is both).
        self.table.activated.connect(self._open)
        self.search.installEventFilter(self)

    def _dates_toggled(self, on: bool) -> None:
        for widget in (self.date_from, self.date_to):
            widget.setEnabled(on)
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down in the search box goes to the results, on the first row."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.model.rowCount()
        ):
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.selectRow(max(self.table.currentIndex().row(), 0))
            return True
        return super().eventFilter(watched, event)

    def current_filter(self) -> ReportFilter:
        def day(d: QDateEdit) -> dt.date:
            q = d.date()
            return dt.date(q.year(), q.month(), q.day())

        return ReportFilter(
            date_from=day(self.date_from) if self.use_dates.isChecked() else None,
            date_to=day(self.date_to) if self.use_dates.isChecked() else None,
            incident_type=self.type_combo.currentData() or None,
            status=self.status_combo.currentData() or None,
            officer_id=self.officer_combo.currentData() or None,
            text=self.search.text(),
        )

    def refresh(self) -> None:
        flt = self.current_filter()
        try:
            self.model.set_filter(flt)
            total = reports.count_reports(self.store, flt, cap=COUNT_CAP)
        except errors.StationDeskError as exc:
            self.count_label.setText(error_text(exc))
            return
        if not self._sized and self.model.rowCount():
            self._sized = True
            address = ReportsTableModel.COLUMNS.index("reporter_address")
            for col in range(self.model.columnCount()):
                if col != address:
                    self.table.resizeColumnToContents(col)
                    self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
        shown = f"{COUNT_CAP:,}+" if total > COUNT_CAP else f"{total:,}"
        self.count_label.setText(self.tr("%1 reports").replace("%1", shown))

    def _open(self, index: QModelIndex) -> None:
        report_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if report_id:
            self.open_requested.emit(report_id)
