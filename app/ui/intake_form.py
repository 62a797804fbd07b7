"""The intake form, opened right after a receipt is committed.

Every edit is written to the draft table at once, so a crash or power cut loses nothing typed.
Beside the fields: the handling standard of the chosen incident type, as a checklist.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import statuses
from app.domain.catalog import Catalog, filter_types
from app.domain.validation import FieldError, normalise_phone, validate_id_number
from app.services import receiving, reports
from app.services.station import OfficerInfo
from app.ui.labels import status_text, wall_time
from app.ui.messages import error_text, field_error_text, show_error
from app.ui.widgets import FieldBox

FIELD_NAMES = {
    "reporter_name": "reporterName",
    "reporter_phone": "reporterPhone",
    "no_phone_reason": "noPhoneReason",
    "reporter_id_number": "reporterIdNumber",
    "reporter_address": "reporterAddress",
    "incident_type": "incidentType",
    "incident_time": "incidentTime",
    "incident_place": "incidentPlace",
    "summary": "summary",
}


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
        self.store = store
        self.catalog = catalog
        self.officer = officer
        self.report_id = report_id or ""
        self.lang = lang
        self._loading = True
        self.setObjectName("intakeForm")
        self.setAccessibleName(self.tr("Intake form"))

        self.header = QLabel()
        self.header.setObjectName("intakeHeader")
        self.header.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.banner = QLabel()
        self.banner.setObjectName("intakeBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        # Repeat warning: filled while the phone, ID, name, address or place is typed.
        self.repeat_warning = QLabel()
        self.repeat_warning.setObjectName("repeatWarning")
        self.repeat_warning.setWordWrap(True)
        self.repeat_warning.setTextFormat(Qt.TextFormat.RichText)
        self.repeat_warning.setStyleSheet(
            "background: #ffebee; color: #8e0000; padding: 6px; border-radius: 4px;"
        )
        self.repeat_warning.linkActivated.connect(self.open_requested)
        self.repeat_warning.hide()
        self._repeat_timer = QTimer(self)
        self._repeat_timer.setSingleShot(True)
        self._repeat_timer.setInterval(REPEAT_CHECK_DELAY_MS)
        self._repeat_timer.timeout.connect(self.check_repeats)
        self._live_check: Any = None  # made on the first check: the receive path stays lean

        self.boxes: dict[str, FieldBox] = {}
        labels = {
            "reporter_name": self.tr("Reporter name"),
            "reporter_phone": self.tr("Phone"),
            "no_phone_reason": self.tr("No phone because"),
            "reporter_id_number": self.tr("ID number"),
            "reporter_address": self.tr("Address"),
            "incident_type": self.tr("Incident type"),
            "incident_time": self.tr("Incident time"),
            "incident_place": self.tr("Incident place"),
            "summary": self.tr("Summary"),
        }
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, object_name in FIELD_NAMES.items():
            editor: QWidget = QPlainTextEdit() if name == "summary" else QLineEdit()
            box = FieldBox(editor, object_name, labels[name])
            self.boxes[name] = box
            label = QLabel(labels[name])
            self.labels[name] = label
            if name == "incident_type":
                holder = QWidget()
                inner = QVBoxLayout(holder)
                inner.setContentsMargins(0, 0, 0, 0)
                inner.addWidget(box)
                self.type_list = QListWidget()
                self.type_list.setObjectName("incidentTypeList")
                self.type_list.setAccessibleName(self.tr("Matching incident types"))
                self.type_list.setMaximumHeight(110)
                self.type_list.itemClicked.connect(self._choose_type_item)
                self.type_list.itemActivated.connect(self._choose_type_item)
                inner.addWidget(self.type_list)
                self.type_label = QLabel()
                self.type_label.setObjectName("incidentTypeChosen")
                self.type_label.setStyleSheet("font-weight: bold; color: #1565c0;")
                inner.addWidget(self.type_label)
                form.addRow(label, holder)
            else:
                form.addRow(label, box)
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(self._on_edit)
            else:
                assert isinstance(editor, QPlainTextEdit)
                editor.textChanged.connect(self._on_edit)
        self.safe_contact = QCheckBox(
            self.tr("Safe contact: no phone calls; printed sheets leave out the details")
        )
        self.safe_contact.setObjectName("safeContactCheck")
        self.safe_contact.toggled.connect(self._safe_contact_toggled)
        form.addRow("", self.safe_contact)
        self.line("incident_type").textEdited.connect(self._filter_types)
        self.line("incident_type").returnPressed.connect(self._choose_first_type)
        self.line("incident_type").setPlaceholderText(
            self.tr("Type Chinese, pinyin or initials, e.g. dq")
        )
        self.line("incident_time").setPlaceholderText("YYYY-MM-DD HH:MM")
        self.line("reporter_phone").editingFinished.connect(self._check_phone)
        for name in REPEAT_FIELDS:
            editor = self.boxes[name].editor
            if isinstance(editor, QLineEdit):
                editor.textEdited.connect(lambda _t: self._repeat_timer.start())
                editor.editingFinished.connect(self.check_repeats)
        self.line("reporter_id_number").editingFinished.connect(self._check_id)
        summary = self.boxes["summary"].editor
        assert isinstance(summary, QPlainTextEdit)
        summary.setMinimumHeight(110)

        self.steps_box = QGroupBox(self.tr("Handling standard"))
        self.steps = QListWidget()
        self.steps.setObjectName("handlingSteps")
        self.steps.setAccessibleName(self.tr("Handling steps"))
        self.steps.itemChanged.connect(self._on_edit)
        self.steps_hint = QLabel(self.tr("Choose an incident type to see its handling steps."))
        self.steps_hint.setWordWrap(True)
        steps_layout = QVBoxLayout(self.steps_box)
        steps_layout.addWidget(self.steps_hint)
        steps_layout.addWidget(self.steps, 1)

        self.save_button = QPushButton(self.tr("Save intake"))
        self.save_button.setObjectName("saveIntakeButton")
        self.save_button.setAccessibleName(self.tr("Save intake"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.unfinished_button = QPushButton(self.tr("Leave unfinished..."))
        self.unfinished_button.setObjectName("leaveUnfinishedButton")
        self.unfinished_button.clicked.connect(self.leave_unfinished)
        self.void_button = QPushButton(self.tr("Void receipt..."))
        self.void_button.setObjectName("voidButton")
        self.void_button.clicked.connect(self.void)
        self.handle_button = QPushButton(self.tr("Start handling"))
        self.handle_button.setObjectName("startHandlingButton")
        self.handle_button.clicked.connect(self.start_handling)
        self.close_button = QPushButton(self.tr("Close with result..."))
        self.close_button.setObjectName("closeReportButton")
        self.close_button.clicked.connect(self.close_report)
        self.refer_button = QPushButton(self.tr("Refer to department..."))
        self.refer_button.setObjectName("referButton")
        self.refer_button.clicked.connect(self.refer)
        self.print_button = QPushButton(self.tr("Receipt slip..."))
        self.print_button.setObjectName("printSlipButton")
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self.report_id))
        self.history_button = QPushButton(self.tr("History"))
        self.history_button.setObjectName("historyButton")
        self.history_button.clicked.connect(lambda: self.history_requested.emit(self.report_id))
        self.state_label = QLabel()
        self.state_label.setObjectName("intakeState")
        self.visits_label = QLabel()
        self.visits_label.setObjectName("intakeVisits")
        self.visits_label.setWordWrap(True)
        self.visits_label.hide()
        self.case_label = QLabel()
        self.case_label.setObjectName("intakeCaseFile")
        self.case_label.setWordWrap(True)
        self.case_label.hide()
        self.warning_label = QLabel()
        self.warning_label.setObjectName("intakeWarningColour")
        self.warning_label.setTextFormat(Qt.TextFormat.RichText)
        self.warning_button = QPushButton(self.tr("Early warning..."))
        self.warning_button.setObjectName("earlyWarningButton")
        self.warning_button.clicked.connect(self.assess_warning)
        self.letter_button = QPushButton(self.tr("Warning letter..."))
        self.letter_button.setObjectName("warningLetterButton")
        self.letter_button.clicked.connect(self.open_letter)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_label, 1)
        warning_row.addWidget(self.warning_button)
        warning_row.addWidget(self.letter_button)
        self.warning_row = QWidget()
        self.warning_row.setLayout(warning_row)
        self.warning_row.hide()

        buttons = QHBoxLayout()
        for b in (self.save_button, self.unfinished_button, self.void_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        for b in (
            self.handle_button,
            self.close_button,
            self.refer_button,
            self.print_button,
            self.history_button,
        ):
            buttons.addWidget(b)

        body = QHBoxLayout()
        left = QWidget()
        left.setLayout(form)
        body.addWidget(left, 3)
        body.addWidget(self.steps_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.repeat_warning)
        layout.addLayout(body, 1)
        layout.addWidget(self.visits_label)
        layout.addWidget(self.case_label)
        layout.addWidget(self.warning_row)
        layout.addWidget(self.state_label)
        layout.addLayout(buttons)

        self.record: dict[str, Any] = {}
        if report_id:
            self.bind(report_id)

    def bind(self, report_id: str) -> None:
        """Show this receipt: its saved fields, then anything typed but not yet saved."""
        self._loading = True
        self.report_id = report_id
        self.reload()
        draft = receiving.load_draft(self.store, report_id)
        if draft:
            self.apply_fields(draft)
        self._loading = False

    # -- helpers -------------------------------------------------------------------------
    def line(self, name: str) -> QLineEdit:
        editor = self.boxes[name].editor
        assert isinstance(editor, QLineEdit)
        return editor

    def field_values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for name, box in self.boxes.items():
            editor = box.editor
            values[name] = (
                editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            )  # type: ignore[attr-defined]
        values["incident_type"] = self._type_code
        values["safe_contact"] = self.safe_contact.isChecked()
        values["_type_text"] = self.line("incident_type").text()
        values["_checklist"] = self.checked_steps()
        return values

    def checked_steps(self) -> list[int]:
        return [
            i
            for i in range(self.steps.count())
            if self.steps.item(i).checkState() == Qt.CheckState.Checked
        ]

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
        self.safe_contact.setChecked(bool(values.get("safe_contact")))
        code = values.get("incident_type") or ""
        self.set_type(code, keep_text=values.get("_type_text"), checked=values.get("_checklist"))
        self._loading = False

    # -- incident type -------------------------------------------------------------------
    _type_code = ""

    def _filter_types(self, text: str) -> None:
        self.type_list.clear()
        for t in filter_types(self.catalog, text, self.lang)[:30]:
            item = QListWidgetItem(f"{t.name(self.lang)}  ·  {t.code}")
            item.setData(Qt.ItemDataRole.UserRole, t.code)
            self.type_list.addItem(item)
        if self.type_list.count():
            self.type_list.setCurrentRow(0)

    def _choose_first_type(self) -> None:
        item = self.type_list.currentItem() or self.type_list.item(0)
        if item is not None:
            self._choose_type_item(item)

    def _choose_type_item(self, item: QListWidgetItem) -> None:
        self.set_type(item.data(Qt.ItemDataRole.UserRole))
        self._on_edit()
        self.line("incident_time").setFocus()

    def set_type(
        self, code: str, keep_text: str | None = None, checked: list[int] | None = None
    ) -> None:
        self._type_code = code if code in self.catalog.by_code else ""
        self.steps.blockSignals(True)
        self.steps.clear()
        for label in self.labels.values():
            label.setText(label.text().rstrip(" *"))
        if not self._type_code:
            self.type_label.setText("")
            self.steps_hint.show()
            if keep_text is not None:
                self.line("incident_type").setText(keep_text)
            self.steps.blockSignals(False)
            return
        itype = self.catalog.get(code)
        if itype.safe_contact:
            self.safe_contact.setChecked(True)
        self._lock_safe_contact()
        self.line("incident_type").setText(keep_text if keep_text else itype.name(self.lang))
        group = self.catalog.group_name(itype.group, self.lang)
        extras = []
        if itype.dispute:
            extras.append(self.tr("dispute: return visits required"))
        if itype.safe_contact:
            extras.append(
                self.tr("safe contact: never contact the victim where the other party could see")
            )
        if itype.non_police:
            extras.append(
                self.tr("non-police matter: refer to %1").replace(
                    "%1",
                    itype.referral_department_zh
                    if self.lang.startswith("zh")
                    else itype.referral_department_en,
                )
            )
        self.type_label.setText(
            f"{itype.name(self.lang)} ({itype.code}, {group})"
            + ("\n" + "\n".join(extras) if extras else "")
        )
        self.steps_hint.hide()
        for i, step in enumerate(itype.steps):
            item = QListWidgetItem(f"{i + 1}. {step.text(self.lang)}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if checked and i in checked else Qt.CheckState.Unchecked
            )
            self.steps.addItem(item)
        for name in itype.required_fields:
            if name in self.labels:
                self.labels[name].setText(self.labels[name].text() + " *")
        self.steps.blockSignals(False)

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
        itype = self.catalog.by_code.get(self._type_code)
        locked = bool(self.record.get("safe_contact")) or bool(itype and itype.safe_contact)
        # After intake it can still be switched on (it then applies to the open visits at once)
        self.safe_contact.setEnabled(
            not locked and self.record.get("status") not in ("", statuses.VOIDED)
        )

    def check_repeats(self) -> None:
        """Earlier reports from this phone, ID number, person at this address or this place."""
        self._repeat_timer.stop()
        if not self.report_id or self.record.get("status") not in statuses.EDITABLE:
            return
        from app.services import repeats

        values = self.field_values()
        try:
            if self._live_check is None:
                self._live_check = repeats.LiveCheck(self.store)
            finding = self._live_check(
                values, incident_type=self._type_code, exclude_id=self.report_id
            )
        except errors.StationDeskError as exc:
            self.repeat_warning.setText(error_text(exc))
            self.repeat_warning.show()
            return
        self.show_repeats(finding)

    def show_repeats(self, finding: Any) -> None:
        from app.ui.labels import display_value, status_text

        if not finding.matches:
            self.repeat_warning.hide()
            self.repeat_warning.setText("")
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
        self.repeat_warning.setText("<br>".join(parts))
        self.repeat_warning.show()

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
        try:
            receiving.save_draft(self.store, self.report_id, self.field_values())
            self.state_label.setText(
                self.tr("Draft kept - typed text survives a crash or power cut.")
            )
        except errors.StationDeskError as exc:
            self.state_label.setText(error_text(exc))

    # -- actions ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.record = reports.get_report(self.store, self.report_id)
        r = self.record
        self.header.setText(
            self.tr("Receipt %1 - received %2 by %3")
            .replace("%1", r["serial"])
            .replace("%2", wall_time(r["received_at"], seconds=True))
            .replace("%3", r["officer_name"])
        )
        warnings = []
        if r["clock_warning"]:
            warnings.append(
                self.tr(
                    "The PC clock went backwards since the previous receipt: check the clock. The time shown is what the PC said."
                )
            )
        if r["status"] == statuses.VOIDED:
            warnings.append(self.tr("VOIDED: %1").replace("%1", r["void_reason"]))
        if r["unfinished_reason"]:
            warnings.append(self.tr("Left unfinished: %1").replace("%1", r["unfinished_reason"]))
        self.banner.setText("\n".join(warnings))
        self.banner.setStyleSheet(
            "background: #fff3e0; color: #8a4b00; padding: 6px; border-radius: 4px;"
        )
        self.banner.setVisible(bool(warnings))
        self.apply_fields({**r, "_checklist": r["checklist"]})
        self._update_state()
        self._show_visits()
        self._show_case()
        self._show_warning()
        self.repeat_warning.hide()
        if self.record.get("repeat_rule") or any(
            self.record.get(n) for n in REPEAT_FIELDS
        ):  # a reopened report shows what its saved fields match
            self.check_repeats()

    def _show_visits(self) -> None:
        from app.services import visit_queries
        from app.ui.labels import visit_kind_text, visit_status_text

        # A receipt being typed has no visits yet: the receive path stays free of this query.
        if self.record.get("status") == statuses.RECEIVING:
            self.visits_label.hide()
            return
        rows = visit_queries.visits_for_report(self.store, self.report_id)
        self.visits_label.setText(
            self.tr("Return visits: %1").replace(
                "%1",
                "; ".join(
                    f"{v.code} {visit_kind_text(v.kind)} {v.due_date} ({visit_status_text(v.status)})"
                    for v in rows
                ),
            )
        )
        self.visits_label.setVisible(bool(rows))

    def _show_case(self) -> None:
        """One case, one file: the officer sees which file this report is in."""
        from app.services import case_files
        from app.ui.case_files_view import case_status_text

        if self.record.get("status") == statuses.RECEIVING:
            self.case_label.hide()
            return
        case = case_files.file_of_report(self.store, self.report_id)
        if case is not None:
            self.case_label.setText(
                self.tr("Case file %1 (%2): %3 reports, deadline %4")
                .replace("%1", case["code"])
                .replace("%2", case_status_text(case["status"]))
                .replace("%3", str(len(case["report_ids"])))
                .replace("%4", case["deadline"])
            )
        self.case_label.setVisible(case is not None)

    def _show_warning(self) -> None:
        from app.services.early_warning import criteria_for
        from app.services.warning_letters import LETTER_TYPES
        from app.ui.early_warning_dialog import warning_chip

        r = self.record
        criteria = criteria_for(self.store)
        applies = criteria.applies(r.get("incident_type", "")) or bool(r.get("warning_colour"))
        letters = r.get("incident_type", "") in LETTER_TYPES
        self.warning_row.setVisible(applies or letters)
        self.letter_button.setVisible(letters)
        self.warning_button.setVisible(applies)
        self.letter_button.setEnabled(r["status"] not in (statuses.RECEIVING, statuses.VOIDED))
        if not applies:
            self.warning_label.clear()
            return
        chip = warning_chip(criteria, r["warning_colour"], r["warning_status"], self.lang)
        waiting = r["status"] == statuses.RECEIVING
        self.warning_label.setText(
            self.tr("Early warning: %1").replace(
                "%1",
                chip
                or (
                    self.tr("save the intake, then set the colour")
                    if waiting
                    else self.tr("<b>not assessed yet</b>: set the colour")
                ),
            )
        )
        self.warning_button.setEnabled(not waiting and r["status"] != statuses.VOIDED)

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

    def _update_state(self) -> None:
        status = self.record["status"]
        editable = status in statuses.EDITABLE
        for box in self.boxes.values():
            editor = box.editor
            if isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.setReadOnly(not editable)
        self.type_list.setEnabled(editable)
        self._lock_safe_contact()
        self.save_button.setEnabled(editable)
        self.unfinished_button.setVisible(status == statuses.RECEIVING)
        self.void_button.setVisible(status == statuses.RECEIVING and self.officer.may("void"))
        self.handle_button.setVisible(statuses.can_move(status, statuses.IN_HANDLING))
        self.close_button.setVisible(statuses.can_move(status, statuses.CLOSED))
        self.refer_button.setVisible(statuses.can_move(status, statuses.REFERRED))
        self.print_button.setEnabled(status != statuses.RECEIVING)
        self.save_button.setText(
            self.tr("Save intake") if status == statuses.RECEIVING else self.tr("Save changes")
        )
        self.state_label.setText(self.tr("Status: %1").replace("%1", status_text(status)))

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
            first = None
            for name, code in exc.errors.items():
                if name in self.boxes:
                    self.boxes[name].set_error(field_error_text(name, code))
                    first = first or self.boxes[name].editor
            if first is not None:
                first.setFocus()
            self.state_label.setText(error_text(exc))
            return
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.reload()
        self.state_label.setText(
            self.tr("Saved. Status: %1").replace("%1", status_text(self.record["status"]))
        )
        self.saved.emit(self.report_id)

    def _ask(self, title: str, label: str) -> str | None:
        text, ok = QInputDialog.getMultiLineText(self, title, label)
        return text if ok else None

    def _run(self, action: Any, *args: Any) -> None:
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

    def void(self) -> None:
        reason = self._ask(self.tr("Void receipt"), self.tr("Reason for voiding (kept for ever):"))
        if reason is not None:
            self._run(receiving.void_receipt, reason)

    def start_handling(self) -> None:
        self._run(receiving.start_handling)

    def close_report(self) -> None:
        result = self._ask(self.tr("Close report"), self.tr("Disposal result:"))
        if result is not None:
            self._run(receiving.close_report, result)

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
