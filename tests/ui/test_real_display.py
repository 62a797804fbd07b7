"""The real app on a real X display with no window manager (a bare kiosk session), driven by
real key presses: what offscreen tests cannot see (who has the keyboard) is seen here.

Xvfb and xdotool come from scripts/install-system-deps.sh (make setup)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.engine import Store
from app.db.models import AuditEntry
from app.db.station_file import open_station
from app.services import receiving
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Xvfb and xdotool are Linux tools"
)


@pytest.fixture
def display() -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.fail("Xvfb and xdotool are missing: run scripts/install-system-deps.sh")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        with os.fdopen(read) as f:
            number = f.readline().strip()
        assert number, "Xvfb did not start"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def xdotool(display: str, *args: str) -> str:
    done = subprocess.run(
        ["xdotool", *args],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=30,
    )
    return done.stdout.strip()


def wait_for(what: Callable[[], object], message: str, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not what():
        if time.monotonic() > deadline:
            pytest.fail(message)
        time.sleep(0.2)


def receipts(data_dir: Path) -> int:
    store = open_station(data_dir)
    try:
        return len(receiving.unfinished_receipts(store))
    finally:
        store.close()


def audited(data_dir: Path, action: str) -> int:
    store = open_station(data_dir)
    try:
        with store.read() as s:
            return len(s.scalars(select(AuditEntry.seq).where(AuditEntry.action == action)).all())
    finally:
        store.close()


def test_after_sign_in_and_unlock_f2_receives_without_a_click(
    store: Store, data_dir: Path, display: str
) -> None:
    store.close()
    app = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", "en"],
        cwd=ROOT,
        env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_for(
            lambda: xdotool(display, "search", "--name", "sign in"), "no sign-in window came up"
        )
        xdotool(display, "type", "--delay", "30", "000001")
        xdotool(display, "key", "Tab")
        xdotool(display, "type", "--delay", "30", PASSWORD)
        xdotool(display, "key", "Return")
        wait_for(
            lambda: not xdotool(display, "search", "--name", "sign in"), "sign-in did not finish"
        )
        time.sleep(1)  # the main window shows; nobody clicks it
        xdotool(display, "key", "F2")
        wait_for(lambda: receipts(data_dir) == 1, "F2 after sign-in drew no receipt")

        xdotool(display, "key", "ctrl+l")  # lock the screen, then sign in again on it
        wait_for(lambda: audited(data_dir, "lock") == 1, "Ctrl+L did not lock the screen")
        xdotool(display, "type", "--delay", "30", PASSWORD)
        xdotool(display, "key", "Return")
        wait_for(
            lambda: audited(data_dir, "unlock") == 1, "typing on the lock screen did not unlock"
        )
        time.sleep(0.5)
        xdotool(display, "key", "F2")
        wait_for(lambda: receipts(data_dir) == 2, "F2 after unlocking drew no receipt")
    finally:
        app.terminate()
        try:
            app.wait(timeout=15)
        except subprocess.TimeoutExpired:
            app.kill()
    assert app.stderr is not None
    assert "Traceback" not in app.stderr.read().decode(errors="replace")
