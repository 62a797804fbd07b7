"""The wire protocol between a station and headquarters: one module, used by both sides.

Every body that crosses the wire is one of these shapes. Both sides validate what they receive,
so a captive portal's HTML page or a proxy's error text is never mistaken for an answer, and a
malformed request from a station gets a 4xx with a reason instead of a server error.

Version 1. A change that an older peer could misread bumps ``PROTOCOL_VERSION``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

PROTOCOL_VERSION = 1
MAX_BATCH_ITEMS = 1000
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_PAYLOAD_CHARS = 64 * 1024
MAX_AUDIT_LINKS = 20_000
MAX_NESTING = 32  # a record's JSON is a few levels deep; deeper is not a station's
MAX_INT = 2**63 - 1  # what every HQ database stores as an integer

# What every HQ database can store as text: no NUL or other control character (tab, newline
# and carriage return allowed), no lone surrogate (not UTF-8). The desk refuses the same when
# typed (app.domain.validation), so its own records always pass.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def check_storable(text: str) -> str:
    found = _UNSTORABLE.search(text)
    if found is not None:
        raise ValueError(f"holds a character HQ cannot store (U+{ord(found.group()):04X})")
    return text


def check_json_value(value: Any, depth: int = 0) -> None:
    """A decoded payload HQ can store and index: bounded nesting, storable strings (keys too),
    integers a database column holds, finite numbers."""
    if depth > MAX_NESTING:
        raise ValueError(f"nested deeper than {MAX_NESTING} levels")
    if isinstance(value, str):
        check_storable(value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if not -MAX_INT <= value <= MAX_INT:
            raise ValueError("holds an integer beyond 64 bits")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("holds a number that is not finite")
    elif isinstance(value, dict):
        for key, item in value.items():
            check_storable(key)
            check_json_value(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            check_json_value(item, depth + 1)


def scrub(text: str) -> str:
    """Text HQ writes about what it received (a reason naming a key): always storable."""
    return _UNSTORABLE.sub("\ufffd", text)


# The same rule, as the OpenAPI document states it (a client generating requests from the
# document sends nothing HQ refuses); lone surrogates cannot be written in UTF-8 at all.
TEXT_PATTERN = "^[^\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]*$"
Text = Annotated[
    str, AfterValidator(check_storable), Field(json_schema_extra={"pattern": TEXT_PATTERN})
]

Uuid = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
UnitCode = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z]{4,12}$")]
Short = Annotated[str, StringConstraints(max_length=200)]
Seq = Annotated[int, Field(ge=1, le=2**62)]
Generation = Annotated[int, Field(ge=1, le=1_000_000)]
Computer = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{0,32}$")]


RecordKind = Literal[
    "report",
    "visit",
    "care_person",
    "case_file",
    "warning_letter",
    "reminder_sheet",
    "handover",
    "report_review",
]


def _not_a_truth_value(value: object) -> object:
    if isinstance(value, bool):
        raise ValueError("a protocol number, not true or false")
    return value


# A request's protocol number is a number: JSON's true is not 1 here (while 1.0 is, as JSON
# Schema has it).
Version = Annotated[int, BeforeValidator(_not_a_truth_value)]


class Shape(BaseModel):
    """Unknown keys are refused: a typo in a field name is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ErrorBody(Shape):
    protocol: int = PROTOCOL_VERSION
    error: Short
    reason: Annotated[str, StringConstraints(max_length=2000)]


# -- enrolment ------------------------------------------------------------------------------
class EnrollRequest(Shape):
    protocol: Version = PROTOCOL_VERSION
    code: Annotated[Text, StringConstraints(min_length=8, max_length=64)]
    unit_code: UnitCode
    unit_name: Annotated[Text, StringConstraints(max_length=200)]
    station_uuid: Uuid


class EnrollResponse(Shape):
    protocol: int = PROTOCOL_VERSION
    station_token: Annotated[str, StringConstraints(min_length=32, max_length=200)]
    unit_code: UnitCode
    hq_time: str


# -- push -------------------------------------------------------------------------------------
class RevisionItem(Shape):
    """One immutable revision, exactly as the station's log holds it."""

    seq: Seq
    revision_id: Uuid
    record_id: Uuid
    revision_no: Annotated[int, Field(ge=1, le=1_000_000)]
    parent_id: Uuid | None
    recorded_at: Annotated[Text, StringConstraints(max_length=40)]
    action: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}$")]
    officer_badge: Annotated[Text, StringConstraints(max_length=32)]
    changes: Annotated[Text, StringConstraints(max_length=MAX_PAYLOAD_CHARS)]
    payload: Annotated[Text, StringConstraints(max_length=MAX_PAYLOAD_CHARS)]
    sha256: Sha256
    # Added in place of a version bump: an older station sends no kind and means a report.
    record_kind: RecordKind = "report"


