"""The world the sync fault explorer drives (tests/sync/test_fault_explorer.py).

Real parts only: one HQ as its own process on a fresh PostgreSQL database (SQLite without
STATIONDESK_TEST_PG_URL), real HTTP on 127.0.0.1 through a FaultProxy, one or two stations
as real encrypted files in this world's own folder, a file keyring in that folder (child
processes see it through the environment). Faults are the ones a front desk meets: a sync
killed at a named step, HQ killed in the middle of an ingest, answers lost after HQ committed,
a station or HQ restored from an older backup, a fresh HQ, a desk clock that jumps, a data
folder copied to a second computer.

`World.settle()` stops every fault, syncs every live station until it is done and returns
nothing when every invariant holds; otherwise it raises a `Violation` (one subclass per kind
of problem, so Hypothesis tells different bugs apart) whose message lists every problem found.
"""

from __future__ import annotations

import atexit
import collections
import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
from keyrings.alt.file import PlaintextKeyring
from sqlalchemy import Engine, or_, select, text

from app.db import cipher
from app.db.engine import Store
from app.db.models import (
    CarePerson,
    CaseFile,
    Handover,
    ReminderSheet,
    Report,
    Revision,
    Visit,
    WarningLetter,
)
from app.db.revisions import snapshot as report_snapshot
from app.domain import clock
from app.domain.catalog import Catalog, load_catalog
from app.hq import schema
from app.hq.models import HqInstruction, HqRecord, HqRevision, HqStation
from app.hq.service import Headquarters
from app.hq.sql import make_server_engine
from app.services import (
    backups,
    care_register,
    case_files,
    handover,
    receiving,
    reminder_sheets,
    sync,
    visit_queries,
    visits,
    warning_letters,
)
from app.services.station import OfficerInfo
from app.services.sync import sync_engine
from app.sync.client import HqClient
from app.sync.report import SyncReport
from tests.conftest import good_intake, plain_sqlcipher
from tests.sync.conftest import (
    PG_ENV,
    ROOT,
    HqProcess,
    admin_engine,
    create_template,
    drop_database,
    free_port,
    make_station,
    sign_in,
    with_db,
)
from tests.sync.faults import HTML_200, Fault, FaultProxy, canned

UNIT_CODES = ("140107", "140108")
CRASH_POINTS = (
    "after_status",
    "before_push",
    "after_push_response",
    "after_ack_commit",
    "after_new_generation",
    "after_recover_commit",
    "after_instructions_fetch",
    "after_instructions_commit",
)
NETWORK_FAULTS: dict[str, Callable[[], Fault]] = {
    "drop_answer": lambda: Fault("drop_answer"),
    "reset_answer": lambda: Fault("reset_answer"),
    "cut_request": lambda: Fault("cut_request"),
    "http_500": lambda: canned(500, b"Internal Server Error", ("Content-Type", "text/plain")),
    "html_200": lambda: HTML_200,
}
CLOCK_JUMPS = ("back_an_hour", "forward_days", "back_years")
# A refusal a person must act on. The brief says "sync_refused"; HQ's refusal of a second
# computer may come with its own code (a subclass of the refusal).
REFUSAL_CODES = ("sync_refused", "station_split")
SETTLE_ATTEMPTS = 12  # runs per station per round before "it does not get done" is reported
SETTLE_ROUNDS = 4  # rounds over all stations until one changes nothing (copies catch up)

# Small pools, so a repeat rule fires now and then (three reports of one phone in 30 days)
PHONES = ("139 0000 0001", "139 0000 0002", "139 0000 0003")
ADDRESSES = ("太原市杏花岭区新建路12号", "太原市杏花岭区胜利街8号")
PLACES = ("新建路12号楼下", "胜利街8号门口")
INCIDENT_TYPES = ("C01", "D02")


# -- what goes wrong -------------------------------------------------------------------------
class Violation(AssertionError):
    """An invariant of sync does not hold. Subclasses name the kind, so that Hypothesis reports
    distinct bugs apart; the message lists every problem the check found."""


class SyncCrashed(Violation):
    """run_once raised instead of reporting, a child sync died of an exception, a run hung."""


class NotSettled(Violation):
    """With every fault stopped, a station never reached "nothing pending"."""


class RevisionMissing(Violation):
    """A revision the station holds is not at HQ, or HQ holds other content under its id."""


class StateDiffers(Violation):
    """HQ's current state of a record is not the station's."""


class HqHoldsExtra(Violation):
    """HQ holds revisions or records of a station that the station does not."""


class StillPending(Violation):
    """The station reported ok but counts revisions as pending."""


class FileDamaged(Violation):
    """PRAGMA integrity_check is not ok."""


class NoticeProblem(Violation):
    """An HQ notice is missing at the station, or was applied twice."""


class HqBehindNotRaised(Violation):
    """HQ was restored and lost acknowledged revisions, and no "hq_behind" alarm names the
    station."""


class SplitNotHandled(Violation):
    """Two live copies of one station diverged and HQ did not refuse exactly one of them with
    a "split" alarm."""


class UnexpectedRefusal(Violation):
    """HQ refused a station that was never copied (or refused both copies)."""


class RefusedCopyLost(Violation):
    """The refused copy lost records: they are neither at HQ nor in its own file."""


PRIORITY: tuple[tuple[str, type[Violation]], ...] = (
    ("crash", SyncCrashed),
    ("settle", NotSettled),
    ("revisions", RevisionMissing),
    ("state", StateDiffers),
    ("extra", HqHoldsExtra),
    ("pending", StillPending),
    ("integrity", FileDamaged),
    ("notices", NoticeProblem),
    ("hq_behind", HqBehindNotRaised),
    ("split", SplitNotHandled),
    ("refused", UnexpectedRefusal),
    ("lost", RefusedCopyLost),
)


