"""GitHub Actions: workflow-command annotations, and GitHub Classroom's autograding result.

Annotations point at the student's function (file and line) and are escaped as the
Actions toolkit does. GitHub shows at most 10 errors per step, so there is one per failing
exercise, most points lost first. The Classroom result is the base64 JSON that the
autograding reporter reads from a step output named `result`, one test per check.
"""

from __future__ import annotations

import base64
import json

from ..i18n import _
from ..report import ERROR, Report
from .words import more

MAX_ANNOTATIONS = 10


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotations(report: Report) -> str:
    failing = sorted((e for e in report.exercises if e.score < e.max_score),
                     key=lambda e: e.score - e.max_score)
    lines = []
    for exercise in failing[:MAX_ANNOTATIONS]:
        group = exercise.failure_groups()[0]
        first = group[0]
        message = (_("a hidden check failed") if first.visibility == "hidden"
                   else _("{message} Hint: {hint}", message=first.message, hint=first.hint))
        message += more(group)
        where = f"file={_escape_property(report.submission)}"
        if exercise.line:
            where += f",line={exercise.line}"
        title = _escape_property(f"{exercise.id}: {exercise.score:g}/{exercise.max_score:g}")
        lines.append(f"::error {where},title={title}::{_escape_data(message)}")
    not_graded = _escape_property(_("Not graded"))
    for error in report.errors:
        lines.append(f"::error file={_escape_property(report.submission)},title={not_graded}::{_escape_data(error)}")
    return "\n".join(lines) + ("\n" if lines else "")


def classroom_result(report: Report) -> str:
    """`result=<base64 JSON>`, a line for $GITHUB_OUTPUT."""
    tests = [{"name": f"{e.id}: {c.title}", "status": "pass" if c.passed else "error" if c.status == ERROR else "fail",
              "score": c.score, "message": None if c.passed or c.visibility == "hidden" else c.message,
              "test_code": f"grader check --only {e.id}", "filename": report.submission,
              "line_no": e.line or 0, "duration": 0}
             for e in report.exercises for c in e.checks]
    status = "error" if report.errors or report.incomplete else "pass" if report.score == report.max_score else "fail"
    document = {"version": 1, "status": status, "max_score": report.max_score, "tests": tests}
    encoded = base64.b64encode(json.dumps(document).encode("utf-8")).decode("ascii")
    return f"result={encoded}\n"
