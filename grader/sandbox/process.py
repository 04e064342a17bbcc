"""The parent's side of the sandbox: start the child, talk to it, and replace it when it dies.

The child is a separate Python process with its own temporary working directory, a
scrubbed environment, a memory limit and, for every request, a time limit. If it hangs,
crashes or exits, it is killed and the next request starts a fresh one, so one bad
function costs only its own checks.

The child runs with `-I -S`: no user site, no `.pth` files, nothing from the environment.
Its import path is only site-packages, where NumPy and matplotlib live: `grader` is not on
it, and its code arrives as the text of its command (`boot_program`), so it learns no path
of the kit. Every child, spawned or forked, confines itself the same way (`layers`) under
the `sandbox` mode of its `Limits` (`policy.for_child`), and runs no student code before
the grader says `go`, once the grader has read its own checks and the reference.
"""

from __future__ import annotations

import functools
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..files import user_cache
from ..i18n import N_, _, translate
from . import framing
from . import policy
from .policy import SandboxUnavailable

HERE = Path(__file__).parent
LAYER_NAMES = {"files": N_("files"), "processes": N_("processes"), "network": N_("network")}  # in messages
BOOT = """import json, sys, types
sys.path += [p for p in __import__("os").environ.get("GRADER_CHILD_PATH", "").split(":") if p]
def load(name, source):
    module = sys.modules[name] = types.ModuleType(name)
    module.__file__ = "<grader " + name + ">"
    exec(compile(source, module.__file__, "exec"), module.__dict__)
SOURCES = %r
load("framing", SOURCES["framing"])
load("layers", SOURCES["layers"])
if sys.argv[1:2] != ["--zygote"]:
    sys.modules["layers"].isolate(json.loads(sys.argv[1]))
load("wire", SOURCES["wire"])
load("child", SOURCES["child"])
sys.modules["child"].main(sys.argv[1:])
"""


@functools.lru_cache(maxsize=1)
def boot_program() -> str:
    """The child's whole code as one `-c` program: no file of the kit is named in the child."""
    sources = {name: (HERE / f"{name}.py").read_text(encoding="utf-8") for name in ("framing", "layers", "wire", "child")}
    return BOOT % (sources,)


def child_command(*args: str) -> list[str]:
    return [sys.executable, "-I", "-S", "-c", boot_program(), *args]


@dataclass(frozen=True)
class Limits:
    """How long and how much the student's code may take."""

    call_timeout: float = 5.0
    import_timeout: float = 20.0
    memory_mb: int = 1024
    file_mb: int = 64  # the largest file the child may write (its captured output included)
    sandbox: str = "auto"  # how the kernel confines the child: auto | require | off (see `policy`)


@dataclass(frozen=True)
class Program:
    """What the child executes: the module's chunks of source (a file, or notebook cells)."""

    module: str
    chunks: list  # [{"source": str, "filename": str, "label": str | None}]
    tolerant: bool  # a failing chunk is reported and the next still runs


@dataclass
class LoadResult:
    fatal: dict | None
    problems: list = field(default_factory=list)
    functions: dict = field(default_factory=dict)  # name -> [filename, first line]
    parameters: dict = field(default_factory=dict)  # name -> (its parameters, the global names it reads)
    layers: dict | None = None  # what confined the child (`layers.applied`); None: it never said


class ChildTimeout(Exception):
    """The child did not answer in time; it has been killed."""


class ChildDied(Exception):
    """The child ended, or said something unreadable, while we waited for an answer."""

    def __init__(self, how: str):
        super().__init__(how)
        self.how = how


def _exit_description(returncode: int | None) -> str:
    if returncode is None:
        return _("the process stopped answering")
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = _("signal {number}", number=-returncode)
        return _("the process was killed by {signal}", signal=name)
    return _("the process exited with code {code}", code=returncode)


class _Spawned:
    """A child with an interpreter of its own, talking over its stdin and stdout."""

    def __init__(self, proc: subprocess.Popen):
        self.proc = proc
        self.read_fd, self.write_fd = proc.stdout.fileno(), proc.stdin.fileno()

    def returncode(self, wait: float) -> int | None:
        try:
            return self.proc.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            return None

    def kill(self) -> None:
        _kill_group(self.proc.pid)
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


