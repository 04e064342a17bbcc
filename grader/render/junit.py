"""JUnit XML: one testsuite per exercise, one testcase per check.

A check the grader could not finish is an `<error>`, counted in `errors`, not `failures`.

Every attribute the common readers use is written: testsuite name/tests/failures/errors/
skipped/time, testcase classname/name/time/file/line (`line` counted from 1, the line of
the student's function). Points, the grading policy (`isolate_functions`) and the sandbox
layers in force go in each suite's properties (the xunit2-safe place).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..i18n import _
from ..report import ERROR, Report


def _counts(checks) -> dict:
    """tests, failures (the student's) and errors (the grader's), as JUnit counts them."""
    errors = sum(c.status == ERROR for c in checks)
    return {"tests": str(len(checks)), "failures": str(sum(not c.passed for c in checks) - errors),
            "errors": str(errors)}


def render(report: Report) -> str:
    root = ET.Element("testsuites", name=f"grader {report.assignment}",
                      **_counts([c for e in report.exercises for c in e.checks]), time=f"{report.duration_s:.3f}")
    for exercise in report.exercises:
        suite = ET.SubElement(root, "testsuite", name=exercise.id, **_counts(exercise.checks),
                              skipped="0", time="0.000")
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="score", value=f"{exercise.score:g}")
        ET.SubElement(properties, "property", name="max_score", value=f"{exercise.max_score:g}")
        ET.SubElement(properties, "property", name="isolate_functions", value=str(report.isolate_functions).lower())
        for layer, how in report.sandbox.items():  # which layers confined the student's code
            ET.SubElement(properties, "property", name=f"sandbox.{layer}", value=str(how))
        for check in exercise.checks:
            case = ET.SubElement(suite, "testcase", classname=exercise.id, name=check.name, time="0.000",
                                 file=report.submission, line=str(exercise.line or 1))
            if not check.passed:
                failure = ET.SubElement(case, "error" if check.status == ERROR else "failure",
                                        message=check.message, type=check.status)
                failure.text = f"{check.title}\n{check.message}\n" + _("Hint: {hint}", hint=check.hint)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
