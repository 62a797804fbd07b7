"""Command line: the GUI by default, plus set-up, demo data, export and the self-test."""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app import __version__, errors
from app.common.cli_args import (
    OneLineParser,
    bounded,
    os_error_line,
    output_error_line,
    unexpected,
)
from app.common.files import write_atomically
from app.paths import database_file, default_data_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.db.engine import Store
    from app.domain.weekly_figures import Period

    Subcommands = argparse._SubParsersAction[OneLineParser]

CLI_MESSAGES = {
    "database_locked": "The station database is locked by another program. Close it and try again.",
    "database_read_only": "The station database cannot be written (read-only file or folder). Check its permissions.",
    "database_full": "The disk holding the station database is full. Free some space and try again.",
    "database_corrupt": "The station database file is damaged or is not a StationDesk database.",
    "database_missing": "The station database is missing or empty, but this folder belongs to "
    "a station (its key record, backups or earlier copies are here): nothing was set up anew. "
    "Restore the newest backup ('stationdesk backup list', then 'stationdesk backup restore "
    "--file FILE'), or start the app for guided recovery.",
    "database_too_new": "This station database was written by a newer StationDesk. Install the newer version.",
    "database_key_missing": "This station's database is encrypted and this computer's keyring "
    "does not hold its key. Run 'stationdesk unlock' and type the recovery key from the sheet "
    "in the station's safe.",
    "database_key_wrong": "That key does not open this station's database (it belongs to another "
    "station, or the file is not this station's). Nothing was changed.",
    "recovery_key_typo": "That is not a recovery key: check the 56 letters and digits on the sheet "
    "and type them again (dashes and spaces do not matter).",
    "backup_folder": "The backup folder is not there or cannot be written (is the backup drive "
    "plugged in?). The station database is untouched.",
    "backup_failed": "The backup could not be written (is the backup drive full?). The station "
    "database is untouched and no partial backup was left.",
    "backup_damaged": "This backup is damaged: it is truncated, was changed after it was written, "
    "or does not open. Use another one ('stationdesk backup list').",
    "not_set_up": "This data folder has no station yet. Run 'stationdesk init' first.",
    "already_set_up": "This data folder already holds a station.",
    "authentication": "Wrong badge number or password.",
    "account_locked": "Too many wrong passwords: the account is locked for a while. "
    "An administrator can unlock it ('stationdesk accounts unlock').",
    "not_found": "No such account or record.",
    "catalog": "The incident catalog could not be loaded.",
    "keyring_unavailable": "No usable system keyring: the station's keys cannot be kept safely. "
    "Install or unlock the system keyring (Windows Credential Manager, Secret Service).",
    "keyring_in_file": "The keyring here keeps secrets in a plain file, not in the system's "
    "protected store: the station's keys are not put there. Use the system keyring (Windows "
    "Credential Manager, Secret Service); only for a demo or test station set "
    "STATIONDESK_ALLOW_FILE_KEYRING=1.",
    "not_enrolled": "This station is not enrolled with HQ. Run 'stationdesk enroll' with a code from HQ.",
    "sync_refused": "HQ refused this station (token revoked or wrong). All records are kept; "
    "ask HQ for a new enrolment code.",
    "insecure_transport": "That HQ address would send records unencrypted. Use https://, "
    "or --allow-http on a closed network.",
    "sync_failed": "Could not reach HQ.",
    "hq_error": "HQ answered with an error; the next sync tries again.",
    "hq_incomplete": "HQ holds less than it had acknowledged; the next sync sends those records again.",
    "station_split": "HQ refuses this computer: another computer uses this station's identity "
    "(a copied data folder, or a backup restored while the old PC still runs). Every record "
    "stays here; receive on one computer only and ask HQ which one is the station's.",
    "report_voided": "A visit sheet was asked for a voided report; voided reports are not visited.",
    "policy": "The return-visit policy file could not be loaded.",
}