@dataclass
class Problems:
    items: list[tuple[str, str]] = field(default_factory=list)

    def add(self, kind: str, message: str) -> None:
        assert kind in dict(PRIORITY), kind
        self.items.append((kind, message))

    def extend(self, kind: str, messages: list[str]) -> None:
        for message in messages:
            self.add(kind, message)

    def raise_if_any(self, where: str) -> None:
        if not self.items:
            return
        kinds = {kind for kind, _ in self.items}
        cls = next(c for kind, c in PRIORITY if kind in kinds)
        lines = [f"{where}: {len(self.items)} invariant violation(s)"]
        for kind, _ in PRIORITY:
            found = [m for k, m in self.items if k == kind]
            for message in found[:8]:
                lines.append(f"  [{kind}] {message}")
            if len(found) > 8:
                lines.append(f"  [{kind}] ... and {len(found) - 8} more")
        STATS.violations[cls.__name__] += 1
        raise cls("\n".join(lines))


# -- counting, for the soak's summary line ---------------------------------------------------
@dataclass
class Stats:
    sequences: int = 0
    steps: int = 0
    settles: int = 0
    faults: collections.Counter[str] = field(default_factory=collections.Counter)
    violations: collections.Counter[str] = field(default_factory=collections.Counter)

    def line(self) -> str:
        faults = dict(sorted(self.faults.items()))
        text_ = (
            f"fault explorer: {self.sequences} sequences, {self.steps} steps, "
            f"{self.settles} settles, faults: {faults}"
        )
        if self.violations:
            text_ += f", violations: {dict(sorted(self.violations.items()))}"
        return text_


STATS = Stats()


# -- HQ's database: a migrated template per process, a fresh copy per HQ -----------------------
_template: dict[str, str] = {}


def _pg_template(base: str) -> str:
    """One migrated database to copy from, made on first use and dropped when the process
    ends."""
    if "name" not in _template:
        _template["name"] = create_template(base)
        atexit.register(_drop_database, base, _template["name"])
    return _template["name"]


def _drop_database(base: str, name: str) -> None:
    with contextlib.suppress(Exception):
        drop_database(base, name)


@contextlib.contextmanager
def _engine(url: str) -> Iterator[Engine]:
    engine = make_server_engine(url)
    try:
        yield engine
    finally:
        engine.dispose()


@contextlib.contextmanager
def headquarters(url: str) -> Iterator[Headquarters]:
    with _engine(url) as engine:
        yield Headquarters(engine)


class Hq:
    """One HQ: its database, its process on a port kept across restarts, its backups."""

    def __init__(self, root: Path, label: str) -> None:
        self.root = root
        self.label = label
        self.base = os.environ.get(PG_ENV) or ""
        if self.base:
            self.db_name = f"sd_x_{uuid.uuid4().hex[:12]}"
            admin = admin_engine(self.base)
            with admin.connect() as conn:
                conn.execute(
                    text(f'CREATE DATABASE "{self.db_name}" TEMPLATE "{_pg_template(self.base)}"')
                )
            admin.dispose()
            self.db_url = with_db(self.base, self.db_name)
        else:
            self.db_name = ""
            self.file = root / f"{label}.sqlite3"
            self.db_url = f"sqlite:///{self.file}"
            with _engine(self.db_url) as engine:
                schema.upgrade(engine)
        self.process = HqProcess(
            self.db_url, free_port(), root / f"{label}.log", ["--rate", "1000"]
        )
        self.backups: list[Path] = []

    @property
    def port(self) -> int:
        return self.process.port

    def start(self) -> None:
        self.process.start()

    def kill(self) -> None:
        self.process.kill()

    def backup(self) -> Path:
        target = self.root / f"{self.label}-backup-{len(self.backups) + 1}.dump"
        self.backups.append(self.process.backup(target))
        return target

    def restore(self, backup: Path) -> None:
        """HQ's disk is replaced by an older backup: stop, drop, recreate, restore, start."""
        self.process.restore(backup)

    def drop(self) -> None:
        self.process.kill()
        if self.base:
            _drop_database(self.base, self.db_name)


# -- stations ----------------------------------------------------------------------------------
@dataclass
class Desk:
    """One live instance of a station: its folder, its open file, who is signed in."""

    name: str
    unit: str
    folder: Path
    store: Store
    officer: OfficerInfo
    backups: list[Path] = field(default_factory=list)
    refusal: str = ""  # HQ refused this instance (its report's error), awaiting the checks
    retired: bool = False
    # the computer it runs on (what its keyring would hold); a copy is another computer's
    computer: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def active(self) -> bool:
        return not self.retired and not self.refusal


@dataclass
class CopyEpisode:
    """A data folder copied to a second computer; both run as the same station."""

    unit: str
    members: tuple[str, str]
    made: dict[str, set[str]] = field(default_factory=dict)  # revisions each made since
    closed: bool = False

    def diverged(self, held: dict[str, set[str]]) -> bool:
        """Each holds work of its own the other lacks. A copy that took the other's records
        back (it followed) and only then made more has not diverged until the other makes
        more too: until then one holds all the other does."""
        a, b = self.members
        return all(
            (self.made.get(m, set()) & held[m]) - held[other] for m, other in ((a, b), (b, a))
        )


def short_timeout(url: str, token: str, ca: str, allow_http: bool) -> HqClient:
    return HqClient(url, token=token, ca_bundle=ca, allow_http=allow_http, timeout=2.0)


def copy_file(source: Path, target: Path, key: bytes | None) -> None:
    """A consistent copy of a (live) station file, as tests/sync/test_faults.py's _backup."""
    src = cipher.connect(source, key)
    try:
        cipher.copy_database(src, target, key)
    finally:
        src.close()


