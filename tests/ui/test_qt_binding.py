"""The Qt binding must not leak or over-release references: the desk runs for whole shifts.

PySide6 6.12.0 released a reference to None on every void method call; on Python 3.11 the
interpreter aborted after a few thousand calls (the receive desk refreshes its list every
minute). Pinned away from it; this test keeps any future upgrade honest.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem


def test_void_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    table = QTableWidget(1, 1)
    before = sys.getrefcount(None)
    for i in range(5000):
        label.setText(str(i))
        cell = QTableWidgetItem("x")
        cell.setData(Qt.ItemDataRole.UserRole, "id")
        table.setItem(0, 0, cell)
    assert abs(sys.getrefcount(None) - before) < 100
