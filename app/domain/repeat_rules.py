"""Repeat-report rules: what counts as the same reporter or place reporting again. Data, not code.

`resources/policy/repeat_rules.json` (versioned; a newer valid copy in the data folder wins). A
rule says how many earlier reports inside how many days make this one a repeat; rules listed
under an incident type apply to that type as well as the general ones. A file with errors is
refused with the line and the reason, and the rules already in force stay.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.domain.versioned_file import (
    RuleFile,
    check_header,
    refusal,
)
from app.errors import StationDeskError

RULES_FILENAME = "repeat_rules.json"
KEYS = ("phone", "id_number", "name_address", "incident_place")
# Used where a rules file (an older one) does not say.
CASE_DEADLINE_DAYS = 15
SHEET_DEADLINE_DAYS = 7


class RepeatRulesError(StationDeskError):
    code = "repeat_rules"


@dataclass(frozen=True)
class RepeatRule:
    id: str
    window_days: int
    min_earlier: int
    label_zh: str
    label_en: str

    def label(self, lang: str, n: int) -> str:
        text = self.label_zh if lang.startswith("zh") else self.label_en
        return text.replace("{n}", str(n)).replace("{days}", str(self.window_days))


@dataclass(frozen=True)
class CrossStationRule:
    """HQ's rule: the same phone or ID number reporting at more than one station."""

    id: str
    window_days: int
    deadline_days: int
    keys: tuple[str, ...]
    label_zh: str
    label_en: str
    # A match waits in HQ's review queue until an operator issues the sheet; true sends it to
    # the station at once (as before), which discloses other stations' reports unreviewed.
    auto_issue: bool = False
    # A station whose reports hit other stations' keys this often in this many days raises an
    # alarm: made-up reports fishing for "was this person reported anywhere".
    probe_hits: int = 20
    probe_days: int = 7

    def label(self, lang: str, n: int, stations: int) -> str:
        text = self.label_zh if lang.startswith("zh") else self.label_en
        return (
            text.replace("{n}", str(n))
            .replace("{days}", str(self.window_days))
            .replace("{stations}", str(stations))
        )


@dataclass(frozen=True)
class RepeatRules:
    version: str
    source: str
    keys: tuple[str, ...]
    general: tuple[RepeatRule, ...]
    by_type: dict[str, tuple[RepeatRule, ...]]
    cross_station: CrossStationRule | None = None
    # Days a case file has to be cleared in, and a reminder sheet the station issues from one
    # (HQ's sheets carry cross_station.deadline_days).
    case_deadline_days: int = CASE_DEADLINE_DAYS
    sheet_deadline_days: int = SHEET_DEADLINE_DAYS

    def for_type(self, incident_type: str) -> tuple[RepeatRule, ...]:
        """General rules and the type's own, narrowest window first (the most pressing)."""
        rules = self.general + self.by_type.get(incident_type, ())
        return tuple(sorted(rules, key=lambda r: (r.window_days, -r.min_earlier)))

    @property
    def longest_window(self) -> int:
        every = list(self.general) + [r for rs in self.by_type.values() for r in rs]
        return max(r.window_days for r in every)


