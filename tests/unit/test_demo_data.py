"""Demo data is shaped like what the desk itself writes, so that every check, report and
benchmark run on it meets the same data a real station holds."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db.models import Report, Revision
from app.db.revisions import canonical_json, snapshot
from app.domain.report_fields import JSON_LIST_FIELDS
from app.services import demo


def test_each_demo_revision_carries_the_record_as_the_desk_would_write_it(store, catalog) -> None:
    demo.generate(store, catalog, 400, seed=11)
    with store.read() as s:
        reports = {r.id: r for r in s.scalars(select(Report))}
        revisions = list(s.scalars(select(Revision).where(Revision.record_kind == "report")))
    assert len(reports) == 400
    newest: dict[str, Revision] = {}
    for rev in revisions:
        payload = json.loads(rev.payload)
        for name in JSON_LIST_FIELDS:  # lists, as on the intake form, never ""
            assert isinstance(payload[name], list), (rev.action, name, payload[name])
        if rev.revision_no == reports[rev.record_id].revision_no:
            newest[rev.record_id] = rev
    assert newest.keys() == reports.keys()
    for report_id, rev in newest.items():
        assert rev.payload == canonical_json(snapshot(reports[report_id]))
