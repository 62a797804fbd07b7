from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db import cipher  # noqa: E402
from app.db.engine import Store  # noqa: E402
from app.db.station_file import open_station  # noqa: E402
from app.domain.catalog import Catalog, load_catalog  # noqa: E402
from app.services import station  # noqa: E402
from app.services.station import OfficerInfo  # noqa: E402

PASSWORD = "correct-horse"


def plain_sqlcipher(path: Path, key: bytes | None) -> Any:
    """The database file opened with nothing but SQLCipher and the key, as another tool would:
    no StationDesk code between the test and the pages."""
    return cipher.connect(path, key)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture(autouse=True)
def test_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file-based keyring in this test's folder, for this process and its children: the
    station database key and the HQ token go there, as they go to the OS keyring on a desk."""
    home = tmp_path / "keyring-home"
    home.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("STATIONDESK_ALLOW_FILE_KEYRING", "1")  # asked for by name, as it must be
    keyring.set_keyring(PlaintextKeyring())
    return home


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "station"
    d.mkdir()
    return d


@pytest.fixture
def store(data_dir: Path) -> Store:
    s = open_station(data_dir, create=True)
    station.set_up_station(
        s,
        unit_code="140107",
        unit_name="三桥派出所",
        parent_bureau="杏花岭分局",
        contact_phone="0351-1234567",
        officer_badge="000001",
        officer_name="赵毅君",
        password=PASSWORD,
    )
    yield s
    s.close()


@pytest.fixture
def chief(store: Store) -> OfficerInfo:
    return station.sign_in(store, "000001", PASSWORD)


@pytest.fixture
def officer(store: Store) -> OfficerInfo:
    station.add_officer(store, badge="100202", name="李建国", password=PASSWORD, role="officer")
    return station.sign_in(store, "100202", PASSWORD)


def good_intake(**overrides: str) -> dict[str, str]:
    fields = {
        "reporter_name": "王芳",
        "reporter_phone": "139 1234 5678",
        "reporter_id_number": "",
        "reporter_address": "太原市杏花岭区新建路12号3栋2单元501室",
        "incident_type": "C01",
        "incident_time": "2024-01-02 21:30",
        "incident_place": "新建路12号楼下",
        "summary": "报警人称其停放在楼下的电动车被盗。",
    }
    fields.update(overrides)
    return fields