# Field codes (app.domain.validation, app.services.station) in plain words; the app shows the
# same, translated, beside the field.
FIELD_MESSAGES = {
    "required": "required",
    "required_here": "required",
    "too_long": "too long",
    "control_chars": "contains invisible control characters",
    "unit_code_format": "2 to 12 letters or digits",
    "badge_format": "3 to 12 letters or digits",
    "badge_taken": "this badge number already has an account",
    "password_short": "at least 8 characters",
    "password_mismatch": "the two passwords differ",
    "password_same": "the new password must differ from the old one",
    "last_admin": "this is the last administrator account",
    "unknown_role": "no such role",
    "name_chars": "letters only (no digits or symbols)",
    "phone_format": "not a valid phone number",
    "phone_service": "a service number, not a person's phone",
    "id_check_digit": "the check digit does not match",
    "day_future": "that day is in the future",
}


def fail_line(exc: errors.StationDeskError) -> str:
    """What went wrong, in one line: the plain message, and the detail that locates it."""
    if isinstance(exc, errors.ValidationFailed):
        return "; ".join(
            f"{name}: {FIELD_MESSAGES.get(code, code)}" for name, code in exc.errors.items()
        )
    if isinstance(exc, errors.OutputError):
        return output_error_line(exc)
    message = CLI_MESSAGES.get(exc.code, str(exc))
    if exc.code.startswith("backup"):
        detail = exc.details.get("detail") or ""
        return f"{message} ({exc.details.get('reason', '')}: {exc}{'; ' if detail else ''}{detail})"
    if (exc.code.startswith("database") and exc.code != "database_missing") or exc.code in (
        "catalog",
        "sync_failed",
        "hq_error",
        "hq_incomplete",
        "sync_refused",
        "station_split",
    ):
        return f"{message} ({exc})"
    return message


def _fail(exc: errors.StationDeskError) -> int:
    print(f"error: {' '.join(fail_line(exc).split())}", file=sys.stderr)
    return 2


def _open_store(data_dir: Path, create: bool = False) -> Store:
    from app.db.station_file import open_station

    return open_station(data_dir, create=create)


