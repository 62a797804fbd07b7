"""Bytes no HQ database can store (NUL and other control characters, lone surrogates, integers
beyond 64 bits, non-finite numbers, deep nesting) anywhere in a pushed revision: HQ never
answers 5xx; the item is quarantined and acknowledged, the rest of the batch is stored, and the
station's queue goes on. Run on PostgreSQL (which refuses NUL in text) where the suite has it."""

from __future__ import annotations

import copy
import itertools
import json
import uuid
from typing import Any
from urllib.parse import quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.db.models import Revision
from app.hq.models import HqRevision
from app.services.sync import sync_engine
from app.sync import outbox, protocol
from tests.sync.conftest import enroll, receive_and_complete
from tests.sync.test_sync import _token

HOSTILE_CHARS = ["\x00", "\x01", "\x1b", "\x7f", "\ud800", "\udfff"]
SEQS = itertools.count(1000)


def _template(desk) -> dict[str, Any]:
    with desk.read() as s:
        return outbox.pending_batch(s, outbox.station_row(s), 1)[0]


def _revision(template: dict[str, Any], payload: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A revision in the wire shape with a fresh id, record and seq; the hash matches the
    payload (so only its bytes are wrong), unless the payload cannot be encoded at all."""
    record_id = str(uuid.uuid4())
    body = json.dumps({**payload, "id": record_id}, ensure_ascii=False, allow_nan=True)
    try:
        digest = protocol.payload_hash(body)
    except UnicodeEncodeError:
        digest = "0" * 64
    seq = next(SEQS)
    return {
        **template,
        "seq": seq,
        "revision_id": str(uuid.uuid4()),
        "record_id": record_id,
        "parent_id": None,
        "revision_no": 1,
        "payload": body,
        "sha256": digest,
        **fields,
    }


def _push(hq, desk, revisions: list[Any], seqs: list[int] | None = None) -> httpx.Response:
    body = {
        "protocol": protocol.PROTOCOL_VERSION,
        "unit_code": "140107",
        "generation": 1,
        "generation_base": 1,
        "station_time": "2026-12-04T10:00:00",
        "items": [
            {"seq": seq, "revision": r}
            for seq, r in zip(seqs or [r["seq"] for r in revisions], revisions, strict=True)
        ],
    }
    return httpx.post(
        f"{hq.url}/v1/push",
        content=json.dumps(body, ensure_ascii=True, allow_nan=True).encode(),
        headers={"Authorization": f"Bearer {_token(desk)}", "content-type": "application/json"},
        timeout=30,
    )


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


def test_the_listed_hostile_items_are_quarantined_and_the_batch_goes_on(desk, hq) -> None:
    enroll(desk, hq)
    receive_and_complete(desk, 1)
    template = _template(desk)
    payload = json.loads(template["payload"])
    good = [_revision(template, payload) for _ in range(2)]
    bad = [
        _revision(template, payload, officer_badge="00\x0001"),
        _revision(template, {**payload, "reporter_name": "王\x00芳"}),
        _revision(template, {**payload, "summary": "half a pair \ud800"}),
        _revision(template, {**payload, "big": 2**70}),
        _revision(template, {**payload, "nan": float("nan")}),
        _revision(template, {**payload, "deep": _deep(250)}),
        _revision(template, {**payload, "key\x00": 1}),
        _revision(template, payload, changes=json.dumps({"a": "\x1b[31m"})),
    ]
    whole_deep = copy.deepcopy(good[0])
    whole_deep["seq"] = next(SEQS)
    batch = [good[0], *bad, whole_deep, good[1]]
    seqs = [r["seq"] for r in batch]
    batch[-2] = _deep(250)  # the revision itself nested 250 levels, in its envelope
    answer = _push(hq, desk, batch, seqs)
    assert answer.status_code == 200, answer.text
    statuses = {r["seq"]: r["status"] for r in answer.json()["results"]}
    assert statuses[good[0]["seq"]] == statuses[good[1]["seq"]] == "stored"
    assert all(statuses[r["seq"]] == "quarantined" for r in bad)
    assert statuses[seqs[-2]] == "quarantined"

    # enrolment with such a unit name: a 4xx with a reason, never a 5xx
    code = hq.service().issue_enrolment("140108")
    refused = httpx.post(
        f"{hq.url}/v1/enroll",
        json={
            "code": code,
            "unit_code": "140108",
            "unit_name": "三桥\x00派出所",
            "station_uuid": str(uuid.uuid4()),
        },
    )
    assert refused.status_code == 422 and refused.json()["reason"]


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_bytes_anywhere_in_a_revision_never_get_a_5xx(desk, hq, data) -> None:
    if not hasattr(desk, "_enrolled"):
        enroll(desk, hq)
        receive_and_complete(desk, 1)
        desk._enrolled = _template(desk)  # type: ignore[attr-defined]
    template = desk._enrolled  # type: ignore[attr-defined]
    payload = json.loads(template["payload"])
    hostile = st.builds(
        lambda head, bad, tail: head + bad + tail,
        st.text(st.characters(codec="utf-8"), max_size=8),
        st.sampled_from(HOSTILE_CHARS),
        st.text(st.sampled_from(HOSTILE_CHARS) | st.characters(codec="utf-8"), max_size=8),
    )
    where = data.draw(
        st.sampled_from(["payload_value", "payload_key", "badge", "recorded_at", "changes"])
    )
    text = data.draw(hostile)
    if where == "payload_value":
        key = data.draw(st.sampled_from(sorted(k for k in payload if k != "id")))
        revision = _revision(template, {**payload, key: text})
    elif where == "payload_key":
        revision = _revision(template, {**payload, text: "x"})
    elif where == "badge":
        revision = _revision(template, payload, officer_badge=text[:32])
    elif where == "recorded_at":
        revision = _revision(template, payload, recorded_at=text[:40])
    else:
        revision = _revision(template, payload, changes=json.dumps({"f": text}))
    good = _revision(template, payload)
    answer = _push(hq, desk, [revision, good])
    assert answer.status_code == 200, answer.text
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["quarantined", "stored"], (where, repr(text), answer.text)


def test_a_desk_revision_with_a_nul_does_not_block_its_queue(desk, hq) -> None:
    """A revision an older desk saved with a NUL in it (before the desk refused such text):
    HQ quarantines and acknowledges it, and everything after it is stored."""
    enroll(desk, hq)
    receive_and_complete(desk, 2)
    with desk.write() as s:
        first = s.scalars(select(Revision).where(Revision.seq == 1)).one()
        record = json.loads(first.payload)
        record["reporter_name"] = "王\x00芳"
        first.payload = json.dumps(record, ensure_ascii=False)
        first.sha256 = protocol.payload_hash(first.payload)
        later = list(s.scalars(select(Revision.id).where(Revision.seq > 1)))
    report = sync_engine(desk).run_once()
    assert report.ok and report.quarantined == 1 and report.pending == 0, report
    with hq.service().session() as s:
        held = set(s.scalars(select(HqRevision.id)))
    assert set(later) <= held


hostile_text = st.text(alphabet=st.sampled_from(HOSTILE_CHARS) | st.characters(), max_size=20)
hostile_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=12,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    path=st.sampled_from(["/v1/push", "/v1/enroll"]),
    shape=st.sampled_from(["any", "push", "enroll", "deep"]),
    value=hostile_json,
    query=hostile_text,
    with_token=st.booleans(),
)
def test_any_body_or_query_with_or_without_a_token_gets_no_5xx(
    desk, hq, path: str, shape: str, value: Any, query: str, with_token: bool
) -> None:
    if not hasattr(desk, "_enrolled"):
        enroll(desk, hq)
        desk._enrolled = True  # type: ignore[attr-defined]
    body: Any = value
    if shape == "push":  # a well-formed envelope around the hostile value
        body = {
            "unit_code": "140107",
            "generation": 1,
            "generation_base": 1,
            "station_time": value if isinstance(value, str) else "x",
            "items": [{"seq": 1, "revision": value}],
        }
    elif shape == "enroll":
        body = {
            "code": value if isinstance(value, str) else "x" * 10,
            "unit_code": "140107",
            "unit_name": value,
            "station_uuid": str(uuid.uuid4()),
        }
    elif shape == "deep":
        body = {"items": [{"seq": 1, "revision": _deep(400)}], "x": value}
    headers = {"content-type": "application/json"}
    if with_token:
        headers["Authorization"] = f"Bearer {_token(desk)}"
    raw = json.dumps(body, ensure_ascii=True, allow_nan=True).encode()
    answer = httpx.post(f"{hq.url}{path}", content=raw, headers=headers, timeout=30)
    assert answer.status_code < 500, (path, shape, answer.status_code, answer.text)
    # percent-encoded as bytes: a lone surrogate goes as the bytes Python's surrogatepass gives
    raw_query = quote(query.encode("utf-8", "surrogatepass"))
    params = f"after_uid={raw_query}&after={raw_query}&generation={raw_query}"
    for get in ("/v1/instructions", "/v1/recover", "/v1/status"):
        answer = httpx.get(f"{hq.url}{get}?{params}", headers=headers, timeout=30)
        assert answer.status_code < 500, (get, repr(query), answer.status_code, answer.text)
