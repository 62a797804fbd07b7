"""The station chief's supervision tab: today and this week by type and status, what is open
and overdue, new repeats, the warning colours in force, yesterday's review, and the weekly
research-and-judgment report."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.services import supervision
from app.services.early_warning import criteria_for
from app.services.station import OfficerInfo
from app.ui import tasks
from app.ui.labels import status_text
from app.ui.messages import error_text, show_error

BAR = QColor("#1565C0")


class BarChart(QWidget):
    """Horizontal bars with their labels and values: readable at a glance, no axis to decode."""

    def __init__(self, title: str, max_rows: int = 8) -> None:
        super().__init__()
        self.title = title
        self.max_rows = max_rows
        self.rows: list[tuple[str, int, QColor]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_rows(self, rows: list[tuple[str, int, QColor]]) -> None:
        # every name in full on hover, where the chart is too narrow to draw it whole
        self.setToolTip("\n".join(f"{name}: {value}" for name, value, _c in rows))
        self.rows = rows[: self.max_rows]
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 28 + 22 * max(1, len(self.rows)))

    def label_width(self, metrics: QFontMetrics) -> int:
        """Up to three fifths of the chart for the names (English names are long), never less
        than 150; the bars keep the rest."""
        widest = max((metrics.horizontalAdvance(r[0]) for r in self.rows), default=0) + 8
        return min(max(150, self.width() * 3 // 5), widest)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        painter.drawText(QRectF(0, 0, self.width(), 20), self.title)
        if not self.rows:
            painter.setPen(QColor("#777"))
            painter.drawText(QRectF(0, 24, self.width(), 20), self.tr("nothing yet"))
            return
        label_w = self.label_width(metrics)
        value_w = max(metrics.horizontalAdvance(str(r[1])) for r in self.rows) + 8
        top = max(r[1] for r in self.rows) or 1
        span = max(10, self.width() - label_w - value_w)
        for i, (label, value, colour) in enumerate(self.rows):
            y = 24 + i * 22
            painter.setPen(QColor("#333"))
            painter.drawText(
                QRectF(0, y, label_w - 6, 18),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6),
            )
            width = span * value / top
            painter.fillRect(QRectF(label_w, y + 2, width, 14), colour)
            painter.drawText(
                QRectF(label_w + width + 4, y, value_w, 18),
                int(Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )


class SupervisionView(QWidget):
    open_report = Signal(str)

    def __init__(self, store: Store, catalog: Catalog, officer: OfficerInfo, lang: str) -> None:
        super().__init__()
        self.store, self.catalog, self.officer, self.lang = store, catalog, officer, lang
        self.setObjectName("supervisionView")
        self.criteria = criteria_for(store)
        self.heading = QLabel()
        self.heading.setObjectName("supervisionHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.cards: dict[str, QLabel] = {}
        cards = QGridLayout()
        for i, (key, text) in enumerate(
            (
                ("today", self.tr("Received today")),  # the desk's word and number
                ("week", self.tr("Received this week")),
                ("unfinished", self.tr("Unfinished receipts")),
                ("overdue_visits", self.tr("Overdue visits")),
                ("overdue_cases", self.tr("Overdue case files")),
                ("overdue_sheets", self.tr("Overdue reminder sheets")),
                ("repeats", self.tr("New repeats today")),
                ("letters", self.tr("Letters awaiting approval")),
                ("supervision", self.tr("Visits under rectification")),
            )
        ):
            box = QGroupBox(text)
            value = QLabel("-")
            value.setObjectName(f"card_{key}")
            value.setStyleSheet("font-size: 22px; font-weight: bold;")
            QVBoxLayout(box).addWidget(value)
            self.cards[key] = value
            cards.addWidget(box, i // 5, i % 5)
        self.today_chart = BarChart(self.tr("Today by type"))
        self.week_chart = BarChart(self.tr("This week by type"))
        self.status_chart = BarChart(self.tr("This week by status"))
        self.colour_chart = BarChart(self.tr("Early-warning colours in force"))
        charts = QGridLayout()
        charts.addWidget(self.today_chart, 0, 0)
        charts.addWidget(self.week_chart, 0, 1)
        charts.addWidget(self.status_chart, 1, 0)
        charts.addWidget(self.colour_chart, 1, 1)
        self.review = QListWidget()
        self.review.setObjectName("dailyReview")
        self.review.setWordWrap(True)  # each line whole at 1,024 pixels, no sideways scrolling
        self.review.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        review_box = QGroupBox(self.tr("Daily review (yesterday)"))
        QVBoxLayout(review_box).addWidget(self.review)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.weekly_button = QPushButton(self.tr("Weekly report..."))
        self.weekly_button.setObjectName("weeklyReportButton")
        self.weekly_button.clicked.connect(self.weekly_report)
        self.review_button = QPushButton(self.tr("Daily review..."))
        self.review_button.setObjectName("dailyReviewButton")
        self.review_button.clicked.connect(self.daily_review)
        self.review_button.setVisible(officer.may("approve"))  # the chief signs off
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.review_button)
        top.addWidget(self.weekly_button)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(cards)
        left.addLayout(charts, 1)
        body.addLayout(left, 3)
        body.addWidget(review_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    def refresh(self, today: dt.date | None = None) -> None:
        day = today or dt.date.today()
        try:
            d = supervision.dashboard(self.store, self.catalog, day, self.lang)
        except errors.StationDeskError as exc:
            self.heading.setText(error_text(exc))
            return
        self.heading.setText(self.tr("Supervision - %1").replace("%1", day.isoformat()))
        r = d.review
        values = {
            "today": d.received_today,
            "week": sum(d.week_by_status.values()),
            "unfinished": r.unfinished,
            "overdue_visits": r.overdue_visits,
            "overdue_cases": r.overdue_cases,
            "overdue_sheets": r.overdue_sheets,
            "repeats": d.new_repeats_today,
            "letters": r.letters_awaiting,
            "supervision": r.supervision_visits,
        }
        for key, value in values.items():
            self.cards[key].setText(f"{value:,}")
            alarming = (
                key in ("overdue_visits", "overdue_cases", "overdue_sheets", "unfinished") and value
            )
            self.cards[key].setStyleSheet(
                "font-size: 22px; font-weight: bold;" + (" color: #c62828;" if alarming else "")
            )
        self.today_chart.set_rows([(name, n, BAR) for name, n in d.today_by_type])
        self.week_chart.set_rows([(name, n, BAR) for name, n in d.week_by_type])
        self.status_chart.set_rows(
            [
                (status_text(status), n, BAR)
                for status, n in sorted(d.week_by_status.items(), key=lambda x: -x[1])
            ]
        )
        self.colour_chart.set_rows(
            [
                (c.label(self.lang), r.colours.get(c.id, 0), QColor(c.rgb))
                for c in reversed(self.criteria.colours)
            ]
        )
        self.review.clear()
        lines = [
            self.tr("%1 reports received on %2")
            .replace("%1", f"{r.reports:,}")
            .replace("%2", r.day.isoformat()),
            *(f"    {name}: {n:,}" for name, n in r.by_type),
            self.tr("%1 new repeat reports").replace("%1", f"{r.new_repeats:,}"),
            self.tr("%1 receipts still unfinished").replace("%1", f"{r.unfinished:,}"),
            self.tr("%1 visits overdue").replace("%1", f"{r.overdue_visits:,}"),
            self.tr("%1 case files past their deadline").replace("%1", f"{r.overdue_cases:,}"),
            self.tr("%1 reminder sheets past their deadline").replace(
                "%1", f"{r.overdue_sheets:,}"
            ),
            self.tr("%1 warning letters awaiting approval").replace(
                "%1", f"{r.letters_awaiting:,}"
            ),
        ]
        self.review.addItems(lines)

    def daily_review(self) -> None:
        from app.ui.review_ui import DailyReviewDialog

        dialog = DailyReviewDialog(self.store, self.catalog, self.officer, self.lang, self)
        dialog.open_report.connect(self.open_report)
        dialog.exec()
        self.refresh()

    def weekly_report(self) -> None:
        from app.services import documents
        from app.ui.pdf_print import preview_pdf

        year, week, _ = (dt.date.today() - dt.timedelta(days=7)).isocalendar()
        text, ok = QInputDialog.getText(
            self,
            self.tr("Weekly report"),
            self.tr(
                "Week (2026-W47), month (2026-11), quarter (2026-Q4), year (2026) or days "
                "(2026-01-01..2026-03-31):"
            ),
            text=f"{year}-W{week:02d}",
        )
        if not ok:
            return
        try:
            period = supervision.parse_period(text)
        except ValueError:
            QMessageBox.warning(
                self,
                self.tr("Weekly report"),
                self.tr(
                    "%1 is not a period: write a week as 2026-W47, a month as 2026-11, a "
                    "quarter as 2026-Q4, a year as 2026 or days as 2026-01-01..2026-03-31."
                ).replace("%1", text),
            )
            return
        store, catalog, officer = self.store, self.catalog, self.officer
        self.weekly_button.setEnabled(False)  # one report at a time

        def ready(pdf: bytes) -> None:
            self.weekly_button.setEnabled(True)
            tasks.when_visible(self, lambda: preview_pdf(self, pdf, period.label).exec())

        def failed(exc: errors.StationDeskError) -> None:
            self.weekly_button.setEnabled(True)
            tasks.when_visible(self, lambda: show_error(self, exc))

        # A week's figures over a big station, then the PDF: in the background.
        tasks.run_in_thread(
            lambda _progress: documents.weekly_report_pdf(store, catalog, period, by=officer)[0],
            lane=tasks.DOCUMENTS,
            owner=self,
            done=ready,
            failed=failed,
        )
