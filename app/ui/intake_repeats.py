"""The repeat warning on the intake form: earlier reports from this phone, ID number, person at
this address or this place, looked up while they are typed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit

from app import errors
from app.db.engine import Store
from app.domain.catalog import Catalog
from app.ui.labels import display_value, repeat_key_text, status_text
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
SHOWN_COLLAPSED = 3  # earlier reports listed before "show all": the form never outgrows the screen
MORE, LESS = "#more", "#less"


class RepeatWarning(QObject):
    """`ask()` gives what to look for: (field values, incident type, this report's id), or None
    when the report is no longer editable.

    The rules that fired come first, one line each; then each earlier report once, with every
    key it shares with this one (a report matching by phone, ID number and address is one
    line, not three), the first few only until "show all" is pressed."""

    open_requested = Signal(str)  # an earlier report's id

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
        self._finding: Any = None
        self._expanded = False
        label.linkActivated.connect(self._link)
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

    def _link(self, target: str) -> None:
        if target in (MORE, LESS):
            self._expanded = target == MORE
            self.show(self._finding)
        else:
            self.open_requested.emit(target)

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
        self._finding = finding
        if finding is None or not finding.matches:
            self.label.hide()
            self.label.setText("")
            return
        rules: list[str] = []
        earlier: dict[str, tuple[Any, list[str]]] = {}  # each earlier report once, its keys
        for match in sorted(finding.matches, key=lambda m: (m.rule.window_days, -m.count)):
            # the rule in words, in the officer's language; its code is for the rule file
            rules.append(
                f"<b>{match.rule.label(self.lang, match.count)}</b> - {repeat_key_text(match.key)}"
            )
            for e in match.earlier:  # the live check reads only what is shown
                matched = earlier.setdefault(e.id, (e, []))[1]
                if repeat_key_text(match.key) not in matched:
                    matched.append(repeat_key_text(match.key))
        rows = [
            f'<a href="{e.id}">{e.serial}</a> {e.received_at[:16].replace("T", " ")} '
            f"{display_value('incident_type', e.incident_type, self.catalog, self.lang)} "
            f"({status_text(e.status)}): {', '.join(matched)}"
            for e, matched in earlier.values()
        ]
        if len(rows) > SHOWN_COLLAPSED and not self._expanded:
            hidden = len(rows) - SHOWN_COLLAPSED
            more = self.tr("Show all (%1 more)").replace("%1", str(hidden))
            rows = rows[:SHOWN_COLLAPSED] + [f'<a href="{MORE}">{more}</a>']
        elif len(rows) > SHOWN_COLLAPSED:
            fewer = self.tr("Show fewer")
            rows.append(f'<a href="{LESS}">{fewer}</a>')
        self.label.setText("<br>".join(rules + rows))
        self.label.show()
