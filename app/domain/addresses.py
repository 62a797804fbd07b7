"""Addresses as community police walk them: the grid (neighbourhood) and a route order."""

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
