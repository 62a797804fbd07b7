"""Every subcommand of `stationdesk` and `stationdesk-hq`, found by walking their argparse trees,
run against what goes wrong on a desk PC: a missing data folder, a damaged database, a folder
given as the output file, an output on a read-only disk, an output on a full disk, a station
on a full disk. Whatever happens: no traceback, and a failure is exit 2 with one line on
stderr; no partial output is left, and a missing folder is not created.

Run in-process (the same `main` the console scripts call), so the whole tree costs seconds."""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import cli
from app.hq import cli as hq_cli
from tests.conftest import PASSWORD

# values for required options, by option name
FILL = {
    "--unit-code": "140107",
    "--unit-name": "三桥派出所",
    "--contact-phone": "0351-3041234",
    "--officer-badge": "000001",
    "--officer-name": "赵毅君",
    "--admin-badge": "000009",
    "--admin-name": "孙立新",
    "--badge": "100301",
    "--name": "李建国",
    "--role": "officer",
    "--date": "2026-12-04",
    "--week": "2026-W49",
    "--period": "2026-W49",
    "--text": "通知",
    "--hq": "http://127.0.0.1:9",
    "--code": "ABCD-EFGH-JKLM",
    "--records": "5",
    "--file": "nosuch.sdbackup",
}
SKIP = {("serve",)}  # runs until stopped


