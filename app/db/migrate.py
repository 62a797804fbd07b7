"""Bring a station database to the current schema, safely.

Before any upgrade the file is copied with SQLite's online backup API; a database stamped
with a revision this build does not know was written by a newer StationDesk and is refused
rather than half-understood.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.exc import DBAPIError

from app import errors
from app.db.engine import make_engine, translate
from app.paths import migrations_path


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    if not path.exists():
        return None
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except (DBAPIError, sqlite3.Error) as exc:
        raise translate(exc) from exc
    finally:
        engine.dispose()


def backup_file(path: Path, label: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{label}-{stamp}{path.suffix}")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def upgrade_database(path: Path) -> Path | None:
    """Create or upgrade the file at `path`; returns the backup made, if any."""
    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    current = current_revision(path)
    if current == head:
        return None
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise errors.DatabaseTooNewError(
            f"database schema {current} is newer than this StationDesk ({head})",
            found=current,
            expected=head,
        )
    backup = backup_file(path, f"upgrade-from-{current}") if current is not None else None
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except (DBAPIError, sqlite3.Error) as exc:
        raise translate(exc) from exc
    finally:
        engine.dispose()
    return backup
