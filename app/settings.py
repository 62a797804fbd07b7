"""Per-station preferences kept as a small JSON file beside the database (never secrets)."""

from __future__ import annotations

import json
import locale
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from app.paths import settings_file

LANGUAGES = ("zh_CN", "en")
IDLE_LOCK_MINUTES = (1, 120)  # bounds of the idle lock; the default is 10


@dataclass
class Settings:
    language: str = ""
    idle_lock_minutes: int = 10

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
    idle = raw.get("idle_lock_minutes", Settings.idle_lock_minutes)
    low, high = IDLE_LOCK_MINUTES
    return Settings(
        language=lang if lang in LANGUAGES else "",
        idle_lock_minutes=idle if isinstance(idle, int) and low <= idle <= high else 10,
    )


def save_settings(data_dir: Path, settings: Settings) -> None:
    path = settings_file(data_dir)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings), ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
