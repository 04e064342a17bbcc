"""`grader grade DIR`: grade a whole class, in parallel, resumably.

`roster` says which student handed in what (a file or folder per student, in the layout of
the LMS that exported them) and `discovery` which file of theirs to grade. Each is graded as
`grader check` grades it, in worker processes that keep the grader loaded between students. Each report
is written atomically the moment it is ready, under the key of what was graded (the
submission's bytes, the grader's version and the limits), so a run that is interrupted,
even by `kill -9`, and started again grades only what is missing or changed.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import FIRST_COMPLETED, CancelledError, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from . import __version__, i18n
from .i18n import N_, _, translate
from .files import write_json_atomically
from .sandbox.process import ForkServer, Limits
from .roster import read as read_roster

REPORTS = "reports"


@dataclass(frozen=True)
class Student:
    id: str
    path: Path | None  # None: nothing to grade
    problem: str = ""
    name: str = ""  # as the export spells it, when it does
    found: str = ""  # what else was handed in and not graded
    late: bool = False


@dataclass(frozen=True)
class Class:
    source: str  # the layout the submissions came in (roster.Roster.source)
    students: list[Student]
    ignored: tuple[str, ...]  # names in the class folder that are nobody's submission


def discover(folder: Path, assignment, *, skip: tuple[Path, ...] = (), id_pattern: str | None = None) -> Class:
    """Every student in `folder`, sorted by id, each with the one file the discovery rule grades."""
    from .discovery import lesson_functions, pick

    roster = read_roster(folder, skip=skip, id_pattern=id_pattern)
    functions = lesson_functions(assignment)
    students = []
    for student, entries in roster.students.items():
        files = roster.files(student)
        name = next((e.name for e in entries if e.name), "")
        late = any(e.late for e in entries)
        if not files:
            where = ", ".join(e.path.name for e in entries)
            students.append(Student(student, None, _("{files}: no .py or .ipynb file to grade", files=where), name,
                                    late=late))
            continue
        choice = pick(files, folder, assignment.stem, functions)
        students.append(Student(student, choice.path, "", name, choice.note(folder), late))
    return Class(roster.source, students, roster.ignored)


def grader_fingerprint() -> str:
    """The grader as it is now: its version, its code, its checks and the reference."""
    from .assignment import KIT_ROOT

    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*(KIT_ROOT / "grader").rglob("*.py"), *(KIT_ROOT / "grader").rglob("*.json"),
                        *(KIT_ROOT / "solutions").glob("*.py")]):
        digest.update(str(path.relative_to(KIT_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(student: Student, limits: Limits, fingerprint: str, language: str = "en", isolate: bool = False) -> str:
    """What a report was graded from: a changed file, grader, limit, language or policy means grading again."""
    digest = hashlib.sha256()
    digest.update(student.path.read_bytes() if student.path else student.problem.encode())
    digest.update(f"{fingerprint}|{student.path.suffix if student.path else ''}|{asdict(limits)}|"
                  f"{student.found}|{student.name}|{student.late}|{language}|{isolate}".encode())
    return digest.hexdigest()


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# -- in the worker processes ----------------------------------------------------------

_WORKER: dict = {}
PR_SET_PDEATHSIG = 1  # linux/prctl.h


class _TrackedForkServer(ForkServer):
    """A fork server that remembers its living children, so that a dying worker can take them along."""

    def __init__(self):
        self.children: set[int] = set()
        super().__init__()

    def fork(self, workdir: str, rules: dict):
        child = super().fork(workdir, rules)
        self.children.add(child.pid)
        return child

    def reap(self, pid: int, wait: float) -> int | None:
        code = super().reap(pid, wait)
        if code is not None:
            self.children.discard(pid)
        return code


def _stop_worker(signum=None, frame=None) -> None:
    """SIGTERM (from the grader on Ctrl-C, or from the kernel when the grader died): end the students'
    processes and the fork server, then this worker, at once. It runs once: a second SIGTERM
    (Ctrl-C's, then the grader's death) inside it would wait forever on the fork server's lock."""
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    forks = _WORKER.get("forks")
    if forks is not None:
        for pid in list(forks.children):
            try:
                os.killpg(pid, signal.SIGKILL)  # each sandbox leads its own process group
            except OSError:
                pass
        forks.close()
    os._exit(1)


