"""The desk speaks Chinese everywhere: no UI text added without its translation, and the
compiled catalogue the app loads is the one made from the translations in the repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "stationdesk_zh_CN.ts"
BIN = Path(sys.executable).parent


def test_every_ui_text_has_its_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "app" / "ui").glob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    text = fresh.read_text(encoding="utf-8")
    missing = text.count('type="unfinished"')
    assert missing == 0, f"{missing} UI texts lack a translation: run `make translations`"


def test_the_compiled_catalogue_is_made_from_the_translations(tmp_path: Path) -> None:
    compiled = tmp_path / "check.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    assert compiled.read_bytes() == TS.with_suffix(".qm").read_bytes(), (
        "stationdesk_zh_CN.qm is stale: run `make translations`"
    )


def test_the_receive_button_has_one_name_everywhere() -> None:
    """The desk, the lock screen and the menu name the button alike (自接警)."""
    import re

    text = TS.read_text(encoding="utf-8")
    names = {
        translation.split("\n")[0].split(" (")[0].split("：")[0]
        for source, translation in re.findall(
            r"<source>(Receive walk-in[^<]*)</source>\s*<translation>([^<]*)</translation>", text
        )
    }
    assert names == {"自接警"}
