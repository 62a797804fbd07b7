"""Work the desk does off the window's thread, one way for all of it.

A job runs somewhere else and tells the window, on the window's thread, how it goes: progress,
then exactly one of its result, its failure or that it was cancelled. Three places to run:

* `run_in_thread`: a lane's worker thread, for work in Python that would freeze the window (the
  audit check, a backup, the month's figures, visit sheets, the weekly report). Each kind of
  work has a lane of its own with one thread, so two backups never run at once and a long
  batch of sheets never delays a backup. Work that runs in worker processes (the audit check
  and a backup's read-back fan out through `app.workers`) is started from a lane thread like
  any other: the lane waits for the processes and reports as the call returns.
* `run_process`: a child process (the sync run), for work that must not share this process;
  its output is parsed into the result when it ends, and cancelling ends the process.
* `run_steps`: on the window's thread, one step per turn of the event loop, for what Qt allows
  only there (a page at a time to a printer). Between two steps every key press is handled as
  usual, and never from inside a step, so a press of F2 never runs in the middle of a job.

The lanes are plain daemon threads rather than a QThreadPool: closing the window never waits
for a check of a million reports to end, and interpreter shut-down never waits on a Qt pool
that needs Python to finish its work.

The work never touches widgets; what it returns is handed to `done`. A failure comes back as
a `StationDeskError` (anything else is logged with its traceback and said in plain words), to
`failed` or, without one, as a message on the owner's window: never a traceback. A job whose
owner was closed meanwhile is asked to stop, and nothing of it is delivered.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
from collections.abc import Callable, Generator
from inspect import GEN_CREATED, getgeneratorstate
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QEvent, QObject, QProcess, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from app import errors

T = TypeVar("T")
log = logging.getLogger("stationdesk.ui.tasks")

OK, FAILED, CANCELLED = "ok", "failed", "cancelled"


class Cancelled(Exception):  # noqa: N818 - a way to stop, not an error
    """Raised by work that stopped because a cancel was asked for."""


class Progress:
    """What the work holds of its job: call it with (done, total) as the work goes; it answers
    False once a cancel was asked for, and the work then stops (raising `Cancelled`, or
    returning what it has when part of it is a result, as pages already printed are)."""

    def __init__(self, report: Callable[[int, int], None]) -> None:
        self._report = report
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        self._report(done, total)
        return not self._cancel.is_set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def _request_cancel(self) -> None:
        self._cancel.set()


Done = Callable[[Any], None]
Failed = Callable[[errors.StationDeskError], None]


class Job(QObject, Generic[T]):
    """One job as the window sees it. Kept alive until it has ended, whoever holds it."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # a StationDeskError
    cancelled = Signal()
    ended = Signal()  # after whichever of the three

    _outcome = Signal(str, object)  # from wherever the work runs to the window's thread
    _step = Signal(int, int)

    def __init__(
        self,
        owner: QObject | None,
        *,
        done: Callable[[T], None] | None = None,
        failed: Failed | None = None,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self._owner = owner
        self._on_done, self._on_failed = done, failed
        self._on_progress, self._on_cancelled = progress, cancelled
        self.progress = Progress(self._step.emit)
        self.running = True
        queued = Qt.ConnectionType.QueuedConnection
        self._outcome.connect(self._deliver, queued)
        self._step.connect(self._stepped, queued)
        if owner is not None:
            owner.destroyed.connect(self.cancel)
        _LIVE.add(self)

    def cancel(self) -> None:
        """Asks the work to stop; what it then says (cancelled, or a partial result) follows."""
        self.progress._request_cancel()

    # -- on the window's thread ----------------------------------------------------------
    def _owner_gone(self) -> bool:
        return self._owner is not None and not shiboken6.isValid(self._owner)

    def _stepped(self, done: int, total: int) -> None:
        if not self.running or self._owner_gone():
            return
        self.progressed.emit(done, total)
        if self._on_progress is not None:
            self._on_progress(done, total)

    def _deliver(self, kind: str, value: object) -> None:
        if not self.running:
            return
        self.running = False
        try:
            if not self._owner_gone():
                self._tell(kind, value)
        finally:
            self.ended.emit()
            _LIVE.discard(self)
            self.deleteLater()

    def _tell(self, kind: str, value: Any) -> None:
        if kind == OK:
            self.succeeded.emit(value)
            if self._on_done is not None:
                self._on_done(value)
        elif kind == CANCELLED:
            self.cancelled.emit()
            if self._on_cancelled is not None:
                self._on_cancelled()
        else:
            self.failed.emit(value)
            if self._on_failed is not None:
                self._on_failed(value)
            else:
                from app.ui.messages import show_error

                window = self._owner.window() if isinstance(self._owner, QWidget) else None
                show_error(window, value)

    # -- from wherever the work runs -------------------------------------------------------
    def _finish(self, work: Callable[[], T]) -> None:
        """Runs the work and sends its outcome to the window's thread; never raises."""
        kind, value = _outcome_of(work, self.progress)
        with contextlib.suppress(RuntimeError):  # the application is going away
            self._outcome.emit(kind, value)


def _outcome_of(work: Callable[[], Any], progress: Progress) -> tuple[str, object]:
    if progress.cancelled:
        return CANCELLED, None
    try:
        return OK, work()
    except Exception as exc:  # noqa: BLE001 - every failure is told, none escapes
        return _failure(exc)


def _failure(exc: Exception) -> tuple[str, object]:
    if isinstance(exc, Cancelled):
        return CANCELLED, None
    if isinstance(exc, errors.StationDeskError):
        return FAILED, exc
    # said in plain words; the traceback goes to the log for the administrator
    log.error("background work failed", exc_info=exc)
    return FAILED, errors.StationDeskError(str(exc) or type(exc).__name__)


_LIVE: set[Job[Any]] = set()


# -- lanes: one worker thread per kind of work -----------------------------------------------
class Lane:
    """One daemon thread taking jobs of one kind in the order given."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._queue: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, call: Callable[[], None]) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._serve, name=f"desk-{self.name}", daemon=True
                )
                self._thread.start()
        self._queue.put(call)

    def _serve(self) -> None:
        while True:
            self._queue.get()()


CHECKS = Lane("checks")  # the audit check, checking a backup, finding the newest good one
BACKUPS = Lane("backups")
FIGURES = Lane("figures")  # counts and rates shown beside lists
DOCUMENTS = Lane("documents")  # PDFs of many pages: visit sheets, the weekly report


def run_in_thread(
    work: Callable[[Progress], T],
    *,
    lane: Lane,
    owner: QObject | None,
    done: Callable[[T], None] | None = None,
    failed: Failed | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], None] | None = None,
) -> Job[T]:
    """`work(progress)` on the lane's thread. It must not touch widgets."""
    job: Job[T] = Job(owner, done=done, failed=failed, progress=progress, cancelled=cancelled)
    lane.submit(lambda: job._finish(lambda: work(job.progress)))
    return job


# -- steps on the window's thread -----------------------------------------------------------
class _StepJob(Job[T]):
    def start(self, steps: Generator[object, None, T]) -> None:
        self._steps = steps
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        self._timer.start(0)

    def _next(self) -> None:
        if self.progress.cancelled and getgeneratorstate(self._steps) == GEN_CREATED:
            self._outcome.emit(CANCELLED, None)  # stopped before its first step
            return
        try:
            next(self._steps)
        except StopIteration as stop:
            self._outcome.emit(OK, stop.value)
        except Exception as exc:  # noqa: BLE001 - every failure is told, none escapes
            self._outcome.emit(*_failure(exc))
        else:
            self._timer.start(0)  # the event loop turns before the next step


def run_steps(
    steps: Callable[[Progress], Generator[object, None, T]],
    *,
    owner: QObject | None,
    done: Callable[[T], None] | None = None,
    failed: Failed | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], None] | None = None,
) -> Job[T]:
    """Drives the generator `steps(progress)` on the window's thread, one `next` per turn of
    the event loop; what it returns is the result. It sees a cancel through `progress`."""
    job: _StepJob[T] = _StepJob(
        owner, done=done, failed=failed, progress=progress, cancelled=cancelled
    )
    job.start(steps(job.progress))
    return job


