"""First run on an empty data folder: the station's identity, its chief and its administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWizard,
    QWizardPage,
)

from app import errors
from app.db.engine import Store
from app.services import station
from app.ui.messages import error_text, field_error_text
from app.ui.widgets import FieldBox


class SetupWizard(QWizard):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("StationDesk - set up this station"))
        self.setMinimumWidth(560)

        unit = QWizardPage()
        unit.setTitle(self.tr("Receiving unit"))
        unit.setSubTitle(
            self.tr(
                "Every receipt is stamped with this unit. The unit code forms the serial numbers."
            )
        )
        self.unit_code = FieldBox(QLineEdit(), "unitCode", self.tr("Unit code"))
        self.unit_name = FieldBox(QLineEdit(), "unitName", self.tr("Unit name"))
        self.parent_bureau = FieldBox(QLineEdit(), "parentBureau", self.tr("Parent bureau"))
        self.contact_phone = FieldBox(QLineEdit(), "contactPhone", self.tr("Contact phone"))
        form = QFormLayout(unit)
        form.addRow(self.tr("Unit code"), self.unit_code)
        form.addRow(self.tr("Unit name"), self.unit_name)
        form.addRow(self.tr("Parent bureau"), self.parent_bureau)
        form.addRow(self.tr("Public phone for reporters *"), self.contact_phone)
        restore = QPushButton(self.tr("This station exists: restore it from a backup..."))
        restore.setObjectName("restoreInsteadButton")
        restore.clicked.connect(self._restore_instead)
        form.addRow(restore)
        self.addPage(unit)
        self.restored = False

        officer = QWizardPage()
        officer.setTitle(self.tr("First account"))
        officer.setSubTitle(
            self.tr("The first account is the station chief's; more officers can be added later.")
        )
        self.badge = FieldBox(QLineEdit(), "officerBadge", self.tr("Badge number"))
        self.officer_name = FieldBox(QLineEdit(), "officerName", self.tr("Name"))
        pw = QLineEdit()
        pw.setEchoMode(QLineEdit.EchoMode.Password)
        pw2 = QLineEdit()
        pw2.setEchoMode(QLineEdit.EchoMode.Password)
        self.password = FieldBox(pw, "password", self.tr("Password"))
        self.password2 = FieldBox(pw2, "passwordRepeat", self.tr("Repeat password"))
        form = QFormLayout(officer)
        form.addRow(self.tr("Badge number"), self.badge)
        form.addRow(self.tr("Name"), self.officer_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.password2)
        self.addPage(officer)

        admin = QWizardPage()
        admin.setTitle(self.tr("Administrator"))
        admin.setSubTitle(
            self.tr(
                "The administrator adds officers, resets forgotten passwords and unlocks "
                "accounts. This account handles no cases; give it to someone other than the "
                "chief where the station can."
            )
        )
        self.admin_badge = FieldBox(QLineEdit(), "adminBadge", self.tr("Badge number"))
        self.admin_name = FieldBox(QLineEdit(), "adminName", self.tr("Name"))
        apw = QLineEdit()
        apw.setEchoMode(QLineEdit.EchoMode.Password)
        apw2 = QLineEdit()
        apw2.setEchoMode(QLineEdit.EchoMode.Password)
        self.admin_password = FieldBox(apw, "adminPassword", self.tr("Password"))
        self.admin_password2 = FieldBox(apw2, "adminPasswordRepeat", self.tr("Repeat password"))
        form = QFormLayout(admin)
        form.addRow(self.tr("Badge number"), self.admin_badge)
        form.addRow(self.tr("Name"), self.admin_name)
        form.addRow(self.tr("Password"), self.admin_password)
        form.addRow(self.tr("Repeat password"), self.admin_password2)
        self.addPage(admin)

    def _restore_instead(self) -> None:
        """A replacement PC: the station is not set up again but restored; the file made for
        a new station is put aside by the restore."""
        from app.ui.restore_wizard import RestoreWizard

        self.store.close()
        wizard = RestoreWizard(self.store.path.parent, self)
        if wizard.exec() == QWizard.DialogCode.Accepted:
            self.restored = True
            super().accept()

    def _text(self, box: FieldBox) -> str:
        editor = box.editor
        assert isinstance(editor, QLineEdit)
        return editor.text()

    def accept(self) -> None:
        boxes = {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "contact_phone": self.contact_phone,
            "officer_badge": self.badge,
            "officer_name": self.officer_name,
            "password": self.password,
            "admin_officer_badge": self.admin_badge,
            "admin_officer_name": self.admin_name,
            "admin_password": self.admin_password,
        }
        for box in (*boxes.values(), self.password2, self.admin_password2):
            box.set_error("")
        mismatch = False
        for first, second in (
            (self.password, self.password2),
            (self.admin_password, self.admin_password2),
        ):
            if self._text(first) != self._text(second):
                second.set_error(field_error_text("password", "password_mismatch"))
                mismatch = True
        if not self._text(self.admin_badge).strip():
            self.admin_badge.set_error(field_error_text("admin_officer_badge", "required_here"))
            mismatch = True
        if mismatch:
            return
        try:
            station.set_up_station(
                self.store,
                unit_code=self._text(self.unit_code),
                unit_name=self._text(self.unit_name),
                parent_bureau=self._text(self.parent_bureau),
                contact_phone=self._text(self.contact_phone),
                officer_badge=self._text(self.badge),
                officer_name=self._text(self.officer_name),
                password=self._text(self.password),
                admin_badge=self._text(self.admin_badge),
                admin_name=self._text(self.admin_name),
                admin_password=self._text(self.admin_password),
            )
        except errors.ValidationFailed as exc:
            for name, code in exc.errors.items():
                if name in boxes:
                    boxes[name].set_error(field_error_text(name, code))
            if {"unit_code", "unit_name", "contact_phone"} & exc.errors.keys():
                self.restart()
            elif not any(name.startswith("admin_") for name in exc.errors):
                self.back()  # the chief's page holds the mistake
            return
        except errors.StationDeskError as exc:
            QMessageBox.critical(self, self.windowTitle(), error_text(exc))
            return
        super().accept()
