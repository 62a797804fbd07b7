"""Setting up a station in the window: the public phone is asked for, and the slip prints it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit

from app.db.station_file import open_station
from app.services import station
from app.ui.setup_wizard import SetupWizard
from tests.conftest import PASSWORD


def _fill(wizard: SetupWizard, phone: str) -> None:
    for box, text in (
        (wizard.unit_code, "140107"),
        (wizard.unit_name, "三桥派出所"),
        (wizard.contact_phone, phone),
        (wizard.badge, "000001"),
        (wizard.officer_name, "赵毅君"),
        (wizard.password, PASSWORD),
        (wizard.password2, PASSWORD),
        (wizard.admin_badge, "000009"),
        (wizard.admin_name, "孙立新"),
        (wizard.admin_password, PASSWORD),
        (wizard.admin_password2, PASSWORD),
    ):
        editor = box.editor
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def _error(wizard: SetupWizard) -> str:
    return wizard.contact_phone.error.text()


def test_the_wizard_asks_for_the_public_phone_and_keeps_what_was_typed(
    qtbot, app_en, tmp_path: Path
) -> None:
    store = open_station(tmp_path, create=True)
    wizard = SetupWizard(store)
    qtbot.addWidget(wizard)
    wizard.show()
    _fill(wizard, "")
    wizard.accept()
    assert not station.is_set_up(store)
    assert _error(wizard)  # said beside the phone, on the first page
    assert wizard.currentId() == wizard.startId()
    assert wizard.unit_name.editor.text() == "三桥派出所"  # nothing typed is lost
    _fill(wizard, "110")
    wizard.accept()
    assert "service number" in _error(wizard) and not station.is_set_up(store)
    _fill(wizard, "0351-3041234")
    wizard.accept()
    assert station.is_set_up(store)
    assert station.station_info(store).contact_phone == "0351-3041234"
    store.close()
