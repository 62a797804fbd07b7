"""What the intake still lacks, beside the form from the first key on: the type, the fields
the type asks for (before a type is chosen, those every intake needs) and a phone or the
reason there is none. Each entry is a link to its field, as records systems put a side list
of required elements, so an officer never learns what is required from a refused save."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from app.domain.catalog import Catalog
from app.services import receiving
from app.ui.intake_layout import IntakeLayout
from app.ui.labels import field_label


class MissingPanel(QObject):
    def __init__(self, ui: IntakeLayout, catalog: Catalog) -> None:
        super().__init__(ui)
        self.ui, self.catalog = ui, catalog
        self.label: QLabel = ui.missing
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.linkActivated.connect(self.jump)

    def show(self, values: dict[str, Any] | None) -> None:
        """None: the report is no longer an intake, and nothing is missing of it."""
        if values is None:
            self.label.hide()
            return
        missing = receiving.missing_fields(values, self.catalog)
        if not missing:
            self.label.setText(self.tr("Nothing missing: Ctrl+S saves."))
        else:
            links = "<br>".join(f'• <a href="{name}">{self._name(name)}</a>' for name in missing)
            title = self.tr("Still missing")
            self.label.setText(f"<b>{title}</b><br>{links}")
        self.label.show()

    def _name(self, name: str) -> str:
        if name == "reporter_phone":
            return self.tr("Phone, or why there is none")
        return field_label(name)

    def jump(self, name: str) -> None:
        editor = self.ui.boxes[name].editor
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ui.scroll.ensureWidgetVisible(editor)
