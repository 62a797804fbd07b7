"""The station's tables.

`report` is the current projection; `report_revision` is the immutable history and, through its
gap-free `seq`, the outbox that sync pushes to headquarters. Nothing is ever hard-deleted.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, MetaData, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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


class SerialCounter(Base):
    """Last serial number drawn per local day; bumped in the same transaction as the receipt."""

    __tablename__ = "serial_counter"

    day: Mapped[str] = mapped_column(primary_key=True)
    last_no: Mapped[int]


class Report(Base):
    __tablename__ = "report"
    __table_args__ = (
        UniqueConstraint("serial_day", "serial_no"),
        Index("ix_report_received", "received_utc"),
        Index("ix_report_status_received", "status", "received_utc"),
        Index("ix_report_type_received", "incident_type", "received_utc"),
        Index("ix_report_officer_received", "officer_id", "received_utc"),
        Index("ix_report_phone", "reporter_phone"),
        Index("ix_report_id_number", "reporter_id_number"),
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
    revision_no: Mapped[int] = mapped_column(default=1)
    updated_utc: Mapped[str]


class ReportRevision(Base):
    """One immutable save. `changes` holds {field: [old, new]}; `payload` the whole record."""

    __tablename__ = "report_revision"
    __table_args__ = (UniqueConstraint("report_id", "revision_no"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    report_id: Mapped[str] = mapped_column(ForeignKey("report.id"), index=True)
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

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    kind: Mapped[str]
    payload: Mapped[str]
    created_utc: Mapped[str]
    received_utc: Mapped[str]
    read: Mapped[bool] = mapped_column(default=False)
