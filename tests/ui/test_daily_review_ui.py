"""The daily review from the supervision tab, and the comment on the officer's screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from app.services import receiving
from app.ui.main_window import MainWindow
from app.ui.review_ui import DailyReviewDialog
from tests.ui.conftest import when_shown


def test_the_chief_signs_off_yesterday_and_the_officer_sees_the_comment(
    qtbot, app_en, store, officer, chief, catalog, data_dir
) -> None:
    yesterday = dt.datetime.now().astimezone() - dt.timedelta(days=1)
    receiving.receive(store, officer, now=yesterday)  # left unfinished
    window = MainWindow(store, catalog, chief, data_dir)
    qtbot.addWidget(window)
    window.show()
    view = window.views.show("supervision")
    seen: dict[str, str] = {}

    def review(dialog: DailyReviewDialog) -> None:
        seen["flags"] = dialog.table.item(0, 1).text()
        seen["summary"] = dialog.findChild(QWidget, "reviewSummary").text()
        dialog.findChild(QLineEdit, "reviewComment").setText("请补录")
        dialog.findChild(QPushButton, "signAll").click()
        seen["signed"] = dialog.table.item(0, 2).text()
        dialog.reject()

    when_shown(DailyReviewDialog, review)
    view.findChild(QPushButton, "dailyReviewButton").click()
    assert seen["flags"] == "intake not completed"
    assert seen["summary"] == "Reports: 1; to look at: 1; signed off: 0."
    assert seen["signed"] == "yes, with a comment"

    window.hand_over(officer)
    banner = window.findChild(QWidget, "commentsBanner")
    assert banner.isVisible()
    assert (
        "commented on 1 of your reports" in banner.findChild(QWidget, "commentsBannerText").text()
    )
    window.close()


def test_the_officer_asks_from_the_report_and_the_chief_sees_it_in_the_review(
    qtbot, app_en, store, officer, chief, catalog, data_dir
) -> None:
    from PySide6.QtWidgets import QInputDialog

    from app.services import daily_review
    from tests.conftest import good_intake

    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(), catalog)
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    window.open_report(rid)
    form = window.tabs.currentWidget()
    button = form.findChild(QPushButton, "requestReviewButton")
    assert button.isVisible()

    def note(box: QInputDialog) -> None:
        box.setTextValue("报警人对处置不满意")
        box.accept()

    when_shown(QInputDialog, note)
    button.click()
    assert "daily review" in form.ui.state_label.text()
    items = daily_review.review_list(store, catalog, dt.date.today() - dt.timedelta(days=3))
    assert [i.flags[0] for i in items if i.report_id == rid] == ["requested"]
    window.close()
