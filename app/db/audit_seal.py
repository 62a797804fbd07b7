"""The audit chain's head, sealed outside the database file.

The chain shows an entry edited, deleted, inserted or moved anywhere but at its end: the newest
entries cut off leave a shorter chain that is still whole. So after every write that moved the
head, its seq and hash are written to `audit.seal.json` beside the key record. The seal only
moves forward; a restore from a backup through the app puts it back on purpose. `audit
verify` then names entries missing from the tail (and a head rewritten in place), and HQ's own
copy of the head, sent with every push, tells the same from outside.

The seal is a guard, never an obstacle: a seal that cannot be written is logged and the save
stands (the file's own chain and HQ's copy still hold).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from app.db.audit_chain import now_utc

SEAL = "audit.seal.json"
_HASH = re.compile(r"^[0-9a-f]{64}$")
log = logging.getLogger("stationdesk.audit")


@dataclass(frozen=True)
class Seal:
    seq: int
    hash: str
    at_utc: str = ""


def seal_path(data_dir: Path) -> Path:
    return data_dir / SEAL


def read(data_dir: Path) -> Seal | None:
    """The sealed head, or None when there is none or it does not read as one."""
    try:
        raw = json.loads(seal_path(data_dir).read_text("utf-8")[:4096])
        seal = Seal(int(raw["seq"]), str(raw["hash"]), str(raw.get("at_utc", "")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if seal.seq < 0 or not _HASH.match(seal.hash):
        return None
    return seal


def advance(data_dir: Path, seq: int, hash_: str) -> int:
    """Seal this head if it lies beyond the sealed one; returns the seq sealed now."""
    current = read(data_dir)
    if current is not None and current.seq >= seq:
        return current.seq
    _write(data_dir, Seal(seq, hash_, now_utc()))
    return seq


def reset(data_dir: Path, seq: int, hash_: str) -> None:
    """After a restore from a backup: the chain is that backup's now, and the entries after it
    are gone on purpose (the restore's own entry says so)."""
    _write(data_dir, Seal(seq, hash_, now_utc()))


def _write(data_dir: Path, seal: Seal) -> None:
    target = seal_path(data_dir)
    work = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        work.write_text(json.dumps(asdict(seal)), "utf-8")
        os.replace(work, target)
    except OSError as exc:
        log.warning("the audit head could not be sealed: %s", exc)
        with contextlib.suppress(OSError):
            work.unlink(missing_ok=True)
