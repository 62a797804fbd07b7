"""Long checks in worker processes of their own.

Checking a million-report station (the audit chain, a backup read back page by page) is
Python code that hashes millions of rows. In a thread it would hold the interpreter lock in
turns with the desk: a receive waits for the lock at every step and a press that takes a
millisecond takes tens. In another process it costs the desk nothing but a core, and several
processes use every core.

Workers are started fresh (spawn), never forked: the caller may be the GUI with threads
running, and a fork would copy their locks mid-use. Whatever runs in them must be importable
without Qt and receives its arguments through a pipe (a station key never appears on a command
line or in the environment). Where processes cannot be started at all, the work runs here,
only slower; a worker that dies mid-way is an error (running its work here could take the
application down the same way).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar, cast

from app import errors

T = TypeVar("T")
MAX_WORKERS = 8

log = logging.getLogger("stationdesk.workers")


def cores() -> int:
    return max(1, min(MAX_WORKERS, os.cpu_count() or 1))


def lower_priority() -> None:
    """The desk comes first: background work (a catch-up sync, a check in a worker) must never
    slow the officer's receive button."""
    if sys.platform == "win32":
        import ctypes

        below_normal = 0x4000
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
    else:
        os.nice(10)


def in_low_priority_thread(func: Callable[..., T], *args: Any) -> T:
    """`func(*args)` in a thread of its own below the desk's priority; waits for it and returns
    its result or raises its exception.

    For work that must stay in this process (SQLite's backup step copies from this process's
    connection) but would otherwise compete with the receive for a core: lowered in a fresh
    thread, because a thread's priority, once lowered, cannot be raised again without
    privileges, and the caller's thread may have other work to do afterwards."""
    outcome: list[Any] = []

    def run() -> None:
        try:
            _lower_this_thread()
            outcome.append((True, func(*args)))
        except BaseException as exc:  # handed to the caller as raised
            outcome.append((False, exc))

    thread = threading.Thread(target=run, name="low-priority", daemon=True)
    thread.start()
    thread.join()
    ok, value = outcome[0]
    if not ok:
        raise value
    return cast("T", value)


def _lower_this_thread() -> None:
    try:
        if sys.platform == "win32":
            import ctypes

            below_normal = -1
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), below_normal)
        elif sys.platform.startswith("linux"):
            # On Linux a thread id given as a process id names that one thread.
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
    except OSError as exc:
        log.info("could not lower a background thread's priority: %s", exc)


def run_all(func: Callable[..., T], calls: Sequence[tuple[Any, ...]]) -> list[T]:
    """`func(*args)` for each of `calls`, at most one process a core, each below the desk's
    priority, results in order. `func` must be a module-level function; its exceptions reach
    the caller as raised."""
    try:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=min(len(calls), cores()), mp_context=context, initializer=lower_priority
        ) as pool:
            futures = [pool.submit(func, *args) for args in calls]
            return [f.result() for f in futures]
    except BrokenProcessPool:
        raise errors.DatabaseError("a worker process stopped before finishing") from None
    except OSError as exc:
        log.warning("worker processes unavailable (%s); working in this process", exc)
        return [func(*args) for args in calls]


class Running:
    """A function running in a worker process of its own, with a pipe to talk to it while it
    runs (`run_all` only hands work over and waits)."""

    def __init__(self, process: Any, channel: Any) -> None:
        self._process, self._channel = process, channel

    def send(self, message: Any) -> None:
        self._channel.send(message)

    def result(self) -> Any:
        """Waits for the function's return value; its exception is raised here."""
        try:
            ok, value = self._channel.recv()
        except (EOFError, OSError):
            raise errors.DatabaseError("a worker process stopped before finishing") from None
        finally:
            self._channel.close()
            self._process.join()
        if not ok:
            raise value
        return value


def start(func: Callable[..., Any], *args: Any) -> Running:
    """`func(channel, *args)` in a new worker process below the desk's priority; `channel` is
    its end of the pipe. Raises OSError where processes cannot be started."""
    context = multiprocessing.get_context("spawn")
    ours, theirs = context.Pipe()
    process = context.Process(
        target=_serve, args=(func, theirs, args), name="stationdesk-worker", daemon=True
    )
    process.start()
    theirs.close()
    return Running(process, ours)


def _serve(func: Callable[..., Any], channel: Any, args: tuple[Any, ...]) -> None:
    lower_priority()
    try:
        outcome = (True, func(channel, *args))
    except BaseException as exc:  # handed to the caller as raised
        outcome = (False, exc)
    channel.send(outcome)
