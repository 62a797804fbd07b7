"""Someone with the key and plain SQLCipher edits, deletes, inserts or reorders rows in the
station file; `audit verify` must find each change and say where it is."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from app.db.engine import Store
from app.services import audit, audit_verify, receiving, reports, visit_queries, visits
from tests.conftest import good_intake, plain_sqlcipher
from tests.test_cli import cli

Tamper = Callable[[Any, dict[str, Any]], None]


@pytest.fixture
def busy_store(store: Store, chief, catalog) -> tuple[Store, dict[str, Any]]:
    """A station with a day's work: receipts, intakes, a closed report with its visits and
    an outcome, a void, sign-ins."""
    ids = []
    for n in range(4):
        receipt = receiving.receive(store, chief)
        receiving.save_intake(
            store, chief, receipt.id, good_intake(reporter_name="王芳芳"[: 2 + n % 2]), catalog
        )
        ids.append(receipt.id)
    receiving.start_handling(store, chief, ids[0])
    receiving.close_report(store, chief, ids[0], "已调解")
    receiving.void_receipt(store, chief, receiving.receive(store, chief).id, "误按")
    first = visit_queries.visits_for_report(store, ids[0])[0].code
    visits.record_outcome(
        store, chief, first, visits.Outcome("done", satisfaction="satisfied", problem_solved="yes")
    )
    audit.record(store, chief, "sign_out")
    assert audit_verify.verify(store).ok
    return store, {"reports": ids}


def _revisions(conn: Any) -> list[tuple[Any, ...]]:
    return conn.execute(
        "SELECT id, record_id, seq, payload, revision_no FROM revision ORDER BY seq"
    ).fetchall()


def edit_payload(conn: Any, ctx: dict[str, Any]) -> None:
    rev = _revisions(conn)[3]
    ctx["revision"] = rev[0]
    conn.execute(
        "UPDATE revision SET payload = replace(payload, '王', '李') WHERE id = ?", (rev[0],)
    )


def edit_payload_and_its_hash(conn: Any, ctx: dict[str, Any]) -> None:
    rev = _revisions(conn)[3]
    ctx["revision"] = rev[0]
    payload = rev[3].replace("王", "李")
    conn.execute(
        "UPDATE revision SET payload = ?, sha256 = ? WHERE id = ?",
        (payload, hashlib.sha256(payload.encode()).hexdigest(), rev[0]),
    )


def edit_who_saved_it(conn: Any, ctx: dict[str, Any]) -> None:
    rev = _revisions(conn)[5]
    ctx["revision"] = rev[0]
    conn.execute(
        "UPDATE revision SET recorded_at = '2020-01-01T00:00:00+08:00' WHERE id = ?", (rev[0],)
    )


def delete_revision(conn: Any, ctx: dict[str, Any]) -> None:
    rev = _revisions(conn)[-2]
    ctx["revision"] = rev[0]
    conn.execute("DELETE FROM revision WHERE id = ?", (rev[0],))


def insert_revision(conn: Any, ctx: dict[str, Any]) -> None:
    cols = [r[1] for r in conn.execute("PRAGMA table_info(revision)")]
    newest = conn.execute("SELECT * FROM revision ORDER BY seq DESC").fetchone()
    row = dict(zip(cols, newest, strict=True))
    row.update(id="0190ffff-0000-7000-8000-000000000001", seq=row["seq"] + 1)
    row["revision_no"] += 1
    ctx["revision"] = row["id"]
    conn.execute(
        f"INSERT INTO revision ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )


def reorder_revisions(conn: Any, ctx: dict[str, Any]) -> None:
    a, b = _revisions(conn)[2:4]
    ctx["revision"] = a[0]
    conn.execute("UPDATE revision SET seq = -1 WHERE id = ?", (a[0],))
    conn.execute("UPDATE revision SET seq = ? WHERE id = ?", (a[2], b[0]))
    conn.execute("UPDATE revision SET seq = ? WHERE id = ?", (b[2], a[0]))


def move_revision_first(conn: Any, ctx: dict[str, Any]) -> None:
    """A later revision given a number before every other one (even below zero)."""
    rev = _revisions(conn)[5]
    conn.execute("UPDATE revision SET seq = -5 WHERE id = ?", (rev[0],))


def edit_entry(conn: Any, ctx: dict[str, Any]) -> None:
    ctx["seq"] = 7
    conn.execute("UPDATE audit SET officer_id = 'someone-else' WHERE seq = 7")


def scribble_over_a_hash(conn: Any, ctx: dict[str, Any]) -> None:
    """An entry's hash overwritten with something that is not a hash at all."""
    ctx["seq"] = 7
    conn.execute("UPDATE audit SET hash = 'not a hash' WHERE seq = 7")


def delete_entry(conn: Any, ctx: dict[str, Any]) -> None:
    ctx["seq"] = 7
    conn.execute("DELETE FROM audit WHERE seq = 7")


