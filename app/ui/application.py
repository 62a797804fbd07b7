"""Start-up: QApplication, font, language, migrations (with a visible failure), set-up, sign-in."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog

from app import errors
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
    return app


def run_gui(data_dir: Path, lang: str | None) -> int:
    settings = load_settings(data_dir) if data_dir.exists() else None
    language = lang or (settings.effective_language() if settings else None)
    if language is None:
        from app.settings import system_language

        language = system_language()
    app = make_application(language)

    from app.db.engine import Store
    from app.db.migrate import upgrade_database
    from app.domain.catalog import load_catalog
    from app.services import station
    from app.ui.main_window import MainWindow
    from app.ui.messages import show_error
    from app.ui.setup_wizard import SetupWizard
    from app.ui.sign_in import SignInDialog

    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        upgrade_database(database_file(data_dir))
        store = Store(database_file(data_dir))
        catalog = load_catalog(data_dir)
        if not station.is_set_up(store):
            wizard = SetupWizard(store)
            if wizard.exec() != QDialog.DialogCode.Accepted:
                return 1
    except OSError as exc:
        show_error(None, errors.DatabaseReadOnlyError(str(exc)))
        return 2
    except errors.StationDeskError as exc:
        show_error(None, exc)
        return 2

    sign_in = SignInDialog(store)
    if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.officer is None:
        return 1
    window = MainWindow(store, catalog, sign_in.officer, data_dir)
    window.show()
    window.reopen_interrupted_intakes()
    window.sync_worker.start_schedule()
    return app.exec()