# -- the desk's clock ------------------------------------------------------------------------
_REAL_NOW = clock.now_local


def _clock_modules() -> list[Any]:
    return [
        m
        for name, m in sorted(sys.modules.items())
        if (name.startswith("app.services.") or name.startswith("app.sync."))
        and getattr(m, "now_local", None) is _REAL_NOW
    ]


class DeskClock:
    """A wrong desk clock for a few steps: now_local patched where the services read it."""

    def __init__(self) -> None:
        self.kind = ""
        self.remaining = 0
        self._patched: list[Any] = []

    def jump(self, kind: str, steps: int) -> None:
        self.restore()
        shift = {
            "back_an_hour": dt.timedelta(hours=-1),
            "forward_days": dt.timedelta(days=3),
            "back_years": dt.timedelta(days=-365 * 23),
        }[kind]

        def wrong_now() -> dt.datetime:
            return (dt.datetime.now() + shift).astimezone()

        self._patched = _clock_modules()
        for module in self._patched:
            module.now_local = wrong_now
        self.kind, self.remaining = kind, steps

    def tick(self) -> None:
        """Called as each step begins: the clock stays wrong for `steps` steps."""
        if not self.kind:
            return
        if self.remaining:
            self.remaining -= 1
        else:
            self.restore()

    def restore(self) -> None:
        for module in self._patched:
            module.now_local = _REAL_NOW
        self._patched = []
        self.kind, self.remaining = "", 0


# -- the world ---------------------------------------------------------------------------------
_catalog: list[Catalog] = []


def catalog() -> Catalog:
    if not _catalog:
        _catalog.append(load_catalog())
    return _catalog[0]


