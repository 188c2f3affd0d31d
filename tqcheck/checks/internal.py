"""TQ9xx: problems of tqcheck itself, reported as findings so that a run never dies of one rule's bug.

These rules are registered (``tqcheck explain``, docs/rules.md, SARIF rule metadata) but never run:
the runner emits them itself (:func:`tqcheck.checks.base.run_rules`).
"""
from __future__ import annotations

from typing import Iterator

from ..model import Severity
from .base import DocContext, Hit, rule


@rule("TQ901", "rule-crashed", Severity.MINOR, scope="internal")
def rule_crashed(ctx: DocContext) -> Iterator[Hit]:
    """A rule raised an unexpected error; its checks did not run on this pair.

    What: the runner caught an exception from one rule (a bug in tqcheck, or an input the rule did not
    expect) and reports it as this finding instead of stopping the run. The message names the rule and
    the error; the other rules' findings are complete.
    Why: a bug in one check must not hide every other finding or fail a CI job with a traceback, but it
    must not pass silently either: the crashed rule checked nothing.
    Example: "rule TQ201 (number-mismatch) crashed: ValueError('...')".
    Fix: rerun with ``--debug`` to see the traceback and report it with the input that triggers it;
    meanwhile ``--ignore`` the crashing rule's code if its findings are not needed.
    """
    return iter(())