class _Forked:
    """A child forked by a `ForkServer`, talking over a Unix socket."""

    def __init__(self, server: "ForkServer", pid: int, channel: socket.socket):
        self.server, self.pid, self.channel = server, pid, channel
        self.read_fd = self.write_fd = channel.fileno()

    def returncode(self, wait: float) -> int | None:
        return self.server.reap(self.pid, wait)

    def kill(self) -> None:
        _kill_group(self.pid)
        self.channel.close()
        self.server.killed(self.pid)


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _environment(workdir: str) -> dict:
    """All a child sees of the environment: its own folders, and nothing of the grader's."""
    return {
        "HOME": workdir,
        "TMPDIR": workdir,
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": _own_matplotlib_config(workdir),
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "GRADER_CHILD_PATH": os.pathsep.join(_library_path()),
    }


class ForkServer:
    """One process with NumPy and matplotlib loaded, forking a fresh child per sandbox.

    Grading a class starts two children per submission; importing matplotlib in each costs
    more than the checks themselves. A fork of a process that has imported it already costs
    a few milliseconds. The forked child gets the same isolation as a spawned one: its own
    session, working directory, environment and limits.
    """

    ANSWER_WITHIN = 30.0  # seconds; the server only forks and reaps, so it answers at once

    def __init__(self, spin: bool = False):
        self.spin = framing.SPIN_S if spin else 0.0  # the student's loop: its children and the grader ask before sleeping
        self._proc: subprocess.Popen | None = None
        self._generation = 0  # which server process: a child of an earlier one died with it
        self._spare: tuple[int, Sandbox] | None = None  # (generation, a started sandbox with no program yet)
        self._killed: list[int] = []  # children killed, to reap once nobody waits for a report
        self._start()

    def _start(self) -> None:
        self._generation += 1
        self._workdir = tempfile.mkdtemp(prefix="grader-zygote-")
        ours, theirs = socket.socketpair()
        self._proc = subprocess.Popen(
            child_command("--zygote", str(theirs.fileno())),
            pass_fds=[theirs.fileno()], cwd=self._workdir, env=_environment(self._workdir),
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        theirs.close()
        ours.settimeout(self.ANSWER_WITHIN)
        self._control = ours

    def _ask(self, message: dict, fd: int | None = None) -> dict:
        """One request and its answer; a server that died or froze is an OSError."""
        self._control.sendall(framing.pack(message))
        if fd is not None:
            socket.send_fds(self._control, [b"F"], [fd])
        try:
            return framing.read_frame(self._control.fileno(), time.monotonic() + self.ANSWER_WITHIN)
        except EOFError:
            raise ConnectionError("the fork server stopped") from None

    def fork(self, workdir: str, rules: dict) -> _Forked:
        """A fresh child for `workdir`; a server that a student's code killed is replaced."""
        request = {"op": "fork", "workdir": workdir, "environment": _environment(workdir), "policy": rules,
                   "spin": self.spin}
        for attempt in (1, 2):
            channel, theirs = socket.socketpair()
            try:
                pid = int(self._ask(request, theirs.fileno())["pid"])
                return _Forked(self, pid, channel)
            except (OSError, ValueError, KeyError):
                channel.close()
                if attempt == 2:
                    raise
                self.close()
                self._start()
            finally:
                theirs.close()

    def killed(self, pid: int) -> None:
        """`pid` has been killed: reap it later, when nobody waits (a round trip to this server)."""
        self._killed.append(pid)

    def _reap_killed(self) -> None:
        while self._killed:
            self.reap(self._killed.pop(), 5.0)

    def prepare(self, limits: Limits) -> None:
        """Start the next grading's child now, while nobody waits (forking and confining it are 25 to
        60 ms of a warm re-grade); `sandbox` hands it out, and its submission comes with `go`."""
        self._reap_killed()
        if self._spare is None:
            spare = Sandbox(None, limits, forks=self)
            spare.start()
            self._spare = (self._generation, spare)

    def sandbox(self, program: Program, limits: Limits) -> Sandbox:
        """A started sandbox for `program`: the one `prepare` started, if it has these limits and still
        runs under this server (a child dies with its server), or else a new one."""
        self._reap_killed()
        generation, spare = self._spare or (None, None)
        self._spare = None
        if spare is not None and (generation != self._generation or spare.limits != limits
                                  or self._proc.poll() is not None or spare.hung_up()):
            spare.close()
            spare = None
        if spare is None:
            spare = Sandbox(None, limits, forks=self)
            spare.start()
        spare.program = program
        return spare

    def reap(self, pid: int, wait: float) -> int | None:
        """How the child ended, waiting up to `wait` seconds; None if unknown or still running."""
        try:
            return self._ask({"op": "reap", "pid": pid, "wait": wait})["returncode"]
        except (OSError, ValueError, KeyError):
            return None

    def close(self) -> None:
        try:
            if self._spare is not None:
                self._spare[1].close()
                self._spare = None
            self._reap_killed()
            self._control.close()
            _kill_group(self._proc.pid)
            self._proc.wait()
        finally:
            shutil.rmtree(self._workdir, ignore_errors=True)

    def __enter__(self) -> "ForkServer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Sandbox:
    """One student's module, alive in a child process, restarted on demand."""

    def __init__(self, program: Program | None, limits: Limits = Limits(), preload: tuple[str, ...] = (),
                 forks: ForkServer | None = None):
        self.program = program  # None until `go`: a child may be started before its submission is known
        self.limits = limits
        self.preload = preload  # modules the child imports before the student's code
        self.forks = forks  # where children come from: a fork server, or a new interpreter each
        self._child: _Spawned | _Forked | None = None
        self._workdir: str | None = None
        self._loaded: LoadResult | None = None

    # -- life cycle ---------------------------------------------------------------

    def start(self) -> None:
        """Start the child without waiting for it: it imports NumPy while the grader does,
        then waits for `go`, which brings the submission, before it runs any of the student's code."""
        self._workdir = tempfile.mkdtemp(prefix="grader-")
        with open(os.path.join(self._workdir, "preload.json"), "w", encoding="utf-8") as f:
            json.dump(list(self.preload), f)
        rules = policy.for_child(self.limits.sandbox, self._workdir, memory=self.limits.memory_mb * 1024 * 1024,
                                 files=self.limits.file_mb * 1024 * 1024)
        if self.forks is not None:
            self._child = self.forks.fork(self._workdir, rules)
        else:  # the child sets its own session and limits (`layers.isolate`)
            self._child = _Spawned(subprocess.Popen(
                child_command(json.dumps(rules)), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL, cwd=self._workdir, env=_environment(self._workdir)))
        self._loaded = None

    def load_result(self) -> LoadResult:
        """Wait for the child to import the submission, and say how it went.

        The child first says which layers confine it, before any student code has run;
        under `--sandbox require` it stops there if one is missing.
        """
        if self._child is None:
            self.start()
            self.go()
        if self._loaded is None:
            applied = None
            try:
                applied = _applied(self._receive(self.limits.import_timeout))
                reply = self._receive(self.limits.import_timeout)
            except ChildTimeout:
                limit = self.limits.import_timeout
                self._loaded = LoadResult(fatal={"type": "Timeout", "message":
                                                 _("importing it took longer than {seconds:g} s",
                                                                   seconds=limit)}, layers=applied)
            except ChildDied as died:
                self._loaded = LoadResult(fatal={"type": "Crash", "message": died.how}, layers=applied)
            else:
                self._loaded = _load_result(reply, applied)
        return self._loaded

    def hung_up(self) -> bool:
        """Whether the child has closed its end of the conversation (it ended), asking no other process."""
        waiting = select.poll()
        waiting.register(self._child.read_fd, select.POLLHUP)  # POLLHUP and POLLERR come whatever is asked
        return any(events & (select.POLLHUP | select.POLLERR) for _, events in waiting.poll(0))

    def unreadable(self) -> ChildDied:
        """The child said something that is not an answer: it cannot be trusted any more."""
        self._kill()
        return ChildDied(_("the process sent an unreadable answer"))

    def go(self) -> None:
        """Give the child the submission and let it run it (it has waited for this since it started)."""
        program = {"module": self.program.module, "chunks": self.program.chunks, "tolerant": self.program.tolerant}
        try:
            framing.write_all(self._child.write_fd, framing.pack({"op": "go", "program": program}))
        except OSError:
            pass  # a child that died already: load_result will say how

    def close(self) -> None:
        try:
            if self._child is not None:
                self._kill()
        finally:
            if self._workdir is not None:
                shutil.rmtree(self._workdir, ignore_errors=True)
                self._workdir = None

    def __enter__(self) -> "Sandbox":
        self.start()
        self.go()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _kill(self) -> None:
        child, self._child = self._child, None
        child.kill()

    # -- requests -----------------------------------------------------------------

    def request(self, message: dict, timeout: float | None = None, answer=None) -> dict:
        """Send one request and return the reply; a dead child is replaced first.

        `answer(frame, deadline)`, when given, replies to the frames the child sends before its
        reply that ask for a stand-in (`{"ask": ...}`, see `standins`); the time limit holds for
        the whole call, the stand-ins' answers included (a TimeoutError from `answer` is its end).
        """
        if self._child is None:
            self.close()
            self.start()
            self.go()
            if self.load_result().fatal:
                raise ChildDied(_("the submission could not be loaded again after a restart"))
        elif self.load_result().fatal:
            raise ChildDied(_("the submission could not be loaded"))
        deadline = time.monotonic() + (self.limits.call_timeout if timeout is None else timeout)
        self._send(message, deadline)
        while True:
            reply = self._receive(deadline - time.monotonic())
            if answer is None or "ask" not in reply:
                return reply
            try:
                response = answer(reply, deadline)
            except TimeoutError:
                self._kill()
                raise ChildTimeout() from None
            self._send(response, deadline)

    def _send(self, message: dict, deadline: float) -> None:
        """Send within the call's time: a child that stops reading (its answers pile up) cannot hold the grader."""
        try:
            framing.write_all(self._child.write_fd, framing.pack(message), deadline)
        except TimeoutError:
            self._kill()
            raise ChildTimeout() from None
        except OSError:
            raise self._died() from None

    def _died(self) -> ChildDied:
        how = _exit_description(self._child.returncode(wait=1.0))
        self._kill()
        return ChildDied(how)

    def _receive(self, timeout: float) -> dict:
        try:
            return framing.clean(framing.read_frame(self._child.read_fd, time.monotonic() + timeout,
                                                    self.forks.spin if self.forks else 0.0))
        except TimeoutError:
            self._kill()
            raise ChildTimeout() from None
        except EOFError:
            raise self._died() from None
        except framing.FrameTooLarge:
            self._kill()
            raise ChildDied(_("the answer was larger than {size} MiB", size=framing.MAX_FRAME // 2**20)) from None
        except (ValueError, RecursionError):
            self._kill()
            raise ChildDied(_("the process sent an unreadable answer")) from None


def _problem(value) -> dict:
    if not isinstance(value, dict):
        raise ValueError("not a problem")
    return {"type": str(value.get("type", "?")), "message": str(value.get("message", "")),
            "file": str(value.get("file", "")), "line": int(value.get("line") or 0),
            "code": str(value.get("code", "")), "chunk": str(value.get("chunk", ""))}


def _applied(ready: dict) -> dict:
    """The layers the child reported before running student code; refuse if it refused."""
    refused = ready.get("refused")
    if refused:
        raise SandboxUnavailable(_("--sandbox require: this machine cannot confine {layers} (run `grader doctor` "
                                   "to see why)", layers=_(" and ").join(translate(LAYER_NAMES.get(str(r), str(r)))
                                                                        for r in refused)))
    layers = ready.get("layers")
    return {str(k): v for k, v in layers.items() if isinstance(v, (bool, int, type(None)))} \
        if isinstance(layers, dict) else {}


def _load_result(reply: dict, applied: dict) -> LoadResult:
    """The child's account of the import, in the shape the grader expects, or a crash."""
    try:
        fatal = None if reply.get("fatal") is None else _problem(reply["fatal"])
        problems = [_problem(p) for p in reply.get("problems", [])]
        functions = {str(name): [str(where[0]), int(where[1])] for name, where in reply["functions"].items()}
        parameters = {str(name): (_names(where[2]), _names(where[3])) for name, where in reply["functions"].items()}
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return LoadResult(fatal={"type": "Crash", "message": _("the process sent an unreadable answer")}, layers=applied)
    return LoadResult(fatal, problems, functions, parameters, applied)


def _names(names: list) -> tuple[str, ...]:
    """A list of short identifiers from the child, or a refusal (ValueError)."""
    if not isinstance(names, list) or len(names) > 64 or not all(isinstance(n, str) and len(n) < 100 for n in names):
        raise ValueError("not a list of names")
    return tuple(names)


def _library_path() -> list[str]:
    """The site-packages directories of this Python: where NumPy and matplotlib live."""
    return [p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages")]


def _font_cache() -> list[Path]:
    """matplotlib's font list, built once by a trusted process that runs no student code."""
    folder = user_cache("matplotlib")
    found = sorted(folder.glob("fontlist-*.json"))
    if not found:
        subprocess.run([sys.executable, "-I", "-c", "import matplotlib.font_manager"], timeout=120,
                       env={**os.environ, "MPLCONFIGDIR": str(folder), "MPLBACKEND": "Agg"},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        found = sorted(folder.glob("fontlist-*.json"))
    return found


def _own_matplotlib_config(workdir: str) -> str:
    """A matplotlib config folder for one child, seeded with the font list.

    Each child gets its own, so a submission cannot leave a matplotlibrc behind in it for
    the next one. (The shared font list it is copied from is the grading user's file: see
    the README's threat model.)
    """
    folder = os.path.join(workdir, ".matplotlib")
    os.mkdir(folder)
    for cache in _font_cache():
        shutil.copy(cache, folder)
    return folder
