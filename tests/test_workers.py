"""Background work runs below the desk's priority and hands back what it got."""

from __future__ import annotations

import os
import sys
import threading

import pytest

from app import workers


def test_low_priority_thread_returns_result_and_raises_errors() -> None:
    caller = threading.get_native_id()
    assert workers.in_low_priority_thread(lambda a, b: a + b, 2, 3) == 5
    with pytest.raises(ValueError, match="bad"):
        workers.in_low_priority_thread(_fail)
    assert threading.get_native_id() == caller


def _fail() -> None:
    raise ValueError("bad")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice is Linux's")
def test_low_priority_thread_is_niced_and_the_caller_is_not() -> None:
    before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    inside = workers.in_low_priority_thread(
        lambda: os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    )
    assert inside > before
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == before
