"""No class over 400 lines and no function over 80 in app/, unless a comment says why.

A definition may be longer when the comment block right above it (or above its decorators)
says `longer than the limit because <the reason>`. Lines are counted from the first decorator
to the last line of the body, docstring and comments included.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"
CLASS_LINES = 400
FUNCTION_LINES = 80
REASON = re.compile(r"#.*longer than the limit because \S+(\s+\S+){2,}")


def _excused(lines: list[str], first: int) -> bool:
    """The comment block just above line `first` (1-based) gives a reason."""
    at = first - 2
    while at >= 0 and lines[at].strip().startswith("#"):
        if REASON.search(lines[at]):
            return True
        at -= 1
    return False


def oversized(path: Path, root: Path = APP.parent) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text, filename=str(path))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        assert node.end_lineno is not None
        size = node.end_lineno - first + 1
        limit = CLASS_LINES if isinstance(node, ast.ClassDef) else FUNCTION_LINES
        if size > limit and not _excused(lines, first):
            kind = "class" if isinstance(node, ast.ClassDef) else "function"
            where = path.relative_to(root)
            found.append(f"{where}:{node.lineno} {kind} {node.name}: {size} lines (limit {limit})")
    return found


def test_no_class_or_function_in_app_is_over_the_limit() -> None:
    found = [line for path in sorted(APP.rglob("*.py")) for line in oversized(path)]
    assert not found, "split these, or say above them why not:\n" + "\n".join(found)


def test_the_checker_sees_a_long_function_and_accepts_a_reason(tmp_path: Path) -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(FUNCTION_LINES))
    long = tmp_path / "long.py"
    long.write_text(f"def long():\n{body}")
    assert [line.split(" ", 1)[1] for line in oversized(long, tmp_path)] == [
        f"function long: {FUNCTION_LINES + 1} lines (limit {FUNCTION_LINES})"
    ]
    long.write_text(
        "# One table, one entry per code: longer than the limit because splitting it would\n"
        "# only scatter the entries.\n"
        f"@staticmethod\ndef long():\n{body}"
    )
    assert oversized(long, tmp_path) == []
    long.write_text(f"# longer than the limit because\ndef long():\n{body}")  # no reason given
    assert len(oversized(long, tmp_path)) == 1
