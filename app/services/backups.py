"""Backups of the station database, and restoring one.

A backup is made with SQLite's online backup API in a single step: one consistent snapshot of
the live file while the desk goes on writing (WAL), never a file copy. It is encrypted under the
station key like the database and written beside its final name in small flushed steps (so the
desk's own commits never wait behind gigabytes of it). It is read back from the disk once, by
a worker process that follows the copy as it reaches the disk (so the read-back adds almost no
time): every page must carry the authentication code the station key gives it
(app.db.page_auth), and the same read gives the digest that the small manifest (no personal
data) records with the size, so a truncated or altered backup is known before anyone relies on
it. It is then opened as a restore would open it. Only then does it take its name; the newest N
are kept.

Before a restore the backup is checked again, and SQLite's `PRAGMA quick_check` walks its
structure as well: restoring is rare and replaces the live file.

Restoring puts a checked backup in place of the database; the file it replaces is kept aside.
What the backup lacks comes back from HQ at the next sync (the protocol's generations).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from app import errors, workers
from app.db import audit_chain, audit_seal, cipher, page_auth
from app.db.cipher import DRIVER_ERRORS
from app.db.engine import Store, translate
from app.domain import recovery_key
from app.paths import BACKUP_SUFFIX, backups_dir, database_file
from app.services import audit
from app.services.station import OfficerInfo, require, station_info
from app.settings import load_settings

log = logging.getLogger("stationdesk.backup")
SUFFIX = BACKUP_SUFFIX
MANIFEST = ".json"
# 1: `sha256` is the plain SHA-256 of the file. 2: it is page_auth.split_digest, which the
# read-back can compute while the copy is written (page 1 comes last).
FORMAT = 2
FORMATS = (1, 2)
FLUSH_STEP = 8 * 1024 * 1024  # what the disk may have of a backup ahead of the desk's commits


@dataclass(frozen=True)
class BackupInfo:
    """What the manifest says about one backup file (no personal data)."""

    file: str
    unit_code: str
    station_uuid: str
    created_utc: str
    reason: str
    bytes: int
    sha256: str
    key_fingerprint: str
    last_seq: int
    generation: int
    audit_seq: int
    reports: int
    seconds: float
    format: int = FORMAT


@dataclass(frozen=True)
class BackupEntry:
    """A backup as found in a folder: its manifest, if it has one, and what a check found."""

    path: Path
    info: BackupInfo | None
    problem: str = ""  # "" (fine as far as the manifest tells), "no_manifest", "size"


def backup_folder(data_dir: Path) -> Path:
    configured = load_settings(data_dir).backup_folder
    return Path(configured).expanduser() if configured else backups_dir(data_dir)


def on_the_data_disk(data_dir: Path, folder: Path) -> bool:
    """Whether backups in `folder` would die with the disk that holds the station's file: the
    same device as the data folder (the default, `backups/` inside it, always is). A folder not
    made yet is judged by its nearest existing parent; one that cannot be read is not judged."""
    probe = folder.expanduser()
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return probe.stat().st_dev == data_dir.stat().st_dev
    except OSError:
        return False


def _usable_folder(folder: Path, *, create: bool) -> None:
    if create and not folder.exists():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise errors.BackupFolderError(str(folder), reason="missing", os=str(exc)) from None
    if not folder.is_dir():
        raise errors.BackupFolderError(str(folder), reason="missing")
    if not os.access(folder, os.W_OK):
        raise errors.BackupFolderError(str(folder), reason="not_writable")


def run_backup(
    store: Store,
    data_dir: Path,
    *,
    reason: str,
    by: OfficerInfo | None = None,
    folder: Path | None = None,
) -> BackupInfo:
    """Write, check and describe one backup; then keep only the newest generations."""
    if by is not None:
        require(by, "receive")  # any signed-in person may start one; the audit says who
    settings = load_settings(data_dir)
    target_dir = folder or backup_folder(data_dir)
    # The data folder's own backups/ is made on first use; a configured folder (another disk,
    # a USB drive) must already be there: a missing one means the drive is not plugged in.
    _usable_folder(target_dir, create=folder is None and not settings.backup_folder)
    started = time.perf_counter()
    stamp = dt.datetime.now(dt.UTC)
    unit_code = station_info(store).unit_code
    name = f"{unit_code}-{stamp:%Y%m%d-%H%M%S}-{stamp.microsecond // 1000:03d}{SUFFIX}"
    final = target_dir / name
    copy = _write_checked_copy(store, target_dir, final)
    info = BackupInfo(
        file=name,
        unit_code=unit_code,
        station_uuid=copy.facts["station_uuid"],
        created_utc=stamp.strftime("%Y-%m-%dT%H:%M:%SZ"),
        reason=reason,
        bytes=final.stat().st_size,
        sha256=copy.digest,
        key_fingerprint=recovery_key.fingerprint(store.key) if store.key else "",
        last_seq=copy.facts["last_seq"],
        generation=copy.facts["generation"],
        audit_seq=copy.facts["audit_seq"],
        reports=copy.facts["reports"],
        seconds=round(time.perf_counter() - started, 2),
    )
    try:
        _write_manifest(final, info)
    except OSError as exc:
        final.unlink(missing_ok=True)
        raise _write_error(exc, target_dir) from None
    _prune(target_dir, unit_code, settings.backup_generations)
    log.info(
        "backup %s (%s): %d reports, %d bytes, %.1f s (copy %.1f s, read back %.1f s)",
        name,
        reason,
        info.reports,
        info.bytes,
        info.seconds,
        copy.copied - started,
        copy.checked - copy.copied,
    )
    audit.record(
        store,
        by,
        "backup",
        detail={
            "file": name,
            "reason": reason,
            "last_seq": info.last_seq,
            "bytes": info.bytes,
        },
    )
    return info


@dataclass(frozen=True)
class _CheckedCopy:
    digest: str
    facts: dict[str, Any]
    copied: float  # perf_counter when the copy was on disk
    checked: float  # and when it had been read back


def _write_checked_copy(store: Store, target_dir: Path, final: Path) -> _CheckedCopy:
    """Copy the store to a `.part` file, read it back, and only then give it its final name;
    whatever fails leaves nothing behind and is told as the folder's problem."""
    work = target_dir / (final.name + ".part")
    read_back = _ReadBack(work, store.key)
    try:
        workers.in_low_priority_thread(_copy, store, work, read_back)
        cipher.fsync_file(work)
        copied = time.perf_counter()
        digest = read_back.finish()
        checked = time.perf_counter()
        facts = _facts(work, store.key, structure=store.key is None)
        os.replace(work, final)
    except DRIVER_ERRORS as exc:
        _discard(work, read_back)
        raise _write_error(translate(exc), target_dir) from None
    except errors.BackupDamagedError:
        _discard(work, read_back)  # it does not read back: said as such, not as a full disk
        raise
    except (OSError, errors.StationDeskError) as exc:
        _discard(work, read_back)
        raise _write_error(exc, target_dir) from None
    return _CheckedCopy(digest, facts, copied, checked)


