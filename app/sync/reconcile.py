"""HQ's view of this station against the desk's, before anything is pushed.

HQ can hold less than it acknowledged (restored from a backup, rebuilt, another HQ), a copy of
the data folder on a second computer can write under the same identity, and the desk itself can
be put back from a backup. Each leaves a trace in HQ's generations (`protocol.GenerationState`)
that only this side can read against its own log; the verdicts here decide whether the desk
rewinds, follows another computer's work, or starts a new generation and takes back what HQ
holds that it lost (telling HQ of a copy with the next push).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from sqlalchemy import func, select, text

from app import errors
from app.db import audit_chain, audit_seal
from app.db.engine import Store
from app.db.models import Revision
from app.db.revisions import Tracked, station_row
from app.sync import outbox, protocol
from app.sync.client import HqClient
from app.sync.report import SyncReport

SPLIT_MESSAGE = (
    "HQ refuses records from this computer: another computer is using this station's identity "
    "(a copied data folder, or a backup restored while the old PC still runs). Every record "
    "stays here; keep receiving on one computer only and ask HQ which one is the station's."
)

log = logging.getLogger("stationdesk.sync")


@dataclass
class _Desk:
    """What the desk believes, read in one transaction."""

    generation: int
    base: int
    last_seq: int
    acked_seq: int
    restored: bool


class Reconciler:
    """One run's reading of HQ's generations; `split` is what the next push tells HQ."""

    def __init__(
        self,
        store: Store,
        computer: str | None,
        step: Callable[[str], None],
        tracked: Mapping[str, Tracked] | None = None,
    ) -> None:
        self.store = store
        self.computer = computer
        self.step = step
        self.tracked = tracked or {}  # how each kind of record reads whole, for renumberings
        self.split = False

    def _desk(self) -> _Desk:
        with self.store.read() as s:
            st = station_row(s)
            restored = outbox.state_row(s).restored
            return _Desk(st.generation, st.generation_base, st.last_seq, st.acked_seq, restored)

    def reconcile(self, client: HqClient, report: SyncReport) -> None:
        """HQ's view first: a refused copy, signs that this desk was restored from a backup,
        another computer's work to follow, HQ holding less than it acknowledged, or an
        acknowledgement whose answer was lost."""
        hq = client.status()
        self.step("after_status")
        generation = self._desk().generation
        mine = next((g for g in hq.generations if g.generation == generation), None)
        if mine is not None and mine.refused:
            raise errors.StationSplitError(SPLIT_MESSAGE)
        self.take_back(client, hq, report)  # a killed run's unfinished restart comes first
        reused = self._numbered_alike(client, hq)
        if reused is not None and not self._another_computer(reused[0]):
            self.restart(client, hq, report, take_from=reused[1], rewound=True)
            return
        desk = self._desk()
        live = [g for g in hq.generations if not g.refused]
        # A newer generation of this station at HQ is this desk's own later life when the desk
        # was restored from a backup, or when this computer made it (the file was put back by
        # hand); another computer's is a copy's, and this desk goes on in its own (HQ then
        # refuses the other computer as soon as this one brings new work).
        newer = any(
            desk.restored or self._this_computer(g) for g in live if g.generation > generation
        )
        ahead = mine is not None and mine.high_seq > desk.last_seq
        # another computer's revisions at seqs this desk believes acknowledged: its numbers
        # are taken (a copy), below HQ's watermark as well as at it
        taken = (mine is not None and not self._holds_mine(mine)) or reused is not None
        diverged = self._diverged(desk, live)
        follow = None if desk.restored or newer else self._to_follow(desk, live)
        if follow is not None and not (ahead or taken or diverged):
            self.restart(client, hq, report, self._take_from(follow))
            return
        if newer or ahead or taken or (diverged and not desk.restored):
            # seqs HQ holds that this desk did not write: its own earlier life's (restored)
            # or a second computer's with this identity; HQ keeps the push and refuses the copy
            own_work = desk.last_seq > desk.acked_seq
            self.split = self.split or (
                not desk.restored
                and not newer
                and (diverged or (mine is not None and self._copy_took(mine, taken, own_work)))
            )
            self.restart(client, hq, report)
            return
        self._rewind(hq, live, mine, generation, report)

    def _diverged(self, desk: _Desk, live: list[protocol.GenerationState]) -> bool:
        """An older generation, another computer's, whose newest acknowledged revision this
        desk does not hold, while this desk has revisions of its own in its generation: a copy
        that took the other's records back and went on, while the other went on too. Their
        seqs need not overlap (a desk that found HQ behind starts above all HQ holds), so HQ
        cannot tell; this desk can, and says so with its push."""
        return desk.last_seq >= desk.base and any(
            self._another_computer(g) and g.acknowledged_id and not self._holds(g)
            for g in live
            if g.generation < desk.generation
        )

    def _to_follow(
        self, desk: _Desk, live: list[protocol.GenerationState]
    ) -> protocol.GenerationState | None:
        """Another computer's generation holding work this desk lacks, while this desk has
        nothing HQ lacks: a copy that went on alone (it found HQ behind and moved to a
        generation of its own). This desk follows, taking that work back, so HQ and every desk
        of the station show the same records until one of them brings work of its own."""
        if desk.last_seq > desk.acked_seq:
            return None
        lacking = [
            g
            for g in live
            if g.generation != desk.generation
            and self._another_computer(g)
            and g.acknowledged_id
            and not self._holds(g)
        ]
        return min(lacking, key=lambda g: g.generation, default=None)

    def _rewind(
        self,
        hq: protocol.StatusResponse,
        live: list[protocol.GenerationState],
        mine: protocol.GenerationState | None,
        generation: int,
        report: SyncReport,
    ) -> None:
        with self.store.write() as s:
            st = station_row(s)
            note = outbox.rewind_to_hq(
                s,
                st,
                {g.generation: g.acknowledged_seq for g in live},
                max((g.high_seq for g in hq.generations), default=0),
                max((g.generation for g in hq.generations), default=0),
            )
            if note is not None:
                report.hq_behind = note["revisions"]
                if st.generation != generation:
                    report.new_generation = st.generation
                log.warning(
                    "HQ holds less than it acknowledged: %d revisions sent again",
                    note["revisions"],
                )
            elif (
                mine is not None
                and st.generation == generation
                and mine.acknowledged_seq > st.acked_seq
            ):
                st.acked_seq = min(mine.acknowledged_seq, st.last_seq)

    def after_conflict(self, client: HqClient, report: SyncReport) -> None:
        """HQ answered that a pushed seq is used already: numbers this desk did not write."""
        hq = client.status()
        desk = self._desk()
        mine = next((g for g in hq.generations if g.generation == desk.generation), None)
        self.split = not desk.restored and (mine is None or self._copy_took(mine, True, True))
        self.restart(client, hq, report)

    def _numbered_alike(
        self, client: HqClient, hq: protocol.StatusResponse
    ) -> tuple[protocol.GenerationState, tuple[int, int]] | None:
        """HQ restored from one backup and this desk from another can each hold a different
        life of the station, numbered alike: HQ then holds other revisions at seqs this desk
        believes acknowledged as its own, and every number agrees. Their ids do not. Returns
        (generation, seq) up to which HQ really holds this desk's work when HQ lacks the newest
        revision it acknowledged, else None (HQ lacking it by number too is the plain rewind's
        business; the usual contact costs no request: HQ names its revision at that seq), with
        HQ's generation there: written by this computer, or one HQ cannot name, it is this
        desk's own other life; by another computer, a copy's."""
        with self.store.read() as s:
            probes = outbox.acknowledged_probes(s, station_row(s))
        if not probes:
            return None
        top_seq, top_generation, top_id = probes[0]
        g = next((g for g in hq.generations if g.generation == top_generation), None)
        if g is None or g.acknowledged_seq < top_seq:
            return None
        if g.acknowledged_seq == top_seq and g.acknowledged_id in ("", top_id):
            return None
        held = client.holds([p[2] for p in probes])
        if top_id in held:
            return None
        found = next(((gen, seq) for seq, gen, rid in probes if rid in held), None)
        return g, found or (probes[-1][1], probes[-1][0] - 1)

    # -- readings of one generation -----------------------------------------------------------
    def _this_computer(self, g: protocol.GenerationState) -> bool:
        return bool(g.computer) and g.computer == self.computer

    def _another_computer(self, g: protocol.GenerationState) -> bool:
        return bool(g.computer) and g.computer != self.computer

    def _holds(self, g: protocol.GenerationState) -> bool:
        with self.store.read() as s:
            return s.get(Revision, g.acknowledged_id) is not None

    def _copy_took(self, mine: protocol.GenerationState, taken: bool, own_work: bool) -> bool:
        """Whether the seqs HQ holds beyond this desk's were written by another computer.
        From this computer they are its own earlier life: the file was put back from a backup
        by hand. HQ that does not know the computer: only numbers taken by other revisions
        tell (a desk merely behind is taken for restored)."""
        if not mine.computer:
            return taken
        return mine.computer != self.computer and (taken or own_work)

    def _holds_mine(self, mine: protocol.GenerationState) -> bool:
        """Whether the revision HQ acknowledged last in this generation is this desk's own.
        Another computer with this station's identity (a copied data folder) numbers the same
        seqs: HQ holding its revision there means this desk's numbers are taken. That holds
        below the desk's own watermark too: HQ restored or replaced may hold the other's
        revision at a seq this desk believes acknowledged as its own."""
        if not mine.acknowledged_id:
            return True
        with self.store.read() as s:
            st = station_row(s)
            if mine.acknowledged_seq > st.last_seq:
                return True  # HQ is ahead (checked apart)
            own = s.scalar(select(Revision.id).where(Revision.seq == mine.acknowledged_seq))
        return own is None or own == mine.acknowledged_id

    def _take_from(self, g: protocol.GenerationState) -> tuple[int, int]:
        """Where following another computer's generation starts: above what this desk holds
        of it already."""
        with self.store.read() as s:
            held = s.scalar(
                select(func.max(Revision.seq)).where(Revision.generation == g.generation)
            )
        return g.generation, max(held or 0, g.base_seq - 1)

    # -- a new generation and what comes back -------------------------------------------------
    def restart(
        self,
        client: HqClient,
        hq: protocol.StatusResponse,
        report: SyncReport,
        take_from: tuple[int, int] | None = None,
        rewound: bool = False,
    ) -> None:
        """A new generation above all HQ holds, taking back what HQ holds that this desk
        lacks. `rewound`: HQ lacks this desk's work above `take_from`'s seq, which it had
        acknowledged; that work goes out again in the new generation, and HQ raises the
        alarm."""
        hq_high = max((g.high_seq for g in hq.generations), default=0)
        hq_newest = max((g.generation for g in hq.generations), default=0)
        with self.store.write() as s:
            st = station_row(s)
            believed = st.acked_seq
            if rewound and take_from is not None:
                st.acked_seq = take_from[1]
                resend = s.scalar(
                    select(func.count()).where(
                        Revision.seq > st.acked_seq, Revision.seq <= believed
                    )
                )
            old_generation, old_acked = outbox.start_new_generation(
                s, st, hq_high, max(st.generation, hq_newest) + 1
            )
            if rewound and take_from is not None:
                note = outbox.note_hq_behind(
                    s, take_from[1], believed, resend or 0, st.generation_base
                )
                report.hq_behind = note["revisions"]
                log.warning(
                    "HQ holds other revisions at seqs it had acknowledged from this desk: "
                    "%d revisions sent again",
                    note["revisions"],
                )
            outbox.note_restart(s, *(take_from or (old_generation, old_acked)), self.split)
            report.new_generation = st.generation
            head = audit_chain.head(lambda sql, args: s.execute(text(sql)))
        if not self.split:
            # this desk's file was put back from a backup (by the app, or by hand on this
            # computer): its chain's later entries went with the disk, and HQ records the
            # restart with the next push; the seal beside the file follows the restored chain
            audit_seal.reset(self.store.path.parent, *head)
        self.step("after_new_generation")
        self.take_back(client, hq, report)

    def take_back(self, client: HqClient, hq: protocol.StatusResponse, report: SyncReport) -> None:
        """HQ's copies of what this desk lost, from the generation it left on. The work is
        noted with the new generation and each page records its progress, so a run killed
        half-way is finished by the next (before anything else), not forgotten."""
        with self.store.read() as s:
            restart = outbox.pending_restart(s)
            generation = station_row(s).generation
        if restart is None:
            return
        self.split = self.split or restart.split
        if not restart.generation:
            return  # taken back already; HQ is still to hear of the copy with the next push
        for g in sorted(hq.generations, key=lambda g: g.generation):
            if g.generation < restart.resume_generation or g.generation >= generation:
                continue
            if g.refused:
                continue  # a refused generation is another computer's work, not this desk's
            after = restart.after if g.generation == restart.generation else g.base_seq - 1
            if g.generation == restart.resume_generation:
                after = max(after, restart.resume_after)
            while True:
                page = client.recover(g.generation, after)
                if not page.items:
                    break
                with self.store.write() as s:
                    report.recovered += outbox.apply_recovered(
                        s, page.items, g.generation, restart.renumbered, restart.renumbered_records
                    )
                    after = page.items[-1].seq
                    restart.resume_generation, restart.resume_after = g.generation, after
                    outbox.save_restart(s, restart)
                self.step("after_recover_commit")
        with self.store.write() as s:
            outbox.record_renumbering(
                s, restart.renumbered, restart.renumbered_records, self.tracked
            )
            outbox.finish_restart(s, restart)
