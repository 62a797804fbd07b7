"""Sync in the window: one background run at a time, and a status line an officer can read.

Runs start after saves (debounced), on a timer when the back-off allows, at start-up and by
"Sync now". A run never blocks the desk: it runs on its own thread and only touches the
database in short transactions, so a press of the receive button is never kept waiting.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.services import sync
from app.services.clock import parse_utc
from app.sync.engine import SyncEngine, SyncReport

TIMER_MS = 60_000
AFTER_SAVE_MS = 2_000


class _Signals(QObject):
    finished = Signal(object)


class _Run(QRunnable):
    def __init__(self, engine: SyncEngine, signals: _Signals) -> None:
        super().__init__()
        self.engine = engine
        self.signals = signals

    def run(self) -> None:
        try:
            report = self.engine.run_once()
        except errors.StationDeskError as exc:  # e.g. the database is locked for a moment
            report = SyncReport(error=str(exc), error_code=exc.code)
        self.signals.finished.emit(report)


class SyncWorker(QObject):
    """Owns the single sync thread. `request()` is cheap and safe to call from anywhere."""

    finished = Signal(object)
    started = Signal()

    def __init__(self, store: Store, engine: SyncEngine | None = None) -> None:
        super().__init__()
        self.store = store
        self.engine = engine or SyncEngine(store)
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)
        self.running = False
        self._again = False
        self._signals = _Signals()
        self._signals.finished.connect(self._done)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self._when_due)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._when_due)

    def start_schedule(self) -> None:
        self._timer.start(TIMER_MS)
        self._when_due()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        self.pool.waitForDone(30_000)

    def after_save(self) -> None:
        self._soon.start(AFTER_SAVE_MS)

    def _when_due(self) -> None:
        try:
            due = sync.is_due(self.store)
        except errors.StationDeskError:
            return
        if due:
            self.request()

    def request(self) -> None:
        """Run now ("Sync now" too): a second request during a run queues one more run."""
        if self.running:
            self._again = True
            return
        self.running = True
        self.started.emit()
        self.pool.start(_Run(self.engine, self._signals))

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.finished.emit(report)
        if self._again:
            self._again = False
            self.request()


class SyncPanel(QWidget):
    """The status area: pending, oldest pending, last contact, last error, clock skew."""

    notices_requested = Signal()

    def __init__(self, store: Store, worker: SyncWorker) -> None:
        super().__init__()
        self.store = store
        self.worker = worker
        self.setObjectName("syncPanel")
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.label.setAccessibleName(self.tr("Sync status"))
        self.notices = QPushButton()
        self.notices.setObjectName("hqNoticesButton")
        self.notices.setFlat(True)
        self.notices.clicked.connect(self.notices_requested)
        self.button = QPushButton(self.tr("Sync now"))
        self.button.setObjectName("syncNowButton")
        self.button.clicked.connect(worker.request)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.notices)
        layout.addWidget(self.button)
        worker.started.connect(self._running)
        worker.finished.connect(lambda _r: self.refresh())
        self.refresh()

    def _running(self) -> None:
        self.button.setEnabled(False)
        self.label.setText(self.label.text() + "  " + self.tr("(syncing...)"))

    def refresh(self) -> None:
        self.button.setEnabled(not self.worker.running)
        try:
            status = sync.sync_status(self.store)
        except errors.StationDeskError:
            return
        self.label.setText(status_line(status, dt.datetime.now(dt.UTC)))
        bad = status.last_error or status.skew_warning
        self.label.setStyleSheet("color: #c62828;" if bad else "")
        self.notices.setVisible(status.unread_notices > 0)
        self.notices.setText(self.tr("%1 new from HQ").replace("%1", str(status.unread_notices)))
        self.button.setVisible(status.enrolled)


def status_line(status: sync.SyncStatus, now: dt.datetime) -> str:
    if not status.enrolled:
        return QCoreApplication.translate(
            "SyncPanel", "Not linked to HQ: records stay on this PC (ask HQ for an enrolment code)."
        )
    parts = []
    if status.pending:
        oldest = ""
        if status.oldest_pending_at:
            try:
                since = dt.datetime.fromisoformat(status.oldest_pending_at)
                hours = (now - since).total_seconds() / 3600
                oldest = (
                    QCoreApplication.translate("SyncPanel", ", oldest %1 h").replace(
                        "%1", f"{hours:.0f}"
                    )
                    if hours >= 1
                    else QCoreApplication.translate("SyncPanel", ", oldest under 1 h")
                )
            except ValueError:
                oldest = ""
        parts.append(
            QCoreApplication.translate("SyncPanel", "HQ: %1 waiting to send%2")
            .replace("%1", str(status.pending))
            .replace("%2", oldest)
        )
    else:
        parts.append(QCoreApplication.translate("SyncPanel", "HQ has every record"))
    if status.last_success_utc:
        parts.append(
            QCoreApplication.translate("SyncPanel", "last contact %1").replace(
                "%1", _local(status.last_success_utc)
            )
        )
    else:
        parts.append(QCoreApplication.translate("SyncPanel", "no contact yet"))
    if status.rejected:
        parts.append(
            QCoreApplication.translate("SyncPanel", "%1 refused by HQ").replace(
                "%1", str(status.rejected)
            )
        )
    if status.skew_warning and status.clock_skew_seconds is not None:
        parts.append(
            QCoreApplication.translate("SyncPanel", "PC clock is off by %1 min: check it").replace(
                "%1", f"{status.clock_skew_seconds / 60:+.0f}"
            )
        )
    if status.last_error:
        parts.append(
            QCoreApplication.translate("SyncPanel", "last try failed: %1").replace(
                "%1", plain_error(status)
            )
        )
    return " · ".join(parts)


def _local(when_utc: str) -> str:
    return parse_utc(when_utc).astimezone().strftime("%m-%d %H:%M")


def plain_error(status: sync.SyncStatus) -> str:
    return {
        "sync_refused": QCoreApplication.translate(
            "SyncPanel", "HQ refused this station; ask HQ for a new enrolment code."
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "SyncPanel", "the system keyring is not available."
        ),
        "not_enrolled": QCoreApplication.translate(
            "SyncPanel", "this station is not linked to HQ."
        ),
        "insecure_transport": QCoreApplication.translate(
            "SyncPanel", "the HQ address is not secure (https)."
        ),
    }.get(
        status.last_error_code,
        QCoreApplication.translate("SyncPanel", "HQ not reachable; will retry by itself."),
    )


class NoticesDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqNotices")
        self.setWindowTitle(self.tr("From HQ"))
        self.resize(560, 360)
        items = QListWidget()
        for n in sync.notices(store):
            items.addItem(f"{_local(n.created_utc)}  {n.text}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(items)
        layout.addWidget(buttons)
        sync.mark_notices_read(store)
