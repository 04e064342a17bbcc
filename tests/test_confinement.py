"""The attack suite: the kernel confines the student's code.

Each attack in tests/attacks/ is added to an ordinary submission and graded under
`--sandbox require`, so on a machine that cannot confine every layer these tests fail
rather than pass on a weaker sandbox. Each asserts what matters: the score is not raised,
no file outside the child's folder changed, no process is left, nothing arrived at a
listener. Where it is safe, the same attack is also graded with `--sandbox off` and must
succeed there: that proves the attack is real and the assertion can fail.
"""

import csv
import hashlib
import json
import os
import signal
import socket
import sys
import sysconfig
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, lost, run_grader, scores
from grader import assignment as assignments
from grader.doctor import probe
from grader.sandbox import standins, wire
from grader.sandbox.layers import LAYERS
from grader.sandbox.process import Limits, Program, Sandbox
from grader.sandbox.standins import StandIns
from grader.selftest import compose_mutant

ATTACKS = Path(__file__).resolve().parent / "attacks"
REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()
STUBS = (ROOT / "exercises" / "linear_model.py").read_text()
FINDS_THE_KIT = (ATTACKS / "kit.py").read_text()
DAEMON = f"gd{os.getpid()}"  # this run's daemon's name (15 characters at most), not another run's
REQUIRE = Limits(call_timeout=2.0, import_timeout=15.0, sandbox="require")
OFF = Limits(call_timeout=2.0, import_timeout=15.0, sandbox="off")


def attack(name: str, **fill) -> str:
    text = (ATTACKS / f"{name}.py").read_text()
    for word, value in fill.items():
        text = text.replace(word, repr(value))
    return text


def at_import(base: str, name: str) -> str:
    """`base` with the attack's code run at the end of its import."""
    return f"{base}\n\n{FINDS_THE_KIT}\n\n{attack(name)}\n"


def in_to_grid(name: str, **fill) -> str:
    """The reference with the attack's `to_grid` in place of its own."""
    return compose_mutant(REFERENCE, f"{FINDS_THE_KIT}\n\n{attack(name, **fill)}")


