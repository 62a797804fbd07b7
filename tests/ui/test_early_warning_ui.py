"""The officer sets a dispute's colour from the intake form; an override must say why."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton

from app.services import case_files, early_warning, receiving
from app.ui.early_warning_dialog import EarlyWarningDialog
from app.ui.main_window import MainWindow
from tests.conftest import good_intake
from tests.ui.conftest import answer_next_question, when_shown


def test_colour_set_with_an_override_and_shown_on_form_list_and_case(
    qtbot, app_en, store, officer, catalog, data_dir, tmp_path
) -> None:
    ids = []
    for _ in range(3):
        rid = receiving.receive(store, officer).id
        receiving.save_intake(store, officer, rid, good_intake(incident_type="D02"), catalog)
        ids.append(rid)
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    window.open_report(ids[-1])
    form = window.tabs.currentWidget()
    label = form.findChild(QLabel, "intakeWarningColour")
    assert label.isVisible() and "not assessed yet" in label.text()
    case_line = form.findChild(QLabel, "intakeCaseFile").text()  # one case, one file
    assert case_line.startswith("Case file AJ") and "3 reports" in case_line
    seen: dict[str, str] = {}

    def assess(dialog: EarlyWarningDialog) -> None:
        dialog.findChild(QCheckBox, "factor_violence").setChecked(True)
        seen["suggested"] = dialog.findChild(QLabel, "suggestedColour").text()
        colour = dialog.findChild(QComboBox, "warningColour")
        colour.setCurrentIndex(colour.findData("red"))
        seen["outcome"] = dialog.findChild(QLabel, "warningOutcome").text()
        dialog.save()  # no reason yet: refused in place, the ticks stay
        seen["refused"] = dialog.findChild(QLabel, "warningMessage").text()
        assert dialog.findChild(QCheckBox, "factor_violence").isChecked()
        qtbot.keyClicks(dialog.findChild(QLineEdit, "colourReason"), "threatened to burn the flat")
        if os.environ.get("STATIONDESK_SCREENSHOTS"):
            dialog.grab().save(str(tmp_path / "early-warning.png"))
        dialog.save()

    when_shown(EarlyWarningDialog, assess)
    qtbot.mouseClick(form.findChild(QPushButton, "earlyWarningButton"), Qt.MouseButton.LeftButton)
    assert "Yellow" in seen["suggested"] and "score 3" in seen["suggested"]
    assert "110 command centre" in seen["outcome"] and "interval: 1 days" in seen["outcome"]
    assert "Say why" in seen["refused"]
    state = early_warning.state(store, ids[-1])
    assert (state.colour, state.suggested, state.reason) == (
        "red",
        "yellow",
        "threatened to burn the flat",
    )
    assert "Red" in label.text() and "110 command centre" in label.text()
    case = case_files.case_files(store)[0]
    assert case.colour == "red"
    window.views.show("cases")
    view = window.tabs.currentWidget()
    assert view.table.item(0, 7).text() == "Red"
    window.close()


def test_a_warning_letter_drafted_at_the_desk_and_approved_by_the_chief(
    qtbot, app_en, store, officer, chief, catalog, data_dir, tmp_path
) -> None:
    from app.services import warning_letters
    from app.ui.warning_letter_dialog import WarningLetterDialog

    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(incident_type="C09"), catalog)
    seen: dict[str, str] = {}

    def draft(dialog: WarningLetterDialog) -> None:
        assert dialog.findChild(QLineEdit, "letter_victim_name").text() == "王芳"
        dialog.findChild(QPushButton, "letter_save").click()  # no abuser named yet
        seen["error"] = dialog.findChild(QLabel, "letter_abuser_nameError").text()
        dialog.findChild(QLineEdit, "letter_abuser_name").setText("王大力")
        dialog.findChild(QPushButton, "letter_save").click()
        seen["state"] = dialog.findChild(QLabel, "letterState").text()
        seen["approve_shown"] = str(dialog.findChild(QPushButton, "letter_approve").isVisible())
        dialog.accept()

    when_shown(WarningLetterDialog, draft)
    WarningLetterDialog(store, officer, rid).exec()
    assert seen["error"] == "Required for this incident type."
    assert "awaiting the station chief" in seen["state"] and seen["approve_shown"] == "False"

    asked: list[list[str]] = []

    def approve(dialog: WarningLetterDialog) -> None:
        asked.append(answer_next_question())
        dialog.findChild(QPushButton, "letter_approve").click()
        seen["approved"] = dialog.findChild(QLabel, "letterState").text()
        if os.environ.get("STATIONDESK_SCREENSHOTS"):
            dialog.grab().save(str(tmp_path / "warning-letter.png"))
        dialog.accept()

    when_shown(WarningLetterDialog, approve)
    WarningLetterDialog(store, chief, rid).exec()
    letter = warning_letters.letter_of_report(store, rid)
    assert letter.status == "approved" and letter.serial in seen["approved"]
    assert "cannot be undone" in asked[0][0]  # an official act says what it does first


def test_the_chief_sees_the_supervision_tab_with_its_figures(
    qtbot, app_en, store, chief, officer, catalog, data_dir, tmp_path
) -> None:
    from app.ui.supervision_view import SupervisionView

    for code in ("D02", "D02", "C01"):
        rid = receiving.receive(store, officer).id
        receiving.save_intake(store, officer, rid, good_intake(incident_type=code), catalog)
    receiving.receive(store, officer)  # left unfinished
    early_warning.assess(store, officer, ids_of(store)[0], ["weapon"])
    window = MainWindow(store, catalog, chief, data_dir)
    qtbot.addWidget(window)
    window.resize(1280, 860)
    window.show()
    window.views.show("supervision")
    view = window.tabs.currentWidget()
    assert isinstance(view, SupervisionView)
    # every press, as the desk counts them (the unfinished one too); the chart holds the typed
    assert view.cards["today"].text() == "4" == window.desk.received.text()
    assert sum(r[1] for r in view.today_chart.rows) == 3
    assert view.cards["unfinished"].text() == "1"
    # the second family dispute within 60 days, and the third report from the same phone
    assert view.cards["repeats"].text() == "2"
    assert [r[:2] for r in view.today_chart.rows][:1] == [("Family dispute", 2)]
    assert ("Orange", 1) in [r[:2] for r in view.colour_chart.rows]
    if os.environ.get("STATIONDESK_SCREENSHOTS"):
        window.grab().save(str(tmp_path / "supervision.png"))
    window.close()


def ids_of(store) -> list[str]:
    from sqlalchemy import select

    from app.db.models import Report

    with store.read() as s:
        return list(
            s.scalars(
                select(Report.id).where(Report.incident_type == "D02").order_by(Report.serial)
            )
        )


def test_chart_names_are_drawn_whole_in_english_at_1024_pixels(app_en, catalog) -> None:
    """A chart of the supervision tab at 1,024 pixels (about 410 wide) draws every type's
    English name whole (and its tooltip holds them all)."""
    from PySide6.QtGui import QColor

    from app.ui.supervision_view import BarChart

    chart = BarChart("x")
    chart.resize(410, 200)
    metrics = chart.fontMetrics()
    cut = []
    for t in catalog.types:
        chart.set_rows([(t.name("en"), 1, QColor("blue"))])
        if metrics.horizontalAdvance(t.name("en")) + 6 > chart.label_width(metrics):
            cut.append(t.name("en"))
            assert t.name("en") in chart.toolTip()  # read in full on hover
    assert cut == []


def test_the_committee_notice_and_check_are_recorded_under_an_approved_letter(
    qtbot, app_en, store, officer, chief, catalog
) -> None:
    from PySide6.QtWidgets import QGroupBox

    from app.services import warning_letters
    from app.ui.warning_letter_dialog import WarningLetterDialog

    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(incident_type="C09"), catalog)
    letter_id = warning_letters.draft(
        store, officer, rid, warning_letters.LetterDraft("王大力", "王芳", "酒后殴打")
    )
    dialog = WarningLetterDialog(store, officer, rid)
    qtbot.addWidget(dialog)
    dialog.show()
    box = dialog.findChild(QGroupBox, "letterCommittee")
    assert not box.isVisible()  # a draft is not sent to anyone yet
    warning_letters.approve(store, chief, letter_id)
    dialog.reload()
    assert box.isVisible()
    box.findChild(QPushButton, "committee_notify").click()  # nothing typed
    assert box.name.error.text() and box.contact.error.text()
    box.name.editor.setText("富力城社区居民委员会")
    box.contact.editor.setText("王主任")
    combo = box.findChild(QComboBox, "committee_how")
    combo.setCurrentIndex(combo.findData("in_person"))
    box.findChild(QPushButton, "committee_notify").click()
    state = box.findChild(QLabel, "committeeState").text()
    assert "富力城社区居民委员会 told (王主任, In person)" in state and "is due" in state
    assert not box.name.isVisible()
    box.check_note.editor.setText("居委会回访，未再发生")
    box.findChild(QPushButton, "committee_check").click()
    assert "Checked on" in box.findChild(QLabel, "committeeState").text()
    assert warning_letters.get(store, letter_id).committee_checked_on
