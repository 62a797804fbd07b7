from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.services import reports
from app.ui import keyboard
from app.ui.application import install_language, register_bundled_font
from app.ui.main_window import MainWindow
from tests.conftest import good_intake


@pytest.fixture
def app_en(qapp):
    register_bundled_font(qapp)
    install_language(qapp, "en")
    keyboard.install(qapp)
    return qapp


def window_with_saved_report(qtbot, store, officer, catalog, data_dir) -> MainWindow:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.receive()
    form = window.tabs.currentWidget()
    report_id = form.report_id
    form.apply_fields(good_intake())
    for step in (0, 1):
        form.steps.item(step).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(form.findChild(QPushButton, "saveIntakeButton"), Qt.MouseButton.LeftButton)
    assert reports.get_report(store, report_id)["status"] == "received"
    # A saved intake closes itself; the officer finds the report again to print or read it.
    assert window.tabs.currentWidget() is window.desk
    window.open_report(report_id)
    return window


_WAITING: set[object] = set()  # the pollers of the running test


@pytest.fixture(autouse=True)
def _forget_pollers():
    """A poller whose dialog never came must not act on the next test's dialogs."""
    yield
    _WAITING.clear()


def when_shown(kind: type, act) -> None:  # noqa: ANN001
    """Modal dialogs block: act on the first visible one of `kind` once the loop runs."""
    token = object()
    _WAITING.add(token)

    def poll() -> None:
        if token not in _WAITING:
            return
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                _WAITING.discard(token)
                act(widget)
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def answer_next_question(yes: bool = True) -> list[str]:
    """The next Yes/No question (an act that counts asks first): answered, its text kept."""
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        button = QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No
        box.button(button).click()

    when_shown(QMessageBox, answer)
    return asked
