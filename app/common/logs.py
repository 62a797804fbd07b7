"""The station's log and crash reports, with personal data and secrets taken out.

Everything written passes through `redact`: runs of Chinese characters (names, addresses,
summaries), runs of six or more digits (phone and ID numbers, with an ID's final X), and long
hex or base64 strings (keys, tokens) are replaced before the text reaches the disk. A log line
says what happened to which record id, never to whom.

An unexpected error becomes a crash report in the log folder (redacted, without local
variables) instead of a traceback in front of an officer.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import re
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app import __version__

LOG_NAME = "stationdesk.log"
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_NUMBER = re.compile(r"(?<![0-9A-Za-z])\+?[0-9][0-9 \-]{4,}[0-9Xx](?![0-9A-Za-z])")
_SECRET = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z+_\-]{24,}={0,2}")
# Kept as they are: record ids (UUIDs) name a record without saying whose it is, and dates
# and times are not anybody's number.
_KEEP = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|(?<![0-9])\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?![0-9])"
)


def _secret(match: re.Match[str]) -> str:
    """Keys and tokens are random: many digits and many letters. Words and file names are
    not, and stay readable."""
    word = match.group(0)
    digits = sum(c.isdigit() for c in word)
    letters = sum(c.isalpha() for c in word)
    return "[secret]" if digits >= 4 and letters >= 4 else word


def redact(text: str) -> str:
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _KEEP.sub(keep, text)
    text = _CJK.sub("[text]", text)
    text = _SECRET.sub(_secret, text)
    text = _NUMBER.sub(
        lambda m: "[number]" if sum(c.isdigit() for c in m.group(0)) >= 6 else m.group(0), text
    )
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


class RedactingFormatter(logging.Formatter):
    """The message and any traceback are redacted; the time stamp and level are ours."""

    def format(self, record: logging.LogRecord) -> str:
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg, clean.args = redact(record.getMessage()), None
        if record.exc_info:
            clean.exc_text = redact(self.formatException(record.exc_info))
            clean.exc_info = None
        return super().format(clean)


def log_folder(data_dir: Path) -> Path:
    return data_dir / "logs"


def configure(data_dir: Path) -> None:
    """A rotating log file in the data folder (5 x 1 MB). Failing to open it never stops the
    desk: the log is for the administrator, not a condition of working."""
    root = logging.getLogger("stationdesk")
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    try:
        log_folder(data_dir).mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_folder(data_dir) / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        return
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def write_crash_report(data_dir: Path, exc: BaseException) -> Path | None:
    """The traceback (file, line, function; never local values), redacted, in its own file."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    text = (
        f"StationDesk {__version__} crash report {stamp}\n"
        f"Python {sys.version.split()[0]} on {sys.platform}\n\n"
        + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    )
    try:
        log_folder(data_dir).mkdir(parents=True, exist_ok=True)
        path = log_folder(data_dir) / f"crash-{stamp}.txt"
        path.write_text(redact(text), "utf-8")
    except OSError:
        return None
    logging.getLogger("stationdesk").error("unexpected error, report %s", path.name)
    return path


def install_crash_handler(data_dir: Path, tell: Callable[[Path | None], None]) -> None:
    """Unexpected errors (a Qt slot that raised, say) are written down and the officer is
    told in words; the window stays open and what was typed stays in its draft."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        exc.__traceback__ = tb
        tell(write_crash_report(data_dir, exc))

    sys.excepthook = hook
