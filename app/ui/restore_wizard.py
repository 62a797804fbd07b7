"""Restoring a backup onto this computer, for a replacement PC or a wiped disk: choose the
backup file (a USB drive), give the recovery key if this computer's keyring lacks the key, and
the checked backup becomes the station database. What it lacks comes back from HQ at the
first sync after sign-in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app import errors
from app.db import station_key
from app.domain import recovery_key
from app.services import backups
from app.ui.backups_dialog import backup_problem_text
from app.ui.messages import error_text


class RestoreWizard(QWizard):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.info: backups.BackupInfo | None = None
        self.setObjectName("restoreWizard")
        self.setWindowTitle(self.tr("StationDesk - restore a backup"))
        self.setMinimumWidth(640)

        choose = QWizardPage()
        choose.setTitle(self.tr("Backup file"))
        choose.setSubTitle(
            self.tr("Choose the newest backup (.sdbackup) from the backup drive or folder.")
        )
        self.file = QLineEdit()
        self.file.setObjectName("restoreFile")
        self.file.setMaxLength(900)
        browse = QPushButton(self.tr("Choose..."))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        self.about = QLabel()
        self.about.setObjectName("restoreAbout")
        self.about.setWordWrap(True)
        column = QVBoxLayout(choose)
        column.addLayout(row)
        column.addWidget(self.about)
        self.addPage(choose)

        key_page = QWizardPage()
        key_page.setTitle(self.tr("Recovery key"))
        key_page.setSubTitle(
            self.tr(
                "Type the recovery key from the sheet in the station safe (not needed when "
                "this computer already holds the key)."
            )
        )
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("restoreRecoveryKey")
        self.key_edit.setMaxLength(120)
        self.key_edit.setStyleSheet("font-family: monospace; font-size: 15px;")
        self.message = QLabel()
        self.message.setObjectName("restoreMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c0392b;")
        column = QVBoxLayout(key_page)
        column.addWidget(self.key_edit)
        column.addWidget(self.message)
        self.addPage(key_page)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Backup file"), self.file.text(), "StationDesk backup (*.sdbackup)"
        )
        if chosen:
            self.file.setText(chosen)

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if self.currentId() == 0:
            return self._read_manifest()
        return True

    def _read_manifest(self) -> bool:
        path = Path(self.file.text().strip())
        entries = (
            [e for e in backups.list_backups(path.parent) if e.path == path]
            if (path.parent.is_dir())
            else []
        )
        if not entries or entries[0].info is None:
            self.about.setText(self.tr("This is not a StationDesk backup with its description."))
            return False
        self.info = entries[0].info
        self.about.setText(
            self.tr("Station %1, written %2, %3 reports.")
            .replace("%1", self.info.unit_code)
            .replace("%2", self.info.created_utc.replace("T", " ").rstrip("Z") + " UTC")
            .replace("%3", f"{self.info.reports:,}")
        )
        return True

    def _key(self) -> bytes:
        """This computer's key when the backup was made under it; else the typed one."""
        assert self.info is not None
        try:
            held: bytes | None = station_key.load_key(self.data_dir)
        except (errors.DatabaseKeyMissingError, errors.KeyringUnavailableError):
            held = None
        if held is not None and recovery_key.fingerprint(held) == self.info.key_fingerprint:
            return held
        return recovery_key.decode(self.key_edit.text())

    def accept(self) -> None:
        self.message.setText("")
        if self.info is None and not self._read_manifest():
            return
        try:
            key = self._key()
            backups.restore(self.data_dir, Path(self.file.text().strip()), key)
            station_key.install_key(self.data_dir, key)
        except errors.StationDeskError as exc:
            text = backup_problem_text(exc) if exc.code.startswith("backup") else error_text(exc)
            self.message.setText(text)
            return
        super().accept()
