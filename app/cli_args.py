"""Bounded numbers for the command lines: a mistyped count or port is refused by argparse with
a usage message, before anything runs."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def bounded(kind: type[int] | type[float], low: float, high: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {_show(low)}..{_show(high)}")
        return value

    parse.__name__ = kind.__name__  # argparse names the type in its message
    return parse


def _show(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"
