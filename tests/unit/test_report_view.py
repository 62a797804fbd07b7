"""The intake form's one read: a report with everything shown beside it, in one transaction."""

from __future__ import annotations

from contextlib import contextmanager

from app.services import (
    case_files,
    early_warning,
    receiving,
    reports,
    visit_queries,
    warning_letters,
)
from tests.unit.test_early_warning import dispute
from tests.unit.test_warning_letters import DRAFT


def counting_reads(store, monkeypatch) -> list[int]:
    opened: list[int] = []
    read = store.read

    @contextmanager
    def counted():
        opened.append(1)
        with read() as session:
            yield session

    monkeypatch.setattr(store, "read", counted)
    return opened


def test_a_receipt_being_typed_is_read_with_its_draft_and_nothing_else(
    store, officer, monkeypatch
) -> None:
    rid = receiving.receive(store, officer).id
    receiving.save_draft(store, rid, {"reporter_name": "王芳"})
    opened = counting_reads(store, monkeypatch)
    view = reports.report_view(store, rid)
    assert len(opened) == 1
    assert view.report["status"] == "receiving" and view.report["officer_name"] == "李建国"
    assert view.draft == {"reporter_name": "王芳"}
    assert view.visits == [] and view.case_file is None and view.letter is None
    assert not view.warning_applies and not view.letters_apply


def test_a_dispute_is_read_with_its_visits_case_file_colour_and_letter_at_once(
    store, officer, chief, catalog, monkeypatch
) -> None:
    rid = dispute(store, officer, catalog)
    early_warning.assess(store, officer, rid, ["violence"])
    case_id = case_files.open_file(store, chief, [rid], "邻里纠纷")
    letter_id = warning_letters.draft(store, officer, rid, DRAFT)
    receiving.close_report(store, officer, rid, "已调解")

    opened = counting_reads(store, monkeypatch)
    view = reports.report_view(store, rid)
    assert len(opened) == 1  # one transaction: the parts agree with each other
    monkeypatch.undo()

    assert view.report == reports.get_report(store, rid)
    assert view.report["warning_colour"] == "yellow" and view.warning_applies
    assert view.criteria.colour("yellow") is not None
    assert view.visits == visit_queries.visits_for_report(store, rid) and view.visits
    case = case_files.file_of_report(store, rid)
    assert view.case_file == case and case is not None and case["id"] == case_id
    assert view.letters_apply
    assert view.letter == warning_letters.letter_of_report(store, rid)
    assert view.letter is not None and view.letter.id == letter_id
    assert view.draft is None  # the saved intake left no draft behind
