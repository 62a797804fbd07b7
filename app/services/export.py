"""Export every report with its full revision history as JSON Lines."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from app.common.files import atomic_output
from app.db.engine import Store
from app.db.models import Report, Revision
from app.db.revisions import snapshot
from app.services import audit
from app.services.station import OfficerInfo

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
