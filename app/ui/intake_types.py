"""Choosing the incident type on the intake form: the list that follows what is typed, and what
the chosen type brings with it (its handling steps, its required fields, safe contact)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem

from app.domain.catalog import Catalog, filter_types
from app.services.receiving import required_fields
from app.ui.intake_layout import IntakeLayout


class IncidentTypePicker(QObject):
    chosen = Signal(str)  # by the officer, from the list
    safe_contact_required = Signal()  # the chosen type is always safe contact
    passed = Signal()  # Enter with nothing to choose

    def __init__(self, ui: IntakeLayout, catalog: Catalog, lang: str) -> None:
        super().__init__(ui)
        self.ui, self.catalog, self.lang = ui, catalog, lang
        self.code = ""
        line = ui.line("incident_type")
        line.textEdited.connect(self.filter)
        line.returnPressed.connect(self.choose_first)
        ui.type_list.itemClicked.connect(self._choose_item)
        ui.type_list.itemActivated.connect(self._choose_item)

    def filter(self, text: str) -> None:
        self.ui.type_list.clear()
        self.ui.type_list.setVisible(bool(text.strip()))  # room for the matches only while typing
        for t in filter_types(self.catalog, text, self.lang)[:30]:
            item = QListWidgetItem(f"{t.name(self.lang)}  ·  {t.code}")
            item.setData(Qt.ItemDataRole.UserRole, t.code)
            self.ui.type_list.addItem(item)
        if self.ui.type_list.count():
            self.ui.type_list.setCurrentRow(0)
        self._say_no_match(text)

    def _say_no_match(self, text: str) -> None:
        """Typed text that matches no type is said at once, beside the field."""
        box = self.ui.boxes["incident_type"]
        if text.strip() and not self.ui.type_list.count():
            box.set_error(
                self.tr('No incident type matches "%1": try the pinyin initials, e.g. dq.').replace(
                    "%1", text.strip()
                )
            )
        else:
            box.set_error("")

    def choose_first(self) -> None:
        item = self.ui.type_list.currentItem() or self.ui.type_list.item(0)
        text = self.ui.line("incident_type").text()
        if item is not None:
            self._choose_item(item)
        elif self.code or not text.strip():
            self.passed.emit()  # nothing new typed: Enter goes on to the next field
        else:
            self._say_no_match(text)

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.set_type(item.data(Qt.ItemDataRole.UserRole))
        self.ui.type_list.clear()  # chosen: the matches are done with
        self.ui.type_list.hide()
        self.ui.boxes["incident_type"].set_error("")
        self.chosen.emit(self.code)

    def checked_steps(self) -> list[int]:
        steps = self.ui.steps
        return [
            i for i in range(steps.count()) if steps.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_type(
        self, code: str, keep_text: str | None = None, checked: list[int] | None = None
    ) -> None:
        """Shows `code` (unknown: none) with its steps, `checked` of them ticked; the type's
        line keeps `keep_text` when given (what the officer typed), else the type's name."""
        ui = self.ui
        self.code = code if code in self.catalog.by_code else ""
        ui.steps.blockSignals(True)
        ui.steps.clear()
        for name, label in ui.labels.items():  # required known up front, before a type too
            required = ("incident_type", *required_fields(self.code, self.catalog))
            label.setText(label.text().rstrip(" *") + (" *" if name in required else ""))
        if not self.code:
            ui.type_label.setText("")
            ui.steps_hint.show()
            if keep_text is not None:
                ui.line("incident_type").setText(keep_text)
            ui.steps.blockSignals(False)
            return
        itype = self.catalog.get(code)
        if itype.safe_contact:
            self.safe_contact_required.emit()
        ui.line("incident_type").setText(keep_text if keep_text else itype.name(self.lang))
        ui.type_label.setText(self._describe(code))
        ui.steps_hint.hide()
        for i, step in enumerate(itype.steps):
            item = QListWidgetItem(f"{i + 1}. {step.text(self.lang)}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if checked and i in checked else Qt.CheckState.Unchecked
            )
            ui.steps.addItem(item)
        ui.steps.blockSignals(False)

    def _describe(self, code: str) -> str:
        itype = self.catalog.get(code)
        department = (
            itype.referral_department_zh
            if self.lang.startswith("zh")
            else itype.referral_department_en
        )
        extras = []
        if itype.dispute:
            extras.append(self.tr("dispute: return visits required"))
        if itype.safe_contact:
            extras.append(
                self.tr("safe contact: never contact the victim where the other party could see")
            )
        if itype.non_police:
            extras.append(self.tr("non-police matter: refer to %1").replace("%1", department))
        group = self.catalog.group_name(itype.group, self.lang)
        return f"{itype.name(self.lang)} ({itype.code}, {group})" + (
            "\n" + "\n".join(extras) if extras else ""
        )
