"""Exports: every report with its full revision history as JSON Lines (for another system to
take in), and reports, visits, case files or letters as CSV or xlsx (for a spreadsheet)."""

from __future__ import annotations

import csv
import json
import os
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from app.common.files import atomic_output
from app.db.engine import Store
from app.db.models import CaseFile, Report, Revision, Visit, WarningLetter
from app.db.revisions import snapshot
from app.domain.report_fields import JSON_LIST_FIELDS, RECORD_FIELDS
from app.services import audit
from app.services.case_files import FILE_FIELDS
from app.services.station import OfficerInfo
from app.services.visit_records import VISIT_FIELDS
from app.services.warning_letters import LETTER_FIELDS

BATCH = 2000


def export_jsonl(store: Store, out: Path, *, by: OfficerInfo | None = None) -> int:
    """Writes to a private temporary file and renames, so a half-written export never looks
    complete and a failed one leaves nothing (app.common.files). The export leaves the encrypted
    database in clear text: it is an audit entry, made once the file is in place."""
    count = 0
    with atomic_output(out) as tmp, store.read() as s, tmp.open("w", encoding="utf-8") as fh:
        last_rowid = 0
        while True:
            batch = s.execute(
                text("SELECT rowid, id FROM report WHERE rowid > :r ORDER BY rowid LIMIT :n"),
                {"r": last_rowid, "n": BATCH},
            ).all()
            if not batch:
                break
            last_rowid = batch[-1][0]
            ids = [row[1] for row in batch]
            reports = {r.id: r for r in s.scalars(select(Report).where(Report.id.in_(ids)))}
            revisions: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for rev in s.scalars(
                select(Revision)
                .where(Revision.record_id.in_(ids))
                .order_by(Revision.record_id, Revision.revision_no)
            ):
                revisions[rev.record_id].append(
                    {
                        "id": rev.id,
                        "revision_no": rev.revision_no,
                        "parent_id": rev.parent_id,
                        "seq": rev.seq,
                        "generation": rev.generation,
                        "officer_id": rev.officer_id,
                        "recorded_at": rev.recorded_at,
                        "action": rev.action,
                        "changes": json.loads(rev.changes),
                        "sha256": rev.sha256,
                    }
                )
            for report_id in ids:
                record = snapshot(reports[report_id])
                record["revisions"] = revisions[report_id]
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
            s.expunge_all()
        fh.flush()
        os.fsync(fh.fileno())
    audit.record(store, by, "export", detail={"format": "jsonl", "reports": count})
    return count


# What a spreadsheet export holds, by the name `stationdesk export --what` takes: each record's
# current state, one row a record, the columns in the order the record defines them.
TABLES: dict[str, tuple[Any, tuple[str, ...]]] = {
    "reports": (Report, tuple(f for f in RECORD_FIELDS if f not in JSON_LIST_FIELDS)),
    "visits": (Visit, VISIT_FIELDS),
    "case_files": (CaseFile, FILE_FIELDS),
    "letters": (WarningLetter, LETTER_FIELDS),
}
# Text a spreadsheet would run as a formula (a name typed as "=HYPERLINK(...)"): kept as text,
# behind an apostrophe in CSV and as a text cell in xlsx.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """A value as a cell holds it: nothing as empty, yes/no as 1/0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    return value


def export_table(
    store: Store, what: str, fmt: str, out: Path, *, by: OfficerInfo | None = None
) -> int:
    """Reports, visits, case files or letters as CSV (UTF-8 with a byte-order mark, which Excel
    needs to read Chinese) or xlsx; written privately and renamed into place, like the JSONL
    export, and recorded in the audit trail once it is there."""
    model, columns = TABLES[what]
    count = 0
    with atomic_output(out) as tmp, store.read() as s:
        rows = (
            [_cell(getattr(row, c)) for c in columns]
            for row in s.scalars(select(model).order_by(text("rowid")))
        )
        if fmt == "csv":
            with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
                writer = csv.writer(fh)
                writer.writerow(columns)
                for row in rows:
                    writer.writerow(
                        [
                            f"'{v}" if isinstance(v, str) and v.startswith(FORMULA_START) else v
                            for v in row
                        ]
                    )
                    count += 1
                fh.flush()
                os.fsync(fh.fileno())
        else:
            count = _write_xlsx(tmp, what, columns, rows)
    audit.record(store, by, "export", detail={"format": fmt, "what": what, "rows": count})
    return count


def _write_xlsx(
    path: Path, what: str, columns: tuple[str, ...], rows: Iterable[list[object]]
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(what)
    sheet.append(list(columns))
    count = 0
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever the text starts with
            cells.append(cell)
        sheet.append(cells)
        count += 1
    book.save(path)
    return count