def write(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "linear_model.py"
    path.write_text(source)
    return path


def message_of(report, exercise: str) -> str:
    return next(c.message for e in report.exercises if e.id == exercise for c in e.checks if not c.passed)


def tree_digest(root: Path) -> str:
    """Every file under `root` but caches and environments, by path and content."""
    digest = hashlib.sha256()
    skip = {".git", ".venv", "__pycache__", ".hypothesis"}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not skip & set(path.relative_to(root).parts) and ".egg-info" not in str(path):
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def processes_named(name: str) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        try:
            if entry.isdigit() and Path(f"/proc/{entry}/comm").read_text().strip() == name:
                found.append(int(entry))
        except OSError:
            pass
    return found


def descendants(pid: int) -> set[int]:
    """Every living process below `pid`, from the kernel's parent links."""
    parents = {}
    for entry in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            pass
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def test_this_machine_confines_every_layer():
    layers = probe()
    assert all(layers[layer] for layer in LAYERS), layers


def test_the_reference_cannot_be_run_by_the_stubs(grade_file, tmp_path):
    path = write(tmp_path, at_import(STUBS, "steals_the_reference"))
    assert grade_file(path, limits=REQUIRE).score == 0
    assert grade_file(path, limits=OFF).score == 100  # the attack works where nothing stops it


def test_the_checks_cannot_leak_through_a_message(grade_file, tmp_path):
    path = write(tmp_path, in_to_grid("leaks_the_checks"))
    confined = message_of(grade_file(path, limits=REQUIRE, only="to_grid"), "to_grid")
    source = (ROOT / "grader" / "lessons" / "linear_model" / "checks_search.py").read_text()
    opening = source.splitlines()[0]
    assert "found nothing to leak" in confined and opening not in confined
    assert opening in message_of(grade_file(path, limits=OFF, only="to_grid"), "to_grid")


def test_a_public_message_shows_no_input_of_a_hidden_check(grade_file, tmp_path):
    report = grade_file(write(tmp_path, compose_mutant(REFERENCE, attack("replays_hidden_inputs"))), limits=REQUIRE)
    public = [c.message for e in report.exercises for c in e.checks if c.visibility == "public" and not c.passed]
    hidden_forward_inputs = "array([-"  # hypothesis draws negative arrays in forward's hidden property
    assert public and not any(hidden_forward_inputs in m for m in public)


def test_the_kit_cannot_be_edited(grade_file, tmp_path):
    before = tree_digest(ROOT)
    report = grade_file(write(tmp_path, at_import(REFERENCE, "edits_the_kit")), limits=REQUIRE)
    assert report.score == 100
    assert tree_digest(ROOT) == before and not (ROOT / "EDITED_BY_A_STUDENT").exists()


@pytest.mark.parametrize("without", ["", "seccomp", "namespaces"])
def test_no_process_outlives_the_grading(grade_file, tmp_path, monkeypatch, without):
    """With every layer, and with each of the two that stop it forced off in turn."""
    monkeypatch.setenv("GRADER_SANDBOX_WITHOUT", without)
    marker = Path(f"/tmp/{DAEMON}-was-here")
    marker.unlink(missing_ok=True)
    report = grade_file(write(tmp_path, in_to_grid("daemon", DAEMON_NAME=DAEMON, MARKER=str(marker))),
                        limits=REQUIRE if not without else Limits(call_timeout=2.0), only="to_grid")
    assert lost(report) == {"to_grid"}
    time.sleep(1.5)  # the daemon writes after 1 s
    assert processes_named(DAEMON) == [] and not marker.exists()


def test_the_daemon_detector_finds_a_daemon_when_nothing_stops_it(grade_file, tmp_path):
    marker = tmp_path / "daemon-was-here"
    grade_file(write(tmp_path, in_to_grid("daemon", DAEMON_NAME=DAEMON, MARKER=str(marker))), limits=OFF,
               only="to_grid")
    found = processes_named(DAEMON)
    for pid in found:
        os.kill(pid, signal.SIGKILL)
    assert found


def test_a_fork_bomb_fails_its_check_and_leaves_nothing(grade_file, tmp_path):
    report = grade_file(write(tmp_path, in_to_grid("fork_bomb")), limits=REQUIRE)
    assert lost(report) == {"to_grid"}
    failed = next(c for e in report.exercises if e.id == "to_grid" for c in e.checks if not c.passed)
    assert "BlockingIOError" in failed.message and "sandbox" in failed.hint
    assert descendants(os.getpid()) == set()


class Listeners:
    """A TCP listener, a UDP socket and an abstract Unix socket on this machine, recording what arrives."""

    def __init__(self):
        self.arrived = []
        self.tcp = socket.create_server(("127.0.0.1", 0))
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.unix_name = f"grader-attack-{os.getpid()}"
        self.unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.unix.bind("\0" + self.unix_name)
        self.unix.listen()
        for server in (self.tcp, self.udp, self.unix):
            server.settimeout(0.2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._listen, daemon=True)
        self.thread.start()

    def fill(self) -> dict:
        return {"UDP_PORT": self.udp.getsockname()[1], "PORT": self.tcp.getsockname()[1],
                "SOCKET_NAME": self.unix_name}

    def _listen(self):
        while not self.stop.is_set():
            for server in (self.tcp, self.unix):
                try:
                    connection, _ = server.accept()
                    connection.settimeout(1.0)
                    self.arrived.append(connection.recv(100))
                except OSError:
                    pass
            try:
                self.arrived.append(self.udp.recv(100))
            except OSError:
                pass

    def close(self) -> list:
        time.sleep(0.3)
        self.stop.set()
        self.thread.join()
        for server in (self.tcp, self.udp, self.unix):
            server.close()
        return self.arrived


@pytest.mark.parametrize("limits, reaches", [(REQUIRE, False), (OFF, True)])
def test_nothing_reaches_the_network(grade_file, tmp_path, limits, reaches):
    listeners = Listeners()
    try:
        report = grade_file(write(tmp_path, in_to_grid("network", **listeners.fill())), limits=limits,
                            only="to_grid")
    finally:
        arrived = listeners.close()
    assert bool(arrived) == reaches, message_of(report, "to_grid")
    if reaches:  # every try of every call: TCP, UDP and the abstract socket each arrived
        assert "network: ['sent', 'sent', 'sent']" in message_of(report, "to_grid")


@pytest.mark.parametrize("sandbox, untouched", [("require", True), ("off", False)])
def test_a_student_cannot_touch_the_class_during_class_grading(tmp_path, sandbox, untouched):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "mallory.py").write_text(at_import(REFERENCE, "overwrites_classmates"))
    for student in ("alice", "bob"):
        (folder / f"{student}.py").write_text(REFERENCE)
    before = tree_digest(folder)
    result = run_grader("grade", folder, "--lesson", "linear_model", "--out", tmp_path / "out", "-j", "1",
                        "--sandbox", sandbox)
    assert result.returncode == 0, result.stderr
    assert (tree_digest(folder) == before) == untouched
    if untouched:
        with open(tmp_path / "out" / "grades.csv", newline="") as f:
            totals = {row["student"]: row["total"] for row in csv.DictReader(f)}
        assert totals == {"alice": "100", "bob": "100", "mallory": "100"}


