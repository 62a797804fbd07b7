"""Files the desk hands to people (exports, PDFs): all or nothing, never half a file.

Each is written to a private temporary file in the target's own folder (so the rename is
atomic on every file system, Windows included) and renamed over the target only once it is
complete; on any failure the temporary file is removed, so no partial copy of names and ID
numbers is left behind. What went wrong is one `OutputError` that says where and why.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app import errors

REASONS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EACCES: "denied",
    errno.EPERM: "denied",
    errno.EROFS: "denied",
    errno.ENOENT: "no_folder",
    errno.ENOTDIR: "no_folder",
    errno.EISDIR: "is_folder",
}
# the reasons in words (the command lines are in English; the app translates its own)
REASON_WORDS = {
    "full": "the disk is full",
    "denied": "not allowed to write there",
    "no_folder": "that file or folder does not exist",
    "is_folder": "that is a folder; give a file name",
    "failed": "the file could not be written",
}


def output_error(target: Path, exc: OSError | None = None, reason: str = "") -> errors.OutputError:
    why = reason or REASONS.get(exc.errno or 0, "failed") if exc is not None else reason
    detail = (exc.strerror or str(exc)) if exc is not None else ""
    return errors.OutputError(str(target), path=str(target), reason=why, detail=detail)


@contextmanager
def atomic_output(target: Path) -> Iterator[Path]:
    """A private temporary path beside `target`; renamed over it when the block ends without
    an error, removed when it does not."""
    if target.is_dir():
        raise output_error(target, reason="is_folder")
    if not target.parent.is_dir():
        raise output_error(target, reason="no_folder")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise output_error(target, exc) from None
    work = Path(name)
    try:
        yield work
        os.replace(work, target)
    except OSError as exc:
        _discard(work)
        raise output_error(target, exc) from None
    except BaseException:
        _discard(work)
        raise


def write_atomically(target: Path, data: bytes) -> None:
    with atomic_output(target) as work:
        work.write_bytes(data)


def _discard(work: Path) -> None:
    with contextlib.suppress(OSError):
        work.unlink(missing_ok=True)
