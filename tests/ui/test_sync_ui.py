"""Sync in the real window: status area, Sync now, HQ column, notices from HQ."""

from __future__ import annotations

import shutil
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QTableView

from app.db import cipher
from app.db.engine import Store
from app.services import reports, sync
from app.services.sync import sync_engine
from app.ui.application import install_language
from app.ui.main_window import MainWindow
from app.ui.sync_panel import NoticesDialog
from tests.sync.conftest import (  # noqa: F401
    enroll,
    hq,
    hq_db,
    pg_template,
    receive_and_complete,
)
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

    window.views.show("reports")
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


def test_a_desk_whose_identity_another_computer_uses_is_told_so_and_keeps_its_records(
    qtbot,
    qapp,
    store,
    officer,
    catalog,
    data_dir,
    tmp_path,
    hq,  # noqa: F811
) -> None:
    """The data folder was copied to another PC that went on receiving and syncing. This desk
    (its own computer id in its keyring) brings work of its own: HQ keeps it and refuses this
    computer; the window says so in the officer's language and stops retrying."""
    enroll(store, hq)
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    label = window.findChild(QLabel, "syncStatus")
    sync_now = window.findChild(QPushButton, "syncNowButton")
    qtbot.mouseClick(sync_now, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.sync_worker.running, timeout=20000)
    assert "HQ has every record" in label.text(), label.text()

    elsewhere = tmp_path / "other-pc"
    shutil.copytree(data_dir, elsewhere, ignore=shutil.ignore_patterns("station.sqlite3*"))
    source = cipher.connect(store.path, store.key)
    try:
        cipher.copy_database(source, elsewhere / store.path.name, store.key)
    finally:
        source.close()
    other = Store(elsewhere / store.path.name, store.key)
    receive_and_complete(other, 2)
    assert sync_engine(other, computer=uuid.uuid4().hex).run_once().ok
    other.close()

    ours = receive_and_complete(store, 1)
    for lang, words in (("zh_CN", "另一台电脑"), ("en", "another computer")):
        install_language(qapp, lang)
        qtbot.mouseClick(sync_now, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.sync_worker.running, timeout=20000)
        window.sync_panel.refresh()
        assert words in label.text(), label.text()
        assert label.isVisible() and not window.statusBar().currentMessage()  # nothing covers it
        window.grab().save(str(tmp_path / f"sync-refused-{lang}.png"))
    status = sync.sync_status(store)
    assert status.needs_person and not sync.is_due(store)
    assert reports.get_report(store, ours[0]) is not None  # kept here, and HQ kept it too
    assert hq.service().record(ours[0]) is not None
    assert [a["kind"] for a in hq.service().alarms()].count("split") == 1
    window.close()


def test_a_desk_whose_hq_was_restored_from_an_older_backup_says_it_sent_again(
    qtbot,
    app_en,
    store,
    officer,
    catalog,
    data_dir,
    tmp_path,
    hq,  # noqa: F811
) -> None:
    enroll(store, hq)
    window = window_with_saved_report(qtbot, store, officer, catalog, data_dir)
    label = window.findChild(QLabel, "syncStatus")
    sync_now = window.findChild(QPushButton, "syncNowButton")

    def sync_now_and_wait() -> None:
        qtbot.mouseClick(sync_now, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.sync_worker.running, timeout=20000)

    sync_now_and_wait()
    backup = hq.backup(tmp_path / "hq.dump")
    later = receive_and_complete(store, 2)
    sync_now_and_wait()
    hq.restore(backup)  # HQ's disk put back: it lacks what the desk sent since
    assert hq.service().record(later[0]) is None
    sync_now_and_wait()
    assert "HQ had lost" in window.statusBar().currentMessage()
    assert "older backup" not in window.statusBar().currentMessage()  # this PC was not
    window.statusBar().clearMessage()
    window.sync_panel.refresh()
    assert "HQ has every record" in label.text(), label.text()
    assert all(hq.service().record(r) is not None for r in later)
    window.close()
