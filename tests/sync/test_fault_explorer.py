"""A randomized, stateful fault explorer for sync: Hypothesis interleaves desk work, syncs and
faults (a sync SIGKILLed at a named step, HQ killed mid-ingest, answers lost after HQ
committed, station and HQ restored from older backups, a fresh HQ, desk clock jumps, a data
folder copied to a second computer, HQ notices), and `settle` checks every invariant (see
tests/sync/explorer.py) now and then and at the end of each sequence.

Environment:
  STATIONDESK_FAULT_EXAMPLES  sequences to run (unset: 6, the bounded run of `make test`; `make soak`: 500)
  STATIONDESK_FAULT_STEPS     steps per sequence (default 30)
  STATIONDESK_FAULT_SEED      run exactly this seed (printed with the summary line)
  STATIONDESK_FAULT_BLOB      replay a failure exactly: "VERSION:BLOB" from the
                              @reproduce_failure('VERSION', b'BLOB') line Hypothesis prints
  STATIONDESK_FAULT_SKIP      comma-separated rule families to leave out, e.g.
                              "copy,relink,hq_restore" (work, sync, kill_station, kill_hq,
                              network, backup, station_restore, hand_restore, hq_restore,
                              relink, clock, copy, notice)
  STATIONDESK_FAULT_SHRINK    0: report the first failing sequence without shrinking it
  STATIONDESK_FAULT_ALL_BUGS  1: a soak goes on after its first bug and reports each kind
  STATIONDESK_FAULT_SUMMARY   also append the summary line to this file
  STATIONDESK_FAULT_VERBOSE   1: print every sequence's steps as it runs (with -s)
Without a seed the default (CI) run is derandomized (a fixed seed); a soak picks a fresh seed.
"""

from __future__ import annotations

import functools
import os
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, Verbosity, reproduce_failure, seed, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from tests.conftest import print_after_the_run
from tests.sync.explorer import (
    CLOCK_JUMPS,
    CRASH_POINTS,
    NETWORK_FAULTS,
    STATS,
    UNIT_CODES,
    Desk,
    World,
)

pytestmark = pytest.mark.slow  # parallel runs start it first

DEFAULT_EXAMPLES = 6  # the bounded run in every `make test`; `make soak` runs 500
EXAMPLES = int(os.environ.get("STATIONDESK_FAULT_EXAMPLES") or DEFAULT_EXAMPLES)
STEPS = int(os.environ.get("STATIONDESK_FAULT_STEPS") or 30)
SOAK = EXAMPLES > DEFAULT_EXAMPLES
if os.environ.get("STATIONDESK_FAULT_SEED"):
    SEED = int(os.environ["STATIONDESK_FAULT_SEED"])
elif SOAK:
    SEED = random.SystemRandom().randrange(2**32)
else:
    SEED = 20260101
SKIP = {f.strip() for f in os.environ.get("STATIONDESK_FAULT_SKIP", "").split(",") if f.strip()}
SHRINK = os.environ.get("STATIONDESK_FAULT_SHRINK", "1") != "0"

DESK = st.integers(0, 3)  # which active desk (modulo how many there are)
WHICH = st.integers(0, 40)  # which report, visit, file or backup (modulo how many)


def step(fn: Callable[..., None]) -> Callable[..., None]:
    """Counts the step, lets a desk clock jump run out, and notes whether it ended (the
    final settle is skipped after a step that raised: its failure is the report)."""

    @functools.wraps(fn)
    def run(self: Machine, **kwargs: Any) -> None:
        self.world.begin(fn.__name__)
        fn(self, **kwargs)
        self.world.in_step = False

    return run


def family(name: str):  # noqa: ANN201 - a precondition
    """Only what the drawn steps decide may enable a rule: outcomes that hang on timing (a
    refusal after HQ was killed) would make Hypothesis's replays draw differently. A step
    whose desk or backup is not there does nothing."""
    return precondition(lambda self: name not in SKIP)


