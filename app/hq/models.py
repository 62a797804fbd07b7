"""Headquarters' tables (PostgreSQL in production, SQLite for a demo).

Stations own their records: `hq_revision` holds every revision exactly once under two permanent
keys, (station, generation, seq) and the revision id; `hq_record` is HQ's projection of each
record's newest state. HQ's own words to stations are `hq_instruction` rows, never edits.
"""

from __future__ import annotations

import uuid

from sqlalchemy import (
    BigInteger,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.common.database import NAMING_CONVENTION


class HqBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class HqStation(HqBase):
    __tablename__ = "hq_station"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_code: Mapped[str] = mapped_column(unique=True)
    unit_name: Mapped[str] = mapped_column(default="")
    station_uuid: Mapped[str | None]
    token_sha256: Mapped[str | None] = mapped_column(unique=True)
    revoked: Mapped[bool] = mapped_column(default=False)
    enrolled_utc: Mapped[str | None]
    last_contact_utc: Mapped[str | None]
    clock_skew_seconds: Mapped[float | None]
    # HQ's view of the station's audit chain: the last entry it saw and its hash, the
    # generation that sent it, and whether the chain has stayed continuous (ok), was restarted
    # by a restore (restarted) or was found rewritten (broken; an alarm says where).
    audit_seq: Mapped[int] = mapped_column(default=0, server_default="0")
    audit_hash: Mapped[str] = mapped_column(default="0" * 64, server_default="0" * 64)
    audit_generation: Mapped[int] = mapped_column(default=0, server_default="0")
    audit_state: Mapped[str] = mapped_column(default="ok", server_default="ok")


class HqEnrolment(HqBase):
    """A one-time code; only its hash is kept, and it is spent on first use."""

    __tablename__ = "hq_enrolment"

    code_sha256: Mapped[str] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    created_utc: Mapped[str]
    expires_utc: Mapped[str]
    used_utc: Mapped[str | None]


class HqGeneration(HqBase):
    """A station's numbering era: a restore from an older backup starts a new one."""

    __tablename__ = "hq_generation"

    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"), primary_key=True)
    generation: Mapped[int] = mapped_column(primary_key=True)
    base_seq: Mapped[int] = mapped_column(BigInteger)
    acknowledged_seq: Mapped[int] = mapped_column(BigInteger)
    high_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    # Another computer pushes new work under an older generation of the same station (a copied
    # data folder, or a backup restored while the old PC still runs): this newer copy is refused.
    refused: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The computer (its id from that desk's keyring) that last stored new work here: seqs HQ
    # holds from this desk's own computer mean its file was put back from a backup; from
    # another computer, a copy runs with this identity ("" before HQ recorded it).
    computer: Mapped[str] = mapped_column(default="", server_default="")


class HqRevision(HqBase):
    __tablename__ = "hq_revision"
    __table_args__ = (
        UniqueConstraint("station_id", "generation", "seq"),
        Index("ix_hq_revision_record", "record_id", "revision_no"),
    )

    id: Mapped[str] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    generation: Mapped[int]
    seq: Mapped[int] = mapped_column(BigInteger)
    record_id: Mapped[str]
    record_kind: Mapped[str] = mapped_column(default="report", server_default="report")
    revision_no: Mapped[int]
    parent_id: Mapped[str | None]
    recorded_at: Mapped[str]
    action: Mapped[str]
    officer_badge: Mapped[str]
    changes: Mapped[str] = mapped_column(Text)
    payload: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str]
    received_utc: Mapped[str]


class HqRecord(HqBase):
    """HQ's view of a record: the payload of its highest revision number."""

    __tablename__ = "hq_record"

    # Keyed by station too: one station can never touch another's record, even by reusing
    # its id (by mistake or on purpose).
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"), primary_key=True)
    id: Mapped[str] = mapped_column(primary_key=True, index=True)
    kind: Mapped[str] = mapped_column(default="report", server_default="report")
    revision_no: Mapped[int]
    revision_id: Mapped[str]
    payload: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str]
    updated_utc: Mapped[str]


