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
