"""The keyboard-first desk, offscreen: how Enter, Tab and the save keys move through an
intake, what a saved intake does, the guide, the questions before acts that count, and the
desk changing hands. The real keys on a real display: tests/ui/test_real_display.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
)

from app.services import receiving, reports
from app.settings import load_settings, save_settings
from app.ui.main_window import MainWindow
from tests.conftest import good_intake
from tests.ui.conftest import answer_next_question, when_shown


def open_window(qtbot, store, officer, catalog, data_dir) -> MainWindow:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    return window


def field(form, name: str):  # noqa: ANN201
    return form.findChild(QLineEdit, name) or form.findChild(QPlainTextEdit, name)


def test_enter_walks_the_fields_that_apply_and_tab_leaves_the_summary(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    qtbot.keyClick(field(form, "reporterName"), Qt.Key.Key_Return)
    assert window.focusWidget() is field(form, "reporterPhone")
    qtbot.keyClick(field(form, "reporterPhone"), Qt.Key.Key_Return)  # no phone: say why
    assert window.focusWidget() is field(form, "noPhoneReason")
    qtbot.keyClicks(field(form, "reporterPhone"), "13912345678")
    qtbot.keyClick(field(form, "reporterPhone"), Qt.Key.Key_Return)  # a phone: skip the reason
    assert window.focusWidget() is field(form, "reporterIdNumber")
    assert field(form, "noPhoneReason").focusPolicy() == Qt.FocusPolicy.ClickFocus

    type_line = field(form, "incidentType")
    type_line.setFocus()
    qtbot.keyClicks(type_line, "dq")
    matches = form.ui.type_list
    first = matches.currentItem().text()
    qtbot.keyClick(type_line, Qt.Key.Key_Down)  # Down walks the matches from the type line
    assert matches.currentItem().text() != first and window.focusWidget() is type_line
    qtbot.keyClick(type_line, Qt.Key.Key_Up)
    qtbot.keyClick(type_line, Qt.Key.Key_Return)  # chooses, and goes on
    assert form.types.code and window.focusWidget() is field(form, "incidentTime")

    summary = field(form, "summary")
    summary.setFocus()
    qtbot.keyClick(summary, Qt.Key.Key_Tab)
    assert "\t" not in summary.toPlainText() and window.focusWidget() is not summary
    window.close()


def test_ctrl_enter_saves_the_intake_closes_and_ctrl_p_prints_its_slip(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    report_id = form.report_id
    form.apply_fields(good_intake())
    keys = {s.key(): s for s in form.findChildren(QShortcut)}
    for combo in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
        assert QKeySequence(combo) in keys
    keys[QKeySequence("Ctrl+Return")].activated.emit()
    assert reports.get_report(store, report_id)["status"] == "received"
    assert window.tabs.currentWidget() is window.desk  # saved: back to the desk
    assert window.intake_tabs.forms == {}
    saved_note = window.desk.findChild(QLabel, "lastSavedNote")
    assert reports.get_report(store, report_id)["serial"] in saved_note.text()
    printed: list[str] = []
    window.print_slip = printed.append  # type: ignore[method-assign]
    window.print_current_slip()
    assert printed == [report_id]
    window.close()


def test_a_setting_keeps_saved_intakes_open(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    settings = load_settings(data_dir)
    settings.keep_saved_intakes_open = True
    save_settings(data_dir, settings)
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    form.apply_fields(good_intake())
    form.save()
    assert window.tabs.currentWidget() is form
    window.close()


def test_enter_presses_a_focused_button(qtbot, app_en, store, officer, catalog, data_dir) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    button = window.desk.findChild(QPushButton, "receiveButton")
    qtbot.keyClick(button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(receiving.unfinished_receipts(store)) == 1, timeout=3000)
    window.close()


def test_f1_opens_the_guide_in_the_officers_language(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    action = next(a for a in window.findChildren(type(window.menuBar().actions()[0]))
                  if a.shortcut() == QKeySequence("F1"))  # fmt: skip
    seen: list[str] = []

    def read(dialog) -> None:  # noqa: ANN001
        seen.append(dialog.findChild(QTextBrowser, "userGuideText").toPlainText())
        dialog.reject()

    when_shown(type_of_guide(), read)
    action.trigger()
    assert "F2" in seen[0] and "Ctrl+S" in seen[0]
    # what "three visits" means here is written where a chief can read it
    assert "three visits" in seen[0] and "5 working days" in seen[0]
    window.close()


def type_of_guide() -> type:
    from app.ui.user_guide import UserGuideDialog

    return UserGuideDialog


def test_quitting_with_an_intake_open_asks_and_no_keeps_the_desk(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    asked = answer_next_question(yes=False)
    window.quit_desk()
    assert "1 intake(s) are open" in asked[0] and window.isVisible()
    window.close()


def test_voiding_says_what_it_does_before_it_is_done(
    qtbot, app_en, store, chief, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, chief, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    said: list[str] = []

    def cancel(dialog: QInputDialog) -> None:
        said.append(dialog.labelText())
        dialog.reject()

    when_shown(QInputDialog, cancel)
    form.findChild(QPushButton, "voidButton").click()
    assert "stays on record for ever" in said[0]
    assert reports.get_report(store, form.report_id)["status"] == "receiving"
    window.close()


def test_when_another_officer_takes_over_nothing_of_the_first_stays_on_screen(
    qtbot, app_en, store, officer, chief, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    report_id = form.report_id
    form.findChild(QLineEdit, "reporterName").setText("王芳")
    form._on_edit()
    window.hand_over(chief)
    assert window.intake_tabs.forms == {}
    names = [w.text() for w in window.findChildren(QLineEdit) if w.isVisible()]
    assert "王芳" not in names
    assert receiving.load_draft(store, report_id)["reporter_name"] == "王芳"  # kept for them
    window.hand_over(officer)  # the officer is back: the intake with it
    assert report_id in window.intake_tabs.forms
    assert window.intake_tabs.forms[report_id].findChild(QLineEdit, "reporterName").text() == "王芳"
    QApplication.processEvents()
    window.close()


def test_the_desk_and_the_supervision_tab_count_the_same_today(
    qtbot, app_en, store, officer, chief, catalog, data_dir
) -> None:
    """An unfinished receipt has no type yet and a voided one counts as received: both
    screens say "received today" of the same presses."""
    from app.ui.supervision_view import SupervisionView

    done = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, done, good_intake(), catalog)
    receiving.receive(store, officer)  # left unfinished
    voided = receiving.receive(store, officer).id
    receiving.void_receipt(store, chief, voided, "按错")
    window = open_window(qtbot, store, officer, catalog, data_dir)
    view = SupervisionView(store, catalog, chief, "en")
    qtbot.addWidget(view)
    view.refresh()
    desk = window.desk.findChild(QLabel, "receivedCount").text()
    assert desk == view.findChild(QLabel, "card_today").text() == "3"
    window.close()


def test_a_type_ahead_that_matches_nothing_says_so(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    type_line = field(form, "incidentType")
    type_line.setFocus()
    qtbot.keyClicks(type_line, "qqqq")
    error = form.findChild(QLabel, "incidentTypeError")
    assert error.isVisible() and 'No incident type matches "qqqq"' in error.text()
    type_line.clear()
    qtbot.keyClicks(type_line, "dq")
    assert not error.isVisible()  # gone as soon as it matches
    window.close()


def test_views_keep_fixed_places_and_ctrl_w_closes_the_tab_shown(
    qtbot, app_en, store, chief, catalog, data_dir
) -> None:
    """Opened in any order, the views stand in one order after the desk, intakes after
    them; Ctrl+W closes the tab on screen (an intake's typed text stays in its draft)."""
    from PySide6.QtGui import QAction

    window = open_window(qtbot, store, chief, catalog, data_dir)
    window.receive()
    for name in ("shift", "reports", "visits"):
        window.views.show(name)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:4] == ["Receive desk", "Reports", "Return visits", "Shift end"]
    close = next(a for a in window.findChildren(QAction) if a.shortcut() == QKeySequence("Ctrl+W"))
    window.views.show("visits")
    close.trigger()
    assert "Return visits" not in [window.tabs.tabText(i) for i in range(window.tabs.count())]
    window.close()