def leaves(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple]:
    """(command path, its parser) for every runnable subcommand."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from leaves(child, (*path, name))


def argv_for(parser: argparse.ArgumentParser, path: tuple[str, ...], paths: dict[str, str]):
    """The command with every required option filled; path options from `paths`."""
    argv = list(path)
    for action in parser._actions:
        option = next((o for o in action.option_strings if o.startswith("--")), None)
        if option is None:
            continue
        if option in paths:
            argv += [option, paths[option]]
        elif action.required:
            argv += [option, FILL[option]]
    return argv


def run(main, argv: list[str], capsys, monkeypatch) -> tuple[int, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"{PASSWORD}\n{PASSWORD}\n" * 3))
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    err = capsys.readouterr().err
    return int(code or 0), err


def check(name: str, code: int, err: str, allowed: tuple[int, ...] = (0, 2)) -> None:
    assert "Traceback" not in err, f"{name}: {err}"
    assert code in allowed, f"{name}: exit {code}: {err}"
    if code == 2:  # 1 is an answer (audit problems found, no visits due), not a failure
        lines = [line for line in err.splitlines() if line.strip() and not line.startswith("  ")]
        assert len(lines) == 1, f"{name}: exit {code} with {len(lines)} lines: {err}"


STATION = sorted(
    (p, parser) for p, parser in leaves(cli.build_parser()) if p != ("init",) and p not in SKIP
)
HQ = sorted((p, parser) for p, parser in leaves(hq_cli.build_parser()) if p not in SKIP)


def init_argv(d: Path) -> list[str]:
    return ["init", "--data-dir", str(d), *[v for k in list(FILL)[:7] for v in (k, FILL[k])]]


@pytest.fixture
def station_dir(tmp_path: Path, capsys, monkeypatch) -> Path:
    d = tmp_path / "station"
    code, err = run(cli.main, init_argv(d), capsys, monkeypatch)
    assert code == 0, err
    argv = ["demo-data", "--data-dir", str(d), "--records", "40"]  # something to write out
    code, err = run(cli.main, argv, capsys, monkeypatch)
    assert code == 0, err
    return d


def test_every_station_command_on_a_missing_folder(tmp_path, capsys, monkeypatch) -> None:
    missing = tmp_path / "no" / "such"
    for path, parser in STATION:
        argv = argv_for(
            parser,
            path,
            {"--data-dir": str(missing), "--out": str(tmp_path / "o"), "--file": "x.sdbackup"},
        )
        code, err = run(cli.main, argv, capsys, monkeypatch)
        check(" ".join(path), code, err, (2,))
        assert not missing.exists(), f"{path} made the missing folder"


def test_every_station_command_on_a_damaged_database(station_dir, capsys, monkeypatch) -> None:
    db = station_dir / "station.sqlite3"
    data = bytearray(db.read_bytes())
    rng = random.Random(7)
    for i in rng.sample(range(len(data)), 200):
        data[i] ^= 0xFF
    db.write_bytes(bytes(data))
    out = station_dir.parent / "out.pdf"
    for path, parser in STATION:
        argv = argv_for(parser, path, {"--data-dir": str(station_dir), "--out": str(out)})
        code, err = run(cli.main, argv, capsys, monkeypatch)
        check(" ".join(path), code, err, (0, 1, 2))
        assert not out.exists() or code == 0


@pytest.mark.parametrize("where", ["a folder", "read-only disk", "full disk"])
def test_every_output_failure_is_one_line_and_leaves_nothing(
    station_dir, tmp_path, capsys, monkeypatch, where: str
) -> None:
    with _target(tmp_path, where) as folder:
        for main, commands, base in (
            (cli.main, STATION, ["--data-dir", str(station_dir)]),
            (hq_cli.main, HQ, ["--db", f"sqlite:///{tmp_path / 'hq.sqlite3'}"]),
        ):
            for path, parser in commands:
                if not any("--out" in a.option_strings for a in parser._actions):
                    continue
                out = folder if where == "a folder" else folder / "out.file"
                argv = argv_for(parser, path, {"--out": str(out), base[0]: base[1]})
                if main is hq_cli.main:
                    hq_cli.main(["db", "upgrade", *base])
                    capsys.readouterr()
                code, err = run(main, argv, capsys, monkeypatch)
                check(" ".join(path), code, err, (1, 2))
                left = [p.name for p in folder.iterdir() if p.name != "filler"]
                assert left == [], f"{path} left {left} on the {where}"


def test_a_station_on_a_full_disk(tmp_path, capsys, monkeypatch) -> None:
    with _mounted(tmp_path / "disk", "4m") as disk:
        d = disk / "station"
        code, err = run(cli.main, init_argv(d), capsys, monkeypatch)
        assert code == 0, err
        _fill_up(disk)
        for path, parser in [*STATION, (("demo-data",), None)]:
            if parser is None:
                argv = ["demo-data", "--data-dir", str(d), "--records", "20000"]
            else:
                argv = argv_for(
                    parser, path, {"--data-dir": str(d), "--out": str(disk / "out.file")}
                )
            code, err = run(cli.main, argv, capsys, monkeypatch)
            check(" ".join(path), code, err, (0, 1, 2))
        (disk / "filler").unlink()
        code, err = run(cli.main, ["audit", "verify", "--data-dir", str(d)], capsys, monkeypatch)
        assert code == 0, err  # nothing saved was lost or damaged on the way


def test_every_hq_command_on_a_database_it_cannot_open(tmp_path, capsys, monkeypatch) -> None:
    damaged = tmp_path / "hq.sqlite3"
    damaged.write_bytes(os.urandom(8192))
    for url in (f"sqlite:///{tmp_path / 'no' / 'hq.sqlite3'}", f"sqlite:///{damaged}"):
        for path, parser in HQ:
            argv = argv_for(parser, path, {"--db": url, "--out": str(tmp_path / "o.pdf")})
            code, err = run(hq_cli.main, argv, capsys, monkeypatch)
            check(" ".join(path), code, err, (2,))


# -- disks ----------------------------------------------------------------------------------
class _target:
    """A folder to write into that is: a folder given as the file, on a read-only disk, or
    on a full one (small tmpfs mounts; the tests run as root where they can mount)."""

    def __init__(self, tmp_path: Path, where: str) -> None:
        self.tmp_path, self.where = tmp_path, where
        self._mount = None

    def __enter__(self) -> Path:
        folder = self.tmp_path / "target"
        if self.where == "a folder":
            folder.mkdir()
            return folder
        self._mount = _mounted(folder, "256k", read_only=self.where == "read-only disk")
        disk = self._mount.__enter__()
        if self.where == "full disk":
            _fill_up(disk)
        return disk

    def __exit__(self, *exc: object) -> None:
        if self._mount is not None:
            self._mount.__exit__(*exc)


class _mounted:
    def __init__(self, folder: Path, size: str, *, read_only: bool = False) -> None:
        self.folder, self.size, self.read_only = folder, size, read_only

    def __enter__(self) -> Path:
        if not sys.platform.startswith("linux") or os.geteuid() != 0:
            pytest.skip("a small tmpfs needs Linux and root (as in CI)")
        self.folder.mkdir(parents=True, exist_ok=True)
        options = f"size={self.size}" + (",ro" if self.read_only else "")
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(self.folder)], check=True
        )
        return self.folder

    def __exit__(self, *exc: object) -> None:
        subprocess.run(["umount", "-l", str(self.folder)], check=False)
        shutil.rmtree(self.folder, ignore_errors=True)


def _fill_up(disk: Path) -> None:
    with (disk / "filler").open("wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass


# -- the instances the adversary listed ------------------------------------------------------
def test_the_listed_command_line_findings(station_dir, tmp_path, capsys, monkeypatch) -> None:
    from app.db import station_key

    # init with a short password: plain words, not the code
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\nshort\n"))
    assert cli.main(init_argv(tmp_path / "new")) == 2
    err = capsys.readouterr().err
    assert "at least 8 characters" in err and "password_short" not in err

    # a recovery sheet that could not be written is not marked printed
    assert not station_key.recovery_printed(station_dir)
    out = tmp_path / "missing" / "sheet.pdf"
    code, err = run(
        cli.main,
        ["recovery-sheet", "--data-dir", str(station_dir), "--out", str(out)],
        capsys,
        monkeypatch,
    )
    assert code == 2 and "does not exist" in err
    assert not station_key.recovery_printed(station_dir)

    # backup verify with a name as `backup list` prints it; a missing one is "no backup file"
    code, _ = run(cli.main, ["backup", "run", "--data-dir", str(station_dir)], capsys, monkeypatch)
    assert code == 0
    assert cli.main(["backup", "list", "--data-dir", str(station_dir)]) == 0
    name = capsys.readouterr().out.split()[-1]
    code, _ = run(
        cli.main,
        ["backup", "verify", "--data-dir", str(station_dir), "--file", name],
        capsys,
        monkeypatch,
    )
    assert code == 0
    code, err = run(
        cli.main,
        ["backup", "verify", "--data-dir", str(station_dir), "--file", "gone.sdbackup"],
        capsys,
        monkeypatch,
    )
    assert code == 2 and "no backup file" in err and "damaged" not in err

    # HQ: a unit code that could never enrol, an empty notice, a database it does not run on
    db = ["--db", f"sqlite:///{tmp_path / 'hq.sqlite3'}"]
    assert hq_cli.main(["db", "upgrade", *db]) == 0
    for argv in (
        ["enroll", *db, "--unit-code", "../../x"],
        ["notice", *db, "--text", "  "],
        ["stations", "--db", "mysql://x"],
    ):
        code, err = run(hq_cli.main, argv, capsys, monkeypatch)
        check(" ".join(argv[:1]), code, err, (2,))
    assert hq_cli.main(["sheets", *db]) == 0
