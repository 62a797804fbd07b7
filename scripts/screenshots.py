"""Grab every screen of the desk to PNG, in one language, on a throw-away demo station.

    .venv/bin/python scripts/screenshots.py --lang zh_CN --out shots/
    .venv/bin/python scripts/screenshots.py --every-window --lang en --out shots/

Used to refresh the README pictures and to look at screens after UI changes. Runs offscreen
unless QT_QPA_PLATFORM says otherwise: on Xvfb (QT_QPA_PLATFORM=xcb, DISPLAY) with
QT_SCALE_FACTOR=1.25 it shows what a laptop at 125% shows. `--every-window` grabs each window
and dialog of tests/ui/every_window.py (the list the fit test checks) at the size it opens at.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget  # noqa: E402

if TYPE_CHECKING:
    from app.db.engine import Store
    from app.domain.catalog import Catalog

PASSWORD = "demo1234"
ROOT = Path(__file__).resolve().parents[1]


def grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=Path("shots"))
    parser.add_argument("--records", type=int, default=300)
    parser.add_argument(
        "--size",
        default="",
        help="WIDTHxHEIGHT of the main window, e.g. 1024x768 (the smallest desk screen)",
    )
    parser.add_argument("--every-window", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from app.ui.application import make_application

    make_application(args.lang)
    from app.db.station_file import open_station
    from app.domain.catalog import load_catalog
    from app.services import demo, receiving, station, visit_queries
    from app.ui.main_window import MainWindow
    from app.ui.setup_wizard import SetupWizard
    from app.ui.sign_in import SignInDialog

    out: Path = args.out
    suffix = args.lang
    with tempfile.TemporaryDirectory() as tmp:
        store = open_station(Path(tmp), create=True)
        catalog = load_catalog()

        wizard = SetupWizard(store)
        wizard.show()
        grab(wizard, out / f"setup-unit-{suffix}.png")
        wizard.next()
        wizard.password2.set_error("两次输入的密码不一致" if suffix == "zh_CN" else "Mismatch")
        grab(wizard, out / f"setup-officer-{suffix}.png")
        wizard.close()

        station.set_up_station(
            store,
            unit_code="140107",
            unit_name="杏花岭分局三桥派出所",
            parent_bureau="太原市公安局杏花岭分局",
            contact_phone="0351-3041234",
            officer_badge="000001",
            officer_name="赵毅君",
            password=PASSWORD,
        )
        demo.generate(store, catalog, args.records)
        demo.generate_visits(store, catalog)
        if args.every_window:
            every_window(store, catalog, Path(tmp), args.lang, out)
            store.close()
            return 0

        sign_in = SignInDialog(store)
        sign_in.show()
        sign_in.badge.setText("000001")
        sign_in.password.setText("wrong-password")
        sign_in.accept()
        grab(sign_in, out / f"sign-in-error-{suffix}.png")
        sign_in.close()

        officer = station.sign_in(store, "000001", PASSWORD)
        window = MainWindow(store, catalog, officer, Path(tmp))
        if args.size:
            width, height = (int(n) for n in args.size.lower().split("x"))
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.setMaximumSize(width, height)  # what a screen of that size allows
            window.resize(width, height)
        window.show()
        window.receive()
        form = window.tabs.currentWidget()
        report_id = form.report_id  # type: ignore[attr-defined]
        grab(window, out / f"intake-empty-{suffix}.png")
        form.apply_fields(  # type: ignore[attr-defined]
            {
                "reporter_name": "张丽",
                "reporter_phone": "13812345678",
                "reporter_id_number": "14010719620315002",
                "reporter_address": "太原市杏花岭区敦化坊街道富力城5栋2单元1101室",
                "incident_type": "H01",
                "incident_time": "2024-01-02 21:40",
                "incident_place": "富力城小区北门",
                "summary": "报警人称其丈夫（62岁，患阿尔茨海默病）于21时许外出散步未归，身穿灰色羽绒服。",
                "_checklist": [0],
            }
        )
        form.save()  # type: ignore[attr-defined]  # shows the message beside the ID number
        grab(window, out / f"intake-form-{suffix}.png")
        window.tabs.setCurrentWidget(window.desk)
        window.refresh_desk()
        grab(window, out / f"receive-desk-{suffix}.png")

        window.views.show("reports")
        assert window.views.browser is not None
        window.views.browser.search.setText("zh")
        QApplication.processEvents()
        QTimer.singleShot(0, lambda: None)
        QApplication.processEvents()
        grab(window, out / f"reports-{suffix}.png")

        window.views.show("shift")
        assert window.views.shift is not None
        grab(window, out / f"shift-end-{suffix}.png")

        closed = next(
            r.id
            for r in receiving.shift_receipts(store, dt.datetime(2000, 1, 1).astimezone())
            if r.status == "closed"
        )

        from app.services import reports
        from app.ui.history_dialog import HistoryDialog

        record = reports.get_report(store, closed)
        history = HistoryDialog(
            record["serial"], reports.history(store, closed), catalog, args.lang, window
        )
        history.show()
        grab(history, out / f"history-{suffix}.png")
        history.close()

        from app.services import documents
        from app.ui.pdf_print import preview_pdf

        pdf = documents.receipt_slip_pdf(store, catalog, closed, args.lang)
        preview = preview_pdf(window, pdf, record["serial"])
        preview.resize(1000, 800)

        def shoot_preview() -> None:
            grab(preview, out / f"print-preview-{suffix}.png")
            preview.reject()

        QTimer.singleShot(300, shoot_preview)
        preview.exec()

        def shoot_box() -> None:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QMessageBox) and w.isVisible():
                    grab(w, out / f"print-choice-{suffix}.png")
                    w.reject()

        QTimer.singleShot(200, shoot_box)
        window.print_slip(report_id)

        def shoot_settings() -> None:
            for w in QApplication.topLevelWidgets():
                if isinstance(w, QDialog) and w.isVisible():
                    grab(w, out / f"settings-{suffix}.png")
                    w.reject()

        QTimer.singleShot(200, shoot_settings)
        window.show_settings()

        from app.ui.visit_outcome import VisitOutcomeDialog
        from app.ui.visit_queue import RatesDialog

        window.views.show("visits")
        assert window.views.visits is not None
        window.views.visits.tree.selectionModel().clear()
        month_line = time.monotonic() + 5  # the month's figures follow the counts
        while "%" not in window.views.visits.summary.text() and time.monotonic() < month_line:
            QApplication.processEvents()
            time.sleep(0.02)
        grab(window, out / f"visit-queue-{suffix}.png")
        queue = visit_queries.queue(store, visit_queries.QueueFilter())
        row = (queue.due_today or queue.upcoming or queue.overdue)[0]
        window.views.visits.code_edit.setText("V0000000-1")
        window.views.visits.open_code()
        grab(window, out / f"visit-code-error-{suffix}.png")
        (detail,) = visit_queries.details(store, [row.id])
        outcome = VisitOutcomeDialog(store, catalog, officer, detail, args.lang, window)
        outcome.show()
        outcome.save()  # "done" with no answers: the groups say what is missing
        grab(outcome, out / f"visit-outcome-{suffix}.png")
        outcome.close()
        rates = RatesDialog(store, window)
        rates.month.setCurrentIndex(1)  # last month: complete figures
        rates.show()
        grab(rates, out / f"visit-rates-{suffix}.png")
        rates.close()
        pdf = documents.visit_sheets_pdf(store, catalog, [row.id])
        (out / f"visit-sheet-{suffix}.pdf").write_bytes(pdf)

        from app.ui.enroll_dialog import EnrollDialog

        grab(window, out / f"not-linked-{suffix}.png")
        link = EnrollDialog(store, window)
        link.address.editor.setText("http://10.12.0.8:8443")  # type: ignore[attr-defined]
        link.code.editor.setText("7KQ2-M9XD")  # type: ignore[attr-defined]
        link.show()
        link.accept()  # plain http to a remote address: said beside the address
        grab(link, out / f"link-to-hq-{suffix}.png")
        link.close()
        window.close()
        store.close()
    return 0


def every_window(store: Store, catalog: Catalog, data_dir: Path, lang: str, out: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from app.services import station
    from tests.ui.every_window import WINDOWS, Station, prepare

    for badge, name, role in (("100299", "陈晓东", "officer"), ("900099", "孙立新", "admin")):
        station.add_officer(store, badge=badge, name=name, password=PASSWORD, role=role)
    desk = Station(
        store,
        catalog,
        station.sign_in(store, "100299", PASSWORD),
        station.sign_in(store, "000001", PASSWORD),
        station.sign_in(store, "900099", PASSWORD),
        data_dir,
        lang,
    )
    prepare(desk)
    parent = QWidget()
    for name, build in WINDOWS.items():
        window = build(desk, parent)
        window.show()
        for _ in range(20):  # what a view fills in after it is shown
            QApplication.processEvents()
            time.sleep(0.02)
        grab(window, out / f"window-{name}-{lang}.png")
        window.close()


if __name__ == "__main__":
    raise SystemExit(main())