class World:
    def __init__(self) -> None:
        STATS.sequences += 1
        base = os.environ.get("STATIONDESK_FAULT_TMP") or None
        self.root = Path(tempfile.mkdtemp(prefix="sd-explore-", dir=base))
        self.id = self.root.name[-6:]
        self._saved_env = {
            k: os.environ.get(k)
            for k in ("XDG_DATA_HOME", "PYTHON_KEYRING_BACKEND", "STATIONDESK_ALLOW_FILE_KEYRING")
        }
        self._saved_keyring = keyring.get_keyring()
        home = self.root / "keyring-home"
        home.mkdir()
        os.environ["XDG_DATA_HOME"] = str(home)
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
        os.environ["STATIONDESK_ALLOW_FILE_KEYRING"] = "1"
        keyring.set_keyring(PlaintextKeyring())
        for module in list(sys.modules.values()):  # a clock left wrong would skew everything
            if getattr(module, "now_local", _REAL_NOW) is not _REAL_NOW and getattr(
                module, "__name__", ""
            ).startswith("app."):
                module.now_local = _REAL_NOW
        self.clock = DeskClock()
        self.desks: list[Desk] = []
        self.episodes: list[CopyEpisode] = []
        self.ever_copied: set[str] = set()
        self.hq_behind: dict[str, set[str]] = {}  # unit -> acknowledged revision ids HQ lost
        self.holder_contacted: set[str] = set()  # units whose holder met HQ since its restore
        self.notice_no = 0
        self.counter = 0
        self.hq_no = 1
        self.log: list[str] = []
        self.in_step = False
        self.proxy: FaultProxy | None = None
        self.hq = Hq(self.root, "hq1")
        try:
            self.hq.start()
            self.proxy = FaultProxy(self.hq.port)
        except BaseException:
            self.close()
            raise

    # -- bookkeeping ------------------------------------------------------------------------
    def begin(self, name: str) -> None:
        STATS.steps += 1
        self.clock.tick()
        self.in_step = True  # cleared when the step ends without raising
        self.log.append(name)
        if os.environ.get("STATIONDESK_FAULT_VERBOSE"):
            print(f"step {len(self.log)}: {name}")  # noqa: T201

    def fault(self, kind: str) -> None:
        STATS.faults[kind] += 1

    def active_desks(self) -> list[Desk]:
        return [d for d in self.desks if d.active]

    def live_desks(self) -> list[Desk]:
        return [d for d in self.desks if not d.retired]

    def pick(self, which: int) -> Desk | None:
        active = self.active_desks()
        return active[which % len(active)] if active else None

    def open_episode(self, desk: Desk) -> CopyEpisode | None:
        return next((e for e in self.episodes if not e.closed and desk.name in e.members), None)

    def _wrote(self, desk: Desk, before: set[str]) -> None:
        """Notes the revisions a copy made of its own (see CopyEpisode.diverged)."""
        episode = self.open_episode(desk)
        if episode is not None:
            episode.made.setdefault(desk.name, set()).update(_revision_ids(desk.store) - before)

    # -- stations ---------------------------------------------------------------------------
    def add_station(self, unit: str) -> Desk:
        folder = self.root / f"station-{unit}"
        store = make_station(folder, unit)
        desk = Desk(unit, unit, folder, store, sign_in(store))
        code = self._issue_enrolment(unit)
        sync.enroll(store, self.proxy_url, code)
        self.desks.append(desk)
        return desk

    @property
    def proxy_url(self) -> str:
        assert self.proxy is not None
        return self.proxy.url

    def _issue_enrolment(self, unit: str) -> str:
        with headquarters(self.hq.db_url) as hq:
            return hq.issue_enrolment(unit)

    # -- station work ------------------------------------------------------------------------
    def _reports(self, desk: Desk, statuses: tuple[str, ...]) -> list[str]:
        with desk.store.read() as s:
            return list(
                s.scalars(
                    select(Report.id).where(Report.status.in_(statuses)).order_by(Report.serial)
                )
            )

    def receive(self, desk: Desk, phone: int, address: int, kind: int, complete: bool) -> None:
        before = _revision_ids(desk.store)
        receipt = receiving.receive(desk.store, desk.officer)
        if complete:
            receiving.save_intake(
                desk.store,
                desk.officer,
                receipt.id,
                self._intake(phone, address, kind),
                catalog(),
            )
        self._wrote(desk, before)

    def _intake(self, phone: int, address: int, kind: int) -> dict[str, str]:
        """From the small pools (so repeats fire) or unique (so they do not)."""
        self.counter += 1
        unique = f"{self.counter:04d}"
        return good_intake(
            reporter_phone=PHONES[phone] if phone < len(PHONES) else f"138 0000 {unique}",
            reporter_address=(
                ADDRESSES[address]
                if address < len(ADDRESSES)
                else f"太原市杏花岭区新建路{unique}号"
            ),
            incident_place=PLACES[address] if address < len(PLACES) else f"新建路{unique}号楼下",
            incident_type=INCIDENT_TYPES[kind % len(INCIDENT_TYPES)],
        )

    def edit(self, desk: Desk, which: int, action: str, phone: int) -> bool:
        """Move a report on (handle, close, refer) or correct/complete its intake. Returns
        False when no report is in a state for it."""
        eligible = {
            "handle": ("received",),
            "close": ("received", "in_handling", "referred"),
            "refer": ("received", "in_handling"),
            "correct": ("received", "in_handling"),
            "complete": ("receiving",),
        }[action]
        ids = self._reports(desk, eligible)
        if not ids:
            return False
        rid = ids[which % len(ids)]
        before = _revision_ids(desk.store)
        if action == "handle":
            receiving.start_handling(desk.store, desk.officer, rid)
        elif action == "close":
            receiving.close_report(desk.store, desk.officer, rid, "已调解")
        elif action == "refer":
            receiving.refer_report(desk.store, desk.officer, rid, "市场监督管理局")
        else:
            receiving.save_intake(
                desk.store, desk.officer, rid, self._intake(phone, phone % 3, phone), catalog()
            )
        self._wrote(desk, before)
        return True

    def void(self, desk: Desk, which: int) -> None:
        """A receipt pressed by mistake, voided with a reason (only while it is unfinished)."""
        before = _revision_ids(desk.store)
        ids = self._reports(desk, ("receiving",))
        rid = ids[which % len(ids)] if ids else receiving.receive(desk.store, desk.officer).id
        receiving.void_receipt(desk.store, desk.officer, rid, "误按受理")
        self._wrote(desk, before)

    def visit_outcome(self, desk: Desk, which: int, outcome: str) -> bool:
        due = [
            v.id
            for r in self._reports(desk, ("closed", "referred", "in_handling", "received"))
            for v in visit_queries.visits_for_report(desk.store, r)
            if v.status == "due"
        ]
        if not due:
            return False
        chosen = {
            "satisfied": visits.Outcome("done", satisfaction="satisfied", problem_solved="yes"),
            "dissatisfied": visits.Outcome(
                "done", satisfaction="dissatisfied", problem_solved="no"
            ),
            "not_reached": visits.Outcome("not_reached", not_reached_reason="无人在家"),
            "refused": visits.Outcome("refused"),
        }[outcome]
        before = _revision_ids(desk.store)
        visits.record_outcome(desk.store, desk.officer, due[which % len(due)], chosen)
        self._wrote(desk, before)
        return True

    def case_file(self, desk: Desk, which: int, op: str) -> bool:
        """Open a file by hand on one or two reports, log an action, set a plan, clear it."""
        before = _revision_ids(desk.store)
        if op == "open":
            ids = self._reports(desk, ("received", "in_handling", "closed", "referred"))
            if not ids:
                return False
            picked = sorted({ids[which % len(ids)], ids[(which // 7) % len(ids)]})
            case_files.open_file(desk.store, desk.officer, picked, "重大纠纷")
        else:
            with desk.store.read() as s:
                active = list(
                    s.scalars(
                        select(CaseFile.id)
                        .where(CaseFile.status.in_(case_files.ACTIVE))
                        .order_by(CaseFile.number)
                    )
                )
            if not active:
                return False
            case_id = active[which % len(active)]
            try:
                if op == "log":
                    case_files.log_action(desk.store, desk.officer, case_id, "电话联系当事人")
                elif op == "plan":
                    case_files.update(desk.store, desk.officer, case_id, plan="两周内上门调解")
                else:
                    case_files.clear(desk.store, desk.officer, case_id, "已化解")
            except case_files.CaseNotClearableError:
                return False  # no return visit done yet: the desk says so, nothing changes
        self._wrote(desk, before)
        return True

    # -- syncs -------------------------------------------------------------------------------
    def _run(self, desk: Desk, **engine_args: Any) -> SyncReport:
        """One in-process sync; run_once must report, never raise."""
        try:
            with self._contact(desk):
                report = sync_engine(
                    desk.store, client_factory=short_timeout, computer=desk.computer, **engine_args
                ).run_once()
        except Exception as exc:  # noqa: BLE001 - any escape is the finding
            problems = Problems()
            problems.add(
                "crash",
                f"{desk.name}: run_once raised {type(exc).__name__}: {exc}\n"
                + "".join(traceback.format_exc(limit=-6)),
            )
            problems.raise_if_any("sync")
        if report.error_code in REFUSAL_CODES:
            desk.refusal = report.error or report.error_code
        if os.environ.get("STATIONDESK_FAULT_VERBOSE"):
            st = sync.sync_status(desk.store)
            print(  # noqa: T201 - the trace a failure is read by
                f"  sync {desk.name}: ok={report.ok} gen={report.new_generation} "
                f"pushed={report.pushed} stored={report.stored} recovered={report.recovered} "
                f"behind={report.hq_behind} pending={st.pending} {report.error_code}"
            )
        return report

    def sync(self, desk: Desk) -> SyncReport:
        return self._run(desk)

    def kill_station_sync(self, desk: Desk, point: str, batch: int) -> bool:
        """A sync in its own process SIGKILLed at a named step (False: the step never came).
        A push or instruction step gets something to push or pull first, so it comes."""
        if point.startswith("after_instructions"):
            self.notice(desk)
        elif point in ("before_push", "after_push_response", "after_ack_commit") and (
            not sync.sync_status(desk.store).pending
        ):
            self.receive(desk, len(PHONES), len(ADDRESSES), 0, True)
        with self._contact(desk):
            child = self._station_child(desk, point, batch)
        if child.returncode == -signal.SIGKILL:
            self.fault("kill_station")
            return True
        if child.returncode != 0:
            problems = Problems()
            problems.add(
                "crash",
                f"{desk.name}: a sync process died of an error (exit {child.returncode}):\n"
                + child.stderr.decode(errors="replace")[-1500:],
            )
            problems.raise_if_any("kill_station_sync")
        self.fault("kill_station_unreached")
        with contextlib.suppress(ValueError):
            report = json.loads(child.stdout.decode().strip().splitlines()[-1])
            if report.get("error_code") in REFUSAL_CODES:
                desk.refusal = report.get("error") or report["error_code"]
        return False

    @staticmethod
    def _station_child(desk: Desk, point: str, batch: int) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.sync.station_child",
                str(desk.folder),
                point,
                str(batch),
                desk.computer,
            ],  # fmt: skip
            cwd=ROOT,
            capture_output=True,
            timeout=120,
        )

    @contextlib.contextmanager
    def _contact(self, desk: Desk) -> Iterator[None]:
        """A desk meets HQ. HQ restored from a backup owes the "hq_behind" alarm to the desks
        that saw the lost revisions acknowledged; until one of them has met HQ, a copy that
        still had them pending may bring them back as ordinary work (no desk is then ahead of
        HQ, and there is nothing to raise): what HQ holds again that way is no longer owed."""
        lost = self.hq_behind.get(desk.unit)
        holder = bool(lost) and bool(lost & _acknowledged_ids(desk.store))  # type: ignore[operator]
        try:
            yield
        finally:
            if holder:
                self.holder_contacted.add(desk.unit)
            elif lost and desk.unit not in self.holder_contacted:
                lost -= set(_hq_revisions(self.hq.db_url, desk.unit))
                if not lost:
                    del self.hq_behind[desk.unit]

    def kill_hq_mid_sync(self, desk: Desk, delay: float, batch: int) -> None:
        """HQ SIGKILLed while a sync is under way, then started again on the same port."""
        outcome: list[BaseException | SyncReport] = []

        def run() -> None:
            try:
                outcome.append(
                    sync_engine(
                        desk.store,
                        batch_size=batch,
                        client_factory=short_timeout,
                        computer=desk.computer,
                    ).run_once()
                )
            except BaseException as exc:  # noqa: BLE001 - reported below
                outcome.append(exc)

        runner = threading.Thread(target=run, name="explorer-sync")
        with self._contact(desk):
            runner.start()
            time.sleep(delay)
            self.hq.kill()
            runner.join(30)
            self.hq.start()
        self.fault("kill_hq")
        problems = Problems()
        if runner.is_alive():
            problems.add("crash", f"{desk.name}: the sync still runs 30 s after HQ was killed")
        elif outcome and isinstance(outcome[0], BaseException):
            exc = outcome[0]
            problems.add(
                "crash",
                f"{desk.name}: run_once raised {type(exc).__name__}: {exc}\n"
                + "".join(traceback.format_exception(exc, limit=-6)),
            )
        elif (
            outcome
            and isinstance(outcome[0], SyncReport)
            and outcome[0].error_code in REFUSAL_CODES
        ):
            desk.refusal = outcome[0].error or outcome[0].error_code
        runner.join(120)  # a hung run: let it end before the next step touches the file
        problems.raise_if_any("kill_hq_mid_sync")

    def network_fault(self, desk: Desk, kind: str, lead: int) -> SyncReport:
        """`lead` requests pass, the next meets the fault (the first request is the status)."""
        assert self.proxy is not None
        self.proxy.faults.extend([None] * lead + [NETWORK_FAULTS[kind]()])  # type: ignore[list-item]
        try:
            report = self._run(desk)
        finally:
            hit = not self.proxy.faults
            self.proxy.faults.clear()
        self.fault(kind if hit else f"{kind}_unreached")
        return report

    # -- backups and restores ------------------------------------------------------------------
    def station_backup(self, desk: Desk) -> None:
        """The desk's own backup (checked, with its manifest), one folder each so that the
        app's pruning of old generations keeps every one for the explorer."""
        folder = self.root / "backups" / f"{desk.name.replace('/', '-')}-{len(desk.backups) + 1}"
        folder.mkdir(parents=True)
        info = backups.run_backup(desk.store, desk.folder, reason="manual", folder=folder)
        desk.backups.append(folder / info.file)

    def station_restore(self, desk: Desk, which: int, *, by_hand: bool) -> None:
        """The disk died: the station file comes back from an earlier backup, through the
        app's restore (which marks the file restored) or by hand: the file deleted and the
        backup copied back, as tests/sync/test_faults.py does."""
        backup = desk.backups[which % len(desk.backups)]
        path, key = desk.store.path, desk.store.key
        assert key is not None
        desk.store.close()
        if by_hand:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            copy_file(backup, path, key)
        else:
            backups.restore(desk.folder, backup, key)
        desk.store = Store(path, key)
        self.fault("hand_restore" if by_hand else "station_restore")

    def hq_backup(self) -> None:
        self.hq.backup()

    def hq_restore(self, which: int) -> None:
        """HQ's disk comes back from an earlier backup: acknowledged revisions may be gone."""
        backup = self.hq.backups[which % len(self.hq.backups)]
        self.hq.restore(backup)
        self.fault("hq_restore")
        # What HQ had acknowledged that it no longer holds: it must say so ("hq_behind")
        self.hq_behind = {}
        self.holder_contacted = set()
        for unit in sorted({d.unit for d in self.live_desks()}):
            acked: set[str] = set()
            for desk in self.live_desks():
                if desk.unit == unit:
                    acked |= _acknowledged_ids(desk.store)
            lost = acked - set(_hq_revisions(self.hq.db_url, unit))
            if lost:
                self.hq_behind[unit] = lost

    def relink(self) -> None:
        """The station is linked to a fresh, empty HQ; the old one is gone from the checks."""
        assert self.proxy is not None
        self.proxy.faults.clear()
        old = self.hq
        self.hq_no += 1
        try:
            self.hq = Hq(self.root, f"hq{self.hq_no}")
            self.hq.start()
        finally:
            old.drop()
        self.proxy.upstream = ("127.0.0.1", self.hq.port)
        self.hq_behind = {}
        self.holder_contacted = set()
        for unit in sorted({d.unit for d in self.active_desks()}):
            desk = next(d for d in self.active_desks() if d.unit == unit)
            # copies share the token: it is kept in the keyring under the station's uuid
            sync.enroll(desk.store, self.proxy_url, self._issue_enrolment(unit))
        self.fault("relink")

    # -- the other faults ------------------------------------------------------------------------
    def copy_folder(self, desk: Desk) -> Desk:
        """The data folder copied to a second computer, opened there as the same station."""
        n = sum(1 for d in self.desks if d.unit == desk.unit)
        folder = self.root / f"station-{desk.unit}-copy{n}"
        shutil.copytree(
            desk.folder,
            folder,
            ignore=shutil.ignore_patterns("station.sqlite3*", "station.replaced-*"),
        )
        target = folder / desk.store.path.name
        copy_file(desk.store.path, target, desk.store.key)
        twin = Desk(f"{desk.unit}/copy{n}", desk.unit, folder, Store(target, desk.store.key),
                    desk.officer)  # fmt: skip
        self.desks.append(twin)
        self.episodes.append(CopyEpisode(desk.unit, (desk.name, twin.name)))
        self.ever_copied.add(desk.unit)
        self.fault("copy_folder")
        return twin

    def notice(self, desk: Desk) -> None:
        self.notice_no += 1
        with headquarters(self.hq.db_url) as hq:
            hq.add_instruction(desk.unit, "notice", {"text": f"通知 {self.id}-{self.notice_no}"})
        self.fault("notice")

    def clock_jump(self, kind: str, steps: int) -> None:
        self.clock.jump(kind, steps)
        self.fault(f"clock_{kind}")

    def stop_faults(self) -> None:
        if self.proxy is not None:
            self.proxy.faults.clear()
        self.clock.restore()

    # -- the invariants ----------------------------------------------------------------------------
    def settle(self) -> None:
        """Stop every fault, sync every live station until it is done, check everything."""
        STATS.settles += 1
        self.stop_faults()
        problems = Problems()
        proc = self.hq.process.proc
        if proc is not None and proc.poll() is not None:
            problems.add("crash", f"HQ's process ended by itself (exit {proc.returncode})")
            self.hq.start()
        held_before = {d.name: _revision_ids(d.store) for d in self.live_desks()}
        holders = self._prune_hq_behind()
        for round_no in range(SETTLE_ROUNDS):
            changed = False
            for desk in self.active_desks():
                report = self._until_done(desk, problems)
                if report is None:
                    continue
                changed |= bool(report.stored or report.recovered or report.new_generation)
            if not changed:
                break
            if round_no == SETTLE_ROUNDS - 1:
                gens = {d.name: _generation(d.store) for d in self.active_desks()}
                problems.add(
                    "settle",
                    f"still storing/recovering/starting generations after {SETTLE_ROUNDS} "
                    f"rounds over all stations (generations now {gens})",
                )
        self._check_copies(problems, held_before)
        for desk in self.active_desks():
            self._check_desk(desk, problems)
        self._check_hq_behind(problems, holders)
        problems.raise_if_any(f"settle after {len(self.log)} steps")
        self.routine_backups()

    def routine_backups(self) -> None:
        """The nightly backups, taken when everything is settled: HQ's database and each
        desk's file (restores then have a target even when no backup step ran)."""
        self.hq.backup()
        for desk in self.active_desks():
            self.station_backup(desk)

    def _until_done(self, desk: Desk, problems: Problems) -> SyncReport | None:
        report = SyncReport()
        total = SyncReport()
        for attempt in range(SETTLE_ATTEMPTS):
            report = self._run(desk)
            total.stored += report.stored
            total.recovered += report.recovered
            total.new_generation = report.new_generation or total.new_generation
            if report.ok or desk.refusal:
                return total
            time.sleep(min(0.05 * (attempt + 1), 0.3))
        problems.add(
            "settle",
            f"{desk.name}: not done after {SETTLE_ATTEMPTS} runs with every fault stopped; "
            f"last report: ok={report.ok} pending={report.pending} "
            f"error_code={report.error_code!r} error={report.error[:300]!r}",
        )
        return None

    def _check_desk(self, desk: Desk, problems: Problems) -> None:
        for kind, message in desk_problems(
            desk.store, self.hq.db_url, desk.unit, hq_may_hold_more=desk.unit in self.ever_copied
        ):
            problems.add(kind, f"{desk.name}: {message}")

    def _prune_hq_behind(self) -> dict[str, set[str]]:
        """An expectation stands only while some live desk still holds the lost revisions as
        acknowledged (a desk restored from its own older backup no longer does). Returns,
        per unit, the desks that hold them."""
        holders: dict[str, set[str]] = {}
        for unit, lost in list(self.hq_behind.items()):
            still: set[str] = set()
            for desk in self.live_desks():
                if desk.unit == unit and lost & _acknowledged_ids(desk.store):
                    still |= lost & _acknowledged_ids(desk.store)
                    holders.setdefault(unit, set()).add(desk.name)
            if still:
                self.hq_behind[unit] = still
            else:
                del self.hq_behind[unit]
        return holders

    def _check_hq_behind(self, problems: Problems, holders: dict[str, set[str]]) -> None:
        """Required only while a desk that saw them acknowledged is still served (a copy HQ
        refused is not: its lost revisions are the split's business)."""
        active = {d.name for d in self.active_desks()}
        expected = {u: lost for u, lost in self.hq_behind.items() if holders.get(u, set()) & active}
        self.hq_behind = {}
        self.holder_contacted = set()
        if not expected:
            return
        with headquarters(self.hq.db_url) as hq:
            for unit, lost in sorted(expected.items()):
                kinds = {a["kind"] for a in hq.alarms(unit)}
                if "hq_behind" not in kinds:
                    problems.add(
                        "hq_behind",
                        f"unit {unit}: HQ was restored from a backup that lacks {len(lost)} "
                        f"revision(s) the station had seen acknowledged, and no 'hq_behind' "
                        f"alarm names it (its alarms: {sorted(kinds)})",
                    )

    def _check_copies(self, problems: Problems, held_before: dict[str, set[str]]) -> None:
        episodes = {name: e for e in self.episodes if not e.closed for name in e.members}
        with headquarters(self.hq.db_url) as hq:
            alarms = {(a["unit_code"], a["kind"]) for a in hq.alarms()}
        for desk in [d for d in self.live_desks() if d.refusal and d.name not in episodes]:
            problems.add(
                "refused",
                f"{desk.name}: HQ refused a station with no live copy: {desk.refusal!r}",
            )
            self._retire(desk, problems, held_before)
        for episode in [e for e in self.episodes if not e.closed]:
            members = [d for d in self.desks if d.name in episode.members]
            refused = [d for d in members if d.refusal]
            diverged = episode.diverged({d.name: _revision_ids(d.store) for d in members})
            if diverged:
                if len(refused) != 1:
                    problems.add(
                        "split",
                        f"copies {episode.members} of unit {episode.unit} each hold records of "
                        f"their own the other lacks: HQ should refuse exactly one, it refused "
                        f"{[d.name for d in refused]}",
                    )
                if (episode.unit, "split") not in alarms:
                    problems.add(
                        "split",
                        f"unit {episode.unit}: two copies diverged and HQ raised no 'split' "
                        f"alarm (alarms: {sorted(k for u, k in alarms if u == episode.unit)})",
                    )
            elif len(refused) > 1:
                problems.add(
                    "refused",
                    f"copies {episode.members} of unit {episode.unit}: both refused",
                )
            for desk in refused:
                if not _mentions_another_computer(desk.refusal):
                    problems.add(
                        "split",
                        f"{desk.name}: the refusal does not say another computer syncs as "
                        f"this station: {desk.refusal!r}",
                    )
                self._retire(desk, problems, held_before)
            if refused:
                episode.closed = True

    def _retire(self, desk: Desk, problems: Problems, held_before: dict[str, set[str]]) -> None:
        """A refused copy leaves the world; it stays refused, and nothing it held is lost."""
        before = set(_hq_revisions(self.hq.db_url, desk.unit))
        again = self._run(desk)
        at_hq = set(_hq_revisions(self.hq.db_url, desk.unit))
        if again.error_code not in REFUSAL_CODES:
            problems.add(
                "split",
                f"{desk.name}: refused before, its next run was not refused "
                f"(ok={again.ok}, error_code={again.error_code!r})",
            )
        if at_hq - before:
            problems.add(
                "split",
                f"{desk.name}: refused, yet its next run left {len(at_hq - before)} revisions at HQ",
            )
        now_held = _revision_ids(desk.store)
        lost = held_before.get(desk.name, set()) - now_held - at_hq
        if lost:
            problems.add(
                "lost",
                f"{desk.name}: {len(lost)} revision(s) it held are neither in its file nor at "
                f"HQ after the refusal, e.g. {sorted(lost)[:3]}",
            )
        if not _integrity_ok(desk.store):
            problems.add("integrity", f"{desk.name}: the refused copy's file is damaged")
        desk.store.close()
        desk.retired = True
        self.fault("retired_copy")

    # -- the end -------------------------------------------------------------------------------
    def close(self) -> None:
        self.clock.restore()
        for desk in self.desks:
            with contextlib.suppress(Exception):
                desk.store.close()
        if self.proxy is not None:
            self.proxy.close()
        with contextlib.suppress(Exception):
            self.hq.drop()
        for key, value in self._saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        keyring.set_keyring(self._saved_keyring)
        if not os.environ.get("STATIONDESK_FAULT_KEEP"):
            shutil.rmtree(self.root, ignore_errors=True)


def _mentions_another_computer(message: str) -> bool:
    lowered = message.lower()
    return any(
        words in lowered
        for words in ("another computer", "other computer", "another pc", "second computer")
    )


# -- reading both sides ------------------------------------------------------------------------
def _revision_ids(store: Store) -> set[str]:
    with store.read() as s:
        return set(s.scalars(select(Revision.id)))


def _acknowledged_ids(store: Store) -> set[str]:
    """Revisions at or below the watermark HQ acknowledged to this station."""
    with store.read() as s:
        acked = s.scalar(text("SELECT acked_seq FROM station WHERE id = 1")) or 0
        return set(s.scalars(select(Revision.id).where(Revision.seq <= acked)))


def _generation(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(text("SELECT generation FROM station WHERE id = 1")) or 0)


def _hq_station_id(conn: Any, unit: str) -> int | None:
    return conn.scalar(select(HqStation.id).where(HqStation.unit_code == unit))


def _hq_revisions(db_url: str, unit: str) -> dict[str, str]:
    with _engine(db_url) as engine, engine.connect() as conn:
        station_id = _hq_station_id(conn, unit)
        return dict(
            conn.execute(
                select(HqRevision.id, HqRevision.sha256).where(HqRevision.station_id == station_id)
            ).all()
        )


def _integrity_ok(store: Store) -> bool:
    conn = plain_sqlcipher(store.path, store.key)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def station_state(store: Store) -> tuple[dict[str, str], dict[str, Any]]:
    """The station's revision log {id: sha256} and its current state of every record."""
    tracked: tuple[tuple[Any, Any], ...] = (
        (Visit, visits.VISITS),
        (CarePerson, care_register.PEOPLE),
        (CaseFile, case_files.CASES),
        (WarningLetter, warning_letters.LETTERS),
        (ReminderSheet, reminder_sheets.SHEETS),
        (Handover, handover.HANDOVERS),
    )
    with store.read() as s:
        log = {r.id: r.sha256 for r in s.scalars(select(Revision))}
        current: dict[str, Any] = {r.id: report_snapshot(r) for r in s.scalars(select(Report))}
        for model, kind in tracked:
            current.update(
                {
                    row.id: kind.snapshot(s, row)
                    for row in s.scalars(select(model))
                    if row.revision_no > 0  # not a sheet HQ sent that the desk has not answered
                }
            )
    return log, current


def desk_problems(
    store: Store, db_url: str, unit: str, *, hq_may_hold_more: bool = False
) -> list[tuple[str, str]]:
    """tests/sync/conftest.py's assert_converged for any station and HQ, returning every
    problem as (kind, message) instead of stopping at the first: each revision the station
    holds is at HQ once with the same hash, HQ's current state of each record is the
    station's, nothing is pending, the file is sound, and each notice HQ issued for the
    station is there exactly once. HQ may hold more than the station only when another copy
    of the station also pushed (`hq_may_hold_more`)."""
    out: list[tuple[str, str]] = []
    log, current = station_state(store)
    with _engine(db_url) as engine, engine.connect() as conn:
        station_id = _hq_station_id(conn, unit)
        if station_id is None:
            return [("revisions", f"HQ has no station {unit}")]
        held = dict(
            conn.execute(
                select(HqRevision.id, HqRevision.sha256).where(HqRevision.station_id == station_id)
            ).all()
        )
        records = {
            row.id: (row.revision_id, json.loads(row.payload))
            for row in conn.execute(
                select(HqRecord.id, HqRecord.revision_id, HqRecord.payload).where(
                    HqRecord.station_id == station_id
                )
            )
        }
        issued = [
            json.loads(row.payload).get("text", "")
            for row in conn.execute(
                select(HqInstruction.payload).where(
                    HqInstruction.kind == "notice",
                    or_(
                        HqInstruction.station_id == station_id,
                        HqInstruction.station_id.is_(None),
                    ),
                )
            )
        ]
    missing = sorted(set(log) - set(held))
    if missing:
        out.append(
            (
                "revisions",
                f"{len(missing)} of {len(log)} revisions are not at HQ, e.g. {missing[:3]}",
            )
        )
    differ = sorted(r for r in set(log) & set(held) if log[r] != held[r])
    if differ:
        out.append(("revisions", f"{len(differ)} revisions differ in content at HQ: {differ[:3]}"))
    extra = sorted(set(held) - set(log))
    if extra and not hq_may_hold_more:
        out.append(
            ("extra", f"HQ holds {len(extra)} revisions the station does not, e.g. {extra[:3]}")
        )
    for record_id, state in sorted(current.items()):
        if record_id not in records:
            out.append(("state", f"record {record_id} is not among HQ's current records"))
        elif records[record_id][1] != state:
            theirs = records[record_id][1]
            keys = sorted(k for k in set(state) | set(theirs) if state.get(k) != theirs.get(k))
            out.append(
                (
                    "state",
                    f"HQ's current state of {record_id} differs in {keys[:6]} "
                    f"(station {[state.get(k) for k in keys[:3]]}, "
                    f"HQ {[theirs.get(k) for k in keys[:3]]})",
                )
            )
    extra_records = sorted(set(records) - set(current))
    if extra_records and not hq_may_hold_more:
        out.append(("extra", f"HQ holds {len(extra_records)} records the station does not"))
    status = sync.sync_status(store)
    if status.pending:
        out.append(("pending", f"{status.pending} revisions still pending after the settle"))
    if not _integrity_ok(store):
        out.append(("integrity", "PRAGMA integrity_check is not ok"))
    shown = collections.Counter(n.text for n in sync.notices(store, limit=1_000_000))
    for text_ in issued:
        if shown[text_] != 1:
            out.append(("notices", f"HQ's notice {text_!r} is at the station {shown[text_]} times"))
    twice = sorted(t for t, n in shown.items() if n > 1 and t not in issued)
    if twice:
        out.append(("notices", f"notices applied more than once: {twice[:3]}"))
    return out


__all__ = [
    "CLOCK_JUMPS",
    "CRASH_POINTS",
    "NETWORK_FAULTS",
    "STATS",
    "UNIT_CODES",
    "Violation",
    "World",
    "desk_problems",
]
