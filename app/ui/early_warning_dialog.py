"""Assessing a dispute's five-colour early warning: risk factors, the suggested colour, and an
override that must say why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain.warning_colours import Colour, WarningCriteria
from app.services import early_warning
from app.services.station import OfficerInfo
from app.ui.messages import error_text, show_error
from app.ui.widgets import colour_chip


def colour_icon(rgb: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(rgb))
    return QIcon(pixmap)


def warning_chip(criteria: WarningCriteria, colour_id: str, status: str, lang: str) -> str:
    """How a report's or case's colour reads wherever it appears; empty when it has none."""
    colour = criteria.colour(colour_id)
    if colour is None:
        return ""
    chip = colour_chip(colour.rgb, colour.label(lang))
    if status == early_warning.LIFTED:
        return QCoreApplication.translate("EarlyWarning", "%1 (lifted)").replace("%1", chip)
    level = criteria.monitoring_level(colour.monitoring)
    return f"{chip} · {level.label(lang) if level else colour.monitoring}"


class EarlyWarningDialog(QDialog):
    def __init__(
        self,
        store: Store,
        officer: OfficerInfo,
        report_id: str,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.officer, self.report_id, self.lang = store, officer, report_id, lang
        self.criteria = early_warning.criteria_for(store)
        current = early_warning.state(store, report_id)
        self.previous = current.colour
        self.setObjectName("earlyWarningDialog")
        self.setWindowTitle(self.tr("Five-colour early warning"))

        factors_box = QGroupBox(self.tr("Risk factors"))
        factors_layout = QVBoxLayout(factors_box)
        self.checks: dict[str, QCheckBox] = {}
        for factor in self.criteria.factors:
            check = QCheckBox(factor.label(lang))
            check.setObjectName(f"factor_{factor.id}")
            check.setChecked(factor.id in current.factors)
            check.toggled.connect(self._update)
            factors_layout.addWidget(check)
            self.checks[factor.id] = check

        self.suggested = QLabel()
        self.suggested.setObjectName("suggestedColour")
        self.suggested.setTextFormat(Qt.TextFormat.RichText)
        self.colour = QComboBox()
        self.colour.setObjectName("warningColour")
        self.colour.addItem(self.tr("As suggested"), "")
        for colour in reversed(self.criteria.colours):
            self.colour.addItem(colour_icon(colour.rgb), colour.label(lang), colour.id)
        if current.colour and current.colour != current.suggested:
            self.colour.setCurrentIndex(self.colour.findData(current.colour))
        self.colour.currentIndexChanged.connect(self._update)
        self.reason = QLineEdit()
        self.reason.setObjectName("colourReason")
        self.reason.setPlaceholderText(
            self.tr("Needed when the colour differs from the suggestion or changes")
        )
        self.outcome = QLabel()
        self.outcome.setObjectName("warningOutcome")
        self.outcome.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("warningMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Suggested"), self.suggested)
        form.addRow(self.tr("Colour set"), self.colour)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.lift_button = QPushButton(self.tr("Lift warning..."))
        self.lift_button.setObjectName("liftWarningButton")
        self.lift_button.setEnabled(officer.may("approve"))
        self.lift_button.setToolTip(self.tr("Only the station chief lifts a warning."))
        self.lift_button.clicked.connect(self.lift)
        buttons.addButton(self.lift_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.lift_button.setVisible(current.status == early_warning.ACTIVE)
        self.setMinimumWidth(520)

        layout = QVBoxLayout(self)
        layout.addWidget(factors_box)
        layout.addLayout(form)
        layout.addWidget(self.outcome)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update()

    def factors(self) -> list[str]:
        return [fid for fid, check in self.checks.items() if check.isChecked()]

    def chosen(self) -> Colour:
        colour_id = self.colour.currentData() or self.criteria.suggest(self.factors()).colour.id
        chosen = self.criteria.colour(colour_id)
        assert chosen is not None
        return chosen

    def _update(self) -> None:
        suggestion = self.criteria.suggest(self.factors())
        text = self.tr("%1 (score %2)").replace(
            "%1", colour_chip(suggestion.colour.rgb, suggestion.colour.label(self.lang))
        )
        self.suggested.setText(text.replace("%2", str(suggestion.score)))
        chosen = self.chosen()
        level = self.criteria.monitoring_level(chosen.monitoring)
        self.outcome.setText(
            self.tr("Monitored by: %1. Visit interval: %2 days.")
            .replace("%1", level.label(self.lang) if level else chosen.monitoring)
            .replace("%2", str(chosen.visit_every_days))
        )
        self.message.clear()

    def save(self) -> None:
        try:
            early_warning.assess(
                self.store,
                self.officer,
                self.report_id,
                self.factors(),
                self.colour.currentData() or "",
                self.reason.text(),
            )
        except errors.ValidationFailed as exc:
            if "colour_reason" in exc.errors and exc.errors["colour_reason"] == "required":
                self.message.setText(
                    self.tr(
                        "Say why the colour differs from the suggestion or from the colour set before."
                    )
                )
                self.reason.setFocus()
            else:
                self.message.setText(error_text(exc))
            return
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.accept()

    def lift(self) -> None:
        reason, ok = QInputDialog.getText(  # the dialog says what happens; OK is the act
            self,
            self.tr("Lift warning"),
            self.tr(
                "Lifting ends this report's early warning: its colour goes and its pending warning "
                "visits are cancelled. The lifting stays on record.\nWhy is the risk gone?"
            ),
        )
        if not ok:
            return
        try:
            early_warning.lift(self.store, self.officer, self.report_id, reason)
        except errors.ValidationFailed:
            QMessageBox.warning(self, self.tr("Lift warning"), self.tr("A reason is required."))
            return
        except errors.StationDeskError as exc:
            show_error(self, exc)
            return
        self.accept()