def insert_entry(conn: Any, ctx: dict[str, Any]) -> None:
    """An entry slipped in after entry 5, every later one moved up to make room, with a hash
    that follows correctly from entry 5."""
    from app.db import audit_chain

    ctx["seq"] = 7
    (top,) = conn.execute("SELECT max(seq) FROM audit").fetchone()
    for seq in range(top, 5, -1):
        conn.execute("UPDATE audit SET seq = seq + 1 WHERE seq = ?", (seq,))
    (prev,) = conn.execute("SELECT hash FROM audit WHERE seq = 5").fetchone()
    own = (6, "2024-01-01T00:00:00Z", None, "export", None, None, None, None, "{}")
    conn.execute(
        "INSERT INTO audit (seq, at_utc, officer_id, action, record_kind, record_id,"
        " revision_id, revision_digest, detail, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (*own, audit_chain.link(prev, audit_chain.body_digest(own))),
    )


def reorder_entries(conn: Any, ctx: dict[str, Any]) -> None:
    ctx["seq"] = 6
    conn.execute("UPDATE audit SET seq = -1 WHERE seq = 6")
    conn.execute("UPDATE audit SET seq = 6 WHERE seq = 7")
    conn.execute("UPDATE audit SET seq = 7 WHERE seq = -1")


def edit_report_row(conn: Any, ctx: dict[str, Any]) -> None:
    ctx["record"] = ctx["reports"][1]
    conn.execute(
        "UPDATE report SET reporter_phone = '13000000000' WHERE id = ?", (ctx["reports"][1],)
    )


CASES: dict[str, tuple[Tamper, str]] = {
    "edit-payload": (edit_payload, "revision_changed"),
    "edit-payload-and-hash": (edit_payload_and_its_hash, "revision_changed"),
    "edit-recorded-at": (edit_who_saved_it, "revision_changed"),
    "delete-revision": (delete_revision, "revision_missing"),
    "insert-revision": (insert_revision, "revision_unvouched"),
    "reorder-revisions": (reorder_revisions, "revision_out_of_order"),
    "move-revision-first": (move_revision_first, "revision_out_of_order"),
    "edit-entry": (edit_entry, "entry_changed"),
    "scribble-over-a-hash": (scribble_over_a_hash, "entry_changed"),
    "delete-entry": (delete_entry, "entries_missing"),
    "insert-entry": (insert_entry, "entry_changed"),
    "reorder-entries": (reorder_entries, "entry_changed"),
    "edit-report-row": (edit_report_row, "record_changed"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_audit_verify_finds_each_kind_of_tampering(busy_store, case: str) -> None:
    store, ctx = busy_store
    tamper, expected = CASES[case]
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        tamper(conn, ctx)
    result = audit_verify.verify(store)
    assert not result.ok
    kinds = {f.kind for f in result.findings}
    assert expected in kinds, result.findings
    hit = [f for f in result.findings if f.kind == expected]
    if "revision" in ctx:
        assert any(f.revision_id == ctx["revision"] for f in hit), hit
    if "seq" in ctx:
        assert any(f.seq == ctx["seq"] for f in hit), hit
        # the damage is named where it is: entries well before it are not blamed
        assert all(f.seq is None or f.seq >= ctx["seq"] - 1 for f in result.findings)
    if "record" in ctx:
        assert [f.record_id for f in hit] == [ctx["record"]]


@pytest.mark.parametrize("case", list(CASES))
def test_a_check_cut_into_slices_misses_nothing(busy_store, case: str) -> None:
    """The check a large station gets (slices in worker processes, here in this process)
    finds each kind of tampering wherever the cuts fall; what it reports is then confirmed by
    the one-snapshot check above."""
    store, ctx = busy_store
    for slices in (2, 3, 5, 8):
        assert audit_verify.verify_file(store.path, store.key, slices=slices, processes=False).ok
    tamper, _expected = CASES[case]
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        tamper(conn, ctx)
    for slices in (2, 3, 5, 8):
        sliced = audit_verify.verify_file(
            store.path, store.key, slices=slices, processes=False, confirm=False
        )
        assert not sliced.ok, (slices, sliced)


def test_worker_processes_check_the_slices_of_a_station(busy_store) -> None:
    store, ctx = busy_store
    clean = audit_verify.verify_file(store.path, store.key, slices=2)
    whole = audit_verify.verify(store)
    assert clean.ok and (clean.entries, clean.revisions, clean.records, clean.head_hash) == (
        whole.entries,
        whole.revisions,
        whole.records,
        whole.head_hash,
    )
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        edit_report_row(conn, ctx)
    found = audit_verify.verify_file(store.path, store.key, slices=2)
    assert [f.record_id for f in found.findings] == [ctx["record"]]


def test_a_clean_station_verifies_and_the_cli_names_what_was_changed(
    busy_store, data_dir: Path
) -> None:
    store, ctx = busy_store
    ok = cli("audit", "verify", "--data-dir", str(data_dir))
    assert ok.returncode == 0 and "Audit chain intact" in ok.stdout, ok.stderr
    serial = reports.get_report(store, ctx["reports"][1])["serial"]
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        edit_report_row(conn, ctx)
        delete_entry(conn, ctx)
    bad = cli("audit", "verify", "--data-dir", str(data_dir))
    assert bad.returncode == 1 and "AUDIT CHECK FAILED" in bad.stdout
    assert f"report {serial}" in bad.stdout and "audit entries 7-7 are missing" in bad.stdout
    as_json = json.loads(cli("audit", "verify", "--data-dir", str(data_dir), "--json").stdout)
    assert as_json["ok"] is False and as_json["problems"] >= 2