def _copy(store: Store, work: Path, watcher: cipher.CopyWatcher) -> None:
    """Below the desk's priority: the copy is one long step on a core the receive needs too."""
    with closing(cipher.connect(store.path, store.key)) as src:
        cipher.copy_database(src, work, store.key, flush_every=FLUSH_STEP, watcher=watcher)


class _ReadBack:
    """Reading a backup back while it is written (page_auth.follow, in a worker process), or
    after it where no process can be started. An unencrypted store (tests, HQ's demo) has no
    page codes: its file is hashed after the copy and its structure checked by `_facts`."""

    def __init__(self, work: Path, key: bytes | None) -> None:
        self.work, self.key = work, key
        self.running: workers.Running | None = None

    def salt(self, salt: bytes) -> None:
        try:
            self.running = workers.start(page_auth.follow, self.work, self.key, salt)
        except OSError as exc:
            log.warning("backup read-back after the copy (no worker process: %s)", exc)

    def flushed(self, size: int) -> None:
        if self.running is not None:
            with suppress(OSError):  # the worker stopped: `finish` says why
                self.running.send(size)

    def finish(self) -> str:
        """The digest of the written file, once every page has been read back from the disk."""
        if self.key is None:
            return page_auth.file_digest(self.work)[0]
        if self.running is None:
            (scanned,) = workers.run_all(_scan_from_disk, [(self.work, self.key)])
        else:
            running, self.running = self.running, None
            with suppress(OSError):
                running.send(True)
            scanned = running.result()
        if not scanned.ok:
            raise errors.BackupDamagedError(
                str(self.work), reason="check", detail=_pages_text(scanned), pages=scanned.bad_pages
            )
        return scanned.digest

    def abandon(self) -> None:
        """The copy failed: the worker stops and lets go of the file before it is removed.
        Whatever the worker ended with, the copy's own error is the one the officer is told."""
        if self.running is not None:
            running, self.running = self.running, None
            try:
                with suppress(OSError):
                    running.send(False)
                running.result()
            except Exception as exc:
                log.info("backup read-back stopped with the copy: %s", type(exc).__name__)


def _discard(work: Path, read_back: _ReadBack | None = None) -> None:
    """A backup cut short leaves nothing behind: the file and SQLite's journal beside it, and
    no worker still reading it."""
    if read_back is not None:
        read_back.abandon()
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)


