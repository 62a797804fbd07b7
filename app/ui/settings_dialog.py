"""This PC's settings an officer may change: the language, when an idle desk locks, whether a
saved intake stays open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.settings import IDLE_LOCK_MINUTES, LANGUAGES, Settings, load_settings, save_settings
from app.ui.widgets import ok_cancel

LANGUAGE_NAMES = {"zh_CN": "简体中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("Follow the system"), "")
        for lang in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.idle = QSpinBox()
        self.idle.setObjectName("idleLockMinutes")
        self.idle.setRange(*IDLE_LOCK_MINUTES)
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setValue(settings.idle_lock_minutes)
        self.keep_open = QCheckBox(self.tr("Keep an intake open after it is saved"))
        self.keep_open.setObjectName("keepSavedIntakesOpen")
        self.keep_open.setChecked(settings.keep_saved_intakes_open)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock the screen after idle"), self.idle)
        form.addRow("", self.keep_open)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("A new language applies from the next start.")))
        layout.addWidget(buttons)


def change_settings(parent: QWidget, data_dir: Path) -> Settings | None:
    """Asks, then saves; the settings as saved, or None when nothing changed. A disk that
    refuses is said, and what was chosen still applies to this session."""
    settings = load_settings(data_dir)
    dialog = SettingsDialog(settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    settings.language = dialog.language.currentData()
    settings.idle_lock_minutes = dialog.idle.value()
    settings.keep_saved_intakes_open = dialog.keep_open.isChecked()
    try:
        save_settings(data_dir, settings)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("SettingsDialog", "StationDesk"),
            QCoreApplication.translate("SettingsDialog", "Could not save: %1").replace(
                "%1", exc.strerror or str(exc)
            ),
        )
    return settings
