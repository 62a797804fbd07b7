"""The intake form's widgets and where they stand.

What they do is the form's (`intake_form`); what they show of a report is the binder's
(`intake_binder`). Object names are the ones tests and accessibility tools look for.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

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


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


def _label(name: str, *, wrap: bool = True, hidden: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    if hidden:
        label.hide()  # stays hidden when laid out (showing a widget without a parent would open a window)
    return label


class IntakeLayout(QObject):
    """Builds the form's widgets into `form`; holds them for the form and the binder."""

    def __init__(self, form: QWidget) -> None:
        super().__init__(form)
        self.header = _label("intakeHeader", wrap=False, hidden=False)
        self.header.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.banner = _label("intakeBanner")
        self.banner.setStyleSheet(
            "background: #fff3e0; color: #8a4b00; padding: 6px; border-radius: 4px;"
        )
        # Repeat warning: filled while the phone, ID, name, address or place is typed.
        self.repeat_warning = _label("repeatWarning")
        self.repeat_warning.setTextFormat(Qt.TextFormat.RichText)
        self.repeat_warning.setStyleSheet(
            "background: #ffebee; color: #8e0000; padding: 6px; border-radius: 4px;"
        )
        # What the intake still lacks, each entry a jump to its field (intake_missing.py).
        self.missing = _label("missingPanel")
        self.missing.setStyleSheet(
            "background: #e3f2fd; color: #0d47a1; padding: 6px; border-radius: 4px;"
        )
        fields = self._fields()
        self._steps()
        self._actions()
        self._report_lines()
        self._arrange(form, fields)

    def _fields(self) -> QFormLayout:
        texts = {
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
        self.boxes: dict[str, FieldBox] = {}
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, object_name in FIELD_NAMES.items():
            editor: QWidget = QPlainTextEdit() if name == "summary" else QLineEdit()
            self.boxes[name] = FieldBox(editor, object_name, texts[name])
            self.labels[name] = QLabel(texts[name])
            # room for the " *" of a required field: choosing a type never shifts the form
            metrics = self.labels[name].fontMetrics()
            self.labels[name].setMinimumWidth(metrics.horizontalAdvance(texts[name] + " *"))
            field = self._type_field() if name == "incident_type" else self.boxes[name]
            form.addRow(self.labels[name], field)
        self.safe_contact = QCheckBox(
            self.tr("Safe contact: no phone calls; printed sheets leave out the details")
        )
        self.safe_contact.setObjectName("safeContactCheck")
        form.addRow("", self.safe_contact)
        self.line("incident_type").setPlaceholderText(
            self.tr("Type Chinese, pinyin or initials, e.g. dq")
        )
        self.line("incident_time").setPlaceholderText("YYYY-MM-DD HH:MM")
        self.summary().setMinimumHeight(110)
        return form

    def _type_field(self) -> QWidget:
        """The type's line, the matching types under it and the one chosen."""
        holder = QWidget()
        inner = QVBoxLayout(holder)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.boxes["incident_type"])
        self.type_list = QListWidget()
        self.type_list.setObjectName("incidentTypeList")
        self.type_list.setAccessibleName(self.tr("Matching incident types"))
        self.type_list.setMaximumHeight(110)
        self.type_list.hide()  # shown while a type is being typed
        inner.addWidget(self.type_list)
        self.type_label = QLabel()
        self.type_label.setObjectName("incidentTypeChosen")
        self.type_label.setStyleSheet("font-weight: bold; color: #1565c0;")
        inner.addWidget(self.type_label)
        return holder

    def _steps(self) -> None:
        self.steps_box = QGroupBox(self.tr("Handling standard"))
        self.steps = QListWidget()
        self.steps.setObjectName("handlingSteps")
        self.steps.setAccessibleName(self.tr("Handling steps"))
        # a long step wraps instead of running off under a scroll bar (English is longer)
        self.steps.setWordWrap(True)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps_hint = QLabel(self.tr("Choose an incident type to see its handling steps."))
        self.steps_hint.setWordWrap(True)
        column = QVBoxLayout(self.steps_box)
        column.addWidget(self.steps_hint)
        column.addWidget(self.steps, 1)

    def _actions(self) -> None:
        self.save_button = _button("saveIntakeButton", self.tr("Save intake"))
        self.save_button.setAccessibleName(self.tr("Save intake"))
        self.save_button.setToolTip(self.tr("Save intake (Ctrl+S or Ctrl+Enter, from any field)"))
        self.unfinished_button = _button("leaveUnfinishedButton", self.tr("Leave unfinished..."))
        self.void_button = _button("voidButton", self.tr("Void receipt..."))
        self.handle_button = _button("startHandlingButton", self.tr("Start handling"))
        self.close_button = _button("closeReportButton", self.tr("Close with result..."))
        self.refer_button = _button("referButton", self.tr("Refer to department..."))
        self.print_button = _button("printSlipButton", self.tr("Receipt slip..."))
        self.history_button = _button("historyButton", self.tr("History"))
        self.review_request_button = _button(
            "requestReviewButton", self.tr("Ask the chief to look at it...")
        )
        self.warning_button = _button("earlyWarningButton", self.tr("Early warning..."))
        self.letter_button = _button("warningLetterButton", self.tr("Warning letter..."))

    def _report_lines(self) -> None:
        """Under the fields: the state, the report's visits, its case file and its colour."""
        self.state_label = _label("intakeState", wrap=False, hidden=False)
        self.visits_label = _label("intakeVisits")
        self.case_label = _label("intakeCaseFile")
        self.warning_label = _label("intakeWarningColour", wrap=False, hidden=False)
        self.warning_label.setTextFormat(Qt.TextFormat.RichText)
        row = QHBoxLayout()
        row.addWidget(self.warning_label, 1)
        row.addWidget(self.warning_button)
        row.addWidget(self.letter_button)
        self.warning_row = QWidget()
        self.warning_row.setLayout(row)
        self.warning_row.hide()

    def _arrange(self, form: QWidget, fields: QFormLayout) -> None:
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
        left.setLayout(fields)
        body.addWidget(left, 3)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.missing)
        column.addWidget(self.steps_box, 1)
        body.addWidget(right, 2)
        # Everything but the buttons scrolls: a long repeat warning or a small screen never
        # pushes Save off-screen nor squeezes a field onto its error line.
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.repeat_warning)
        layout.addLayout(body, 1)
        for widget in (self.visits_label, self.case_label, self.warning_row):
            layout.addWidget(widget)
        state_row = QHBoxLayout()
        state_row.addWidget(self.state_label, 1)
        state_row.addWidget(self.review_request_button)
        layout.addLayout(state_row)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("intakeScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)
        outer = QVBoxLayout(form)
        outer.addWidget(self.scroll, 1)
        outer.addLayout(buttons)

    # -- the editors by name -------------------------------------------------------------
    def line(self, name: str) -> QLineEdit:
        editor = self.boxes[name].editor
        assert isinstance(editor, QLineEdit)
        return editor

    def summary(self) -> QPlainTextEdit:
        editor = self.boxes["summary"].editor
        assert isinstance(editor, QPlainTextEdit)
        return editor