class Machine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.world = World()

    @initialize(two=st.booleans())
    def stations(self, two: bool) -> None:
        self.world.begin("stations")
        for unit in UNIT_CODES[: 2 if two else 1]:
            self.world.add_station(unit)
        self.world.routine_backups()
        self.world.in_step = False

    # -- desk work ------------------------------------------------------------------------------
    @family("work")
    @rule(
        desk=DESK,
        phone=st.integers(0, 4),
        address=st.integers(0, 2),
        kind=st.integers(0, 1),
        complete=st.sampled_from([True, True, True, False]),
    )
    @step
    def receive(self, desk: int, phone: int, address: int, kind: int, complete: bool) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.receive(d, phone, address, kind, complete)

    @family("work")
    @rule(
        desk=DESK,
        which=WHICH,
        action=st.sampled_from(["handle", "close", "refer", "correct", "complete"]),
        phone=st.integers(0, 4),
    )
    @step
    def edit(self, desk: int, which: int, action: str, phone: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.edit(d, which, action, phone)

    @family("work")
    @rule(desk=DESK, which=WHICH)
    @step
    def void(self, desk: int, which: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.void(d, which)

    @family("work")
    @rule(
        desk=DESK,
        which=WHICH,
        outcome=st.sampled_from(["satisfied", "dissatisfied", "not_reached", "refused"]),
    )
    @step
    def visit_outcome(self, desk: int, which: int, outcome: str) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.visit_outcome(d, which, outcome)

    @family("work")
    @rule(desk=DESK, which=WHICH, op=st.sampled_from(["open", "log", "plan", "clear"]))
    @step
    def case_file(self, desk: int, which: int, op: str) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.case_file(d, which, op)

    # -- syncs and their faults -----------------------------------------------------------------
    @family("sync")
    @rule(desk=DESK)
    @step
    def sync(self, desk: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.sync(d)

    @family("kill_station")
    @rule(desk=DESK, point=st.sampled_from(CRASH_POINTS), batch=st.integers(1, 4))
    @step
    def kill_station_sync(self, desk: int, point: str, batch: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.kill_station_sync(d, point, batch)

    @family("kill_hq")
    @rule(desk=DESK, delay_ms=st.integers(0, 250), batch=st.integers(1, 3))
    @step
    def kill_hq_mid_sync(self, desk: int, delay_ms: int, batch: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.kill_hq_mid_sync(d, delay_ms / 1000, batch)

    @family("network")
    @rule(desk=DESK, kind=st.sampled_from(sorted(NETWORK_FAULTS)), lead=st.integers(0, 3))
    @step
    def network_fault(self, desk: int, kind: str, lead: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.network_fault(d, kind, lead)

    # -- backups and restores -------------------------------------------------------------------
    @family("backup")
    @rule(desk=DESK)
    @step
    def station_backup(self, desk: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.station_backup(d)

    def _restorable(self) -> list[Desk]:
        """A desk with a backup, not one of two live copies (which computer's disk died would
        be ambiguous)."""
        return [
            d for d in self.world.active_desks() if d.backups and not self.world.open_episode(d)
        ]

    @family("station_restore")
    @rule(desk=DESK, which=WHICH)
    @step
    def station_restore(self, desk: int, which: int) -> None:
        if eligible := self._restorable():
            self.world.station_restore(eligible[desk % len(eligible)], which, by_hand=False)

    @family("hand_restore")
    @rule(desk=DESK, which=WHICH)
    @step
    def station_restore_by_hand(self, desk: int, which: int) -> None:
        if eligible := self._restorable():
            self.world.station_restore(eligible[desk % len(eligible)], which, by_hand=True)

    @family("backup")
    @rule()
    @step
    def hq_backup(self) -> None:
        self.world.hq_backup()

    def _settle_refusals(self) -> None:
        """A refused copy is judged (and retired) before HQ changes under it."""
        if any(d.refusal for d in self.world.live_desks()):
            self.world.settle()

    @family("hq_restore")
    @rule(which=WHICH)
    @step
    def hq_restore(self, which: int) -> None:
        self._settle_refusals()
        if self.world.hq.backups:
            self.world.hq_restore(which)

    @family("relink")
    @precondition(lambda self: self.world.hq_no < 3)  # two fresh HQs a sequence at most
    @rule()
    @step
    def relink_to_fresh_hq(self) -> None:
        self._settle_refusals()
        self.world.relink()

    # -- the rest -------------------------------------------------------------------------------
    @family("clock")
    @rule(kind=st.sampled_from(CLOCK_JUMPS), steps=st.integers(1, 4))
    @step
    def clock_jump(self, kind: str, steps: int) -> None:
        self.world.clock_jump(kind, steps)

    def _copyable(self) -> list[Desk]:
        live = self.world.live_desks()
        if len(live) >= 3:
            return []
        return [d for d in self.world.active_desks() if [x.unit for x in live].count(d.unit) == 1]

    @family("copy")
    @rule(desk=DESK)
    @step
    def copy_folder(self, desk: int) -> None:
        if eligible := self._copyable():
            self.world.copy_folder(eligible[desk % len(eligible)])

    @family("notice")
    @rule(desk=DESK)
    @step
    def hq_notice(self, desk: int) -> None:
        if (d := self.world.pick(desk)) is not None:
            self.world.notice(d)

    @rule()
    @step
    def settle(self) -> None:
        self.world.settle()

    def teardown(self) -> None:
        """Every sequence ends settled and checked, unless a step already failed."""
        try:
            if not self.world.in_step:
                self.world.in_step = True
                self.world.settle()
        finally:
            if os.environ.get("STATIONDESK_FAULT_VERBOSE"):
                print(f"sequence: {' '.join(self.world.log)}")  # noqa: T201
            self.world.close()


Machine = seed(SEED)(Machine)
if os.environ.get("STATIONDESK_FAULT_BLOB"):  # "6.170.17:AXic..." from @reproduce_failure
    _version, _, _blob = os.environ["STATIONDESK_FAULT_BLOB"].partition(":")
    Machine = reproduce_failure(_version, _blob.strip().strip("b'").encode())(Machine)

Machine.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
    print_blob=True,
    # a soak stops at its first bug instead of running on (STATIONDESK_FAULT_ALL_BUGS=1: not)
    report_multiple_bugs=not SOAK or os.environ.get("STATIONDESK_FAULT_ALL_BUGS") == "1",
    phases=[p for p in Phase if SHRINK or p not in (Phase.shrink, Phase.explain)],
    verbosity=Verbosity.verbose
    if os.environ.get("STATIONDESK_FAULT_VERBOSE")
    else Verbosity.normal,
)
TestFaultExplorer = Machine.TestCase


@pytest.fixture(scope="module", autouse=True)
def _summary(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN202
    """One line a soak can count: sequences, steps and faults run, and the seed to repeat."""
    yield
    line = f"{STATS.line()}; seed {SEED} (STATIONDESK_FAULT_SEED={SEED} repeats it)"
    print_after_the_run(request.config, line)
    targets = [Path(tmp_path_factory.getbasetemp()) / "fault-explorer-summary.txt"]
    if os.environ.get("STATIONDESK_FAULT_SUMMARY"):
        targets.append(Path(os.environ["STATIONDESK_FAULT_SUMMARY"]))
    for target in targets:
        with target.open("a", encoding="utf-8") as f:
            f.write(line + "\n")
