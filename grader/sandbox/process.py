"""The parent's side of the sandbox: start the child, talk to it, and replace it when it dies.

The child is a separate Python process with its own temporary working directory, a
scrubbed environment, a memory limit and, for every request, a time limit. If it hangs,
crashes or exits, it is killed and the next request starts a fresh one, so one bad
function costs only its own checks.

The child runs with `-I -S`: no user site, no `.pth` files, nothing from the environment.
Its import path is only the directories that hold NumPy and matplotlib, so the grader
(and through it the reference solution) cannot be imported from the student's code.
"""

from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from . import framing

CHILD_SCRIPT = Path(__file__).with_name("child.py")


@dataclass(frozen=True)
class Limits:
    """How long and how much the student's code may take."""

    call_timeout: float = 5.0
    import_timeout: float = 20.0
    memory_mb: int = 1024
    file_mb: int = 64  # the largest file the child may write (its captured output included)


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


class ChildTimeout(Exception):
    """The child did not answer in time; it has been killed."""


class ChildDied(Exception):
    """The child ended, or said something unreadable, while we waited for an answer."""

    def __init__(self, how: str):
        super().__init__(how)
        self.how = how


def _exit_description(returncode: int | None) -> str:
    if returncode is None:
        return "the process stopped answering"
    if returncode < 0:
        try:
            name = signal.Signals(-returncode).name
        except ValueError:
            name = f"signal {-returncode}"
        return f"the process was killed by {name}"
    return f"the process exited with code {returncode}"


class Sandbox:
    """One student's module, alive in a child process, restarted on demand."""

    def __init__(self, program: Program, limits: Limits = Limits(), preload: tuple[str, ...] = ()):
        self.program = program
        self.limits = limits
        self.preload = preload  # modules the child imports before the student's code
        self._proc: subprocess.Popen | None = None
        self._workdir: str | None = None
        self._loaded: LoadResult | None = None

    # -- life cycle ---------------------------------------------------------------

    def start(self) -> None:
        """Start the child without waiting for it: it imports while the grader does."""
        self._workdir = tempfile.mkdtemp(prefix="grader-")
        with open(os.path.join(self._workdir, "submission.json"), "w", encoding="utf-8") as f:
            json.dump(
                {"module": self.program.module, "chunks": self.program.chunks,
                 "tolerant": self.program.tolerant, "preload": list(self.preload),
                 "path": _library_path()},
                f,
            )
        self._proc = subprocess.Popen(
            [sys.executable, "-I", "-S", str(CHILD_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=self._workdir,
            env=self._environment(),
            start_new_session=True,
            preexec_fn=self._apply_limits,
        )
        self._loaded = None

    def _environment(self) -> dict:
        keep = {k: os.environ[k] for k in ("PATH", "SYSTEMROOT") if k in os.environ}
        return {
            **keep,
            "HOME": self._workdir,
            "TMPDIR": self._workdir,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "MPLBACKEND": "Agg",
            "MPLCONFIGDIR": _own_matplotlib_config(self._workdir),
            "OMP_NUM_THREADS": "1",
            "OPENBLAS_NUM_THREADS": "1",
            "MKL_NUM_THREADS": "1",
        }

    def _apply_limits(self) -> None:
        import resource

        memory = self.limits.memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        files = self.limits.file_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (files, files))

    def load_result(self) -> LoadResult:
        """Wait for the child to import the submission, and say how it went."""
        if self._proc is None:
            self.start()
        if self._loaded is None:
            try:
                reply = self._receive(self.limits.import_timeout)
            except ChildTimeout:
                limit = self.limits.import_timeout
                self._loaded = LoadResult(fatal={"type": "Timeout", "message":
                                                 f"importing it took longer than {limit:g} s"})
            except ChildDied as died:
                self._loaded = LoadResult(fatal={"type": "Crash", "message": died.how})
            else:
                self._loaded = LoadResult(reply.get("fatal"), reply.get("problems", []),
                                          reply.get("functions", {}))
        return self._loaded

    def close(self) -> None:
        if self._proc is not None:
            self._kill()
        if self._workdir is not None:
            shutil.rmtree(self._workdir, ignore_errors=True)
            self._workdir = None

    def __enter__(self) -> "Sandbox":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _kill(self) -> None:
        proc, self._proc = self._proc, None
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass

    # -- requests -----------------------------------------------------------------

    def request(self, message: dict, timeout: float | None = None) -> dict:
        """Send one request and return the reply; a dead child is replaced first."""
        if self._proc is None:
            self.close()
            self.start()
            if self.load_result().fatal:
                raise ChildDied("the submission could not be loaded again after a restart")
        elif self.load_result().fatal:
            raise ChildDied("the submission could not be loaded")
        try:
            self._proc.stdin.write(framing.pack(message))
            self._proc.stdin.flush()
        except (BrokenPipeError, OSError):
            raise self._died() from None
        return self._receive(self.limits.call_timeout if timeout is None else timeout)

    def _died(self) -> ChildDied:
        proc = self._proc
        try:
            proc.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            pass
        how = _exit_description(proc.returncode)
        self._kill()
        return ChildDied(how)

    def _receive(self, timeout: float) -> dict:
        deadline = time.monotonic() + timeout
        header = self._read(framing.HEADER_SIZE, deadline)
        length = framing.unpack_length(header)
        if length > framing.MAX_FRAME:
            self._kill()
            raise ChildDied(f"the answer was larger than {framing.MAX_FRAME // 2**20} MiB")
        body = self._read(length, deadline)
        try:
            return framing.parse(body)
        except (ValueError, RecursionError):
            self._kill()
            raise ChildDied("the process sent an unreadable answer") from None

    def _read(self, n: int, deadline: float) -> bytes:
        fd = self._proc.stdout.fileno()
        chunks, got = [], 0
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while got < n:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    self._kill()
                    raise ChildTimeout()
                chunk = os.read(fd, min(n - got, 1 << 20))
                if not chunk:
                    raise self._died()
                chunks.append(chunk)
                got += len(chunk)
        return b"".join(chunks)


def _library_path() -> list[str]:
    """The site-packages directories of this Python: where NumPy and matplotlib live."""
    return [p for p in sys.path if os.path.basename(p) in ("site-packages", "dist-packages")]


def _font_cache() -> list[Path]:
    """matplotlib's font list, built once by a trusted process that runs no student code."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "linear-model-grader" / "matplotlib"
    found = sorted(folder.glob("fontlist-*.json"))
    if not found:
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-I", "-c", "import matplotlib.font_manager"], timeout=120,
                       env={**os.environ, "MPLCONFIGDIR": str(folder), "MPLBACKEND": "Agg"},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        found = sorted(folder.glob("fontlist-*.json"))
    return found


def _own_matplotlib_config(workdir: str) -> str:
    """A matplotlib config folder for one child, seeded with the font list.

    Each child gets its own, so a submission cannot leave a matplotlibrc or a doctored
    font list behind for the next one.
    """
    folder = os.path.join(workdir, ".matplotlib")
    os.mkdir(folder)
    for cache in _font_cache():
        shutil.copy(cache, folder)
    return folder
