"""The examples of the properties that passed, kept on disk, so that a new process replays them.

Derandomised hypothesis draws the same examples for a passing run of a property whatever the
code under test does (`checking.Property`), so once a property has passed on this machine, a
later `grader check` replays those examples instead of drawing them again: its cold start costs
what a warm re-check does. A property that fails them runs hypothesis in full, as it always did.

The examples depend on more than a check's source: hypothesis's version, NumPy's, Python's, the
strategies and settings (the lesson's and the grader's code). The file's name is a digest of all
of them, so a change to any is a new, empty file, never a stale one. It lives in the grading
user's cache (`files.user_cache`), with the font list: a confined child can neither read nor
write it; an unconfined one can write anything its user can, the kit itself included (see the
README's threat model). It is read before the student's code starts, as the checks are, and
written by the grader only, with examples hypothesis drew in its own process. Values are kept
exactly (`exact`), as JSON: nothing is unpickled.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import platform
import stat
from pathlib import Path

import hypothesis
import numpy as np

from . import exact
from .checking import REFERENCE, STUDENT, Property
from .files import user_cache, write_json_atomically

GRADER = Path(__file__).resolve().parent
MAX_FILE = 32 * 2**20  # bytes: a larger file is not ours to read (the lessons' are tens of KB)
KEPT_FILES = 8  # per lesson: the newest, for as many versions of the kit, Python or hypothesis in use
MODULES = {"student": STUDENT, "reference": REFERENCE}  # the markers of `checking`, written by name
_NAMES = {id(marker): name for name, marker in MODULES.items()}
_read: dict[Path, dict] = {}  # each file's examples, read once per process


def _sources(lesson: Path) -> list[Path]:
    found = set(GRADER.rglob("*.py")) | set(lesson.rglob("*.py"))
    return sorted(p for p in found if "__pycache__" not in p.parts)


def path_for(assignment) -> Path:
    """The file of this assignment's examples for this hypothesis, NumPy, Python and grader."""
    return _path_for(assignment.stem, assignment.lesson_folder)


@functools.lru_cache(maxsize=None)
def _path_for(stem: str, lesson: Path) -> Path:
    """Computed once per process, at its first grading: the code it runs is the code it had loaded then."""
    digest = hashlib.sha256()
    for fact in (hypothesis.__version__, np.__version__, platform.python_version(), platform.machine()):
        digest.update(f"{fact}\0".encode())
    for source in _sources(lesson):
        digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
    return user_cache("examples") / f"{stem}-{digest.hexdigest()[:32]}.json"


def _key(check) -> str:
    return f"{check.module}.{check.name}"


def _properties(checks) -> list:
    return [c for c in checks if isinstance(c.run, Property)]


def _read_file(path: Path) -> dict:
    """{check: its encoded examples} from `path`; {} for anything but a regular file of JSON within
    MAX_FILE (a named pipe in its place is not waited on, a link not followed)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    except OSError:
        return {}
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return {}
        with os.fdopen(descriptor, "rb") as f:
            descriptor = None
            text = f.read(MAX_FILE + 1)
        found = json.loads(text) if len(text) <= MAX_FILE else {}
    except Exception:  # unreadable, or JSON nested past the recursion limit: no examples kept
        return {}
    finally:
        if descriptor is not None:
            os.close(descriptor)
    return found if isinstance(found, dict) else {}


def _load(path: Path) -> dict:
    if path not in _read:
        _read[path] = _read_file(path)
    return _read[path]


def restore(assignment, checks) -> None:
    """Give each property that has not passed in this process the examples kept for it, if any."""
    kept = _load(path_for(assignment))
    for check in _properties(checks):
        if not check.run.examples and _key(check) in kept:
            try:
                check.run.examples = [(exact.decode(args, MODULES), exact.decode(kwargs, MODULES))
                                      for args, kwargs in kept[_key(check)]]
            except Exception:  # not as the grader writes it: this property draws its examples again
                pass


def keep(assignment, checks) -> None:
    """Add the examples hypothesis drew, in this process, for the properties that passed."""
    drawn = {}
    for check in _properties(checks):
        if check.run.drew and check.run.examples:
            check.run.drew = False
            try:
                drawn[_key(check)] = [[exact.encode(args, _NAMES), exact.encode(kwargs, _NAMES)]
                                      for args, kwargs in check.run.examples]
            except exact.Inexact:
                pass  # replayed only within this process
    path = path_for(assignment)
    if all(_load(path).get(key) == examples for key, examples in drawn.items()):
        return
    kept = _read[path] = {**_read_file(path), **drawn}  # read again: another worker may have added some
    try:
        write_json_atomically(path, kept, indent=None)
    except (OSError, ValueError, TypeError, RecursionError):
        return  # a cache that cannot be written costs the next run time, nothing else
    _prune(path)


def _prune(path: Path) -> None:
    """Keep the KEPT_FILES newest files of this lesson's examples: the others are of code no longer run."""
    stem = path.name[: -len(path.name.rsplit("-", 1)[1]) - 1]
    try:
        found = sorted(path.parent.glob(f"{stem}-*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in found[KEPT_FILES:]:
            old.unlink()
    except OSError:
        pass  # another process pruned first
