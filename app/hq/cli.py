"""`stationdesk-hq`: run and operate the central platform.

    stationdesk-hq db upgrade --db URL
    stationdesk-hq serve --db URL --host H --port P
    stationdesk-hq enroll --db URL --unit-code C      (prints a one-time enrolment code)
    stationdesk-hq revoke --db URL --unit-code C
    stationdesk-hq stations --db URL [--json]
    stationdesk-hq alarms --db URL [--unit-code C] [--json]
    stationdesk-hq notice --db URL [--unit-code C] --text T
    stationdesk-hq sheets [list|review|issue|dismiss] --db URL [--code C --operator NAME]
                   [--send unit_code,serial,received_at,incident_type]
    stationdesk-hq disclosures --db URL [--json]

--db defaults to $STATIONDESK_HQ_DB, else a SQLite file in the user data folder (demo use).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from app import errors
from app.common.cli_args import (
    OneLineParser,
    bounded,
    os_error_line,
    output_error_line,
    unexpected,
)
from app.common.files import write_atomically
from app.domain.warning_colours import load_criteria
from app.domain.weekly_figures import parse_period, parse_week
from app.hq import schema
from app.hq.figures import as_dict
from app.hq.repeats import SHAREABLE
from app.hq.service import Headquarters, HqError
from app.hq.sql import make_server_engine
from app.paths import default_data_dir
from app.sync import protocol

if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[OneLineParser]


def default_db() -> str:
    env = os.environ.get("STATIONDESK_HQ_DB")
    if env:
        return env
    folder = default_data_dir() / "hq"
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'hq.sqlite3'}"


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="stationdesk-hq", description="StationDesk central platform")
    sub = parser.add_subparsers(dest="command", required=True)
    db = sub.add_parser("db", help="schema management")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    _with_db(db_sub.add_parser("upgrade", help="create or upgrade the schema"))
    _add_serve(sub)
    _add_station_commands(sub)
    _add_report(sub)
    _add_sheets(sub)
    disclosures = _with_db(
        sub.add_parser("disclosures", help="every disclosure of one station's data to another")
    )
    disclosures.add_argument("--json", action="store_true")
    operator = _with_db(sub.add_parser("operator-token", help="an API token for the figures"))
    operator.add_argument("--name", required=True, type=plain_text(100, required=True))
    return parser


def _with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p.add_argument(
        "--db",
        default=None,
        type=db_url,
        help="database URL (postgresql://... or sqlite:///...)",
    )
    return p


def _add_serve(sub: Subcommands) -> None:
    serve = _with_db(sub.add_parser("serve", help="run the HTTP service"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=bounded(int, 1, 65535), default=8740)
    serve.add_argument("--certfile", type=Path, help="TLS certificate (PEM) for HTTPS")
    serve.add_argument("--keyfile", type=Path, help="TLS private key (PEM)")
    serve.add_argument(
        "--rate",
        type=bounded(float, 0.1, 100_000),
        default=50.0,
        help="requests per second per station",
    )
    serve.add_argument(
        "--burst", type=bounded(int, 1, 1_000_000), default=100, help="requests a station may burst"
    )
    serve.add_argument("--workers", type=bounded(int, 1, 64), default=1, help="worker processes")


def _add_station_commands(sub: Subcommands) -> None:
    """Enrolling and revoking stations, listing them and their alarms, sending a notice."""
    enroll = _with_db(sub.add_parser("enroll", help="issue a one-time enrolment code"))
    enroll.add_argument("--unit-code", required=True, type=unit_code)
    enroll.add_argument("--unit-name", default="", type=plain_text(200))

    revoke = _with_db(sub.add_parser("revoke", help="revoke a station's token"))
    revoke.add_argument("--unit-code", required=True, type=unit_code)

    stations = _with_db(sub.add_parser("stations", help="list stations and their sync state"))
    stations.add_argument("--json", action="store_true")
    alarms = _with_db(sub.add_parser("alarms", help="audit chain breaks, restores, mismatches"))
    alarms.add_argument("--unit-code", default=None, type=unit_code)
    alarms.add_argument("--json", action="store_true")

    notice = _with_db(sub.add_parser("notice", help="send a notice to one station or all"))
    notice.add_argument("--unit-code", type=unit_code)
    notice.add_argument("--text", required=True, type=plain_text(2000, required=True))


def _add_report(sub: Subcommands) -> None:
    report = sub.add_parser("report", help="figures across stations")
    kinds = report.add_subparsers(dest="report", required=True)
    weekly = _with_db(kinds.add_parser("weekly", help="the research-and-judgment report"))
    which = weekly.add_mutually_exclusive_group(required=True)
    which.add_argument("--week", help="ISO week, e.g. 2026-W47")
    which.add_argument(
        "--period", help="2026-W47, 2026-11, 2026-Q4, 2026 or 2026-01-01..2026-03-31"
    )
    weekly.add_argument("--format", choices=("pdf", "xlsx"), default="pdf", help="for --out")
    weekly.add_argument(
        "--unit-code", default=None, type=unit_code, help="one station (default: all)"
    )
    weekly.add_argument("--out", type=Path, default=None, help="also write the PDF here")
    weekly.add_argument("--json", action="store_true")


def _add_sheets(sub: Subcommands) -> None:
    sheets = _with_db(
        sub.add_parser(
            "sheets",
            help="cross-station reminder sheets: list (with answers), review (waiting), "
            "issue or dismiss one",
        )
    )
    sheets.add_argument(
        "action", nargs="?", choices=["list", "review", "issue", "dismiss"], default="list"
    )
    sheets.add_argument("--code", type=plain_text(40), help="the sheet (issue, dismiss)")
    sheets.add_argument(
        "--operator", type=plain_text(100), help="who decides (issue, dismiss; logged)"
    )
    sheets.add_argument(
        "--send",
        type=fields_list,
        default=None,
        help="fields of the other stations' reports to send: some of "
        "unit_code,serial,received_at,incident_type (default: all)",
    )
    sheets.add_argument("--json", action="store_true")


def db_url(text: str) -> str:
    """HQ runs on PostgreSQL (a SQLite file for a demo); any other URL is refused here."""
    if not text.startswith(("postgresql://", "postgresql+psycopg://", "postgres://", "sqlite:///")):
        raise argparse.ArgumentTypeError(
            "not a database HQ runs on: give postgresql://... or sqlite:///..."
        )
    return text


def fields_list(text: str) -> tuple[str, ...]:

    fields = tuple(f.strip() for f in text.split(",") if f.strip())
    unknown = [f for f in fields if f not in SHAREABLE]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"{', '.join(unknown)}: not a field a sheet carries ({', '.join(SHAREABLE)})"
        )
    return fields


def unit_code(text: str) -> str:
    """What a station's enrolment will accept (protocol.UnitCode): a code that could never be
    used is refused here, not issued."""
    if not re.fullmatch(r"[0-9A-Za-z]{4,12}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a unit code (4 to 12 letters or digits)")
    return text


def plain_text(limit: int, *, required: bool = False) -> Callable[[str], str]:
    def parse(text: str) -> str:
        value = " ".join(text.split()) if "\n" not in text else text.strip()
        if required and not value:
            raise argparse.ArgumentTypeError("empty")
        if len(value) > limit:
            raise argparse.ArgumentTypeError(f"longer than {limit} characters")
        try:
            protocol.check_storable(value)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        return value

    parse.__name__ = "text"
    return parse


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except HqError as exc:
        print(f"stationdesk-hq: {exc.reason}", file=sys.stderr)
    except OperationalError as exc:
        print(f"stationdesk-hq: cannot use the database: {_one_line(exc.orig)}", file=sys.stderr)
    except ArgumentError as exc:  # an engine URL SQLAlchemy cannot read
        print(f"stationdesk-hq: --db: {_one_line(exc)}", file=sys.stderr)
    except NoSuchModuleError as exc:
        print(
            f"stationdesk-hq: --db: not a database HQ runs on (postgresql:// or sqlite:///): "
            f"{_one_line(exc)}",
            file=sys.stderr,
        )
    except errors.OutputError as exc:
        print(f"stationdesk-hq: {output_error_line(exc)}", file=sys.stderr)
    except OSError as exc:
        print(f"stationdesk-hq: {os_error_line(exc).removeprefix('error: ')}", file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - the console gets one line, never a traceback
        print(f"stationdesk-hq: {unexpected(exc, None).removeprefix('error: ')}", file=sys.stderr)
    return 2


def _show(rows: list[dict[str, Any]], as_json: bool, line: Callable[[Any], str]) -> int:
    """A listing: the rows as JSON, or one line each."""
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(line(row))
    return 0


def _one_line(value: object) -> str:
    return " ".join(str(value).split())[:300]


def _run(args: argparse.Namespace) -> int:
    url = args.db or default_db()
    engine = make_server_engine(url)
    if args.command == "db":
        schema.upgrade(engine)
        print("HQ database is at the current schema.")
        return 0
    if not schema.is_current(engine):
        print(
            "The HQ database is not at the current schema: run `stationdesk-hq db upgrade` first.",
            file=sys.stderr,
        )
        return 2
    hq = Headquarters(engine)
    if args.command == "serve":
        return _serve(url, args)
    if args.command == "enroll":
        code = hq.issue_enrolment(args.unit_code, args.unit_name)
        print(code)
        return 0
    if args.command == "revoke":
        hq.revoke(args.unit_code)
        print(f"Station {args.unit_code}: token revoked.")
        return 0
    if args.command == "stations":
        return _stations(hq, args)
    if args.command == "alarms":
        return _alarms(hq, args)
    if args.command == "report":
        return _weekly(hq, args)
    if args.command == "sheets":
        return _sheets(hq, args)
    if args.command == "disclosures":
        return _show(
            hq.disclosures(),
            args.json,
            lambda d: (
                f"{d['created_utc']}  {d['operator']:<12} to {d['to_unit']:<8} about "
                f"{','.join(d['about_units']) or '-'}: {','.join(d['fields']) or 'nothing'}"
                f"  ({d['sheet']})"
            ),
        )
    if args.command == "operator-token":
        print(hq.issue_operator_token(args.name))
        return 0
    if args.command == "notice":
        number = hq.add_instruction(args.unit_code, "notice", {"text": args.text})
        print(f"Notice {number} queued.")
        return 0
    return 1


def _stations(hq: Headquarters, args: argparse.Namespace) -> int:
    rows = [s.as_dict() for s in hq.stations()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for r in rows:
            skew = r["clock_skew_seconds"]
            alarmed = f"  alarms {r['alarms']}: {r['newest_alarm']}" if r["alarms"] else ""
            print(
                f"{r['unit_code']:<10} records {r['record_count']:>8}  acked "
                f"g{r['generation'] or '-'}:{r['acknowledged_seq']:<8} last contact "
                f"{r['last_contact_utc'] or 'never'}  skew "
                f"{'-' if skew is None else f'{skew:+.0f}s'}  audit "
                f"{r['audit_state'].upper()}:{r['audit_seq']}"
                f"{'  REVOKED' if r['revoked'] else ''}"
                f"{'  SPLIT' if r['refused_generations'] else ''}"
                f"{alarmed}"
            )
    return 0


def _alarms(hq: Headquarters, args: argparse.Namespace) -> int:
    alarms = hq.alarms(args.unit_code)
    if args.json:
        print(json.dumps(alarms, ensure_ascii=False, indent=1))
    for a in [] if args.json else alarms:
        detail = a["detail"]
        what = (
            detail.get("what") or json.dumps(detail, ensure_ascii=False)
            if isinstance(detail, dict)
            else detail
        )
        print(f"{a['created_utc']}  {a['unit_code']:<10} {a['kind']:<24} {what}")
    return 0


def _sheets(hq: Headquarters, args: argparse.Namespace) -> int:
    """List the sheets, show those waiting for review, or issue or dismiss one."""
    if args.action in ("issue", "dismiss"):
        if not args.code or not args.operator:
            print(
                f"stationdesk-hq: sheets {args.action} needs --code and --operator", file=sys.stderr
            )
            return 2
        done = hq.decide_sheet(
            args.code, args.operator, send=args.send, dismiss=args.action == "dismiss"
        )
        if args.json:
            print(json.dumps(done, ensure_ascii=False, indent=1))
        else:
            print(f"Sheet {args.code}: {done['status']}.")
        return 0
    if args.action == "review":
        return _show(
            hq.review_queue(),
            args.json,
            lambda w: (
                f"{w['code']:<24} for {w['unit_code']:<8} {w['key_kind']:<9} "
                f"{w['key_value']:<20} {len(w['reports'])} reports at "
                f"{', '.join(sorted({e['unit_code'] for e in w['reports']}))}"
            ),
        )
    return _show(
        hq.reminder_sheets(),
        args.json,
        lambda r: (
            f"{r['code']:<24} {r['unit_code']:<8} {r['key_kind']:<9} "
            f"{r['key_value']:<20} due {r['deadline']}  {r['review']}  {r['status']}"
        ),
    )


def _weekly(hq: Headquarters, args: argparse.Namespace) -> int:
    try:
        period = parse_week(args.week) if args.week else parse_period(args.period)
    except ValueError as exc:
        print(f"stationdesk-hq: {'--week' if args.week else '--period'}: {exc}", file=sys.stderr)
        return 2
    total, lines = hq.weekly(period, args.unit_code)
    if args.out is not None and args.format == "xlsx":
        from app.printing.figures_sheet import figures_xlsx

        write_atomically(args.out, figures_xlsx(total))
    elif args.out is not None:
        from app.printing.weekly_report import render_weekly_report  # ReportLab: only for a PDF

        write_atomically(args.out, render_weekly_report(total, load_criteria()))
    if args.json:
        print(
            json.dumps({"total": as_dict(total), "stations": lines}, ensure_ascii=False, indent=1)
        )
        return 0

    def pct(v: float | None) -> str:
        return "-" if v is None else f"{v:.1f}%"

    print(
        f"{total.unit_name} {period.label}: {total.total:,} reports, {total.disputes:,} disputes,"
        f" {total.disputes_resolved:,} resolved ({pct(total.resolution_rate)}), {total.letters:,}"
        f" warning letters ({pct(total.letter_share)} of domestic violence),"
        f" satisfaction {pct(total.satisfaction_rate)}"
    )
    for line in lines:
        print(
            f"  {line['unit_code']:<8} {line['reports']:>7,} reports {line['disputes']:>6,}"
            f" disputes {pct(line['resolution_rate']):>7} resolved {line['letters']:>5,} letters"
            f" satisfaction {pct(line['satisfaction_rate'])}"
        )
    return 0


def _serve(url: str, args: argparse.Namespace) -> int:
    """One process by default; --workers N runs N processes on the same port (the per-station
    rate limit then applies per process)."""
    import uvicorn

    from app.hq import asgi

    os.environ[asgi.DB_ENV] = url
    os.environ[asgi.RATE_ENV] = str(args.rate)
    os.environ[asgi.BURST_ENV] = str(args.burst)
    uvicorn.run(
        "app.hq.asgi:app_from_env",
        factory=True,
        workers=args.workers,
        host=args.host,
        port=args.port,
        log_level="warning",
        ssl_certfile=str(args.certfile) if args.certfile else None,
        ssl_keyfile=str(args.keyfile) if args.keyfile else None,
        timeout_graceful_shutdown=5,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
