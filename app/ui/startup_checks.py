"""The checks after sign-in, said in banners at the top of the window.

SQLite's own check of the pages, then the audit chain, run in the background (a
million-report station takes seconds, and the desk must receive meanwhile): a red banner says
a changed or damaged file and offers the guided recovery from the newest good backup. A yellow
one asks the chief to print the recovery key while it is not on paper.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from app import errors
from app.db import station_key
from app.db.engine import Store
from app.services import audit_verify, health
from app.ui import tasks
from app.ui.messages import error_text, show_error

if TYPE_CHECKING:
    from app.services.backups import BackupEntry, BackupInfo
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class Damaged:
    verdict: str  # SQLite's words


def check_file(store: Store, *, pages: bool) -> audit_verify.VerifyReport | Damaged:
    """The pages first (a damaged file is not worth a chain check), then the audit chain."""
    if pages:
        verdict = health.quick_check(store)
        if verdict != "ok":
            return Damaged(verdict)
    return audit_verify.verify_file(store.path, store.key)


def banner(name: str, colour: str) -> tuple[QWidget, QHBoxLayout]:
    """A coloured strip with a line of text; its row takes a button after the text."""
    widget = QWidget()
    widget.setObjectName(name)
    widget.setStyleSheet(
        f"QWidget#{name} {{ background: {colour}; }} QLabel {{ color: white;"
        " font-weight: bold; font-size: 14px; }"
    )
    row = QHBoxLayout(widget)
    label = QLabel()
    label.setObjectName(f"{name}Text")
    label.setWordWrap(True)
    row.addWidget(label, 1)
    widget.hide()
    return widget, row


def banner_button(
    row: QHBoxLayout, text: str, name: str, slot: Callable[[], object]
) -> QPushButton:
    """The banner's one button, after its text."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    row.addWidget(button)
    return button


def banner_text(widget: QWidget) -> QLabel:
    label = widget.findChild(QLabel, f"{widget.objectName()}Text")
    assert label is not None
    return label


