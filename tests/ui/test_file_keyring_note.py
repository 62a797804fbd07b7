"""A desk whose keys are in a file keyring (asked for by name) says so in its window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.ui.main_window import MainWindow


def test_the_window_shows_that_the_keys_are_in_a_file(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    note = window.findChild(QLabel, "fileKeyringNote")
    assert note is not None and note.isVisible()
    assert "file" in note.text() and "STATIONDESK_ALLOW_FILE_KEYRING" in note.toolTip()
    window.close()
