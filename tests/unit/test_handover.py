"""Shift handover: the note and the open work at handover, acknowledged by the next officer
only, printed for the duty book, and a record that travels like every other."""

from __future__ import annotations

import datetime as dt
import io

import pdfplumber
import pytest
from sqlalchemy import select

from app import errors
from app.db.models import Revision
from app.services import documents, handover, receiving
from tests.conftest import good_intake


def test_a_shift_is_handed_over_with_its_open_work_and_taken_over_by_the_next_officer(
    store, officer, chief, catalog
) -> None:
    left = receiving.receive(store, officer).id
    receiving.leave_unfinished(store, officer, left, "报警人去医院验伤")
    closed = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, closed, good_intake(incident_type="D03"), catalog)
    receiving.close_report(store, officer, closed, "已调解")  # its on-site sign-off is due today
    start = dt.datetime.now().astimezone() - dt.timedelta(hours=8)
    with pytest.raises(errors.ValidationFailed):
        handover.hand_over(store, officer, "  ", start)
    hid = handover.hand_over(store, officer, "王芳验伤后回所补录；物业纠纷明早回访", start)
    assert handover.waiting_for(store, officer) is None  # not asked to take over their own
    waiting = handover.waiting_for(store, chief)
    assert waiting is not None and waiting.id == hid
    assert [r["reason"] for r in waiting.receipts] == ["报警人去医院验伤"]
    assert waiting.visits and all(v["code"].startswith("V") for v in waiting.visits)
    with pytest.raises(errors.InvalidTransitionError):
        handover.acknowledge(store, officer, hid)  # never by the one who handed over
    handover.acknowledge(store, chief, hid, "已阅，王芳补录由我跟进")
    assert handover.waiting_for(store, chief) is None
    done = handover.get(store, hid)
    assert done.to_name == chief.name and done.acknowledgement == "已阅，王芳补录由我跟进"
    with pytest.raises(errors.InvalidTransitionError):
        handover.acknowledge(store, chief, hid)
    with store.read() as s:
        actions = list(
            s.scalars(
                select(Revision.action)
                .where(Revision.record_id == hid)
                .order_by(Revision.revision_no)
            )
        )
    assert actions == ["hand_over", "acknowledge"]  # synced like every record

    with pdfplumber.open(io.BytesIO(documents.handover_pdf(store, hid, by=chief))) as doc:
        text = "".join("".join(page.extract_text().split()) for page in doc.pages)
    assert "交接班记录" in text and "王芳验伤后回所补录" in text
    assert f"交班民警：{officer.name}" in text and f"接班民警：{chief.name}" in text
    assert "报警人去医院验伤" in text and "已阅，王芳补录由我跟进" in text
