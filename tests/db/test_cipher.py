"""The encrypted file seen through SQLCipher directly."""

from __future__ import annotations

import os
from contextlib import closing
from pathlib import Path

import pytest

from app import errors
from app.db import cipher


def test_a_wrong_key_is_an_error_and_nothing_on_the_console(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "s.db"
    with closing(cipher.connect(path, os.urandom(32))) as conn:
        conn.execute("CREATE TABLE t (x)")
    with (
        closing(cipher.connect(path, os.urandom(32))) as conn,
        pytest.raises(errors.DatabaseKeyWrongError),
    ):
        cipher.check_readable(conn)
    out, err = capfd.readouterr()
    assert "hmac" not in (out + err).lower() and "ERROR" not in out + err