PROBE = '''
import ctypes, os, socket, sys, traceback


def attempt(action):
    try:
        action()
        return "allowed"
    except BaseException as refused:
        return type(refused).__name__


def fork():
    if os.fork() == 0:
        os._exit(0)


def ptrace(pid):
    if ctypes.CDLL(None, use_errno=True).ptrace(0x4206, pid, 0, 0) != 0:  # PTRACE_SEIZE: stops nothing
        raise PermissionError(ctypes.get_errno(), "ptrace")


def read(path):
    with open(path, "rb") as f:
        f.read(1)


def probe(kit, home, other, grader, tracee, base_site, examples):
    reference = os.path.join(kit, "solutions", "linear_model.py")
    return {
        "read the examples the grader replays": attempt(lambda: read(examples)),
        "write beside them": attempt(lambda: open(os.path.join(os.path.dirname(examples), "planted.json"), "w").close()),
        "list the base interpreter's site-packages": attempt(lambda: os.listdir(base_site)),
        "make a memory file": attempt(lambda: os.memfd_create("hoard")),
        "read the reference": attempt(lambda: read(reference)),
        "list the kit": attempt(lambda: os.listdir(kit)),
        "list the home folder": attempt(lambda: os.listdir(home)),
        "list another child's folder": attempt(lambda: os.listdir(other)),
        "read the parent's /proc entries": attempt(lambda: read(f"/proc/{os.getppid()}/cmdline")),
        "read /proc/1/environ": attempt(lambda: read("/proc/1/environ")),
        "read through /proc/self/root": attempt(lambda: read("/proc/self/root" + reference)),
        "follow a symbolic link out": attempt(lambda: (os.symlink(reference, "link"), read("link"))),
        "make a hard link out": attempt(lambda: os.link(reference, "hard")),
        "write in /tmp": attempt(lambda: open("/tmp/grader-probe-was-here", "w").close()),
        "signal the grader": attempt(lambda: os.kill(grader, 0)),
        "trace another process": attempt(lambda: ptrace(tracee or os.getppid())),
        "start a process": attempt(fork),
        "open a socket": attempt(lambda: socket.socket()),
        "write in its own folder": attempt(lambda: open("mine.txt", "w").close()),
        "descriptors": sorted(fd for fd in range(64) if attempt(lambda: os.fstat(fd)) == "allowed"),
        "paths it was told": [os.getcwd(), *sys.argv, *os.environ.values(),
                              *(frame.filename for frame in traceback.extract_stack())],
    }
'''


