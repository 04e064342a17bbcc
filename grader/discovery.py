"""Which file to grade in a folder: one rule for `grader check`, `grader grade`, Gradescope and Classroom.

Students hand in a folder shaped their own way: the kit's `exercises/` inside a repository,
a notebook beside the untouched `.py` stub, a copy in a subfolder. The rule searches the
folder and its subfolders (not caches, hidden folders, virtual environments, symbolic links
or the grader's own output), and among the `.py` and `.ipynb` files picks, by content and
never by date, the one with most of the lesson's functions written (a body other than
`raise NotImplementedError`); ties go to the file named after the lesson (its Chinese twin,
`<stem>.zh.py`, is named after it too, after the English one), then the one nearest the top,
then the first by name. The other files that hold the lesson's functions
are named in the report, so that nobody wonders which one was graded.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .i18n import LANGUAGES

SUFFIXES = (".py", ".ipynb")
TWINS = tuple(language for language in LANGUAGES if language != "en")  # `<stem>.<language>.py`: a twin
SKIPPED_FOLDERS = {"__pycache__", "__MACOSX", "node_modules", "site-packages", "venv", "env"}


class SubmissionError(Exception):
    """Nothing can be graded: the path is missing, or a folder holds no submission."""


def skipped_folder(folder: Path) -> bool:
    """Folders nobody hands work in: caches, hidden folders, virtual environments, zip debris."""
    name = folder.name
    return (name.startswith(".") or name in SKIPPED_FOLDERS or name.endswith(".egg-info")
            or (folder / "pyvenv.cfg").exists())


def code_files(folder: Path, skip: tuple[Path, ...] = ()) -> list[Path]:
    """Every .py and .ipynb under `folder` a student may have written, sorted; no symbolic links."""
    skip = tuple(p.resolve() for p in skip)
    found = []
    for top, folders, files in os.walk(folder):
        here = Path(top)
        folders[:] = sorted(d for d in folders if not skipped_folder(here / d)
                            and (here / d).resolve() not in skip and not (here / d).is_symlink())
        found += [here / f for f in sorted(files) if f.endswith(SUFFIXES) and not f.startswith(".")
                  and not (here / f).is_symlink()]
    return found


@dataclass(frozen=True)
class Candidate:
    path: Path
    written: int  # the lesson's functions with a body of their own
    defined: int  # the lesson's functions defined at all, stubs included


@dataclass(frozen=True)
class Choice:
    path: Path
    others: tuple[Candidate, ...] = ()  # files found beside it, not graded
    best: Candidate | None = None  # how complete the chosen file is, when there was a choice
    functions: int = 0

    def note(self, root: Path) -> str:
        """One sentence naming what else was found, for the report; empty when nothing was."""
        if not self.others:
            return ""
        def where(path: Path) -> str:
            return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)
        others = "; ".join(f"{where(o.path)} ({self._completeness(o)})" for o in self.others[:5])
        if len(self.others) > 5:
            others += f"; and {len(self.others) - 5} more"
        return (f"Graded {where(self.path)} ({self._completeness(self.best)}), the most complete of the files "
                f"found; also found, not graded: {others}.")

    def _completeness(self, candidate: Candidate) -> str:
        if not candidate.defined:
            return "none of the lesson's functions"
        if not candidate.written:
            return "untouched stub"
        return f"{candidate.written} of {self.functions} functions written"


def _is_stub(function: ast.FunctionDef) -> bool:
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant):
        body = body[1:]  # the docstring
    if len(body) != 1 or not isinstance(body[0], ast.Raise) or body[0].exc is None:
        return False
    raised = body[0].exc.func if isinstance(body[0].exc, ast.Call) else body[0].exc
    return isinstance(raised, ast.Name) and raised.id == "NotImplementedError"


def _sources(path: Path) -> list[str]:
    """The file's code: a .py as it is, a notebook's code cells; unreadable files have none."""
    from .submission import UnreadableSubmission, load_program

    try:
        return [chunk["source"] for chunk in load_program(path, "submission").chunks]
    except (UnreadableSubmission, OSError):
        return []


def to_write(exercise: Path, functions: tuple[str, ...]) -> tuple[str, ...]:
    """The functions the student writes: those the generated exercise leaves as stubs (the others
    it gives whole, so that they say nothing about how far a student got)."""
    if not exercise.is_file():
        return functions
    given = _written_names(exercise, functions)[0]
    return tuple(f for f in functions if f not in given)


def lesson_functions(assignment) -> tuple[str, ...]:
    """The functions a student of `assignment` writes, read from its generated `.py` exercise."""
    return to_write(assignment.exercise_paths[0], tuple(e.id for e in assignment.exercises))


def measure(path: Path, functions: tuple[str, ...]) -> Candidate:
    written, defined = _written_names(path, functions)
    return Candidate(path, len(written), len(defined))


def _written_names(path: Path, functions: tuple[str, ...]) -> tuple[set, set]:
    """How much of the lesson this file holds, read from its code (a file that does not parse
    is read line by line, so that a half-finished answer still beats the stub)."""
    written, defined = set(), set()
    for source in _sources(path):
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            names = set(re.findall(r"^\s*def\s+(\w+)\s*\(", source, re.MULTILINE)) & set(functions)
            stubs = len(re.findall(r"raise\s+NotImplementedError", source))
            defined |= names
            written |= set(sorted(names)[:max(0, len(names) - stubs)])
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name in functions:
                defined.add(node.name)
                if not _is_stub(node):
                    written.add(node.name)
    return written, defined


def lesson_stem(path: Path) -> str:
    """The lesson a file is named after: `linear_model` for linear_model.py and for its twin linear_model.zh.ipynb."""
    base, _dot, language = path.stem.rpartition(".")
    return base if base and language in TWINS else path.stem


def pick(files: list[Path], root: Path, stem: str, functions: tuple[str, ...]) -> Choice:
    """The most complete of `files` (found under `root`), and the others that hold the lesson."""
    if len(files) == 1:
        return Choice(files[0], functions=len(functions))  # no choice to make: nothing to read
    candidates = [measure(f, functions) for f in files]
    ranked = sorted(candidates, key=lambda c: (-c.written, -c.defined, lesson_stem(c.path) != stem, c.path.stem != stem,
                                               SUFFIXES.index(c.path.suffix), len(c.path.relative_to(root).parts),
                                               str(c.path)))
    best, rest = ranked[0], ranked[1:]
    # name every other file when there are few; in a whole repository, those that hold the lesson
    others = tuple(c for c in rest if c.defined or lesson_stem(c.path) == stem or len(rest) <= 4)
    return Choice(best.path, others, best, len(functions))


def choose(path: Path, stem: str, functions: tuple[str, ...], skip: tuple[Path, ...] = ()) -> Choice:
    """The file to grade: `path` itself, or the most complete submission in the folder `path`."""
    if not path.exists():
        raise SubmissionError(f"{path}: no such file or folder")
    if path.is_file():
        return Choice(path, functions=len(functions))
    files = code_files(path, skip)
    if not files:
        raise SubmissionError(f"{path}: the folder holds no .py or .ipynb file to grade, in it or its subfolders")
    return pick(files, path, stem, functions)