class HqQuarantine(HqBase):
    """An item HQ could not accept; kept verbatim and acknowledged so the queue moves on."""

    __tablename__ = "hq_quarantine"
    __table_args__ = (UniqueConstraint("station_id", "generation", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    generation: Mapped[int]
    seq: Mapped[int] = mapped_column(BigInteger)
    raw: Mapped[str] = mapped_column(Text)
    reason: Mapped[str]
    received_utc: Mapped[str]


class HqAlias(HqBase):
    """A key whose revision HQ already holds under another key (sent again after the station
    renumbered it into a new generation): the key counts as received, nothing is stored twice."""

    __tablename__ = "hq_alias"
    __table_args__ = (UniqueConstraint("station_id", "generation", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    generation: Mapped[int]
    seq: Mapped[int] = mapped_column(BigInteger)
    revision_id: Mapped[str]
    received_utc: Mapped[str]


class HqAlarm(HqBase):
    """Something an operator must look at: a resend whose content differs from what HQ holds."""

    __tablename__ = "hq_alarm"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    kind: Mapped[str]
    detail: Mapped[str] = mapped_column(Text)
    created_utc: Mapped[str]


class HqInstruction(HqBase):
    """HQ -> station: notices, catalog versions, reminder sheets. The id is the pull cursor."""

    __tablename__ = "hq_instruction"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Never handed out twice, even by an HQ restored from a backup that numbers ids again.
    uid: Mapped[str] = mapped_column(unique=True, index=True, default=lambda: str(uuid.uuid4()))
    station_id: Mapped[int | None] = mapped_column(ForeignKey("hq_station.id"), index=True)
    kind: Mapped[str]
    payload: Mapped[str] = mapped_column(Text)
    created_utc: Mapped[str]


class HqRecentKey(HqBase):
    """A phone or ID number a station's report carries, with when it was received, for the
    reports inside the longest cross-station window: what detection looks up. Pruned as
    batches arrive, so its size follows the window (some hundred thousand rows for 200
    stations), never the years of history, and its index stays in memory."""

    __tablename__ = "hq_recent_key"
    __table_args__ = (
        UniqueConstraint("station_id", "record_id", "key_kind", "key_value"),
        Index("ix_hq_recent_key_lookup", "key_kind", "key_value", "received_utc"),
        Index("ix_hq_recent_key_received", "received_utc"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    key_kind: Mapped[str]
    key_value: Mapped[str]
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    record_id: Mapped[str]
    serial: Mapped[str]
    incident_type: Mapped[str]
    received_at: Mapped[str]
    received_utc: Mapped[str]


class HqReminder(HqBase):
    """A cross-station repeat found at HQ: waiting in the review queue (`review`) until an
    operator issues it as a reminder sheet (`issued`) or sets it aside (`dismissed`). The
    station's answers come back as revisions of the record with the same id."""

    __tablename__ = "hq_reminder"
    __table_args__ = (Index("ix_hq_reminder_key", "key_kind", "key_value", "created_utc"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(unique=True)
    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    key_kind: Mapped[str]
    key_value: Mapped[str]
    deadline: Mapped[str]
    payload: Mapped[str] = mapped_column(Text)
    created_utc: Mapped[str]
    status: Mapped[str] = mapped_column(default="review", server_default="issued")
    decided_utc: Mapped[str] = mapped_column(default="", server_default="")
    decided_by: Mapped[str] = mapped_column(default="", server_default="")


class HqDisclosure(HqBase):
    """One station's data shown to another (a reminder sheet issued): who decided, when, to
    which station, whose reports, and which of their fields went."""

    __tablename__ = "hq_disclosure"

    id: Mapped[int] = mapped_column(primary_key=True)
    reminder_code: Mapped[str]
    to_station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"))
    about_units: Mapped[str]  # the other stations' unit codes, comma-separated
    fields: Mapped[str]  # the fields of their reports that were sent, comma-separated
    operator: Mapped[str]
    created_utc: Mapped[str]


class HqFact(HqBase):
    """The few fields of a station record HQ's figures count (a report's day, type, status,
    repeat rule, colour; a letter's approval day; a visit's answer), kept beside the payload so
    the figures across 200 stations are index range counts, never JSON parsing."""

    __tablename__ = "hq_fact"
    __table_args__ = (
        Index("ix_hq_fact_day", "kind", "day", "station_id"),
        Index("ix_hq_fact_colour", "kind", "colour_status", "colour"),
    )

    station_id: Mapped[int] = mapped_column(ForeignKey("hq_station.id"), primary_key=True)
    record_id: Mapped[str] = mapped_column(primary_key=True)
    kind: Mapped[str]
    revision_no: Mapped[int]
    day: Mapped[str]  # report: received (station day); letter: approved; visit: answered
    incident_type: Mapped[str] = mapped_column(default="")
    status: Mapped[str] = mapped_column(default="")
    repeat_rule: Mapped[str] = mapped_column(default="")
    colour: Mapped[str] = mapped_column(default="")
    colour_status: Mapped[str] = mapped_column(default="")
    answer: Mapped[str] = mapped_column(default="")  # letter: serial; visit: satisfaction
    phone: Mapped[str] = mapped_column(default="")  # report: the reporter's phone


class HqOperator(HqBase):
    """An HQ operator's API token (only its hash), for the figures across stations."""

    __tablename__ = "hq_operator"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    token_sha256: Mapped[str] = mapped_column(unique=True)
    created_utc: Mapped[str]


class HqRateBucket(HqBase):
    """A token bucket for one caller, in the database every HQ worker and host shares: a
    station's rate limit holds however its requests are spread over processes."""

    __tablename__ = "hq_rate_bucket"

    key: Mapped[str] = mapped_column(primary_key=True)  # "station:<id>"
    tokens: Mapped[float] = mapped_column(Float)
    stamp: Mapped[float] = mapped_column(Float)  # seconds since the epoch, when tokens was set