def test_lifting_a_warning_says_what_it_does_and_cancel_lifts_nothing(
    qtbot, app_en, store, officer, chief, catalog, data_dir
) -> None:
    from app.services import early_warning
    from app.ui.early_warning_dialog import EarlyWarningDialog

    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(incident_type="D02"), catalog)
    early_warning.assess(store, officer, rid, ["weapon"])
    dialog = EarlyWarningDialog(store, chief, rid, "en")
    qtbot.addWidget(dialog)
    said: list[str] = []

    def cancel(box: QInputDialog) -> None:
        said.append(box.labelText())
        box.reject()

    when_shown(QInputDialog, cancel)
    dialog.lift()
    assert "pending warning visits are cancelled" in said[0]
    assert reports.get_report(store, rid)["warning_status"] == "active"


def test_leaving_a_receipt_unfinished_keeps_the_form_as_it_was(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.receive()
    form = window.tabs.currentWidget()
    phone = "13912345678"
    field(form, "reporterName").setText("王芳")
    field(form, "reporterPhone").setFocus()
    qtbot.keyClicks(field(form, "reporterPhone"), phone)

    def reason(dialog: QInputDialog) -> None:
        dialog.setTextValue("报警人临时离开")
        dialog.accept()

    when_shown(QInputDialog, reason)
    form.findChild(QPushButton, "leaveUnfinishedButton").click()
    assert field(form, "reporterName").text() == "王芳"
    assert field(form, "reporterPhone").text() == phone
    assert not form.findChild(QLabel, "reporterNameError").isVisible()
    assert reports.get_report(store, form.report_id)["unfinished_reason"] == "报警人临时离开"
    window.close()


def test_an_error_beside_its_field_goes_as_soon_as_the_field_is_fixed(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = open_window(qtbot, store, officer, catalog, data_dir)
    window.resize(1024, 700)
    window.receive()
    form = window.tabs.currentWidget()
    form.apply_fields(good_intake(reporter_name="", reporter_id_number="110105194912310021"))
    form.save()
    name_error = form.findChild(QLabel, "reporterNameError")
    id_error = form.findChild(QLabel, "reporterIdNumberError")
    assert name_error.isVisible() and id_error.isVisible()
    name = field(form, "reporterName")
    name.setText("王芳")  # fixed (as typed: textEdited): its message goes at once
    name.textEdited.emit("王芳")
    assert not name_error.isVisible() and id_error.isVisible()
    id_number = field(form, "reporterIdNumber")
    id_number.clear()
    id_number.setFocus()
    qtbot.keyClicks(id_number, "11010519491231002X")
    assert not id_error.isVisible()
    assert reports.get_report(store, form.report_id)["status"] == "receiving"  # nothing saved yet
    window.close()