def _write_error(exc: BaseException, folder: Path) -> errors.StationDeskError:
    if isinstance(exc, errors.DatabaseFullError) or getattr(exc, "errno", None) == 28:
        return errors.BackupFailedError(str(folder), reason="full")
    if not folder.is_dir():
        return errors.BackupFolderError(str(folder), reason="missing")
    return errors.BackupFailedError(str(exc), reason="io")


def _scan_from_disk(path: Path, key: bytes, whole: bool = False) -> page_auth.PageScan:
    """In a worker process (app.workers): the desk's receive never waits for this loop. What
    is checked is what the drive gives back, not what the OS cache still holds."""
    return page_auth.scan(path, key, drop_cache=True, whole=whole)


def _pages_text(scanned: page_auth.PageScan) -> str:
    if scanned.partial_page:
        return "the file ends inside a page"
    shown = ", ".join(str(p) for p in scanned.first_bad)
    return f"{scanned.bad_pages} of {scanned.pages} pages fail their authentication ({shown})"


def _facts(path: Path, key: bytes | None, *, structure: bool) -> dict[str, Any]:
    """Open the copy as a restore would and read what the manifest says about it; with
    `structure`, SQLite's quick_check walks every b-tree of it first.

    Not `PRAGMA cipher_integrity_check` for the pages: in SQLCipher 4.12 it reports every
    page past the 4 GiB mark of a sound file as failing (see app.db.page_auth)."""
    with closing(cipher.connect(path, key)) as conn:
        cipher.check_readable(conn)
        if structure:
            verdict = conn.execute("PRAGMA quick_check").fetchone()[0]
            if verdict != "ok":
                raise errors.BackupDamagedError(
                    str(path), reason="check", detail=str(verdict)[:200]
                )
        uuid, last_seq, generation = conn.execute(
            "SELECT station_uuid, last_seq, generation FROM station WHERE id = 1"
        ).fetchone()
        audit_seq = conn.execute("SELECT coalesce(max(seq), 0) FROM audit").fetchone()[0]
        reports = conn.execute("SELECT count(*) FROM report").fetchone()[0]
    return {
        "station_uuid": uuid,
        "last_seq": last_seq,
        "generation": generation,
        "audit_seq": audit_seq,
        "reports": reports,
    }


def _manifest_path(path: Path) -> Path:
    return path.with_name(path.name + MANIFEST)


def _write_manifest(path: Path, info: BackupInfo) -> None:
    manifest = _manifest_path(path)
    work = manifest.with_name(manifest.name + ".part")
    work.write_text(json.dumps(asdict(info), indent=1), "utf-8")
    os.replace(work, manifest)


def _read_manifest(path: Path) -> BackupInfo | None:
    """The manifest, or None when it is missing, not ours or not well-formed (a file read from
    a USB drive is checked like any input: every field present with its type, texts short)."""
    try:
        manifest = _manifest_path(path)
        if manifest.stat().st_size > 64 * 1024:
            return None
        raw = json.loads(manifest.read_text("utf-8"))
        if not isinstance(raw, dict) or raw.get("format") not in FORMATS:
            return None
        info = BackupInfo(**raw)
    except (OSError, ValueError, TypeError):
        return None
    for name, kind in (("bytes", int), ("last_seq", int), ("generation", int), ("format", int)):
        value = getattr(info, name)
        if not isinstance(value, kind) or isinstance(value, bool) or value < 0:
            return None
    texts = (info.file, info.unit_code, info.created_utc, info.reason, info.sha256)
    if not all(isinstance(t, str) and len(t) <= 200 for t in texts):
        return None
    return info


def list_backups(folder: Path) -> list[BackupEntry]:
    """Newest first. A file whose size differs from its manifest is marked at once (a copy
    cut short); the full check (`check_backup`) reads the whole file."""
    if not folder.is_dir():
        raise errors.BackupFolderError(str(folder), reason="missing")
    entries = []
    for path in folder.glob(f"*{SUFFIX}"):
        info = _read_manifest(path)
        problem = ""
        if info is None:
            problem = "no_manifest"
        elif path.stat().st_size != info.bytes:
            problem = "size"
        entries.append(BackupEntry(path, info, problem))
    return sorted(
        entries,
        key=lambda e: (e.info.created_utc if e.info else "", e.path.name),
        reverse=True,
    )


