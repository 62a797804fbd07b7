"""Through the real window: press the button, fill the form, save, restart, find it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
)

from app.db.station_file import open_station
from app.services import receiving, reports
from app.ui.labels import field_label
from app.ui.main_window import MainWindow
from tests.conftest import good_intake


def type_into(qtbot, window, name: str, text: str) -> None:
    widget = None
    for cls in (QLineEdit, QPlainTextEdit):
        widget = window.tabs.currentWidget().findChild(cls, name)
        if widget is not None:
            break
    assert widget is not None, name
    widget.setFocus()
    type_text(qtbot, widget, text)


def type_text(qtbot, widget, text: str) -> None:
    """ASCII as key presses; Chinese the way a real IME delivers it, as a committed string."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_press_fill_save_restart_find(qtbot, app_en, store, officer, catalog, data_dir) -> None:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    button = window.findChild(QPushButton, "receiveButton")
    assert button.accessibleName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    # the receipt exists before anything is typed
    unfinished = receiving.unfinished_receipts(store)
    assert len(unfinished) == 1
    form = window.tabs.currentWidget()
    assert form.objectName() == "intakeForm"
    assert form.report_id == unfinished[0].id
    assert window.focusWidget() is form.findChild(QLineEdit, "reporterName")

    type_into(qtbot, window, "reporterName", "王芳")
    type_into(qtbot, window, "reporterPhone", "13912345678")
    type_into(qtbot, window, "reporterAddress", "太原市杏花岭区新建路12号")
    type_into(qtbot, window, "incidentType", "dq")
    qtbot.keyClick(form.findChild(QLineEdit, "incidentType"), Qt.Key.Key_Return)
    assert form.findChild(QLabel, "incidentTypeChosen").text().startswith("Theft (C01")
    steps = form.findChild(type(form.steps), "handlingSteps")
    assert steps.count() == len(catalog.get("C01").steps)
    steps.item(0).setCheckState(Qt.CheckState.Checked)
    type_into(qtbot, window, "incidentTime", "2024-01-02 21:30")
    type_into(qtbot, window, "incidentPlace", "新建路12号楼下")
    type_into(qtbot, window, "summary", "电动车被盗")
    qtbot.mouseClick(form.findChild(QPushButton, "saveIntakeButton"), Qt.MouseButton.LeftButton)

    record = reports.get_report(store, form.report_id)
    assert record["status"] == "received"
    assert record["reporter_name"] == "王芳" and record["incident_type"] == "C01"
    assert record["checklist"] == [0]
    assert window.desk.completed.text() == "1"
    window.close()

    # restart: a new window on the same file finds it through the search box
    store2 = open_station(data_dir)
    window2 = MainWindow(store2, catalog, officer, data_dir)
    qtbot.addWidget(window2)
    window2.show()
    window2.views.show("reports")
    search = window2.findChild(QLineEdit, "searchBox")
    qtbot.keyClicks(search, "wangf")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    table = window2.findChild(QTableView, "reportsTable")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    name_column = table.model().COLUMNS.index("reporter_name")
    assert table.model().index(0, name_column).data() == "王芳"
    browser = table.parentWidget()
    assert not browser.date_from.isEnabled()  # no arrow key on the way changes a date filter
    # by keyboard: Down from the search box reaches the results, Enter opens the row
    qtbot.keyClick(search, Qt.Key.Key_Down)
    assert window2.focusWidget() is table and table.currentIndex().row() == 0
    qtbot.keyClick(table, Qt.Key.Key_Return)
    reopened = window2.tabs.currentWidget()
    assert reopened.findChild(QPlainTextEdit, "summary").toPlainText() == "电动车被盗"
    store2.close()


def test_bad_input_shows_message_beside_field_and_keeps_text(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.receive()
    form = window.tabs.currentWidget()
    type_into(qtbot, window, "reporterName", "王芳")
    type_into(qtbot, window, "reporterIdNumber", "110105194912310021")
    type_into(qtbot, window, "summary", "x" * 10)
    qtbot.mouseClick(form.findChild(QPushButton, "saveIntakeButton"), Qt.MouseButton.LeftButton)
    id_error = form.findChild(QLabel, "reporterIdNumberError")
    assert id_error.isVisible() and "check digit" in id_error.text()
    phone_error = form.findChild(QLabel, "reporterPhoneError")
    assert "phone number" in phone_error.text()
    type_error = form.findChild(QLabel, "incidentTypeError")
    assert type_error.isVisible()
    assert form.findChild(QLineEdit, "reporterIdNumber").text() == "110105194912310021"
    assert form.findChild(QLineEdit, "reporterName").text() == "王芳"
    assert reports.get_report(store, form.report_id)["status"] == "receiving"
    # what was typed is in the draft already
    draft = receiving.load_draft(store, form.report_id)
    assert draft["reporter_id_number"] == "110105194912310021"


def test_unfinished_list_and_shift_end(qtbot, app_en, store, officer, catalog, data_dir) -> None:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    assert window.receive_shortcut.key() == QKeySequence(Qt.Key.Key_F2)
    window.receive_shortcut.activated.emit()
    qtbot.waitUntil(lambda: len(window.intakes) == 1)
    window.tabs.setCurrentWidget(window.desk)
    table = window.findChild(QTableWidget, "unfinishedList")
    assert table.rowCount() == 1
    window.views.show("shift")
    assert "1 not completed" in window.views.shift.summary.text()


def test_what_is_still_missing_is_listed_up_front_and_each_entry_jumps_to_its_field(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.receive()
    form = window.tabs.currentWidget()
    panel = form.findChild(QLabel, "missingPanel")
    assert panel.isVisible()  # before any key: what every intake needs
    for name in ("Incident type", "Reporter name", "Summary", "Phone, or why there is none"):
        assert name in panel.text()
    type_into(qtbot, window, "reporterName", "王芳")
    assert "Reporter name" not in panel.text()
    form.types.set_type("C09")  # domestic violence asks for more
    form._on_edit()
    assert "Incident type" not in panel.text()
    for name in catalog.get("C09").required_fields:
        if not form.field_values().get(name):
            assert field_label(name) in panel.text()
    panel.linkActivated.emit("summary")
    assert window.focusWidget() is form.findChild(QPlainTextEdit, "summary")
    form.apply_fields(good_intake(incident_type="C09", reporter_id_number="11010519491231002X"))
    form._on_edit()
    assert panel.text() == "Nothing missing: Ctrl+S saves."
    window.close()
