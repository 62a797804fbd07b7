"""The special-population register (特殊人群) as a list the community police work from: filter
by category, open an entry to correct it or change its risk grade, take someone off with a
reason (never deleted), print the register."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.domain import visits as terms
from app.services import care_register, documents
from app.services.station import OfficerInfo
from app.ui.care_person_dialog import CarePersonDialog
from app.ui.labels import care_category_text
from app.ui.messages import error_text
from app.ui.pdf_print import offer_pdf
from app.ui.widgets import button_row, deadline_table, fill_deadline_table


class CareRegisterView(QWidget):
    def __init__(self, store: Store, officer: OfficerInfo) -> None:
        super().__init__()
        self.store, self.officer = store, officer
        self.setObjectName("careRegister")
        self.category = QComboBox()
        self.category.setObjectName("careRegisterCategory")
        self.category.addItem(self.tr("All categories"), "")
        for category in terms.CARE_CATEGORIES:
            self.category.addItem(care_category_text(category), category)
        self.category.currentIndexChanged.connect(self.refresh)
        self.show_removed = QCheckBox(self.tr("Show people taken off"))
        self.show_removed.toggled.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("careRegisterSummary")
        self.table = deadline_table(
            "careRegisterTable",
            [
                self.tr("Name"),
                self.tr("Category"),
                self.tr("Grade"),
                self.tr("Phone"),
                self.tr("Address"),
                self.tr("Grid"),
                self.tr("Officer"),
                self.tr("Next visit"),
                self.tr("State"),
            ],
            4,
            self.edit,
        )
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Category")))
        top.addWidget(self.category)
        top.addWidget(self.show_removed)
        top.addStretch(1)
        top.addWidget(self.summary)
        may = officer.may("assign_visits")
        buttons = button_row(
            [
                ("careAdd", self.tr("Add..."), self.add),
                ("careEdit", self.tr("Open..."), lambda: self.edit(self.table.currentRow())),
                ("careRemove", self.tr("Take off the register..."), self.remove),
                ("carePrint", self.tr("Print the register..."), self.print_register),
            ]
        )
        buttons.insertStretch(3, 1)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        for button in self.findChildren(QPushButton):  # who assigns visits changes it
            button.setVisible(may or button.objectName() == "carePrint")
        self.rows: list[care_register.PersonRow] = []

    def refresh(self) -> None:
        try:
            self.rows = care_register.people(
                self.store,
                category=str(self.category.currentData() or ""),
                include_removed=self.show_removed.isChecked(),
            )
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        fill_deadline_table(
            self.table,
            [
                (
                    (
                        r.name,
                        care_category_text(r.category),
                        "" if r.grade is None else str(r.grade),
                        r.phone if not r.safe_contact else self.tr("safe contact - no calls"),
                        r.address,
                        r.grid,
                        r.officer_name,
                        r.next_visit,
                        self.tr("On the register")
                        if r.active
                        else self.tr("Taken off: %1").replace("%1", r.removed_reason),
                    ),
                    False,
                )
                for r in self.rows
            ],
        )
        self.summary.setText(
            self.tr("On the register: %1").replace("%1", str(sum(r.active for r in self.rows)))
        )

    def _changed(self, dialog: QDialog) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def add(self) -> None:
        self._changed(CarePersonDialog(self.store, self.officer, self))

    def edit(self, row: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row].active:
            dialog = CarePersonDialog(self.store, self.officer, self, person_id=self.rows[row].id)
            self._changed(dialog)

    def remove(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.rows)) or not self.rows[row].active:
            self.message.setText(self.tr("Choose a person on the register first."))
            return
        person = self.rows[row]
        reason, ok = QInputDialog.getText(
            self,
            self.tr("Take off the register"),
            self.tr(
                "Why does %1 leave the register (moved away, recovered, died)? The entry is "
                "kept with the reason and the pending care visit is cancelled."
            ).replace("%1", person.name),
        )
        if not ok:
            return
        try:
            care_register.remove_person(self.store, self.officer, person.id, reason)
        except errors.ValidationFailed:
            self.message.setText(
                self.tr("Give the reason: nobody leaves the register without one.")
            )
            return
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        self.message.clear()
        self.refresh()

    def print_register(self) -> None:
        try:
            pdf = documents.care_register_pdf(self.store, by=self.officer)
        except errors.StationDeskError as exc:
            self.message.setText(error_text(exc))
            return
        offer_pdf(
            self,
            pdf,
            self.tr("care-register"),
            self.tr("Print the register"),
            self.tr("The care register is ready. On the register: %1.").replace(
                "%1", str(sum(r.active for r in self.rows))
            ),
            self.tr("Save the register as PDF"),
        )
