"""Small shared widgets: a field with its error label underneath, a window sized to its screen."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# What a window manager adds around a window (title bar, borders): a window sized to the whole
# free area would otherwise put its bottom edge, where the buttons are, under the task bar.
FRAME_ALLOWANCE = (16, 40)


def open_at(window: QWidget, width: int, height: int) -> bool:
    """Opens `window` at the size it was designed for where the screen has room, else at the
    screen's free area less a frame (a 1,024 x 768 desk, a laptop at 125%). True when it had
    to be made smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry() if screen is not None else None
    if room is None or room.width() <= 0 or room.height() <= 0:
        window.resize(width, height)
        return False
    fit_w = min(width, room.width() - FRAME_ALLOWANCE[0])
    fit_h = min(height, room.height() - FRAME_ALLOWANCE[1])
    window.resize(fit_w, fit_h)
    return (fit_w, fit_h) != (width, height)


class FieldBox(QWidget):
    """Wraps an input and shows a red message under it; the input's text is never touched."""

    def __init__(self, editor: QWidget, object_name: str, accessible: str) -> None:
        super().__init__()
        editor.setObjectName(object_name)
        editor.setAccessibleName(accessible)
        self.editor = editor
        self.error = QLabel()
        self.error.setObjectName(f"{object_name}Error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.editor.setProperty("invalid", bool(message))
        self.editor.setStyleSheet("border: 1px solid #c0392b;" if message else "")


def colour_chip(rgb: str, text: str) -> str:
    """Rich text for a warning colour: the colour itself beside its name, so it reads on screen
    and in grey-scale alike."""
    return (
        f'<span style="background:{rgb}; color:white; padding:1px 6px;">&nbsp;■&nbsp;</span>'
        f"&nbsp;<b>{text}</b>"
    )


def button_row(buttons: Sequence[tuple[str, str, Callable[[], object]]]) -> QHBoxLayout:
    """A row of push buttons, each (object name, text, slot)."""
    row = QHBoxLayout()
    for name, text, slot in buttons:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        row.addWidget(button)
    return row


OVERDUE = QColor("#c62828")


def deadline_table(
    object_name: str, headers: list[str], stretch: int, on_open: Callable[[int], None]
) -> QTableWidget:
    """A read-only list of things with a deadline (case files, reminder sheets): whole rows
    selected, one stretching column, a double-click opens the row."""
    table = QTableWidget(0, len(headers))
    table.setObjectName(object_name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.doubleClicked.connect(lambda index: on_open(index.row()))
    return table


def fill_deadline_table(table: QTableWidget, rows: list[tuple[Sequence[str], bool]]) -> None:
    """Each row's texts; a row past its deadline is red throughout."""
    table.setRowCount(len(rows))
    for i, (values, overdue) in enumerate(rows):
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if overdue:
                item.setForeground(OVERDUE)
            table.setItem(i, col, item)
    header = table.horizontalHeader()
    for col in range(table.columnCount()):  # the stretching column keeps the rest of the width
        if header.sectionResizeMode(col) != QHeaderView.ResizeMode.Stretch:
            table.resizeColumnToContents(col)


def ok_cancel(dialog: QDialog) -> QDialogButtonBox:
    """The OK and Cancel buttons every small dialog ends with, wired to accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
