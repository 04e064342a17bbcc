"""Broken submissions are graded, not crashed on: each fault costs only its own points."""

from pathlib import Path

from conftest import ROOT, lost

REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()


def submission(tmp_path: Path, source: str, name: str = "linear_model.py") -> Path:
    path = tmp_path / name
    path.write_text(source)
    return path


def with_body(function: str, body: str) -> str:
    """The reference with one function's solution replaced by `body` (already indented)."""
    head = REFERENCE.index(f"def {function}(")
    start = REFERENCE.index("### BEGIN SOLUTION", head)
    end = REFERENCE.index("### END SOLUTION", start) + len("### END SOLUTION")
    return REFERENCE[:start] + body.strip() + REFERENCE[end:]


MSE_AND_ITS_USERS = {"mse", "mse_sweep", "best_w", "predict"}


def test_a_function_that_raises_costs_its_own_points_and_names_the_line(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, with_body("mse", "return sum(x_data) / 0")))
    assert "mse" in lost(report) and lost(report) <= MSE_AND_ITS_USERS  # the others call mse
    message = report.exercises[2].checks[0].message
    assert "raised ZeroDivisionError" in message and "linear_model.py, line" in message
    assert "`return sum(x_data) / 0`" in message


def test_a_syntax_error_is_a_graded_zero_with_its_line(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, "def forward(x, w):\n    return x *\n"))
    assert report.score == 0
    assert "SyntaxError" in report.errors[0] and "line 2" in report.errors[0]


def test_an_exception_at_import_is_a_graded_zero_with_its_line(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, REFERENCE + "\nprint(undefined_name)\n"))
    assert report.score == 0
    assert "NameError" in report.errors[0] and "undefined_name" in report.errors[0]


def test_a_notebook_cell_that_fails_is_a_note_and_the_rest_is_graded(grade_file, tmp_path):
    import json

    from grader.build import cells

    code = [text for kind, text in cells(REFERENCE) if kind == "code"]
    code.insert(3, "def broken(:\n    pass")
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                "cells": [{"cell_type": "code", "id": f"c{n}", "metadata": {}, "outputs": [],
                           "execution_count": None, "source": text} for n, text in enumerate(code)]}
    report = grade_file(submission(tmp_path, json.dumps(notebook), "linear_model.ipynb"))
    assert report.score == 100
    assert report.notes and "cell 4" in report.notes[0] and "SyntaxError" in report.notes[0]


def test_a_function_that_never_returns_fails_alone_within_the_time_limit(grade_file, tmp_path):
    from grader.sandbox.process import Limits

    report = grade_file(submission(tmp_path, with_body("best_w", "while True:\n        pass")),
                        limits=Limits(call_timeout=1.0))
    assert lost(report) == {"best_w", "predict"}  # predict calls best_w
    message = next(c.message for e in report.exercises if e.id == "best_w" for c in e.checks if not c.passed)
    assert "did not return within 1 s" in message


def test_sys_exit_in_a_function_fails_that_function_only(grade_file, tmp_path):
    report = grade_file(submission(tmp_path, with_body("forward_wb", "import sys\n    sys.exit(3)")))
    assert "forward_wb" in lost(report) and lost(report) <= {"forward_wb", "mse_wb", "mse_grid", "best_wb"}
    message = report.exercises[6].checks[0].message
    assert "tried to end the program" in message and "3" in message


def test_a_missing_function_is_named(grade_file, tmp_path):
    source = with_body("predict", "return 0").replace("def predict(", "def predicted(")
    report = grade_file(submission(tmp_path, source))
    assert lost(report) == {"predict"}
    assert "has no function `predict`" in report.exercises[5].checks[0].message
