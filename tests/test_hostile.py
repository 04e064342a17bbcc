"""The fault bank: hostile and broken submissions cost only their own points.

Each fault in tests/faults/ breaks `to_grid` (which no other function calls) or the import
itself; the report must say what happened, and every other exercise keeps every point.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, lost, run_grader
from grader.sandbox.process import Limits
from grader.selftest import compose_mutant

FAULTS = Path(__file__).resolve().parent / "faults"
REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()
FAST = Limits(call_timeout=1.0, import_timeout=3.0)

# fault -> what the first failing check of to_grid must say
TO_GRID_FAULTS = {
    "infinite_loop": "did not return within 1 s",
    "sys_exit": "tried to end the program (SystemExit, exit code 3)",
    "raise_system_exit": "tried to end the program (SystemExit, exit code 'bye')",
    "keyboard_interrupt": "tried to end the program (KeyboardInterrupt",
    "os_exit": "stopped the grader's worker: the process exited with code 7",
    "segfault": "stopped the grader's worker: the process was killed by SIGSEGV",
    "kill_itself": "stopped the grader's worker: the process was killed by SIGKILL",
    "eats_memory": "used more than 1024 MiB of memory",
    "equal_to_everything": "returned <linear_model.Anything object",
    "complex_values": "returned an array of complex numbers",
    "nan_values": "MSE[0, 0] = nan, expected 87.0",
    "huge_array": "an array too large to grade, shape (30000000,)",
    "nested_lists": "a list nested more than 20 deep",
    "tampers_at_import": "returned W of shape (1, 1); expected (41, 41)",
    "imports_the_grader": "`to_grid` is not implemented yet",
}


def composed(tmp_path: Path, fault: str) -> Path:
    path = tmp_path / "linear_model.py"
    path.write_text(compose_mutant(REFERENCE, (FAULTS / f"{fault}.py").read_text()))
    return path


def first_failure(report, exercise: str) -> str:
    return next(c.message for e in report.exercises if e.id == exercise for c in e.checks if not c.passed)


def test_every_fault_in_the_bank_is_tested():
    assert {p.stem for p in FAULTS.glob("*.py")} == set(TO_GRID_FAULTS) | {"prints_megabytes", "hangs_at_import"}


@pytest.mark.parametrize("fault", sorted(TO_GRID_FAULTS))
def test_a_fault_in_one_function_costs_only_its_points(grade_file, tmp_path, fault):
    limits = Limits() if fault == "eats_memory" else FAST  # filling 1 GiB takes a moment
    report = grade_file(composed(tmp_path, fault), limits=limits)
    assert lost(report) == {"to_grid"}
    assert TO_GRID_FAULTS[fault] in first_failure(report, "to_grid")
    assert not report.errors


def test_printing_megabytes_costs_nothing(grade_file, tmp_path):
    report = grade_file(composed(tmp_path, "prints_megabytes"))
    assert report.score == 100


def test_a_failing_call_shows_what_it_printed(grade_file, tmp_path):
    path = tmp_path / "linear_model.py"
    path.write_text(compose_mutant(REFERENCE, 'def predict(x, x_data, y_data, w_values):\n'
                                              '    print("debug:", x)\n    return 1 / 0\n'))
    report = grade_file(path, only="predict")
    assert "Before that it printed:\ndebug: 4.0" in first_failure(report, "predict")


def test_a_file_that_hangs_at_import_is_a_graded_zero(grade_file, tmp_path):
    report = grade_file(composed(tmp_path, "hangs_at_import"), limits=FAST)
    assert report.score == 0 and "took longer than 3 s" in report.errors[0]


def test_tampering_leaves_the_next_submission_alone(grade_file, tmp_path):
    grade_file(composed(tmp_path, "tampers_at_import"))
    assert grade_file(ROOT / "solutions" / "linear_model.py").score == 100


def test_a_hostile_submission_gets_the_same_report_every_time(tmp_path):
    source = compose_mutant(REFERENCE, (FAULTS / "segfault.py").read_text())
    source = compose_mutant(source, (FAULTS / "equal_to_everything.py").read_text().replace("to_grid", "best_wb"))
    path = tmp_path / "linear_model.py"
    path.write_text(source)
    runs = [json.loads(run_grader("check", path, "--format", "json").stdout) for _ in range(2)]
    for run in runs:
        run.pop("duration_s")
    points = {e["id"]: e["max_score"] for e in runs[0]["exercises"]}
    assert runs[0] == runs[1] and runs[0]["score"] == runs[0]["max_score"] - points["to_grid"] - points["best_wb"]


# -- files that are broken as files ---------------------------------------------------


def notebook_with(cells, nbformat=4, minor=5):
    if nbformat == 3:
        return json.dumps({"nbformat": 3, "nbformat_minor": 0, "metadata": {}, "worksheets": [{"cells": [
            {"cell_type": "code", "input": text, "language": "python", "outputs": [], "metadata": {}}
            for text in cells]}]})
    return json.dumps({"nbformat": nbformat, "nbformat_minor": minor, "metadata": {}, "cells": [
        {"cell_type": "code", "id": f"c{n}", "metadata": {}, "outputs": [], "execution_count": None,
         "source": text} for n, text in enumerate(cells)]})


def test_an_nbformat_3_notebook_is_converted_and_graded(grade_file, tmp_path):
    path = tmp_path / "linear_model.ipynb"
    path.write_text(notebook_with([REFERENCE], nbformat=3))
    assert grade_file(path).score == 100


def test_a_syntax_error_in_one_cell_names_the_cell_and_line(grade_file, tmp_path):
    path = tmp_path / "linear_model.ipynb"
    path.write_text(notebook_with([REFERENCE, "x = 1\ny = (\n"]))
    report = grade_file(path)
    assert report.score == 100
    assert "cell 2" in report.notes[0] and "line 2" in report.notes[0]


@pytest.mark.parametrize("name, content, words", [
    ("linear_model.ipynb", b"{ not json", "not a valid notebook: broken JSON at line 1, column 3"),
    ("linear_model.ipynb", notebook_with([]).encode(), "has no code cells"),
    ("linear_model.py", "x = 'é'".encode("utf-16"), "is not UTF-8 text"),
    ("linear_model.py", b"", "is empty"),
])
def test_a_broken_file_is_a_graded_zero_with_one_reason(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_grader("check", path, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["score"] == 0
    assert len(report["errors"]) == 1 and words in report["errors"][0]


def test_a_folder_with_nothing_to_grade_is_misuse(tmp_path):
    result = run_grader("check", tmp_path)
    assert result.returncode == 2 and "holds no .py or .ipynb file" in result.stderr


# -- found in review: attacks on the grader itself --------------------------------------


def test_rewriting_the_kit_on_disk_at_import_changes_nothing(tmp_path):
    """The student's code runs only after the grader has read its checks and the reference:
    a second defence, proven with the sandbox off (with it on, the kit cannot be written)."""
    import shutil

    kit = tmp_path / "kit"
    for name in ("grader", "solutions"):
        shutil.copytree(ROOT / name, kit / name, ignore=shutil.ignore_patterns("__pycache__"))
    attack = '''
import os, sys
kit = os.readlink(f"/proc/{os.getppid()}/cwd")  # the grader's working folder: the kit, here
wrong = "\\n\\ndef forward(x, w):\\n    return x * w + 1\\n"
for path in ("solutions/linear_model.py", "grader/lessons/linear_model/checks_model.py"):
    with open(os.path.join(kit, path), "a") as f:
        f.write(wrong if path.startswith("solutions") else "\\nref.forward = lambda x, w: x * w + 1\\n")


def forward(x, w):
    return x * w + 1
'''
    answer = tmp_path / "linear_model.py"
    answer.write_text(compose_mutant(REFERENCE, attack))
    result = subprocess.run([sys.executable, "-m", "grader", "check", answer, "--only", "forward", "--format", "json",
                             "--sandbox", "off"],
                            cwd=kit, capture_output=True, text=True, timeout=120)
    assert "x * w + 1" in (kit / "solutions" / "linear_model.py").read_text()  # the attack did write
    assert json.loads(result.stdout)["score"] == 0


def test_unprintable_text_from_the_student_is_made_safe(tmp_path):
    fault = 'def to_grid(w_list, b_list, mse_list):\n    print("\\x1b[31mred\\x00")\n    raise ValueError("\\ud800 \\x1b[2J")\n'
    answer = tmp_path / "linear_model.py"
    answer.write_text(compose_mutant(REFERENCE, fault))
    result = run_grader("check", answer, "--only", "to_grid", "--gradescope", tmp_path / "r.json",
                        "--junit", tmp_path / "j.xml")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stdout and "?[31mred?" in result.stdout
    from junitparser import JUnitXml

    assert len(list(JUnitXml.fromfile(str(tmp_path / "j.xml")))) == 1
    json.loads((tmp_path / "r.json").read_text())


def test_a_long_double_comes_back_as_a_number(grade_file, tmp_path):
    path = tmp_path / "linear_model.py"
    path.write_text(compose_mutant(REFERENCE, "import numpy as np\n\n\ndef forward(x, w):\n"
                                              "    return np.longdouble(x * w) if np.ndim(x) == 0 else x * w\n"))
    assert grade_file(path, only="forward").score == 8


def test_a_forged_reply_is_caught_not_believed(grade_file, tmp_path):
    forge = '''import json, os, struct


def loss(x, y, w):
    body = json.dumps({"value": 0.0, "raised": {}}).encode()
    for fd in range(3, 12):
        try:
            os.write(fd, struct.pack(">I", len(body)) + body)
        except OSError:
            pass
    return (forward(x, w) - y) ** 2
'''
    path = tmp_path / "linear_model.py"
    path.write_text(compose_mutant(REFERENCE, forge))
    report = grade_file(path)
    assert lost(report) <= {"loss", "mse", "mse_sweep", "best_w", "predict"} and "loss" in lost(report)
    assert "broke the conversation with the grader" in first_failure(report, "loss")
    assert not any("could not finish" in c.message for e in report.exercises for c in e.checks)
