"""Synthetic demo stations: realistic zh_CN reports for trying the desk and for benchmarks.

Rows are written with plain executemany in large batches (a million reports take minutes, not
hours) but through the same revision and index shapes the services write, so everything the
app shows about them is what it would show about real ones.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from faker import Faker

from app.db.engine import Store
from app.db.models import Report
from app.db.revisions import (
    NewRevision,
    append_revisions,
    canonical_json,
    field_changes,
    payload_sha256,
    receipt_record,
)
from app.domain import roles, statuses
from app.domain import visits as visits_terms
from app.domain.addresses import address_grid, normalise_address
from app.domain.catalog import Catalog, IncidentType
from app.domain.clock import now_local, utc_iso
from app.domain.repeat_rules import RepeatRules, load_rules
from app.domain.search_keys import name_index_text, split_cjk
from app.domain.validation import ID_WEIGHTS, id_check_char
from app.domain.visit_policy import load_policy
from app.domain.warning_colours import WarningCriteria, load_criteria
from app.ids import new_id
from app.services.station import OfficerInfo, add_officer, list_officers
from app.services.visit_records import VISIT_FIELDS

DEMO_PASSWORD = "demo1234"
DEMO_OFFICERS = [
    ("100201", "高美玲", "community"),
    ("100202", "李建国", "officer"),
    ("100203", "张伟", "officer"),
    ("100204", "王静", "officer"),
]
DEMO_ADMIN = ("100900", "周文斌", "admin")  # only where set-up made no administrator
# Walk-ins per thousand at a busy urban station's desk, by type: theft, fraud, lost property
# and disputes lead; grave crimes are rare. A type not listed (a newer catalog) gets 5.
TYPE_SHARES = {
    "C01": 90, "C02": 20, "C03": 50, "C04": 40, "C05": 70, "C06": 3, "C07": 4, "C08": 15,
    "C09": 15, "C10": 3, "C11": 1, "C12": 4,
    "P01": 5, "P02": 3, "P03": 25, "P04": 20, "P05": 10, "P06": 3, "P07": 15, "P08": 15,
    "T01": 25, "T02": 5, "T03": 3, "T04": 3,
    "D01": 20, "D02": 35, "D03": 40, "D04": 30, "D05": 30, "D06": 20, "D07": 25, "D08": 8,
    "F01": 2, "F02": 2, "F03": 1,
    "H01": 8, "H02": 8, "H03": 3, "H04": 20,
    "M01": 5, "M02": 80, "M03": 25,
    "R01": 10, "R02": 3,
    "N01": 30, "N02": 30,
}  # fmt: skip
HANDLERS = (roles.OFFICER, roles.COMMUNITY, roles.CHIEF)
WORKLOAD = {roles.OFFICER: 6, roles.COMMUNITY: 3, roles.CHIEF: 1}
REGULARS = 0.12  # of walk-ins come from the few who come back again and again
DISTRICTS = ["杏花岭区", "小店区", "迎泽区", "万柏林区", "尖草坪区"]
BATCH = 5000
History = list[tuple[str, dict[str, Any], dict[str, Any]]]  # (action, changes, whole record)

assert len(ID_WEIGHTS) == 17


def _id_number(rng: random.Random) -> str:
    region = rng.choice(["140107", "140105", "140106", "340521", "140109"])
    birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 65))
    body = f"{region}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
    return body + id_check_char(body)


def _people(fake: Faker, rng: random.Random, n: int) -> list[dict[str, str]]:
    people = []
    for _ in range(n):
        address = (
            f"太原市{rng.choice(DISTRICTS)}{fake.street_name()}{rng.randrange(1, 300)}号"
            f"{rng.randrange(1, 20)}栋{rng.randrange(1, 6)}单元{rng.randrange(1, 28)}0{rng.randrange(1, 4)}室"
        )
        name = fake.name()
        people.append(
            {
                "reporter_name": name,
                "reporter_phone": f"1{rng.choice('3456789')}{rng.randrange(0, 10**9):09d}",
                "reporter_id_number": _id_number(rng) if rng.random() < 0.7 else "",
                "reporter_address": address,
                "_name_index": name_index_text(name),
                "_address_index": split_cjk(address),
                "_address_key": normalise_address(address),
            }
        )
    return people


def generate(
    store: Store,
    catalog: Catalog,
    records: int,
    *,
    seed: int = 20231,
    progress: Callable[[int], None] | None = None,
) -> int:
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    _add_demo_officers(store)
    cast = _Cast.draw(store, catalog, fake, rng, records)
    raw = store.engine.raw_connection()
    dbapi: Any = raw.driver_connection
    cur = dbapi.cursor()
    batch = _ReportBatch(cur)
    now = now_local()
    days = max(30, min(1095, records // 30))
    start = now - dt.timedelta(days=days)
    stamps = sorted(
        start + dt.timedelta(seconds=rng.uniform(0, days * 86400 - 3600)) for _ in range(records)
    )
    story = _ReportStory(
        rng, load_rules(store.path.parent), load_criteria(store.path.parent), now=now
    )
    written = 0
    for moment in stamps:
        moment = moment.astimezone()
        day, serial_no = batch.next_serial(moment)
        itype = rng.choices(cast.types, cast.weights)[0]
        person = rng.choice(cast.regulars) if rng.random() < REGULARS else rng.choice(cast.people)
        officer = rng.choices(cast.officers, cast.workload)[0]
        incident_moment = moment - dt.timedelta(minutes=rng.randrange(5, 600))
        place = rng.choice(cast.places)
        status = story.status(itype, moment)
        record = receipt_record(  # the receipt exactly as the receive button draws it
            report_id=new_id(),
            serial=f"{batch.unit_code}-{day}-{serial_no:04d}",
            received_at=moment.isoformat(timespec="seconds"),
            unit_code=batch.unit_code,
            officer_id=officer.id,
            channel="walk_in",
            clock_warning=False,
        )
        history = story.history(record, status, itype, person, place, incident_moment, moment)
        batch.add(record, history, officer.id, person, place, moment)
        if len(batch.reports) >= BATCH:
            batch.flush()
            written += BATCH
            if progress:
                progress(written)
    if batch.reports:
        written += len(batch.reports)
        batch.flush()
        if progress:
            progress(written)
    cur.close()
    raw.close()
    return written


def _add_demo_officers(store: Store) -> None:
    officers = list_officers(store)
    existing = {o.badge for o in officers}
    wanted = list(DEMO_OFFICERS)
    if not any(o.role == roles.ADMIN for o in officers):
        wanted.append(DEMO_ADMIN)
    for badge, name, role in wanted:
        if badge not in existing:
            add_officer(store, badge=badge, name=name, password=DEMO_PASSWORD, role=role)


@dataclass(frozen=True)
class _Cast:
    """Who takes, who reports, what and where: drawn once, before the first report."""

    officers: list[OfficerInfo]  # who takes walk-ins: never an administrator
    workload: list[int]  # front-desk officers take most, the chief few
    people: list[dict[str, str]]
    regulars: list[dict[str, str]]  # come back again and again
    types: list[IncidentType]
    weights: list[int]
    places: list[str]

    @classmethod
    def draw(
        cls, store: Store, catalog: Catalog, fake: Faker, rng: random.Random, records: int
    ) -> _Cast:
        # most people come once (three times as many people as walk-ins); the regulars come back
        people = _people(fake, rng, max(200, min(20000, 3 * records)))
        types = list(catalog.types)
        officers = [o for o in list_officers(store) if o.role in HANDLERS]
        return cls(
            officers=officers,
            workload=[WORKLOAD[o.role] for o in officers],
            people=people,
            regulars=people[: max(5, min(len(people) // 4, records // 60))],
            types=types,
            weights=[TYPE_SHARES.get(t.code, 5) for t in types],
            places=[
                f"{rng.choice(DISTRICTS)}{fake.street_name()}{rng.randrange(1, 400)}号"
                for _ in range(2000)
            ],
        )


class _ReportStory:
    """What became of a demo report after the receive: its status and the revisions that led
    there, with the repeat rules and warning colours the services would have recorded."""

    def __init__(
        self, rng: random.Random, rules: RepeatRules, criteria: WarningCriteria, *, now: dt.datetime
    ) -> None:
        self.rng = rng
        self.rules = rules
        self.criteria = criteria
        self.now = now
        self.recent_cutoff = now - dt.timedelta(hours=20)
        self.seen: dict[str, list[dt.datetime]] = {}  # phone -> when it reported

    def status(self, itype: IncidentType, moment: dt.datetime) -> str:
        roll = self.rng.random()
        if moment > self.recent_cutoff and roll < 0.15:
            return statuses.RECEIVING
        if roll < 0.01:
            return statuses.VOIDED
        if itype.non_police or (itype.dispute and roll < 0.12):
            return statuses.REFERRED
        if moment > self.now - dt.timedelta(days=3) and roll < 0.5:
            return statuses.IN_HANDLING
        return statuses.CLOSED

    def history(
        self,
        record: dict[str, Any],
        status: str,
        itype: IncidentType,
        person: dict[str, str],
        place: str,
        incident_moment: dt.datetime,
        moment: dt.datetime,
    ) -> History:
        """The record's revisions from the receive on; `record` ends as the newest."""
        rng = self.rng
        history: History = [("receive", {}, dict(record))]

        def step(action: str, change: dict[str, Any]) -> None:
            changes = field_changes(record, change)
            record.update(change)
            history.append((action, changes, dict(record)))

        if status != statuses.RECEIVING and status != statuses.VOIDED:
            step("intake", self._intake(itype, person, place, incident_moment, moment))
            final: dict[str, Any] = {}
            if status == statuses.CLOSED:
                final = {"status": status, "disposal_result": rng.choice(_RESULTS)}
            elif status == statuses.REFERRED:
                final = {
                    "status": status,
                    "referred_department": itype.referral_department_zh or "街道办事处",
                }
            elif status == statuses.IN_HANDLING:
                final = {"status": status}
            if final:
                step("status", final)
        elif status == statuses.VOIDED:
            step("void", {"status": status, "void_reason": "误按接警按钮，报警人未到场"})
        elif rng.random() < 0.3:
            step("unfinished", {"unfinished_reason": "报警人临时离开，约定稍后补录"})
        return history

    def _intake(
        self,
        itype: IncidentType,
        person: dict[str, str],
        place: str,
        incident_moment: dt.datetime,
        moment: dt.datetime,
    ) -> dict[str, Any]:
        return {
            "reporter_name": person["reporter_name"],
            "reporter_phone": person["reporter_phone"],
            "reporter_id_number": person["reporter_id_number"],
            "reporter_address": person["reporter_address"],
            "incident_type": itype.code,
            "incident_time": incident_moment.strftime("%Y-%m-%d %H:%M"),
            "incident_place": place,
            "summary": f"报警人{person['reporter_name']}称：{incident_moment:%m月%d日%H时%M分}在{place}"
            f"发生{itype.name_zh}，{self.rng.choice(_SUMMARY_TAILS)}",
            "checklist": list(range(len(itype.steps))),
            "status": statuses.RECEIVED,
            "safe_contact": itype.safe_contact,
            **_repeat(
                self.rules, itype.code, self.seen.setdefault(person["reporter_phone"], []), moment
            ),
            **_warning(self.criteria, itype.code, self.rng),
        }


