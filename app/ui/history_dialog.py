"""A report's history: every revision with who, when, and each field's old and new value."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.services.reports import RevisionView


class HistoryDialog(QDialog):
    def __init__(self, serial: str, revisions: list[RevisionView], parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History of %1").replace("%1", serial))
        self.resize(900, 480)
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
        }
        for rev in revisions:
            changes = rev.changes or {"": ["", ""]}
            for field, (old, new) in sorted(changes.items()):
                row = table.rowCount()
                table.insertRow(row)
                values = (
                    str(rev.revision_no),
                    rev.recorded_at.replace("T", " "),
                    rev.officer_name,
                    actions.get(rev.action, rev.action),
                    field,
                    f"{_show(old)}  ->  {_show(new)}" if field else "",
                )
                for col, value in enumerate(values):
                    table.setItem(row, col, QTableWidgetItem(value))
        layout = QVBoxLayout(self)
        layout.addWidget(table)


def _show(value: object) -> str:
    if value in ("", None):
        return "-"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
