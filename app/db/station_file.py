"""Opening a data folder's station database: its key, encryption of an older unencrypted file,
and the schema upgrade. The GUI, the CLI and the tools all open a station through here."""

from __future__ import annotations

from pathlib import Path

from app import errors
from app.db import cipher, station_key
from app.db.cipher import DRIVER_ERRORS
from app.db.engine import Store, translate
from app.db.migrate import upgrade_database
from app.paths import database_file


def open_station(data_dir: Path, *, create: bool = False, key: bytes | None = None) -> Store:
    """The station's Store, encrypted, at the current schema.

    `key` is given when the recovery key was typed for this session only (no usable keyring);
    otherwise it comes from the keyring. A folder with no database is set up only when
    `create` is said; an unencrypted file from an earlier StationDesk is encrypted in place
    first, and so are the copies earlier upgrades left beside it."""
    path = database_file(data_dir)
    if not path.exists():
        if not create:
            raise errors.NotSetUpError(str(path))
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
