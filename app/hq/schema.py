"""Creating and upgrading the headquarters schema, only through Alembic scripts."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from app.paths import migrations_path

VERSION_TABLE = "hq_alembic_version"


def hq_alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_path() / "hq"))
    return cfg


def upgrade(engine: Engine) -> None:
    with engine.begin() as conn:
        cfg = hq_alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def is_current(engine: Engine) -> bool:
    head = ScriptDirectory.from_config(hq_alembic_config()).get_current_head()
    with engine.connect() as conn:
        current = MigrationContext.configure(
            conn, opts={"version_table": VERSION_TABLE}
        ).get_current_revision()
    return current == head
