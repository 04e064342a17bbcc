"""`--isolate-functions`: one mistake costs points once, because the reference stands in for the others.

The submissions here are the reference with one function made wrong in place, so the rest of the
submission calls the wrong one (unlike a mutant of `grader selftest`, whose rest calls the
reference's own): by default the mistake also costs points in the functions that call it, and
under isolation only in its own exercise. The attacks on the stand-ins' channel are in
test_confinement.py.
"""

import json

import pytest

from conftest import ROOT, lost, run_grader
from grader import assignment as assignments
from grader.engine import grade
from grader.sandbox.process import ForkServer
from grader.sandbox.standins import StandIns

LINEAR = (ROOT / "solutions" / "linear_model.py").read_text()
DESCENT = (ROOT / "solutions" / "gradient_descent.py").read_text()
MSE_BY_3 = ("return total / len(x_data)", "return total / 3")  # lesson 2's mse, right only on 3 samples
SIGN_FLIPPED = ("total += 2 * x * (x * w - y)", "total -= 2 * x * (x * w - y)")  # lesson 3's gradient


def submission(tmp_path, stem: str, source: str, old: str, new: str):
    assert source.count(old) == 1
    path = tmp_path / f"{stem}.py"
    path.write_text(source.replace(old, new))
    return path


def test_a_wrong_mse_costs_points_in_mse_only_under_isolation(grade_file, tmp_path):
    path = submission(tmp_path, "linear_model", LINEAR, *MSE_BY_3)
    assert lost(grade_file(path)) == {"mse", "mse_sweep"}  # the sweep calls the wrong mse
    isolated = grade_file(path, isolate=True)
    assert lost(isolated) == {"mse"} and isolated.isolate_functions


def test_the_reference_keeps_every_point_under_isolation(grade_file):
    report = grade_file(ROOT / "solutions" / "linear_model.py", isolate=True)
    assert report.score == report.max_score == 100


def test_a_wrong_gradient_costs_points_in_gradient_only_under_isolation(tmp_path):
    lesson = assignments.load("gradient_descent")
    path = submission(tmp_path, "gradient_descent", DESCENT, *SIGN_FLIPPED)
    assert {"gradient", "train"} <= lost(grade(lesson, path))
    assert lost(grade(lesson, path, isolate=True)) == {"gradient"}


def test_children_forked_from_a_fork_server_stand_in_the_same_way(lesson, tmp_path):
    path = submission(tmp_path, "linear_model", LINEAR, *MSE_BY_3)
    with ForkServer() as forks:
        assert lost(grade(lesson, path, forks=forks, isolate=True)) == {"mse"}
        assert lost(grade(lesson, path, forks=forks)) == {"mse", "mse_sweep"}


def test_every_report_says_which_policy_graded_it(tmp_path):
    path = submission(tmp_path, "linear_model", LINEAR, *MSE_BY_3)
    for isolate in (False, True):
        option = ["--isolate-functions"] if isolate else []
        out = tmp_path / str(isolate)
        out.mkdir()
        result = run_grader("check", path, *option, "--format", "json", "--gradescope", out / "results.json",
                            "--junit", out / "junit.xml")
        assert json.loads(result.stdout)["isolate_functions"] is isolate
        assert f'name="isolate_functions" value="{str(isolate).lower()}"' in (out / "junit.xml").read_text()
        said = "Graded with --isolate-functions" if isolate else "calling your own other functions"
        assert said in json.loads((out / "results.json").read_text())["output"]
        assert said in run_grader("check", path, *option, "--format", "markdown").stdout.splitlines()[-3]
        text = run_grader("check", path, *option).stdout
        assert said in text.split("Sandbox (auto)")[0].rsplit("\n\n", 1)[1]  # the foot, above the sandbox


def test_a_class_graded_under_isolation_is_graded_again_without_it(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    submission(folder, "linear_model", LINEAR, *MSE_BY_3).rename(folder / "ada.py")
    totals = []
    for option in (["--isolate-functions"], []):
        result = run_grader("grade", folder, "--lesson", "linear_model", "--out", tmp_path / "out", "-j", "1", *option)
        assert result.returncode == 0, result.stderr
        report = json.loads((tmp_path / "out" / "reports" / "ada.json").read_text())["report"]
        totals.append((report["score"], report["isolate_functions"]))
    assert totals == [(92, True), (89, False)]


TO_GRID_COSTS = "    MSE = np.asarray(mse_list, dtype=float).reshape(n_w, n_b).T\n"
REBINDS = (TO_GRID_COSTS, "    global OFFSET\n" + TO_GRID_COSTS.replace(".T\n", ".T + OFFSET\n") + "    OFFSET = 1.0\n")


@pytest.mark.parametrize("isolate", [False, True])
def test_a_function_that_rebinds_a_global_changes_no_later_call(grade_file, tmp_path, isolate):
    """to_grid rebinds a global on its first call: every later call sees it as the import left it."""
    path = submission(tmp_path, "linear_model", LINEAR + "\nOFFSET = 0.0\n", *REBINDS)
    assert grade_file(path, isolate=isolate).score == 100


def test_the_rebound_global_would_cost_points(grade_file, tmp_path):
    """The same to_grid with the global as its first call leaves it: the checks see every cost off by 1."""
    path = submission(tmp_path, "linear_model", LINEAR + "\nOFFSET = 1.0\n", *REBINDS)
    assert lost(grade_file(path, only="to_grid")) == {"to_grid"}


def test_the_rule_stand_ins_for_the_functions_before_and_none_that_draw(lesson):
    rule = StandIns(None, lesson).allowed
    assert rule("forward") == () and rule("mse_sweep") == ("forward", "loss", "mse")
    assert rule("best_wb") == ("forward", "loss", "mse", "mse_sweep", "best_w", "predict", "forward_wb", "mse_wb",
                               "mse_grid", "to_grid")
    assert rule("plot_surface") == rule("plot_sweep") == (*rule("best_wb"), "best_wb")  # no drawing stands in
    assert rule("print") == ()  # nothing outside the contract
