"""Which key opens this data folder's database, and where that key is kept.

The key itself is only ever in the OS keyring (and on the recovery sheet in the safe). Beside
the database lies `station.key.json`, which holds nothing secret: the keyring entry's name, the
key's fingerprint (so a recovery key of another station is told apart from a typo) and when the
recovery sheet was printed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import secrets
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path

from app import credentials, errors
from app.db import cipher
from app.domain import recovery_key
from app.paths import KEY_RECORD, database_file

SIDECAR = KEY_RECORD


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    fingerprint: str
    recovery_printed_utc: str | None = None


def sidecar_path(data_dir: Path) -> Path:
    return data_dir / SIDECAR


def read_info(data_dir: Path) -> KeyInfo | None:
    try:
        raw = json.loads(sidecar_path(data_dir).read_text("utf-8")[:4096])
        key_id, fingerprint = raw["key_id"], raw["fingerprint"]
        printed = raw.get("recovery_printed_utc")
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not (isinstance(key_id, str) and 8 <= len(key_id) <= 64):
        return None
    if not (isinstance(fingerprint, str) and len(fingerprint) == 8):
        return None
    return KeyInfo(
        key_id=key_id,
        fingerprint=fingerprint,
        recovery_printed_utc=printed if isinstance(printed, str) and len(printed) < 40 else None,
    )


def _write_info(data_dir: Path, info: KeyInfo) -> None:
    path = sidecar_path(data_dir)
    work = path.with_name(path.name + ".tmp")
    work.write_text(json.dumps(asdict(info), indent=2), "utf-8")
    os.replace(work, path)


def create_key(data_dir: Path) -> bytes:
    """A new random key, stored in the keyring before any data is written under it."""
    credentials.ensure_available()
    key = secrets.token_bytes(cipher.KEY_BYTES)
    info = KeyInfo(key_id=str(uuid.uuid4()), fingerprint=recovery_key.fingerprint(key))
    credentials.store_database_key(info.key_id, key)
    _write_info(data_dir, info)
    return key


def load_key(data_dir: Path) -> bytes:
    """The key from the keyring; DatabaseKeyMissingError when this PC does not hold it."""
    info = read_info(data_dir)
    if info is None:
        raise errors.DatabaseKeyMissingError("no key record beside the database")
    key = credentials.load_database_key(info.key_id)
    if key is None or recovery_key.fingerprint(key) != info.fingerprint:
        raise errors.DatabaseKeyMissingError("the keyring does not hold this station's key")
    return key


def adopt_recovery_key(data_dir: Path, typed: str, *, remember: bool = True) -> bytes:
    """The recovery key typed from the sheet: checked, tried on the file, and (unless the
    keyring is unusable and the caller chose to go on for this session only) kept in the
    keyring so the next start needs no paper."""
    key = recovery_key.decode(typed)
    info = read_info(data_dir)
    if info is not None and info.fingerprint != recovery_key.fingerprint(key):
        raise errors.DatabaseKeyWrongError(
            "this recovery key belongs to another station", fingerprint=info.fingerprint
        )
    conn = cipher.connect(database_file(data_dir), key)
    try:
        cipher.check_readable(conn)
    finally:
        conn.close()
    if remember:
        new_info = KeyInfo(
            key_id=info.key_id if info else str(uuid.uuid4()),
            fingerprint=recovery_key.fingerprint(key),
            recovery_printed_utc=info.recovery_printed_utc if info else _now(),
        )
        credentials.store_database_key(new_info.key_id, key)
        _write_info(data_dir, new_info)
    return key


def install_key(data_dir: Path, key: bytes) -> None:
    """Make `key` this folder's key (after a backup of another install was restored here):
    kept in the keyring under a fresh name, the record beside the database rewritten. The
    sheet in the safe is the one that printed this key, so it counts as printed."""
    info = KeyInfo(
        key_id=str(uuid.uuid4()),
        fingerprint=recovery_key.fingerprint(key),
        recovery_printed_utc=_now(),
    )
    credentials.store_database_key(info.key_id, key)
    _write_info(data_dir, info)


def recovery_printed(data_dir: Path) -> bool:
    info = read_info(data_dir)
    return info is not None and info.recovery_printed_utc is not None


def mark_recovery_printed(data_dir: Path) -> None:
    info = read_info(data_dir)
    if info is not None:
        _write_info(
            data_dir,
            KeyInfo(info.key_id, info.fingerprint, recovery_printed_utc=_now()),
        )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
