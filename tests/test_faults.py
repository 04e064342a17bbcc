"""Broken submissions are graded, not crashed on: each fault costs only its own points.

These are tests of the engine, so they grade the tiny fixture lesson (tests/fixture_lesson:
double, total, and twice_total, which calls the other two), not a real lesson.
"""

from pathlib import Path

import pytest

from conftest import lost
from fixture_lesson import ASSIGNMENT as TINY
from grader.engine import grade

REFERENCE = TINY.solution_path.read_text()


@pytest.fixture(scope="module")
def grade_file():
    return lambda path, **options: grade(TINY, Path(path), **options)


def exercise(report, name):
    return next(e for e in report.exercises if e.id == name)


def submission(tmp_path: Path, source: str, name: str = "tiny.py") -> Path:
    path = tmp_path / name
    path.write_text(source)
    return path


def with_body(function: str, body: str) -> str:
    """The reference with one function's solution replaced by `body` (already indented)."""
    head = REFERENCE.index(f"def {function}(")
    start = REFERENCE.index("### BEGIN SOLUTION", head)
    end = REFERENCE.index("### END SOLUTION", start) + len("### END SOLUTION")
    return REFERENCE[:start] + body.strip() + REFERENCE[end:]


def test_a_function_that_raises_costs_its_own_points_and_names_the_line(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, with_body("total", "return sum(values) / 0")))
    assert lost(report) == {"total", "twice_total"}  # twice_total calls total
    message = exercise(report, "total").checks[0].message
    assert "raised ZeroDivisionError" in message and "tiny.py, line" in message
    assert "`return sum(values) / 0`" in message


def test_a_syntax_error_is_a_graded_zero_with_its_line(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, "def double(x):\n    return x *\n"))
    assert report.score == 0 and report.max_score == sum(c.points for c in TINY.checks())
    assert "SyntaxError" in report.errors[0] and "line 2" in report.errors[0]


def test_an_exception_at_import_is_a_graded_zero_with_its_line(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, REFERENCE + "\nprint(undefined_name)\n"))
    assert report.score == 0
    assert "NameError" in report.errors[0] and "undefined_name" in report.errors[0]


def test_a_notebook_cell_that_fails_is_a_note_and_the_rest_is_graded(grade_file, tmp_path):
    import json

    from grader.build import cells

    code = [text for kind, text in cells(REFERENCE) if kind == "code"]
    code.insert(1, "def broken(:\n    pass")
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                "cells": [{"cell_type": "code", "id": f"c{n}", "metadata": {}, "outputs": [],
                           "execution_count": None, "source": text} for n, text in enumerate(code)]}
    report = grade_file(submission(tmp_path, json.dumps(notebook), "tiny.ipynb"))
    assert report.score == report.max_score
    assert report.notes and "cell 2" in report.notes[0] and "SyntaxError" in report.notes[0]


def test_a_function_that_never_returns_fails_alone_within_the_time_limit(grade_file, tmp_path):
    from grader.sandbox.process import Limits

    report = grade_file(submission(tmp_path, with_body("double", "while True:\n        pass")),
                        limits=Limits(call_timeout=1.0))
    assert lost(report) == {"double", "twice_total"}  # twice_total calls double
    message = next(c.message for c in exercise(report, "double").checks if not c.passed)
    assert "did not return within 1 s" in message


def test_sys_exit_in_a_function_fails_that_function_only(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, with_body("total", "import sys\n    sys.exit(3)")))
    assert lost(report) == {"total", "twice_total"}
    message = exercise(report, "total").checks[0].message
    assert "tried to end the program" in message and "3" in message


def test_a_missing_function_is_named(grade_file, tmp_path):
    source = with_body("twice_total", "return 0").replace("def twice_total(", "def twice_totals(")
    report = grade_file(submission(tmp_path, source))
    assert lost(report) == {"twice_total"}
    assert "has no function `twice_total`" in exercise(report, "twice_total").checks[0].message
    assert grade_file(TINY.solution_path).score == report.max_score


def test_the_fixture_lesson_is_a_sound_lesson(grade_file):
    """Its reference earns every point, so a failure above is the fault's, not the fixture's."""
    checks = TINY.checks()
    assert {c.exercise for c in checks} == {e.id for e in TINY.exercises} and any(c.hidden for c in checks)
    assert grade_file(TINY.solution_path).score == sum(c.points for c in checks)