class _ReportBatch:
    """Demo reports not yet written, with their revisions and search rows, and the station's
    serial counters and revision sequence they move; `flush` writes them in one transaction."""

    def __init__(self, cur: Any) -> None:
        self.cur = cur
        self.unit_code, self.generation, self.seq = cur.execute(
            "SELECT unit_code, generation, last_seq FROM station WHERE id = 1"
        ).fetchone()
        self.next_rowid = cur.execute("SELECT coalesce(max(rowid), 0) FROM report").fetchone()[0]
        self.counters: dict[str, int] = dict(
            cur.execute("SELECT day, last_no FROM serial_counter").fetchall()
        )
        self.last_utc = ""
        self.place_keys: dict[str, str] = {}
        self.reports: list[tuple[Any, ...]] = []
        self.revisions: list[NewRevision] = []
        self.fts: list[tuple[Any, ...]] = []

    def next_serial(self, moment: dt.datetime) -> tuple[str, int]:
        day = moment.strftime("%Y%m%d")
        self.counters[day] = self.counters.get(day, 0) + 1
        return day, self.counters[day]

    def add(
        self,
        record: dict[str, Any],
        history: History,
        officer_id: str,
        person: dict[str, str],
        place: str,
        moment: dt.datetime,
    ) -> None:
        day = moment.strftime("%Y%m%d")
        received_utc = utc_iso(moment)
        self.last_utc = max(self.last_utc, received_utc)
        self.revisions.extend(
            _revision_rows(
                history,
                "report",
                record["id"],
                self.seq,
                self.generation,
                officer_id,
                [
                    (moment + dt.timedelta(minutes=3 * n)).isoformat(timespec="seconds")
                    for n in range(len(history))
                ],
            )
        )
        self.seq += len(history)
        row = dict(record)
        row.update(
            serial_day=day,
            serial_no=self.counters[day],
            received_utc=received_utc,
            revision_no=len(history),
            updated_utc=received_utc,
            checklist=json.dumps(record["checklist"]),
            risk_factors=json.dumps(record["risk_factors"]),
            address_key=person["_address_key"] if record["reporter_address"] else "",
            place_key=self.place_keys.setdefault(place, normalise_address(place))
            if record["incident_place"]
            else "",
        )
        self.next_rowid += 1
        rowid = self.next_rowid
        self.reports.append((rowid, *(row[c] for c in _REPORT_COLS)))
        self.fts.append(
            (
                rowid,
                person["_name_index"] if record["reporter_name"] else "",
                record["reporter_phone"],
                record["reporter_id_number"].lower(),
                person["_address_index"] if record["reporter_address"] else "",
                split_cjk(record["summary"]),
            )
        )

    def flush(self) -> None:
        cur = self.cur
        cur.execute("BEGIN IMMEDIATE")
        cur.executemany(
            f"INSERT INTO report(rowid, {', '.join(_REPORT_COLS)}) VALUES ({', '.join('?' * (len(_REPORT_COLS) + 1))})",
            self.reports,
        )
        append_revisions(cur.execute, self.revisions)
        cur.executemany(
            "INSERT INTO report_fts(rowid, name, phone, id_number, address, summary) VALUES (?,?,?,?,?,?)",
            self.fts,
        )
        cur.executemany(
            "INSERT INTO serial_counter(day, last_no) VALUES (?, ?) ON CONFLICT(day) DO UPDATE SET last_no = excluded.last_no",
            list(self.counters.items()),
        )
        cur.execute(
            "UPDATE station SET last_seq = ?, last_received_utc = max(coalesce(last_received_utc, ''), ?) WHERE id = 1",
            (self.seq, self.last_utc),
        )
        cur.execute("COMMIT")
        self.reports, self.revisions, self.fts = [], [], []


