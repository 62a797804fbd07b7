"""History and the receipt slip through the real buttons: readable words, a preview that renders."""

from __future__ import annotations

import gc

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QTableWidget

from app.ui.history_dialog import HistoryDialog
from app.ui.pdf_print import PdfPreviewDialog
from tests.ui.conftest import when_shown, window_with_saved_report


def test_history_speaks_in_field_names_and_catalog_words(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    seen: dict[str, str] = {}

    def read(dialog: HistoryDialog) -> None:
        table = dialog.findChild(QTableWidget, "historyTable")
        for row in range(table.rowCount()):
            field = table.item(row, 4).text()
            if field:
                seen[field] = table.item(row, 5).text()
        dialog.accept()

    when_shown(HistoryDialog, read)
    qtbot.mouseClick(
        window.tabs.currentWidget().findChild(QPushButton, "historyButton"),
        Qt.MouseButton.LeftButton,
    )
    assert seen["Reporter name"].endswith("王芳")
    assert seen["Incident type"].endswith("Theft")
    assert seen["Status"] == "Unfinished intake  →  Received"  # statuses capitalised in English
    assert seen["Handling steps done"].endswith("1, 2")
    assert "reporter_name" not in seen and "C01" not in seen["Incident type"]


def test_print_preview_opens_and_renders_the_slip(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    painted: list[int] = []

    def choose_preview(box: QMessageBox) -> None:
        preview = next(b for b in box.buttons() if b.text().startswith("Print preview"))
        preview.click()

    def inspect(dialog: PdfPreviewDialog) -> None:
        gc.collect()  # the printer must outlive any Python reference but the dialog's
        painted.append(dialog.pages.page_count())
        dialog.reject()

    when_shown(QMessageBox, choose_preview)
    when_shown(PdfPreviewDialog, inspect)
    qtbot.mouseClick(
        window.tabs.currentWidget().findChild(QPushButton, "printSlipButton"),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: painted == [1])


def test_every_field_of_a_report_has_a_name_in_words(app_en) -> None:
    """History speaks in words: no raw column name (repeat_rule, repeat_key) and no raw key."""
    from app.domain.report_fields import RECORD_FIELDS
    from app.ui.labels import display_value, field_label

    raw = [name for name in RECORD_FIELDS if name != "id" and field_label(name) == name]
    assert raw == []
    assert field_label("repeat_key") == "Repeated by"
    assert display_value("repeat_key", "name_address", None, "en") == (
        "same person at the same address"
    )


def test_every_kind_of_change_reads_as_words_in_the_history(
    app_en, store, officer, chief, catalog
) -> None:
    """A report left unfinished, then taken in, given an early warning and a warning letter
    (which makes it safe-contact), corrected, handled and its warning lifted: each of its
    revisions says what happened in words, never the stored action name."""
    from app.services import early_warning, receiving, reports, warning_letters
    from tests.conftest import good_intake

    rid = receiving.receive(store, officer).id
    receiving.leave_unfinished(store, officer, rid, "报警人先去医院")
    receiving.save_intake(store, officer, rid, good_intake(incident_type="D02"), catalog)
    early_warning.assess(store, officer, rid, ["violence"])
    warning_letters.draft(
        store, officer, rid, warning_letters.LetterDraft("李强", "王芳", "酒后殴打")
    )
    receiving.save_intake(
        store, officer, rid, good_intake(incident_type="D02", summary="改"), catalog
    )
    receiving.start_handling(store, officer, rid)
    early_warning.lift(store, chief, rid, "双方已分开居住")
    revisions = reports.history(store, rid)
    dialog = HistoryDialog("x", revisions, catalog, "en")
    table = dialog.findChild(QTableWidget, "historyTable")
    shown = {table.item(row, 3).text() for row in range(table.rowCount())}
    stored = {rev.action for rev in revisions}
    assert len(stored) >= 8, " ".join(sorted(stored))  # every kind but renumbering by HQ
    assert not shown & stored, f"stored action names shown as they are: {shown & stored}"
