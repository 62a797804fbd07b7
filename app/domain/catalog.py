"""The incident-type catalog: 46 types with handling standards, loaded from a versioned data file.

Policy lives in data so headquarters can ship a new catalog without a new build. A catalog
file in the station's data folder replaces the bundled one when its version is newer; a file
that fails validation is refused whole with the reason, and the previous catalog stays in force.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from app.domain.versioned_file import RuleFile, version_key
from app.errors import CatalogError

CATALOG_FILENAME = "incident_types.json"
INTAKE_FIELDS = (
    "reporter_name",
    "reporter_phone",
    "reporter_id_number",
    "reporter_address",
    "incident_time",
    "incident_place",
    "summary",
)


@dataclass(frozen=True)
class HandlingStep:
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.zh if lang.startswith("zh") else self.en


@dataclass(frozen=True)
class IncidentType:
    code: str
    group: str
    name_zh: str
    name_en: str
    required_fields: tuple[str, ...]
    steps: tuple[HandlingStep, ...]
    dispute: bool
    return_visit: bool
    safe_contact: bool
    non_police: bool
    referral_department_zh: str = ""
    referral_department_en: str = ""

    @cached_property
    def _pinyin(self) -> tuple[str, str]:
        # Worked out on first type-ahead, not at load: pypinyin costs a third of a second to
        # import and the catalog is read while the desk starts.
        from app.domain.search_keys import pinyin_keys

        return pinyin_keys(self.name_zh)

    @property
    def pinyin_full(self) -> str:
        return self._pinyin[0]

    @property
    def pinyin_initials(self) -> str:
        return self._pinyin[1]

    def name(self, lang: str) -> str:
        return self.name_zh if lang.startswith("zh") else self.name_en


@dataclass(frozen=True)
class Catalog:
    version: str
    groups: dict[str, tuple[str, str]]
    types: tuple[IncidentType, ...]
    source: str

    @cached_property
    def by_code(self) -> dict[str, IncidentType]:
        return {t.code: t for t in self.types}

    def get(self, code: str) -> IncidentType:
        try:
            return self.by_code[code]
        except KeyError:
            raise CatalogError(f"unknown incident type {code!r}") from None

    def group_name(self, group: str, lang: str) -> str:
        zh, en = self.groups[group]
        return zh if lang.startswith("zh") else en


def parse_catalog(data: object, source: str) -> Catalog:
    """Validate a decoded catalog document; every problem names the type and the field."""

    if not isinstance(data, dict):
        raise CatalogError(f"{source}: top level must be an object")
    if data.get("format") != 1:
        raise CatalogError(f"{source}: unsupported format {data.get('format')!r}")
    version = data.get("version")
    if not isinstance(version, str):
        raise CatalogError(f"{source}: missing version")
    try:
        version_key(version)
    except ValueError:
        raise CatalogError(f"{source}: version {version!r} is not dotted numbers") from None
    groups: dict[str, tuple[str, str]] = {}
    for g in data.get("groups") or []:
        try:
            groups[str(g["code"])] = (str(g["name_zh"]), str(g["name_en"]))
        except (KeyError, TypeError):
            raise CatalogError(f"{source}: malformed group {g!r}") from None
    types: list[IncidentType] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("types") or []):
        where = f"{source}: type #{i + 1}"
        if not isinstance(raw, dict):
            raise CatalogError(f"{where}: not an object")
        code = raw.get("code")
        if not isinstance(code, str) or not code:
            raise CatalogError(f"{where}: missing code")
        where = f"{source}: type {code}"
        if code in seen:
            raise CatalogError(f"{where}: duplicate code")
        seen.add(code)
        if raw.get("group") not in groups:
            raise CatalogError(f"{where}: unknown group {raw.get('group')!r}")
        for key in ("name_zh", "name_en"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise CatalogError(f"{where}: missing {key}")
        required = raw.get("required_fields") or []
        bad = [f for f in required if f not in INTAKE_FIELDS]
        if bad:
            raise CatalogError(f"{where}: unknown required field(s) {bad}")
        steps_raw = raw.get("steps") or []
        if not steps_raw:
            raise CatalogError(f"{where}: no handling steps")
        try:
            steps = tuple(HandlingStep(zh=str(s["zh"]), en=str(s["en"])) for s in steps_raw)
        except (KeyError, TypeError):
            raise CatalogError(f"{where}: malformed handling step") from None
        types.append(
            IncidentType(
                code=code,
                group=raw["group"],
                name_zh=raw["name_zh"],
                name_en=raw["name_en"],
                required_fields=tuple(required),
                steps=steps,
                dispute=bool(raw.get("dispute")),
                return_visit=bool(raw.get("return_visit")),
                safe_contact=bool(raw.get("safe_contact")),
                non_police=bool(raw.get("non_police")),
                referral_department_zh=str(raw.get("referral_department_zh", "")),
                referral_department_en=str(raw.get("referral_department_en", "")),
            )
        )
    if not types:
        raise CatalogError(f"{source}: no incident types")
    return Catalog(version=version, groups=groups, types=tuple(types), source=source)


# The one loader for catalogs (app.domain.versioned_file): the services read the station's
# through `CATALOG.in_use(data_dir)`.
CATALOG = RuleFile(
    "catalog",
    CATALOG_FILENAME,
    lambda data, source, _text: parse_catalog(data, source),
    CatalogError,
)
load_catalog_file = CATALOG.load_file
# The bundled catalog, or a newer valid one installed in the station's data folder.
load_catalog = CATALOG.load


def filter_types(catalog: Catalog, query: str, lang: str) -> list[IncidentType]:
    """Type-ahead: Chinese substring, English substring, full pinyin or pinyin initials prefix."""
    q = query.strip().lower().replace(" ", "")
    if not q:
        return list(catalog.types)
    hits: list[IncidentType] = []
    for t in catalog.types:
        if (
            q in t.name_zh
            or q in t.name_en.lower().replace(" ", "")
            or t.pinyin_full.startswith(q)
            or t.pinyin_initials.startswith(q)
            or q in t.pinyin_full
            or t.code.lower() == q
        ):
            hits.append(t)
    return hits