def _die_with(parent: int) -> None:
    """Make this worker receive SIGTERM when the grader's process ends, even by `kill -9`:
    the kernel's parent-death signal on Linux, a thread watching the parent elsewhere."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os.kill(os.getpid(), signal.SIGTERM)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the grader died before the signal was armed
        os.kill(os.getpid(), signal.SIGTERM)


def _start_worker(stem: str, parent: int, language: str) -> None:
    """Load the grader, the checks and a fork server once per worker, not once per student; speak `language`."""
    from multiprocessing.util import Finalize

    from . import assignment as assignments

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole terminal group: the grader decides
    signal.signal(signal.SIGTERM, _stop_worker)
    _die_with(parent)
    i18n.use(language)
    assignment = assignments.load(stem)
    assignment.checks()
    _WORKER["assignment"] = assignment
    _WORKER["forks"] = _TrackedForkServer()
    Finalize(_WORKER["forks"], _WORKER["forks"].close, exitpriority=10)  # workers skip atexit


def _grade_one(student: Student, limits: Limits, isolate: bool, target: Path, stamp: str) -> dict:
    from .engine import grade

    document = {"student": student.id, "name": student.name, "late": student.late}
    if student.path is None:
        document.update(status="no submission", reason=student.problem, report=None)
    else:
        try:
            report = grade(_WORKER["assignment"], student.path, limits=limits, forks=_WORKER["forks"],
                           isolate=isolate).to_dict()
            if student.found:
                report["notes"].insert(0, student.found)
            # a submission that cannot be imported is a graded 0, its error the reason
            document.update(status="graded", reason=report["errors"][0] if report["errors"] else "", report=report)
            if report["incomplete"]:  # the grader failed on some checks: a person looks before it counts
                document.update(status="for review", reason=_("the grader failed on checks worth {points:g} points",
                                                              points=report['for_review']))
        except Exception as fault:  # a fault of the grader's: the row says so, the batch goes on
            document.update(status="grader error", reason=f"{type(fault).__name__}: {fault}", report=None)
    document["key"] = stamp
    write_json_atomically(target, document)  # whole on disk, or not there at all
    return document


# -- in the instructor's process ------------------------------------------------------


class Interrupted(Exception):
    """Ctrl-C: grading stopped; `rows` are the students graded so far."""

    def __init__(self, rows: list[dict], total: int):
        super().__init__(_("interrupted: {done} of {total} graded; run the same command to resume", done=len(rows),
                           total=total))
        self.rows, self.total = rows, total


# a row's status is a machine word (grades.csv); what a person reads of it
STATUSES = {"graded": N_("graded"), "no submission": N_("no submission"), "for review": N_("for review"),
            "grader error": N_("grader error")}


class Progress:
    """A progress bar (count, rate, ETA) on a terminal; plain lines otherwise."""

    def __init__(self, stream=sys.stderr):
        self.total, self.done, self.stream = 0, 0, stream
        self.started = time.monotonic()
        self.bar = stream.isatty()
        self.fresh = 0

    def plan(self, total: int, already: int) -> None:
        """`already` of `total` were graded by an earlier run: count from there."""
        self.total, self.done, self.fresh = total, already, 0
        self.started = time.monotonic()

    def step(self, document: dict) -> None:
        self.done += 1
        self.fresh += 1
        elapsed = time.monotonic() - self.started
        rate = self.fresh / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        score = document["report"]["score"] if document.get("report") else None
        if self.bar:
            filled = int(30 * self.done / self.total)
            self.stream.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {self.done}/{self.total} " +
                              _("{rate:.1f}/s ETA {eta:4.0f} s", rate=rate, eta=eta))
            if self.done == self.total:
                self.stream.write("\n")
        else:
            result = f"{score:g}" if score is not None else translate(STATUSES.get(document["status"], document["status"]))
            self.stream.write(f"[{self.done}/{self.total}] {document['student']}: {result} " +
                              _("({rate:.1f}/s, ETA {eta:.0f} s)", rate=rate, eta=eta) + "\n")
        self.stream.flush()


GRACE = 1.5  # seconds the students being graded get to finish after Ctrl-C


def _end_workers() -> None:
    """SIGTERM every worker: each ends its students' processes and its fork server, then itself."""
    for worker in multiprocessing.active_children():
        try:
            os.kill(worker.pid, signal.SIGTERM)
        except OSError:
            pass


