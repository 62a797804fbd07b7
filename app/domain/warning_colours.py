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
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.domain.versioned_file import (
    RuleFile,
    check_header,
    refusal,
)
from app.errors import StationDeskError

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
    read = _CriteriaReader(refusal(WarningCriteriaError, source, text))
    data = check_header(data, read.fail)
    version = data["version"]
    applies = data.get("applies_to")
    if not isinstance(applies, list) or not applies or not all(isinstance(c, str) for c in applies):
        raise read.fail('"applies_to"', "applies_to must list incident type codes")
    levels, level_ids = read.monitoring(data.get("monitoring"))
    colours, colour_ids = read.colours(data.get("colours"), level_ids)
    factors = read.factors(data.get("factors"), colour_ids)
    return WarningCriteria(
        str(version),
        source,
        frozenset(applies),
        factors,
        colours,
        levels,
    )


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


@dataclass(frozen=True)
class _CriteriaReader:
    """Checks each section of the file; a refusal names the line of the entry at fault."""

    fail: Callable[[str, str], StationDeskError]

    def labelled(self, item: object, what: str, seen: set[str]) -> tuple[str, str, str]:
        fail = self.fail
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

    def monitoring(self, raw_levels: object) -> tuple[tuple[Labelled, ...], set[str]]:
        if not isinstance(raw_levels, list) or not raw_levels:
            raise self.fail('"monitoring"', "monitoring must list the monitoring levels")
        level_ids: set[str] = set()
        levels = tuple(Labelled(*self.labelled(m, "monitoring", level_ids)) for m in raw_levels)
        return levels, level_ids

    def colours(
        self, raw_colours: object, level_ids: set[str]
    ) -> tuple[tuple[Colour, ...], set[str]]:
        """The colours, lowest risk first, each starting at a higher score than the one before."""
        fail = self.fail
        if not isinstance(raw_colours, list) or len(raw_colours) < 2:
            raise fail('"colours"', "colours must list at least two colours, lowest risk first")
        colour_ids: set[str] = set()
        colours: list[Colour] = []
        for rank, item in enumerate(raw_colours):
            cid, zh, en = self.labelled(item, "colour", colour_ids)
            assert isinstance(item, dict)
            here = f'"{cid}"'
            if not _whole(item.get("min_score"), 0, 1000):
                raise fail(here, f"colour {cid}: min_score must be a whole number from 0 to 1000")
            if colours and item["min_score"] <= colours[-1].min_score:
                raise fail(here, f"colour {cid}: min_score must rise from one colour to the next")
            if rank == 0 and item["min_score"] != 0:
                raise fail(here, f"colour {cid}: the lowest colour must start at score 0")
            if not isinstance(item.get("rgb"), str) or not _RGB.fullmatch(item["rgb"]):
                raise fail(here, f"colour {cid}: rgb must look like #C62828")
            if item.get("monitoring") not in level_ids:
                raise fail(here, f"colour {cid}: monitoring must be one of {', '.join(level_ids)}")
            if not _whole(item.get("visit_every_days"), 1, 366):
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
        return tuple(colours), colour_ids

    def factors(self, raw_factors: object, colour_ids: set[str]) -> tuple[RiskFactor, ...]:
        fail = self.fail
        if not isinstance(raw_factors, list) or not raw_factors:
            raise fail('"factors"', "factors must list the risk factors")
        factor_ids: set[str] = set()
        factors: list[RiskFactor] = []
        for item in raw_factors:
            fid, zh, en = self.labelled(item, "factor", factor_ids)
            assert isinstance(item, dict)
            here = f'"{fid}"'
            if not _whole(item.get("weight"), 0, 100):
                raise fail(here, f"factor {fid}: weight must be a whole number from 0 to 100")
            floor = item.get("at_least", "")
            if floor and floor not in colour_ids:
                raise fail(here, f"factor {fid}: at_least names no colour ({floor!r})")
            factors.append(RiskFactor(fid, zh, en, weight=item["weight"], at_least=str(floor)))
        return tuple(factors)


# The one loader for the criteria (app.domain.versioned_file): the services read the station's
# through `CRITERIA.in_use(data_dir)`.
CRITERIA = RuleFile("policy", COLOURS_FILENAME, parse_criteria, WarningCriteriaError)
load_criteria = CRITERIA.load
# Validate a candidate file before it is installed.
check_criteria_text = CRITERIA.check_text
