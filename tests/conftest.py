"""Shared helpers: grade a file in-process, or run the `grader` command as a user would."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# The tests read English whatever the machine's locale (grader picks Chinese for any zh* locale);
# the language tests ask for Chinese themselves, with --lang zh or LANG=zh_CN.UTF-8.
os.environ["LC_ALL"] = "C.UTF-8"

from grader import assignment as assignments
from grader.engine import grade

ROOT = Path(__file__).resolve().parent.parent
SUBMISSIONS = Path(__file__).resolve().parent / "submissions"


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
