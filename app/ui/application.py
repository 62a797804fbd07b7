"""Start-up: QApplication, font, language, migrations (with a visible failure), set-up, sign-in."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from app import errors
from app.db.engine import Store
from app.paths import database_file, resource_path
from app.printing.fonts import FONT_FILE
from app.settings import load_settings

_translators: list[QTranslator] = []


def register_bundled_font(app: QApplication) -> None:
    """Chinese must render on a PC without Chinese fonts: load ours and prefer it."""
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(app.font())
        font.setFamilies([app.font().family(), families[0]])
        font.setPointSize(max(font.pointSize(), 10))
        app.setFont(font)


def install_language(app: QApplication, lang: str) -> None:
    for tr in _translators:
        app.removeTranslator(tr)
    _translators.clear()
    QLocale.setDefault(QLocale(lang))
    if lang == "en":
        return
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"stationdesk_{lang}.qm"))):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _translators.append(qt)


def make_application(lang: str) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("StationDesk")
    app.setOrganizationName("StationDesk")
    register_bundled_font(app)
    install_language(app, lang)
    from app.ui import keyboard

    keyboard.install(app)
    return app


def _log_and_catch(data_dir: Path) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from app.common.logs import configure, install_crash_handler

    configure(data_dir)

    def tell(report: Path | None) -> None:
        QMessageBox.warning(
            QApplication.activeWindow(),
            "StationDesk",
            QCoreApplication.translate(
                "Messages",
                "Something unexpected went wrong. What was saved is safe and what you typed is "
                "kept as a draft. A report for the administrator was written to %1.",
            ).replace("%1", str(report) if report else "-"),
        )

    install_crash_handler(data_dir, tell)


def open_with_key(data_dir: Path) -> Store | None:
    """The station's Store; when this computer lacks the database key, the recovery key is
    asked for (and kept in the keyring, or used for this session only when there is none)."""
    from app.db import cipher
    from app.db.station_file import open_station
    from app.ui.recovery_dialog import RecoveryKeyDialog

    key: bytes | None = None
    while True:
        try:
            return open_station(data_dir, create=True, key=key)
        except (errors.DatabaseKeyMissingError, errors.KeyringUnavailableError) as exc:
            path = database_file(data_dir)
            if not path.exists() or cipher.is_plaintext(path):
                raise  # nothing to recover: a keyring is needed to protect a new database
            dialog = RecoveryKeyDialog(
                data_dir, keyring_missing=isinstance(exc, errors.KeyringUnavailableError)
            )
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.key is None:
                return None
            key = dialog.key


def run_gui(data_dir: Path, lang: str | None) -> int:
    settings = load_settings(data_dir) if data_dir.exists() else None
    language = lang or (settings.effective_language() if settings else None)
    if language is None:
        from app.settings import system_language

        language = system_language()
    app = make_application(language)
    _log_and_catch(data_dir)

    from app.domain.catalog import load_catalog
    from app.services import station
    from app.ui.main_window import RESTART, MainWindow
    from app.ui.messages import show_error
    from app.ui.setup_wizard import SetupWizard
    from app.ui.sign_in import SignInDialog

    try:
        store = open_with_key(data_dir)
        if store is None:
            return 1
        catalog = load_catalog(data_dir)
        if not station.is_set_up(store):
            wizard = SetupWizard(store)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return 1
            if wizard.restored:  # a replacement PC: the restored station, from the top
                store = open_with_key(data_dir)
                if store is None:
                    return 1
    except OSError as exc:
        show_error(None, errors.DatabaseReadOnlyError(str(exc)))
        return 2
    except errors.DatabaseCorruptError as exc:
        from app.ui.backups_dialog import recover_at_start

        if not recover_at_start(data_dir, exc):
            return 2
        return run_gui(data_dir, lang)
    except errors.StationDeskError as exc:
        show_error(None, exc)
        return 2

    after_restore = False
    while True:
        sign_in = SignInDialog(store)
        if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.officer is None:
            return 1
        window = MainWindow(store, catalog, sign_in.officer, data_dir)
        window.restart.connect(lambda: app.exit(RESTART))
        window.show()
        window.start_audit_check()
        window.reopen_interrupted_intakes()
        window.sync_worker.start_schedule()
        if after_restore:
            window.sync_worker.request()  # HQ gives back what the backup lacked
        code = app.exec()
        if code != RESTART:
            return code
        store = open_with_key(data_dir)  # after a restore: the restored file, from the top
        if store is None:
            return 1
        after_restore = True
