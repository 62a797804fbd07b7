"""Real parts for sync tests: HQ as its own process on PostgreSQL (or SQLite), real HTTP on
127.0.0.1, station databases as real files, the token in a file-based test keyring."""

from __future__ import annotations

import json
import os
import random
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, create_engine, select, text

from app.db.engine import Store
from app.db.models import (
    CarePerson,
    CaseFile,
    Handover,
    ReminderSheet,
    Report,
    ReportReview,
    Revision,
    Visit,
    WarningLetter,
)
from app.db.revisions import snapshot
from app.db.station_file import open_station
from app.hq import schema
from app.hq.models import HqGeneration, HqRecord, HqRevision, HqStation
from app.hq.service import Headquarters
from app.hq.sql import make_server_engine, server_url
from app.services import station, sync
from app.services.care_register import person_snapshot
from app.services.case_files import snapshot as case_snapshot
from app.services.daily_review import REVIEWS
from app.services.handover import HANDOVERS
from app.services.reminder_sheets import SHEETS
from app.services.visit_records import visit_snapshot
from app.services.warning_letters import LETTERS
from tests.conftest import plain_sqlcipher

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "STATIONDESK_TEST_PG_URL"
PASSWORD = "correct-horse"


# Ports for test servers come from below the ephemeral range (32768 and up on Linux, 49152 and
# up on Windows), so that no outgoing connection takes the port of an HQ that was killed and is
# about to start again on it. Each parallel worker draws from its own slice, and a port is
# handed out once per process: an HQ restarted on its port finds it free.
PORTS = range(20000, 32000)
_handed_out: set[int] = set()
_draw = random.SystemRandom()  # not the `random` that Hypothesis seeds


def free_port() -> int:
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 1)
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    size = len(PORTS) // workers
    mine = [p for p in PORTS[worker * size : (worker + 1) * size] if p not in _handed_out]
    for port in _draw.sample(mine, len(mine)):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue  # another program's
        _handed_out.add(port)
        return port
    raise RuntimeError("no free port left for test servers")


# -- HQ database: a fresh PostgreSQL database per test (from a migrated template) --------------
@pytest.fixture(scope="session")
def pg_template() -> Iterator[str | None]:
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    name = create_template(base)
    yield name
    drop_database(base, name)


def admin_engine(base: str) -> Engine:
    return create_engine(server_url(base), isolation_level="AUTOCOMMIT")


def create_template(base: str) -> str:
    """A migrated HQ database to copy each test's HQ from (CREATE DATABASE ... TEMPLATE)."""
    name = f"sd_tpl_{uuid.uuid4().hex[:10]}"
    admin = admin_engine(base)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    engine = make_server_engine(with_db(base, name))
    schema.upgrade(engine)
    engine.dispose()
    return name


def drop_database(base: str, name: str) -> None:
    admin = admin_engine(base)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def with_db(url: str, name: str) -> str:
    head, _, _ = url.rpartition("/")
    return f"{head}/{name}"


def new_hq_database(pg_template: str | None, folder: Path, label: str = "hq") -> str:
    """An empty, migrated HQ database: a copy of the template on PostgreSQL, else SQLite."""
    base = os.environ.get(PG_ENV)
    if pg_template is None or not base:
        url = f"sqlite:///{folder / f'{label}.sqlite3'}"
        engine = make_server_engine(url)
        schema.upgrade(engine)
        engine.dispose()
        return url
    name = f"sd_{uuid.uuid4().hex[:12]}"
    admin = admin_engine(base)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"'))
    admin.dispose()
    return with_db(base, name)


def drop_hq_database(url: str) -> None:
    base = os.environ.get(PG_ENV)
    if base and url.startswith("postgresql"):
        drop_database(base, url.rpartition("/")[2])


@pytest.fixture
def hq_db(pg_template: str | None, tmp_path: Path) -> Iterator[str]:
    url = new_hq_database(pg_template, tmp_path)
    yield url
    drop_hq_database(url)


