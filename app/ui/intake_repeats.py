"""The repeat warning on the intake form: earlier reports from this phone, ID number, person at
this address or this place, looked up while they are typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.ui.labels import display_value, status_text
from app.ui.messages import error_text
from app.ui.widgets import FieldBox

# Typing in these looks for earlier reports, a moment after the last key (a scanner or a fast
# typist does not trigger a look-up per character) and at once when the field is left.
REPEAT_FIELDS = (
    "reporter_phone",
    "reporter_id_number",
    "reporter_name",
    "reporter_address",
    "incident_place",
)
REPEAT_CHECK_DELAY_MS = 250


class RepeatWarning(QObject):
    """`ask()` gives what to look for: (field values, incident type, this report's id), or None
    when the report is no longer editable."""

    def __init__(
        self,
        label: QLabel,
        boxes: dict[str, FieldBox],
        store: Store,
        catalog: Catalog,
        lang: str,
        ask: Callable[[], tuple[dict[str, Any], str, str] | None],
    ) -> None:
        super().__init__(label)
        self.label, self.store, self.catalog, self.lang, self.ask = label, store, catalog, lang, ask
        self._live_check: Any = None  # made on the first check: the receive path stays lean
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REPEAT_CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        for name in REPEAT_FIELDS:
            editor = boxes[name].editor
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t: self._timer.start())
                editor.editingFinished.connect(self.check)

    def clear(self) -> None:
        self.label.hide()

    def check(self) -> None:
        self._timer.stop()
        question = self.ask()
        if question is None:
            return
        from app.services import repeats

        values, incident_type, report_id = question
        try:
            if self._live_check is None:
                self._live_check = repeats.LiveCheck(self.store)
            finding = self._live_check(values, incident_type=incident_type, exclude_id=report_id)
        except errors.StationDeskError as exc:
            self.label.setText(error_text(exc))
            self.label.show()
            return
        self.show(finding)

    def show(self, finding: Any) -> None:
        if not finding.matches:
            self.label.hide()
            self.label.setText("")
            return
        keys = {
            "phone": self.tr("same phone number"),
            "id_number": self.tr("same ID number"),
            "name_address": self.tr("same person at the same address"),
            "incident_place": self.tr("same incident place"),
        }
        parts = []
        for match in sorted(finding.matches, key=lambda m: (m.rule.window_days, -m.count)):
            earlier = "<br>".join(
                f'<a href="{e.id}">{e.serial}</a> {e.received_at[:16].replace("T", " ")} '
                f"{display_value('incident_type', e.incident_type, self.catalog, self.lang)} "
                f"({status_text(e.status)})"
                for e in match.earlier  # the live check reads only what is shown
            )
            parts.append(
                f"<b>{match.rule.label(self.lang, match.count)}</b> - {keys[match.key]} "
                f"({self.tr('rule %1').replace('%1', match.rule.id)})<br>{earlier}"
            )
        self.label.setText("<br>".join(parts))
        self.label.show()
