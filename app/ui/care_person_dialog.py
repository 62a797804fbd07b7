"""Putting someone on the special-population care register, or correcting their entry (a new
risk grade with its reason); the policy sets the cadence of their care visits."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import visits as terms
from app.services import care_register
from app.services.station import OfficerInfo
from app.ui.labels import care_category_text
from app.ui.messages import error_text, field_error_text
from app.ui.widgets import FieldBox


class CarePersonDialog(QDialog):
    def __init__(
        self,
        store: Store,
        officer: OfficerInfo,
        parent: QWidget | None = None,
        *,
        person_id: str = "",
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.officer = officer
        self.person_id = person_id
        self.setObjectName("carePersonDialog")
        self.setWindowTitle(
            self.tr("Care register entry") if person_id else self.tr("Add to the care register")
        )
        self.boxes = {
            "name": FieldBox(QLineEdit(), "careName", self.tr("Name")),
            "phone": FieldBox(QLineEdit(), "carePhone", self.tr("Phone")),
            "id_number": FieldBox(QLineEdit(), "careIdNumber", self.tr("ID number")),
            "address": FieldBox(QLineEdit(), "careAddress", self.tr("Address")),
            "notes": FieldBox(QPlainTextEdit(), "careNotes", self.tr("Notes")),
        }
        self.category = QComboBox()
        self.category.setObjectName("careCategory")
        for category in terms.CARE_CATEGORIES:
            self.category.addItem(care_category_text(category), category)
        self.grade = QComboBox()
        self.grade.setObjectName("careGrade")
        self.grade.addItem(self.tr("(no grade)"), None)
        for g in range(6):
            self.grade.addItem(str(g), g)
        self.grade_error = QLabel()
        self.grade_error.setStyleSheet("color: #c62828;")
        self.grade_error.hide()
        self.safe = QCheckBox(self.tr("Safe contact (no phone calls)"))
        self.safe.setObjectName("careSafeContact")
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Name"), self.boxes["name"])
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Risk grade (mental illness 0-5)"), self.grade)
        form.addRow("", self.grade_error)
        for key, label in (
            ("phone", self.tr("Phone")),
            ("id_number", self.tr("ID number")),
            ("address", self.tr("Address")),
            ("notes", self.tr("Notes")),
        ):
            form.addRow(label, self.boxes[key])
        form.addRow("", self.safe)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.grade_before: int | None = None
        if person_id:
            self._fill(care_register.get_person(store, person_id))

    def _fill(self, person: dict[str, object]) -> None:
        for key in ("name", "phone", "id_number", "address", "notes"):
            editor = self.boxes[key].editor
            text = str(person.get(key) or "")
            if isinstance(editor, QPlainTextEdit):
                editor.setPlainText(text)
            else:
                assert isinstance(editor, QLineEdit)
                editor.setText(text)
        self.category.setCurrentIndex(self.category.findData(person["category"]))
        self.category.setEnabled(False)  # another category is another entry
        self.grade_before = person["grade"]  # type: ignore[assignment]
        self.grade.setCurrentIndex(self.grade.findData(person["grade"]))
        self.safe.setChecked(bool(person["safe_contact"]))

    def _text(self, key: str) -> str:
        editor = self.boxes[key].editor
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText()
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def save(self) -> None:
        for box in self.boxes.values():
            box.set_error("")
        self.grade_error.hide()
        details = {
            "name": self._text("name"),
            "grade": self.grade.currentData(),
            "phone": self._text("phone"),
            "id_number": self._text("id_number"),
            "address": self._text("address"),
            "safe_contact": self.safe.isChecked(),
            "notes": self._text("notes"),
        }
        reason = ""
        if self.person_id and details["grade"] != self.grade_before:
            reason, ok = QInputDialog.getText(
                self,
                self.windowTitle(),
                self.tr(
                    "Why does the risk grade change? (e.g. the doctor's review; kept with the "
                    "entry, and the next care visit follows the new grade)"
                ),
            )
            if not ok:
                return
        try:
            if self.person_id:
                care_register.update_person(
                    self.store, self.officer, self.person_id, grade_reason=reason, **details
                )
            else:
                care_register.register_person(
                    self.store, self.officer, category=self.category.currentData(), **details
                )
        except errors.ValidationFailed as exc:
            for key, code in exc.errors.items():
                if key in self.boxes:
                    self.boxes[key].set_error(field_error_text(key, code))
                elif key == "grade":
                    self.grade_error.setText(
                        self.tr("The visit policy needs a grade for this category.")
                    )
                    self.grade_error.show()
            self.message.setText(error_text(exc))
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.accept()
