"""Disputes and domestic violence as the station counts and handles them.

Data, not code: `resources/policy/disputes.json` (versioned; a newer valid copy in the data
folder wins). It says which catalog group the weekly figures count as disputes; which types
make up the marriage/relationship, family and neighbourhood disputes the five-colour warning
watches and the figures report apart; which type is domestic violence (the warning letters'
share is counted against it); and for which types a warning letter (告诫书) can be drafted:
domestic violence itself, and the relationship and family disputes it hides in. A file with
errors is refused with the line and the reason, and the definitions already in force stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.versioned_file import (
    RuleFile,
    check_header,
    refusal,
)
from app.errors import StationDeskError

DISPUTES_FILENAME = "disputes.json"
_CODE = re.compile(r"[A-Za-z0-9_]{1,12}")


class DisputePolicyError(StationDeskError):
    code = "dispute_policy"


@dataclass(frozen=True)
class DisputePolicy:
    version: str
    source: str
    dispute_group: str  # the catalog group whose types count as disputes
    family_types: tuple[str, ...]
    family_label_zh: str
    family_label_en: str
    domestic_violence: str  # the incident type code
    letter_types: frozenset[str]  # types a warning letter can be drafted for

    def family_label(self, lang: str) -> str:
        return self.family_label_zh if lang.startswith("zh") else self.family_label_en

    def letters_apply(self, incident_type: str) -> bool:
        return incident_type in self.letter_types


def parse_disputes(data: object, source: str, text: str = "") -> DisputePolicy:
    fail = refusal(DisputePolicyError, source, text)

    def codes(value: object, where: str) -> tuple[str, ...]:
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(c, str) and _CODE.fullmatch(c) for c in value)
        ):
            raise fail(f'"{where}"', f"{where} must list incident type codes")
        return tuple(str(c) for c in value)

    data = check_header(data, fail)
    group = data.get("dispute_group")
    if not isinstance(group, str) or not _CODE.fullmatch(group):
        raise fail('"dispute_group"', "dispute_group must name a catalog group")
    family = data.get("family_disputes")
    if not isinstance(family, dict):
        raise fail('"family_disputes"', "family_disputes must be an object")
    family_types = codes(family.get("types"), "types")
    labels = family.get("label_zh"), family.get("label_en")
    if not all(isinstance(x, str) and x.strip() and len(x) <= 60 for x in labels):
        raise fail(
            '"family_disputes"', "family_disputes: label_zh and label_en must be short texts"
        )
    dv = data.get("domestic_violence")
    if not isinstance(dv, str) or not _CODE.fullmatch(dv):
        raise fail('"domestic_violence"', "domestic_violence must be an incident type code")
    return DisputePolicy(
        version=str(data["version"]),
        source=source,
        dispute_group=group,
        family_types=family_types,
        family_label_zh=str(labels[0]),
        family_label_en=str(labels[1]),
        domestic_violence=dv,
        letter_types=frozenset(codes(data.get("warning_letter_types"), "warning_letter_types")),
    )


# The one loader for the definitions (app.domain.versioned_file): the services read the
# station's through `DISPUTES.in_use(data_dir)`, HQ the bundled file's through `in_use()`.
DISPUTES = RuleFile("policy", DISPUTES_FILENAME, parse_disputes, DisputePolicyError)
