"""Long work off the window's thread: the receive key is never kept waiting, results and
failures come back on the window's thread where the officer looks."""

from __future__ import annotations

import threading
import time

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget

from app.services import demo, receiving
from app.ui import tasks
from app.ui.intake_form import IntakeForm
from app.ui.main_window import MainWindow
from app.ui.visit_queue import VisitQueueView
from tests.ui.conftest import when_shown

SHEETS = 1000


def queue_window(qtbot, store, officer, catalog, data_dir) -> tuple[MainWindow, VisitQueueView]:
    window = MainWindow(store, catalog, officer, data_dir)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)  # it takes the keyboard when shown
    view = window.views.show("visits")
    assert isinstance(view, VisitQueueView)
    return window, view


def press_f2(qtbot, window: MainWindow) -> float:
    """The receive key as the officer presses it, wherever the focus is; seconds it took."""
    started = time.perf_counter()
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F2)
    return time.perf_counter() - started


def test_f2_while_a_thousand_sheets_render_receives_at_once(
    qtbot, app_en, store, officer, catalog, data_dir
) -> None:
    demo.generate(store, catalog, 1500, seed=5)
    demo.generate_visits(store, catalog, limit=SHEETS)
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM visit LIMIT ?", (SHEETS,))]
    assert len(ids) == SHEETS
    window, view = queue_window(qtbot, store, officer, catalog, data_dir)
    before = len(receiving.unfinished_receipts(store))

    view.print_sheets(ids, "Route")
    job = view.printing.job
    assert job is not None
    qtbot.waitUntil(lambda: view.printing.bar.value() > 0, timeout=30000)  # rendering now
    took = press_f2(qtbot, window)

    # Committed and on screen when the key press returns, with the sheets still rendering.
    assert len(receiving.unfinished_receipts(store)) == before + 1
    form = window.tabs.currentWidget()
    assert isinstance(form, IntakeForm) and form.isVisible()
    assert window.focusWidget() is form.findChild(QLineEdit, "reporterName")
    assert job.running  # the route's job is still at work when the form is up
    assert took < 1.0, f"F2 took {took:.2f} s while sheets rendered"

    # The sheets finish meanwhile; what to do with them waits for the officer at the queue,
    # not in front of the form being typed.
    offered: list[str] = []
    when_shown(QMessageBox, lambda box: (offered.append(box.text()), box.reject()))
    qtbot.waitUntil(lambda: not view.printing.busy, timeout=120000)
    qtbot.wait(300)
    assert not offered and window.tabs.currentWidget() is form
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: offered == [f"{SHEETS} visit sheets are ready."], timeout=5000)
    window.close()


def test_f2_between_two_printed_pages_receives_and_printing_goes_on(
    qtbot, app_en, store, officer, catalog, data_dir, tmp_path
) -> None:
    from app.services import documents

    demo.generate(store, catalog, 200, seed=7)
    demo.generate_visits(store, catalog, limit=30)
    with store.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM visit LIMIT 30")]
    pdf = documents.visit_sheets_pdf(store, catalog, ids)
    window, view = queue_window(qtbot, store, officer, catalog, data_dir)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "route.pdf"
    printer.setOutputFileName(str(out))

    view.printing.send_to_printer(pdf, "route", printer)
    qtbot.waitUntil(lambda: view.printing.bar.value() >= 1, timeout=30000)
    press_f2(qtbot, window)
    assert len(receiving.unfinished_receipts(store)) == 1
    assert isinstance(window.tabs.currentWidget(), IntakeForm)
    assert view.printing.busy  # the key was handled between two pages, not after the run
    qtbot.waitUntil(lambda: not view.printing.busy, timeout=60000)
    assert len(PdfReader(str(out)).pages) == len(ids)
    window.close()


def test_a_failed_job_is_told_in_plain_words_on_the_window(qtbot, app_en) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    owner.show()
    threads: list[int] = []
    said: list[str] = []

    def broken(_progress: tasks.Progress) -> None:
        raise ValueError("the disk went away")

    def read(box: QMessageBox) -> None:
        threads.append(threading.get_ident())
        said.append(box.text())
        box.accept()

    when_shown(QMessageBox, read)
    job = tasks.run_in_thread(broken, lane=tasks.FIGURES, owner=owner)
    with qtbot.waitSignal(job.failed, timeout=10000):
        pass
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "the disk went away" in said[0] and "Traceback" not in said[0]
    assert threads == [threading.main_thread().ident]


def test_results_come_on_the_window_thread_and_a_closed_owner_gets_none(qtbot, app_en) -> None:
    owner = QWidget()
    seen: list[tuple[str, object]] = []
    release = threading.Event()

    def counted(progress: tasks.Progress) -> str:
        for i in range(3):
            progress(i + 1, 3)
        return threading.current_thread().name

    job = tasks.run_in_thread(
        counted,
        lane=tasks.FIGURES,
        owner=owner,
        done=lambda name: seen.append(("done", (name, threading.current_thread().name))),
        progress=lambda done, total: seen.append(("progress", done)),
    )
    with qtbot.waitSignal(job.ended, timeout=10000):
        pass
    assert seen[:3] == [("progress", 1), ("progress", 2), ("progress", 3)]
    worker, receiver = seen[3][1]  # type: ignore[misc]
    assert worker == "desk-figures" and receiver == threading.main_thread().name

    gone = QWidget()
    late: list[object] = []

    def slow(progress: tasks.Progress) -> str:
        release.wait(10)
        progress.check()  # asked to stop when its owner closed
        return "too late"

    job = tasks.run_in_thread(
        slow, lane=tasks.FIGURES, owner=gone, done=late.append, cancelled=lambda: late.append(0)
    )
    gone.deleteLater()
    qtbot.waitUntil(lambda: job.progress.cancelled, timeout=5000)
    release.set()
    qtbot.wait(300)
    assert late == []  # nothing delivered to a closed view
    owner.deleteLater()
