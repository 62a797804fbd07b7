"""The chief issues a reminder sheet from a case file; the desk answers it in the sheets tab."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QPushButton

from app.services import case_files, receiving, reminder_sheets
from app.ui.case_files_view import CaseFileDialog
from app.ui.main_window import MainWindow
from app.ui.reminder_sheets_view import ReminderSheetDialog
from tests.conftest import good_intake
from tests.ui.conftest import answer_next_question, when_shown


def test_sheet_issued_from_the_case_file_and_answered_in_its_tab(
    qtbot, app_en, store, officer, chief, catalog, data_dir, tmp_path
) -> None:
    for _ in range(3):
        rid = receiving.receive(store, officer).id
        receiving.save_intake(store, officer, rid, good_intake(incident_type="D03"), catalog)
    case_id = case_files.file_of_report(store, rid)["id"]
    seen: dict[str, str] = {}
    asked: list[list[str]] = []

    def issue(dialog: CaseFileDialog) -> None:
        asked.append(answer_next_question())
        dialog.findChild(QPushButton, "issueSheetButton").click()
        seen["sheet"] = dialog.findChild(QLabel, "caseSheet").text()
        seen["enabled_after"] = str(dialog.findChild(QPushButton, "issueSheetButton").isEnabled())
        dialog.reject()

    when_shown(CaseFileDialog, issue)
    CaseFileDialog(store, catalog, chief, "en", case_id).exec()
    assert seen["sheet"].startswith("Reminder sheet TS") and "Issued" in seen["sheet"]
    assert seen["enabled_after"] == "False"  # one open sheet per file
    assert "takes the next sheet number" in asked[0][0]  # an official act asks first

    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.views.show("sheets")
    view = window.tabs.currentWidget()
    assert view.table.rowCount() == 1 and view.table.item(0, 3).text() == "3"

    def answer(dialog: ReminderSheetDialog) -> None:
        dialog.findChild(QPushButton, "sheetSend_progress").click()  # receipt first
        seen["before_receipt"] = str(
            dialog.findChild(QPushButton, "sheetSend_progress").isEnabled()
        )
        dialog.findChild(QPlainTextEdit, "sheet_receipt").setPlainText("signed for, officer Li")
        dialog.findChild(QPushButton, "sheetSend_receipt").click()
        dialog.findChild(QPushButton, "sheetSend_result").click()  # nothing written
        seen["empty"] = dialog.findChild(QLabel, "sheetMessage").text()
        seen["clear_enabled"] = str(dialog.findChild(QPushButton, "clearSheetButton").isEnabled())
        if os.environ.get("STATIONDESK_SCREENSHOTS"):
            dialog.grab().save(str(tmp_path / "reminder-sheet.png"))
        dialog.accept()

    when_shown(ReminderSheetDialog, answer)
    view.open_sheet(0)
    assert seen["before_receipt"] == "False"
    assert "Write the feedback first" in seen["empty"]
    assert seen["clear_enabled"] == "False"  # an officer cannot clear
    (row,) = reminder_sheets.sheets(store)
    assert row.status == "acknowledged"
    assert view.table.item(0, 5).text() == "Acknowledged"  # statuses capitalised in English
    window.close()
