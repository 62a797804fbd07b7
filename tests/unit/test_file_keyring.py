"""Secrets go to a file keyring only when STATIONDESK_ALLOW_FILE_KEYRING=1 asks for it by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import credentials, errors
from tests.test_cli import cli


def _keyring_files(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file()]


def test_a_file_keyring_is_refused_unless_asked_for_by_name(
    test_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STATIONDESK_ALLOW_FILE_KEYRING")
    assert credentials.keeps_secrets_in_file()
    with pytest.raises(errors.FileKeyringError, match="STATIONDESK_ALLOW_FILE_KEYRING"):
        credentials.store_database_key("k1", b"\x01" * 32)
    with pytest.raises(errors.FileKeyringError):
        credentials.store_token("station", "secret-token")
    with pytest.raises(errors.FileKeyringError):
        credentials.load_token("station")
    assert _keyring_files(test_keyring) == []  # nothing was written in plain text

    monkeypatch.setenv("STATIONDESK_ALLOW_FILE_KEYRING", "0")  # only "1" asks for it
    with pytest.raises(errors.FileKeyringError):
        credentials.computer_id()

    monkeypatch.setenv("STATIONDESK_ALLOW_FILE_KEYRING", "1")
    credentials.store_token("station", "secret-token")
    assert credentials.load_token("station") == "secret-token"


def test_init_on_a_file_keyring_says_so_in_one_line_and_leaves_no_secret(
    tmp_path: Path, test_keyring: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("STATIONDESK_ALLOW_FILE_KEYRING")
    data_dir = tmp_path / "st"
    done = cli(
        "init",
        "--data-dir",
        str(data_dir),
        "--unit-code",
        "140107",
        "--unit-name",
        "三桥派出所",
        "--contact-phone",
        "0351-3041234",
        "--parent-bureau",
        "杏花岭分局",
        "--officer-badge",
        "000001",
        "--officer-name",
        "赵毅君",
        "--admin-badge",
        "000009",
        "--admin-name",
        "孙立新",
        stdin="demo1234\ndemo1234\n",
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "STATIONDESK_ALLOW_FILE_KEYRING=1" in lines[0], done.stderr
    assert _keyring_files(test_keyring) == []
    assert not (data_dir / "station.sqlite3").exists()


def test_a_keyring_that_cannot_be_loaded_is_said_not_raised(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PYTHON_KEYRING_BACKEND naming a module that is not there (keyrings.alt in the bundle)."""
    import keyring
    import keyring.core

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.gone.file.PlaintextKeyring")
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    assert not credentials.keeps_secrets_in_file()
    with pytest.raises(errors.KeyringUnavailableError, match="cannot be loaded"):
        credentials.load_token("station")
