"""HQ follows each station's audit chain over real HTTP: it grows on every push, a rewrite of
history (even one that is consistent in the file) is caught, and a restore is told apart."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from app.db import audit_chain, audit_seal, cipher
from app.db.engine import Store
from app.services import audit, audit_verify, receiving
from app.services.sync import sync_engine
from tests.conftest import plain_sqlcipher
from tests.sync.conftest import enroll, receive_and_complete, sign_in


def _hq_view(hq) -> tuple[int, str]:
    (row,) = hq.service().stations()
    return row.audit_seq, row.audit_state


def test_every_push_carries_the_chain_and_hq_keeps_up(desk, hq) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 3)
    assert sync_engine(desk).run_once().ok
    assert _hq_view(hq) == (audit.head(desk)[0], "ok")
    sign_in(desk)  # only audit entries, no revision: still reaches HQ
    sign_in(desk)
    assert sync_engine(desk).run_once().ok
    assert _hq_view(hq) == (audit.head(desk)[0], "ok")
    assert hq.service().alarms() == []


def _rewrite_history(path: Path, key: bytes | None, seq: int) -> None:
    """What a careful forger would do: change an entry and recompute every hash after it, so
    the file's own chain is consistent again."""
    with closing(plain_sqlcipher(path, key)) as conn:
        conn.execute("UPDATE audit SET officer_id = NULL WHERE seq = ?", (seq,))
        cols = ", ".join(audit_chain.COLUMNS)
        rows = conn.execute(f"SELECT {cols} FROM audit WHERE seq >= ? ORDER BY seq", (seq,))
        (prev,) = conn.execute("SELECT hash FROM audit WHERE seq = ?", (seq - 1,)).fetchone()
        for row in rows.fetchall():
            prev = audit_chain.link(prev, audit_chain.body_digest(row))
            conn.execute("UPDATE audit SET hash = ? WHERE seq = ?", (prev, row[0]))


def test_a_history_rewritten_consistently_in_the_file_is_caught_at_hq(desk, hq) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 3)
    assert sync_engine(desk).run_once().ok
    _rewrite_history(desk.path, desk.key, 3)
    found = audit_verify.verify(desk)  # the head sealed beside the file tells...
    assert [f.kind for f in found.findings] == ["entry_changed"], found.findings
    assert "sealed" in found.findings[0].text
    audit_seal.reset(desk.path.parent, *audit.head(desk))  # ...unless the forger reseals it,
    assert audit_verify.verify(desk).ok  # and then the file alone cannot tell any more...
    receive_and_complete(desk, 1)
    sync_engine(desk).run_once()
    assert _hq_view(hq)[1] == "broken"  # ...HQ can
    (alarm,) = hq.service().alarms()
    assert alarm["kind"] == "audit_chain_broken" and "another hash" in alarm["detail"]["what"]


def test_entries_removed_after_hq_saw_them_are_caught(desk, hq) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 3)
    assert sync_engine(desk).run_once().ok
    seen, _ = _hq_view(hq)
    with closing(plain_sqlcipher(desk.path, desk.key)) as conn:
        conn.execute("DELETE FROM audit WHERE seq > ?", (seen - 2,))
        conn.execute("UPDATE station SET audit_acked_seq = ?", (seen - 2,))
    sign_in(desk)
    sync_engine(desk).run_once()  # HQ says where it is; the station has nothing there
    sync_engine(desk).run_once()
    assert _hq_view(hq)[1] == "broken"


def test_a_restore_restarts_the_chain_and_hq_records_what_was_lost(desk, hq, tmp_path) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 2)
    with closing(cipher.connect(desk.path, desk.key)) as src:
        cipher.copy_database(src, tmp_path / "old.sqlite3", desk.key)
    assert sync_engine(desk).run_once().ok
    receive_and_complete(desk, 2)
    officer = sign_in(desk)
    assert sync_engine(desk).run_once().ok
    path, key = desk.path, desk.key
    desk.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with closing(cipher.connect(tmp_path / "old.sqlite3", key)) as src:
        cipher.copy_database(src, path, key)
    restored = Store(path, key)
    report = sync_engine(restored).run_once()
    assert report.ok and report.new_generation == 2
    assert audit_verify.verify(restored).ok  # revisions taken back from HQ are vouched for
    receiving.receive(restored, officer)
    assert sync_engine(restored).run_once().ok
    assert _hq_view(hq) == (audit.head(restored)[0], "restarted")
    (alarm,) = hq.service().alarms()
    assert (
        alarm["kind"] == "audit_chain_restarted" and "lost with the disk" in alarm["detail"]["what"]
    )
    restored.close()