def parse_rules(data: object, source: str, text: str = "") -> RepeatRules:
    fail = refusal(RepeatRulesError, source, text)

    data = check_header(data, fail)
    version = data["version"]
    keys = data.get("keys", list(KEYS))
    if not isinstance(keys, list) or not keys or any(k not in KEYS for k in keys):
        raise fail('"keys"', f"keys must be some of {', '.join(KEYS)}")

    seen: set[str] = set()

    def rule(item: object) -> RepeatRule:
        if not isinstance(item, dict):
            raise fail('"rules"', "each rule must be an object")
        rid = item.get("id")
        if not isinstance(rid, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,20}", rid):
            raise fail('"rules"', f"rule id {rid!r} must be 1-20 letters, digits, - or _")
        here = f'"{rid}"'
        if rid in seen:
            raise fail(here, f"rule id {rid} is used twice")
        seen.add(rid)
        window, earlier = item.get("window_days"), item.get("min_earlier")
        if isinstance(window, bool) or not isinstance(window, int) or not 1 <= window <= 3660:
            raise fail(here, f"rule {rid}: window_days must be a whole number from 1 to 3660")
        if isinstance(earlier, bool) or not isinstance(earlier, int) or not 1 <= earlier <= 100:
            raise fail(here, f"rule {rid}: min_earlier must be a whole number from 1 to 100")
        labels = item.get("label_zh"), item.get("label_en")
        if not all(isinstance(x, str) and x.strip() and len(x) <= 80 for x in labels):
            raise fail(here, f"rule {rid}: label_zh and label_en must be short texts")
        return RepeatRule(rid, window, earlier, str(labels[0]), str(labels[1]))

    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise fail('"rules"', "at least one general rule is needed")
    general = tuple(rule(r) for r in rules)
    by_type_raw = data.get("by_type", {})
    if not isinstance(by_type_raw, dict):
        raise fail('"by_type"', "by_type must map incident type codes to lists of rules")
    by_type = {}
    for code, items in by_type_raw.items():
        if not isinstance(items, list):
            raise fail(f'"{code}"', f"by_type {code}: must be a list of rules")
        by_type[code] = tuple(rule(r) for r in items)
    return RepeatRules(
        str(version),
        source,
        tuple(keys),
        general,
        by_type,
        _cross_station(data, fail),
        _deadline(data, "case_files", CASE_DEADLINE_DAYS, fail),
        _deadline(data, "reminder_sheets", SHEET_DEADLINE_DAYS, fail),
    )


def _deadline(
    data: dict[str, Any], name: str, default: int, fail: Callable[[str, str], Exception]
) -> int:
    """`"<name>": {"deadline_days": N}`; the default where the file does not say."""
    item = data.get(name)
    if item is None:
        return default
    days = item.get("deadline_days") if isinstance(item, dict) else None
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= 90:
        raise fail(f'"{name}"', f"{name}: deadline_days must be a whole number from 1 to 90")
    return days


def _cross_station(
    data: dict[str, Any], fail: Callable[[str, str], Exception]
) -> CrossStationRule | None:
    item = data.get("cross_station")
    if item is None:
        return None
    here = '"cross_station"'
    if not isinstance(item, dict):
        raise fail(here, "cross_station must be an object")

    def whole(name: str, low: int, high: int) -> int:
        value = item.get(name)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise fail(here, f"cross_station: {name} must be a whole number from {low} to {high}")
        return value

    keys = item.get("keys")
    if not isinstance(keys, list) or not keys or any(k not in ("phone", "id_number") for k in keys):
        raise fail(here, "cross_station: keys must be some of phone, id_number")
    labels = item.get("label_zh"), item.get("label_en")
    if not all(isinstance(x, str) and x.strip() and len(x) <= 80 for x in labels):
        raise fail(here, "cross_station: label_zh and label_en must be short texts")
    rid = item.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[A-Za-z0-9_-]{1,20}", rid):
        raise fail(here, f"cross_station: id {rid!r} must be 1-20 letters, digits, - or _")
    auto_issue = item.get("auto_issue", False)
    if not isinstance(auto_issue, bool):
        raise fail(here, "cross_station: auto_issue must be true or false")
    probe = item.get("probe_alarm", {"hits": 20, "days": 7})
    if not isinstance(probe, dict):
        raise fail(here, "cross_station: probe_alarm must be an object")
    hits, days = probe.get("hits"), probe.get("days")
    for name, value, high in (("hits", hits, 100_000), ("days", days, 366)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= high:
            raise fail(
                here, f"cross_station: probe_alarm.{name} must be a whole number from 1 to {high}"
            )
    return CrossStationRule(
        rid,
        whole("window_days", 1, 3660),
        whole("deadline_days", 1, 90),
        tuple(keys),
        str(labels[0]),
        str(labels[1]),
        auto_issue,
        int(hits or 0),
        int(days or 0),
    )


# The one loader for repeat rules (app.domain.versioned_file): the services read the station's
# through `RULES.in_use(data_dir)`, HQ the bundled file's through `RULES.in_use()`.
RULES = RuleFile("policy", RULES_FILENAME, parse_rules, RepeatRulesError)
bundled_rules_path = RULES.bundled_path
installed_rules_path = RULES.installed_path
load_rules = RULES.load
# Validate a candidate file before it is installed (what an administrator or HQ sends).
check_rules_text = RULES.check_text
