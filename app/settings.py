"""Per-station preferences kept as a small JSON file beside the database (never secrets)."""

from __future__ import annotations

import json
import locale
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app.paths import settings_file

LANGUAGES = ("zh_CN", "en")
IDLE_LOCK_MINUTES = (1, 120)  # bounds of the idle lock; the default is 10
BACKUP_GENERATIONS = (1, 365)
BACKUP_INTERVAL_HOURS = (0, 24)  # 0: only at shift end and by hand


@dataclass
class Settings:
    language: str = ""
    idle_lock_minutes: int = 10
    # Empty: the data folder's own backups/ folder. Point it at another disk or a USB drive:
    # a backup on the same disk does not survive that disk.
    backup_folder: str = ""
    backup_generations: int = 14
    backup_interval_hours: int = 4
    # A saved intake closes and the desk comes back for the next walk-in; on: it stays open.
    keep_saved_intakes_open: bool = False

    def effective_language(self) -> str:
        if self.language in LANGUAGES:
            return self.language
        return system_language()


def system_language() -> str:
    name = os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "zh_CN" if name.lower().startswith("zh") else "en"


def load_settings(data_dir: Path) -> Settings:
    try:
        raw = json.loads(settings_file(data_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    lang = raw.get("language", "")
    folder = raw.get("backup_folder", "")
    return Settings(
        language=lang if lang in LANGUAGES else "",
        idle_lock_minutes=_bounded(raw, "idle_lock_minutes", IDLE_LOCK_MINUTES),
        backup_folder=folder if isinstance(folder, str) and len(folder) < 1000 else "",
        backup_generations=_bounded(raw, "backup_generations", BACKUP_GENERATIONS),
        backup_interval_hours=_bounded(raw, "backup_interval_hours", BACKUP_INTERVAL_HOURS),
        keep_saved_intakes_open=raw.get("keep_saved_intakes_open") is True,
    )


def _bounded(raw: dict[str, Any], name: str, bounds: tuple[int, int]) -> int:
    """A number from the file, or the default when it is missing, not a number or out of
    bounds (a hand-edited file must not switch backups off or lock the screen every second)."""
    value = raw.get(name)
    low, high = bounds
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    return int(getattr(Settings, name))


def save_settings(data_dir: Path, settings: Settings) -> None:
    path = settings_file(data_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
