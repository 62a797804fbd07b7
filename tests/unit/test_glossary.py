"""The Chinese the desk shows and prints keeps to docs/glossary.md: no avoided term anywhere."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _avoided() -> dict[str, str]:
    """{avoided term: preferred term} from the glossary's table."""
    found: dict[str, str] = {}
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 5 or cells[0] in ("Term (preferred)", "---"):
            continue
        for term in re.split(r"[,/]", re.sub(r"\(.*?\)", "", cells[1])):
            if term.strip() not in ("", "—"):
                found[term.strip()] = cells[0]
    return found


def _chinese_the_desk_shows() -> dict[str, str]:
    """The zh_CN translations, the printed pages' own text, the rule files and the guide."""
    texts = {}
    ts = (ROOT / "resources" / "translations" / "stationdesk_zh_CN.ts").read_text("utf-8")
    texts["translations"] = "\n".join(re.findall(r"<translation>(.*?)</translation>", ts, re.S))
    for folder, pattern in (
        ("app/printing", "*.py"),
        ("resources/policy", "*.json"),
        ("resources/catalog", "*.json"),
        ("resources/guide", "*zh_CN.html"),
    ):
        for path in sorted((ROOT / folder).glob(pattern)):
            texts[str(path.relative_to(ROOT))] = path.read_text("utf-8")
    return texts


def test_the_glossary_lists_avoided_terms() -> None:
    avoided = _avoided()
    assert {"受理编号", "人口管理大队", "告诫令"} <= avoided.keys()


def test_no_avoided_term_is_shown_or_printed() -> None:
    avoided = _avoided()
    found = [
        f"{where}: {term} (say {avoided[term]})"
        for where, text in _chinese_the_desk_shows().items()
        for term in avoided
        if term in text
    ]
    assert not found, found
