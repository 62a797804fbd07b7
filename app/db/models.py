"""The station's tables.

`report` is the current projection; `report_revision` is the immutable history and, through its
gap-free `seq`, the outbox that sync pushes to headquarters. Nothing is ever hard-deleted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Index, MetaData, UniqueConstraint, literal_column, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.common.database import NAMING_CONVENTION


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Station(Base):
    """Exactly one row: who this desk is, and its counters."""

    __tablename__ = "station"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_uuid: Mapped[str]
    unit_code: Mapped[str]
    unit_name: Mapped[str]
    parent_bureau: Mapped[str] = mapped_column(default="")
    contact_phone: Mapped[str] = mapped_column(default="")
    generation: Mapped[int] = mapped_column(default=1)
    # First seq of the current generation, and the watermark HQ acknowledged: every revision
    # with seq above `acked_seq` is pending (the revision log is the outbox).
    generation_base: Mapped[int] = mapped_column(default=1, server_default="1")
    last_seq: Mapped[int] = mapped_column(default=0)
    acked_seq: Mapped[int] = mapped_column(default=0, server_default="0")
    # The audit seq up to which HQ holds the chain's links and found them continuous.
    audit_acked_seq: Mapped[int] = mapped_column(default=0, server_default="0")
    last_received_utc: Mapped[str | None]
    created_utc: Mapped[str]


class Officer(Base):
    __tablename__ = "officer"

    id: Mapped[str] = mapped_column(primary_key=True)
    badge: Mapped[str] = mapped_column(unique=True)
    name: Mapped[str]
    password_hash: Mapped[str]
    role: Mapped[str] = mapped_column(default="officer")
    active: Mapped[bool] = mapped_column(default=True)
    created_utc: Mapped[str]
    # Wrong passwords in a row; at the limit the account locks until `locked_until_utc`.
    failed_signins: Mapped[int] = mapped_column(default=0, server_default="0")
    locked_until_utc: Mapped[str | None]
    # Set by an administrator's reset: the next sign-in must choose a new password.
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default="0")
    password_changed_utc: Mapped[str | None]


class SerialCounter(Base):
    """Last serial number drawn per local day; bumped in the same transaction as the receipt."""

    __tablename__ = "serial_counter"

    day: Mapped[str] = mapped_column(primary_key=True)
    last_no: Mapped[int]


# Indexes of reports by a value that a new receipt does not have yet (its type, phone, ID
# number, address, place, warning), holding only the reports that have it: the receive button
# writes every index the new row enters, and each of these would take its empty key, one more
# page written and encrypted per press, for no query ever asks for the reports without a phone.
# SQLite uses such an index only when the query says the key is not empty (`has_key`, `key_is`).
KEYED_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_report_type_received": ("incident_type", "received_utc"),
    "ix_report_phone_received": ("reporter_phone", "received_utc", "status"),
    "ix_report_id_number_received": ("reporter_id_number", "received_utc", "status"),
    "ix_report_address_key_received": ("address_key", "reporter_name", "received_utc", "status"),
    "ix_report_place_key_received": ("place_key", "received_utc", "status"),
    "ix_report_warning": ("warning_status", "warning_colour"),
}


def has_key(column: Any) -> Any:
    """The condition a query on a keyed index must carry, spelled as the index spells it (a
    literal, not a bound parameter) so that SQLite sees the index applies."""
    return column != literal_column("''")


def key_is(column: Any, value: Any) -> Any:
    """`column == value` on a keyed index, said so that the index is used."""
    return has_key(column) & (column == value)


class Report(Base):
    __tablename__ = "report"
    __table_args__ = (
        UniqueConstraint("serial_day", "serial_no"),
        Index("ix_report_received", "received_utc"),
        Index("ix_report_status_received", "status", "received_utc"),
        Index("ix_report_officer_received", "officer_id", "received_utc"),
        # Repeat checks look up one key inside a time window and count what is not voided from
        # the index alone; (key, received) also serves the prefix search by phone or ID number.
        # These indexes hold only reports that have the key (see KEYED_INDEXES).
        *(
            Index(name, *columns, sqlite_where=text(f"{columns[0]} <> ''"))
            for name, columns in KEYED_INDEXES.items()
        ),
    )

    id: Mapped[str] = mapped_column(primary_key=True)
    serial: Mapped[str] = mapped_column(unique=True)
    serial_day: Mapped[str]
    serial_no: Mapped[int]
    received_at: Mapped[str]
    received_utc: Mapped[str]
    unit_code: Mapped[str]
    officer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    channel: Mapped[str] = mapped_column(default="walk_in")
    status: Mapped[str]
    clock_warning: Mapped[bool] = mapped_column(default=False)
    reporter_name: Mapped[str] = mapped_column(default="")
    reporter_phone: Mapped[str] = mapped_column(default="")
    no_phone_reason: Mapped[str] = mapped_column(default="")
    reporter_id_number: Mapped[str] = mapped_column(default="")
    reporter_address: Mapped[str] = mapped_column(default="")
    incident_type: Mapped[str] = mapped_column(default="")
    incident_time: Mapped[str] = mapped_column(default="")
    incident_place: Mapped[str] = mapped_column(default="")
    summary: Mapped[str] = mapped_column(default="")
    checklist: Mapped[str] = mapped_column(default="[]")
    disposal_result: Mapped[str] = mapped_column(default="")
    referred_department: Mapped[str] = mapped_column(default="")
    unfinished_reason: Mapped[str] = mapped_column(default="")
    void_reason: Mapped[str] = mapped_column(default="")
    # Domestic violence, sexual offences, or marked by the officer: no phone calls, and printed
    # visit sheets leave out what the other party must not see.
    safe_contact: Mapped[bool] = mapped_column(default=False, server_default="0")
    # The normalised address and incident place (app.domain.addresses.normalise_address),
    # derived from the fields above on every save; what repeat checks match on.
    address_key: Mapped[str] = mapped_column(default="", server_default="")
    place_key: Mapped[str] = mapped_column(default="", server_default="")
    # The repeat rule that fired when the intake was saved (empty when none), on which key, and
    # how many reports that makes inside the rule's window (this one included).
    repeat_rule: Mapped[str] = mapped_column(default="", server_default="")
    repeat_key: Mapped[str] = mapped_column(default="", server_default="")
    repeat_count: Mapped[int] = mapped_column(default=0, server_default="0")
    # Five-colour early warning (app.domain.warning_colours): the risk factors ticked (JSON
    # list), the colour the criteria suggested, the colour set (differs only with a reason),
    # who monitors, and whether the warning is active or was lifted.
    risk_factors: Mapped[str] = mapped_column(default="[]", server_default="[]")
    suggested_colour: Mapped[str] = mapped_column(default="", server_default="")
    warning_colour: Mapped[str] = mapped_column(default="", server_default="")
    colour_reason: Mapped[str] = mapped_column(default="", server_default="")
    monitoring_level: Mapped[str] = mapped_column(default="", server_default="")
    warning_status: Mapped[str] = mapped_column(default="", server_default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    updated_utc: Mapped[str]


class Revision(Base):
    """One immutable save of a record. `changes` holds {field: [old, new]}; `payload` the whole
    record. Every kind of record (report, visit, care person) shares this one log, so one gap-free
    `seq` orders everything the station ever did and sync has a single outbox."""

    __tablename__ = "revision"
    __table_args__ = (UniqueConstraint("record_id", "revision_no"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    record_kind: Mapped[str] = mapped_column(default="report", server_default="report")
    record_id: Mapped[str]  # looked up through (record_id, revision_no)
    revision_no: Mapped[int]
    parent_id: Mapped[str | None]
    seq: Mapped[int] = mapped_column(unique=True)
    generation: Mapped[int]
    officer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    recorded_at: Mapped[str]
    action: Mapped[str]
    changes: Mapped[str]
    payload: Mapped[str]
    sha256: Mapped[str]


class IntakeDraft(Base):
    """What was typed into an intake form but not yet saved: written on every change."""

    __tablename__ = "intake_draft"

    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), primary_key=True)
    fields: Mapped[str]
    saved_utc: Mapped[str]


class SyncState(Base):
    """Exactly one row: where HQ is and how the last contact went. No secret is kept here."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    hq_url: Mapped[str] = mapped_column(default="")
    ca_bundle: Mapped[str] = mapped_column(default="")
    allow_http: Mapped[bool] = mapped_column(default=False)
    enrolled_utc: Mapped[str | None]
    last_attempt_utc: Mapped[str | None]
    last_success_utc: Mapped[str | None]
    last_error: Mapped[str] = mapped_column(default="")
    last_error_code: Mapped[str] = mapped_column(default="")
    failures: Mapped[int] = mapped_column(default=0)
    next_attempt_utc: Mapped[str | None]
    clock_skew_seconds: Mapped[float | None]
    instruction_cursor: Mapped[int] = mapped_column(default=0)
    # The uid of the instruction at the cursor: HQ checks it still names the same instruction
    # (a restored or another HQ numbers its instructions again) and says when to start over.
    instruction_cursor_uid: Mapped[str] = mapped_column(default="", server_default="")
    # The newest seq HQ itself confirmed holding in the last run: "HQ has every record" is said
    # only on HQ's word, never on what this desk once believed.
    confirmed_seq: Mapped[int] = mapped_column(default=0, server_default="0")
    # JSON, empty when none: HQ was found holding less than it had acknowledged; what is told
    # to HQ with each push until HQ has recorded it (its alarm) and taken the resend.
    hq_behind: Mapped[str] = mapped_column(default="", server_default="")
    # Set by a restore from a backup, cleared by the next successful sync: a restored desk that
    # finds a newer generation of itself at HQ starts another; a desk that was not restored is
    # the original, and the newer generation belongs to a second computer (HQ refuses that one).
    restored: Mapped[bool] = mapped_column(default=False, server_default="0")
    # JSON, empty when none: a new generation was started and HQ's copies of what this desk
    # lost are still to be taken back (from which generation and seq, the serials given anew
    # so far, whether HQ is to be told of a copy). Written with the new generation, so a run
    # killed between the two finishes the work in the next one.
    restart: Mapped[str] = mapped_column(default="", server_default="")
    # A lease, not a flag: a run that died leaves a lease that simply runs out.
    lease_owner: Mapped[str] = mapped_column(default="")
    lease_until_utc: Mapped[str | None]


