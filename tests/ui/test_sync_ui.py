"""Sync in the real window: status area, Sync now, HQ column, notices from HQ."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QTableView

from app.ui.main_window import MainWindow
from app.ui.sync_panel import NoticesDialog
from tests.sync.conftest import enroll, hq, hq_db, pg_template  # noqa: F401
from tests.ui.conftest import when_shown, window_with_saved_report


def test_unlinked_desk_says_records_stay_here(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    label = window.findChild(QLabel, "syncStatus")
    assert "Not linked to HQ" in label.text()
    assert not window.findChild(QPushButton, "syncNowButton").isVisible()


def test_sync_now_shows_hq_has_every_record_and_the_hq_column(
    qtbot,
    app_en,
    store,
    officer,
    catalog,
    data_dir,
    hq,  # noqa: F811
) -> None:
    enroll(store, hq)
    hq.service().add_instruction("140107", "notice", {"text": "Dispute sweep this week"})
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    label = window.findChild(QLabel, "syncStatus")
    assert "2 waiting to send" in label.text()

    window.show_reports()
    table = window.findChild(QTableView, "reportsTable")
    hq_column = table.model().COLUMNS.index("hq")
    assert table.model().index(0, hq_column).data() == "…"

    qtbot.mouseClick(window.findChild(QPushButton, "syncNowButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sync_worker.running, timeout=20000)
    assert "HQ has every record" in label.text(), label.text()
    assert table.model().index(0, hq_column).data() == "✓"

    notices = window.findChild(QPushButton, "hqNoticesButton")
    assert notices.isVisible() and notices.text().startswith("1 new")
    seen: list[str] = []

    def read(dialog: NoticesDialog) -> None:
        texts = [
            lst.item(i).text()
            for lst in dialog.findChildren(QListWidget)
            for i in range(lst.count())
        ]
        seen.append(" ".join(texts))
        dialog.accept()

    when_shown(NoticesDialog, read)
    qtbot.mouseClick(notices, Qt.MouseButton.LeftButton)
    assert "Dispute sweep this week" in seen[0]
    assert not notices.isVisible()
    window.close()


def test_a_chief_links_a_desk_to_hq_from_the_window_and_it_syncs_at_once(
    qtbot,
    app_en,
    store,
    chief,
    officer,
    catalog,
    data_dir,
    hq,  # noqa: F811
) -> None:
    """As on a replacement PC restored from a backup: not linked, so the chief types HQ's
    address and a code; a mistaken one is said beside the field and nothing typed is lost."""
    from PySide6.QtWidgets import QLineEdit, QMessageBox

    from app.ui.enroll_dialog import EnrollDialog

    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    link = window.findChild(QPushButton, "enrollButton")
    assert link.isVisible()
    refused: list[str] = []
    when_shown(QMessageBox, lambda box: (refused.append(box.text()), box.accept()))
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)  # a front-desk officer may not
    assert refused and "station chief" in refused[0]

    window.officer = chief
    code = hq.service().issue_enrolment("140107")
    said: dict[str, str] = {}

    def fill(dialog: EnrollDialog) -> None:
        dialog.findChild(QLineEdit, "hqAddress").setText("ftp://" + hq.url.split("://")[1])
        dialog.findChild(QLineEdit, "enrolmentCode").setText("NOT-A-CODE")
        dialog.accept()
        said["address"] = dialog.findChild(QLabel, "hqAddressError").text()
        dialog.findChild(QLineEdit, "hqAddress").setText(hq.url)
        dialog.accept()
        said["code"] = dialog.findChild(QLabel, "enrolmentCodeError").text()
        said["kept"] = dialog.findChild(QLineEdit, "hqAddress").text()
        dialog.findChild(QLineEdit, "enrolmentCode").setText(code)
        dialog.accept()

    when_shown(EnrollDialog, fill)
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
    assert "not an HQ address" not in said["address"] and "https" in said["address"]
    assert "did not accept this code" in said["code"] and said["kept"] == hq.url
    assert not link.isVisible()
    qtbot.waitUntil(lambda: not window.sync_worker.running, timeout=20000)
    label = window.findChild(QLabel, "syncStatus")
    qtbot.waitUntil(lambda: "HQ has every record" in label.text(), timeout=20000)


def test_a_desk_whose_keyring_cannot_give_the_key_says_why_sync_does_not_run(
    qtbot,
    app_en,
    store,
    officer,
    catalog,
    data_dir,
    hq,  # noqa: F811
    monkeypatch,
) -> None:
    """The sync process reads the database key and HQ's token from the keyring; without it
    the window must not call it 'HQ not reachable'."""
    enroll(store, hq)
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    window.sync_worker.request()
    qtbot.waitUntil(lambda: not window.sync_worker.running, timeout=20000)
    label = window.findChild(QLabel, "syncStatus")
    assert "sync cannot run" in label.text() and "keyring" in label.text(), label.text()
    assert "not reachable" not in label.text()
    assert "2 waiting to send" in label.text()  # nothing lost, nothing pretended
