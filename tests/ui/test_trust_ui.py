"""Accounts, roles, the locked screen and the audit banner, through the real window."""

from __future__ import annotations

from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPushButton

from app.services import audit, audit_verify, receiving, station
from app.ui.accounts_dialog import AccountsDialog, AddOfficerDialog
from app.ui.main_window import MainWindow
from app.ui.password_dialog import ChangePasswordDialog
from tests.conftest import PASSWORD, plain_sqlcipher
from tests.ui.conftest import when_shown


def _window(qtbot, store, officer, catalog, data_dir) -> MainWindow:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    return window


def test_locked_screen_still_receives_and_hands_the_desk_to_who_signs_in(
    qtbot, app_en, store, chief, officer, catalog, data_dir
) -> None:
    window = _window(qtbot, store, chief, catalog, data_dir)
    assert window.checks.recovery_banner.isVisible()
    window.close()
    window = _window(qtbot, store, officer, catalog, data_dir)
    window.session_lock.idle_timer.setInterval(50)  # an idle desk locks itself
    window.session_lock.idle_timer.start()
    qtbot.waitUntil(window.is_locked, timeout=3000)
    assert not window.tabs.isVisible()  # no record shows on a locked screen
    assert not window.menus.account_actions["password"].isEnabled()  # nor do the menus work
    assert not window.checks.recovery_banner.isVisible()

    lock = window.session_lock.screen
    qtbot.mouseClick(lock.receive_button, Qt.MouseButton.LeftButton)
    (pending,) = receiving.unfinished_receipts(store)  # stamped at the press, before sign-in
    assert pending.serial in lock.pending.text()
    assert window.is_locked()

    lock.badge.setText("000001")
    lock.password.setText("wrong-password")
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert window.is_locked() and "Wrong badge number or password" in lock.message.text()

    lock.password.setText(PASSWORD)  # the chief takes the desk over
    qtbot.mouseClick(lock.unlock_button, Qt.MouseButton.LeftButton)
    assert not window.is_locked()
    assert window.officer.id == chief.id and "000001" in window.status_label.text()
    form = window.tabs.currentWidget()
    assert form.objectName() == "intakeForm" and form.report_id == pending.id
    actions = [e.action for e in audit.entries_for(store, officer.id)]
    assert actions[-2:] == ["lock", "sign_out"]
    assert [e.action for e in audit.entries_for(store, chief.id)][-1] == "sign_in"


def test_roles_decide_what_the_window_offers(qtbot, app_en, store, officer, catalog, data_dir):
    station.add_officer(store, badge="900001", name="孙立新", password=PASSWORD, role="admin")
    admin = station.sign_in(store, "900001", PASSWORD)
    desk = _window(qtbot, store, officer, catalog, data_dir)
    assert not desk.menus.account_actions["accounts"].isVisible()
    assert not desk.menus.account_actions["recovery"].isVisible()
    desk.receive()
    assert not desk.tabs.currentWidget().ui.void_button.isVisible()  # only a chief voids
    desk.close()

    chief = station.sign_in(store, "000001", PASSWORD)
    boss = _window(qtbot, store, chief, catalog, data_dir)
    boss.receive()
    assert boss.tabs.currentWidget().ui.void_button.isVisible()
    assert boss.checks.recovery_banner.isVisible()  # the recovery key is not on paper yet
    boss.close()

    it = _window(qtbot, store, admin, catalog, data_dir)
    assert it.menus.account_actions["accounts"].isVisible()


