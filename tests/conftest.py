from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from argon2 import PasswordHasher
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


@pytest.fixture(autouse=True, scope="session")
def quick_password_hashes() -> Iterator[None]:
    """Passwords are hashed at Argon2's lowest cost in the test process. At the desk's cost
    (64 MiB, three passes) each hash or check takes a fifth of a second on a two-core machine,
    and the suite hashes and checks some seven hundred times: minutes spent on a cost no test
    is about. Who may sign in, lock-outs and resets behave the same, and since a hash carries
    its own parameters, the app and command lines the tests start check these passwords as
    they are (at the desk's cost for those they set themselves)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(station, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
        yield


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In parallel workers (`make test`) the longest tests start first, so that the workers
    finish together rather than one running a long test alone at the end. Every worker sorts
    the same way (the run needs the same order in each)."""
    if hasattr(config, "workerinput"):
        items.sort(key=_expected_length)  # stable: the file order within each kind


def _expected_length(item: pytest.Item) -> int:
    """0: a minute or more (marked slow); 1: starts an HQ process; 2: the rest."""
    if item.get_closest_marker("slow"):
        return 0
    if {"hq", "hq_db"} & set(getattr(item, "fixturenames", ())):
        return 1
    return 2


_SUMMARIES = "summaries"  # lines a test asked to print after the run, from a parallel worker
_worker_lines = pytest.StashKey[list[str]]()


def print_after_the_run(config: pytest.Config, line: str) -> None:
    """A line for the end of the run's output (the fault explorer's seed and counts). A
    parallel worker's own terminal is not shown: its lines travel with its results."""
    worker_output = getattr(config, "workeroutput", None)
    if worker_output is not None:
        worker_output.setdefault(_SUMMARIES, []).append(line)
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():
            reporter.ensure_newline()
            reporter.write_line(line)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """A parallel worker is done: its lines are printed in the summary."""
    config = node.config
    config.stash.setdefault(_worker_lines, []).extend(
        getattr(node, "workeroutput", {}).get(_SUMMARIES, [])
    )


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    for line in config.stash.get(_worker_lines, []):
        terminalreporter.write_line(line)


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
