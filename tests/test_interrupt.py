"""Stopping cleanly: Ctrl-C writes what is done and exits 130; kill -9 leaves no process behind."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, run_grader

REFERENCE_PATH = ROOT / "solutions" / "linear_model.py"
REFERENCE = REFERENCE_PATH.read_text()
HANGS = REFERENCE.replace("def mse(x_data, y_data, w):\n", "def mse(x_data, y_data, w):\n    while True:\n        pass\n", 1)


def descendants(pid: int) -> set[int]:
    """Every living process below `pid`, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in parents.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def alive(pids: set[int]) -> set[int]:
    living = set()
    for pid in pids:
        try:
            if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                living.add(pid)
        except OSError:
            pass
    return living


def start(*args, output=subprocess.PIPE) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "grader", "grade", "--lesson", "linear_model", *map(str, args)], cwd=ROOT,
                            stdout=output, stderr=output, text=True)


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_ctrl_c_writes_what_is_done_exits_130_and_resumes_to_the_same_gradebook(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("a1", "a2", "c1"):
        (folder / f"{name}.py").write_text(REFERENCE)
    (folder / "b_hangs.py").write_text(HANGS)
    out = tmp_path / "out"
    run = start(folder, "--out", out, "-j", "1", "--timeout", "60")
    wait_for(lambda: len(list((out / "reports").glob("a*.json"))) == 2 if (out / "reports").exists() else False)
    time.sleep(0.5)  # b_hangs is being graded: its mse loops
    below = descendants(run.pid)
    run.send_signal(signal.SIGINT)
    sent = time.monotonic()
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 130 and time.monotonic() - sent < 8
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "interrupted: 2 of 4 graded; run the same command to resume"
    assert [line.split(",")[0] for line in (out / "grades.csv").read_text().splitlines()[1:]] == ["a1", "a2"]
    wait_for(lambda: not alive(below), 10)  # the hanging student's process went with its worker

    (folder / "b_hangs.py").write_text(REFERENCE)
    resumed = run_grader("grade", "--lesson", "linear_model", folder, "--out", out, "-j", "1", "--timeout", "60")  # the same command
    assert resumed.returncode == 0
    assert resumed.stderr.splitlines()[0].startswith("[3/4] ")  # counted from the true total
    run_grader("grade", "--lesson", "linear_model", folder, "--out", tmp_path / "whole", "-j", "1", "--timeout", "60")
    assert (out / "grades.csv").read_text() == (tmp_path / "whole" / "grades.csv").read_text()


def test_a_second_ctrl_c_exits_at_once_without_a_traceback(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "a.py").write_text(REFERENCE)
    (folder / "b.py").write_text(HANGS)
    out = tmp_path / "out"
    run = start(folder, "--out", out, "-j", "1", "--timeout", "60")
    wait_for(lambda: (out / "reports" / "a.json").exists())
    time.sleep(0.3)
    run.send_signal(signal.SIGINT)
    time.sleep(0.05)
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=20)
    assert run.returncode == 130 and "Traceback" not in stderr
    assert "interrupted: 1 of 2 graded" in stderr


def test_kill_9_of_the_grader_leaves_no_worker_fork_server_or_sandbox(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.py").write_text(HANGS)
    # no pipes: a process left behind holding one would hang the test instead of failing it
    run = start(folder, "--out", tmp_path / "out", "-j", "2", "--timeout", "60", output=subprocess.DEVNULL)
    # 2 workers, their 2 fork servers and at least one looping sandbox each
    wait_for(lambda: len(descendants(run.pid)) >= 6)
    time.sleep(1.0)
    below = descendants(run.pid)
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    try:
        wait_for(lambda: not alive(below), 20)
    finally:
        for pid in alive(below):  # a failed run must not leave them to the next test
            os.kill(pid, signal.SIGKILL)


def test_a_memory_limit_too_low_for_the_reference_stops_before_any_student_pays(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "alice.py").write_text(REFERENCE)
    result = run_grader("grade", "--lesson", "linear_model", folder, "--out", tmp_path / "out", "--memory", "100")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert result.stderr.startswith("grader: error: --memory 100 is too low: the reference solution needs about ")
    assert "MiB" in result.stderr and not (tmp_path / "out" / "reports").exists()
    assert run_grader("check", REFERENCE_PATH, "--memory", "100").returncode == 2