class SyncRejection(Base):
    """An item HQ quarantined or refused as a mismatch, mirrored so the desk shows it too."""

    __tablename__ = "sync_rejection"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int]
    generation: Mapped[int]
    revision_id: Mapped[str]
    status: Mapped[str]
    reason: Mapped[str]
    recorded_utc: Mapped[str]


class HqInstruction(Base):
    """Something HQ sent down (notice, catalog version, reminder sheet); applied once."""

    __tablename__ = "hq_instruction"

    # A local number (the order received); HQ's own number can be handed out again by a
    # restored HQ, so an instruction is known by its uid.
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    uid: Mapped[str | None] = mapped_column(unique=True, index=True)
    kind: Mapped[str]
    payload: Mapped[str]
    created_utc: Mapped[str]
    received_utc: Mapped[str]
    read: Mapped[bool] = mapped_column(default=False)


class CarePerson(Base):
    """Someone in a special population (elderly living alone, disabled, severely mentally ill,
    families in hardship) whom community police visit on a cadence set by the visit policy."""

    __tablename__ = "care_person"

    id: Mapped[str] = mapped_column(primary_key=True)
    name: Mapped[str]
    id_number: Mapped[str] = mapped_column(default="")
    phone: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(default="")
    grid: Mapped[str] = mapped_column(default="")
    category: Mapped[str]
    grade: Mapped[int | None]
    safe_contact: Mapped[bool] = mapped_column(default=False)
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    active: Mapped[bool] = mapped_column(default=True)
    notes: Mapped[str] = mapped_column(default="")
    # why the risk grade last changed, and why the person left the register (never deleted)
    grade_reason: Mapped[str] = mapped_column(default="", server_default="")
    removed_reason: Mapped[str] = mapped_column(default="", server_default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class Visit(Base):
    """A return visit (after a report) or a care visit (to a special-population person).

    Created by the visit policy when a report reaches a triggering state; the outcome is
    recorded once. Address and grid are copied in at creation so the day's route can be sorted
    and filtered without touching the report table.
    """

    __tablename__ = "visit"
    __table_args__ = (
        Index("ix_visit_status_due", "status", "due_date"),
        Index("ix_visit_officer_status_due", "officer_id", "status", "due_date"),
        # Covering indexes for the monthly figures and the supervision count: a month of a busy
        # station is read from the index alone, never from the table.
        Index("ix_visit_due_officer_status", "due_date", "officer_id", "status"),
        Index("ix_visit_outcome_officer_satisfaction", "outcome_day", "officer_id", "satisfaction"),
        Index("ix_visit_supervision", "supervision", "rectification_due"),
        Index("ix_visit_status_grid", "status", "grid"),
    )

    id: Mapped[str] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    report_id: Mapped[str | None] = mapped_column(ForeignKey("report.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("care_person.id"), index=True)
    kind: Mapped[str]
    sequence_no: Mapped[int]
    reason: Mapped[str]
    due_date: Mapped[str]
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    grid: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(default="")
    safe_contact: Mapped[bool] = mapped_column(default=False)
    attempt: Mapped[int] = mapped_column(default=1)
    status: Mapped[str]
    outcome_at: Mapped[str] = mapped_column(default="")
    outcome_day: Mapped[str] = mapped_column(default="")
    satisfaction: Mapped[str] = mapped_column(default="")
    problem_solved: Mapped[str] = mapped_column(default="")
    needs: Mapped[str] = mapped_column(default="")
    not_reached_reason: Mapped[str] = mapped_column(default="")
    notes: Mapped[str] = mapped_column(default="")
    recorded_by: Mapped[str] = mapped_column(default="")
    supervision: Mapped[bool] = mapped_column(default=False)
    rectification_due: Mapped[str] = mapped_column(default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class CaseFile(Base):
    """One case, one file: the reports of a repeated problem (or a major dispute), the officer
    responsible, the plan, the action log and the deadline, until it is cleared with a result.

    `key_kind`/`key_value` say what the reports share (phone, ID number, person and address,
    place; "manual" when opened by hand): a new report with the same key joins the open file.
    Links and actions are projections of the file's revisions, whose payload carries them.
    """

    __tablename__ = "case_file"
    __table_args__ = (Index("ix_case_file_key", "key_kind", "key_value", "status"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)
    key_kind: Mapped[str]
    key_value: Mapped[str]
    title: Mapped[str]
    rule_id: Mapped[str] = mapped_column(default="")
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    plan: Mapped[str] = mapped_column(default="")
    deadline: Mapped[str]
    status: Mapped[str]
    result: Mapped[str] = mapped_column(default="")
    cleared_utc: Mapped[str] = mapped_column(default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class CaseReport(Base):
    __tablename__ = "case_report"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), primary_key=True, index=True)
    linked_utc: Mapped[str]


class CaseAction(Base):
    __tablename__ = "case_action"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id"), index=True)
    at: Mapped[str]
    officer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    text: Mapped[str]


class WarningLetter(Base):
    """A domestic-violence warning letter (家庭暴力告诫书): drafted from a report, approved by the
    station chief (which draws its serial, gap-free per year), served on the abuser, followed by
    visits to the victim, who is safe-contact from then on."""

    __tablename__ = "warning_letter"
    __table_args__ = (
        UniqueConstraint("serial_year", "serial_no"),
        Index("ix_warning_letter_approved", "status", "approved_day"),
    )

    id: Mapped[str] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), index=True)
    status: Mapped[str]
    serial: Mapped[str] = mapped_column(default="")
    serial_year: Mapped[int | None]
    serial_no: Mapped[int | None]
    abuser_name: Mapped[str]
    abuser_id_number: Mapped[str] = mapped_column(default="")
    abuser_address: Mapped[str] = mapped_column(default="")
    victim_name: Mapped[str]
    relation: Mapped[str] = mapped_column(default="")
    facts: Mapped[str]
    drafted_by: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    approved_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    approved_day: Mapped[str] = mapped_column(default="")
    # The drafter approved it too: only where the station has no other chief, and why.
    approval_note: Mapped[str] = mapped_column(default="", server_default="")
    refusal_reason: Mapped[str] = mapped_column(default="")
    served_at: Mapped[str] = mapped_column(default="")
    # Article 17: the residents' or villagers' committee told (which one, whom, how, when) and
    # the station's check with it, due some weeks later, that the abuser has not offended again.
    committee_name: Mapped[str] = mapped_column(default="", server_default="")
    committee_contact: Mapped[str] = mapped_column(default="", server_default="")
    committee_how: Mapped[str] = mapped_column(default="", server_default="")
    committee_notified_on: Mapped[str] = mapped_column(default="", server_default="")
    committee_check_due: Mapped[str] = mapped_column(default="", server_default="")
    committee_checked_on: Mapped[str] = mapped_column(default="", server_default="")
    committee_check_note: Mapped[str] = mapped_column(default="", server_default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class ReportReview(Base):
    """The chief's daily review (每日研判) of one report: signed off, with the quality flags seen
    then and an optional comment, which reaches the receiving officer's desk until read; or,
    before that, an officer's request that the chief look at it."""

    __tablename__ = "report_review"
    __table_args__ = (
        Index("ix_report_review_officer", "officer_id", "read_at"),
        Index("ix_report_review_day", "day", "comment"),  # the period's count, from the index
        Index("ix_report_review_open", "reviewed_at", "requested_at"),  # the officers' requests
    )

    id: Mapped[str] = mapped_column(primary_key=True)
    # not unique: two lives of a station (a restore, a copy) may each have reviewed a report,
    # and both reviews come together when one takes the other's records back
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), index=True)
    day: Mapped[str]  # the day reviewed (the report's receiving day)
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))  # who took it
    # an officer may ask for the chief's look at a report of any day before it is signed off
    requested_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    requested_at: Mapped[str] = mapped_column(default="")
    request_note: Mapped[str] = mapped_column(default="")
    reviewed_by: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    reviewed_at: Mapped[str] = mapped_column(default="")
    flags: Mapped[str] = mapped_column(default="[]")  # JSON: the quality flags seen
    comment: Mapped[str] = mapped_column(default="")
    read_at: Mapped[str] = mapped_column(default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class Handover(Base):
    """A shift handed over (交接班): the outgoing officer's note and what is left open (the
    unfinished receipts and the visits due, as serials and codes when handed over), and the
    incoming officer's acknowledgement. Synced like every record."""

    __tablename__ = "handover"
    __table_args__ = (Index("ix_handover_open", "acknowledged_at", "written_at"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    from_officer_id: Mapped[str] = mapped_column(ForeignKey("officer.id"))
    shift_start: Mapped[str]
    written_at: Mapped[str]
    note: Mapped[str] = mapped_column(default="")
    receipts: Mapped[str] = mapped_column(default="[]")  # JSON: serial and reason of each open
    visits: Mapped[str] = mapped_column(default="[]")  # JSON: code, due day and person of each
    to_officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    acknowledged_at: Mapped[str] = mapped_column(default="")
    acknowledgement: Mapped[str] = mapped_column(default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class ReminderSheet(Base):
    """A reminder sheet for repeated police treatment (重复警情提示单): issued by this station or
    by HQ's command centre for a repeat, answered with the three feedbacks (receipt, progress,
    result) and cleared with evidence. `reports` is a JSON list of the linked reports as the
    issuer saw them (serial, unit, received, type), since HQ's may name other stations'."""

    __tablename__ = "reminder_sheet"
    __table_args__ = (Index("ix_reminder_sheet_status_deadline", "status", "deadline"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    origin: Mapped[str]
    issuing_unit: Mapped[str]
    receiving_unit: Mapped[str]
    rule_id: Mapped[str]
    rule_label: Mapped[str]
    key_kind: Mapped[str]
    key_value: Mapped[str]
    reports: Mapped[str]
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case_file.id"))
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("officer.id"))
    deadline: Mapped[str]
    status: Mapped[str]
    receipt_text: Mapped[str] = mapped_column(default="")
    receipt_at: Mapped[str] = mapped_column(default="")
    progress_text: Mapped[str] = mapped_column(default="")
    progress_at: Mapped[str] = mapped_column(default="")
    result_text: Mapped[str] = mapped_column(default="")
    result_at: Mapped[str] = mapped_column(default="")
    cleared_at: Mapped[str] = mapped_column(default="")
    revision_no: Mapped[int] = mapped_column(default=1)
    created_utc: Mapped[str]
    updated_utc: Mapped[str]


class AuditEntry(Base):
    """One link of the tamper-evident chain (app.db.audit_chain): who did what, when, to which
    record; `hash` chains it to the entry before. `detail` never holds personal data."""

    __tablename__ = "audit"

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at_utc: Mapped[str]
    officer_id: Mapped[str | None]
    action: Mapped[str]
    record_kind: Mapped[str | None]
    record_id: Mapped[str | None] = mapped_column(index=True)
    revision_id: Mapped[str | None] = mapped_column(unique=True)
    revision_digest: Mapped[str | None]
    detail: Mapped[str]
    hash: Mapped[str]
