"""`grader check --watch`: grade, then grade again each time the submission is saved.

The process stays warm between gradings: the checks and the reference are imported once,
every child is forked from one fork server that has NumPy and matplotlib loaded, with the
same confinement as a spawned child, the next grading's child is forked and confined while
the student edits (`ForkServer.prepare`), and a property that has passed replays the examples
hypothesis drew for it instead of drawing them again (`replay`). Each new report marks the
exercises that now pass or now fail since the one before.

Saves are noticed by polling the file's status (modification time, size, inode) every 10 ms,
not by a file-watching library: one `stat` per tick costs microseconds, it works where
inotify events never arrive (network and Docker-mounted folders, WSL's /mnt), and a library
such as watchfiles waits for 50 ms of quiet after a change by default, so it would not
answer sooner. A change is graded once the file's status has stayed the same for 10 ms, so a
save is not caught half-written; one that changes during its grading is graded again at once.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

from .assignment import Assignment
from .discovery import SubmissionError, code_files
from .report import PASSED, Report
from .sandbox.process import ForkServer, Limits

POLL_S = 0.01  # a save is seen 5 ms after it on average; a stat costs microseconds
SETTLE_S = 0.01  # a change must last this long: an editor's save is a truncation, then writes
NOW_PASSING, NOW_FAILING = "now passing", "now failing"


def signature(path: Path) -> tuple | None:
    """What changes when `path` (a file, or every submission file in a folder) is saved; None if missing."""
    status = []
    for file in code_files(path) if path.is_dir() else [path]:
        try:
            found = os.stat(file)
        except FileNotFoundError:
            return None  # mid-save: an editor that renames its new copy into place
        status.append((str(file), found.st_mtime_ns, found.st_size, found.st_ino))
    return tuple(status)


def changes(before: Report | None, after: Report) -> dict[str, str]:
    """{exercise: "now passing" | "now failing"} for the exercises whose verdict changed."""
    if before is None:
        return {}
    passed = {e.id: e.status == PASSED for e in before.exercises}
    return {e.id: NOW_PASSING if e.status == PASSED else NOW_FAILING for e in after.exercises
            if e.id in passed and passed[e.id] != (e.status == PASSED)}


def watch(assignment: Assignment, path: Path, show: Callable[[Report | None, dict, str], None], *,
          only: str | None = None, limits: Limits = Limits(), poll: float = POLL_S, isolate: bool = False) -> None:
    """Grade `path` now and after each save, until interrupted; `show(report, changes, problem)` prints
    each result (`problem`: why nothing could be graded this time, with the report None)."""
    from .engine import grade

    last = None
    with ForkServer(spin=True) as forks:
        while True:
            seen = signature(path)
            try:
                report, problem = grade(assignment, path, only=only, limits=limits, forks=forks, isolate=isolate), ""
            except SubmissionError as missing:
                report, problem = None, str(missing)
            show(report, changes(last, report) if report else {}, problem)
            last = report or last
            forks.prepare(limits)
            _next_save(path, seen, poll)


def _next_save(path: Path, seen: tuple | None, poll: float) -> None:
    """Return once `path` has changed from `seen` and then stayed the same for SETTLE_S."""
    now = seen
    while True:
        time.sleep(poll if now in (seen, None) else SETTLE_S)
        before, now = now, signature(path)
        if now not in (seen, None) and now == before:
            return
