"""Run one sync of a station in its own process, killing itself with SIGKILL at a named step.

python -m tests.sync.station_child DATA_DIR CRASH_AT [BATCH [COMPUTER]]
"""

from __future__ import annotations

import json
import os
import signal
import sys
from dataclasses import asdict
from pathlib import Path

from app.db.station_file import open_station
from app.services.sync import sync_engine


def main() -> int:
    data_dir, crash_at = Path(sys.argv[1]), sys.argv[2]
    batch = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    computer = sys.argv[4] if len(sys.argv) > 4 else None

    def step(name: str) -> None:
        if name == crash_at:
            os.kill(os.getpid(), signal.SIGKILL)

    report = sync_engine(
        open_station(data_dir), batch_size=batch, step=step, computer=computer
    ).run_once()
    print(json.dumps(asdict(report)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
