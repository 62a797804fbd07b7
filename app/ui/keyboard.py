"""What the keyboard does everywhere in the desk, whatever the window: Enter presses the
focused button (Qt does that only inside dialogs; Space was the only way elsewhere), and every
control that can take the keyboard shows that it has it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)

# The platform style rings a focused line edit or button; lists, tables and text boxes get the
# same blue frame here (a check list or the summary box with the keyboard looked like neither).
FOCUS_RING = """
QAbstractItemView:focus, QPlainTextEdit:focus, QTextEdit:focus {
    border: 2px solid #1565c0;
}
"""


class EnterPressesButtons(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QPushButton)
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and event.modifiers()
            in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            and not watched.autoDefault()  # a dialog's own buttons already take Enter
            and watched.isEnabled()
        ):
            watched.animateClick()
            return True
        return False


def install(app: QApplication) -> None:
    """Once per application (the tests' shared application asks more than once)."""
    if app.findChild(EnterPressesButtons) is not None:
        return
    app.installEventFilter(EnterPressesButtons(app))
    app.setStyleSheet(app.styleSheet() + FOCUS_RING)
