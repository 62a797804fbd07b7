"""What the two command lines (`stationdesk` and `stationdesk-hq`) share: bounded numbers (a
mistyped count or port is refused by argparse with a usage message, before anything runs), one
line and exit 2 for a mistyped command line, and errors in one line each."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from app import errors
from app.common.files import REASON_WORDS, REASONS
from app.common.logs import write_crash_report


def bounded(kind: type[int] | type[float], low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {_show(low)}..{_show(high)}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its message
    return parse


def _show(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


class OneLineParser(argparse.ArgumentParser):
    """A mistyped command line is one line on stderr and exit 2, like every other error (the
    usage is one --help away)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {self.prog}: {message} (see --help)\n")


def unexpected(exc: BaseException, data_dir: Path | None) -> str:
    """An error no command foresaw, as one line; the traceback goes to a crash report (in the
    data folder's logs when there is one), never onto the console."""
    report = None
    if data_dir is not None and data_dir.is_dir():
        report = write_crash_report(data_dir, exc)
    where = f"; details in {report}" if report else ""
    text = " ".join(str(exc).split())[:300]
    return f"error: unexpected failure ({type(exc).__name__}: {text}){where}"


def os_error_line(exc: OSError) -> str:
    """A file system error in words, with the file it concerns."""
    reason = REASONS.get(exc.errno or 0)
    why = REASON_WORDS[reason] if reason else exc.strerror or str(exc)
    where = f": {exc.filename}" if exc.filename else ""
    return f"error: {why}{where}"


def output_error_line(exc: errors.OutputError) -> str:
    """A file that could not be written, in words (without the "error: " the callers add)."""
    why = REASON_WORDS.get(str(exc.details.get("reason")), REASON_WORDS["failed"])
    return f"cannot write {exc.details.get('path', exc)}: {why}; nothing was left there"
