from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from app.services import reports
from app.ui.application import install_language, register_bundled_font
from app.ui.main_window import MainWindow
from tests.conftest import good_intake


@pytest.fixture
def app_en(qapp):
    register_bundled_font(qapp)
    install_language(qapp, "en")
    return qapp


def window_with_saved_report(qtbot, store, officer, catalog, data_dir) -> MainWindow:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.receive()
    form = window.tabs.currentWidget()
    form.apply_fields(good_intake())
    for step in (0, 1):
        form.steps.item(step).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(form.findChild(QPushButton, "saveIntakeButton"), Qt.MouseButton.LeftButton)
    assert reports.get_report(store, form.report_id)["status"] == "received"
    return window


def when_shown(kind: type, act) -> None:  # noqa: ANN001
    """Modal dialogs block: act on the first visible one of `kind` once the loop runs."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)
