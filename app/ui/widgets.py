"""Small shared widgets: a field with its error label underneath."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


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
