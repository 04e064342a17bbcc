"""Generate a class of submissions of mixed quality, as a folder `grader grade` reads.

    python bench/make_class.py 200 /tmp/class

Deterministic for a given size. About 40% correct (the reference and the other correct
styles in tests/submissions), 40% with one known mistake and 8% with two (tests/mutants),
5% untouched stubs, 4% completed notebooks, and the rest broken: faults from tests/faults,
syntax errors. Half are plain files `<id>.py`, half folders `<id>/linear_model.py|.ipynb`.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from grader.build import cells  # noqa: E402
from grader.selftest import compose_mutant  # noqa: E402

REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()
CORRECT = [REFERENCE] + [p.read_text() for p in sorted((ROOT / "tests" / "submissions").glob("*.py"))]
MUTANTS = [p.read_text() for p in sorted((ROOT / "tests" / "mutants" / "linear_model").glob("*/*.py"))]
FAULTS = [p.read_text() for p in sorted((ROOT / "tests" / "faults").glob("*.py")) if p.stem != "hangs_at_import"]


def notebook(source: str) -> str:
    code = [text for kind, text in cells(source) if kind == "code"] or [source]
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "code", "id": f"c{n}", "metadata": {}, "outputs": [], "execution_count": None, "source": text}
        for n, text in enumerate(code)]})


def submission(rng: random.Random) -> tuple[str, str]:
    """(suffix, text) of one student's submission."""
    roll = rng.random()
    if roll < 0.40:
        return ".py", rng.choice(CORRECT)
    if roll < 0.80:
        return ".py", compose_mutant(REFERENCE, rng.choice(MUTANTS))
    if roll < 0.88:
        return ".py", compose_mutant(compose_mutant(REFERENCE, rng.choice(MUTANTS)), rng.choice(MUTANTS))
    if roll < 0.93:
        return ".py", (ROOT / "exercises" / "linear_model.py").read_text()
    if roll < 0.97:
        return ".ipynb", notebook(REFERENCE)
    if roll < 0.985:
        return ".py", compose_mutant(REFERENCE, rng.choice(FAULTS))
    return ".py", REFERENCE.replace("def forward(x, w):", "def forward(x, w)")


def make_class(size: int, folder: Path) -> Path:
    rng = random.Random(size)
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(size):
        student = f"student{n:03d}"
        suffix, text = submission(rng)
        if n % 2:
            (folder / student).mkdir(exist_ok=True)
            (folder / student / f"linear_model{suffix}").write_text(text)
        else:
            (folder / f"{student}{suffix}").write_text(text)
    return folder


if __name__ == "__main__":
    print(make_class(int(sys.argv[1]), Path(sys.argv[2])))
