"""`grader new STEM`: the files of a new lesson, ready for `grader build` and `grader selftest`.

It writes a reference in the percent format with one solution region, a lesson package
declaring its `ASSIGNMENT`, a checks module with one example check, and a mutant folder
with one mutant: a lesson that already proves itself, for the author to grow. Its words go
through `grader.i18n` from the start, so `grader build` gives it its catalog
(`grader/lessons/<stem>/locale/zh/LC_MESSAGES/<stem>.po`, for the translator) and its
Chinese twins.
"""

from __future__ import annotations

import importlib.util
import keyword
import re
from pathlib import Path

from .assignment import KIT_ROOT, available
from .i18n import _

STEM = re.compile(r"[a-z][a-z0-9_]*")

REFERENCE = '''# %% [markdown]
# # {title}
#
# Say what the lesson teaches, its data and its question. Fill in each function below:
# replace `raise NotImplementedError` with your code. Run `grader check` to see which
# parts are right.

# %%
import numpy as np


# %% [markdown]
# ## 1. An example exercise
#
# Replace this example with the lesson's first function; keep its solution between the
# BEGIN and END SOLUTION markers, which `grader build` turns into a stub.


# %%
def double(x):
    """Twice x, for a number and elementwise for a NumPy array."""
    ### BEGIN SOLUTION
    return 2 * np.asarray(x, dtype=float)
    ### END SOLUTION
'''

PACKAGE = '''"""{title}"""

from ...assignment import Assignment, Exercise
from ...i18n import N_

ASSIGNMENT = Assignment(
    stem="{stem}",
    title=N_("{title}"),
    exercises=(
        Exercise("double", N_("an example: twice x")),
    ),
    check_modules=("checks",),
)
'''

CHECKS = '''"""Checks of {stem}: each a small function of the student's module and the reference."""

from ...authoring import Mistake, ask, check, expect_close
from ...i18n import _


@check("double", 1)
def double_example(student, ref):
    """double turns 3.0 into 6.0"""
    call, value = ask(student, "double", 3.0)
    expect_close(call, value, ref.double(3.0), mistakes=lambda: [
        Mistake(9.0, _("This squares x; double multiplies it by 2.")),
        Mistake(5.0, _("This adds 2; double multiplies x by 2."))],
        hint=_("Return 2 * x."))
'''

MUTANT = '''"""double adds 2 instead of multiplying by 2."""


def double(x):
    return x + 2
'''


class ScaffoldError(Exception):
    """The stem cannot be a new lesson."""


def check_stem(stem: str, root: Path = KIT_ROOT) -> None:
    if not STEM.fullmatch(stem) or keyword.iskeyword(stem):
        raise ScaffoldError(_("{stem} is not a valid stem: use lower-case letters, digits and _, "
                              "starting with a letter (e.g. my_lesson)", stem=repr(stem)))
    if stem in available() or (root / "solutions" / f"{stem}.py").exists() \
            or (root / "grader" / "lessons" / stem).exists():
        raise ScaffoldError(_("a lesson named {stem} exists already", stem=repr(stem)))
    if importlib.util.find_spec(stem) is not None:
        raise ScaffoldError(_("{stem} is the name of a Python module; a student's file of that name "
                              "would hide it: choose another stem", stem=repr(stem)))


def scaffold(stem: str, title: str = "", root: Path = KIT_ROOT) -> list[Path]:
    """Write the new lesson's files under `root`; returns them."""
    check_stem(stem, root)
    title = title or stem.replace("_", " ").capitalize()
    files = {
        root / "solutions" / f"{stem}.py": REFERENCE.format(title=title),
        root / "grader" / "lessons" / stem / "__init__.py": PACKAGE.format(stem=stem, title=title),
        root / "grader" / "lessons" / stem / "checks.py": CHECKS.format(stem=stem),
        root / "tests" / "mutants" / stem / "double" / "adds_two.py": MUTANT,
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)