def _read_secret(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    return sys.stdin.readline().rstrip("\n")


def cmd_init(args: argparse.Namespace) -> int:
    from app.services.station import set_up_station

    password = _read_secret("Password for the station chief: ")
    admin_password = _read_secret("Password for the administrator: ") if args.admin_badge else ""
    store = _open_store(args.data_dir, create=True)
    info = set_up_station(
        store,
        unit_code=args.unit_code,
        unit_name=args.unit_name,
        parent_bureau=args.parent_bureau,
        contact_phone=args.contact_phone,
        officer_badge=args.officer_badge,
        officer_name=args.officer_name,
        password=password,
        admin_badge=args.admin_badge,
        admin_name=args.admin_name,
        admin_password=admin_password,
    )
    print(f"Station {info.unit_code} {info.unit_name} set up in {args.data_dir}")
    if not args.admin_badge:
        print(
            "No administrator account yet: add one with "
            "'stationdesk accounts add --role admin' before officers need accounts."
        )
    if args.recovery_sheet:
        _write_recovery_sheet(args.data_dir, store, args.recovery_sheet)
    else:
        print(
            "The database is encrypted. Print the recovery key sheet for the safe now: "
            "'stationdesk recovery-sheet --out FILE.pdf' (or in the app: Account, Print recovery key)."
        )
    return 0


def _write_recovery_sheet(data_dir: Path, store: Store, out: Path) -> None:
    from app.services import documents

    write_atomically(out, documents.recovery_sheet_pdf(store, data_dir, None, record=False))
    documents.record_recovery_sheet(store, data_dir, None)  # only once the file is there
    print(
        f"Recovery key sheet written to {out}. Print it, put it in the station's safe, "
        "and delete the file."
    )


def cmd_accounts_list(args: argparse.Namespace) -> int:
    from app.services import station

    for row in station.accounts(_open_store(args.data_dir)):
        state = "active" if row.active else "deactivated"
        if row.locked_until:
            state = f"locked until {row.locked_until:%H:%M}"
        elif row.must_change_password and row.active:
            state = "must change password"
        print(f"{row.badge:<12} {row.role:<10} {state:<22} {row.name}")
    return 0


def cmd_accounts_add(args: argparse.Namespace) -> int:
    from app.services import station

    store = _open_store(args.data_dir)
    password = _read_secret(f"Temporary password for {args.badge}: ")
    station.add_officer(
        store, badge=args.badge, name=args.name, password=password, role=args.role, temporary=True
    )
    print(f"Account {args.badge} added; the password must be changed at the first sign-in.")
    return 0


def cmd_accounts_reset(args: argparse.Namespace) -> int:
    from app.services import station

    store = _open_store(args.data_dir)
    station.reset_password(store, None, args.badge, _read_secret("Temporary password: "))
    print(f"Password of {args.badge} reset; it must be changed at the next sign-in.")
    return 0


def cmd_accounts_unlock(args: argparse.Namespace) -> int:
    from app.services import station

    station.update_account(_open_store(args.data_dir), None, args.badge, unlock=True)
    print(f"Account {args.badge} unlocked.")
    return 0


def cmd_backup_run(args: argparse.Namespace) -> int:
    from app.services import backups

    store = _open_store(args.data_dir)
    try:
        info = backups.run_backup(store, args.data_dir, reason=args.reason, folder=args.folder)
    finally:
        store.close()
    print(
        f"Backup {info.file}: {info.reports:,} reports, {info.bytes / 1e6:,.1f} MB, "
        f"checked, in {info.seconds:.1f} s"
    )
    return 0


def _backup_folder(args: argparse.Namespace) -> Path:
    from app.services import backups

    return getattr(args, "folder", None) or backups.backup_folder(args.data_dir)


def cmd_backup_list(args: argparse.Namespace) -> int:
    from app.services import backups

    for entry in backups.list_backups(_backup_folder(args)):
        info = entry.info
        if info is None:
            print(f"{entry.path.name}  (no manifest: cannot be checked)")
            continue
        state = {"": "ok", "size": "TRUNCATED"}.get(entry.problem, entry.problem)
        print(
            f"{info.created_utc}  {info.reason:<10} {info.reports:>9,} reports "
            f"{info.bytes / 1e6:>9,.1f} MB  {state:<9} {entry.path.name}"
        )
    return 0


def _backup_file(args: argparse.Namespace) -> Path:
    """--file as a path, or a name as `backup list` prints it (found in the backup folder)."""
    given: Path = args.file
    if given.is_file():
        return given
    beside = _backup_folder(args) / given.name
    if given.parent == Path(".") and beside.is_file():
        return beside
    raise errors.NoSuchBackupError(
        f"no backup file {given} (here or in {_backup_folder(args)}); "
        f"'stationdesk backup list' names them"
    )


def cmd_backup_verify(args: argparse.Namespace) -> int:
    from app.services import backups

    args.file = _backup_file(args)
    key = _key_for(args.data_dir)
    info = backups.check_backup(args.file, key)
    print(f"Backup {args.file.name} is sound: {info.reports:,} reports, up to seq {info.last_seq}.")
    return 0


def _key_for(data_dir: Path) -> bytes:
    """The station key from the keyring, or the recovery key typed on stdin (a new PC)."""
    from app.db import station_key
    from app.domain import recovery_key

    try:
        return station_key.load_key(data_dir)
    except (errors.DatabaseKeyMissingError, errors.KeyringUnavailableError):
        return recovery_key.decode(_read_secret("Recovery key (from the sheet in the safe): "))


def cmd_backup_restore(args: argparse.Namespace) -> int:
    """Restore a checked backup; the replaced file is kept; HQ fills in the rest at sync."""
    from app.db import station_key
    from app.services import backups

    args.file = _backup_file(args)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    key = _key_for(args.data_dir)
    aside = backups.restore(args.data_dir, args.file, key)
    try:
        station_key.load_key(args.data_dir)
    except (errors.DatabaseKeyMissingError, errors.KeyringUnavailableError):
        from app.domain import recovery_key

        station_key.adopt_recovery_key(args.data_dir, recovery_key.encode(key))
    print(f"Restored from {args.file.name}. The file it replaced is kept as {aside.name}.")
    print("Run 'stationdesk sync' to take back from HQ what the backup lacked.")
    return 0


def cmd_recovery_sheet(args: argparse.Namespace) -> int:
    from app.db import station_key

    store = _open_store(args.data_dir)
    if station_key.recovery_printed(args.data_dir) and not args.again:
        print(
            "error: the recovery key sheet was already printed. If the sheet is lost, "
            "print it again with --again (this is recorded in the audit log).",
            file=sys.stderr,
        )
        return 2
    _write_recovery_sheet(args.data_dir, store, args.out)
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    from app.db import station_key

    if not database_file(args.data_dir).exists():
        raise errors.NotSetUpError(str(args.data_dir))
    typed = _read_secret("Recovery key (from the sheet in the safe): ")
    station_key.adopt_recovery_key(args.data_dir, typed)
    print("The station's key is back in this computer's keyring; StationDesk opens as before.")
    return 0


def cmd_demo_data(args: argparse.Namespace) -> int:
    from app.domain.catalog import load_catalog
    from app.services.demo import generate, generate_visits
    from app.services.demo_casework import generate_casework

    store = _open_store(args.data_dir)
    step = max(args.records // 20, 5000)

    def progress(done: int) -> None:
        if done % step < 5000 or done == args.records:
            print(f"  {done:,} / {args.records:,}", file=sys.stderr)

    catalog = load_catalog(args.data_dir)
    n = generate(store, catalog, args.records, seed=args.seed, progress=progress)
    v = generate_visits(store, catalog, limit=args.visits, seed=args.seed)
    generate_casework(store, catalog, seed=args.seed)
    print(
        f"Added {n:,} demo reports and {v:,} return visits, with case files, reminder sheets,"
        f" warning letters and the care register, to {args.data_dir}"
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.export import export_jsonl, export_table

    store = _open_store(args.data_dir)
    if args.format == "jsonl":
        if args.what != "reports":
            print("error: --format jsonl exports reports (with their revisions)", file=sys.stderr)
            return 2
        n = export_jsonl(store, args.out)
        print(f"Exported {n:,} reports with their revisions to {args.out}")
        return 0
    n = export_table(store, args.what, args.format, args.out)
    print(f"Exported {n:,} {args.what.replace('_', ' ')} to {args.out}")
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    from app.services import audit, sync

    store = _open_store(args.data_dir)
    sync.enroll(
        store, args.hq, args.code, ca_bundle=args.ca_bundle or "", allow_http=args.allow_http
    )
    audit.record(store, None, "link_hq")
    print(f"Enrolled with {args.hq}. The station token is in the system keyring.")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    """Exit 0 only when nothing is pending: scheduled tasks can trust the status."""
    import time

    from app.services import sync

    if args.background:
        from app.workers import lower_priority

        lower_priority()
    try:
        store = _open_store(args.data_dir)
    except errors.StationDeskError as exc:
        if not args.json:
            raise
        # the window shows why (a keyring without the database key is not "HQ unreachable")
        from app.sync.report import SyncReport

        print(json.dumps(dataclasses.asdict(SyncReport(error=str(exc), error_code=exc.code))))
        return 1
    engine = sync.sync_engine(store)
    deadline = time.monotonic() + args.wait
    while True:
        report = engine.run_once()
        if args.json:  # for the app's own sync process: one machine-readable line
            print(json.dumps(dataclasses.asdict(report)))
            return 0 if report.ok else 1
        if report.skipped:
            print("Another sync is running; nothing done.", file=sys.stderr)
            return 1
        print(
            f"pushed {report.pushed} (stored {report.stored}, already at HQ {report.duplicates}, "
            f"quarantined {report.quarantined}, mismatches {report.mismatches}); "
            f"recovered {report.recovered}; instructions {report.instructions}; "
            f"pending {report.pending}"
        )
        if report.hq_behind:
            print(
                f"HQ held {report.hq_behind} revisions less than it had acknowledged "
                "(restored from a backup, or another HQ): sent again."
            )
        if report.new_generation:
            print(f"Now numbering generation {report.new_generation}.")
        if report.ok:
            return 0
        if report.error_code and report.error_code not in (
            "sync_failed",
            "hq_error",
            "hq_incomplete",
        ):
            raise {
                "sync_refused": errors.SyncRefusedError,
                "station_split": errors.StationSplitError,
                "keyring_unavailable": errors.KeyringUnavailableError,
                "keyring_in_file": errors.FileKeyringError,
                "not_enrolled": errors.NotEnrolledError,
                "insecure_transport": errors.InsecureTransportError,
            }.get(report.error_code, errors.SyncFailedError)(report.error)
        status = sync.sync_status(store)
        if report.error:
            print(f"error: {report.error}", file=sys.stderr)
        wait = 1.0
        if status.next_attempt_utc:
            import datetime as dt

            from app.domain.clock import parse_utc

            wait = max(
                0.2, (parse_utc(status.next_attempt_utc) - dt.datetime.now(dt.UTC)).total_seconds()
            )
        if time.monotonic() + wait > deadline:
            print(f"{report.pending} revisions still pending.", file=sys.stderr)
            return 1
        time.sleep(wait)


def cmd_print_visits(args: argparse.Namespace) -> int:
    """The day's route as one PDF, without the GUI; written atomically, never half a file."""
    import datetime as dt

    from app.domain.catalog import load_catalog
    from app.services import documents, visit_queries
    from app.services.station import officer_by_badge

    try:
        day = dt.date.fromisoformat(args.date)
    except ValueError:
        print(f"error: --date: {args.date!r} is not a date (YYYY-MM-DD)", file=sys.stderr)
        return 2
    store = _open_store(args.data_dir)
    officer_id = None
    if args.officer:
        found = officer_by_badge(store, args.officer)
        if found is None:
            print(f"error: --officer: no officer with badge {args.officer!r}", file=sys.stderr)
            return 2
        officer_id = found.id
    ids = visit_queries.route(store, day, officer_id)
    if not ids:
        print(f"No open visits due on or before {day.isoformat()}; nothing written.")
        return 1
    pdf = documents.visit_sheets_pdf(store, load_catalog(args.data_dir), ids)
    write_atomically(args.out, pdf)
    print(f"{len(ids)} visit sheets written to {args.out}")
    return 0


def cmd_report_weekly(args: argparse.Namespace) -> int:
    """The week's research-and-judgment report as a PDF, the same one the app prints."""
    from app.domain.weekly_figures import parse_week

    return _report(args, "--week", args.week, parse_week, "pdf")


def cmd_report_figures(args: argparse.Namespace) -> int:
    """The same report for a week, month, quarter, year or range of days, as PDF or xlsx."""
    from app.domain.weekly_figures import parse_period

    return _report(args, "--period", args.period, parse_period, args.format)


def _report(
    args: argparse.Namespace, option: str, text: str, parse: Callable[[str], Period], fmt: str
) -> int:
    from app.domain.catalog import load_catalog
    from app.printing.figures_sheet import figures_xlsx
    from app.services import documents

    try:
        period = parse(text)
    except ValueError as exc:
        print(f"error: {option}: {exc}", file=sys.stderr)
        return 2
    store = _open_store(args.data_dir)
    pdf, figures = documents.weekly_report_pdf(store, load_catalog(args.data_dir), period)
    write_atomically(args.out, pdf if fmt == "pdf" else figures_xlsx(figures))
    print(
        f"Report {period.label} ({period.start} to {period.end}) written to {args.out}: "
        f"{figures.total:,} reports, {figures.disputes:,} disputes, "
        f"{figures.disputes_resolved:,} resolved"
    )
    return 0


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the file tells the truth, 1 when it does not (each finding listed), 2 when
    it could not be checked."""
    from app.services import audit_verify

    store = _open_store(args.data_dir)
    try:
        result = audit_verify.verify(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(dataclasses.asdict(result) | {"ok": result.ok}, ensure_ascii=False))
        return 0 if result.ok else 1
    summary = (
        f"{result.entries:,} audit entries, {result.revisions:,} revisions, "
        f"{result.records:,} reports checked in {result.seconds:.1f} s"
    )
    if result.ok:
        print(f"Audit chain intact: {summary}.")
        print(f"Chain head: entry {result.head_seq}, {result.head_hash}")
        return 0
    print(f"AUDIT CHECK FAILED: {result.problems:,} problem(s); {summary}.")
    for finding in result.findings:
        print(f"  [{finding.kind}] {finding.text}")
    if result.problems > len(result.findings):
        print(f"  ... and {result.problems - len(result.findings):,} more")
    return 1


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="stationdesk", description="StationDesk front-desk application")
    parser.add_argument("--version", action="version", version=f"StationDesk {__version__}")
    parser.add_argument("--data-dir", type=Path, default=None, help="station data folder")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help="interface language")
    parser.add_argument("--self-test", action="store_true", help="check this installation and exit")
    sub = parser.add_subparsers(dest="command")
    _add_station_commands(sub)
    _add_backup_commands(sub)
    _add_key_commands(sub)
    _add_data_commands(sub)
    _add_sync_commands(sub)
    _add_document_commands(sub)
    return parser


def _add_station_commands(sub: Subcommands) -> None:
    """Setting up the station and its officers' accounts."""
    p = sub.add_parser("init", help="set up a station (password read from stdin)")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--unit-code", required=True)
    p.add_argument("--unit-name", required=True)
    p.add_argument("--parent-bureau", default="")
    p.add_argument(
        "--contact-phone",
        required=True,
        help="the station's public phone, printed on receipt slips (e.g. 0351-3041234)",
    )
    p.add_argument("--officer-badge", required=True)
    p.add_argument("--officer-name", required=True)
    p.add_argument("--admin-badge", default="", help="the administrator's badge number")
    p.add_argument("--admin-name", default="", help="the administrator's name")
    p.add_argument(
        "--recovery-sheet", type=Path, default=None, help="write the recovery key sheet (PDF)"
    )
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("accounts", help="officer accounts (recorded as this computer's user)")
    account_cmds = p.add_subparsers(dest="accounts", required=True)
    p = account_cmds.add_parser("list", help="every account with its role and state")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.set_defaults(func=cmd_accounts_list)
    p = account_cmds.add_parser(
        "add", help="add an account; its password (stdin) must be changed at first sign-in"
    )
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--badge", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--role", required=True, choices=["officer", "community", "chief", "admin"])
    p.set_defaults(func=cmd_accounts_add)
    p = account_cmds.add_parser(
        "reset-password", help="a temporary password (stdin), to be changed at sign-in"
    )
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--badge", required=True)
    p.set_defaults(func=cmd_accounts_reset)
    p = account_cmds.add_parser("unlock", help="lift a lock-out after wrong passwords")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--badge", required=True)
    p.set_defaults(func=cmd_accounts_unlock)


def _add_backup_commands(sub: Subcommands) -> None:
    p = sub.add_parser("backup", help="backups of the station database")
    backup_cmds = p.add_subparsers(dest="backup", required=True)
    p = backup_cmds.add_parser("run", help="write, check and describe one backup now")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--folder", type=Path, default=None, help="default: the configured folder")
    p.add_argument("--reason", default="manual", choices=["manual", "schedule", "shift_end"])
    p.set_defaults(func=cmd_backup_run)
    p = backup_cmds.add_parser("list", help="the backups in the folder, newest first")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--folder", type=Path, default=None)
    p.set_defaults(func=cmd_backup_list)
    p = backup_cmds.add_parser("verify", help="check one backup completely")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--file", type=Path, required=True)
    p.set_defaults(func=cmd_backup_verify)
    p = backup_cmds.add_parser(
        "restore", help="put a checked backup in place of the database (kept aside)"
    )
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--file", type=Path, required=True)
    p.set_defaults(func=cmd_backup_restore)


def _add_key_commands(sub: Subcommands) -> None:
    """The recovery key: its sheet for the safe, and unlocking a computer with it."""
    p = sub.add_parser("recovery-sheet", help="the recovery key sheet for the safe, as a PDF")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--again", action="store_true", help="print it again (the sheet was lost)")
    p.set_defaults(func=cmd_recovery_sheet)

    p = sub.add_parser(
        "unlock", help="give this computer the database key from the recovery key (stdin)"
    )
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.set_defaults(func=cmd_unlock)


def _add_data_commands(sub: Subcommands) -> None:
    """Filling a station with demo reports, and taking every report out."""
    p = sub.add_parser("demo-data", help="fill a station with synthetic reports")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--records", type=bounded(int, 1, 5_000_000), default=2000)
    p.add_argument("--seed", type=bounded(int, 0, 2**31), default=20231)
    p.add_argument(
        "--visits",
        type=bounded(int, 0, 10_000_000),
        default=None,
        help="at most this many return visits (default: all)",
    )
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser(
        "export",
        help="reports with their revisions as JSON Lines, or records as CSV or xlsx",
    )
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--format", choices=("jsonl", "csv", "xlsx"), default="jsonl")
    p.add_argument(
        "--what",
        choices=("reports", "visits", "case_files", "letters"),
        default="reports",
        help="which records (CSV and xlsx: each one's current state, a row each)",
    )
    p.set_defaults(func=cmd_export)


def _add_sync_commands(sub: Subcommands) -> None:
    """Linking the station to HQ and syncing with it."""
    p = sub.add_parser("enroll", help="link this station to HQ with a one-time code")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--hq", required=True, help="HQ address, https://...")
    p.add_argument("--code", required=True, help="one-time enrolment code from HQ")
    p.add_argument("--ca-bundle", help="PEM file of the CA that signed HQ's certificate")
    p.add_argument("--allow-http", action="store_true", help="allow plain HTTP (closed networks)")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("sync", help="push pending records to HQ and fetch HQ's instructions")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument(
        "--wait",
        type=bounded(float, 0, 86_400),
        default=0.0,
        help="keep retrying for up to this many seconds",
    )
    p.add_argument("--json", action="store_true", help="one run, its report as one JSON line")
    p.add_argument(
        "--background", action="store_true", help="run below normal priority (the app does)"
    )
    p.set_defaults(func=cmd_sync)


def _add_document_commands(sub: Subcommands) -> None:
    """Visit sheets, the weekly report and the audit check, without the window."""
    p = sub.add_parser("print", help="print documents without the GUI")
    printing = p.add_subparsers(dest="document", required=True)
    p = printing.add_parser("visits", help="the visit sheets of a day's route, as one PDF")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--date", required=True, help="YYYY-MM-DD; overdue visits come along")
    p.add_argument("--officer", default="", help="badge number (default: every officer)")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_print_visits)

    p = sub.add_parser("report", help="supervision reports")
    kinds = p.add_subparsers(dest="report", required=True)
    p = kinds.add_parser("weekly", help="the weekly research-and-judgment report, as a PDF")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--week", required=True, help="ISO week, e.g. 2026-W47")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_report_weekly)
    p = kinds.add_parser("figures", help="the same report for any period, as PDF or xlsx")
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument(
        "--period",
        required=True,
        help="2026-W47, 2026-11, 2026-Q4, 2026 or 2026-01-01..2026-03-31",
    )
    p.add_argument("--format", choices=("pdf", "xlsx"), default="pdf")
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=cmd_report_figures)

    p = sub.add_parser("audit", help="the tamper-evident audit log")
    actions = p.add_subparsers(dest="audit", required=True)
    p = actions.add_parser(
        "verify", help="check the audit chain, the revisions and the records in the file"
    )
    p.add_argument("--data-dir", type=Path, dest="data_dir_sub", default=None)
    p.add_argument("--json", action="store_true", help="the result as one JSON object")
    p.set_defaults(func=cmd_audit_verify)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    sub_dir = getattr(args, "data_dir_sub", None)
    args.data_dir = (sub_dir or args.data_dir or default_data_dir()).expanduser().resolve()
    if args.command and (args.data_dir.is_dir() or args.command == "init"):
        from app.common.logs import configure  # a command on a missing folder does not make one

        configure(args.data_dir)
    try:
        if args.self_test:
            from app.ui.selftest import run_self_test

            return run_self_test()
        if args.command:
            return int(args.func(args))
        from app.ui.application import run_gui

        return run_gui(args.data_dir, args.lang)
    except errors.StationDeskError as exc:
        return _fail(exc)
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        print(os_error_line(exc), file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the console gets one line, never a traceback
        from app.db.cipher import DRIVER_ERRORS
        from app.db.engine import translate

        if isinstance(exc, DRIVER_ERRORS):
            return _fail(translate(exc))
        print(unexpected(exc, args.data_dir), file=sys.stderr)
        return 2
