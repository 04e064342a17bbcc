"""One message per root cause: the human reports group an exercise's checks that fail for one reason.

The machine reports (JSON, JUnit, Gradescope) keep one entry per check.
"""

import json

import pytest

from conftest import SUBMISSIONS
from grader.render import gradescope, html, json_report, junit, markdown, text

PASTED = SUBMISSIONS / "broken" / "pasted_lesson_script.py"


@pytest.fixture(scope="module")
def report(lesson):
    from grader.engine import grade

    return grade(lesson, PASTED)


def count_checks(report, exercise):
    return len(next(e for e in report.exercises if e.id == exercise).checks)


MISSING = ("mse", "mse_sweep", "best_w", "predict", "forward_wb", "mse_wb", "mse_grid", "to_grid", "best_wb",
           "plot_sweep", "plot_surface")  # what the pasted lesson script does not define


def test_the_text_report_says_each_cause_once_and_how_many_checks_it_fails(report):
    shown = text.render(report)
    assert "Not called again" not in shown  # the repeats of a missing function are in its group
    assert shown.count("Not run: your function is `forward(x)`") == 1
    fix = shown.split("What to fix")[1]
    assert fix.lstrip().startswith("✗ forward:")  # the first thing to fix is the signature
    assert "(and 2 more checks failing for the same reason, 1 of them hidden)" in fix  # forward's three
    assert len(shown.splitlines()) <= 55


def test_the_functions_a_submission_lacks_are_one_entry_together(report):
    shown = text.render(report)
    missing = sum(count_checks(report, e) for e in MISSING)
    assert shown.count("Your submission has none of these functions:") == 1
    assert shown.count("`mse_sweep`") == 1 and "Your submission has no function `" not in shown
    assert f"not run ({missing} checks, 10 of them hidden)" in shown
    ids = [ids for ids, _group in report.fixes()]
    assert ids == [("forward",), ("loss",), MISSING]


def test_one_missing_function_keeps_its_own_entry(grade_file, tmp_path):
    from conftest import ROOT

    source = (ROOT / "solutions" / "linear_model.py").read_text().replace("def to_grid(", "def to_grid_renamed(")
    path = tmp_path / "linear_model.py"
    path.write_text(source)
    shown = text.render(grade_file(path))
    assert "Your submission has no function `to_grid`." in shown and "none of these functions" not in shown


@pytest.mark.parametrize("renderer", [markdown, html])
def test_markdown_and_the_notebook_group_as_the_text_does(report, renderer):
    shown = renderer.render(report)
    assert shown.count("Your submission has none of these functions:") == 1
    assert "Your submission has no function `" not in shown
    assert shown.count("`forward(x)`") == 1


def test_machine_reports_keep_one_entry_per_check(report):
    checks = sum(len(e.checks) for e in report.exercises)
    document = json.loads(json_report.render(report))
    assert sum(len(e["checks"]) for e in document["exercises"]) == checks
    mse = [c for e in document["exercises"] if e["id"] == "mse" for c in e["checks"]]
    assert len({c["cause"] for c in mse}) == 1 and len(mse) > 1
    assert junit.render(report).count("<testcase") == checks
    assert len(gradescope.results(report)["tests"]) == checks


def mutant_report(grade_file, tmp_path, name):
    from conftest import ROOT
    from grader.selftest import compose_mutant

    path = tmp_path / "linear_model.py"
    path.write_text(compose_mutant((ROOT / "solutions" / "linear_model.py").read_text(),
                                   (ROOT / "tests" / "mutants" / "linear_model" / f"{name}.py").read_text()))
    return grade_file(path)


def test_one_misconception_is_one_entry_with_its_first_counterexample(grade_file, tmp_path):
    report = mutant_report(grade_file, tmp_path, "loss/absolute")
    loss = next(e for e in report.exercises if e.id == "loss")
    failing = [c for c in loss.checks if not c.passed]
    (group,) = loss.failure_groups()
    assert len(failing) > 1 and set(group) == set(failing)
    assert text.render(report).count("This is the absolute error") == 1
    assert group[0].message in text.render(report) and group[0].visibility == "public"


def test_distinct_failures_of_one_exercise_stay_apart(grade_file, tmp_path):
    report = mutant_report(grade_file, tmp_path, "mse/divide_by_3")
    groups = next(e for e in report.exercises if e.id == "mse").failure_groups()
    assert len(groups) == 2 and len({g[0].hint for g in groups}) == 2
    shown = text.render(report)
    assert all(g[0].message.split("`")[1] in shown for g in groups)
