"""Gradescope's results.json, as its autograder specification documents it.

One test per check. Public checks are `visible`; hidden ones `after_published`, so that
students see them once the instructor publishes grades (Gradescope's `hidden` would also
hide the total score from students). Student-derived text goes out as plain `text`.
"""

from __future__ import annotations

from pathlib import Path

from ..files import write_json_atomically
from ..i18n import _
from ..report import ERROR, Report

VISIBILITY = {"public": "visible", "hidden": "after_published"}


def _output(message: str, hint: str) -> str:
    return "\n".join(part for part in (message, _("Hint: {hint}", hint=hint) if hint else "") if part)


def results(report: Report) -> dict:
    tests = []
    for n, exercise in enumerate(report.exercises, start=1):
        for k, check in enumerate(exercise.checks, start=1):
            error = check.status == ERROR  # Gradescope knows passed and failed: the name and output say it
            tests.append({
                "name": f"{exercise.id}: {check.title}" + (_(" (grader error: for review)") if error else ""),
                "number": f"{n}.{k}",
                "score": check.score,
                "max_score": check.max_score,
                "status": "passed" if check.passed else "failed",
                "output": (_("Grader error, not a fault of your code: ") if error else "")
                + _output(check.message, check.hint),
                "visibility": VISIBILITY[check.visibility],
            })
    summary = [report.score_line(), *report.errors, *report.notes,
               report.policy_line(), report.sandbox_line()]
    return {"execution_time": round(report.duration_s, 3), "output": "\n".join(filter(None, summary)),
            "output_format": "text", "test_output_format": "text", "tests": tests}


def crashed(reason: str) -> dict:
    """What to write when the grader itself could not produce a report."""
    return {"score": 0, "output": _("The autograder could not grade this submission: {reason}. "
                                    "Please tell your instructor.", reason=reason), "output_format": "text", "tests": []}


def write(path: Path, document: dict) -> None:
    """Write once and atomically: Gradescope must never read half a file."""
    write_json_atomically(path, document)
