"""pipeline._gc_paused: a check runs with the cyclic collector paused and leaves it as it found it."""
from __future__ import annotations

import gc

from tqcheck import pipeline


def test_collector_paused_inside_and_restored_after(monkeypatch):
    seen = []

    @pipeline._gc_paused
    def inner() -> str:
        seen.append(gc.isenabled())
        return "done"

    @pipeline._gc_paused
    def outer() -> str:
        seen.append(gc.isenabled())
        return inner()

    was = gc.isenabled()
    try:
        gc.enable()
        assert outer() == "done"
        assert seen == [False, False]
        assert gc.isenabled()
        gc.disable()  # a caller that paused it itself keeps it paused
        assert inner() == "done"
        assert not gc.isenabled()
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_exception_restores_the_collector():
    @pipeline._gc_paused
    def boom() -> None:
        raise ValueError("x")

    was = gc.isenabled()
    gc.enable()
    try:
        try:
            boom()
        except ValueError:
            pass
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()


def test_cycles_left_by_checks_are_collected_every_few_checks(monkeypatch):
    monkeypatch.setattr(pipeline, "_CHECKS", [0])

    class Node:
        pass

    @pipeline._gc_paused
    def leave_a_cycle() -> None:
        a, b = Node(), Node()
        a.other, b.other = b, a

    was = gc.isenabled()
    gc.enable()
    try:
        for _ in range(pipeline._FULL_EVERY - 1):
            leave_a_cycle()
        assert gc.get_freeze_count() > 0  # what the checks left is frozen, not walked by later collections
        assert not [o for o in gc.get_objects() if isinstance(o, Node)]  # (frozen ones are not listed)
        gc.unfreeze()
        assert len([o for o in gc.get_objects() if isinstance(o, Node)]) >= 2
        leave_a_cycle()  # the _FULL_EVERY-th check: everything unfrozen and collected
        gc.unfreeze()
        assert not [o for o in gc.get_objects() if isinstance(o, Node)]
    finally:
        gc.unfreeze()
        (gc.enable if was else gc.disable)()
