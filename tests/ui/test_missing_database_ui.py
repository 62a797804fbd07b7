"""The app on a station folder whose database is lost offers the newest backup (the guided
recovery), never the set-up wizard of a new station."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from app import errors
from app.paths import database_file
from app.services import reports, station
from tests.conftest import PASSWORD
from tests.db.test_missing_database import _zero_bytes, lost  # noqa: F401
from tests.ui.conftest import when_shown


def test_the_app_offers_the_newest_backup_instead_of_the_set_up_wizard(
    qtbot,
    app_en,
    lost,  # noqa: F811
    data_dir,
) -> None:
    from app.ui.application import open_with_key
    from app.ui.backups_dialog import recover_at_start

    _backup, ids = lost
    _zero_bytes(database_file(data_dir))
    with pytest.raises(errors.DatabaseMissingError) as caught:
        open_with_key(data_dir)
    asked: list[str] = []

    def answer(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    when_shown(QMessageBox, answer)
    assert recover_at_start(data_dir, caught.value)
    assert "missing or empty" in asked[0]
    store = open_with_key(data_dir)
    assert store is not None and station.is_set_up(store)
    assert station.sign_in(store, "000001", PASSWORD)
    assert all(reports.get_report(store, i) is not None for i in ids)
    store.close()