# -- a child process --------------------------------------------------------------------------
class ProcessJob(Job[T]):
    """A child process; `parse(stdout)` makes its result when it ends."""

    def __init__(
        self,
        program: str,
        args: list[str],
        parse: Callable[[bytes], T],
        owner: QObject | None,
        **kw: Any,
    ) -> None:
        super().__init__(owner, **kw)
        self._parse = parse
        self.process = QProcess(self)
        self.process.finished.connect(self._ended)
        self.process.errorOccurred.connect(self._error)
        self.process.start(program, args)

    def cancel(self) -> None:
        super().cancel()
        if self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.terminate()

    def stop_and_wait(self, ms: int = 5000) -> None:
        """For closing the window: the process is ended before the application is."""
        self.cancel()
        if not self.process.waitForFinished(ms):
            self.process.kill()
            self.process.waitForFinished(ms)

    def _error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._outcome.emit(FAILED, errors.StationDeskError(self.process.errorString()))

    def _ended(self, *_args: object) -> None:
        if self.progress.cancelled:
            self._outcome.emit(CANCELLED, None)
            return
        out = bytes(self.process.readAllStandardOutput().data())
        self._outcome.emit(*_outcome_of(lambda: self._parse(out), self.progress))


def run_process(
    program: str,
    args: list[str],
    *,
    parse: Callable[[bytes], T],
    owner: QObject | None,
    done: Callable[[T], None] | None = None,
    failed: Failed | None = None,
    cancelled: Callable[[], None] | None = None,
) -> ProcessJob[T]:
    return ProcessJob(program, args, parse, owner, done=done, failed=failed, cancelled=cancelled)


# -- delivering where the officer looks -------------------------------------------------------
class _OnShow(QObject):
    def __init__(self, widget: QWidget, act: Callable[[], object]) -> None:
        super().__init__(widget)
        self._act = act
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._act)  # after the show, never inside it
            self.deleteLater()
        return False


def when_visible(widget: QWidget, act: Callable[[], object]) -> None:
    """`act()` now if the widget is on screen, else the next time it is shown. A result that
    comes back while the officer works elsewhere (an intake typed after F2, a locked screen)
    waits for them instead of jumping in front of what they type."""
    if widget.isVisible():
        act()
    else:
        _OnShow(widget, act)
