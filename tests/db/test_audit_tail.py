"""The newest audit entries (or revisions) cut off the end of the file leave a chain that is
still whole; the heads kept outside it (sealed beside the file, acknowledged by HQ, the
station's own seq counter) tell, and `audit verify` names what is missing."""

from __future__ import annotations

from contextlib import closing

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db import audit_seal
from app.db.engine import Store
from app.services import audit, audit_verify, export, receiving
from tests.conftest import good_intake, plain_sqlcipher
from tests.test_cli import cli


def _day(store: Store, chief, catalog, tmp_path) -> None:
    for _ in range(3):
        receipt = receiving.receive(store, chief)
        receiving.save_intake(store, chief, receipt.id, good_intake(), catalog)
    export.export_jsonl(store, tmp_path / "out.jsonl", by=chief)  # its entry is the newest


def _cut_entries(store: Store, n: int) -> int:
    """Delete the newest n audit entries (and nothing else): the chain left is whole."""
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        (top,) = conn.execute("SELECT max(seq) FROM audit").fetchone()
        conn.execute("DELETE FROM audit WHERE seq > ?", (top - n,))
        conn.commit()
    return top


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(n=st.integers(1, 4))
def test_entries_cut_from_the_end_are_named_against_the_sealed_head(
    store, chief, catalog, tmp_path, n: int
) -> None:
    if not hasattr(store, "_filled"):
        _day(store, chief, catalog, tmp_path)
        store._filled = True  # type: ignore[attr-defined]
    for _ in range(n):  # fresh newest entries for each example, to be cut
        audit.record(store, chief, "print")
    assert audit_verify.verify(store).ok
    top = _cut_entries(store, n)
    found = audit_verify.verify(store)
    assert [f.kind for f in found.findings] == ["entries_cut"], found.findings
    assert f"seq {top - n + 1} to {top}" in found.findings[0].text
    audit_seal.reset(store.path.parent, *audit.head(store))  # for the next example


def test_the_cli_says_the_tail_was_cut(store, chief, catalog, data_dir, tmp_path) -> None:
    _day(store, chief, catalog, tmp_path)
    _cut_entries(store, 1)  # the export's own entry
    store.close()
    done = cli("audit", "verify", "--data-dir", str(data_dir))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "AUDIT CHECK FAILED" in done.stdout and "[entries_cut]" in done.stdout


def test_without_the_seal_hqs_acknowledged_head_still_tells(store, chief, catalog, tmp_path):
    _day(store, chief, catalog, tmp_path)
    head, _ = audit.head(store)
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        conn.execute("UPDATE station SET audit_acked_seq = ?", (head,))  # HQ saw it all
        conn.commit()
    _cut_entries(store, 1)
    audit_seal.seal_path(store.path.parent).unlink()  # the forger removed the seal too
    found = audit_verify.verify(store)
    assert [f.kind for f in found.findings] == ["entries_cut"], found.findings
    assert "HQ acknowledged" in found.findings[0].text


@pytest.mark.parametrize("keep_counter", [False, True])
def test_revisions_cut_from_the_end_are_named(
    store, chief, catalog, tmp_path, keep_counter: bool
) -> None:
    for _ in range(3):  # the newest entry vouches for the newest revision
        receipt = receiving.receive(store, chief)
        receiving.save_intake(store, chief, receipt.id, good_intake(), catalog)
    with closing(plain_sqlcipher(store.path, store.key)) as conn:
        (top,) = conn.execute("SELECT max(seq) FROM revision").fetchone()
        (rev_id,) = conn.execute("SELECT id FROM revision WHERE seq = ?", (top,)).fetchone()
        conn.execute("DELETE FROM revision WHERE seq = ?", (top,))
        conn.execute("DELETE FROM audit WHERE revision_id = ?", (rev_id,))
        if not keep_counter:  # a careful forger lowers the counter too
            conn.execute("UPDATE station SET last_seq = ?", (top - 1,))
        conn.commit()
    kinds = {f.kind for f in audit_verify.verify(store).findings}
    assert kinds == ({"revisions_cut", "entries_cut"} if keep_counter else {"entries_cut"})


def test_a_restore_through_the_app_is_not_taken_for_a_cut(store, chief, catalog, data_dir):
    from app.services import backups

    info = backups.run_backup(store, data_dir, reason="manual", by=chief)
    for _ in range(2):
        receiving.receive(store, chief)
    key = store.key
    store.close()
    backups.restore(data_dir, backups.backup_folder(data_dir) / info.file, key)
    from app.db.station_file import open_station

    restored = open_station(data_dir)
    assert audit_verify.verify(restored).ok
    restored.close()
