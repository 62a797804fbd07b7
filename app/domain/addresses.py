"""Addresses as community police walk them: the grid (neighbourhood), a route order, and the
normalised key that tells the same door written two ways apart from a different door."""

from __future__ import annotations

import re
import unicodedata

_HAN = "\u4e00-\u9fff"
_ADMIN = re.compile(rf"^[{_HAN}]{{1,7}}?(省|自治区|市|区|县|旗|镇|乡|街道)")
_NEIGHBOURHOOD = re.compile(
    rf"[{_HAN}A-Za-z]{{1,10}}?(社区|小区|花园|家园|公寓|新村|大院|苑|村|里)"
)
_ROAD = re.compile(rf"[{_HAN}]{{1,10}}?(大街|路|街|巷|胡同|大道)")
_ROAD_NUMBER = re.compile(rf"[{_HAN}]{{1,10}}?(大街|路|街|巷|胡同|大道)[甲乙丙]?\d*号?")
_NUMBER = re.compile(r"(\d+)")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).replace(" ", "")


def _strip_admin(text: str) -> str:
    while True:
        match = _ADMIN.match(text)
        if match is None or match.group(0).endswith(("社区", "小区", "园区")):
            return text
        text = text[match.end() :]


def address_grid(address: str) -> str:
    """'杏花岭区三桥街12号枫林苑3栋' -> '枫林苑'; the road when no compound is named; '' when
    nothing recognisable is there. Used to group and filter a community officer's visits."""
    text = _strip_admin(_nfkc(address))
    rest = _ROAD_NUMBER.sub(" ", text)
    found = _NEIGHBOURHOOD.search(rest)
    if found:
        return found.group(0)
    road = _ROAD.search(text)
    return road.group(0) if road else ""


def route_key(grid: str, address: str) -> tuple[object, ...]:
    """Grid first, then the address with its numbers compared as numbers (3栋 before 12栋)."""
    text = _nfkc(address)
    parts = tuple(int(p) if p.isdigit() else p for p in _NUMBER.split(text))
    return (grid == "", grid, tuple((isinstance(p, int), p) for p in parts))


# -- the matching key ---------------------------------------------------------------------------
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_NUMBER = re.compile(r"[零〇一二两三四五六七八九十]+(?=[号栋幢楼单元门室层户弄巷])")
_PUNCT = re.compile(r"[\s,.;:'\"()\[\]{}<>/\\|_~`!?、，。；：‘’“”（）【】《》〈〉·…—-]+")
# Variants of the same unit of an address, written the way people and forms abbreviate them:
# (pattern, replacement), applied in order after width, spaces and numerals are normalised.
_UNIT_WORDS = (
    (re.compile(r"(\d+)#(?:楼)?"), r"\1栋"),  # 3#楼, 3# -> 3栋
    (re.compile(r"(\d+)(?:号楼|幢|座|楼栋)"), r"\1栋"),  # 3号楼 / 3幢 / 3座 -> 3栋
    (re.compile(r"(\d+)(?:门|单元门)"), r"\1单元"),  # 2门 -> 2单元
    (re.compile(r"(\d+)(?:室|户|房)$"), r"\1"),  # 501室 -> 501
    (re.compile(r"(\d+)号院"), r"\1号"),
    (re.compile(r"弄"), "巷"),
    (re.compile(r"大街"), "街"),
)
_ADMIN_PREFIX = re.compile(rf"^[{_HAN}]{{1,7}}?(?:省|自治区|市|区|县|旗|街道|镇|乡)")


def _cn_number(text: str) -> str:
    """三 -> 3, 十二 -> 12, 二十 -> 20, 二十五 -> 25 (house and unit numbers)."""
    if "十" not in text:
        return "".join(str(_CN_DIGITS[ch]) for ch in text)
    tens, _, ones = text.partition("十")
    value = (_CN_DIGITS.get(tens[-1], 1) if tens else 1) * 10 + (
        _CN_DIGITS.get(ones[0], 0) if ones else 0
    )
    return str(value)


def normalise_address(address: str) -> str:
    """The matching key of an address: full- and half-width, spaces and punctuation, Chinese
    numerals, and the usual ways of writing building, unit, room and lane made one; the
    province, city, district and sub-district are dropped (a station's area is inside one).
    Idempotent: the key of a key is itself (removing a space can let Unicode normalisation
    reorder what it separated, so the steps repeat until nothing moves)."""
    text = address
    for _ in range(4):
        again = _normalise_once(text)
        if again == text:
            break
        text = again
    return text


def _normalise_once(address: str) -> str:
    text = unicodedata.normalize("NFKC", address).lower()
    text = _PUNCT.sub("", text)
    text = _CN_NUMBER.sub(lambda m: _cn_number(m.group(0)), text)
    for pattern, replacement in _UNIT_WORDS:
        text = pattern.sub(replacement, text)
    while True:
        match = _ADMIN_PREFIX.match(text)
        if (
            match is None
            or match.group(0).endswith(("社区", "小区", "园区"))
            or match.end() == len(text)
        ):
            return text
        text = text[match.end() :]
