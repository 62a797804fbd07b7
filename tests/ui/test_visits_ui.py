"""Return visits through the real window: close a report, scan its sheet back, record, count."""

from __future__ import annotations

import time

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableWidget,
)

from app.services import documents, reports, visit_queries
from app.ui.visit_outcome import VisitOutcomeDialog
from app.ui.visit_queue import RatesDialog, VisitQueueView
from tests.ui.conftest import when_shown, window_with_saved_report


def close_through_form(qtbot, window) -> str:
    form = window.tabs.currentWidget()

    def answer(dialog: QInputDialog) -> None:
        dialog.setTextValue("已调解，双方达成协议")
        dialog.accept()

    when_shown(QInputDialog, answer)
    qtbot.mouseClick(form.findChild(QPushButton, "closeReportButton"), Qt.MouseButton.LeftButton)
    assert reports.get_report(window.store, form.report_id)["status"] == "closed"
    return form.report_id


def open_queue(qtbot, window) -> VisitQueueView:
    window.tabs.setCurrentWidget(window.desk)
    qtbot.mouseClick(
        window.desk.findChild(QPushButton, "openVisitsButton"), Qt.MouseButton.LeftButton
    )
    view = window.tabs.currentWidget()
    assert isinstance(view, VisitQueueView)
    return view


def type_code(qtbot, view: VisitQueueView, code: str) -> None:
    edit = view.findChild(QLineEdit, "visitCodeEdit")
    edit.clear()
    qtbot.keyClicks(edit, code)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_officer_scans_a_sheet_and_records_the_outcome(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    rid = close_through_form(qtbot, window)
    form = window.tabs.currentWidget()
    rows = visit_queries.visits_for_report(store, rid)
    assert len(rows) == 3
    assert all(r.code in form.findChild(QLabel, "intakeVisits").text() for r in rows)

    view = open_queue(qtbot, window)
    assert "0 overdue, 1 due today, 2 in the coming week" in view.summary.text()

    # A mistyped code: said under the field, the text stays for correcting, nothing recorded.
    wrong = rows[0].code[:-1] + str((int(rows[0].code[-1]) + 1) % 10)
    type_code(qtbot, view, wrong)
    error = view.findChild(QLabel, "visitCodeError")
    assert error.isVisible() and wrong in error.text()
    assert view.findChild(QLineEdit, "visitCodeEdit").text() == wrong

    # Done without the answers: both groups say so, the dialog stays open.
    seen: dict[str, object] = {}

    def incomplete_then_complete(dialog: VisitOutcomeDialog) -> None:
        dialog.findChild(QPushButton, "saveOutcomeButton").click()
        seen["still_open"] = dialog.isVisible()
        seen["errors"] = [
            label.text()
            for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.text() == "Choose one."
        ]
        dialog.findChild(QRadioButton, "problemSolved_yes").click()
        dialog.findChild(QRadioButton, "satisfaction_basically_satisfied").click()
        dialog.findChild(QLineEdit, "visitNeeds").setText("希望加强夜间巡逻")
        dialog.findChild(QPushButton, "saveOutcomeButton").click()

    when_shown(VisitOutcomeDialog, incomplete_then_complete)
    type_code(qtbot, view, rows[0].code.replace("-", ""))
    assert seen["still_open"] and len(seen["errors"]) == 2
    done = visit_queries.lookup(store, rows[0].code)
    assert done.status == "done" and done.outcome["satisfaction"] == "basically_satisfied"
    assert done.outcome["needs"] == "希望加强夜间巡逻"
    assert "recorded" in error.text() and error.isVisible()
    assert view.findChild(QLineEdit, "visitCodeEdit").text() == ""
    assert "0 due today" in view.summary.text()
    qtbot.waitUntil(lambda: "This month: satisfaction 100.0%" in view.summary.text())

    # The same sheet scanned again: the dialog says it is already recorded and changes nothing.
    def second_time(dialog: VisitOutcomeDialog) -> None:
        dialog.findChild(QRadioButton, "visitResult_refused").click()
        dialog.findChild(QPushButton, "saveOutcomeButton").click()
        seen["again"] = dialog.findChild(QLabel, "visitMessage").text()
        dialog.reject()

    when_shown(VisitOutcomeDialog, second_time)
    type_code(qtbot, view, rows[0].code)
    assert "already recorded" in str(seen["again"])
    assert visit_queries.lookup(store, rows[0].code).status == "done"

    # Not reached, by keyboard: 2 picks the result, a reason, Enter saves; a retry is queued.
    def not_reached(dialog: VisitOutcomeDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_2)
        qtbot.keyClicks(dialog.findChild(QLineEdit, "notReachedReason"), "no answer")
        dialog.findChild(QPushButton, "saveOutcomeButton").click()

    when_shown(VisitOutcomeDialog, not_reached)
    type_code(qtbot, view, rows[1].code)
    assert visit_queries.lookup(store, rows[1].code).status == "not_reached"
    assert "Follow-up visit created" in error.text()

    # The rates dialog shows the month's satisfaction.
    dialog = RatesDialog(store, view)
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "ratesTable")
    texts = [table.item(0, c).text() for c in range(table.columnCount())]
    assert texts[0] == "李建国" and texts[-1] == "100.0%"
    window.close()


