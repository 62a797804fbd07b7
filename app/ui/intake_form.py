"""The intake form, opened right after a receipt is committed.

Every edit is written to the draft table at once, so a crash or power cut loses nothing typed.
Beside the fields: the handling standard of the chosen incident type, as a checklist. The
widgets are `intake_layout`'s; what the form shows of the report comes from one read of its
whole view (`reports.report_view`), shown by `intake_binder`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from app import errors
from app.db.engine import Store
from app.domain import statuses
from app.domain.catalog import Catalog
from app.domain.validation import FieldError, normalise_phone, validate_id_number
from app.services import daily_review, receiving, reports
from app.services.station import OfficerInfo
from app.ui.intake_binder import IntakeBinder
from app.ui.intake_keys import IntakeKeys
from app.ui.intake_layout import IntakeLayout
from app.ui.intake_missing import MissingPanel
from app.ui.intake_repeats import REPEAT_FIELDS, RepeatWarning
from app.ui.intake_types import IncidentTypePicker
from app.ui.labels import status_text
from app.ui.messages import error_text, field_error_text, show_error


class IntakeForm(QWidget):
    saved = Signal(str)
    changed_status = Signal(str)
    print_requested = Signal(str)
    history_requested = Signal(str)
    open_requested = Signal(str)  # an earlier report named in the repeat warning

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        officer: OfficerInfo,
        report_id: str | None,
        lang: str,
    ) -> None:
        """With report_id None the form is built empty, to be bound to the next receipt: the
        main window keeps one ready so the form appears the moment the button is pressed."""
        super().__init__()
        self.store, self.catalog, self.officer, self.lang = store, catalog, officer, lang
        self.report_id = report_id or ""
        self.record: dict[str, Any] = {}
        self._loading = True
        self.setObjectName("intakeForm")
        self.setAccessibleName(self.tr("Intake form"))
        self.ui = ui = IntakeLayout(self)
        self.boxes, self.steps = ui.boxes, ui.steps
        self.binder = IntakeBinder(ui, officer, lang)
        self.types = IncidentTypePicker(ui, catalog, lang)
        self.types.chosen.connect(self._type_chosen)
        self.types.safe_contact_required.connect(lambda: ui.safe_contact.setChecked(True))
        self.keys = IntakeKeys(self, ui, self.save)
        self.types.passed.connect(lambda: self.keys.next_field("incident_type"))
        self.repeats = RepeatWarning(
            ui.repeat_warning, ui.boxes, store, catalog, lang, self._repeat_question
        )
        self.repeats.open_requested.connect(self.open_requested)
        self.missing = MissingPanel(ui, catalog)
        self._connect_editing()
        self._connect_actions()
        if report_id:
            self.bind(report_id)

    def _connect_editing(self) -> None:
        ui = self.ui
        for box in ui.boxes.values():
            editor = box.editor
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(self._on_edit)
            elif isinstance(editor, QPlainTextEdit):
                editor.textChanged.connect(self._on_edit)
        ui.steps.itemChanged.connect(self._on_edit)
        ui.safe_contact.toggled.connect(self._safe_contact_toggled)
        ui.line("reporter_phone").editingFinished.connect(self._check_phone)
        ui.line("reporter_id_number").editingFinished.connect(self._check_id)

    def _connect_actions(self) -> None:
        ui = self.ui
        for button, slot in (
            (ui.save_button, self.save),
            (ui.unfinished_button, self.leave_unfinished),
            (ui.void_button, self.void),
            (ui.handle_button, self.start_handling),
            (ui.close_button, self.close_report),
            (ui.refer_button, self.refer),
            (ui.warning_button, self.assess_warning),
            (ui.letter_button, self.open_letter),
            (ui.review_request_button, self.ask_for_review),
        ):
            button.clicked.connect(slot)
        ui.print_button.clicked.connect(lambda: self.print_requested.emit(self.report_id))
        ui.history_button.clicked.connect(lambda: self.history_requested.emit(self.report_id))

    def bind(self, report_id: str) -> None:
        """Show this receipt: its saved fields, then anything typed but not yet saved (and
        what that typed text matches of earlier reports)."""
        self.report_id = report_id
        view = self.reload()
        if view.draft:
            self.apply_fields(view.draft)
            self.repeats.check()
        self._recheck_errors()
        if self.record.get("status") not in statuses.EDITABLE:
            self.missing.show(None)

    # -- the fields ----------------------------------------------------------------------
    def line(self, name: str) -> QLineEdit:
        return self.ui.line(name)

    def field_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, box in self.boxes.items():
            editor = box.editor
            assert isinstance(editor, (QLineEdit, QPlainTextEdit))
            values[name] = (
                editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            )
        values["incident_type"] = self.types.code
        values["safe_contact"] = self.ui.safe_contact.isChecked()
        values["_type_text"] = self.line("incident_type").text()
        values["_checklist"] = self.types.checked_steps()
        return values

    def apply_fields(self, values: dict[str, Any]) -> None:
        self._loading = True
        for name, box in self.boxes.items():
            if name == "incident_type":
                continue
            editor = box.editor
            text = str(values.get(name) or "")
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            else:
                assert isinstance(editor, QLineEdit)
                editor.setText(text)
        self.ui.safe_contact.setChecked(bool(values.get("safe_contact")))
        code = values.get("incident_type") or ""
        self.types.set_type(
            code, keep_text=values.get("_type_text"), checked=values.get("_checklist")
        )
        self._lock_safe_contact()
        self._loading = False
        if self.record.get("status") in statuses.EDITABLE:
            self.missing.show(self.field_values())

    def _type_chosen(self, _code: str) -> None:
        self._lock_safe_contact()
        self._on_edit()
        self.line("incident_time").setFocus()

    def _safe_contact_toggled(self, on: bool) -> None:
        if self._loading:
            return
        if self.record.get("status") in statuses.EDITABLE:
            self._on_edit()  # saved with the intake
            return
        if on:  # a closed or referred report: takes effect now, for its open visits too
            from app.services import visits

            try:
                visits.mark_safe_contact(self.store, self.officer, self.report_id)
            except errors.StationDeskError as exc:
                show_error(self, exc)
                return
            self.reload()
            self.changed_status.emit(self.report_id)

    def _lock_safe_contact(self) -> None:
        """Once on - by the catalog or a saved choice - safe contact is never switched off."""
        itype = self.catalog.by_code.get(self.types.code)
        locked = bool(self.record.get("safe_contact")) or bool(itype and itype.safe_contact)
        # After intake it can still be switched on (it then applies to the open visits at once)
        self.ui.safe_contact.setEnabled(
            not locked and self.record.get("status") not in ("", statuses.VOIDED)
        )

    def _repeat_question(self) -> tuple[dict[str, Any], str, str] | None:
        if not self.report_id or self.record.get("status") not in statuses.EDITABLE:
            return None
        return self.field_values(), self.types.code, self.report_id

    # -- live checks ---------------------------------------------------------------------
    def _check_phone(self) -> None:
        try:
            normalise_phone(self.line("reporter_phone").text())
            self.boxes["reporter_phone"].set_error("")
        except FieldError as exc:
            self.boxes["reporter_phone"].set_error(field_error_text("reporter_phone", exc.code))

    def _check_id(self) -> None:
        try:
            validate_id_number(self.line("reporter_id_number").text())
            self.boxes["reporter_id_number"].set_error("")
        except FieldError as exc:
            self.boxes["reporter_id_number"].set_error(
                field_error_text("reporter_id_number", exc.code)
            )

    # -- autosave ------------------------------------------------------------------------
    def _on_edit(self, *_args: object) -> None:
        if self._loading or self.record.get("status") not in statuses.EDITABLE:
            return
        self._recheck_errors()
        self.missing.show(self.field_values())
        try:
            receiving.save_draft(self.store, self.report_id, self.field_values())
            self.ui.state_label.setText(
                self.tr("Draft kept - typed text survives a crash or power cut.")
            )
        except errors.StationDeskError as exc:
            self.ui.state_label.setText(error_text(exc))

    # -- actions ---------------------------------------------------------------------------
    def reload(self) -> reports.ReportView:
        """One read of the report's whole view, shown; the fields as saved."""
        view = reports.report_view(self.store, self.report_id)
        self.record = view.report
        self.binder.show(view)
        self.apply_fields({**view.report, "_checklist": view.report["checklist"]})
        self.repeats.clear()
        if self.record.get("repeat_rule") or any(
            self.record.get(n) for n in REPEAT_FIELDS
        ):  # a reopened report shows what its saved fields match
            self.repeats.check()
        return view

    def open_letter(self) -> None:
        from app.ui.warning_letter_dialog import WarningLetterDialog

        WarningLetterDialog(self.store, self.officer, self.report_id, self).exec()
        self.reload()
        self.changed_status.emit(self.report_id)

    def assess_warning(self) -> None:
        from app.ui.early_warning_dialog import EarlyWarningDialog

        dialog = EarlyWarningDialog(self.store, self.officer, self.report_id, self.lang, self)
        if dialog.exec():
            self.reload()
            self.changed_status.emit(self.report_id)

    def save(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        values = self.field_values()
        try:
            receiving.save_intake(
                self.store,
                self.officer,
                self.report_id,
                values,
                self.catalog,
                checklist=values["_checklist"],
            )
        except errors.ValidationFailed as exc:
            self._show_field_errors(exc)
            return
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.ui.state_label.setText(
            self.tr("Saved. Status: %1").replace("%1", status_text(self.record["status"]))
        )
        self.saved.emit(self.report_id)

    def _recheck_errors(self) -> None:
        """A message beside a field goes as soon as the field is right (or says what is wrong
        now); fields that showed nothing stay quiet until the next save."""
        shown = [  # the type's own line says what its type-ahead finds
            name for name, box in self.boxes.items() if box.error.text() and name != "incident_type"
        ]
        if not shown:
            return
        try:
            receiving.validate_intake(self.field_values(), self.catalog)
            problems: dict[str, str] = {}
        except errors.ValidationFailed as exc:
            problems = exc.errors
        for name in shown:
            code = problems.get(name)
            self.boxes[name].set_error(field_error_text(name, code) if code else "")

    def _show_field_errors(self, exc: errors.ValidationFailed) -> None:
        """Each message beside its field, the first such field focused; the text stays."""
        first = None
        for name, code in exc.errors.items():
            if name in self.boxes:
                self.boxes[name].set_error(field_error_text(name, code))
                first = first or self.boxes[name].editor
        if first is not None:
            first.setFocus()
        self.ui.state_label.setText(error_text(exc))

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        return text if ok else None

    def _run(self, action: Callable[..., object], *args: Any) -> None:
        try:
            action(self.store, self.officer, self.report_id, *args)
        except errors.ValidationFailed:
            QMessageBox.warning(
                self,
                self.tr("StationDesk"),
                self.tr("A reason is required (at most 500 characters, no control characters)."),
            )
            return
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.changed_status.emit(self.report_id)

    def leave_unfinished(self) -> None:
        reason = self._ask(
            self.tr("Leave unfinished"), self.tr("Why can the intake not be completed now?")
        )
        if reason is not None:
            self._on_edit()
            self._run(receiving.leave_unfinished, reason)
            self.bind(self.report_id)  # the form as it was: what was typed stays on it

    def void(self) -> None:
        reason = self._ask(  # the dialog says what happens; OK is the act
            self.tr("Void receipt"),
            self.tr(
                "Voiding marks this receipt void: it stays on record for ever with the reason, "
                "keeps its number, and can no longer be edited.\nReason for voiding:"
            ),
        )
        if reason is not None:
            self._run(receiving.void_receipt, reason)

    def start_handling(self) -> None:
        self._run(receiving.start_handling)

    def close_report(self) -> None:
        result = self._ask(self.tr("Close report"), self.tr("Disposal result:"))
        if result is not None:
            self._run(receiving.close_report, result)

    def ask_for_review(self) -> None:
        """The chief's daily review takes this report whatever day it came in."""
        note = self._ask(
            self.tr("Ask the chief to look at it"),
            self.tr("What should the station chief look at? (optional)"),
        )
        if note is None:
            return
        try:
            daily_review.request_review(self.store, self.officer, self.report_id, note)
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.ui.state_label.setText(self.tr("Sent to the station chief's daily review."))

    def refer(self) -> None:
        dept = ""
        code = self.record.get("incident_type")
        if code in self.catalog.by_code:
            itype = self.catalog.get(code)
            dept = (
                itype.referral_department_zh
                if self.lang.startswith("zh")
                else itype.referral_department_en
            )
        text, ok = QInputDialog.getText(
            self, self.tr("Refer"), self.tr("Responsible department:"), text=dept
        )
        if ok:
            self._run(receiving.refer_report, text)
