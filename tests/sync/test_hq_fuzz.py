"""The HQ API fuzzed against its own OpenAPI document: whatever arrives, no server error and no
answer outside the documented shapes. Over real HTTP, authenticated as an enrolled station."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx


def test_schemathesis_finds_no_server_error_and_no_schema_violation(hq, tmp_path: Path) -> None:
    code = hq.service().issue_enrolment("140107")
    answer = httpx.post(
        f"{hq.url}/v1/enroll",
        json={
            "protocol": 1,
            "code": code,
            "unit_code": "140107",
            "unit_name": "三桥派出所",
            "station_uuid": "0190a2b3-c4d5-7e6f-8a9b-0c1d2e3f4a5b",
        },
    )
    token = answer.json()["station_token"]
    tool = shutil.which("schemathesis") or str(Path(sys.executable).with_name("schemathesis"))
    # as an enrolled station, and as anyone; strings with NUL bytes in them (surrogates, deep
    # nesting and huge numbers inside revisions: tests/sync/test_hostile_bytes.py)
    for auth, examples in ((["-H", f"Authorization: Bearer {token}"], "60"), ([], "25")):
        run = subprocess.run(
            [
                tool,
                "run",
                f"{hq.url}/openapi.json",
                *auth,
                "--checks",
                "all",
                "--max-examples",
                examples,
                "--seed",
                "20261123",
                "--generation-allow-x00",
                "true",
                "--workers",
                "1",
                "--no-color",
            ],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "SCHEMATHESIS_TELEMETRY": "false"},
        )
        summary = run.stdout[-3000:]
        assert run.returncode == 0, summary
        assert "passed" in summary, summary
