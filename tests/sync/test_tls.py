"""HTTPS to HQ with the police network's own CA: trusted with --ca-bundle, refused without."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app import errors
from app.services import sync
from app.services.sync import sync_engine
from tests.sync.conftest import HqProcess, free_port
from tests.sync.test_faults import fill


def _openssl(cwd: Path, *args: str) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def police_ca(tmp_path: Path) -> Path:
    """A CA of our own and a certificate for 127.0.0.1 signed by it."""
    d = tmp_path / "pki"
    d.mkdir()
    key = ["-newkey", "rsa:2048", "-nodes"]
    _openssl(
        d,
        "req",
        "-x509",
        *key,
        "-days",
        "2",
        "-subj",
        "/CN=Test Police CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
    )
    _openssl(d, "req", *key, "-subj", "/CN=127.0.0.1", "-keyout", "hq.key", "-out", "hq.csr")
    (d / "ext.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    _openssl(
        d,
        "x509",
        "-req",
        "-in",
        "hq.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        "-out",
        "hq.pem",
    )
    return d


def test_https_with_the_police_ca_bundle(desk, hq_db, tmp_path: Path, police_ca: Path) -> None:
    tls = ["--certfile", str(police_ca / "hq.pem"), "--keyfile", str(police_ca / "hq.key")]
    hq = HqProcess(hq_db, free_port(), tmp_path / "tls.log", tls, ca=police_ca / "ca.pem")
    hq.start()
    try:
        code = hq.service().issue_enrolment("140107")
        with pytest.raises(errors.SyncFailedError) as refused:  # the system CAs do not know it
            sync.enroll(desk, hq.url, code)
        assert "certificate" in str(refused.value).lower()
        sync.enroll(desk, hq.url, code, ca_bundle=str(police_ca / "ca.pem"))
        fill(desk, 2)
        assert sync_engine(desk).run_once().ok
    finally:
        hq.stop()
