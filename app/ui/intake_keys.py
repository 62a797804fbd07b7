"""The intake form by keyboard: an officer with a queue behind the reporter never reaches for
the mouse and never walks back around the form.

Enter in a one-line field goes on to the next field that applies (the reason for having no
phone only while no phone is typed); Enter in the type field chooses the highlighted type, Up
and Down move through the matches; Tab leaves the summary instead of typing a tab; Ctrl+S or
Ctrl+Enter saves from any field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLineEdit, QWidget

from app.ui.intake_layout import FIELD_NAMES, IntakeLayout

SAVE_KEYS = ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter")
ORDER = tuple(FIELD_NAMES)  # the fields as they stand on the form, top to bottom


class IntakeKeys(QObject):
    def __init__(self, form: QWidget, ui: IntakeLayout, save: Callable[[], None]) -> None:
        super().__init__(form)
        self.ui = ui
        for keys in SAVE_KEYS:
            shortcut = QShortcut(QKeySequence(keys), form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(save)
        ui.summary().setTabChangesFocus(True)
        # The matches follow the type's line; Up and Down there walk them, so the list itself
        # is no stop on the way through the form.
        ui.type_list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        ui.line("incident_type").installEventFilter(self)
        for name in ORDER:
            editor = ui.boxes[name].editor
            if isinstance(editor, QLineEdit) and name != "incident_type":
                editor.returnPressed.connect(lambda n=name: self.next_field(n))
        ui.line("reporter_phone").textChanged.connect(self._phone_changed)
        ui.line("no_phone_reason").textChanged.connect(self._phone_changed)
        ordered = [ui.boxes[n].editor for n in ORDER] + [ui.safe_contact, ui.steps]
        for before, after in zip(ordered, ordered[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def applies(self, name: str) -> bool:
        """A reason for having no phone is asked for only while no phone is typed."""
        if name == "no_phone_reason":
            return not self.ui.line("reporter_phone").text().strip() or bool(
                self.ui.line("no_phone_reason").text()
            )
        return True

    def next_field(self, after: str) -> None:
        for name in ORDER[ORDER.index(after) + 1 :]:
            if self.applies(name):
                editor = self.ui.boxes[name].editor
                editor.setFocus(Qt.FocusReason.TabFocusReason)
                self.ui.scroll.ensureWidgetVisible(editor)
                return

    def _phone_changed(self) -> None:
        reason = self.ui.line("no_phone_reason")
        reason.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus
            if self.applies("no_phone_reason")
            else Qt.FocusPolicy.ClickFocus  # skipped by Tab, still there for a click
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1}.get(Qt.Key(event.key()))
            matches = self.ui.type_list
            if step and matches.count():
                row = max(0, min(matches.count() - 1, matches.currentRow() + step))
                matches.setCurrentRow(row)
                return True
        return False
