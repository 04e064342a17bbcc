"""Correct answers in any reasonable style earn every point; so does the notebook twin."""

import json

import pytest

from conftest import ROOT, SUBMISSIONS


@pytest.mark.parametrize("name", ["vectorised", "loops_and_lists", "float32", "lesson_script", "pyplot_script"])
def test_a_correct_submission_in_any_style_earns_every_point(grade_file, name):
    report = grade_file(SUBMISSIONS / f"{name}.py")
    failures = [f"{c.name}: {c.message}" for e in report.exercises for c in e.checks if not c.passed]
    assert report.score == 100, failures


def test_a_completed_notebook_with_magics_and_plots_earns_every_point(grade_file, tmp_path):
    notebook = json.loads((ROOT / "exercises" / "linear_model.ipynb").read_text())
    solution = (ROOT / "solutions" / "linear_model.py").read_text()
    from grader.build import cells

    notebook["cells"] = [dict(cell, source=text) for cell, (_, text) in zip(notebook["cells"], cells(solution))]
    notebook["cells"][1]["source"] = "%matplotlib inline\n!echo hello\n" + notebook["cells"][1]["source"]
    path = tmp_path / "linear_model.ipynb"
    path.write_text(json.dumps(notebook))
    report = grade_file(path)
    assert report.score == 100 and not report.errors and not report.notes
