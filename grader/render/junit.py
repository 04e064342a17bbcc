"""JUnit XML: one testsuite per exercise, one testcase per check.

Every attribute the common readers use is written: testsuite name/tests/failures/errors/
skipped/time, testcase classname/name/time/file/line (`line` counted from 1, the line of
the student's function). Points, and the sandbox layers in force, go in each suite's
properties (the xunit2-safe place).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..report import Report


def render(report: Report) -> str:
    root = ET.Element("testsuites", name=f"grader {report.assignment}", tests=str(
        sum(len(e.checks) for e in report.exercises)), failures=str(
        sum(not c.passed for e in report.exercises for c in e.checks)), errors="0",
        time=f"{report.duration_s:.3f}")
    for exercise in report.exercises:
        failures = sum(not c.passed for c in exercise.checks)
        suite = ET.SubElement(root, "testsuite", name=exercise.id, tests=str(len(exercise.checks)),
                              failures=str(failures), errors="0", skipped="0", time="0.000")
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="score", value=f"{exercise.score:g}")
        ET.SubElement(properties, "property", name="max_score", value=f"{exercise.max_score:g}")
        for layer, how in report.sandbox.items():  # which layers confined the student's code
            ET.SubElement(properties, "property", name=f"sandbox.{layer}", value=str(how))
        for check in exercise.checks:
            case = ET.SubElement(suite, "testcase", classname=exercise.id, name=check.name, time="0.000",
                                 file=report.submission, line=str(exercise.line or 1))
            if not check.passed:
                failure = ET.SubElement(case, "failure", message=check.message, type=check.status)
                failure.text = f"{check.title}\n{check.message}\nHint: {check.hint}"
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
