"""A report's history: every revision with who, when, and each field's old and new value."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.catalog import Catalog
from app.domain.report_fields import RECORD_FIELDS
from app.services.reports import RevisionView
from app.ui.labels import display_value, field_label, wall_time
from app.ui.widgets import open_at


class HistoryDialog(QDialog):
    def __init__(
        self,
        serial: str,
        revisions: list[RevisionView],
        catalog: Catalog,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of %1").replace("%1", serial))
        open_at(self, 900, 480)
        table = QTableWidget(0, 6)
        table.setObjectName("historyTable")
        table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Time"),
                self.tr("Officer"),
                self.tr("Action"),
                self.tr("Field"),
                self.tr("Old -> new"),
            ]
        )
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        actions = {
            "receive": self.tr("Receipt drawn"),
            "intake": self.tr("Intake completed"),
            "edit": self.tr("Details corrected"),
            "unfinished": self.tr("Left unfinished"),
            "void": self.tr("Voided"),
            "status": self.tr("Status changed"),
            "colour": self.tr("Early warning assessed"),
            "colour_lift": self.tr("Early warning lifted"),
            "safe_contact": self.tr("Made safe-contact"),
            "renumber": self.tr("Renumbered (its number was drawn twice)"),
        }
        # Field order as on the form, not alphabetical: the form is how officers think of it.
        order = {name: i for i, name in enumerate(RECORD_FIELDS)}

        def shown(field: str, value: object) -> str:
            return display_value(field, value, catalog, lang)

        for rev in revisions:
            changes = rev.changes or {"": ["", ""]}
            for field, (old, new) in sorted(changes.items(), key=lambda c: order.get(c[0], 99)):
                row = table.rowCount()
                table.insertRow(row)
                values = (
                    str(rev.revision_no),
                    wall_time(rev.recorded_at, seconds=True),
                    rev.officer_name,
                    actions.get(rev.action, rev.action),
                    field_label(field) if field else "",
                    f"{shown(field, old)}  →  {shown(field, new)}" if field else "",
                )
                for col, value in enumerate(values):
                    table.setItem(row, col, QTableWidgetItem(value))
        table.resizeColumnsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
