"""Reports for the places courses grade: Gradescope, JUnit readers, GitHub Actions and Classroom."""

import base64
import json
import os
import shlex
import subprocess
import sys
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from junitparser import JUnitXml

from conftest import ROOT, run_grader
from grader.cli import make_parser
from grader.render import gradescope

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "gradescope_results.schema.json").read_text())
REFERENCE = ROOT / "solutions" / "linear_model.py"


def broken_submission(folder: Path) -> Path:
    path = folder / "linear_model.py"
    path.write_text(REFERENCE.read_text().replace("return total / len(x_data)", "return total / 3"))
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    """Every report format for one wrong submission, from one run of `grader check`."""
    folder = tmp_path_factory.mktemp("outputs")
    summary = folder / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([sys.executable, "-m", "grader", "check", broken_submission(folder), "--format", "json",
                             "--gradescope", folder / "results.json", "--junit", folder / "junit.xml"],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    return {"report": json.loads(result.stdout), "stderr": result.stderr, "returncode": result.returncode,
            "gradescope": json.loads((folder / "results.json").read_text()),
            "junit": JUnitXml.fromfile(str(folder / "junit.xml")), "summary": summary.read_text()}


def test_gradescope_results_follow_the_documented_format(outputs):
    results, report = outputs["gradescope"], outputs["report"]
    jsonschema.validate(results, SCHEMA)
    checks = [c for e in report["exercises"] for c in e["checks"]]
    assert len(results["tests"]) == len(checks)
    assert sum(t["score"] for t in results["tests"]) == report["score"] < 100
    assert isinstance(results["execution_time"], float)
    failed = [t for t in results["tests"] if t["status"] == "failed"]
    assert failed and all(t["score"] == 0 and t["output"] for t in failed)
    assert {t["visibility"] for t in results["tests"]} == {"visible", "after_published"}


def test_a_crash_still_leaves_a_valid_results_file(tmp_path):
    jsonschema.validate(gradescope.crashed("ValueError: something"), SCHEMA)
    result = run_grader("check", tmp_path, "--lesson", "linear_model", "--gradescope", tmp_path / "out" / "results.json")
    assert result.returncode == 2
    written = json.loads((tmp_path / "out" / "results.json").read_text())
    jsonschema.validate(written, SCHEMA)
    assert written["score"] == 0 and "holds no .py or .ipynb" in written["output"]


def test_a_submission_that_names_no_lesson_still_leaves_a_valid_results_file(tmp_path):
    (tmp_path / "answer.py").write_text("x = 1\n")
    result = run_grader("check", tmp_path, "--gradescope", tmp_path / "out" / "results.json")
    written = json.loads((tmp_path / "out" / "results.json").read_text())
    jsonschema.validate(written, SCHEMA)
    assert result.returncode == 2 and written["score"] == 0 and "--lesson" in written["output"]


def test_junit_reads_back_with_one_suite_per_exercise(outputs):
    suites = list(outputs["junit"])
    report = outputs["report"]
    assert [s.name for s in suites] == [e["id"] for e in report["exercises"]]
    for suite, exercise in zip(suites, report["exercises"]):
        assert suite.tests == len(exercise["checks"])
        assert suite.failures == sum(not c["passed"] for c in exercise["checks"])
        properties = {p.name: p.value for p in suite.properties()}
        assert float(properties["score"]) == exercise["score"]
    failing = [case for suite in suites for case in suite if case.result]
    assert failing and all(case.classname and case.name for case in failing)


def test_under_github_actions_the_summary_and_annotations_are_written(outputs):
    assert outputs["summary"].startswith("## Lesson 2") and "| ❌ | `mse` |" in outputs["summary"]
    annotations = [line for line in outputs["stderr"].splitlines() if line.startswith("::error ")]
    assert annotations and annotations[0].startswith("::error file=")
    mse = next(line for line in annotations if "title=mse%3A" in line)
    line = next(e["line"] for e in outputs["report"]["exercises"] if e["id"] == "mse")
    assert f",line={line}," in mse and "divides by 3" in mse


def test_annotation_text_is_escaped():
    from grader.render.github import _escape_data, _escape_property

    assert _escape_data("50%\nnext") == "50%25%0Anext"
    assert _escape_property("a.py, line: 3") == "a.py%2C line%3A 3"


def test_the_classroom_result_carries_the_points(tmp_path):
    result = run_grader("check", broken_submission(tmp_path), "--format", "classroom")
    name, _, encoded = result.stdout.strip().partition("=")
    document = json.loads(base64.b64decode(encoded))
    assert name == "result" and document["status"] == "fail" and document["max_score"] == 100
    assert 0 < sum(t["score"] for t in document["tests"]) < 100
    assert {t["status"] for t in document["tests"]} == {"pass", "fail"}


def test_markdown_hides_the_messages_of_hidden_checks(tmp_path):
    result = run_grader("check", broken_submission(tmp_path), "--format", "markdown", "--only", "mse")
    report = json.loads(run_grader("check", broken_submission(tmp_path), "--format", "json", "--only", "mse").stdout)
    hidden = [c for e in report["exercises"] for c in e["checks"] if c["visibility"] == "hidden" and not c["passed"]]
    assert hidden and not any(c["message"] in result.stdout for c in hidden)
    assert "a hidden one" in result.stdout  # grouped with the public check failing for the same reason
    assert "divides by 3" in result.stdout  # the public checks' messages stay


def test_the_classroom_workflow_parses_and_uses_real_options():
    workflow = yaml.safe_load((ROOT / "templates" / "github-classroom.yml").read_text())
    assert workflow["name"] == "Autograding Tests"
    steps = workflow["jobs"]["run-autograding-tests"]["steps"]
    grade = next(step for step in steps if step.get("id") == "grade")
    command = shlex.split(grade["run"].split(">>")[0])
    assert command[0] == "grader"
    make_parser().parse_args(command[1:])  # exits on an unknown option
    assert command[1:3] == ["check", "."]  # the discovery rule finds a .py or an .ipynb
    reporter = next(step for step in steps if "autograding-grading-reporter" in step.get("uses", ""))
    assert reporter["with"]["runners"] == "grade" and "GRADE_RESULTS" in reporter["env"]
    assert reporter["if"] == "always()"  # a score reaches Classroom even when grading failed
    assert next(step for step in steps if "setup-python" in step.get("uses", ""))["with"]["cache"] == "pip"


def test_gradescope_setup_updates_the_package_lists_and_names_its_base_image():
    setup = (ROOT / "templates" / "gradescope" / "setup.sh").read_text()
    assert setup.index("apt-get update") < setup.index("apt-get install")
    assert "Ubuntu 22.04" in setup and "useradd" in setup


@pytest.fixture(scope="module")
def autograder(tmp_path_factory):
    """The Gradescope bundle, unpacked into a folder standing in for /autograder."""
    root = tmp_path_factory.mktemp("autograder")
    bundle = root / "autograder.zip"
    assert run_grader("gradescope-bundle", bundle, "--lesson", "linear_model").returncode == 0
    with zipfile.ZipFile(bundle) as archive:
        assert {"setup.sh", "run_autograder"} <= set(archive.namelist())
        archive.extractall(root / "source")
    (root / "source" / "run_autograder").chmod(0o755)
    return root


@pytest.mark.parametrize("submission, full_marks", [("correct", True), ("broken", False), ("empty", False)])
def test_run_autograder_grades_into_a_valid_results_file(autograder, submission, full_marks):
    folder = autograder / "submission"
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    if submission == "correct":
        (folder / "answer.py").write_text(REFERENCE.read_text())
    elif submission == "broken":
        (folder / "answer.py").write_text("def forward(x, w):\n    return x *\n")
    env = {**os.environ, "AUTOGRADER_ROOT": str(autograder), "AUTOGRADER_PYTHON": sys.executable}
    subprocess.run([str(autograder / "source" / "run_autograder")], env=env, capture_output=True, timeout=300,
                   check=True)
    results = json.loads((autograder / "results" / "results.json").read_text())
    jsonschema.validate(results, SCHEMA)
    score = sum(t["score"] for t in results["tests"]) if results["tests"] else results["score"]
    assert (score == 100) == full_marks
    (autograder / "results" / "results.json").unlink()
