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
from app.services import receiving, reports
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Xvfb and xdotool are Linux tools"
)


def start_display(size: str) -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as f:
        number = f.readline().strip()
    return server, number


@pytest.fixture
def display() -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.fail("Xvfb and xdotool are missing: run scripts/install-system-deps.sh")
    # The smallest screen a desk PC has: what does not fit here is off-screen somewhere.
    server, number = start_display("1024x768")
    try:
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


def start_app(data_dir: Path, display: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data_dir), "--lang", "en"],
        cwd=ROOT,
        env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def sign_in(display: str) -> None:
    wait_for(lambda: xdotool(display, "search", "--name", "sign in"), "no sign-in window came up")
    xdotool(display, "type", "--delay", "30", "000001")
    xdotool(display, "key", "Tab")
    xdotool(display, "type", "--delay", "30", PASSWORD)
    xdotool(display, "key", "Return")
    wait_for(lambda: not xdotool(display, "search", "--name", "sign in"), "sign-in did not finish")
    time.sleep(1)  # the main window shows; nobody clicks it


def stop(app: subprocess.Popen[bytes]) -> str:
    """The app's stderr once it has gone (a traceback there is a bug)."""
    app.terminate()
    try:
        app.wait(timeout=15)
    except subprocess.TimeoutExpired:
        app.kill()
        app.wait(timeout=15)
    assert app.stderr is not None
    return app.stderr.read().decode(errors="replace")


def test_after_sign_in_and_unlock_f2_receives_without_a_click(
    store: Store, data_dir: Path, display: str
) -> None:
    store.close()
    app = start_app(data_dir, display)
    try:
        sign_in(display)
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
        errors = stop(app)
    assert "Traceback" not in errors


# One ordinary intake as a desk officer types it: every field but the ID number filled.
INTAKE = (
    ("reporter_name", "王芳"),
    ("reporter_phone", "13912345678"),
    ("reporter_id_number", ""),
    ("reporter_address", "太原市杏花岭区新建路12号3栋2单元501室"),
    ("incident_type", "dq"),  # the pinyin initials of 盗窃 (theft), the first match
    ("incident_time", "2024-01-02 21:30"),
    ("incident_place", "新建路12号楼下"),
    ("summary", "报警人称其停放在楼下的电动车被盗。"),
)
CONTROL_KEYS_AT_MOST = 8  # from F2 to saved, F2 not counted


def test_an_intake_from_f2_to_saved_takes_at_most_eight_control_keys(
    store: Store, data_dir: Path, display: str
) -> None:
    """Keyboard only: Enter goes on to the next field that applies (the reason for having no
    phone is skipped once a phone is typed), Enter in the type field chooses the highlighted
    match, Ctrl+S saves from the summary. Every key that is not text is counted."""
    store.close()
    app = start_app(data_dir, display)
    control: list[str] = []

    def key(name: str) -> None:
        control.append(name)
        xdotool(display, "key", name)
        time.sleep(0.2)  # a person's pause; xdotool's remapped keys need the app to catch up

    try:
        sign_in(display)
        xdotool(display, "key", "F2")
        wait_for(lambda: receipts(data_dir) == 1, "F2 drew no receipt")
        report_id = unfinished_ids(data_dir)[0]
        time.sleep(0.5)
        for index, (_name, text) in enumerate(INTAKE):
            if text:  # xdotool maps each Chinese character to a spare key: slower
                xdotool(display, "type", "--delay", "20" if text.isascii() else "120", text)
            if index < len(INTAKE) - 1:
                key("Return")
        size = window_size(display, "StationDesk -")  # the form full, before the save
        key("ctrl+s")
        wait_for(lambda: not receipts(data_dir), "Ctrl+S did not save the intake")
        saved = saved_report(data_dir, report_id)
    finally:
        errors = stop(app)
    assert "Traceback" not in errors
    assert len(control) <= CONTROL_KEYS_AT_MOST, control
    assert size[0] <= 1024 and size[1] <= 768, f"the window outgrew the screen: {size}"
    assert saved["status"] == "received"
    assert saved["incident_type"] == "C01"
    for name, text in INTAKE:
        if name != "incident_type":
            assert saved[name].replace(" ", "") == text.replace(" ", ""), name


def window_size(display: str, title: str) -> tuple[int, int]:
    """Width and height of the visible window whose title starts with `title`."""
    ids = xdotool(display, "search", "--onlyvisible", "--name", title).split()
    assert ids, f"no window {title!r}"
    shell = dict(
        line.split("=", 1)
        for line in xdotool(display, "getwindowgeometry", "--shell", ids[0]).splitlines()
        if "=" in line
    )
    return int(shell["WIDTH"]), int(shell["HEIGHT"])


def unfinished_ids(data_dir: Path) -> list[str]:
    store = open_station(data_dir)
    try:
        return [r.id for r in receiving.unfinished_receipts(store)]
    finally:
        store.close()


def saved_report(data_dir: Path, report_id: str) -> dict[str, object]:
    store = open_station(data_dir)
    try:
        return reports.get_report(store, report_id)
    finally:
        store.close()


def test_every_view_fits_a_1024_by_768_screen(store: Store, data_dir: Path, display: str) -> None:
    """The chief opens each view by its key on the smallest desk screen, with no window
    manager to clamp anything: the window never outgrows the screen."""
    store.close()
    app = start_app(data_dir, display)
    sizes: dict[str, tuple[int, int]] = {}
    try:
        sign_in(display)
        for keys in ("F2", "ctrl+f", "ctrl+r", "ctrl+k", "ctrl+t", "ctrl+g", "ctrl+j"):
            xdotool(display, "key", keys)
            time.sleep(1.0)  # the view is built and shown
            sizes[keys] = window_size(display, "StationDesk -")
    finally:
        errors = stop(app)
    assert "Traceback" not in errors
    too_big = {k: s for k, s in sizes.items() if s[0] > 1024 or s[1] > 768}
    assert not too_big, f"the window outgrew the screen: {too_big}"
