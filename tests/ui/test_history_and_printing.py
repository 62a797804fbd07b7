"""History and the receipt slip through the real buttons: readable words, a preview that renders."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QTableWidget

from app.services import reports
from app.ui.history_dialog import HistoryDialog
from app.ui.main_window import MainWindow
from app.ui.pdf_print import PdfPreviewDialog
from tests.conftest import good_intake


def _window_on_saved_report(qtbot, store, officer, catalog, data_dir) -> MainWindow:
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


def _when_shown(kind: type, act) -> None:  # noqa: ANN001
    """Modal dialogs block: act on the first visible one of `kind` once the loop runs."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def test_history_speaks_in_field_names_and_catalog_words(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = _window_on_saved_report(qtbot, store, officer, catalog, data_dir)
    seen: dict[str, str] = {}

    def read(dialog: HistoryDialog) -> None:
        table = dialog.findChild(QTableWidget, "historyTable")
        for row in range(table.rowCount()):
            field = table.item(row, 4).text()
            if field:
                seen[field] = table.item(row, 5).text()
        dialog.accept()

    _when_shown(HistoryDialog, read)
    qtbot.mouseClick(
        window.tabs.currentWidget().findChild(QPushButton, "historyButton"),
        Qt.MouseButton.LeftButton,
    )
    assert seen["Reporter name"].endswith("王芳")
    assert seen["Incident type"].endswith("Theft")
    assert seen["Status"] == "unfinished intake  →  received"
    assert seen["Handling steps done"].endswith("1, 2")
    assert "reporter_name" not in seen and "C01" not in seen["Incident type"]


def test_print_preview_opens_and_renders_the_slip(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = _window_on_saved_report(qtbot, store, officer, catalog, data_dir)
    painted: list[int] = []

    def choose_preview(box: QMessageBox) -> None:
        preview = next(b for b in box.buttons() if b.text().startswith("Print preview"))
        preview.click()

    def inspect(dialog: PdfPreviewDialog) -> None:
        gc.collect()  # the printer must outlive any Python reference but the dialog's
        painted.append(dialog.pages.page_count())
        dialog.reject()

    _when_shown(QMessageBox, choose_preview)
    _when_shown(PdfPreviewDialog, inspect)
    qtbot.mouseClick(
        window.tabs.currentWidget().findChild(QPushButton, "printSlipButton"),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: painted == [1])
