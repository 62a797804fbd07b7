"""The command line as a scheduled task or an administrator would use it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def init_station(d: Path) -> subprocess.CompletedProcess[str]:
    return cli(
        "init",
        "--data-dir",
        str(d),
        "--unit-code",
        "140107",
        "--unit-name",
        "三桥派出所",
        "--contact-phone",
        "0351-3041234",
        "--officer-badge",
        "000001",
        "--officer-name",
        "赵毅君",
        stdin="a-good-password\n",
    )


def test_init_demo_data_export(tmp_path: Path) -> None:
    d = tmp_path / "desk"
    r = init_station(d)
    assert r.returncode == 0, r.stderr
    again = cli(
        "init",
        "--data-dir",
        str(d),
        "--unit-code",
        "140107",
        "--unit-name",
        "x",
        "--contact-phone",
        "0351-3041234",
        "--officer-badge",
        "000002",
        "--officer-name",
        "x",
        stdin="a-good-password\n",
    )
    assert again.returncode == 2 and "already holds a station" in again.stderr
    r = cli("demo-data", "--data-dir", str(d), "--records", "300")
    assert r.returncode == 0, r.stderr
    out = tmp_path / "all.jsonl"
    r = cli("export", "--data-dir", str(d), "--out", str(out))
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) >= 300  # the bulk reports and the casework played out on top
    types = {rec["incident_type"] for rec in records if rec["incident_type"]}
    assert len(types) > 30
    phones = [rec["reporter_phone"] for rec in records if rec["reporter_phone"]]
    assert len(phones) - len(set(phones)) > 10, "demo data should have reporters who come back"
    from app.domain.validation import validate_id_number

    for rec in records:
        if rec["reporter_id_number"]:
            validate_id_number(rec["reporter_id_number"])
        assert rec["revisions"][0]["action"] == "receive"
    sheet = tmp_path / "visits.xlsx"
    r = cli(
        "export", "--data-dir", str(d), "--format", "xlsx", "--what", "visits", "--out", str(sheet)
    )
    assert r.returncode == 0 and "visits" in r.stdout, r.stderr
    assert sheet.read_bytes()[:2] == b"PK"  # a workbook


def test_bad_input_gets_clear_messages_not_tracebacks(tmp_path: Path) -> None:
    r = cli(
        "init",
        "--data-dir",
        str(tmp_path / "a"),
        "--unit-code",
        "1",
        "--unit-name",
        "x",
        "--contact-phone",
        "0351-3041234",
        "--officer-badge",
        "0",
        "--officer-name",
        "x",
        stdin="short\n",
    )
    assert r.returncode == 2
    assert "unit_code" in r.stderr and "password" in r.stderr and "Traceback" not in r.stderr
    corrupt = tmp_path / "corrupt"
    assert init_station(corrupt).returncode == 0
    (corrupt / "station.sqlite3").write_bytes(b"garbage" * 1000)  # the disk ate the file
    r = cli("export", "--data-dir", str(corrupt), "--out", str(tmp_path / "x.jsonl"))
    assert r.returncode == 2 and "damaged" in r.stderr and "Traceback" not in r.stderr
    (corrupt / "station.key.json").unlink()  # and the key record beside it: no way to tell
    r = cli("export", "--data-dir", str(corrupt), "--out", str(tmp_path / "x.jsonl"))
    assert r.returncode == 2 and "unlock" in r.stderr and "Traceback" not in r.stderr
    r = cli("export", "--data-dir", str(tmp_path / "nothing"), "--out", str(tmp_path / "x.jsonl"))
    assert r.returncode == 2 and "no station" in r.stderr


def test_read_only_database_is_explained(tmp_path: Path) -> None:
    d = tmp_path / "ro"
    assert (
        cli(
            "init",
            "--data-dir",
            str(d),
            "--unit-code",
            "140107",
            "--unit-name",
            "所",
            "--contact-phone",
            "0351-3041234",
            "--officer-badge",
            "000001",
            "--officer-name",
            "赵",
            stdin="a-good-password\n",
        ).returncode
        == 0
    )
    if os.geteuid() == 0:
        # root ignores file modes; an immutable read-only mount is the real-world equivalent
        import pytest

        pytest.skip("running as root: file permissions are not enforced")
    os.chmod(d / "station.sqlite3", 0o444)
    os.chmod(d, 0o555)
    try:
        r = cli("demo-data", "--data-dir", str(d), "--records", "10")
        assert r.returncode == 2 and "Traceback" not in r.stderr
    finally:
        os.chmod(d, 0o755)


def test_self_test_from_source() -> None:
    r = cli("--self-test")
    assert r.returncode == 0, r.stderr
    assert "self-test OK" in r.stdout


def test_recovery_sheet_then_a_new_computer_unlocks_with_it(
    tmp_path: Path, test_keyring: Path
) -> None:
    """The sheet is printed once; on a computer whose keyring lacks the key, the typed recovery
    key opens the station again, and a wrong or mistyped one is told apart."""
    from pypdf import PdfReader

    d = tmp_path / "desk"
    sheet = tmp_path / "sheet.pdf"
    r = cli(
        "init", "--data-dir", str(d), "--unit-code", "140107", "--unit-name", "三桥派出所", "--contact-phone", "0351-3041234",
        "--officer-badge", "000001", "--officer-name", "赵毅君",
        "--recovery-sheet", str(sheet), stdin="a-good-password\n",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    text = PdfReader(sheet).pages[0].extract_text()
    key_line = re.search(r"((?:[0-9A-Z]{4}\s*){14})", text.replace("\n", " "))
    assert key_line and "数据库恢复密钥" in text and "140107" in text
    typed = " ".join(key_line.group(1).split()).lower()  # case and spacing do not matter
    again = cli("recovery-sheet", "--data-dir", str(d), "--out", str(tmp_path / "2.pdf"))
    assert again.returncode == 2 and "--again" in again.stderr

    shutil.rmtree(test_keyring)  # a new computer: the keyring holds nothing
    test_keyring.mkdir()
    r = cli("export", "--data-dir", str(d), "--out", str(tmp_path / "x.jsonl"))
    assert r.returncode == 2 and "unlock" in r.stderr
    r = cli("unlock", "--data-dir", str(d), stdin=typed[:-1] + ("0" if typed[-1] != "0" else "1"))
    assert r.returncode == 2 and "check the 56 letters" in r.stderr
    other = tmp_path / "other"
    assert init_station(other).returncode == 0
    shutil.copy(d / "station.key.json", tmp_path / "mine.json")
    shutil.copy(other / "station.key.json", d / "station.key.json")
    r = cli("unlock", "--data-dir", str(d), stdin=typed)
    assert r.returncode == 2 and "does not open" in r.stderr and "Traceback" not in r.stderr
    shutil.copy(tmp_path / "mine.json", d / "station.key.json")
    r = cli("unlock", "--data-dir", str(d), stdin=typed)
    assert r.returncode == 0, r.stderr
    r = cli("export", "--data-dir", str(d), "--out", str(tmp_path / "x.jsonl"))
    assert r.returncode == 0, r.stderr