# where a user without XDG_CACHE_HOME keeps them (the tests' own cache is in /tmp, out of reach anyway)
HOME_EXAMPLES = Path.home() / ".cache" / "linear-model-grader" / "examples" / "probe-examples.json"


def run_probe(limits: Limits) -> dict:
    program = Program("probe", [{"source": PROBE, "filename": "probe.py", "label": None}], tolerant=False)
    with Sandbox(program, limits) as other, Sandbox(program, limits) as sandbox:
        other.load_result()
        tracee = other._child.proc.pid if limits.sandbox == "off" else 0  # never the test itself
        base_site = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})["purelib"]
        arguments = [str(ROOT), os.path.expanduser("~"), other._workdir, os.getpid(), tracee, base_site,
                     str(HOME_EXAMPLES)]
        reply = sandbox.request({"fn": "probe", "args": arguments, "plot": False, "return_args": False})
        return wire.from_plain(reply["value"])


@pytest.fixture
def kept_examples():
    """A file where the grader keeps the examples it replays, in the user's home."""
    HOME_EXAMPLES.parent.mkdir(parents=True, exist_ok=True)
    HOME_EXAMPLES.write_text("{}", encoding="utf-8")
    yield HOME_EXAMPLES
    HOME_EXAMPLES.unlink()
    (HOME_EXAMPLES.parent / "planted.json").unlink(missing_ok=True)


def test_what_a_confined_child_can_reach(kept_examples):
    Path("/tmp/grader-probe-was-here").unlink(missing_ok=True)
    seen = run_probe(REQUIRE)
    told = seen.pop("paths it was told")
    assert seen.pop("write in its own folder") == "allowed"
    assert len(seen.pop("descriptors")) <= 5  # stdin, the captured output twice, its two pipes
    assert {what: outcome for what, outcome in seen.items() if outcome == "allowed"} == {}
    assert not [p for p in told if str(ROOT / "grader") in p or str(ROOT / "solutions") in p]
    assert not Path("/tmp/grader-probe-was-here").exists()


def test_the_probe_reaches_everything_without_a_sandbox(kept_examples):
    seen = run_probe(OFF)
    assert seen["read the examples the grader replays"] == seen["write beside them"] == "allowed"
    assert seen["read the reference"] == seen["list another child's folder"] == "allowed"
    assert seen["open a socket"] == seen["start a process"] == seen["trace another process"] == "allowed"
    Path("/tmp/grader-probe-was-here").unlink(missing_ok=True)


# -- honest degradation -----------------------------------------------------------------


def test_require_refuses_when_a_layer_is_missing_and_auto_says_so(tmp_path):
    env = {**os.environ, "GRADER_SANDBOX_WITHOUT": "landlock"}
    reference = ROOT / "solutions" / "linear_model.py"
    refused = run_grader("check", reference, "--sandbox", "require", env=env)
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr.strip().count("\n") == 0 and "cannot confine files" in refused.stderr
    graded = run_grader("check", reference, "--format", "json", env=env)
    sandbox = json.loads(graded.stdout)["sandbox"]
    assert graded.returncode == 0 and sandbox["mode"] == "auto"
    assert sandbox["files"] == "" and sandbox["processes"] and sandbox["network"]


