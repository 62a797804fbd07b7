"""The handover in the window: written on the shift-end view, then a banner for the next
officer until they acknowledge it; never on the lock screen."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QWidget

from app.services import handover, receiving
from app.ui.handover_ui import HandoverDialog
from app.ui.main_window import MainWindow
from tests.ui.conftest import when_shown


def _no_print() -> None:
    when_shown(QMessageBox, lambda box: box.reject())  # the sheet is offered; not now


def test_a_handover_written_at_shift_end_is_taken_over_by_the_next_officer(
    qtbot, app_en, store, officer, chief, catalog, data_dir
) -> None:
    left = receiving.receive(store, officer).id
    receiving.leave_unfinished(store, officer, left, "报警人先去医院")
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    banner = window.findChild(QWidget, "handoverBanner")
    assert not banner.isVisible()
    view = window.views.show("shift")
    view.findChild(QPushButton, "handOverButton").click()  # nothing written yet
    assert handover.waiting_for(store, chief) is None
    view.findChild(QPlainTextEdit, "handoverNote").setPlainText("王芳的接报待补录")
    _no_print()
    view.findChild(QPushButton, "handOverButton").click()
    assert handover.waiting_for(store, chief) is not None
    assert not banner.isVisible()  # the one who handed over is not asked

    window.hand_over(chief)  # the next officer signs in at the lock screen
    assert (
        banner.isVisible()
        and "1 open receipts" in banner.findChild(QWidget, "handoverBannerText").text()
    )
    window.session_lock.lock()
    assert not banner.isVisible()  # nothing of it on the lock screen
    window.show_records(True)

    def take_over(dialog: HandoverDialog) -> None:
        assert "王芳的接报待补录" in dialog.findChild(QPlainTextEdit, "handoverText").toPlainText()
        dialog.findChild(QLineEdit, "handoverReply").setText("已阅")
        _no_print()
        dialog.findChild(QPushButton, "acknowledgeHandover").click()

    when_shown(HandoverDialog, take_over)
    window.findChild(QPushButton, "takeOverButton").click()
    assert not banner.isVisible()
    assert handover.waiting_for(store, chief) is None
    window.close()
