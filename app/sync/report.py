"""What one sync run did, shared by the engine, the CLI and the window (no heavy imports)."""

from __future__ import annotations

from dataclasses import dataclass

SKEW_WARNING_SECONDS = 300


@dataclass
class SyncReport:
    ok: bool = False
    skipped: bool = False
    pushed: int = 0
    stored: int = 0
    duplicates: int = 0
    quarantined: int = 0
    mismatches: int = 0
    new_generation: int | None = None
    recovered: int = 0
    hq_behind: int = 0  # revisions HQ had acknowledged but no longer held: sent again
    instructions: int = 0
    pending: int = 0
    error: str = ""
    error_code: str = ""
    retry_after: float | None = None
    clock_skew_seconds: float | None = None
