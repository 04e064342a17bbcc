"""`grader grade DIR`: grade a whole class, in parallel, resumably.

A submission is a `.py` or `.ipynb` file directly in DIR (its stem is the student id) or
a subfolder holding one (the folder's name is the id). Each is graded as `grader check`
grades it, in worker processes that keep the grader loaded between students. Each report
is written atomically the moment it is ready, under the key of what was graded (the
submission's bytes, the grader's version and the limits), so a run that is interrupted,
even by `kill -9`, and started again grades only what is missing or changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable

from . import __version__
from .files import write_json_atomically
from .sandbox.process import Limits
from .submission import SUFFIXES, SubmissionError, find_submission

REPORTS = "reports"


@dataclass(frozen=True)
class Student:
    id: str
    path: Path | None  # None: a folder with nothing to grade in it
    problem: str = ""


def discover(folder: Path, stem: str) -> list[Student]:
    """Every submission in `folder`, sorted by student id."""
    if not folder.is_dir():
        raise SubmissionError(f"{folder}: no such folder")
    found = []
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_file() and entry.suffix in SUFFIXES:
            found.append(Student(entry.stem, entry))
        elif entry.is_dir():
            try:
                found.append(Student(entry.name, find_submission(entry, stem)))
            except SubmissionError as problem:
                found.append(Student(entry.name, None, str(problem)))
    ids = [s.id for s in found]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if twice:
        raise SubmissionError(f"{folder}: more than one submission for {', '.join(twice)}")
    return found


def grader_fingerprint() -> str:
    """The grader as it is now: its version, its code, its checks and the reference."""
    from .assignment import KIT_ROOT

    digest = hashlib.sha256(__version__.encode())
    for path in sorted([*(KIT_ROOT / "grader").rglob("*.py"), *(KIT_ROOT / "grader").rglob("*.json"),
                        *(KIT_ROOT / "solutions").glob("*.py")]):
        digest.update(str(path.relative_to(KIT_ROOT)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def key(student: Student, limits: Limits, fingerprint: str) -> str:
    """What a report was graded from: a changed file, grader or limit means grading again."""
    digest = hashlib.sha256()
    digest.update(student.path.read_bytes() if student.path else student.problem.encode())
    digest.update(f"{fingerprint}|{student.path.suffix if student.path else ''}|{asdict(limits)}".encode())
    return digest.hexdigest()


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


# -- in the worker processes ----------------------------------------------------------

_WORKER: dict = {}


def _start_worker(stem: str) -> None:
    """Load the grader, the checks and a fork server once per worker, not once per student."""
    from multiprocessing.util import Finalize

    from . import assignment as assignments
    from .sandbox.process import ForkServer

    assignment = assignments.load(stem)
    assignment.checks()
    _WORKER["assignment"] = assignment
    _WORKER["forks"] = ForkServer()
    Finalize(_WORKER["forks"], _WORKER["forks"].close, exitpriority=10)  # workers skip atexit


def _grade_one(student: Student, limits: Limits, target: Path, stamp: str) -> dict:
    from .engine import grade

    if student.path is None:
        document = {"student": student.id, "status": "no submission", "reason": student.problem, "report": None}
    else:
        try:
            report = grade(_WORKER["assignment"], student.path, limits=limits, forks=_WORKER["forks"]).to_dict()
            status = "not graded" if report["errors"] else "graded"
            document = {"student": student.id, "status": status,
                        "reason": report["errors"][0] if report["errors"] else "", "report": report}
        except Exception as fault:  # a fault of the grader's: the row says so, the batch goes on
            document = {"student": student.id, "status": "grader error",
                        "reason": f"{type(fault).__name__}: {fault}", "report": None}
    document["key"] = stamp
    write_json_atomically(target, document)  # whole on disk, or not there at all
    return document


# -- in the instructor's process ------------------------------------------------------


class Progress:
    """A progress bar (count, rate, ETA) on a terminal; plain lines otherwise."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.done, self.stream = total, 0, stream
        self.started = time.monotonic()
        self.bar = stream.isatty()

    def step(self, document: dict) -> None:
        self.done += 1
        elapsed = time.monotonic() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        eta = (self.total - self.done) / rate if rate else 0.0
        score = document["report"]["score"] if document.get("report") else None
        if self.bar:
            filled = int(30 * self.done / self.total)
            self.stream.write(f"\r[{'#' * filled}{' ' * (30 - filled)}] {self.done}/{self.total} "
                              f"{rate:.1f}/s ETA {eta:4.0f} s")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            result = f"{score:g}" if score is not None else document["status"]
            self.stream.write(f"[{self.done}/{self.total}] {document['student']}: {result} "
                              f"({rate:.1f}/s, ETA {eta:.0f} s)\n")
        self.stream.flush()


def grade_class(stem: str, folder: Path, out: Path, *, workers: int | None = None,
                limits: Limits = Limits(), on_done: Callable[[dict], None] | None = None) -> list[dict]:
    """Grade every submission in `folder` not already graded in `out`; return every row, by id."""
    students = discover(folder, stem)
    reports = out / REPORTS
    reports.mkdir(parents=True, exist_ok=True)
    for unfinished in reports.glob(".*.json"):  # a report being written when a run was killed
        unfinished.unlink()
    documents, pending = {}, []
    fingerprint = grader_fingerprint()
    for student in students:
        stamp = key(student, limits, fingerprint)
        previous = _read_json(reports / f"{student.id}.json")
        if previous and previous.get("key") == stamp and previous.get("status") != "grader error":
            documents[student.id] = previous
        else:
            pending.append((student, stamp))
    for _ in range(3):  # a worker that dies takes its pool with it: start another for what is left
        if not pending:
            break
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1,
                                 initializer=_start_worker, initargs=(stem,)) as pool:
            futures = {pool.submit(_grade_one, student, limits, reports / f"{student.id}.json", stamp):
                       (student, stamp) for student, stamp in pending}
            pending = []
            for future in as_completed(futures):
                try:
                    document = future.result()
                except BrokenProcessPool:
                    pending.append(futures[future])
                    continue
                documents[document["student"]] = document
                if on_done:
                    on_done(document)
    for student, _ in pending:
        documents[student.id] = {"student": student.id, "status": "grader error", "report": None,
                                 "reason": "the grading process died three times on this class"}
    return [documents[s.id] for s in students]
