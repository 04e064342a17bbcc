"""`grader grade`: a class in one command, every submission a row, resumable after any kill."""

import csv
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_grader

REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()
sys.path.insert(0, str(ROOT / "bench"))
from make_class import make_class  # noqa: E402


def rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A small class in every layout, with a broken submission in the middle, graded once."""
    folder = tmp_path_factory.mktemp("class") / "submissions"
    folder.mkdir()
    (folder / "alice.py").write_text(REFERENCE)
    (folder / "bob").mkdir()
    (folder / "bob" / "linear_model.ipynb").write_text((ROOT / "exercises" / "linear_model.ipynb").read_text())
    (folder / "carol").mkdir()
    (folder / "carol" / "answer.py").write_text("def forward(x, w):\n    return x *\n")
    (folder / "dave").mkdir()
    (folder / "dave" / "report.pdf").write_bytes(b"%PDF-1.4")
    for junk in ("__pycache__", "erin"):  # a cache and an empty folder are nobody's submission
        (folder / junk).mkdir()
    (folder / "__pycache__" / "alice.cpython-311.pyc").write_bytes(b"")
    (folder / "notes.txt").write_text("not a submission")
    out = folder.parent / "out"
    result = run_grader("grade", folder, "--out", out, "--canvas", out / "canvas.csv", "-j", "2",
                        "--lesson", "linear_model")
    assert result.returncode == 0, result.stderr
    return folder, out, result


def test_every_submission_is_one_row_and_nothing_else_is(graded):
    _, out, _ = graded
    table = rows(out / "grades.csv")
    assert [r["student"] for r in table] == ["alice", "bob", "carol", "dave"]
    by_id = {r["student"]: r for r in table}
    assert by_id["alice"]["total"] == "100" and by_id["alice"]["mse"] == "10" and by_id["alice"]["status"] == "graded"
    assert by_id["bob"]["total"] == "0" and by_id["bob"]["status"] == "graded"
    assert by_id["carol"]["status"] == "graded" and by_id["carol"]["total"] == "0"  # cannot be imported: a graded 0
    assert "SyntaxError" in by_id["carol"]["reason"]
    assert by_id["dave"]["status"] == "no submission" and by_id["dave"]["total"] == ""
    assert sorted(p.stem for p in (out / "reports").glob("*.json")) == ["alice", "bob", "carol", "dave"]


def test_each_report_has_the_shape_of_grader_check(graded):
    _, out, _ = graded
    document = json.loads((out / "reports" / "alice.json").read_text())
    assert document["report"]["score"] == 100 and len(document["report"]["exercises"]) == 13


def test_the_canvas_file_has_the_header_canvas_requires(graded):
    _, out, _ = graded
    lines = (out / "canvas.csv").read_text().splitlines()
    assert lines[0].startswith("Student,ID,SIS User ID,SIS Login ID,Section,")
    assert lines[1] == "Points Possible,,,,,100"
    assert "alice,,,alice,,100" in lines and "dave,,,dave,," in lines


def test_a_submission_that_cannot_be_imported_has_one_verdict_everywhere(graded):
    _, out, _ = graded
    row = {r["student"]: r for r in rows(out / "grades.csv")}["carol"]
    document = json.loads((out / "reports" / "carol.json").read_text())
    canvas = (out / "canvas.csv").read_text().splitlines()
    summary = (out / "summary.md").read_text()
    assert (row["status"], row["total"]) == (document["status"], "0") == ("graded", "0")
    assert document["report"]["score"] == 0 and document["reason"] == document["report"]["errors"][0]
    assert "carol,,,carol,,0" in canvas
    assert "lowest 0, highest 100" in summary  # in the statistics, beside bob's stubs (0) and alice (100)


def test_the_summary_says_what_to_reteach(graded):
    _, out, result = graded
    summary = (out / "summary.md").read_text()
    assert "4 submissions, 3 graded (a submission that cannot be imported is a graded 0), 1 not graded" in summary
    assert "| carol | answer.py could not be imported" in summary and "| dave | no submission |" in summary
    assert "Not submissions, not graded: erin/ (empty), notes.txt." in summary
    assert all((out / name).stat().st_size > 1000 for name in ("scores.png", "exercises.png", "failing_checks.png"))
    assert result.stderr.count("\n") == 4  # one progress line per submission when not on a terminal
    assert "ignored (not a submission): erin/ (empty), notes.txt" in result.stdout


def test_a_second_run_grades_only_what_changed(graded):
    folder, out, _ = graded
    again = run_grader("grade", folder, "--out", out, "--lesson", "linear_model")
    assert again.stderr == ""  # nothing left to grade
    (folder / "alice.py").write_text(REFERENCE.replace("return total / len(x_data)", "return total"))
    changed = run_grader("grade", folder, "--out", out, "--lesson", "linear_model")
    assert changed.stderr.count("\n") == 1 and "alice" in changed.stderr
    assert {r["student"]: r["total"] for r in rows(out / "grades.csv")}["alice"] != "100"


def test_a_run_killed_midway_resumes_to_the_same_gradebook(tmp_path):
    folder = make_class(8, tmp_path / "class")
    for path in folder.rglob("*"):  # this test wants no endless loops: only finished work can be resumed
        if path.is_file() and "while True" in path.read_text():
            path.write_text(REFERENCE)
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    assert run_grader("grade", folder, "--out", whole, "-j", "1", "--lesson", "linear_model").returncode == 0
    run = subprocess.Popen([sys.executable, "-m", "grader", "grade", folder, "--out", cut, "-j", "1",
                            "--lesson", "linear_model"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(list((cut / "reports").glob("student*.json"))) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait()
    finished_before = len(list((cut / "reports").glob("student*.json")))
    assert 3 <= finished_before < 8
    resumed = run_grader("grade", folder, "--out", cut, "-j", "1", "--lesson", "linear_model")
    assert resumed.returncode == 0
    assert resumed.stderr.count("\n") == 8 - finished_before  # only the missing ones are graded
    assert (cut / "grades.csv").read_text() == (whole / "grades.csv").read_text()


def test_a_missing_folder_is_misuse(tmp_path):
    result = run_grader("grade", tmp_path / "nothing", "--lesson", "linear_model")
    assert result.returncode == 2 and "no such folder" in result.stderr


def test_a_student_who_kills_the_fork_server_costs_nobody_else(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    killer = REFERENCE + "\nimport os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n"
    (folder / "a_killer.py").write_text(killer)
    for name in ("b_first", "c_second"):
        (folder / f"{name}.py").write_text(REFERENCE)
    result = run_grader("grade", folder, "--out", tmp_path / "out", "-j", "1", "--lesson", "linear_model")
    assert result.returncode == 0, result.stderr
    totals = {r["student"]: r["total"] for r in rows(tmp_path / "out" / "grades.csv")}
    assert totals["b_first"] == totals["c_second"] == "100"
