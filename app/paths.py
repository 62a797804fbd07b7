"""The one place that knows where files live.

Resources are looked up relative to the source tree, or to PyInstaller's unpack folder when
frozen, so the same code finds the catalog, fonts and migrations in both cases.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

APP_NAME = "StationDesk"
DB_FILENAME = "station.sqlite3"
BACKUP_SUFFIX = ".sdbackup"
KEY_RECORD = "station.key.json"  # beside the database: the keyring entry's name, no secret


def project_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    return project_root().joinpath("resources", *parts)


def migrations_path() -> Path:
    return project_root() / "migrations"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_file(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def settings_file(data_dir: Path) -> Path:
    return data_dir / "settings.json"


def backups_dir(data_dir: Path) -> Path:
    return data_dir / "backups"


def station_traces(data_dir: Path) -> list[Path]:
    """What a station leaves in its folder besides the database: the key record, backups in
    the folder's own backups/, the files a restore or an upgrade put aside. Any of them means
    the folder belongs to a station, so a missing or empty database there is a loss to
    recover from, never a new station to set up."""
    db = database_file(data_dir)
    found = [p for p in [data_dir / KEY_RECORD] if p.is_file()]
    found += sorted(backups_dir(data_dir).glob(f"*{BACKUP_SUFFIX}"))
    found += sorted(data_dir.glob(f"{db.stem}.replaced-*{db.suffix}"))
    found += sorted(data_dir.glob(f"{db.stem}.before-*{db.suffix}"))
    return found
