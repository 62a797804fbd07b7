"""SIGKILL the real app between the press and the save: the receipt and typed text survive."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import text

from app.db.station_file import open_station
from app.services import receiving
from app.ui.main_window import MainWindow
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def run_until(data_dir: Path, stop_at: str, marker: str) -> None:
    child = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("crash_child.py")),
            str(data_dir),
            stop_at,
            PASSWORD,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.strip() == marker:
                break
        else:
            pytest.fail(f"child ended before {marker}")
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize(("stop_at", "marker"), [("pressed", "PRESSED"), ("typed", "TYPED")])
def test_kill_between_press_and_save(
    qtbot, app_en, store, catalog, data_dir, stop_at, marker
) -> None:
    store.close()
    run_until(data_dir, stop_at, marker)
    survivor = open_station(data_dir)
    with survivor.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    unfinished = receiving.unfinished_receipts(survivor)
    assert len(unfinished) == 1, "the receipt drawn before the kill is gone"
    draft = receiving.load_draft(survivor, unfinished[0].id)
    if stop_at == "typed":
        assert draft is not None
        assert draft["reporter_name"] == "王芳"
        assert draft["reporter_phone"] == "1391234"
    from app.services.station import sign_in

    window = MainWindow(survivor, catalog, sign_in(survivor, "000001", PASSWORD), data_dir)
    qtbot.addWidget(window)
    window.show()
    window.reopen_interrupted_intakes()
    if stop_at == "typed":
        form = window.tabs.currentWidget()
        assert form.report_id == unfinished[0].id
        assert form.findChild(QLineEdit, "reporterName").text() == "王芳"
        assert form.findChild(QLineEdit, "reporterPhone").text() == "1391234"
    else:
        assert window.tabs.currentWidget() is window.desk
        assert window.desk.unfinished.text() == "1"
    survivor.close()
