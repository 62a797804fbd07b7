"""The care register as the community police work it: Ctrl+G lists it, an entry opens with
its details, a new grade asks why, taking someone off asks why, and the register prints."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QInputDialog, QMessageBox, QPushButton

from app.services import care_register
from app.ui.care_person_dialog import CarePersonDialog
from app.ui.care_register_view import CareRegisterView
from app.ui.main_window import MainWindow
from tests.ui.conftest import when_shown


def test_the_register_is_listed_regraded_taken_off_and_printed(
    qtbot, app_en, store, chief, catalog, data_dir
) -> None:
    ill = care_register.register_person(
        store, chief, name="张明", category="mental_illness", grade=1, phone="13912345678"
    )
    care_register.register_person(store, chief, name="刘桂兰", category="elderly_alone")
    window = MainWindow(store, catalog, chief, data_dir)
    qtbot.addWidget(window)
    window.show()
    view = window.views.show("register")
    assert isinstance(view, CareRegisterView) and view.table.rowCount() == 2
    row = next(i for i, p in enumerate(view.rows) if p.id == ill)
    assert view.table.item(row, 1).text() == "Severe mental illness"

    def regrade(dialog: CarePersonDialog) -> None:
        assert dialog.findChild(QComboBox, "careCategory").isEnabled() is False
        grade = dialog.findChild(QComboBox, "careGrade")
        grade.setCurrentIndex(grade.findData(3))

        def why(box: QInputDialog) -> None:
            box.setTextValue("复诊病情加重")
            box.accept()

        when_shown(QInputDialog, why)
        dialog.save()

    when_shown(CarePersonDialog, regrade)
    view.edit(row)
    assert care_register.get_person(store, ill)["grade"] == 3
    assert view.table.item(row, 2).text() == "3"

    view.table.selectRow(row)

    def reason(box: QInputDialog) -> None:
        box.setTextValue("已迁往外地")
        box.accept()

    when_shown(QInputDialog, reason)
    view.findChild(QPushButton, "careRemove").click()
    assert [p.name for p in view.rows] == ["刘桂兰"]
    view.show_removed.setChecked(True)
    gone = next(i for i, p in enumerate(view.rows) if p.id == ill)
    assert "已迁往外地" in view.table.item(gone, 8).text()

    seen: list[str] = []

    def offered(box: QMessageBox) -> None:
        seen.append(box.text())
        box.reject()

    when_shown(QMessageBox, offered)
    view.findChild(QPushButton, "carePrint").click()
    assert seen and "On the register: 1." in seen[0]
    window.close()
