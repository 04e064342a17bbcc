"""`grader check --watch`: graded again on each save, with what changed marked; Ctrl-C ends it cleanly."""

import queue
import signal
import subprocess
import sys
import threading
import time

from grader.report import FAILED, PASSED, CheckResult, ExerciseResult, Report
from grader.watch import NOW_FAILING, NOW_PASSING, changes, signature

from conftest import ROOT, run_grader

WRONG_MSE = (ROOT / "tests" / "mutants" / "linear_model" / "mse" / "divide_by_3.py").read_text(encoding="utf-8")


def _report(**statuses) -> Report:
    return Report("linear_model", "s", tuple(
        ExerciseResult(e, e, (CheckResult("c", "c", s, 1.0 if s == PASSED else 0.0, 1.0),))
        for e, s in statuses.items()))


def test_changes_name_the_exercises_that_now_pass_and_now_fail():
    before = _report(forward=PASSED, mse=FAILED, loss=FAILED)
    after = _report(forward=FAILED, mse=PASSED, loss=FAILED)
    assert changes(before, after) == {"forward": NOW_FAILING, "mse": NOW_PASSING}
    assert changes(None, after) == {}
    assert changes(after, after) == {}


def test_the_signature_changes_on_a_save_and_is_none_while_the_file_is_missing(tmp_path):
    file = tmp_path / "linear_model.py"
    file.write_text("x = 1\n")
    first = signature(file)
    file.write_text("x = 22\n")
    assert signature(file) != first
    file.unlink()
    assert signature(file) is None
    assert signature(tmp_path) == ()  # a folder with nothing to grade yet


def _lines(process) -> queue.Queue:
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    return lines


def _until_score(lines: queue.Queue, within: float = 120) -> list[str]:
    """The lines printed up to and including the next report's `Score:` line."""
    seen, deadline = [], time.monotonic() + within
    while not (seen and seen[-1].startswith("Score:")):
        seen.append(lines.get(timeout=max(0.1, deadline - time.monotonic())))
    return seen


def test_a_save_is_graded_again_with_the_changes_marked_and_ctrl_c_ends_it(tmp_path):
    file = tmp_path / "linear_model.py"
    reference = (ROOT / "solutions" / "linear_model.py").read_text(encoding="utf-8")
    file.write_text(reference)
    process = subprocess.Popen([sys.executable, "-m", "grader", "check", "--watch", str(file)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = _lines(process)
        assert _until_score(lines)[-1].startswith("Score: 100/100")
        file.write_text(reference + "\n\n" + WRONG_MSE)  # the later definition wins, as in Python
        second = "".join(_until_score(lines))
        assert "Since the last check: now failing: mse, mse_sweep." in second
        assert "✗ mse" in second and "<- now failing" in second and "divide by len(x_data)" in second
        file.write_text(reference)
        third = "".join(_until_score(lines))
        assert "now passing: mse, mse_sweep" in third and third.rstrip().endswith(")")
    finally:
        process.send_signal(signal.SIGINT)
        _, errors = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in errors and errors.strip() == ""


def test_watch_prints_only_the_text_report():
    done = run_grader("check", "--watch", "--format", "json", "solutions/linear_model.py")
    assert done.returncode == 2 and "--watch prints the text report" in done.stderr