class PushItem(Shape):
    """The envelope HQ can always read: the seq, and the revision as raw JSON.

    The revision is validated item by item at HQ, so one malformed revision is quarantined and
    acknowledged by its seq instead of rejecting its whole batch.
    """

    seq: Seq
    revision: Any


class AuditLinks(Shape):
    """The station's audit chain since HQ's last look: the hash HQ saw last (`base_*`), each
    later entry's own digest, and the new head. HQ recomputes the links, so it can tell that
    the new head grows out of the old one without seeing any entry's content."""

    base_seq: Annotated[int, Field(ge=0, le=2**62)]
    base_hash: Sha256
    digests: Annotated[list[Sha256], Field(max_length=MAX_AUDIT_LINKS)]
    head_hash: Sha256


class Rewind(Shape):
    """The station found HQ holding less than HQ had acknowledged (HQ restored from a backup,
    rebuilt, or another HQ) and resends from where HQ really is. Sent with every push until HQ
    has taken the resend, so HQ raises its alarm even if an answer is lost; the revisions up to
    `replay_through` were processed by HQ once already (their reminder sheets were issued), so
    HQ stores them without detecting repeats again."""

    revisions: Annotated[int, Field(ge=0, le=2**62)]
    hq_acknowledged: Annotated[int, Field(ge=0, le=2**62)]
    station_acknowledged: Annotated[int, Field(ge=0, le=2**62)]
    replay_through: Annotated[int, Field(ge=0, le=2**62)]


class PushRequest(Shape):
    protocol: Version = PROTOCOL_VERSION
    unit_code: UnitCode
    generation: Generation
    generation_base: Seq
    station_time: Annotated[Text, StringConstraints(max_length=40)]
    items: Annotated[list[PushItem], Field(max_length=MAX_BATCH_ITEMS)]
    audit: AuditLinks | None = None
    rewind: Rewind | None = None
    # This desk, never restored, found its seqs taken at HQ by revisions it did not make:
    # another computer runs with its identity. HQ keeps what this push carries, raises the
    # alarm, and refuses this generation from then on.
    split: bool = False
    # the pushing computer's own id (kept in its keyring, so a copied data folder does not
    # carry it): HQ notes it on the generation it stores work in
    computer: Computer = ""


ItemStatus = Literal["stored", "duplicate", "mismatch", "conflict", "quarantined"]


class ItemResult(Shape):
    seq: Seq
    status: ItemStatus
    reason: Short = ""


AuditState = Literal["ok", "resync", "broken", "restarted"]


class PushResponse(Shape):
    protocol: int = PROTOCOL_VERSION
    generation: Generation
    acknowledged_seq: Annotated[int, Field(ge=0)]
    results: list[ItemResult]
    hq_time: str
    clock_skew_seconds: float
    # Where HQ's copy of the audit chain ends, and what it made of the links just sent.
    audit_seq: Annotated[int, Field(ge=0)] = 0
    audit_hash: Sha256 = "0" * 64
    audit_state: AuditState = "ok"
    # HQ refuses the pushed generation from now on (what this push carried is kept)
    refused: bool = False


# -- status, recovery, instructions ------------------------------------------------------------
class GenerationState(Shape):
    generation: Generation
    base_seq: Seq
    acknowledged_seq: Annotated[int, Field(ge=0)]
    high_seq: Annotated[int, Field(ge=0)]
    # pushes under it are refused: a second computer uses this station's identity
    refused: bool = False
    # the revision HQ holds at acknowledged_seq ("" for none or an unreadable one): a desk
    # adopts an acknowledgement whose answer it lost only when that revision is its own
    acknowledged_id: Annotated[str, StringConstraints(max_length=36)] = ""
    # the computer that last stored work in this generation ("" when HQ does not know)
    computer: Computer = ""


class StatusResponse(Shape):
    protocol: int = PROTOCOL_VERSION
    unit_code: UnitCode
    hq_time: str
    generations: list[GenerationState]
    quarantined: Annotated[int, Field(ge=0)]


MAX_HOLDS_IDS = 64


