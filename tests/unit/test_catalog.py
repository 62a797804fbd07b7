import json
from pathlib import Path

import pytest

from app.domain.catalog import INTAKE_FIELDS, filter_types, load_catalog, load_catalog_file
from app.errors import CatalogError


def test_catalog_has_46_types_in_groups(catalog) -> None:
    assert len(catalog.types) == 46
    assert len(catalog.by_code) == 46
    groups = {t.group for t in catalog.types}
    assert {
        "criminal",
        "public_order",
        "traffic",
        "fire_disaster",
        "dispute",
        "domestic_violence",
        "help",
        "missing_lost",
        "tipoff_complaint",
        "non_police",
    } == groups
    for t in catalog.types:
        assert t.steps and t.name_zh and t.name_en
        assert set(t.required_fields) <= set(INTAKE_FIELDS)
    disputes = {t.name_zh for t in catalog.types if t.dispute}
    assert {"婚恋纠纷", "家庭纠纷", "邻里纠纷"} <= disputes
    assert catalog.get("C09").safe_contact
    # domestic violence is a group of its own, not a crime by type: most reports are handled
    # under the Anti-Domestic Violence Law (criticism, a warning letter) without a case
    assert catalog.get("C09").group == "domestic_violence"
    assert all(t.return_visit for t in catalog.types if t.dispute)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("盗窃", "C01"),
        ("daoqie", "C01"),
        ("dq", "C01"),
        ("jtbl", "C09"),
        ("wage", "D04"),
        ("lljf", "D03"),
    ],
)
def test_type_ahead_by_chinese_pinyin_and_initials(catalog, typed: str, expected: str) -> None:
    assert expected in [t.code for t in filter_types(catalog, typed, "zh_CN")]


def _write(tmp: Path, doc: object) -> Path:
    folder = tmp / "catalog"
    folder.mkdir(exist_ok=True)
    path = folder / "incident_types.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def test_newer_catalog_in_data_folder_replaces_bundled(tmp_path: Path, catalog) -> None:
    doc = json.loads(Path(catalog.source).read_text(encoding="utf-8"))
    doc["version"] = "2099.1"
    doc["types"][0]["name_zh"] = "盗窃（新版）"
    _write(tmp_path, doc)
    loaded = load_catalog(tmp_path)
    assert loaded.version == "2099.1"
    assert loaded.get("C01").name_zh == "盗窃（新版）"


def test_broken_catalog_is_refused_with_reason_and_bundled_stays(tmp_path: Path, catalog) -> None:
    doc = json.loads(Path(catalog.source).read_text(encoding="utf-8"))
    doc["version"] = "2099.1"
    doc["types"][3]["required_fields"] = ["shoe_size"]
    path = _write(tmp_path, doc)
    with pytest.raises(CatalogError, match="C04.*shoe_size"):
        load_catalog_file(path)
    assert load_catalog(tmp_path).version == catalog.version
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CatalogError, match="line 1"):
        load_catalog_file(path)
