"""Shared helpers: grade a file in-process, or run the `grader` command as a user would."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

# The tests read English whatever the machine's locale (grader picks Chinese for any zh* locale);
# the language tests ask for Chinese themselves, with --lang zh or LANG=zh_CN.UTF-8.
os.environ["LC_ALL"] = "C.UTF-8"
# The grader's caches (the font list, the examples of passing properties) start empty in every test
# session, and the user's own are left alone.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="grader-tests-cache-")

from grader import assignment as assignments
from grader.engine import grade

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"


@pytest.fixture(scope="session", autouse=True)
def _remove_the_cache():
    yield
    shutil.rmtree(os.environ["XDG_CACHE_HOME"], ignore_errors=True)


def forget_examples() -> None:
    """As in a new process: no property of any lesson has examples in memory (`replay` may read them)."""
    from grader import replay
    from grader.checking import Property

    for stem in assignments.available():
        for check in assignments.load(stem).checks():
            if isinstance(check.run, Property):
                check.run.examples, check.run.drew = [], False
    replay._read.clear()


@pytest.fixture
def first_grading(monkeypatch, tmp_path):
    """Gradings as the first ever on this machine: no examples kept, in memory or on disk (they are
    kept in `tmp_path`); calling the fixture's value forgets the ones in memory again."""
    from grader import replay

    monkeypatch.setattr(replay, "path_for", lambda assignment: tmp_path / f"{assignment.stem}-kept.json")
    forget_examples()
    yield forget_examples
    forget_examples()


@pytest.fixture(scope="session")
def lesson():
    return assignments.load("linear_model")


@pytest.fixture(scope="session")
def grade_file(lesson):
    """grade_file(path, **options) -> Report, for the linear_model lesson."""
    return lambda path, **options: grade(lesson, Path(path), **options)


def run_grader(*args, cwd=ROOT, env=None):
    """Run `python -m grader ARGS` in a child process; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "grader", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def scores(report) -> dict:
    return {e.id: e.score for e in report.exercises}


def lost(report) -> set:
    return {e.id for e in report.exercises if e.score < e.max_score}