def test_a_class_is_refused_before_any_student_runs(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    (folder / "alice.py").write_text(REFERENCE)
    env = {**os.environ, "GRADER_SANDBOX_WITHOUT": "namespaces,seccomp"}
    result = run_grader("grade", folder, "--lesson", "linear_model", "--out", tmp_path / "out", "--sandbox", "require",
                        env=env)
    assert result.returncode == 2 and "cannot confine processes and network" in result.stderr
    assert not (tmp_path / "out").exists()


def test_every_report_says_which_layers_were_in_force(tmp_path):
    reference = ROOT / "solutions" / "linear_model.py"
    result = run_grader("check", reference, "--gradescope", tmp_path / "results.json",
                        "--junit", tmp_path / "junit.xml")
    assert "Sandbox (auto): files confined (Landlock ABI" in result.stdout
    assert "Sandbox (auto): files confined" in json.loads((tmp_path / "results.json").read_text())["output"]
    assert 'name="sandbox.files" value="Landlock ABI' in (tmp_path / "junit.xml").read_text()
    off = json.loads(run_grader("check", reference, "--format", "json", "--sandbox", "off").stdout)
    assert off["sandbox"] == {"mode": "off", "ran": True, "files": "", "processes": "", "network": ""}


def test_doctor_says_what_the_machine_provides():
    result = run_grader("doctor")
    assert result.returncode == 0
    assert "Landlock ABI:" in result.stdout and "files: confined by Landlock" in result.stdout


# -- the stand-ins' channel (--isolate-functions) -----------------------------------------


class Spy:
    """The reference, remembering every call the grader makes of it (the checks' and the stand-ins')."""

    def __init__(self, module):
        self.module, self.calls = module, []

    def __getattr__(self, name):
        function = getattr(self.module, name)

        def spied(*args):
            self.calls.append((name, args))
            return function(*args)

        return spied


ISOLATED = Limits(import_timeout=15.0, sandbox="require")  # the default call limit: the lesson's grid makes 1,681 requests


def isolated(grade_file, path, **options):
    return grade_file(path, limits=options.pop("limits", ISOLATED), isolate=True, **options)


def test_a_cycle_of_stand_ins_cannot_look_right(grade_file, tmp_path, monkeypatch):
    path = write(tmp_path, compose_mutant(REFERENCE, attack("cycles_through_stand_ins")))
    default, confined = grade_file(path, limits=REQUIRE), isolated(grade_file, path)
    assert lost(default) == {"forward", "forward_wb"}
    assert confined.score < 100 and scores(confined)["forward"] == scores(default)["forward"] == 0
    monkeypatch.setattr(StandIns, "allowed", lambda self, function: tuple(f for f in self.functions if f != function))
    assert isolated(grade_file, path).score == 100  # stand-ins for every other function: the cycle looks right


FORGED = {  # what mse_sweep asks for through its stand-in's channel, and why the grader refuses
    "itself": ("mse_sweep", None, None, "`mse_sweep` cannot ask the grader for its own answer"),
    "a later function": ("best_w", None, None, "stands in only for `forward`, `loss`, `mse`, not for `best_w`"),
    "no function of the lesson": ("__import__", ["os"], None, "not for `__import__`"),
    "another call": ("mse", None, "0123456789abcdef", "made for an earlier call, which has ended"),
    "too many numbers": ("mse", [[1.0] * 600, [2.0] * 600, 1.0], None, "more than 1000 numbers"),
    "an array of objects (a pickle)": ("mse", [{"$": "ndarray", "dtype": "|O", "shape": [1], "data": "AA=="}, [1.0],
                                               1.0], None, "was given an array of dtype object"),
    "a string": ("mse", [[1.0, 2.0], [1.0], "w"], None, "was given 'w', which the grader cannot pass"),
    "what the reference rejects": ("mse", [[], [], 1.0], None, "the exercise's `mse` raised ZeroDivisionError"),
}


def _as_lists(values) -> list:
    """Arguments as numbers and lists, however they travelled (a stand-in's lists reach the reference as arrays)."""
    return [np.asarray(v, dtype=float).tolist() if isinstance(v, (list, np.ndarray)) else v for v in values]


@pytest.mark.parametrize("case", FORGED)
def test_a_forged_request_is_refused_and_the_grading_goes_on(grade_file, lesson, tmp_path, case):
    name, args, number, why = FORGED[case]
    spy = Spy(lesson.reference())
    path = write(tmp_path, compose_mutant(REFERENCE, attack("forges_stand_in_requests", NAME=name, ARGS=args,
                                                            CALL=number)))
    report = isolated(grade_file, path, reference=spy)
    assert lost(report) == {"mse_sweep"} and scores(report)["mse_sweep"] == 0
    assert "raised RuntimeError: refused: " in message_of(report, "mse_sweep") and why in message_of(report, "mse_sweep")
    reached = [a for n, a in spy.calls if n == name and args is not None and _as_lists(a) == _as_lists(args)]
    assert bool(reached) == (case == "what the reference rejects")  # refused before the reference, or after it raised


def test_the_forged_requests_are_answered_where_the_defences_are_off(grade_file, lesson, tmp_path, monkeypatch):
    """The same attack gets the sweep for itself, and a request of 1,200 numbers reaches the reference."""
    monkeypatch.setattr(StandIns, "allowed", lambda self, function: self.functions)
    path = write(tmp_path, compose_mutant(REFERENCE, attack("forges_stand_in_requests", NAME="mse_sweep",
                                                            ARGS=None, CALL=None)))
    assert isolated(grade_file, path).score == 100
    monkeypatch.setattr(standins, "MAX_NUMBERS", 10**6)
    name, args, number, _ = FORGED["too many numbers"]
    spy = Spy(lesson.reference())
    path = write(tmp_path, compose_mutant(REFERENCE, attack("forges_stand_in_requests", NAME=name, ARGS=args,
                                                            CALL=number)))
    isolated(grade_file, path, reference=spy, only="mse_sweep")
    assert [a for n, a in spy.calls if n == "mse" and len(a[0]) == 600]


@pytest.mark.parametrize("defended", [True, False])
def test_a_stand_in_gets_numbers_and_arrays_only(grade_file, lesson, tmp_path, monkeypatch, defended):
    """A list times a large whole number is a repetition: `mse([[1.0]], [0.0], 10**7)` has the reference build
    a list of ten million items in the grader's memory (10**9: eight gigabytes); its lists arrive as arrays."""
    if not defended:
        monkeypatch.setattr(standins, "_numeric", lambda name, value: value)
    spy = Spy(lesson.reference())
    path = write(tmp_path, compose_mutant(REFERENCE, attack("forges_stand_in_requests", NAME="mse",
                                                            ARGS=[[[1.0]], [0.0], 10**7], CALL=None)))
    isolated(grade_file, path, reference=spy, only="mse_sweep")
    asked = [args for name, args in spy.calls if name == "mse" and args[2] == 10**7]
    assert asked and all(isinstance(args[0], np.ndarray) for args in asked) == defended


@pytest.mark.parametrize("limit, refused", [(standins.MAX_ANSWER, True), (10**7, False)])
def test_an_answer_far_larger_than_the_exercise_needs_is_refused(tmp_path, monkeypatch, limit, refused):
    """train's stand-in asked for 120,000 epochs: a list of 120,000 costs is refused (the lesson's answers
    hold a few thousand numbers at most), as it is encoded, within the call's time; sent without the limit."""
    from grader.engine import grade

    monkeypatch.setattr(standins, "MAX_ANSWER", limit)
    descent = (ROOT / "solutions" / "gradient_descent.py").read_text()
    path = tmp_path / "gradient_descent.py"
    path.write_text(compose_mutant(descent, attack("asks_for_a_huge_answer", EPOCHS=120_000)))
    report = grade(assignments.load("gradient_descent"), path, limits=ISOLATED, isolate=True, only="predict")
    assert bool(lost(report)) == refused
    assert not refused or f"holds more than {limit} numbers" in message_of(report, "predict")


@pytest.mark.parametrize("limit, refused", [(100, True), (10**6, False)])
def test_a_call_asks_its_stand_ins_a_bounded_number_of_times(grade_file, tmp_path, monkeypatch, limit, refused):
    """100 requests and then the sweep's own: refused past the limit, answered without it."""
    monkeypatch.setattr(standins, "MAX_REQUESTS", limit)
    report = isolated(grade_file, write(tmp_path, compose_mutant(REFERENCE, attack("asks_too_often", TIMES=100))),
                      only="mse_sweep")
    assert bool(lost(report)) == refused
    assert not refused or "asked the grader's stand-ins more than 100 times in one call" in message_of(report,
                                                                                                        "mse_sweep")


def test_a_stand_in_kept_for_a_later_call_is_refused(grade_file, tmp_path):
    path = write(tmp_path, compose_mutant(REFERENCE, attack("stashes_a_stand_in")))
    assert grade_file(path, limits=REQUIRE).score == 100  # kept, the student's own mse works
    report = isolated(grade_file, path)
    assert lost(report) == {"best_w"}
    assert "`mse` was called through a stand-in made for an earlier call" in message_of(report, "best_w")


def test_a_request_before_any_call_is_not_answered(grade_file, lesson, tmp_path):
    spy = Spy(lesson.reference())
    report = isolated(grade_file, write(tmp_path, f"{REFERENCE}\n\n{attack('asks_at_import')}"), reference=spy)
    assert report.score == 0 and "stopped the grader's worker" in report.errors[0]
    assert not [a for n, a in spy.calls if a and a[0] == [7.5, 7.5, 7.5]]


def test_stand_ins_cannot_outlast_the_call(grade_file, lesson, tmp_path):
    limits = Limits(call_timeout=0.5, import_timeout=15.0, sandbox="require")
    path = write(tmp_path, compose_mutant(REFERENCE, attack("outlasts_the_call", GRID=300, SAMPLES=60)))
    for exercise in ("mse_sweep", "best_wb"):  # one at a time: the other exercises' calls are not timed here
        started = time.monotonic()
        report = isolated(grade_file, path, limits=limits, only=exercise)
        elapsed = time.monotonic() - started
        assert "did not return within 0.5 s" in message_of(report, exercise)
        assert elapsed < 8.0, elapsed
    started = time.monotonic()
    grid = [k / 10 for k in range(300)]
    lesson.reference().mse_grid([1.0] * 60, [2.0] * 60, grid, grid)
    assert time.monotonic() - started > 0.5  # the reference alone outlasts the call (about 1 to 3 s): it was stopped


def test_a_child_that_stops_reading_cannot_hold_the_grader(grade_file, tmp_path):
    """A 1.3 MB answer for a pipe of 64 KiB that nobody reads: the write ends at the call's time limit."""
    limits = Limits(call_timeout=2.0, import_timeout=15.0, sandbox="require")
    path = write(tmp_path, compose_mutant(REFERENCE, attack("never_reads_its_answers")))
    started = time.monotonic()
    report = isolated(grade_file, path, limits=limits, only="best_wb")
    assert "did not return within 2 s" in message_of(report, "best_wb")
    assert time.monotonic() - started < 15.0


def test_a_stand_in_carries_nothing_of_the_reference(grade_file, lesson, tmp_path):
    source = attack("introspects_the_stand_in")
    report = isolated(grade_file, write(tmp_path, compose_mutant(REFERENCE, source)), only="mse_sweep")
    carried = message_of(report, "mse_sweep")
    namespace = {}
    exec(source, namespace)
    on_the_reference = " ".join(namespace["reachable"](lesson.reference().mse))
    assert "'mse'" in carried and len(carried) < wire.MAX_TEXT  # the probe ran, and all it found is shown
    for trace in ("'total'", "X_DATA", "solutions"):  # a local, a global and the file of the reference's mse
        assert trace in on_the_reference and trace not in carried
