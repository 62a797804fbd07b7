"""Five-colour early warning: criteria as data, suggestion, override with a reason, cadence."""

from __future__ import annotations

import datetime as dt
import io
import json

import pdfplumber
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from app import errors
from app.db.models import Revision
from app.domain import visits as visit_terms
from app.domain.warning_colours import (
    WarningCriteriaError,
    check_criteria_text,
    load_criteria,
)
from app.services import documents, early_warning, receiving, visit_queries, visits
from tests.conftest import good_intake

CRITERIA = load_criteria()
FACTOR_IDS = [f.id for f in CRITERIA.factors]


def dispute(store, officer, catalog, **fields) -> str:
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(incident_type="D02", **fields), catalog)
    return rid


@given(st.sets(st.sampled_from(FACTOR_IDS)), st.sets(st.sampled_from(FACTOR_IDS)))
def test_more_risk_never_gives_a_lower_colour(some, more) -> None:
    low, high = CRITERIA.suggest(some), CRITERIA.suggest(some | more)
    assert high.colour.rank >= low.colour.rank
    assert high.score == sum(f.weight for f in CRITERIA.factors if f.id in some | more)


def test_the_bundled_criteria_grade_as_documented() -> None:
    assert CRITERIA.suggest([]).colour.id == "green"
    assert CRITERIA.suggest(["alcohol_drugs"]).colour.id == "blue"
    assert CRITERIA.suggest(["violence"]).colour.id == "yellow"
    weapon = CRITERIA.suggest(["weapon"])  # score 4 alone would be yellow: the floor lifts it
    assert weapon.colour.id == "orange" and weapon.floor_by == "weapon"
    red = CRITERIA.suggest(["violence", "weapon", "injury"])
    assert red.colour.id == "red" and red.colour.monitoring == "command_centre"
    assert CRITERIA.applies("D01") and CRITERIA.applies("C09") and not CRITERIA.applies("C01")


def test_a_broken_criteria_file_names_the_line() -> None:
    text = CRITERIA_TEXT.replace('"min_score": 3', '"min_score": 0')
    with pytest.raises(WarningCriteriaError) as info:
        check_criteria_text(text)
    line = text.splitlines().index(next(x for x in text.splitlines() if '"yellow"' in x)) + 1
    assert info.value.details["line"] == line
    assert "min_score must rise" in str(info.value)
    with pytest.raises(WarningCriteriaError, match="at_least names no colour"):
        check_criteria_text(CRITERIA_TEXT.replace('"at_least": "orange"', '"at_least": "pink"'))


def test_a_newer_installed_file_wins_and_a_broken_one_is_ignored(tmp_path) -> None:
    (tmp_path / "policy").mkdir()
    data = json.loads(CRITERIA_TEXT)
    data["version"] = "2099.1"
    data["factors"][0]["weight"] = 9
    (tmp_path / "policy" / "warning_colours.json").write_text(json.dumps(data), "utf-8")
    assert load_criteria(tmp_path).suggest(["violence"]).colour.id == "red"
    (tmp_path / "policy" / "warning_colours.json").write_text("{", "utf-8")
    assert load_criteria(tmp_path).version == CRITERIA.version


def test_override_needs_a_reason_and_every_change_is_a_revision(store, officer, catalog):
    rid = dispute(store, officer, catalog)
    assert early_warning.assess(store, officer, rid, ["violence"]) == "yellow"
    with pytest.raises(errors.ValidationFailed) as info:
        early_warning.assess(store, officer, rid, ["violence"], "red")
    assert info.value.errors == {"colour_reason": "required"}
    early_warning.assess(store, officer, rid, ["violence"], "red", "扬言要烧房子，邻居证实")
    state = early_warning.state(store, rid)
    assert (state.suggested, state.colour, state.monitoring) == ("yellow", "red", "command_centre")
    with store.read() as s:
        changes = [
            json.loads(c)
            for c in s.scalars(
                select(Revision.changes).where(
                    Revision.record_id == rid, Revision.action == "colour"
                )
            )
        ]
    assert changes[0]["warning_colour"] == ["", "yellow"]
    assert changes[1]["warning_colour"] == ["yellow", "red"]
    assert changes[1]["colour_reason"] == ["", "扬言要烧房子，邻居证实"]
    with pytest.raises(errors.ValidationFailed):
        early_warning.assess(store, officer, rid, ["no_such_factor"])


def test_the_colour_sets_the_visit_cadence(store, officer, chief, catalog) -> None:
    rid = dispute(store, officer, catalog)
    today = dt.date.today()
    early_warning.assess(store, officer, rid, ["alcohol_drugs"])  # blue: every 15 days
    (pending,) = [v for v in visit_queries.visits_for_report(store, rid) if v.status == "due"]
    assert pending.due_date == (today + dt.timedelta(days=15)).isoformat()
    early_warning.assess(store, officer, rid, ["weapon", "violence"], reason="持刀威胁")
    (pending,) = [v for v in visit_queries.visits_for_report(store, rid) if v.status == "due"]
    assert pending.due_date == (today + dt.timedelta(days=3)).isoformat()  # orange
    (detail,) = visit_queries.details(store, [pending.id])
    assert detail.warning_colour == "orange"  # the visiting officer sees the colour
    (sheet,) = documents.visit_sheets(store, catalog, [pending.id])
    assert sheet.warning == "橙色" and sheet.reason == "early_warning"
    page = documents.visit_sheets_pdf(store, catalog, [pending.id])
    with pdfplumber.open(io.BytesIO(page)) as doc:
        assert "五色预警定期回访" in doc.pages[0].extract_text()
        assert "预警：橙色" in doc.pages[0].extract_text()
    follow = visits.record_outcome(
        store,
        officer,
        pending.code,
        visits.Outcome("done", satisfaction="satisfied", problem_solved="partly"),
    )
    (nxt,) = [v for v in visit_queries.visits_for_report(store, rid) if v.status == "due"]
    assert follow == [nxt.code] and nxt.due_date == (today + dt.timedelta(days=3)).isoformat()
    with pytest.raises(errors.PermissionDeniedError):
        early_warning.lift(store, officer, rid, "已调解")
    early_warning.lift(store, chief, rid, "双方已离婚分居，风险消除")
    assert early_warning.state(store, rid).status == "lifted"
    statuses = {v.code: v.status for v in visit_queries.visits_for_report(store, rid)}
    assert statuses[nxt.code] == visit_terms.CANCELLED


def test_types_outside_the_criteria_get_no_colour(store, officer, catalog) -> None:
    rid = receiving.receive(store, officer).id
    receiving.save_intake(store, officer, rid, good_intake(incident_type="C01"), catalog)
    with pytest.raises(errors.ValidationFailed) as info:
        early_warning.assess(store, officer, rid, ["violence"])
    assert info.value.errors == {"incident_type": "no_early_warning"}


CRITERIA_TEXT = open(  # noqa: SIM115 - read once at import
    "resources/policy/warning_colours.json", encoding="utf-8"
).read()