def grade_class(stem: str, klass: Class, out: Path, *, workers: int | None = None, limits: Limits = Limits(),
                on_plan: Callable[[int, int], None] | None = None,
                on_done: Callable[[dict], None] | None = None, language: str | None = None,
                isolate: bool = False) -> list[dict]:
    """Grade every student of `klass` not already graded in `out`; return every row, by id. The reports
    are written in `language` (default: the current one), which the workers are told: a process started
    by spawn does not inherit it. `isolate` grades as `grader check --isolate-functions` does.

    Ctrl-C stops handing out work, gives the students being graded `GRACE` seconds, ends the
    workers and raises `Interrupted` with what is done; a second Ctrl-C exits at once (130).
    """
    students = klass.students
    language = language or i18n.current()
    reports = out / REPORTS
    reports.mkdir(parents=True, exist_ok=True)
    for unfinished in reports.glob(".*.json"):  # a report being written when a run was killed
        unfinished.unlink()
    documents, pending = {}, []
    fingerprint = grader_fingerprint()
    for student in students:
        stamp = key(student, limits, fingerprint, language, isolate)
        previous = _read_json(reports / f"{student.id}.json")
        if previous and previous.get("key") == stamp and previous.get("status") not in ("grader error", "for review"):
            documents[student.id] = previous
        else:
            pending.append((student, stamp))
    if on_plan:
        on_plan(len(students), len(documents))

    stop = threading.Event()

    def interrupt(signum, frame) -> None:
        if stop.is_set():  # the second Ctrl-C: no waiting, no traceback
            _end_workers()
            sys.stderr.write("\n" + _("interrupted: {done} of {total} graded; run the same command to resume",
                                      done=len(documents), total=len(students)) + "\n")
            os._exit(130)
        stop.set()

    def collect(future, failed: list) -> None:
        try:
            document = future.result()
        except (BrokenProcessPool, CancelledError):
            failed.append(futures[future])
            return
        documents[document["student"]] = document
        if on_done:
            on_done(document)

    previous_handler = signal.signal(signal.SIGINT, interrupt)
    try:
        for _attempt in range(3):  # a worker that dies takes its pool with it: start another for what is left
            if not pending:
                break
            pool = ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                                       initializer=_start_worker, initargs=(stem, os.getpid(), language))
            futures = {pool.submit(_grade_one, student, limits, isolate, reports / f"{student.id}.json", stamp):
                       (student, stamp) for student, stamp in pending}
            pending, waiting = [], set(futures)
            while waiting and not stop.is_set():
                done, waiting = wait(waiting, timeout=0.2, return_when=FIRST_COMPLETED)
                for future in done:
                    collect(future, pending)
            if stop.is_set():
                for future in waiting:
                    future.cancel()
                deadline = time.monotonic() + GRACE
                while waiting and time.monotonic() < deadline:
                    done, waiting = wait(waiting, timeout=0.1, return_when=FIRST_COMPLETED)
                    for future in done:
                        collect(future, [])
                _end_workers()
                pool.shutdown(wait=True, cancel_futures=True)
                raise Interrupted([documents[s.id] for s in students if s.id in documents], len(students))
            pool.shutdown(wait=True)
    finally:
        signal.signal(signal.SIGINT, previous_handler)
    for student, _stamp in pending:
        documents[student.id] = {"student": student.id, "name": student.name, "late": student.late,
                                 "status": "grader error", "report": None,
                                 "reason": _("the grading process died three times on this class")}
    return [documents[s.id] for s in students]
