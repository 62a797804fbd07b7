"""Entering what happened on a visit, fast: the code from the sheet, three choices, save.

The dialog opens with "done" chosen; keys 1-3 pick the result, the arrow keys move inside each
group, Enter saves. A missing answer is named beside its group; nothing typed is lost.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import visits as terms
from app.domain.catalog import Catalog
from app.services import visits
from app.services.station import OfficerInfo
from app.services.visit_queries import VisitDetail
from app.services.visits import Outcome
from app.ui.labels import care_category_text, display_value, visit_kind_text
from app.ui.messages import error_text
from app.ui.widgets import open_at

ERROR_STYLE = "color: #c62828;"


class VisitOutcomeDialog(QDialog):
    recorded = Signal(str, list)  # visit code, codes of follow-up visits

    def __init__(
        self,
        store: Store,
        catalog: Catalog,
        officer: OfficerInfo,
        visit: VisitDetail,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.officer = officer
        self.visit = visit
        self.setObjectName("visitOutcomeDialog")
        self.setWindowTitle(self.tr("Visit %1").replace("%1", visit.code))
        open_at(self, 620, 640)

        about = QLabel(self._describe(catalog, lang))
        about.setObjectName("visitAbout")
        about.setWordWrap(True)
        about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if visit.safe_contact:
            about.setStyleSheet("background: #ffebee; padding: 6px; border-radius: 4px;")

        form = self._answers()
        self.message = QLabel()
        self.message.setObjectName("visitMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setObjectName("saveOutcomeButton")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        for key, value in (("1", terms.DONE), ("2", terms.NOT_REACHED), ("3", terms.REFUSED)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda v=value: self._pick_result(v))
        self.result_choice.group.buttonToggled.connect(self._result_changed)
        self._pick_result(terms.DONE)

    def _answers(self) -> QFormLayout:
        """The three groups of choices and the lines to type, each with its error label."""
        self.result_choice = self._choices(
            "visitResult",
            self.tr("Result"),
            [
                (terms.DONE, self.tr("&1 Visited")),
                (terms.NOT_REACHED, self.tr("&2 Not reached")),
                (terms.REFUSED, self.tr("&3 Refused")),
            ],
        )
        self.solved = self._choices(
            "problemSolved",
            self.tr("Problem solved?"),
            [("yes", self.tr("Yes")), ("partly", self.tr("Partly")), ("no", self.tr("No"))],
        )
        self.satisfaction = self._choices(
            "satisfaction",
            self.tr("Satisfaction"),
            [
                (terms.SATISFIED, self.tr("Satisfied")),
                (terms.BASICALLY_SATISFIED, self.tr("Basically satisfied")),
                (terms.DISSATISFIED, self.tr("Dissatisfied")),
            ],
        )
        self.needs = QLineEdit()
        self.needs.setObjectName("visitNeeds")
        self.reason = QLineEdit()
        self.reason.setObjectName("notReachedReason")
        self.reason.setPlaceholderText(self.tr("e.g. no answer, phone off, moved away"))
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("visitNotes")
        self.notes.setMaximumHeight(90)
        self.field_errors: dict[str, QLabel] = {}

        form = QFormLayout()
        form.addRow(self.result_choice.box)
        form.addRow(self.solved.box)
        form.addRow(self.satisfaction.box)
        form.addRow(self.tr("What else is needed"), self._with_error("needs", self.needs))
        self.reason_label = QLabel(self.tr("Why not reached"))
        form.addRow(self.reason_label, self._with_error("not_reached_reason", self.reason))
        form.addRow(self.tr("Notes"), self._with_error("notes", self.notes))
        for key, group in (
            ("status", self.result_choice),
            ("problem_solved", self.solved),
            ("satisfaction", self.satisfaction),
        ):
            self.field_errors[key] = group.error
        return form

    # -- building ---------------------------------------------------------------------------
    class _Choices:
        def __init__(self, box: QGroupBox, group: QButtonGroup, error: QLabel) -> None:
            self.box, self.group, self.error = box, group, error

        def value(self) -> str:
            button = self.group.checkedButton()
            return str(button.property("value")) if button else ""

    def _choices(self, name: str, title: str, options: list[tuple[str, str]]) -> _Choices:
        box = QGroupBox(title)
        box.setObjectName(name)
        group = QButtonGroup(box)
        row = QHBoxLayout()
        for value, text in options:
            button = QRadioButton(text)
            button.setObjectName(f"{name}_{value}")
            button.setProperty("value", value)
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        outer = QVBoxLayout(box)
        outer.addLayout(row)
        outer.addWidget(error)
        return self._Choices(box, group, error)

    def _with_error(self, key: str, editor: QWidget) -> QWidget:
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(editor)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        inner.addWidget(error)
        self.field_errors[key] = error
        return holder

    def _describe(self, catalog: Catalog, lang: str) -> str:
        v = self.visit
        lines = [
            self.tr("%1 - visit %2: %3, due %4")
            .replace("%1", v.code)
            .replace("%2", str(v.sequence_no))
            .replace("%3", visit_kind_text(v.kind))
            .replace("%4", v.due_date),
        ]
        if v.serial:
            lines.append(
                self.tr("Report %1, %2")
                .replace("%1", v.serial)
                .replace("%2", display_value("incident_type", v.incident_type, catalog, lang))
            )
        if v.warning_colour:
            lines.append(
                self.tr("Early warning: %1").replace(
                    "%1", display_value("warning_colour", v.warning_colour, catalog, lang)
                )
            )
        if v.care_category:
            lines.append(care_category_text(v.care_category))
        lines.append(f"{v.person_name}  {'' if v.safe_contact else v.phone}".strip())
        if v.safe_contact:
            lines.append(
                self.tr("SAFE CONTACT: no phone calls; meet only where the other party cannot see.")
            )
        else:
            lines.append(v.address)
            if v.summary:
                lines.append(v.summary[:300])
        if v.status != terms.DUE:
            lines.append(self.tr("The outcome of this visit is already recorded."))
        return "\n".join(line for line in lines if line)

    # -- behaviour --------------------------------------------------------------------------
    def _pick_result(self, value: str) -> None:
        for button in self.result_choice.group.buttons():
            if button.property("value") == value:
                button.setChecked(True)
                button.setFocus()

    def _result_changed(self, *_args: object) -> None:
        done = self.result_choice.value() == terms.DONE
        self.solved.box.setEnabled(done)
        self.satisfaction.box.setEnabled(done)
        not_reached = self.result_choice.value() == terms.NOT_REACHED
        self.reason.setEnabled(not_reached)
        self.reason_label.setEnabled(not_reached)
        if not_reached:
            self.reason.setFocus()

    def outcome(self) -> Outcome:
        return Outcome(
            status=self.result_choice.value(),
            satisfaction=self.satisfaction.value(),
            problem_solved=self.solved.value(),
            needs=self.needs.text(),
            not_reached_reason=self.reason.text(),
            notes=self.notes.toPlainText(),
        )

    def save(self) -> None:
        from app.ui.messages import field_error_text

        for label in self.field_errors.values():
            label.hide()
        self.message.setText("")
        try:
            follow = visits.record_outcome(self.store, self.officer, self.visit.id, self.outcome())
        except errors.ValidationFailed as exc:
            for key, code in exc.errors.items():
                shown = self.field_errors.get(key)
                if shown is not None:
                    shown.setText(
                        self.tr("Choose one.")
                        if code == "required" and key != "not_reached_reason"
                        else self.tr("Say why.")
                        if code == "required"
                        else field_error_text(key, code)
                    )
                    shown.show()
            self.message.setText(error_text(exc))
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.recorded.emit(self.visit.code, follow)
        self.accept()
