"""`grader check` as students, instructors and CI use it: scores, reports, exit codes."""

import json
import os
import shutil

import pytest

from conftest import ROOT, run_grader


@pytest.fixture(scope="module")
def reference_json():
    result = run_grader("check", "solutions/linear_model.py", "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_reference_earns_every_point(reference_json):
    assert reference_json["score"] == reference_json["max_score"] == 100


def test_the_json_report_has_the_designed_shape(reference_json, lesson):
    assert reference_json["assignment"] == "linear_model"
    assert [e["id"] for e in reference_json["exercises"]] == [e.id for e in lesson.exercises]
    check = reference_json["exercises"][0]["checks"][0]
    assert set(check) >= {"name", "passed", "score", "max_score", "message", "hint", "visibility"}
    assert set(reference_json) >= {"submission", "errors", "grader_version", "duration_s"}


@pytest.mark.parametrize("stub", ["exercises/linear_model.py", "exercises/linear_model.ipynb"])
def test_the_untouched_stubs_earn_nothing_and_say_not_implemented(stub):
    result = run_grader("check", stub)
    assert result.returncode == 1
    assert "0 / 100" in result.stdout and result.stdout.count("not implemented yet") == 13
    assert "Traceback" not in result.stdout + result.stderr


def test_check_without_a_path_in_a_kit_of_two_lessons_names_the_files_it_could_grade():
    result = run_grader("check")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert ("`grader check exercises/gradient_descent.py` or `grader check exercises/linear_model.py`"
            in result.stderr)


@pytest.mark.parametrize("stem", ["linear_model", "gradient_descent"])
def test_check_without_a_path_grades_the_one_exercise_file_there_is(stem, tmp_path):
    (tmp_path / "exercises").mkdir()
    shutil.copy(ROOT / "exercises" / f"{stem}.py", tmp_path / "exercises")
    result = run_grader("check", "--only", "forward", "--format", "json", cwd=tmp_path)
    report = json.loads(result.stdout)
    assert report["assignment"] == stem and report["submission"] == f"exercises/{stem}.py"
    assert [e["id"] for e in report["exercises"]] == ["forward"] and result.returncode == 1


def test_check_without_a_path_grades_the_named_lessons_exercise_file():
    report = json.loads(run_grader("check", "--lesson", "gradient_descent", "--format", "json").stdout)
    assert report["assignment"] == "gradient_descent"
    assert report["submission"].endswith("exercises/gradient_descent.py")


def test_min_score_sets_the_pass_mark():
    assert run_grader("check", "exercises/linear_model.py", "--only", "forward", "--min-score", "0").returncode == 0


@pytest.mark.parametrize("args, words", [
    (["check", "no/such/file.py"], "no such file"),
    (["check", "exercises/linear_model.py", "--only", "nothing"], "no exercise named"),
    (["check", "--format", "xml"], "invalid choice"),
    (["check", "--timeout", "-1"], "positive"),
    (["check", "--timeout", "inf"], "positive"),
    (["grade", ".", "-j", "0"], "whole number"),
    (["frobnicate"], "invalid choice"),
])
def test_misuse_exits_2_with_one_line_on_stderr(args, words):
    result = run_grader(*args)
    assert result.returncode == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_the_same_submission_gets_the_same_report(tmp_path):
    broken = tmp_path / "linear_model.py"
    source = (ROOT / "solutions" / "linear_model.py").read_text()
    broken.write_text(source.replace("return total / len(x_data)", "return total / 3")
                      .replace("return (forward(x, w) - y) ** 2", "return abs(forward(x, w) - y)"))
    runs = [json.loads(run_grader("check", broken, "--format", "json").stdout) for _ in range(2)]
    for run in runs:
        run.pop("duration_s")
    assert runs[0] == runs[1]
    assert runs[0]["score"] < 100


def test_the_text_report_names_the_call_the_values_and_a_hint(tmp_path):
    broken = tmp_path / "linear_model.py"
    source = (ROOT / "solutions" / "linear_model.py").read_text()
    broken.write_text(source.replace("return total / len(x_data)", "return total"))
    result = run_grader("check", broken, "--only", "mse")
    assert result.returncode == 1
    assert "`mse([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 1.0)` returned 14.0, expected 4.6666667" in result.stdout
    assert "Hint: This is the sum of the losses" in result.stdout


def test_grading_leaves_nothing_in_the_folder_it_is_run_from(tmp_path):
    result = run_grader("check", ROOT / "solutions" / "linear_model.py", cwd=tmp_path)
    assert result.returncode == 0 and list(tmp_path.iterdir()) == []


def test_a_user_with_no_writable_home_can_still_grade(tmp_path):
    home = tmp_path / "home"
    home.mkdir(mode=0o500)  # like Gradescope's `student`, whose home may not exist or be writable
    env = {**os.environ, "HOME": str(home / "missing"), "XDG_CACHE_HOME": ""}
    if os.geteuid() == 0:  # root writes anywhere: point the cache at a file instead of a folder
        (tmp_path / "file").write_text("")
        env["XDG_CACHE_HOME"] = str(tmp_path / "file")
    result = run_grader("check", ROOT / "solutions" / "linear_model.py", "--format", "json", cwd=tmp_path, env=env)
    assert json.loads(result.stdout)["score"] == 100
