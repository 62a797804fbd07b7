"""F1: a short guide to the desk in the officer's language, inside the app (a desk PC may have
no browser and no network)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.paths import resource_path
from app.ui.widgets import open_at


def guide_html(lang: str) -> str:
    name = "guide_zh_CN.html" if lang.startswith("zh") else "guide_en.html"
    return resource_path("guide", name).read_text(encoding="utf-8")


class UserGuideDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(self.tr("User guide"))
        text = QTextBrowser()
        text.setObjectName("userGuideText")
        text.setHtml(guide_html(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        open_at(self, 720, 560)  # inside a 1,024 x 768 screen with room for the task bar