@dataclass
class HqProcess:
    db_url: str
    port: int
    log: Path
    extra: list[str] = field(default_factory=list)
    proc: subprocess.Popen[bytes] | None = None
    ca: Path | None = None  # set when HQ serves HTTPS with a certificate signed by this CA

    @property
    def url(self) -> str:
        return f"{'https' if self.ca else 'http'}://127.0.0.1:{self.port}"

    def start(self) -> None:
        cmd = [
            sys.executable,
            "-m",
            "app.hq",
            "serve",
            "--db",
            self.db_url,
            "--port",
            str(self.port),
        ]
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [*cmd, *self.extra], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
            )
        # one client for the whole wait: a new one per poll builds a TLS context each time,
        # a few hundredths of a second taken from the HQ that is starting
        verify = ssl.create_default_context(cafile=str(self.ca)) if self.ca else True
        deadline = time.monotonic() + 30
        with httpx.Client(timeout=1, verify=verify) as client:
            while time.monotonic() < deadline:
                try:
                    if client.get(f"{self.url}/v1/health").status_code == 200:
                        return
                except httpx.TransportError:
                    pass
                if self.proc.poll() is not None:
                    raise RuntimeError(f"HQ exited: {self.log.read_text()[-2000:]}")
                time.sleep(0.05)
        raise RuntimeError("HQ did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def service(self) -> Headquarters:
        return Headquarters(make_server_engine(self.db_url))

    def backup(self, target: Path) -> Path:
        """HQ's database as its operator backs it up: pg_dump, or SQLite's online backup."""
        if self.db_url.startswith("postgresql"):
            subprocess.run(
                ["pg_dump", "-Fc", "-f", str(target), "-d", self.db_url],
                check=True,
                capture_output=True,
                timeout=120,
            )
        else:
            src = sqlite3.connect(self.db_url.removeprefix("sqlite:///"))
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
                src.close()
        return target

    def restore(self, backup: Path) -> None:
        """HQ's database replaced by an older backup (pg_restore into a new, empty database of
        the same name), HQ started again on the same port."""
        self.kill()
        if self.db_url.startswith("postgresql"):
            name = self.db_url.rpartition("/")[2]
            base = os.environ.get(PG_ENV) or with_db(self.db_url, "postgres")
            admin = admin_engine(base)
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0'))
            admin.dispose()
            subprocess.run(
                ["pg_restore", "--exit-on-error", "--no-owner", "-d", self.db_url, str(backup)],
                check=True,
                capture_output=True,
                timeout=120,
            )
        else:
            path = self.db_url.removeprefix("sqlite:///")
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(backup, path)
        self.start()


@pytest.fixture
def hq(hq_db: str, tmp_path: Path) -> Iterator[HqProcess]:
    process = HqProcess(hq_db, free_port(), tmp_path / "hq.log", ["--rate", "1000"])
    process.start()
    yield process
    process.stop()


# -- stations ----------------------------------------------------------------------------------
def make_station(data_dir: Path, unit_code: str = "140107") -> Store:
    store = open_station(data_dir, create=True)
    station.set_up_station(
        store,
        unit_code=unit_code,
        unit_name=f"派出所{unit_code}",
        contact_phone="0351-3041234",
        officer_badge="000001",
        officer_name="赵毅君",
        password=PASSWORD,
    )
    return store


def enroll(store: Store, hq: HqProcess, unit_code: str = "140107") -> None:
    code = hq.service().issue_enrolment(unit_code)
    sync.enroll(store, hq.url, code)


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Store]:
    store = make_station(tmp_path / "station")
    yield store
    store.close()


def sign_in(store: Store) -> station.OfficerInfo:
    return station.sign_in(store, "000001", PASSWORD)


def receive_and_complete(store: Store, n: int = 1, *, same_reporter: bool = False) -> list[str]:
    """Walk-ins received and their intakes saved: two revisions each. Each is a different
    reporter at a different place unless asked, so no repeat rule fires (a repeat opens a case
    file, one more revision)."""
    from app.domain.catalog import load_catalog
    from app.services import receiving
    from tests.conftest import good_intake

    catalog = load_catalog()
    officer = sign_in(store)
    ids = []
    for i in range(n):
        rid = receiving.receive(store, officer).id
        other = (
            {}
            if same_reporter
            else {
                "reporter_phone": f"139{i:08d}",
                "reporter_address": f"太原市杏花岭区新建路{i + 1}号",
                "incident_place": f"新建路{i + 1}号楼下",
            }
        )
        receiving.save_intake(store, officer, rid, good_intake(**other), catalog)
        ids.append(rid)
    return ids


# -- the invariants every scenario ends with ---------------------------------------------------
def assert_converged(store: Store, hq: HqProcess) -> None:
    """Every committed revision is at HQ exactly once, HQ's current state of each record equals
    the station's, the station file is sound, and nothing is pending. What HQ holds from a
    refused second computer with this station's identity is that computer's, not this one's."""
    with store.read() as s:
        local = {r.id: r.sha256 for r in s.scalars(select(Revision))}
        current = {r.id: snapshot(r) for r in s.scalars(select(Report))}
        current.update({v.id: visit_snapshot(v) for v in s.scalars(select(Visit))})
        current.update({p.id: person_snapshot(p) for p in s.scalars(select(CarePerson))})
        current.update({c.id: case_snapshot(s, c) for c in s.scalars(select(CaseFile))})
        for tracked, model in (
            (SHEETS, ReminderSheet),
            (LETTERS, WarningLetter),
            (HANDOVERS, Handover),
            (REVIEWS, ReportReview),
        ):
            current.update(
                {
                    row.id: tracked.snapshot(s, row)
                    for row in s.scalars(select(model))
                    if row.revision_no > 0
                }  # a sheet HQ sent that the desk has not answered yet
            )
        unit = s.scalar(text("SELECT unit_code FROM station"))
    engine = make_server_engine(hq.db_url)
    try:
        with engine.connect() as conn:
            station_id = conn.scalar(select(HqStation.id).where(HqStation.unit_code == unit))
            refused = set(
                conn.scalars(
                    select(HqGeneration.generation).where(
                        HqGeneration.station_id == station_id, HqGeneration.refused.is_(True)
                    )
                )
            )
            revisions = conn.execute(
                select(
                    HqRevision.id, HqRevision.sha256, HqRevision.generation, HqRevision.record_id
                ).where(HqRevision.station_id == station_id)
            ).all()
            held = [(r.id, r.sha256) for r in revisions if r.generation not in refused]
            others_only = {r.record_id for r in revisions if r.generation in refused} - {
                r.record_id for r in revisions if r.generation not in refused
            }
            records = {
                r.id: json.loads(r.payload)
                for r in conn.execute(
                    select(HqRecord.id, HqRecord.payload).where(HqRecord.station_id == station_id)
                )
                if r.id not in others_only
            }
    finally:
        engine.dispose()
    ids = [rev_id for rev_id, _ in held]
    assert len(ids) == len(set(ids)), "a revision is held twice at HQ"
    assert dict(held) == local, "HQ's revisions differ from the station's log"
    assert records == current, "HQ's current state differs from the station's"
    conn = plain_sqlcipher(store.path, store.key)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    assert sync.sync_status(store).pending == 0
