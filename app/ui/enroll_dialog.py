"""Linking the station to HQ with a one-time enrolment code, from the window.

A new station, and a station restored onto a replacement PC (whose token stayed in the old PC's
keyring), must be linked before the next sync can take back from HQ what the backup lacked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import errors
from app.db.engine import Store
from app.services import sync
from app.ui.messages import error_text
from app.ui.widgets import FieldBox


class EnrollDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("enrollDialog")
        self.setWindowTitle(self.tr("Link this station to HQ"))
        intro = QLabel(
            self.tr(
                "HQ gives each station a one-time enrolment code. After linking, every record "
                "and change goes to HQ at each sync, and a station restored from a backup takes "
                "back from HQ what the backup lacked."
            )
        )
        intro.setWordWrap(True)
        try:
            known = sync.sync_status(store).hq_url  # a station linked before: its address
        except errors.StationDeskError:
            known = ""
        address = QLineEdit(known)
        address.setMaxLength(300)
        address.setPlaceholderText("https://hq.example.gov.cn:8443")
        self.address = FieldBox(address, "hqAddress", self.tr("HQ address"))
        code = QLineEdit()
        code.setMaxLength(64)
        self.code = FieldBox(code, "enrolmentCode", self.tr("Enrolment code"))
        self.allow_http = QCheckBox(self.tr("Closed police network: allow http://"))
        self.allow_http.setObjectName("allowHttpCheck")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Link"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("HQ address"), self.address)
        form.addRow(self.tr("Enrolment code"), self.code)
        form.addRow("", self.allow_http)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def accept(self) -> None:
        """Errors are said beside the field they concern; what was typed stays."""
        self.address.set_error("")
        self.code.set_error("")
        url = self.address.editor.text().strip()  # type: ignore[attr-defined]
        code = self.code.editor.text().strip()  # type: ignore[attr-defined]
        if not url:
            self.address.set_error(self.tr("Type the address HQ gave you."))
            self.adjustSize()
            return
        if not code:
            self.code.set_error(self.tr("Type the enrolment code from HQ."))
            self.adjustSize()
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            sync.enroll(self.store, url, code, allow_http=self.allow_http.isChecked())
        except (errors.InsecureTransportError, errors.SyncFailedError) as exc:
            self.address.set_error(self._text(exc))
            self.adjustSize()
            return
        except errors.StationDeskError as exc:
            self.code.set_error(self._text(exc))
            self.adjustSize()
            return
        finally:
            QApplication.restoreOverrideCursor()
        super().accept()

    def _text(self, exc: errors.StationDeskError) -> str:
        return {
            "insecure_transport": self.tr(
                "That address would send records unencrypted. Use https://, or tick the box "
                "on a closed police network."
            ),
            "sync_failed": self.tr(
                "HQ cannot be reached at this address. Check it, or try "
                "again when the network is back."
            ),
            "sync_refused": self.tr(
                "HQ did not accept this code: it is unknown, used, expired or for another "
                "unit. Ask HQ for a new one."
            ),
        }.get(exc.code, error_text(exc))
