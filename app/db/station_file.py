"""Opening a data folder's station database: its key, encryption of an older unencrypted file,
and the schema upgrade. The GUI, the CLI and the tools all open a station through here."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app import errors
from app.db import cipher, station_key
from app.db.cipher import DRIVER_ERRORS
from app.db.engine import Store, translate
from app.db.migrate import upgrade_database
from app.paths import database_file, station_traces


def open_station(data_dir: Path, *, create: bool = False, key: bytes | None = None) -> Store:
    """The station's Store, encrypted, at the current schema.

    `key` is given when the recovery key was typed for this session only (no usable keyring);
    otherwise it comes from the keyring. A folder with no database is set up only when
    `create` is said; an unencrypted file from an earlier StationDesk is encrypted in place
    first, and so are the copies earlier upgrades left beside it."""
    path = database_file(data_dir)
    if _holds_nothing(path):
        traces = station_traces(data_dir)
        if traces:
            raise errors.DatabaseMissingError(
                str(path), traces=[p.name for p in traces[:5]], size=_size(path)
            )
        if not create:
            raise errors.NotSetUpError(str(path))
        path.unlink(missing_ok=True)  # an empty file in a folder that never held a station
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise errors.DatabaseReadOnlyError(str(exc)) from None
        key = key or station_key.create_key(data_dir)
    elif cipher.is_plaintext(path):
        key = key or _existing_or_new_key(data_dir)
        encrypt_leftovers(data_dir, key)
    elif key is None:
        key = station_key.load_key(data_dir)
        try:
            upgrade_database(path, key)
        except errors.DatabaseKeyWrongError as exc:
            # the keyring's key is this station's (its fingerprint matches): the file is damaged
            raise errors.DatabaseCorruptError(str(exc)) from None
        return Store(path, key)
    upgrade_database(path, key)
    return Store(path, key)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def _holds_nothing(path: Path) -> bool:
    """No database to open: no file, an empty one, or an unencrypted SQLite file without a
    single table (what opening a path that held nothing leaves behind)."""
    size = _size(path)
    if not size:
        return True
    if not cipher.is_plaintext(path):
        return False
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return not conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False  # damaged: the open that follows says so


def _existing_or_new_key(data_dir: Path) -> bytes:
    try:
        return station_key.load_key(data_dir)
    except errors.DatabaseKeyMissingError:
        return station_key.create_key(data_dir)


def encrypt_leftovers(data_dir: Path, key: bytes) -> None:
    """The database and any unencrypted copy of it in the folder (the copies taken before
    schema upgrades) are encrypted under the station key."""
    path = database_file(data_dir)
    for candidate in [path, *sorted(data_dir.glob(f"{path.stem}.before-*{path.suffix}"))]:
        if cipher.is_plaintext(candidate):
            try:
                cipher.encrypt_plaintext_file(candidate, key)
            except OSError as exc:
                raise errors.DatabaseReadOnlyError(str(exc)) from None
            except DRIVER_ERRORS as exc:
                raise translate(exc) from exc
