"""The daily review in the window: the chief's list of a day's reports with their quality flags,
signed off with an optional comment; and for the officer, a banner with the chief's comments on
their reports until read."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import daily_review
from app.services.station import OfficerInfo
from app.ui.labels import display_value, status_text, wall_time
from app.ui.messages import error_text
from app.ui.startup_checks import banner, banner_button, banner_text
from app.ui.widgets import button_row, deadline_table, fill_deadline_table, open_at


class DailyReviewDialog(QDialog):
    open_report = Signal(str)

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        chief: OfficerInfo,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.catalog, self.chief, self.lang = store, catalog, chief, lang
        self.setObjectName("dailyReviewDialog")
        self.setWindowTitle(self.tr("Daily review"))
        open_at(self, 980, 600)
        self.flag_words = {
            "requested": self.tr("the officer asks for a look"),
            "unfinished": self.tr("intake not completed"),
            "missing": self.tr("required details missing"),
            "late": self.tr("completed over %1 hours after receipt").replace(
                "%1", str(daily_review.LATE_HOURS)
            ),
            "repeat_no_file": self.tr("repeat, in no case file"),
        }
        self.day = QDateEdit(QDate.currentDate().addDays(-1))
        self.day.setObjectName("reviewDay")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.day.dateChanged.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("reviewSummary")
        self.table = deadline_table(
            "reviewTable",
            [  # what to look at first: the flags and the sign-off, then the report
                self.tr("Serial"),
                self.tr("To look at"),
                self.tr("Signed off"),
                self.tr("Received"),
                self.tr("Officer"),
                self.tr("Type"),
                self.tr("Status"),
            ],
            5,
            self._open,
        )
        self.table.setSelectionMode(self.table.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setMinimumSectionSize(80)  # the type never squeezed out
        self.comment = QLineEdit()
        self.comment.setObjectName("reviewComment")
        self.comment.setPlaceholderText(
            self.tr("Comment for the officer (optional), e.g. 补录报警人身份证号")
        )
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day")))
        top.addWidget(self.day)
        top.addWidget(self.summary, 1)
        actions = button_row(
            [
                ("signSelected", self.tr("Sign off selected"), self.sign_selected),
                ("signAll", self.tr("Sign off all"), self.sign_all),
            ]
        )
        actions.insertWidget(0, self.comment, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.items: list[daily_review.ReviewItem] = []
        self.refresh()

    def _chosen_day(self) -> dt.date:
        day = self.day.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def refresh(self) -> None:
        try:
            self.items = daily_review.review_list(self.store, self.catalog, self._chosen_day())
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        fill_deadline_table(
            self.table,
            [
                (
                    (
                        i.serial,
                        "; ".join(self.flag_words.get(f, f) for f in i.flags)
                        + (
                            f" ({i.request_note})"
                            if "requested" in i.flags and i.request_note
                            else ""
                        ),
                        (self.tr("yes, with a comment") if i.comment else self.tr("yes"))
                        if i.reviewed
                        else "",
                        wall_time(i.received_at),
                        i.officer_name,
                        display_value("incident_type", i.incident_type, self.catalog, self.lang),
                        status_text(i.status),
                    ),
                    bool(i.flags) and not i.reviewed,
                )
                for i in self.items
            ],
        )
        self.summary.setText(
            self.tr("Reports: %1; to look at: %2; signed off: %3.")
            .replace("%1", str(len(self.items)))
            .replace("%2", str(sum(bool(i.flags) for i in self.items)))
            .replace("%3", str(sum(i.reviewed for i in self.items)))
        )

    def _sign(self, ids: list[str]) -> None:
        if not ids:
            self.message.setText(self.tr("Choose the reports to sign off first."))
            return
        try:
            daily_review.sign_off(self.store, self.chief, self.catalog, ids, self.comment.text())
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.message.clear()
        self.comment.clear()
        self.refresh()

    def sign_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        self._sign([self.items[r].report_id for r in rows if r < len(self.items)])

    def sign_all(self) -> None:
        self._sign([i.report_id for i in self.items if not i.reviewed])

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.open_report.emit(self.items[row].report_id)


class CommentsBanner(QObject):
    """Across the top of the window while the chief's comments on this officer's reports wait."""

    def __init__(self, store: Store, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.officer: OfficerInfo | None = None
        self.widget, row = banner("commentsBanner", "#6a1b9a")
        banner_button(row, self.tr("Read..."), "readCommentsButton", self.open)
        self.waiting: list[daily_review.Comment] = []

    def refresh(self, officer: OfficerInfo, shown: bool = True) -> None:
        self.officer = officer
        try:
            self.waiting = daily_review.comments_for(self.store, officer)
        except errors.StationDeskError:
            self.waiting = []
        self.widget.setVisible(shown and bool(self.waiting))
        banner_text(self.widget).setText(
            self.tr("The station chief commented on %1 of your reports.").replace(
                "%1", str(len(self.waiting))
            )
        )

    def open(self) -> None:
        if not self.waiting or self.officer is None:
            return
        dialog = QDialog(self.widget.window())
        dialog.setObjectName("commentsDialog")
        dialog.setWindowTitle(self.tr("Comments from the daily review"))
        open_at(dialog, 640, 420)
        text = QPlainTextEdit()
        text.setObjectName("commentsText")
        text.setReadOnly(True)
        text.setPlainText(
            "\n\n".join(
                f"{c.serial}  {c.reviewed_by}  {wall_time(c.reviewed_at)}\n{c.comment}"
                for c in self.waiting
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        read = buttons.addButton(self.tr("Mark as read"), QDialogButtonBox.ButtonRole.AcceptRole)
        read.setObjectName("markCommentsRead")
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            daily_review.mark_read(self.store, self.officer, [c.review_id for c in self.waiting])
        self.refresh(self.officer)
