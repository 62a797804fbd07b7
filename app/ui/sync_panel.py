"""Sync in the window: one background run at a time, and a status line an officer can read.

Runs start after saves (debounced), on a timer when the back-off allows, at start-up and by
"Sync now". A run never blocks the desk: it runs in its own process and only touches the
database in short transactions, so a press of the receive button is never kept waiting.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
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
from app.domain.clock import parse_utc
from app.services import sync
from app.sync.report import SyncReport
from app.ui import tasks
from app.ui.widgets import open_at

TIMER_MS = 60_000
AFTER_SAVE_MS = 2_000


class SyncWorker(QObject):
    """Runs `stationdesk sync` as a child process (`tasks.run_process`), one at a time.

    A separate process, not a thread: the desk never competes with a catch-up for Python's
    interpreter lock, and a sync that hangs or dies cannot take the desk with it (the engine
    is safe to kill at any step). `request()` is cheap and safe to call from anywhere."""

    finished = Signal(object)
    started = Signal()

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._again = False
        self.job: tasks.ProcessJob[SyncReport] | None = None
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.timeout.connect(self._when_due)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._when_due)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start_schedule(self) -> None:
        self._timer.start(TIMER_MS)
        self._when_due()

    def stop(self) -> None:
        """For closing the window or a restore: the run is ended before the file is."""
        self._timer.stop()
        self._soon.stop()
        self._again = False
        if self.job is not None:
            self.job.stop_and_wait()
            self.job = None

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
        if self.job is not None:
            self._again = True
            return
        self.started.emit()
        program, args = sync_command(Path(self.store.path).parent)
        mine: list[tasks.ProcessJob[SyncReport]] = []

        def ended(report: SyncReport) -> None:
            if self.job is mine[0]:  # not a run stopped earlier
                self._finish(report)

        self.job = tasks.run_process(
            program,
            args,
            parse=lambda out: parse_report(out.decode("utf-8", "replace")),
            owner=self,
            done=ended,
            failed=lambda exc: ended(SyncReport(error=str(exc), error_code="sync_failed")),
        )
        mine.append(self.job)

    def _finish(self, report: SyncReport) -> None:
        self.job = None
        self.finished.emit(report)
        if self._again:
            self._again = False
            self.request()


def sync_command(data_dir: Path) -> tuple[str, list[str]]:
    tail = ["sync", "--data-dir", str(data_dir), "--json", "--background"]
    if getattr(sys, "frozen", False):
        return sys.executable, tail
    return sys.executable, ["-m", "app", *tail]


def parse_report(output: str) -> SyncReport:
    for line in reversed(output.strip().splitlines()):
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict):
            known = {f.name for f in dataclasses.fields(SyncReport)}
            return SyncReport(**{k: v for k, v in data.items() if k in known})
    return SyncReport(error="the sync process ended without a report", error_code="sync_failed")


class SyncPanel(QWidget):
    """The status area: pending, oldest pending, last contact, last error, clock skew."""

    notices_requested = Signal()
    enroll_requested = Signal()

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
        self.enroll = QPushButton(self.tr("Link to HQ..."))
        self.enroll.setToolTip(
            self.tr("Link with the one-time enrolment code HQ gives the station.")
        )
        self.enroll.setObjectName("enrollButton")
        self.enroll.clicked.connect(self.enroll_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.notices)
        layout.addWidget(self.button)
        layout.addWidget(self.enroll)
        self.local_failure = ""
        worker.started.connect(self._running)
        worker.finished.connect(self._finished)
        self.refresh()

    def _running(self) -> None:
        self.button.setEnabled(False)
        self.label.setText(self.label.text() + "  " + self.tr("(syncing...)"))

    def _finished(self, report: SyncReport) -> None:
        self.local_failure = report.error_code if report.error_code in LOCAL_FAILURES else ""
        self.refresh()

    def refresh(self) -> None:
        self.button.setEnabled(not self.worker.running)
        try:
            status = sync.sync_status(self.store)
        except errors.StationDeskError:
            return
        line = status_line(status, dt.datetime.now(dt.UTC))
        if self.local_failure:
            line += " · " + self.tr("sync cannot run: %1").replace(
                "%1", plain_error(self.local_failure)
            )
        self.label.setText(line)
        self.label.setToolTip(line)  # the status bar may cut a long line
        bad = status.last_error or status.skew_warning or self.local_failure
        self.label.setStyleSheet("color: #c62828;" if bad else "")
        self.notices.setVisible(status.unread_notices > 0)
        self.notices.setText(self.tr("%1 new from HQ").replace("%1", str(status.unread_notices)))
        self.button.setVisible(status.enrolled)
        self.enroll.setVisible(not status.enrolled)


def status_line(status: sync.SyncStatus, now: dt.datetime) -> str:
    if not status.enrolled:
        return QCoreApplication.translate("SyncPanel", "Not linked to HQ: records stay on this PC.")
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
    elif status.confirmed:
        parts.append(QCoreApplication.translate("SyncPanel", "HQ has every record"))
    else:  # nothing waits here, but HQ has not said so since it was linked or last answered
        parts.append(
            QCoreApplication.translate("SyncPanel", "HQ has not yet confirmed the records")
        )
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
                "%1", plain_error(status.last_error_code)
            )
        )
    return " · ".join(parts)


def _local(when_utc: str) -> str:
    return parse_utc(when_utc).astimezone().strftime("%m-%d %H:%M")


# Failures on this PC that stop the sync process before it can record anything in the file:
# the window says them from the process's own report.
LOCAL_FAILURES = ("keyring_unavailable", "keyring_in_file", "database_key_missing")


def plain_error(code: str) -> str:
    return {
        "sync_refused": QCoreApplication.translate(
            "SyncPanel", "HQ refused this station; ask HQ for a new enrolment code."
        ),
        "station_split": QCoreApplication.translate(
            "SyncPanel",
            "HQ refuses this computer: another computer uses this station's identity. "
            "Receive on one computer only and call HQ; every record stays here.",
        ),
        "hq_error": QCoreApplication.translate(
            "SyncPanel", "HQ answered with an error; will retry by itself."
        ),
        "hq_incomplete": QCoreApplication.translate(
            "SyncPanel", "HQ holds less than it had confirmed; sending those records again."
        ),
        "keyring_unavailable": QCoreApplication.translate(
            "SyncPanel", "the system keyring is not available."
        ),
        "keyring_in_file": QCoreApplication.translate(
            "SyncPanel", "the keyring here keeps secrets in a plain file; it is not used."
        ),
        "database_key_missing": QCoreApplication.translate(
            "SyncPanel", "this PC's keyring lacks the database key."
        ),
        "not_enrolled": QCoreApplication.translate(
            "SyncPanel", "this station is not linked to HQ."
        ),
        "insecure_transport": QCoreApplication.translate(
            "SyncPanel", "the HQ address is not secure (https)."
        ),
    }.get(
        code,
        QCoreApplication.translate("SyncPanel", "HQ not reachable; will retry by itself."),
    )


class NoticesDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hqNotices")
        self.setWindowTitle(self.tr("From HQ"))
        open_at(self, 560, 360)
        items = QListWidget()
        for n in sync.notices(store):
            items.addItem(f"{_local(n.created_utc)}  {n.text}")
        if not items.count():
            items.addItem(self.tr("No notices from HQ yet."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(items)
        layout.addWidget(buttons)
        sync.mark_notices_read(store)
