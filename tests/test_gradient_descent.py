"""The second lesson, gradient descent: its checks, its proof, and the commands on it."""

import csv
import json
import shutil

import pytest

from grader import assignment as assignments
from grader.engine import grade
from grader.selftest import compose_mutant, gather, mutants
from conftest import ROOT, lost, run_grader

REFERENCE = (ROOT / "solutions" / "gradient_descent.py").read_text()

# Each mistake EXERCISES-gradient-descent.md says the grader must catch, and the mutant that makes it.
MISTAKES = {
    "the gradient's sign flipped": "gradient/sign_flipped",
    "the gradient's sign flipped (one sample)": "sgd_gradient/sign_flipped",
    "the update w + lr * grad": "step/climbs",
    "the factor 2 forgotten": "gradient/no_factor_2",
    "the x factor forgotten": "gradient/no_x_factor",
    "the x factor forgotten (one sample)": "sgd_gradient/no_x_factor",
    "the sum instead of the mean (gradient)": "gradient/sum",
    "the sum instead of the mean (cost)": "cost/sum",
    "division by a hard-coded 3 (gradient)": "gradient/divide_by_3",
    "division by a hard-coded 3 (cost)": "cost/divide_by_3",
    "costs recorded after the update": "train/costs_after_update",
    "one cost too many (range(epochs + 1))": "train/one_epoch_too_many",
    "one cost too few": "train/one_epoch_too_few",
    "a global w (forward)": "forward/global_w",
    "a global w (train)": "train/global_w",
    "a global learning rate (step)": "step/global_lr",
    "a global learning rate (train)": "train/global_lr",
    "train_sgd with the whole data set's gradient": "train_sgd/batch_gradient",
    "train_sgd recording the whole data set's cost": "train_sgd/whole_data_cost",
    "train_sgd updating once per epoch": "train_sgd/once_per_epoch",
    "predict using w0": "predict/uses_w0",
    "the costs plotted against the wrong x": "plot_costs/epochs_from_one",
    "costs and epochs swapped": "plot_costs/swapped_axes",
    "labels missing": "plot_costs/no_labels",
}


@pytest.fixture(scope="module")
def descent():
    return assignments.load("gradient_descent")


@pytest.fixture(scope="module")
def evidence(descent):
    return {item.name: item for item in gather(descent)}


def test_points_sum_to_100_over_the_nine_exercises_and_some_are_hidden(descent):
    checks = descent.checks()
    assert sum(c.points for c in checks) == 100 and len(descent.exercises) == 9
    assert {c.exercise for c in checks} == {e.id for e in descent.exercises}
    assert 0 < sum(c.points for c in checks if c.hidden) < 50
    assert len({c.name for c in checks}) == len(checks)


def test_every_listed_mistake_has_a_mutant(descent):
    names = {f"{p.parent.name}/{p.stem}" for p in mutants(descent)}
    assert set(MISTAKES.values()) <= names


def test_reference_full_marks_stubs_none_every_mutant_caught_on_its_exercise_only(evidence):
    failed = [f"{e.name}: {e.detail}" for e in evidence.values() if not e.ok]
    assert not failed
    assert {"reference", "stubs (.py)", "stubs (.ipynb)"} <= set(evidence)
    assert sum(name.startswith("mutant") for name in evidence) >= len(MISTAKES)


def test_a_mistake_in_the_students_own_helper_is_named_where_it_breaks_train(descent, tmp_path):
    """The student's train calls their own gradient: train's failure says to fix gradient first."""
    path = tmp_path / "gradient_descent.py"
    path.write_text(REFERENCE.replace("total += 2 * x * (x * w - y)", "total += 2 * x * (y - x * w)"))
    report = grade(descent, path)
    assert lost(report) == {"gradient", "train", "predict"}
    train = next(e for e in report.exercises if e.id == "train")
    hints = [c.hint for c in train.checks if not c.passed]
    assert hints and all(h.startswith("Your gradient is wrong as well") for h in hints)


def test_a_helper_that_is_right_is_not_blamed(descent, tmp_path):
    path = tmp_path / "gradient_descent.py"
    path.write_text(compose_mutant(REFERENCE, (ROOT / "tests/mutants/gradient_descent/train/costs_after_update.py")
                                   .read_text()))
    train = next(e for e in grade(descent, path).exercises if e.id == "train")
    assert not any("wrong as well" in c.hint for c in train.checks)


def test_check_picks_the_lesson_from_the_file_name():
    result = run_grader("check", "solutions/gradient_descent.py", "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["assignment"] == "gradient_descent" and report["score"] == 100


def test_a_folder_holding_a_lessons_file_names_the_lesson(tmp_path):
    shutil.copy(ROOT / "exercises" / "gradient_descent.ipynb", tmp_path)
    report = json.loads(run_grader("check", tmp_path, "--format", "json").stdout)
    assert report["assignment"] == "gradient_descent" and report["score"] == 0


def test_an_unnamed_file_in_a_kit_of_two_lessons_asks_for_the_lesson(tmp_path):
    path = tmp_path / "answer.py"
    path.write_text(REFERENCE)
    result = run_grader("check", path)
    assert result.returncode == 2 and "--lesson" in result.stderr
    report = json.loads(run_grader("check", path, "--lesson", "gradient_descent", "--format", "json").stdout)
    assert report["score"] == 100


def test_grade_grades_a_folder_of_gradient_descent_submissions(tmp_path):
    folder, out = tmp_path / "class", tmp_path / "graded"
    (folder / "bob").mkdir(parents=True)
    (folder / "alice.py").write_text(REFERENCE)
    shutil.copy(ROOT / "exercises" / "gradient_descent.ipynb", folder / "bob")
    (folder / "carol.py").write_text(compose_mutant(
        REFERENCE, (ROOT / "tests/mutants/gradient_descent/step/climbs.py").read_text()))
    result = run_grader("grade", folder, "--out", out, "-j", "2", "--lesson", "gradient_descent")
    assert result.returncode == 0, result.stderr
    rows = {r["student"]: r for r in csv.DictReader((out / "grades.csv").open())}
    assert float(rows["alice"]["total"]) == 100 and float(rows["bob"]["total"]) == 0
    assert float(rows["carol"]["step"]) < 8 and float(rows["carol"]["train"]) == 20
    assert json.loads((out / "reports" / "alice.json").read_text())["report"]["assignment"] == "gradient_descent"


def test_the_release_of_the_lesson_keeps_public_checks_only(descent, tmp_path):
    out = tmp_path / "kit"
    result = run_grader("release", out, "--lesson", "gradient_descent")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (out / "grader" / "lessons").iterdir() if p.is_dir()) == ["gradient_descent"]
    released = "".join(p.read_text() for p in (out / "grader" / "lessons").rglob("checks_*.py"))
    hidden = [c.name for c in descent.checks() if c.hidden]
    assert hidden and not any(f"def {name}(" in released for name in hidden)
    assert "grader check . --lesson gradient_descent" in (out / "templates" / "github-classroom.yml").read_text()
    facts = json.loads((out / "grader" / "lessons" / "gradient_descent" / "release.json").read_text())
    assert facts == {"hidden_checks": len(hidden), "hidden_points": sum(c.points for c in descent.checks()
                                                                         if c.hidden)}