def check_backup(path: Path, key: bytes | None) -> BackupInfo:
    """Everything a restore relies on: the manifest, the size and hash it names, the key,
    every page's authentication and SQLite's own check of the structure. Raises BackupDamagedError or
    DatabaseKeyWrongError saying which."""
    info = _read_manifest(path)
    if info is None:
        raise errors.BackupDamagedError(str(path), reason="no_manifest")
    try:
        size = path.stat().st_size
    except OSError:
        raise errors.BackupDamagedError(str(path), reason="missing") from None
    if size != info.bytes:
        raise errors.BackupDamagedError(str(path), reason="truncated")
    if key is not None and info.key_fingerprint != recovery_key.fingerprint(key):
        raise errors.DatabaseKeyWrongError(str(path), fingerprint=info.key_fingerprint)
    whole = info.format == 1
    if key is None:
        digest, plain_sha = page_auth.file_digest(path, whole=whole)
        bad = None
    else:
        (scanned,) = workers.run_all(_scan_from_disk, [(path, key, whole)])
        digest, plain_sha = scanned.digest, scanned.sha256
        bad = None if scanned.ok else scanned
    if (plain_sha if whole else digest) != info.sha256:
        raise errors.BackupDamagedError(str(path), reason="changed")
    if bad is not None:  # the manifest was made to fit a changed file
        raise errors.BackupDamagedError(str(path), reason="check", detail=_pages_text(bad))
    try:
        _facts(path, key, structure=True)
    except DRIVER_ERRORS as exc:
        raise errors.BackupDamagedError(str(path), reason="unreadable", detail=str(exc)) from None
    return info


def _prune(folder: Path, unit_code: str, keep: int) -> None:
    ours = [
        e
        for e in list_backups(folder)
        if e.info is not None and e.info.unit_code == unit_code and not e.problem
    ]
    for entry in ours[keep:]:
        entry.path.unlink(missing_ok=True)
        _manifest_path(entry.path).unlink(missing_ok=True)


def newest_good(folder: Path, key: bytes | None) -> tuple[BackupEntry, BackupInfo] | None:
    """The newest backup that passes every check, for the guided recovery."""
    for entry in list_backups(folder):
        if entry.problem:
            continue
        try:
            return entry, check_backup(entry.path, key)
        except (errors.BackupDamagedError, errors.DatabaseKeyWrongError):
            continue
    return None


def restore(data_dir: Path, backup: Path, key: bytes) -> Path:
    """Put a checked backup in place of the station database. The current file (and its WAL)
    is moved aside, never deleted: it may be all there is of the hours since the backup, or
    the evidence of what went wrong. Returns where it was put. The Store must be closed."""
    info = check_backup(backup, key)
    path = database_file(data_dir)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.stem}.replaced-{stamp}{path.suffix}")
    work = path.with_name(path.name + ".restoring")
    try:
        with closing(cipher.connect(backup, key)) as src:
            cipher.copy_database(src, work, key)
        cipher.fsync_file(work)
        with closing(cipher.connect(work, key)) as restored:
            head = audit_chain.head(lambda sql, args: restored.execute(sql, args))
        for suffix in ("", "-wal", "-shm"):
            current = Path(f"{path}{suffix}")
            if current.exists():
                os.replace(current, Path(f"{aside}{suffix}"))
        os.replace(work, path)
        # the entries after the backup are gone on purpose: the restore's own entry says so
        audit_seal.reset(data_dir, *head)
    except DRIVER_ERRORS as exc:
        _discard(work)
        raise translate(exc) from None
    except OSError as exc:
        _discard(work)
        raise errors.DatabaseReadOnlyError(str(exc)) from None
    log.warning("restored from %s; the file it replaced is kept as %s", backup.name, aside.name)
    with _reopened(data_dir, key) as store:
        _mark_restored(store)
        audit.record(
            store,
            None,
            "restore",
            detail={"file": backup.name, "last_seq": info.last_seq, "replaced": aside.name},
        )
    return aside


def _mark_restored(store: Store) -> None:
    """The sync's next contact with HQ takes any newer generation of this station at HQ for
    this desk's own later life, lost with the disk, and starts a new one."""
    from app.db.models import SyncState

    with store.write() as s:
        state = s.get(SyncState, 1)
        if state is None:
            state = SyncState(id=1)
            s.add(state)
        state.restored = True


@contextmanager
def _reopened(data_dir: Path, key: bytes) -> Iterator[Store]:
    from app.db.station_file import open_station

    store = open_station(data_dir, key=key)
    try:
        yield store
    finally:
        store.close()


def last_backup_utc(data_dir: Path) -> str | None:
    try:
        entries = list_backups(backup_folder(data_dir))
    except errors.BackupFolderError:
        return None
    return next((e.info.created_utc for e in entries if e.info and not e.problem), None)


def due(data_dir: Path, now: dt.datetime | None = None) -> bool:
    """Whether the schedule asks for a backup now."""
    hours = load_settings(data_dir).backup_interval_hours
    if hours == 0:
        return False
    last = last_backup_utc(data_dir)
    if last is None:
        return True
    moment = now or dt.datetime.now(dt.UTC)
    then = dt.datetime.strptime(last, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    return moment - then >= dt.timedelta(hours=hours)
