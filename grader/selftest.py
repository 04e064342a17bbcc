"""`grader selftest`: prove that an assignment's checks are sound.

Three kinds of evidence: the reference earns every point, also pasted into the Chinese
notebook; the untouched student files (.py and .ipynb, and their Chinese twins) earn none;
and every mutant in `tests/mutants/<stem>/<exercise>/` (one known
mistake each) loses points on its exercise and keeps every point elsewhere.
"""

from __future__ import annotations

import ast
import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from . import i18n
from .assignment import KIT_ROOT, Assignment
from .i18n import _

MUTANTS = KIT_ROOT / "tests" / "mutants"


@dataclass(frozen=True)
class Evidence:
    name: str
    ok: bool
    detail: str


def compose_mutant(reference: str, mutant: str) -> str:
    """The reference with the mutant's functions in place of its own.

    The reference's versions stay, renamed `_reference_<name>`, and the rest of the
    reference calls those: so a mistake in `loss` does not also break `mse`, and the
    mutant's cost shows on its own exercise only.
    """
    replaced = {node.name for node in ast.parse(mutant).body if isinstance(node, ast.FunctionDef)}

    class Rename(ast.NodeTransformer):
        def visit_FunctionDef(self, node):
            self.generic_visit(node)
            if node.name in replaced:
                node.name = f"_reference_{node.name}"
            return node

        def visit_Name(self, node):
            if node.id in replaced:
                node.id = f"_reference_{node.id}"
            return node

    return ast.unparse(Rename().visit(ast.parse(reference))) + "\n\n\n" + mutant


def mutants(assignment: Assignment) -> list[Path]:
    folders = [MUTANTS / assignment.stem / e.id for e in assignment.exercises]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.py"))


def _grade(assignment_stem: str, path: Path):
    from . import assignment as assignments
    from .engine import grade

    return grade(assignments.load(assignment_stem), path)


def _judge_mutant(assignment_stem: str, path: Path) -> Evidence:
    from . import assignment as assignments

    assignment = assignments.load(assignment_stem)
    target = path.parent.name
    name = _("mutant {exercise}/{name}", exercise=target, name=path.stem)
    source = compose_mutant(assignment.solution_path.read_text(encoding="utf-8"), path.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="grader-mutant-") as folder:
        submission = Path(folder) / f"{assignment.stem}.py"
        submission.write_text(source, encoding="utf-8")
        report = _grade(assignment.stem, submission)
    lost = {e.id: e for e in report.exercises if e.score < e.max_score}
    if report.errors:
        return Evidence(name, False, _("not graded: {error}", error=report.errors[0]))
    if target not in lost:
        return Evidence(name, False, _("not caught: {exercise} kept all its points", exercise=target))
    if set(lost) != {target}:
        return Evidence(name, False, _("also cost points on {exercises}",
                                       exercises=", ".join(sorted(set(lost) - {target}))))
    exercise = lost[target]
    first = next(c for c in exercise.checks if not c.passed)
    caught = ", ".join(c.name for c in exercise.checks if not c.passed)
    return Evidence(name, True, _("{exercise} {score:g}/{max_score:g}; caught by {checks}: {message} Hint: {hint}",
                                  exercise=target, score=exercise.score, max_score=exercise.max_score,
                                  checks=caught, message=first.message, hint=first.hint))


def _judge_whole(assignment_stem: str, label: str, path: Path, full_marks: bool) -> Evidence:
    report = _grade(assignment_stem, path)
    expected = report.max_score if full_marks else 0.0
    detail = f"{report.score:g}/{report.max_score:g}"
    if report.score != expected:
        wrong = [f"{c.name}: {c.message}" for e in report.exercises for c in e.checks if c.passed != full_marks]
        detail += _(", expected {expected:g}; {problem}", expected=expected,
                    problem=(wrong or report.errors or [""])[0])
    return Evidence(label, report.score == expected, detail)


def gather(assignment: Assignment, workers: int | None = None) -> list[Evidence]:
    """Grade the reference, the stubs and every mutant, in parallel processes."""
    from .build import notebook_text, twin_paths, twin_reference

    py_stub, notebook_stub = assignment.exercise_paths
    twin_py, twin_notebook = twin_paths(assignment, "zh")
    stem = assignment.stem  # jobs go to other processes: send names, not loaded modules
    with tempfile.TemporaryDirectory(prefix="grader-twin-") as folder:
        finished_twin = Path(folder) / twin_notebook.name  # the reference, as the Chinese notebook holds it
        finished_twin.write_text(notebook_text(twin_reference(assignment, "zh"), stem), encoding="utf-8")
        jobs = [(_judge_whole, stem, _("reference"), assignment.solution_path, True),
                (_judge_whole, stem, _("reference (.zh.ipynb)"), finished_twin, True),
                (_judge_whole, stem, _("stubs (.py)"), py_stub, False),
                (_judge_whole, stem, _("stubs (.ipynb)"), notebook_stub, False),
                (_judge_whole, stem, _("stubs (.zh.py)"), twin_py, False),
                (_judge_whole, stem, _("stubs (.zh.ipynb)"), twin_notebook, False)]
        jobs += [(_judge_mutant, stem, path) for path in mutants(assignment)]
        with ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 1, initializer=i18n.use,
                                 initargs=(i18n.current(),)) as pool:  # spawned workers speak the same language
            futures = [pool.submit(job[0], *job[1:]) for job in jobs]
            return [future.result() for future in futures]


def selftest(assignment: Assignment, out: TextIO) -> bool:
    evidence = gather(assignment)
    for item in evidence:
        out.write(f"{'ok  ' if item.ok else 'FAIL'} {item.name}: {item.detail}\n")
    failed = [e for e in evidence if not e.ok]
    out.write("\n" + _("{passed} passed, {failed} failed", passed=len(evidence) - len(failed), failed=len(failed)) + "\n")
    return not failed
