"""The open intake forms in the main window's tabs.

An intake is a tab while it is being taken: once saved it closes (the setting "keep saved
intakes open" keeps it), so the bar holds only work in hand. Typed text is in the draft table
the moment it is typed, so closing a form, handing the desk over or quitting loses nothing:
the drafts come back for the officer who took the receipt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from app import errors
from app.domain import statuses
from app.services import receiving
from app.settings import load_settings
from app.ui.intake_form import IntakeForm
from app.ui.messages import show_error
from app.ui.report_documents import show_history

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

REOPEN_AT_MOST = 10  # interrupted intakes reopened at once; the rest wait on the desk's list


class IntakeTabs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.forms: dict[str, IntakeForm] = {}
        self.spare: IntakeForm | None = None
        self.last_saved = ""  # the report whose slip Ctrl+P prints once its form has closed

    def _new_form(self) -> IntakeForm:
        w = self.window
        return IntakeForm(w.store, w.catalog, w.officer, None, w.lang)

    def open(self, report_id: str) -> None:
        w = self.window
        form = self.forms.get(report_id)
        if form is None:
            try:
                form = self.spare or self._new_form()
                self.spare = None
                form.bind(report_id)
            except errors.StationDeskError as exc:
                show_error(w, exc)
                return
            QTimer.singleShot(200, self.prepare_spare)  # after the form is on screen
            form.saved.connect(self._saved)
            form.changed_status.connect(lambda _rid: w.after_save())
            form.print_requested.connect(w.print_slip)
            form.history_requested.connect(
                lambda rid: show_history(w, w.store, w.catalog, rid, w.lang)
            )
            form.open_requested.connect(self.open)
            self.forms[report_id] = form
            w.tabs.addTab(form, form.record["serial"][-13:])
        w.tabs.setCurrentWidget(form)
        form.boxes["reporter_name"].editor.setFocus()

    def prepare_spare(self) -> None:
        """Build the next intake form while the officer types into this one."""
        if self.spare is None:
            self.spare = self._new_form()

    def _saved(self, report_id: str) -> None:
        w = self.window
        self.last_saved = report_id
        w.after_save()
        form = self.forms.get(report_id)
        if form is None or load_settings(w.data_dir).keep_saved_intakes_open:
            return
        serial = form.record.get("serial", "")
        self.close(w.tabs.indexOf(form))
        w.tabs.setCurrentWidget(w.desk)
        w.desk.receive_button.setFocus()
        w.desk.show_saved(serial)

    def unsaved(self) -> list[IntakeForm]:
        """Forms whose intake is not yet complete (their text is in the drafts)."""
        return [f for f in self.forms.values() if f.record.get("status") == statuses.RECEIVING]

    def close(self, index: int) -> None:
        w = self.window
        widget = w.tabs.widget(index)
        if widget is None or widget is w.desk:
            return
        if isinstance(widget, IntakeForm):
            self.forms.pop(widget.report_id, None)
        w.views.forget(widget)
        w.tabs.removeTab(index)
        widget.deleteLater()
        w.refresh_desk()

    def close_all(self) -> None:
        """Every tab but the desk; the spare form too (it was made for who was signed in)."""
        tabs = self.window.tabs
        while tabs.count() > 1:
            self.close(tabs.count() - 1)
        self.spare = None

    def reopen_drafts(self, officer_id: str) -> int:
        """The receipts this officer took whose typed text was never saved (a crash, a
        hand-over): their forms again, with that text. Another officer's stay on the desk's
        list of unfinished receipts."""
        w = self.window
        try:
            pending = [
                r
                for r in receiving.unfinished_receipts(w.store)
                if r.officer_id == officer_id and receiving.load_draft(w.store, r.id)
            ]
        except errors.StationDeskError as exc:
            show_error(w, exc)
            return 0
        for item in pending[:REOPEN_AT_MOST]:
            self.open(item.id)
        return len(pending)

    def current_report_id(self) -> str | None:
        widget: QWidget | None = self.window.tabs.currentWidget()
        return widget.report_id if isinstance(widget, IntakeForm) else None