def test_administrator_adds_an_officer_who_must_choose_a_password(
    qtbot, app_en, store, catalog, data_dir
) -> None:
    station.add_officer(store, badge="900001", name="孙立新", password=PASSWORD, role="admin")
    admin = station.sign_in(store, "900001", PASSWORD)
    dialog = AccountsDialog(store, admin)
    qtbot.addWidget(dialog)
    told: list[str] = []

    def fill(add: AddOfficerDialog) -> None:
        add.badge.editor.setText("100300")
        add.name.editor.setText("周明")
        add.role.setCurrentIndex(add.role.findData("officer"))
        when_shown(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
        add.accept()

    when_shown(AddOfficerDialog, fill)
    dialog.add()
    temporary = told[0].split(": ")[1].split()[0]
    new = station.sign_in(store, "100300", temporary)
    assert new.must_change_password
    change = ChangePasswordDialog(store, new, forced=True)
    qtbot.addWidget(change)
    change.show()
    change.old.editor.setText(temporary)
    change.new.editor.setText("short")
    change.repeat.editor.setText("short")
    change.accept()
    error = change.findChild(QLabel, "newPasswordError")
    assert error.isVisible() and "8 characters" in error.text()  # beside the field
    assert change.findChild(QLineEdit, "newPassword").text() == "short"  # kept as typed
    change.new.editor.setText("a-better-one")
    change.repeat.editor.setText("a-better-one")
    change.accept()
    assert change.result_officer is not None
    assert not station.sign_in(store, "100300", "a-better-one").must_change_password


@pytest.mark.parametrize("size", ["small", "large"])
def test_a_tampered_file_shows_a_red_banner(
    qtbot, app_en, store, officer, catalog, data_dir, monkeypatch, size
) -> None:
    """A large station's check runs in worker processes started from the window's thread."""
    if size == "large":
        monkeypatch.setattr(audit_verify, "PARALLEL_FROM", 0)
    receiving.receive(store, officer)
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        conn.execute("UPDATE audit SET action = 'nothing' WHERE seq = 2")
    window = _window(qtbot, store, officer, catalog, data_dir)
    window.start_audit_check()
    qtbot.waitUntil(window.checks.audit_banner.isVisible, timeout=10000)
    text = window.checks.audit_banner.findChild(QLabel, "auditBannerText").text()
    assert "AUDIT CHECK FAILED" in text and "audit entry 2" in text
    assert window.findChild(QPushButton, "receiveButton").isEnabled()  # the desk goes on


def test_shift_end_backup_then_a_damaged_file_is_recovered_from_it(
    qtbot, app_en, store, chief, catalog, data_dir
) -> None:
    from app.services import backups, demo
    from app.ui.main_window import RESTART  # noqa: F401 - the loop exit code a restore asks for

    demo.generate(store, catalog, 400, seed=9)
    window = _window(qtbot, store, chief, catalog, data_dir)
    window.views.show("shift")
    qtbot.mouseClick(window.views.shift.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Backup written and checked" in window.statusBar().currentMessage(), timeout=30000
    )
    (entry,) = backups.list_backups(backups.backup_folder(data_dir))

    with store.write() as s:  # flush the WAL so the damage lands in the main file
        from sqlalchemy import text

        s.execute(text("SELECT 1"))
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = bytearray(store.path.read_bytes())
    middle = len(raw) // 2 // 4096 * 4096
    raw[middle + 100 : middle + 4000] = bytes(3900)  # a bad sector
    store.path.write_bytes(bytes(raw))

    window.start_audit_check()
    qtbot.waitUntil(window.checks.damage_button.isVisible, timeout=20000)
    text_shown = window.checks.audit_banner.findChild(QLabel, "auditBannerText").text()
    assert "DAMAGED" in text_shown

    def yes_then_ok(box: QMessageBox) -> None:
        when_shown(QMessageBox, lambda done: done.accept())  # "the backup is in place"
        box.button(QMessageBox.StandardButton.Yes).click()

    when_shown(QMessageBox, yes_then_ok)
    qtbot.mouseClick(window.checks.damage_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.restart_requested, timeout=20000)  # after the search
    assert list(data_dir.glob("station.replaced-*.sqlite3"))  # the damaged file is kept
    from app.db.station_file import open_station

    restored = open_station(data_dir)
    assert audit_verify.verify(restored).ok
    with restored.read() as s:
        assert s.execute(text("PRAGMA quick_check")).scalar() == "ok"
    assert entry.info is not None
    restored.close()


def test_a_replacement_pc_restores_the_station_from_the_set_up_wizard(
    qtbot, app_en, store, chief, catalog, data_dir, tmp_path, test_keyring
) -> None:
    import shutil

    from app.db.station_file import open_station
    from app.domain import recovery_key
    from app.services import backups
    from app.ui.restore_wizard import RestoreWizard
    from app.ui.setup_wizard import SetupWizard

    receipt = receiving.receive(store, chief)
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backups.run_backup(store, data_dir, reason="shift_end", folder=usb)
    typed = recovery_key.encode(store.key)
    store.close()
    shutil.rmtree(test_keyring)  # the new PC: an empty keyring, an empty data folder
    test_keyring.mkdir()
    new_dir = tmp_path / "new-pc"
    fresh = open_station(new_dir, create=True)
    wizard = SetupWizard(fresh)
    qtbot.addWidget(wizard)
    seen: list[str] = []

    def restore(w: RestoreWizard) -> None:
        w.file.setText(str(usb / info.file))
        w.next()
        seen.append(w.about.text())
        w.key_edit.setText(typed[:-1] + ("0" if typed[-1] != "0" else "1"))  # a typo first
        w.accept()
        seen.append(w.message.text())
        w.key_edit.setText(typed.lower().replace("-", " "))
        w.accept()

    when_shown(RestoreWizard, restore)
    wizard.findChild(QPushButton, "restoreInsteadButton").click()
    assert wizard.restored
    assert "140107" in seen[0] and "check the 56 letters" in seen[1]
    back = open_station(new_dir)  # the key is in this PC's keyring now
    assert [u.id for u in receiving.unfinished_receipts(back)] == [receipt.id]
    assert audit_verify.verify(back).ok
    back.close()
