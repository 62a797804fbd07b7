"""Rule files shipped with the app that a station (or HQ) can replace with a newer version.

The bundled file always loads; a copy in the station's data folder wins only when it parses
and its version is higher, so a broken or older file dropped there never takes the desk down.

`RuleFile` is the one loader every kind goes through (catalog, visit policy, repeat rules,
warning colours, dispute definitions). The services read a kind with `in_use(data_dir)`: once
per data folder, then kept, so a desk does not parse its policy on every press. A newer file
installed meanwhile takes effect at the next start, or at once after `reload_rule_files()`.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from app.errors import StationDeskError
from app.paths import resource_path


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


FOLDERS_KEPT = 8  # data folders whose files one process keeps (a desk has one; tests many)
_KINDS: list[RuleFile[Any]] = []


class RuleFile(Generic[T]):
    """One kind of rule file: where the bundled copy and a station's own copy live, how its
    text becomes rules, and the copy in use.

    `load(data_dir)` reads the bundled file, or a newer valid one installed in the data folder;
    `in_use(data_dir)` does so the first time and keeps what it read, for the services;
    `check_text` validates a candidate file before it is installed."""

    def __init__(
        self,
        folder: str,
        filename: str,
        parse: Callable[[object, str, str], T],
        error: type[StationDeskError],
    ) -> None:
        self.folder = folder
        self.filename = filename
        self._parse = parse  # (decoded data, source named in errors, the text for line numbers)
        self.error = error
        self._lock = threading.Lock()
        self._in_use: OrderedDict[Path | None, T] = OrderedDict()
        _KINDS.append(self)

    def bundled_path(self) -> Path:
        return resource_path(self.folder, self.filename)

    def installed_path(self, data_dir: Path) -> Path:
        return data_dir / self.folder / self.filename

    def load_file(self, path: Path) -> T:
        data = read_json(path, self.error)
        return self._parse(data, str(path), path.read_text(encoding="utf-8"))

    def load(self, data_dir: Path | None = None) -> T:
        installed = None if data_dir is None else self.installed_path(data_dir)
        return newest(self.load_file(self.bundled_path()), installed, self.load_file, self.error)

    def check_text(self, text: str, source: str = "") -> T:
        source = source or self.filename
        return self._parse(parse_json_text(text, source, self.error), source, text)

    def in_use(self, data_dir: Path | None = None) -> T:
        with self._lock:
            if data_dir in self._in_use:
                self._in_use.move_to_end(data_dir)
                return self._in_use[data_dir]
        value = self.load(data_dir)  # outside the lock: a slow disk holds up no other folder
        with self._lock:
            self._in_use[data_dir] = value
            while len(self._in_use) > FOLDERS_KEPT:
                self._in_use.popitem(last=False)
        return value

    def reload(self) -> None:
        """Forget the copies in use: the next `in_use` reads the files again."""
        with self._lock:
            self._in_use.clear()


def reload_rule_files() -> None:
    """Every kind of rule file is read again at its next use (after a newer one was installed)."""
    for kind in _KINDS:
        kind.reload()