def generate_visits(
    store: Store,
    catalog: Catalog,
    *,
    limit: int | None = None,
    seed: int = 20231,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Return visits for closed and referred reports, newest first, as the policy plans them.

    Nearly all visits due before today carry an outcome (mostly satisfied, some not reached or
    dissatisfied); the rest are open, so the queue has overdue, today and upcoming work.
    Returns how many visits were written; `limit` caps them (a benchmark station asks for a
    round number).
    """
    policy = load_policy(store.path.parent)
    rng = random.Random(seed)
    qualifying = [
        t.code
        for t in catalog.types
        if (policy.dispute_types and t.dispute) or (policy.catalog_flag and t.return_visit)
    ]
    raw = store.engine.raw_connection()
    dbapi: Any = raw.driver_connection
    cur = dbapi.cursor()
    batch = _VisitBatch(cur)
    officer_ids = _handler_ids(cur)
    marks = ",".join("?" * len(qualifying))
    candidates = cur.execute(
        "SELECT r.id, r.updated_utc, r.officer_id, r.reporter_address, r.incident_place,"
        " r.safe_contact FROM report r"
        f" WHERE r.status IN ('closed', 'referred') AND r.incident_type IN ({marks})"
        " AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.report_id = r.id)"
        " ORDER BY r.received_utc DESC",
        qualifying,
    )
    today = now_local().date()
    written = 0
    for report_id, closed_utc, officer_id, address, place, safe in candidates.fetchall():
        if limit is not None and written >= limit:
            break
        closed = dt.datetime.fromisoformat(closed_utc).astimezone()
        where = address or place
        grid = address_grid(where)
        assignee = officer_id if rng.random() < 0.7 else rng.choice(officer_ids)
        for n, planned in enumerate(policy.initial_plan(closed.date(), safe_contact=bool(safe)), 1):
            if limit is not None and written >= limit:
                break
            visit = batch.new_visit(
                report_id=report_id,
                person_id=None,
                kind=planned.kind,
                sequence_no=n,
                reason="catalog",
                due_date=planned.due.isoformat(),
                officer_id=assignee,
                grid=grid,
                address=where,
                safe_contact=bool(safe),
                attempt=1,
                status=visits_terms.DUE,
                supervision=False,
            )
            history = _visit_history(rng, visit, planned.due, today, assignee)
            batch.add(visit, history, assignee, closed, closed_utc)
            written += 1
            if len(batch.rows) >= BATCH:
                batch.flush()
                if progress:
                    progress(written)
    if batch.rows:
        batch.flush()
        if progress:
            progress(written)
    cur.close()
    raw.close()
    return written


def _handler_ids(cur: Any) -> list[str]:
    """Who visits go to: those who handle cases, never an administrator."""
    marks = ",".join("?" * len(HANDLERS))
    query = f"SELECT id FROM officer WHERE active AND role IN ({marks})"
    return [r[0] for r in cur.execute(query, HANDLERS)]


_MOODS = (
    [visits_terms.SATISFIED] * 85
    + [visits_terms.BASICALLY_SATISFIED] * 11
    + [visits_terms.DISSATISFIED] * 4
)


def _visit_history(
    rng: random.Random, visit: dict[str, Any], due: dt.date, today: dt.date, assignee: str
) -> History:
    """The visit created, and answered when it was due before today (a few are left overdue);
    `visit` ends as the newest."""
    history: History = [("create", {}, dict(visit))]
    if due < today and rng.random() < 0.98:
        roll = rng.random()
        answered = due + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
        outcome: dict[str, Any] = {
            "outcome_at": f"{answered.isoformat()}T10:00:00",
            "outcome_day": answered.isoformat(),
            "recorded_by": assignee,
        }
        if roll < 0.05:
            outcome.update(status=visits_terms.NOT_REACHED, not_reached_reason="电话无人接听")
        elif roll < 0.07:
            outcome.update(status=visits_terms.REFUSED)
        else:
            outcome.update(
                status=visits_terms.DONE,
                satisfaction=rng.choice(_MOODS),
                problem_solved=rng.choice(("yes", "yes", "yes", "partly")),
            )
        history.append(("outcome", field_changes(visit, outcome), {**visit, **outcome}))
        visit.update(outcome)
    return history


class _VisitBatch:
    """Demo visits not yet written with their revisions, numbered after the station's last
    visit and revision; `flush` writes them in one transaction."""

    columns = (*VISIT_FIELDS, "revision_no", "created_utc", "updated_utc")

    def __init__(self, cur: Any) -> None:
        self.cur = cur
        self.generation, self.seq = cur.execute(
            "SELECT generation, last_seq FROM station WHERE id = 1"
        ).fetchone()
        self.number = cur.execute("SELECT coalesce(max(number), 0) FROM visit").fetchone()[0]
        self.rows: list[tuple[Any, ...]] = []
        self.revs: list[NewRevision] = []

    def new_visit(self, **values: Any) -> dict[str, Any]:
        """A visit record with every field, numbered next."""
        self.number += 1
        visit: dict[str, Any] = dict.fromkeys(VISIT_FIELDS, "")
        visit.update(id=new_id(), number=self.number, **values)
        return visit

    def add(
        self,
        visit: dict[str, Any],
        history: History,
        assignee: str,
        closed: dt.datetime,
        closed_utc: str,
    ) -> None:
        stamp = closed.isoformat(timespec="seconds")
        self.revs.extend(
            _revision_rows(
                history,
                "visit",
                visit["id"],
                self.seq,
                self.generation,
                assignee,
                [stamp] * len(history),
            )
        )
        self.seq += len(history)
        self.rows.append((*(visit[c] for c in VISIT_FIELDS), len(history), closed_utc, closed_utc))

    def flush(self) -> None:
        cur, columns = self.cur, self.columns
        cur.execute("BEGIN IMMEDIATE")
        cur.executemany(
            f"INSERT INTO visit({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            self.rows,
        )
        append_revisions(cur.execute, self.revs)
        cur.execute("UPDATE station SET last_seq = ? WHERE id = 1", (self.seq,))
        cur.execute("COMMIT")
        self.rows, self.revs = [], []


def _repeat(
    rules: RepeatRules, incident_type: str, earlier: list[dt.datetime], moment: dt.datetime
) -> dict[str, Any]:
    """The phone rule the services would record for this report (demo stamps come in order)."""
    fired: dict[str, Any] = {"repeat_rule": "", "repeat_key": "", "repeat_count": 0}
    for rule in rules.for_type(incident_type):
        since = moment - dt.timedelta(days=rule.window_days)
        count = len(earlier) - bisect.bisect_left(earlier, since)
        if count >= rule.min_earlier:
            fired = {"repeat_rule": rule.id, "repeat_key": "phone", "repeat_count": count + 1}
            break
    earlier.append(moment)
    return fired


def _revision_rows(
    history: History,
    kind: str,
    record_id: str,
    last_seq: int,
    generation: int,
    officer_id: str,
    recorded_at: list[str],
) -> list[NewRevision]:
    """Revisions for one record's history, chained by parent, numbered after last_seq; their
    audit entries are dated when the revisions say they were made."""
    rows: list[NewRevision] = []
    parent = None
    for n, (action, changes, snap) in enumerate(history, 1):
        payload = canonical_json(snap)
        rev_id = new_id()
        at = recorded_at[n - 1]
        rows.append(
            NewRevision(
                id=rev_id,
                kind=kind,
                record_id=record_id,
                revision_no=n,
                parent_id=parent,
                seq=last_seq + n,
                generation=generation,
                officer_id=officer_id,
                recorded_at=at,
                action=action,
                changes=canonical_json(changes),
                payload=payload,
                sha256=payload_sha256(payload),
                entered_utc=utc_iso(dt.datetime.fromisoformat(at)),
            )
        )
        parent = rev_id
    return rows


# Every column of the model, so a new column cannot be silently left out of demo rows.
def _warning(criteria: WarningCriteria, code: str, rng: random.Random) -> dict[str, Any]:
    """Half the relationship, family and neighbourhood disputes were assessed at intake."""
    if not criteria.applies(code) or rng.random() < 0.5:
        return {}
    factors = sorted(rng.sample([f.id for f in criteria.factors], rng.choice((0, 1, 1, 2, 3))))
    colour = criteria.suggest(factors).colour
    return {
        "risk_factors": factors,
        "suggested_colour": colour.id,
        "warning_colour": colour.id,
        "monitoring_level": colour.monitoring,
        "warning_status": statuses.WARNING_ACTIVE,
    }


_REPORT_COLS = tuple(c.name for c in Report.__table__.columns)
_SUMMARY_TAILS = [
    "请求民警到场处理。",
    "双方情绪激动，要求调解。",
    "报警人称此前已多次报警未解决。",
    "暂无人员受伤。",
    "报警人要求尽快查处。",
    "现场已有群众围观。",
]
_RESULTS = [
    "经调解双方达成一致，当场化解。",
    "已依法受案调查。",
    "已向报警人反馈处置情况，报警人表示满意。",
    "现场处置完毕，告知报警人后续事项。",
    "已出具相关文书，案件办结。",
]