class StartupChecks(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.audit_banner, audit_row = banner("auditBanner", "#c62828")
        self.recovery_banner, recovery_row = banner("recoveryBanner", "#f9a825")
        self.recovery_button = QPushButton(self.tr("Print recovery key..."))
        self.recovery_button.setObjectName("printRecoveryButton")
        self.recovery_button.clicked.connect(self.print_recovery_sheet)
        recovery_row.addWidget(self.recovery_button)
        self.damage_button = QPushButton(self.tr("Start recovery..."))
        self.damage_button.setObjectName("startRecoveryButton")
        self.damage_button.clicked.connect(self.guided_recovery)
        self.damage_button.hide()
        audit_row.addWidget(self.damage_button)

    def set_locked(self, locked: bool) -> None:
        """The banners' buttons must not work for someone not signed in."""
        if locked:
            self.recovery_banner.hide()
        else:
            self.show_recovery_banner()
        self.damage_button.setEnabled(not locked)

    # -- the file and its audit chain -----------------------------------------------------
    def start(self, *, pages: bool = True) -> tasks.Job[audit_verify.VerifyReport | Damaged]:
        store = self.window.store

        def check(_progress: tasks.Progress) -> audit_verify.VerifyReport | Damaged:
            return check_file(store, pages=pages)

        return tasks.run_in_thread(
            check,
            lane=tasks.CHECKS,
            owner=self,
            done=self._checked,
            failed=self._could_not_check,
        )

    def check_audit(self) -> None:
        self.window.statusBar().showMessage(self.tr("Checking the audit log..."), 5000)
        self.start(pages=False)

    def _checked(self, result: audit_verify.VerifyReport | Damaged) -> None:
        if isinstance(result, Damaged):
            self._damaged(result.verdict)
        elif result.ok:
            self.audit_banner.hide()
        else:
            first = result.findings[0].text if result.findings else ""
            banner_text(self.audit_banner).setText(
                self.tr(
                    "AUDIT CHECK FAILED: the database file was changed outside StationDesk "
                    "(%1 problem(s); first: %2). Tell the station chief; do not delete anything."
                )
                .replace("%1", str(result.problems))
                .replace("%2", first)
            )
            self.audit_banner.show()

    def _could_not_check(self, exc: errors.StationDeskError) -> None:
        banner_text(self.audit_banner).setText(
            self.tr("The audit check could not run: %1").replace("%1", error_text(exc))
        )
        self.audit_banner.show()

    def _damaged(self, verdict: str) -> None:
        """The file failed SQLite's own check: say so at the top, keep the desk receiving for
        as long as it can, and offer the guided recovery."""
        banner_text(self.audit_banner).setText(
            self.tr(
                "THE STATION DATABASE IS DAMAGED (%1). Records may be missing or unreadable. "
                "Restore the newest good backup; HQ then gives back what it lacks."
            ).replace("%1", verdict[:120])
        )
        self.damage_button.show()
        self.audit_banner.show()

    def guided_recovery(self) -> None:
        from app.services import backups
        from app.ui.backups_dialog import backup_problem_text

        folder = backups.backup_folder(self.window.data_dir)
        key = self.window.store.key
        self.damage_button.setEnabled(False)  # one search at a time

        def failed(exc: errors.StationDeskError) -> None:
            self.damage_button.setEnabled(True)
            QMessageBox.warning(self.window, self.tr("Recovery"), backup_problem_text(exc))

        tasks.run_in_thread(
            lambda _progress: backups.newest_good(folder, key),
            lane=tasks.CHECKS,
            owner=self,
            done=lambda found: self._offer_backup(folder, found),
            failed=failed,
        )

    def _offer_backup(self, folder: Path, found: tuple[BackupEntry, BackupInfo] | None) -> None:
        self.damage_button.setEnabled(True)
        if found is None:
            QMessageBox.warning(
                self.window,
                self.tr("Recovery"),
                self.tr(
                    "No good backup was found in %1. Plug in the backup drive, or choose the "
                    "folder under Account > Backups, then try again."
                ).replace("%1", str(folder)),
            )
            return
        entry, info = found
        answer = QMessageBox.question(
            self.window,
            self.tr("Recovery"),
            self.tr(
                "The newest good backup was written %1 and holds %2 reports. Restore it? The "
                "damaged file is kept aside; the next sync takes back from HQ what the backup "
                "lacks."
            )
            .replace("%1", info.created_utc.replace("T", " ").rstrip("Z") + " UTC")
            .replace("%2", f"{info.reports:,}"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.window.restore_from(entry.path)

    # -- the recovery key on paper ----------------------------------------------------------
    def show_recovery_banner(self) -> None:
        """Until the recovery key is on paper, a lost keyring would lose the station: the
        chief is asked to print it."""
        window = self.window
        missing = window.store.key is not None and not station_key.recovery_printed(window.data_dir)
        self.recovery_banner.setVisible(missing and window.officer.may("approve"))
        banner_text(self.recovery_banner).setText(
            self.tr(
                "The recovery key of this station's encrypted database has not been printed. "
                "Print it and keep it in the station safe: without it a new computer cannot "
                "open the records."
            )
        )

    def print_recovery_sheet(self) -> None:
        from app.services import documents
        from app.ui.pdf_print import preview_pdf

        window = self.window
        if station_key.recovery_printed(window.data_dir):
            answer = QMessageBox.question(
                window,
                self.tr("Print recovery key"),
                self.tr(
                    "The recovery key was printed before. Print it again only if that sheet "
                    "is lost; the reprint is recorded in the audit log."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            pdf = documents.recovery_sheet_pdf(window.store, window.data_dir, window.officer)
        except errors.StationDeskError as exc:
            show_error(window, exc)
            return
        preview_pdf(window, pdf, self.tr("Recovery key")).exec()
        self.show_recovery_banner()
