"""Five-colour early warning (五色预警) for marriage/love, family and neighbourhood disputes.

No public definition exists, so the criteria are data: `resources/policy/warning_colours.json`
(versioned; a newer valid copy in the data folder wins). Each risk factor the officer ticks adds
its weight; the colour is the highest one whose minimum score is reached, raised to a factor's
`at_least` colour where one is ticked (a weapon alone is never "blue"). The colour decides who
monitors the matter (four-level monitoring 四级盯办) and how often it is visited. A file with
errors is refused with the line and the reason, and the criteria already in force stay.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.domain.versioned_file import (
    check_header,
    newest,
    parse_json_text,
    read_json,
    refusal,
)
from app.errors import StationDeskError
from app.paths import resource_path

COLOURS_FILENAME = "warning_colours.json"
_ID = re.compile(r"[a-z][a-z0-9_]{0,29}")
_RGB = re.compile(r"#[0-9A-Fa-f]{6}")


class WarningCriteriaError(StationDeskError):
    code = "warning_criteria"


@dataclass(frozen=True)
class Labelled:
    id: str
    label_zh: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_zh if lang.startswith("zh") else self.label_en


@dataclass(frozen=True)
class RiskFactor(Labelled):
    weight: int
    at_least: str  # colour id, "" when the factor sets no floor


@dataclass(frozen=True)
class Colour(Labelled):
    rank: int  # 0 = lowest risk
    min_score: int
    rgb: str
    monitoring: str
    visit_every_days: int


@dataclass(frozen=True)
class Suggestion:
    colour: Colour
    score: int
    floor_by: str  # factor that raised the colour above its score, if any


@dataclass(frozen=True)
class WarningCriteria:
    version: str
    source: str
    applies_to: frozenset[str]
    factors: tuple[RiskFactor, ...]
    colours: tuple[Colour, ...]  # lowest risk first
    monitoring: tuple[Labelled, ...]

    def applies(self, incident_type: str) -> bool:
        return incident_type in self.applies_to

    def colour(self, colour_id: str) -> Colour | None:
        return next((c for c in self.colours if c.id == colour_id), None)

    def monitoring_level(self, level_id: str) -> Labelled | None:
        return next((m for m in self.monitoring if m.id == level_id), None)

    def unknown_factors(self, factor_ids: Iterable[str]) -> list[str]:
        known = {f.id for f in self.factors}
        return sorted(set(factor_ids) - known)

    def suggest(self, factor_ids: Iterable[str]) -> Suggestion:
        ticked = [f for f in self.factors if f.id in set(factor_ids)]
        score = sum(f.weight for f in ticked)
        by_score = max((c for c in self.colours if c.min_score <= score), key=lambda c: c.rank)
        colour, floor_by = by_score, ""
        for factor in ticked:
            floor = self.colour(factor.at_least) if factor.at_least else None
            if floor is not None and floor.rank > colour.rank:
                colour, floor_by = floor, factor.id
        return Suggestion(colour, score, floor_by)


def parse_criteria(data: object, source: str, text: str = "") -> WarningCriteria:
    fail = refusal(WarningCriteriaError, source, text)

    def whole(value: object, low: int, high: int) -> bool:
        return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high

    def labelled(item: object, what: str, seen: set[str]) -> tuple[str, str, str]:
        if not isinstance(item, dict):
            raise fail(f'"{what}', f"each {what} must be an object")
        iid = item.get("id")
        if not isinstance(iid, str) or not _ID.fullmatch(iid):
            raise fail(f'"{what}', f"{what} id {iid!r} must be lower-case letters, digits or _")
        if iid in seen:
            raise fail(f'"{iid}"', f"{what} id {iid} is used twice")
        seen.add(iid)
        labels = item.get("label_zh"), item.get("label_en")
        if not all(isinstance(x, str) and x.strip() and len(x) <= 60 for x in labels):
            raise fail(f'"{iid}"', f"{what} {iid}: label_zh and label_en must be short texts")
        return iid, str(labels[0]), str(labels[1])

    data = check_header(data, fail)
    version = data["version"]
    applies = data.get("applies_to")
    if not isinstance(applies, list) or not applies or not all(isinstance(c, str) for c in applies):
        raise fail('"applies_to"', "applies_to must list incident type codes")

    raw_levels = data.get("monitoring")
    if not isinstance(raw_levels, list) or not raw_levels:
        raise fail('"monitoring"', "monitoring must list the monitoring levels")
    level_ids: set[str] = set()
    levels = tuple(Labelled(*labelled(m, "monitoring", level_ids)) for m in raw_levels)

    raw_colours = data.get("colours")
    if not isinstance(raw_colours, list) or len(raw_colours) < 2:
        raise fail('"colours"', "colours must list at least two colours, lowest risk first")
    colour_ids: set[str] = set()
    colours: list[Colour] = []
    for rank, item in enumerate(raw_colours):
        cid, zh, en = labelled(item, "colour", colour_ids)
        assert isinstance(item, dict)
        here = f'"{cid}"'
        if not whole(item.get("min_score"), 0, 1000):
            raise fail(here, f"colour {cid}: min_score must be a whole number from 0 to 1000")
        if colours and item["min_score"] <= colours[-1].min_score:
            raise fail(here, f"colour {cid}: min_score must rise from one colour to the next")
        if rank == 0 and item["min_score"] != 0:
            raise fail(here, f"colour {cid}: the lowest colour must start at score 0")
        if not isinstance(item.get("rgb"), str) or not _RGB.fullmatch(item["rgb"]):
            raise fail(here, f"colour {cid}: rgb must look like #C62828")
        if item.get("monitoring") not in level_ids:
            raise fail(here, f"colour {cid}: monitoring must be one of {', '.join(level_ids)}")
        if not whole(item.get("visit_every_days"), 1, 366):
            raise fail(here, f"colour {cid}: visit_every_days must be from 1 to 366")
        colours.append(
            Colour(
                cid,
                zh,
                en,
                rank=rank,
                min_score=item["min_score"],
                rgb=item["rgb"].upper(),
                monitoring=item["monitoring"],
                visit_every_days=item["visit_every_days"],
            )
        )

    raw_factors = data.get("factors")
    if not isinstance(raw_factors, list) or not raw_factors:
        raise fail('"factors"', "factors must list the risk factors")
    factor_ids: set[str] = set()
    factors: list[RiskFactor] = []
    for item in raw_factors:
        fid, zh, en = labelled(item, "factor", factor_ids)
        assert isinstance(item, dict)
        here = f'"{fid}"'
        if not whole(item.get("weight"), 0, 100):
            raise fail(here, f"factor {fid}: weight must be a whole number from 0 to 100")
        floor = item.get("at_least", "")
        if floor and floor not in colour_ids:
            raise fail(here, f"factor {fid}: at_least names no colour ({floor!r})")
        factors.append(RiskFactor(fid, zh, en, weight=item["weight"], at_least=str(floor)))
    return WarningCriteria(
        str(version),
        source,
        frozenset(applies),
        tuple(factors),
        tuple(colours),
        levels,
    )


def load_criteria_file(path: Path) -> WarningCriteria:
    data = read_json(path, WarningCriteriaError)
    return parse_criteria(data, str(path), path.read_text(encoding="utf-8"))


def bundled_criteria_path() -> Path:
    return resource_path("policy", COLOURS_FILENAME)


def load_criteria(data_dir: Path | None = None) -> WarningCriteria:
    installed = None if data_dir is None else data_dir / "policy" / COLOURS_FILENAME
    return newest(
        load_criteria_file(bundled_criteria_path()),
        installed,
        load_criteria_file,
        WarningCriteriaError,
    )


def check_criteria_text(text: str, source: str = COLOURS_FILENAME) -> WarningCriteria:
    """Validate a candidate file before it is installed."""
    return parse_criteria(parse_json_text(text, source, WarningCriteriaError), source, text)
