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

import pytest

from conftest import ROOT, lost, run_grader
from grader.doctor import probe
from grader.sandbox import wire
from grader.sandbox.layers import LAYERS
from grader.sandbox.process import Limits, Program, Sandbox
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


def probe(kit, home, other, grader, tracee, base_site):
    reference = os.path.join(kit, "solutions", "linear_model.py")
    return {
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


def run_probe(limits: Limits) -> dict:
    program = Program("probe", [{"source": PROBE, "filename": "probe.py", "label": None}], tolerant=False)
    with Sandbox(program, limits) as other, Sandbox(program, limits) as sandbox:
        other.load_result()
        tracee = other._child.proc.pid if limits.sandbox == "off" else 0  # never the test itself
        base_site = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})["purelib"]
        arguments = [str(ROOT), os.path.expanduser("~"), other._workdir, os.getpid(), tracee, base_site]
        reply = sandbox.request({"fn": "probe", "args": arguments, "plot": False, "return_args": False})
        return wire.from_plain(reply["value"])


def test_what_a_confined_child_can_reach():
    Path("/tmp/grader-probe-was-here").unlink(missing_ok=True)
    seen = run_probe(REQUIRE)
    told = seen.pop("paths it was told")
    assert seen.pop("write in its own folder") == "allowed"
    assert len(seen.pop("descriptors")) <= 5  # stdin, the captured output twice, its two pipes
    assert {what: outcome for what, outcome in seen.items() if outcome == "allowed"} == {}
    assert not [p for p in told if str(ROOT / "grader") in p or str(ROOT / "solutions") in p]
    assert not Path("/tmp/grader-probe-was-here").exists()


def test_the_probe_reaches_everything_without_a_sandbox():
    seen = run_probe(OFF)
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