class HoldsRequest(Shape):
    """Which of these revisions of this station HQ holds: a desk reads HQ's numbers against
    its own by identity where numbers alone cannot tell (both lives of a station, restored
    at either end, can number different revisions alike)."""

    protocol: Version = PROTOCOL_VERSION
    ids: Annotated[list[Uuid], Field(max_length=MAX_HOLDS_IDS)]


class HoldsResponse(Shape):
    protocol: int = PROTOCOL_VERSION
    held: Annotated[list[Uuid], Field(max_length=MAX_HOLDS_IDS)]


class RecoverResponse(Shape):
    protocol: int = PROTOCOL_VERSION
    items: list[RevisionItem]


class Instruction(Shape):
    id: Annotated[int, Field(ge=1)]
    uid: Uuid
    kind: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,32}$")]
    payload: dict[str, Any]
    created_utc: str


class InstructionsResponse(Shape):
    protocol: int = PROTOCOL_VERSION
    items: list[Instruction]
    cursor: Annotated[int, Field(ge=0)]
    # The cursor the station sent no longer names the instruction it saw there (HQ was
    # restored from a backup, or this is another HQ): these items start again from the first;
    # the station knows what it already has by uid.
    restarted: bool = False


def push_body(
    *,
    unit_code: str,
    generation: int,
    generation_base: int,
    station_time: str,
    revisions: list[dict[str, Any]],
    audit: dict[str, Any] | None = None,
    rewind: dict[str, Any] | None = None,
    split: bool = False,
    computer: str = "",
) -> bytes:
    """A PushRequest as JSON, built straight from revision dicts in the RevisionItem shape."""
    body: dict[str, Any] = {
        "protocol": PROTOCOL_VERSION,
        "unit_code": unit_code,
        "generation": generation,
        "generation_base": generation_base,
        "station_time": station_time,
        "items": [{"seq": r["seq"], "revision": r} for r in revisions],
    }
    if audit is not None:
        body["audit"] = audit
    if rewind is not None:
        body["rewind"] = rewind
    if split:
        body["split"] = True
    if computer:
        body["computer"] = computer
    return json.dumps(
        body,
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")


# -- helpers both sides use ----------------------------------------------------------------------
def payload_hash(payload: str) -> str:
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def check_revision(raw: Any, seq: int) -> RevisionItem:
    """Parse one pushed revision and check it is self-consistent; ValueError says why not."""
    try:
        item = RevisionItem.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "revision"
        raise ValueError(f"{where}: {first['msg']}") from None
    if item.seq != seq:
        raise ValueError("seq inside the revision differs from its envelope")
    if payload_hash(item.payload) != item.sha256:
        raise ValueError("sha256 does not match the payload")
    try:
        record = json.loads(item.payload)
        changes = json.loads(item.changes)
    except (json.JSONDecodeError, RecursionError):
        raise ValueError("payload or changes is not JSON") from None
    if not isinstance(record, dict) or record.get("id") != item.record_id:
        raise ValueError("payload is not this record")
    check_json_value(record)
    check_json_value(changes)
    return item


def parse_push(body: bytes) -> PushRequest:
    """Pydantic's own JSON reader first (a catch-up batch is about a megabyte, and it is the
    fast way). JSON that reader refuses but the standard one reads (nested deeper than it
    goes, a lone surrogate escaped as \\ud800) is read with the standard one, so the one bad
    revision is quarantined rather than the whole batch refused."""
    try:
        return PushRequest.model_validate_json(body)
    except ValidationError as exc:
        if exc.errors()[0].get("type") != "json_invalid":
            raise
        try:
            raw = json.loads(body)
        except (ValueError, RecursionError):
            raise exc from None
    return PushRequest.model_validate(raw)


def parse_answer(model: type[Shape], status_code: int, body: bytes) -> Any:
    """A reply counts only when it is the protocol shape: HTML with 200 is a failure."""
    try:
        answer = model.model_validate_json(body)
    except ValidationError:
        snippet = body[:80].decode("utf-8", "replace").strip()
        raise ProtocolViolation(
            f"HTTP {status_code} but the answer is not a StationDesk reply ({snippet!r})"
        ) from None
    version = getattr(answer, "protocol", PROTOCOL_VERSION)
    if version != PROTOCOL_VERSION:
        raise ProtocolViolation(f"protocol version {version} is not {PROTOCOL_VERSION}")
    return answer


class ProtocolViolation(Exception):
    """The other side answered something that is not this protocol."""
