"""The residents' or villagers' committee told of a warning letter, and the station's later check
with it (Anti-Domestic Violence Law art. 17): a box under an approved or served letter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app import errors
from app.db.engine import Store
from app.services import warning_letters
from app.services.station import OfficerInfo
from app.services.warning_letters import LetterView
from app.ui.messages import error_text, field_error_text
from app.ui.widgets import FieldBox


class CommitteeBox(QGroupBox):
    def __init__(self, store: Store, officer: OfficerInfo, changed: Callable[[], None]) -> None:
        super().__init__()
        self.store, self.officer, self.changed = store, officer, changed
        self.setObjectName("letterCommittee")
        self.setTitle(self.tr("Residents' or villagers' committee (art. 17)"))
        self.letter_id = ""
        self.how_names = {
            "phone": self.tr("By phone"),
            "in_person": self.tr("In person"),
            "written": self.tr("In writing"),
        }
        self.name = FieldBox(QLineEdit(), "committee_name", self.tr("Committee"))
        self.name.editor.setPlaceholderText(self.tr("e.g. 富力城社区居民委员会"))  # type: ignore[attr-defined]
        self.contact = FieldBox(QLineEdit(), "committee_contact", self.tr("Told"))
        self.contact.editor.setPlaceholderText(self.tr("who was told, e.g. 王主任"))  # type: ignore[attr-defined]
        self.how = QComboBox()
        self.how.setObjectName("committee_how")
        for key, text in self.how_names.items():
            self.how.addItem(text, key)
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("committee_day")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setCalendarPopup(True)
        self.day.setMaximumDate(QDate.currentDate())
        self.notify_button = QPushButton(self.tr("Record the notice"))
        self.notify_button.setObjectName("committee_notify")
        self.notify_button.clicked.connect(self.notify)
        self.form = QFormLayout()
        self.form.addRow(self.tr("Committee"), self.name)
        self.form.addRow(self.tr("Told"), self.contact)
        row = QHBoxLayout()
        row.addWidget(self.how)
        row.addWidget(self.day)
        row.addStretch(1)
        row.addWidget(self.notify_button)
        self.form.addRow(self.tr("How, when"), row)
        self.told = QLabel()
        self.told.setObjectName("committeeState")
        self.told.setWordWrap(True)
        self.check_note = FieldBox(QLineEdit(), "committee_check_note", self.tr("Check"))
        self.check_note.editor.setPlaceholderText(  # type: ignore[attr-defined]
            self.tr("what the committee and the visit found")
        )
        self.check_button = QPushButton(self.tr("Record the check"))
        self.check_button.setObjectName("committee_check")
        self.check_button.clicked.connect(self.check)
        check_row = QHBoxLayout()
        check_row.addWidget(self.check_note, 1)
        check_row.addWidget(self.check_button)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.told)
        layout.addLayout(check_row)
        layout.addWidget(self.message)

    def show_letter(self, letter: LetterView | None) -> None:
        shown = letter is not None and letter.status in (
            warning_letters.APPROVED,
            warning_letters.SERVED,
        )
        self.setVisible(shown)
        if not shown or letter is None:
            return
        self.letter_id = letter.id
        told = bool(letter.committee_notified_on)
        for widget in (self.name, self.contact, self.how, self.day, self.notify_button):
            widget.setVisible(not told)
        checked = bool(letter.committee_checked_on)
        self.check_note.setVisible(told and not checked)
        self.check_button.setVisible(told and not checked)
        text = ""
        if told:
            text = (
                self.tr("%1 told (%2, %3) on %4; the check with it is due %5.")
                .replace("%1", letter.committee_name)
                .replace("%2", letter.committee_contact)
                .replace("%3", self.how_names.get(letter.committee_how, letter.committee_how))
                .replace("%4", letter.committee_notified_on)
                .replace("%5", letter.committee_check_due)
            )
        if checked:
            text += " " + self.tr("Checked on %1: %2").replace(
                "%1", letter.committee_checked_on
            ).replace("%2", letter.committee_check_note)
        self.told.setText(text)
        self.told.setVisible(told)

    def _run(self, action: Callable[[], object]) -> None:
        self.message.clear()
        for box in (self.name, self.contact, self.check_note):
            box.set_error("")
        try:
            action()
        except errors.ValidationFailed as exc:
            boxes = {
                "committee_name": self.name,
                "committee_contact": self.contact,
                "committee_check_note": self.check_note,
            }
            for field, code in exc.errors.items():
                if field in boxes:
                    boxes[field].set_error(field_error_text(field, code))
                else:
                    self.message.setText(field_error_text(field, code))
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.changed()

    def notify(self) -> None:
        name = self.name.editor.text()  # type: ignore[attr-defined]
        contact = self.contact.editor.text()  # type: ignore[attr-defined]
        how = str(self.how.currentData())
        day = self.day.date().toPython()
        self._run(
            lambda: warning_letters.notify_committee(
                self.store,
                self.officer,
                self.letter_id,
                committee=name,
                contact=contact,
                how=how,
                day=day,  # type: ignore[arg-type]
            )
        )

    def check(self) -> None:
        note = self.check_note.editor.text()  # type: ignore[attr-defined]
        self._run(
            lambda: warning_letters.record_committee_check(
                self.store, self.officer, self.letter_id, note
            )
        )
