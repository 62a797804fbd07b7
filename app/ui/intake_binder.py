"""What the intake form shows of a report, from one read of its whole view
(`reports.report_view`): the header and banners, which actions its state allows, its return
visits, its case file and its warning colour. The fields themselves are the form's."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from app.domain import statuses
from app.services.reports import ReportView
from app.services.station import OfficerInfo
from app.ui.intake_layout import IntakeLayout
from app.ui.labels import status_text, visit_kind_text, visit_status_text, wall_time


class IntakeBinder(QObject):
    def __init__(self, ui: IntakeLayout, officer: OfficerInfo, lang: str) -> None:
        super().__init__(ui)
        self.ui, self.officer, self.lang = ui, officer, lang

    def show(self, view: ReportView) -> None:
        r = view.report
        self.ui.header.setText(
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
        self.ui.banner.setText("\n".join(warnings))
        self.ui.banner.setVisible(bool(warnings))
        self.show_state(r["status"])
        self._show_visits(view)
        self._show_case(view)
        self._show_warning(view)

    def show_state(self, status: str) -> None:
        """Editable or read-only, and the actions the state allows."""
        ui = self.ui
        editable = status in statuses.EDITABLE
        for box in ui.boxes.values():
            editor = box.editor
            if isinstance(editor, (QLineEdit, QPlainTextEdit)):
                editor.setReadOnly(not editable)
        ui.type_list.setEnabled(editable)
        ui.save_button.setEnabled(editable)
        ui.unfinished_button.setVisible(status == statuses.RECEIVING)
        ui.void_button.setVisible(status == statuses.RECEIVING and self.officer.may("void"))
        ui.handle_button.setVisible(statuses.can_move(status, statuses.IN_HANDLING))
        ui.close_button.setVisible(statuses.can_move(status, statuses.CLOSED))
        ui.refer_button.setVisible(statuses.can_move(status, statuses.REFERRED))
        ui.print_button.setEnabled(status != statuses.RECEIVING)
        # a saved report, for the chief's daily review; the chief reviews without asking
        ui.review_request_button.setVisible(
            status not in (statuses.RECEIVING, statuses.VOIDED) and not self.officer.may("approve")
        )
        ui.save_button.setText(
            self.tr("Save intake") if status == statuses.RECEIVING else self.tr("Save changes")
        )
        ui.state_label.setText(self.tr("Status: %1").replace("%1", status_text(status)))

    def _show_visits(self, view: ReportView) -> None:
        self.ui.visits_label.setText(
            self.tr("Return visits: %1").replace(
                "%1",
                "; ".join(
                    f"{v.code} {visit_kind_text(v.kind)} {v.due_date} ({visit_status_text(v.status)})"
                    for v in view.visits
                ),
            )
        )
        self.ui.visits_label.setVisible(bool(view.visits))

    def _show_case(self, view: ReportView) -> None:
        """One case, one file: the officer sees which file this report is in."""
        from app.ui.case_files_view import case_status_text

        case = view.case_file
        if case is not None:
            self.ui.case_label.setText(
                self.tr("Case file %1 (%2): %3 reports, deadline %4")
                .replace("%1", case["code"])
                .replace("%2", case_status_text(case["status"]))
                .replace("%3", str(len(case["report_ids"])))
                .replace("%4", case["deadline"])
            )
        self.ui.case_label.setVisible(case is not None)

    def _show_warning(self, view: ReportView) -> None:
        from app.ui.early_warning_dialog import warning_chip

        ui, r = self.ui, view.report
        ui.warning_row.setVisible(view.warning_applies or view.letters_apply)
        ui.letter_button.setVisible(view.letters_apply)
        ui.warning_button.setVisible(view.warning_applies)
        ui.letter_button.setEnabled(r["status"] not in (statuses.RECEIVING, statuses.VOIDED))
        if not view.warning_applies:
            ui.warning_label.clear()
            return
        chip = warning_chip(view.criteria, r["warning_colour"], r["warning_status"], self.lang)
        waiting = r["status"] == statuses.RECEIVING
        ui.warning_label.setText(
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
        ui.warning_button.setEnabled(not waiting and r["status"] != statuses.VOIDED)
