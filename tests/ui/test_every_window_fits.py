"""Every window and dialog fits the smallest screen a desk has, in both languages.

The smallest room a window gets, in Qt's logical pixels: a 1,024 x 768 screen at 100% (1,024
wide), and a 1,366 x 768 laptop screen at 125% (768 / 1.25 = 614 high, less a task bar of 40
pixels = 582). A 1,920 x 1,080 screen at 150% gives 1,280 x 720, more than both. What a window
needs at least (its layout's minimum) must fit in 1,024 x 580; beyond that it scrolls."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget

from app.services import station
from app.ui import keyboard
from app.ui.application import install_language, register_bundled_font
from tests.conftest import PASSWORD
from tests.ui.every_window import WINDOWS, Station, prepare

SMALLEST = (1024, 580)


@pytest.fixture
def desk(qapp, store, officer, chief, catalog, data_dir, request) -> Station:
    station.add_officer(store, badge="900001", name="孙立新", password=PASSWORD, role="admin")
    admin = station.sign_in(store, "900001", PASSWORD)
    st = Station(store, catalog, officer, chief, admin, data_dir, request.param)
    prepare(st)
    register_bundled_font(qapp)
    install_language(qapp, request.param)
    keyboard.install(qapp)
    yield st
    install_language(qapp, "en")


@pytest.mark.parametrize("desk", ["en", "zh_CN"], indirect=True)
def test_every_window_fits_the_smallest_screen(qtbot, desk: Station) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    too_big: dict[str, tuple[int, int]] = {}
    no_way_out: list[str] = []
    for name, build in WINDOWS.items():
        window = build(desk, parent)
        window.show()
        QApplication.processEvents()
        need = window.minimumSizeHint().expandedTo(window.minimumSize())
        if need.width() > SMALLEST[0] or need.height() > SMALLEST[1]:
            too_big[name] = (need.width(), need.height())
        # and it opens no larger than the screen's free area, unless its minimum needs more
        room, size = window.screen().availableGeometry(), window.frameGeometry()
        if size.width() > max(room.width(), need.width()) or size.height() > max(
            room.height(), need.height()
        ):
            too_big[name] = (size.width(), size.height())
        if isinstance(window, QDialog) and not _leave_button(window):
            no_way_out.append(name)
        window.close()
        window.deleteLater()
    assert not too_big, f"needs more than {SMALLEST} at least: {too_big}"
    # a desk in kiosk mode has no title bar: every dialog is left by a button of its own
    assert not no_way_out, f"no Close or Cancel button: {no_way_out}"


def _leave_button(dialog: QDialog) -> bool:
    names = {"Close", "Cancel", "关闭", "取消"}
    return any(
        b.isVisible() and b.text().replace("&", "").split("(")[0].strip() in names
        for b in dialog.findChildren(QAbstractButton)
    )
