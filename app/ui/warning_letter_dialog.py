"""A report's domestic-violence warning letter: drafted by the officer, approved or refused by
the station chief, printed, and marked served (which schedules the victim's visits)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.services import reports, warning_letters
from app.services.station import OfficerInfo
from app.services.warning_letters import LetterDraft, LetterView
from app.ui.letter_committee import CommitteeBox
from app.ui.messages import confirm, error_text, field_error_text
from app.ui.widgets import FieldBox

FIELDS = ("abuser_name", "abuser_id_number", "abuser_address", "victim_name", "relation", "facts")


class WarningLetterDialog(QDialog):
    def __init__(
        self, store: Store, officer: OfficerInfo, report_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.officer, self.report_id = store, officer, report_id
        self.setObjectName("warningLetterDialog")
        self.setWindowTitle(self.tr("Domestic-violence warning letter"))
        self.setMinimumWidth(560)
        labels = {
            "abuser_name": self.tr("Abuser"),
            "abuser_id_number": self.tr("Abuser's ID number"),
            "abuser_address": self.tr("Abuser's address"),
            "victim_name": self.tr("Victim"),
            "relation": self.tr("Relation"),
            "facts": self.tr("Facts found"),
        }
        self.boxes = {
            name: FieldBox(
                QPlainTextEdit() if name == "facts" else QLineEdit(),
                "letter_" + name,
                labels[name],
            )
            for name in FIELDS
        }
        form = QFormLayout()
        for name in FIELDS:
            form.addRow(labels[name], self.boxes[name])
        self.state = QLabel()
        self.state.setObjectName("letterState")
        self.state.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("letterMessage")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (
            ("save", self.tr("Save draft"), self.save),
            ("approve", self.tr("Approve"), self.approve),
            ("refuse", self.tr("Refuse..."), self.refuse),
            ("print", self.tr("Print..."), self.print_letter),
            ("serve", self.tr("Mark served"), self.serve),
        ):
            button = QPushButton(text)
            button.setObjectName(f"letter_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.committee = CommitteeBox(store, officer, self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state)
        layout.addWidget(self.committee)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.letter: LetterView | None = None
        self.reload()

    def _editor_text(self, name: str) -> str:
        editor = self.boxes[name].editor
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()  # type: ignore[attr-defined]

    def _set_text(self, name: str, text: str) -> None:
        editor = self.boxes[name].editor
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            assert isinstance(editor, QLineEdit)
            editor.setText(text)

    def reload(self) -> None:
        self.letter = warning_letters.letter_of_report(self.store, self.report_id)
        letter = self.letter
        if letter is None:
            report = reports.get_report(self.store, self.report_id)
            self._set_text("victim_name", report["reporter_name"])
            self._set_text("facts", report["summary"])
            status = ""
        else:
            for name in FIELDS:
                self._set_text(name, getattr(letter, name))
            status = letter.status
        texts = {
            "": self.tr("No letter yet: fill in the draft and save it for the station chief."),
            warning_letters.DRAFT: self.tr("Draft by %1, awaiting the station chief's approval."),
            warning_letters.REFUSED: self.tr("Refused: %2. Correct the draft and save it again."),
            warning_letters.APPROVED: self.tr(
                "Approved by %3 on %4, serial %5: print it and serve it on the abuser."
            ),
            warning_letters.SERVED: self.tr("Serial %5, served %6. Follow-up visits are planned."),
        }
        text = texts[status]
        if letter is not None:
            for key, value in (
                ("%1", letter.drafted_by),
                ("%2", letter.refusal_reason),
                ("%3", letter.approved_by),
                ("%4", letter.approved_day),
                ("%5", letter.serial),
                ("%6", letter.served_at[:16].replace("T", " ")),
            ):
                text = text.replace(key, value)
        self.state.setText(text)
        editable = status in ("", warning_letters.DRAFT, warning_letters.REFUSED)
        for box in self.boxes.values():
            box.editor.setReadOnly(not editable)  # type: ignore[attr-defined]
        chief = self.officer.may("approve")
        self.buttons["save"].setVisible(editable)
        self.buttons["approve"].setVisible(chief and status == warning_letters.DRAFT)
        self.buttons["refuse"].setVisible(chief and status == warning_letters.DRAFT)
        self.buttons["print"].setVisible(
            status in (warning_letters.APPROVED, warning_letters.SERVED)
        )
        self.buttons["serve"].setVisible(status == warning_letters.APPROVED)
        self.committee.show_letter(letter)

    def _run(self, action: object) -> bool:
        self.message.clear()
        for box in self.boxes.values():
            box.set_error("")
        try:
            action()  # type: ignore[operator]
        except errors.ValidationFailed as exc:
            for name, code in exc.errors.items():
                if name in self.boxes:
                    self.boxes[name].set_error(field_error_text(name, code))
            self.message.setText(error_text(exc))
            return False
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return False
        self.reload()
        return True

    def save(self) -> None:
        draft = LetterDraft(**{name: self._editor_text(name) for name in FIELDS})
        self._run(lambda: warning_letters.draft(self.store, self.officer, self.report_id, draft))

    def approve(self) -> None:
        """An official act: said and asked first; the drafter approving alone gives a reason."""
        if self.letter is None:
            return
        letter_id, reason = self.letter.id, ""
        own = self.letter.drafted_by_id == self.officer.id
        if own and not warning_letters.other_chiefs(self.store, self.officer):
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Approve"),
                self.tr(
                    "You drafted this letter and the station has no other chief. Why do you "
                    "approve it yourself? (kept with the letter)"
                ),
            )
            if not ok:
                return
        elif not confirm(
            self,
            self.tr("Approve"),
            self.tr(
                "Approve this warning letter? It takes the next serial number of the year and "
                "can then be printed and served on the abuser. An approval cannot be undone."
            ),
        ):
            return
        self._run(lambda: warning_letters.approve(self.store, self.officer, letter_id, reason))

    def refuse(self) -> None:
        if self.letter is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Refuse"), self.tr("What must change?"))
        if ok:
            letter_id = self.letter.id
            self._run(lambda: warning_letters.refuse(self.store, self.officer, letter_id, reason))

    def serve(self) -> None:
        if self.letter is not None:
            letter_id = self.letter.id
            self._run(lambda: warning_letters.mark_served(self.store, self.officer, letter_id))

    def print_letter(self) -> None:
        from app.services import documents
        from app.ui.pdf_print import preview_pdf

        if self.letter is None:
            return
        try:
            pdf = documents.warning_letter_pdf(self.store, self.letter.id, by=self.officer)
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        preview_pdf(self, pdf, self.letter.serial).exec()
