"""Rule files shipped with the app that a station (or HQ) can replace with a newer version.

The bundled file always loads; a copy in the station's data folder wins only when it parses
and its version is higher, so a broken or older file dropped there never takes the desk down.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from app.errors import StationDeskError


class Versioned(Protocol):
    @property
    def version(self) -> str: ...


T = TypeVar("T", bound=Versioned)


def read_json(path: Path, error: type[Exception]) -> object:
    """The decoded file, or `error` naming the file and, for bad JSON, the line."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise error(f"{path}: cannot read ({exc.strerror})") from None
    except json.JSONDecodeError as exc:
        raise error(f"{path}: line {exc.lineno}: {exc.msg}") from None


def parse_json_text(text: str, source: str, error: type[StationDeskError]) -> object:
    """Decoded text of a candidate file (what an administrator or HQ sends), errors with line."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise error(
            f"{source}: line {exc.lineno}: {exc.msg}", line=exc.lineno, reason=exc.msg
        ) from None


def line_of(text: str, needle: str) -> int:
    """Line of the first occurrence of needle in the file (1 when it cannot be found), so a
    refused file names the line to fix."""
    index = text.find(needle) if needle else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def refusal(
    error: type[StationDeskError], source: str, text: str
) -> Callable[[str, str], StationDeskError]:
    """`fail(needle, reason)`: the error naming the file, the line where `needle` first stands
    and the reason, for a rule file an administrator has to fix."""

    def fail(needle: str, reason: str) -> StationDeskError:
        line = line_of(text, needle)
        return error(f"{source}: line {line}: {reason}", line=line, reason=reason)

    return fail


def check_header(data: object, fail: Callable[[str, str], StationDeskError]) -> dict[str, Any]:
    """Every rule file is one JSON object with `format` 1 and a dotted-number `version`."""
    if not isinstance(data, dict):
        raise fail("", "the file must hold one JSON object")
    if data.get("format") != 1:
        raise fail('"format"', f"unsupported format {data.get('format')!r}")
    version = data.get("version")
    try:
        version_key(str(version))
    except ValueError:
        raise fail('"version"', f"version {version!r} is not dotted numbers") from None
    return data


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def newest(
    bundled: T, installed: Path | None, load: Callable[[Path], T], error: type[Exception]
) -> T:
    if installed is None or not installed.exists():
        return bundled
    try:
        candidate = load(installed)
    except error:
        return bundled
    return candidate if version_key(candidate.version) > version_key(bundled.version) else bundled
