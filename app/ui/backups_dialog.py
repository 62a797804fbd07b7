"""Backups on screen: the scheduled worker, the dialog (folder, generations, list, back up now,
check, restore) and the guided recovery after a failed start-up check."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.services import backups
from app.services.station import OfficerInfo
from app.settings import BACKUP_GENERATIONS, BACKUP_INTERVAL_HOURS, load_settings, save_settings
from app.ui import tasks
from app.ui.messages import error_text
from app.ui.widgets import button_row, deadline_table, fill_deadline_table, open_at

SCHEDULE_CHECK_MS = 10 * 60_000  # how often the schedule is looked at


class BackupRunner(QObject):
    """One backup at a time, on the backups lane: the snapshot is one step of SQLite's backup
    API (which lets the interpreter go) and the desk keeps receiving while it runs. Also runs
    the scheduled backup when it is due."""

    finished = Signal(object)  # BackupInfo or StationDeskError

    def __init__(self, store: Store, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.data_dir = data_dir
        self.job: tasks.Job[backups.BackupInfo] | None = None
        self.schedule = QTimer(self)
        self.schedule.timeout.connect(lambda: self.start_if_due(None))
        self.schedule.start(SCHEDULE_CHECK_MS)

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, reason: str, by: OfficerInfo | None) -> bool:
        if self.job is not None:
            return False
        store, data_dir = self.store, self.data_dir
        self.job = tasks.run_in_thread(
            lambda _progress: backups.run_backup(store, data_dir, reason=reason, by=by),
            lane=tasks.BACKUPS,
            owner=self,
            done=self._ended,
            failed=self._ended,
        )
        return True

    def start_if_due(self, by: OfficerInfo | None) -> None:
        if self.job is None and backups.due(self.data_dir):
            self.start("schedule", by)

    def _ended(self, result: object) -> None:
        self.job = None
        self.finished.emit(result)


def backup_problem_text(exc: errors.StationDeskError) -> str:
    from PySide6.QtCore import QCoreApplication

    reason = exc.details.get("reason", "")
    texts = {
        ("backup_folder", "missing"): QCoreApplication.translate(
            "Backups",
            "The backup folder %1 is not there. Is the backup drive plugged in? Nothing was lost; the next backup runs when the folder is back.",
        ),
        ("backup_folder", "not_writable"): QCoreApplication.translate(
            "Backups", "The backup folder %1 cannot be written. Choose another folder."
        ),
        ("backup_failed", "full"): QCoreApplication.translate(
            "Backups",
            "The backup drive (%1) is full. No partial backup was left; free space or choose another drive.",
        ),
        ("backup_damaged", "truncated"): QCoreApplication.translate(
            "Backups", "This backup is incomplete (cut short while copying). Use another one."
        ),
        ("backup_damaged", "changed"): QCoreApplication.translate(
            "Backups",
            "This backup was changed after it was written. Do not use it; tell the station chief.",
        ),
        ("backup_damaged", "check"): QCoreApplication.translate(
            "Backups",
            "Some pages of this backup do not read back as they were written: the drive may be failing. Use another backup, or another drive for the next one.",
        ),
        ("backup_damaged", "no_manifest"): QCoreApplication.translate(
            "Backups", "This backup has no description file, so it cannot be checked."
        ),
    }
    text = texts.get((exc.code, str(reason)))
    if text is None:
        return error_text(exc)
    return text.replace("%1", str(exc))


class BackupsDialog(QDialog):
    restore_requested = Signal(Path)

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        officer: OfficerInfo,
        worker: BackupRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.data_dir, self.officer, self.worker = store, data_dir, officer, worker
        self.entries: list[backups.BackupEntry] = []
        self.setObjectName("backupsDialog")
        self.setWindowTitle(self.tr("Backups"))
        settings = load_settings(data_dir)
        self.generations = QSpinBox()
        self.generations.setObjectName("backupGenerations")
        self.generations.setRange(*BACKUP_GENERATIONS)
        self.generations.setValue(settings.backup_generations)
        self.interval = QSpinBox()
        self.interval.setObjectName("backupInterval")
        self.interval.setRange(*BACKUP_INTERVAL_HOURS)
        self.interval.setSuffix(self.tr(" h"))
        self.interval.setSpecialValueText(self.tr("only at shift end"))
        self.interval.setValue(settings.backup_interval_hours)
        form = QFormLayout()
        form.addRow(self.tr("Backup folder"), self._folder_box())
        form.addRow("", self.same_disk)
        form.addRow(self.tr("Backups kept"), self.generations)
        form.addRow(self.tr("Back up every"), self.interval)
        save = QPushButton(self.tr("Save settings"))
        save.setObjectName("saveBackupSettings")
        save.clicked.connect(self._save_settings)
        self.table = deadline_table(
            "backupsTable",
            [
                self.tr("Written"),
                self.tr("Why"),
                self.tr("Reports"),
                self.tr("Size"),
                self.tr("State"),
            ],
            4,
            lambda _row: self._check(),
        )
        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        buttons = button_row(
            [
                ("backupNowButton", self.tr("Back up now"), self._backup_now),
                ("checkBackupButton", self.tr("Check selected"), self._check),
                ("restoreBackupButton", self.tr("Restore selected..."), self._restore),
            ]
        )
        buttons.addStretch(1)
        buttons.addWidget(save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(close)
        open_at(self, 860, 520)
        worker.finished.connect(self._backed_up)
        self.refresh()

    def _folder_box(self) -> QWidget:
        """The folder, a Choose button, and beneath them whether backups there would die with
        the data's disk (the default, inside the data folder, would): said plainly."""
        self.folder = QLineEdit(str(backups.backup_folder(self.data_dir)))
        self.folder.setObjectName("backupFolder")
        self.folder.setMaxLength(900)
        browse = QPushButton(self.tr("Choose..."))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        folder_box = QWidget()
        folder_box.setLayout(folder_row)
        self.same_disk = QLabel(
            self.tr(
                "This folder is on the same disk as the station's data: a backup here does not "
                "survive that disk. Choose a folder on another disk or a USB drive."
            )
        )
        self.same_disk.setObjectName("backupSameDisk")
        self.same_disk.setWordWrap(True)
        self.same_disk.setStyleSheet("color: #8a4b00;")
        self.folder.textChanged.connect(self._judge_folder)
        self._judge_folder()
        return folder_box

    def _judge_folder(self) -> None:
        text = self.folder.text().strip()
        self.same_disk.setVisible(
            bool(text) and backups.on_the_data_disk(self.data_dir, Path(text))
        )

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Backup folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)
            self.refresh()

    def _save_settings(self) -> None:
        settings = load_settings(self.data_dir)
        settings.backup_folder = self.folder.text().strip()
        settings.backup_generations = self.generations.value()
        settings.backup_interval_hours = self.interval.value()
        try:
            save_settings(self.data_dir, settings)
        except OSError as exc:
            self.message.setText(
                self.tr("Could not save: %1").replace("%1", exc.strerror or str(exc))
            )
            return
        self.message.setText(self.tr("Settings saved."))
        self.refresh()

    def refresh(self) -> None:
        try:
            self.entries = backups.list_backups(Path(self.folder.text().strip()))
        except errors.StationDeskError as exc:
            self.entries = []
            self.message.setText(backup_problem_text(exc))
        rows: list[tuple[Sequence[str], bool]] = []
        for e in self.entries:
            info = e.info
            state = {
                "": self.tr("written and checked"),
                "size": self.tr("INCOMPLETE"),
                "no_manifest": self.tr("cannot be checked"),
            }.get(e.problem, e.problem)
            rows.append(
                (
                    [
                        info.created_utc.replace("T", " ").rstrip("Z") if info else e.path.name,
                        self._reason(info.reason) if info else "",
                        f"{info.reports:,}" if info else "",
                        f"{info.bytes / 1e6:,.1f} MB" if info else "",
                        state,
                    ],
                    bool(e.problem),
                )
            )
        fill_deadline_table(self.table, rows)

    def _reason(self, reason: str) -> str:
        return {
            "manual": self.tr("by hand"),
            "schedule": self.tr("scheduled"),
            "shift_end": self.tr("shift end"),
        }.get(reason, reason)

    def _selected(self) -> backups.BackupEntry | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.entries):
            return self.entries[row]
        self.message.setText(self.tr("Select a backup first."))
        return None

    def _backup_now(self) -> None:
        if self.worker.start("manual", self.officer):
            self.message.setText(self.tr("Backing up; the desk can be used meanwhile..."))
        else:
            self.message.setText(self.tr("A backup is already running."))

    def _backed_up(self, result: object) -> None:
        if isinstance(result, errors.StationDeskError):
            self.message.setText(backup_problem_text(result))
        elif isinstance(result, backups.BackupInfo):
            self.message.setText(
                self.tr("Backup written and checked: %1 reports in %2 s.")
                .replace("%1", f"{result.reports:,}")
                .replace("%2", f"{result.seconds:.1f}")
            )
        self.refresh()

    def _check(self) -> None:
        """Reads the whole backup back, page by page: in the background, said when done."""
        entry = self._selected()
        if entry is None:
            return
        self.message.setText(self.tr("Checking the backup..."))
        key = self.store.key
        tasks.run_in_thread(
            lambda _progress: backups.check_backup(entry.path, key),
            lane=tasks.CHECKS,
            owner=self,
            done=self._checked,
            failed=lambda exc: self.message.setText(backup_problem_text(exc)),
        )

    def _checked(self, info: backups.BackupInfo) -> None:
        self.message.setText(
            self.tr("This backup is sound: %1 reports, written %2.")
            .replace("%1", f"{info.reports:,}")
            .replace("%2", info.created_utc.replace("T", " ").rstrip("Z"))
        )

    def _restore(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore"),
            self.tr(
                "Put this backup in place of the station database?\n\nThe current file is kept "
                "aside, not deleted. StationDesk restarts, and the next sync takes back from "
                "HQ every record the backup lacks."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(entry.path)
            self.accept()


def recover_at_start(data_dir: Path, problem: errors.StationDeskError) -> bool:
    """The file would not open as a sound database: offer the newest good backup. Nobody can
    sign in to a damaged file, so this runs before sign-in; it needs the station key (this
    PC's keyring) and only ever puts back a checked backup of this same station, and the
    damaged file is kept aside. Returns whether a backup was put in place."""
    from PySide6.QtCore import QCoreApplication

    from app.db import station_key

    title = QCoreApplication.translate("Backups", "StationDesk - recovery")
    try:
        key = station_key.load_key(data_dir)
        folder = backups.backup_folder(data_dir)
        found = backups.newest_good(folder, key)
    except errors.StationDeskError as exc:
        QMessageBox.critical(None, title, f"{error_text(problem)}\n\n{backup_problem_text(exc)}")
        return False
    if found is None:
        QMessageBox.critical(
            None,
            title,
            error_text(problem)
            + "\n\n"
            + QCoreApplication.translate(
                "Backups",
                "No good backup was found in %1. Plug in the backup drive and start StationDesk again, or call the administrator.",
            ).replace("%1", str(folder)),
        )
        return False
    entry, info = found
    question = (
        QCoreApplication.translate(
            "Backups",
            "The station database is missing or empty. The newest good backup was written %1 and holds %2 reports. Restore it now? After sign-in, the sync takes back from HQ what the backup lacks.",
        )
        if isinstance(problem, errors.DatabaseMissingError)
        else QCoreApplication.translate(
            "Backups",
            "The station database is damaged. The newest good backup was written %1 and holds %2 reports. Restore it now? The damaged file is kept aside; after sign-in, the sync takes back from HQ what the backup lacks.",
        )
    )
    answer = QMessageBox.question(
        None,
        title,
        question.replace("%1", info.created_utc.replace("T", " ").rstrip("Z") + " UTC").replace(
            "%2", f"{info.reports:,}"
        ),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backups.restore(data_dir, entry.path, key)
    except errors.StationDeskError as exc:
        QMessageBox.critical(None, title, backup_problem_text(exc))
        return False
    return True