def test_route_prints_to_a_printer_and_a_failed_printer_can_be_resumed(
    qtbot, app_en, store, officer, catalog, data_dir, tmp_path
) -> None:
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    rid = close_through_form(qtbot, window)
    view = open_queue(qtbot, window)
    ids = [r.id for r in visit_queries.visits_for_report(store, rid)]
    offered: list[str] = []
    when_shown(QMessageBox, lambda box: (offered.append(box.text()), box.reject()))
    job = view.printing.print_sheets(ids, "route")
    with qtbot.waitSignal(job.succeeded, timeout=30000) as made:
        pass
    pdf = made.args[0]
    assert len(PdfReader(__import__("io").BytesIO(pdf)).pages) == 3
    qtbot.waitUntil(lambda: offered == ["3 visit sheets are ready."])

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    view.printing.send_to_printer(pdf, "route", printer)
    assert view.printing.busy and view.printing.isVisible()  # page by page, the bar shows it
    qtbot.waitUntil(lambda: not view.printing.busy, timeout=30000)
    assert len(PdfReader(str(out)).pages) == 3

    broken = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    broken.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    broken.setOutputFileName(str(tmp_path / "no-such-dir" / "x.pdf"))
    asked: list[str] = []

    def decline(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    when_shown(QMessageBox, decline)
    view.printing.send_to_printer(pdf, "route", broken)
    qtbot.waitUntil(lambda: bool(asked), timeout=30000)
    assert "stopped after sheet 0 of 3" in asked[0] and "sheet 1" in asked[0]
    assert not view.printing.busy


def test_a_cancelled_batch_prints_nothing(
    qtbot, app_en, store, officer, catalog, data_dir, monkeypatch
):
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    rid = close_through_form(qtbot, window)
    view = open_queue(qtbot, window)
    ids = [r.id for r in visit_queries.visits_for_report(store, rid)] * 400
    real = documents.visit_sheets_pdf

    def slow_printer(*args, progress, **kwargs):  # noqa: ANN002, ANN003
        """Sheets made faster than a person presses Cancel: held after the first until then."""

        def gate(done: int, total: int) -> bool:
            deadline = time.monotonic() + 20
            while done > 0 and not progress.cancelled and time.monotonic() < deadline:
                time.sleep(0.01)
            return progress(done, total)

        return real(*args, progress=gate, **kwargs)

    monkeypatch.setattr(documents, "visit_sheets_pdf", slow_printer)
    offered: list[str] = []
    when_shown(QMessageBox, lambda box: (offered.append(box.text()), box.reject()))
    job = view.printing.print_sheets(ids, "route")
    qtbot.waitUntil(lambda: view.printing.bar.value() > 0, timeout=30000)
    assert view.printing.isVisible()
    with qtbot.waitSignal(job.cancelled, timeout=30000):
        qtbot.mouseClick(view.printing.stop_button, Qt.MouseButton.LeftButton)
    qtbot.wait(200)
    assert not offered and not view.printing.busy and not view.printing.isVisible()
    assert not [w for w in view.findChildren(QDialog) if w.isVisible()]
    assert view.findChild(QPushButton, "printRouteButton").isEnabled()


def test_safe_contact_marked_after_closing_changes_the_open_visits(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    from PySide6.QtWidgets import QCheckBox

    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    rid = close_through_form(qtbot, window)
    form = window.tabs.currentWidget()
    box = form.findChild(QCheckBox, "safeContactCheck")
    assert box.isEnabled() and not box.isChecked()
    box.click()
    assert [v.kind for v in visit_queries.visits_for_report(store, rid)] == [
        "onsite_signoff",
        "safe_meeting",
        "home",
    ]
    assert box.isChecked() and not box.isEnabled()  # never switched off again
    assert "safe meeting" in form.findChild(QLabel, "intakeVisits").text().replace(
        "meeting at a safe place", "safe meeting"
    )
    window.close()


def test_the_desk_is_told_of_a_third_report_while_the_phone_is_typed(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    import datetime as dt

    from app.services import receiving
    from app.ui.main_window import MainWindow
    from tests.conftest import good_intake

    now = dt.datetime.now().astimezone()
    earlier = []
    for days in (12, 3):
        rid = receiving.receive(store, officer, now=now - dt.timedelta(days=days)).id
        receiving.save_intake(store, officer, rid, good_intake(), catalog)
        earlier.append(rid)
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.receive()
    form = window.tabs.currentWidget()
    warning = form.findChild(QLabel, "repeatWarning")
    phone = form.findChild(QLineEdit, "reporterPhone")
    qtbot.keyClicks(phone, "1391234567")  # one digit short: nothing yet
    qtbot.wait(400)
    assert not warning.isVisible()
    qtbot.keyClicks(phone, "8")
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    text = warning.text()
    assert "report no. 3 in 30 days" in text and "same phone number" in text
    serials = [reports.get_report(store, r)["serial"] for r in earlier]
    assert all(serial in text for serial in serials)
    warning.linkActivated.emit(earlier[0])  # the officer clicks the earlier report
    assert window.tabs.currentWidget().report_id == earlier[0]
    window.close()


def test_earlier_reports_matching_on_every_key_are_listed_once_and_fold(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    """Five earlier reports from the same phone, ID number and person at the address: each
    is one line naming every key it shares, three shown until "show all"; the window stays
    on a 768-pixel screen."""
    import datetime as dt

    from app.services import receiving
    from app.ui.main_window import MainWindow
    from tests.conftest import good_intake

    same = good_intake(reporter_id_number="11010519491231002X")
    now = dt.datetime.now().astimezone()
    earlier = []
    for days in (20, 15, 10, 5, 2):
        rid = receiving.receive(store, officer, now=now - dt.timedelta(days=days)).id
        receiving.save_intake(store, officer, rid, same, catalog)
        earlier.append(reports.get_report(store, rid)["serial"])
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.setWindowState(Qt.WindowState.WindowNoState)  # a window, not the whole screen
    window.resize(1024, 700)
    window.show()
    window.receive()
    form = window.tabs.currentWidget()
    form.apply_fields({k: same[k] for k in ("reporter_name", "reporter_phone",
                                            "reporter_id_number", "reporter_address")})  # fmt: skip
    form.repeats.check()
    warning = form.findChild(QLabel, "repeatWarning")
    qtbot.waitUntil(warning.isVisible, timeout=2000)
    text = warning.text()
    listed = [serial for serial in earlier if serial in text]
    assert len(listed) == 3 and all(text.count(serial) == 1 for serial in listed)
    assert "Show all (2 more)" in text
    line = next(row for row in text.split("<br>") if listed[0] in row)
    assert "same phone number" in line and "same ID number" in line
    warning.linkActivated.emit("#more")
    text = warning.text()
    assert all(text.count(serial) == 1 for serial in earlier) and "Show fewer" in text
    qtbot.wait(50)
    assert window.height() <= 768
    window.close()


def test_a_case_file_is_worked_and_cleared_in_the_window(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    from app.services import case_files, receiving
    from app.ui.case_files_view import CaseFileDialog, CaseFilesView
    from app.ui.main_window import MainWindow
    from tests.conftest import good_intake

    ids = []
    for _ in range(3):
        rid = receiving.receive(store, officer).id
        receiving.save_intake(store, officer, rid, good_intake(incident_type="D03"), catalog)
        ids.append(rid)
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(
        window.desk.findChild(QPushButton, "openCasesButton"), Qt.MouseButton.LeftButton
    )
    view = window.tabs.currentWidget()
    assert isinstance(view, CaseFilesView) and view.table.rowCount() == 1
    assert view.table.item(0, 2).text() == "3"
    assert view.table.item(0, 6).text().startswith("repeat within")  # the rule in words
    seen: dict[str, str] = {}

    def work(dialog: CaseFileDialog) -> None:
        dialog.findChild(QPlainTextEdit, "casePlan").setPlainText("联系物业共同调解")
        dialog.findChild(QPushButton, "saveCaseButton").click()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "caseActionText"), "visited both parties")
        dialog.findChild(QPushButton, "addCaseActionButton").click()
        dialog.findChild(QPushButton, "clearCaseButton").click()  # no result, no visit yet
        seen["refused"] = dialog.findChild(QLabel, "caseMessage").text()
        seen["log"] = dialog.findChild(QListWidget, "caseActions").item(0).text()
        dialog.reject()

    from PySide6.QtWidgets import QListWidget, QPlainTextEdit

    when_shown(CaseFileDialog, work)
    view.open_file(0)
    assert "state the result" in seen["refused"] and "return visit" in seen["refused"]
    assert "visited both parties" in seen["log"]
    case = case_files.file_of_report(store, ids[-1])
    assert case["status"] == "in_progress" and case["plan"] == "联系物业共同调解"
    window.close()
