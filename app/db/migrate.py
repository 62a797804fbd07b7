"""Bring a station database to the current schema, safely.

Before any upgrade the file is copied with SQLite's online backup API (encrypted under the
same key); a database stamped
with a revision this build does not know was written by a newer StationDesk and is refused
rather than half-understood.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import DBAPIError

from app import errors
from app.db import cipher
from app.db.cipher import DRIVER_ERRORS
from app.db.engine import make_engine, translate
from app.paths import migrations_path

if TYPE_CHECKING:
    from alembic.config import Config

# The newest script in migrations/versions. Start-up compares the file's stamp with this and
# loads Alembic (a quarter of a second) only when an upgrade is really due; a test keeps the
# constant equal to the scripts' head.
SCHEMA_HEAD = "0017"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path, key: bytes | None) -> str | None:
    """The schema stamp in the file (no Alembic needed to read it)."""
    if not path.exists():
        return None
    try:
        conn = cipher.connect(path, key)
        try:
            cipher.check_readable(conn)
            has_table = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            row = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_table
                else None
            )
        finally:
            conn.close()
    except DRIVER_ERRORS as exc:
        raise translate(exc) from exc
    return row[0] if row else None


def backup_file(path: Path, key: bytes | None, label: str) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{label}-{stamp}{path.suffix}")
    src = cipher.connect(path, key)
    try:
        cipher.copy_database(src, target, key)
    finally:
        src.close()
    return target


def upgrade_database(path: Path, key: bytes | None) -> Path | None:
    """Create or upgrade the file at `path`; returns the backup made, if any."""
    current = current_revision(path, key)
    if current == SCHEMA_HEAD:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = head_revision()
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise errors.DatabaseTooNewError(
            f"database schema {current} is newer than this StationDesk ({head})",
            found=current,
            expected=head,
        )
    backup = backup_file(path, key, f"upgrade-from-{current}") if current is not None else None
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(path, key)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except (DBAPIError, *DRIVER_ERRORS) as exc:
        raise translate(exc) from exc
    finally:
        engine.dispose()
    return backup
