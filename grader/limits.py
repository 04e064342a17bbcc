"""Limits checked before students pay for them: the reference is graded under the chosen limits.

A limit too low for a correct submission would cost every student points and blame their code
("look for exit() in your code"). So before a class is graded, the reference solution is graded
under the same limits; if it loses points, the run stops with one line naming the limit and
what the reference needed, found by bisection on the exercise that failed. Limits at or above
the defaults cost nothing here: `grader selftest` proves the reference passes under those.
"""

from __future__ import annotations

import math
from dataclasses import replace

from .assignment import Assignment
from .i18n import _
from .sandbox.process import Limits

DEFAULTS = Limits()
OPTIONS = {"memory_mb": ("--memory", "MiB"), "call_timeout": ("--timeout", "s"),
           "import_timeout": ("--import-timeout", "s")}


class LimitsTooLow(Exception):
    """The reference solution does not pass under the chosen limits."""


def _passes(assignment: Assignment, limits: Limits, only: str | None) -> tuple[bool, str]:
    """(full marks?, the first failing exercise) for the reference under `limits`."""
    from .engine import grade

    report = grade(assignment, assignment.solution_path, limits=limits, only=only)
    failing = next((e.id for e in report.exercises if e.score < e.max_score), "")
    return not report.errors and not failing, failing or report.exercises[0].id


def _needed(assignment: Assignment, limits: Limits, field: str, exercise: str) -> float | None:
    """The least value of `field` (within 2 %) under which the reference passes `exercise`;
    None if it fails even at the default."""
    low, high = getattr(limits, field), max(getattr(DEFAULTS, field), getattr(limits, field))
    whole = field == "memory_mb"
    if not _passes(assignment, replace(limits, **{field: high}), exercise)[0]:
        return None
    while high - low > max(0.02 * high, 1 if whole else 0.05):
        middle = (low + high) // 2 if whole else (low + high) / 2
        if _passes(assignment, replace(limits, **{field: middle}), exercise)[0]:
            high = middle
        else:
            low = middle
    return high


def check_limits(assignment: Assignment, limits: Limits) -> None:
    """Raise `LimitsTooLow` when a correct submission would lose points under `limits`."""
    lowered = [f for f in OPTIONS if getattr(limits, f) < getattr(DEFAULTS, f)]
    if not lowered or not assignment.solution_path.exists():
        return  # the defaults are proven by `grader selftest`; a student release has no reference to try
    passes, exercise = _passes(assignment, limits, None)
    if passes:
        return
    for field in lowered:
        option, unit = OPTIONS[field]
        needed = _needed(assignment, limits, field, exercise)
        if needed is not None:
            step = 16 if field == "memory_mb" else 0.5
            advice = math.ceil(needed * 1.25 / step) * step  # a margin for a busier machine
            raise LimitsTooLow(_(
                "{option} {value:g} is too low: the reference solution needs about {needed:g} {unit} (below that it "
                "loses points on {exercise}); use {option} {advice:g} or more (default {default:g})", option=option,
                value=getattr(limits, field), needed=needed, unit=unit, exercise=exercise,
                advice=advice, default=getattr(DEFAULTS, field)))
    raise LimitsTooLow(_("the reference solution does not earn full marks under these limits (it loses points on "
                         "{exercise}); try the defaults", exercise=exercise))
