"""Search keys derived from names: pinyin, initials, and CJK text split for FTS5.

SQLite's unicode61 tokenizer treats a run of Chinese characters as one token, which would make
a name fragment unfindable. Splitting CJK text into one token per character and querying as a
phrase gives substring search for any fragment length without a trigram index.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])")
_TOKEN = re.compile(r"[0-9a-z\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@lru_cache(maxsize=65536)
def pinyin_keys(text: str) -> tuple[str, str]:
    """('wangfang', 'wf') for '王芳'; non-Chinese letters pass through lower-cased."""
    # Imported here: its phrase dictionary costs a third of a second at start-up, and the
    # desk must show its receive button before anything is searched.
    from pypinyin import Style, lazy_pinyin

    letters = [p for p in lazy_pinyin(text, errors="ignore") if p.strip()]
    full = "".join(letters).lower()
    initials = "".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")).lower()
    return full, initials


def split_cjk(text: str) -> str:
    """'王芳 abc' -> '王 芳 abc': every CJK character becomes its own token."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return " ".join(_CJK.sub(r" \1 ", folded).split())


def name_index_text(name: str) -> str:
    if not name:
        return ""
    full, initials = pinyin_keys(name)
    return " ".join(filter(None, (split_cjk(name), full, initials)))


def fts_query(user_text: str) -> str:
    """Turn what the officer typed into a safe FTS5 query: each word a quoted phrase or prefix.

    Quoting every token means no user text is ever interpreted as FTS syntax.
    """
    parts: list[str] = []
    for word in split_cjk(user_text).split(" "):
        for token in _TOKEN.findall(word):
            if _CJK.match(token):
                parts.append(f'"{token}"')
            else:
                parts.append(f'"{token}"*')
    # Consecutive CJK characters must be adjacent: join them into one phrase.
    merged: list[str] = []
    for part in parts:
        if (
            merged
            and part.endswith('"')
            and merged[-1].endswith('"')
            and _is_cjk_phrase(part)
            and _is_cjk_phrase(merged[-1])
        ):
            merged[-1] = merged[-1][:-1] + " " + part[1:]
        else:
            merged.append(part)
    return " ".join(merged)


def _is_cjk_phrase(part: str) -> bool:
    return bool(part) and part[0] == '"' and part[-1] == '"' and bool(_CJK.match(part[1:2]))
