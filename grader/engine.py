"""Grade one submission: load it, start its sandboxes, run the checks, build the report.

The engine knows assignments only through `Assignment`: their exercises, their checks
and their reference. It starts the child processes first, so that they import the
student's code while the grader imports its checks; exercises that draw get a second
child with matplotlib already loaded, which warms up while the numeric checks run.
That is why NumPy, hypothesis and the checks are imported only once the children run.
Children forked from a warm `ForkServer` have matplotlib already: one serves every check.
"""

from __future__ import annotations

import time
from pathlib import Path

from . import __version__
from .assignment import Assignment
from .i18n import _, translate
from .report import ERROR, FAILED, NOT_IMPLEMENTED, PASSED, CheckResult, ExerciseResult, Report
from .sandbox.framing import clean
from .sandbox.layers import in_force
from .sandbox.process import ForkServer, Limits, Program, Sandbox
from .discovery import choose, lesson_functions
from .submission import UnreadableSubmission, load_program

PLOTTING = ("matplotlib.pyplot",)


def _first_failure(exc: BaseException) -> BaseException:
    """The failure to report: hypothesis groups distinct failures; we may stop its shrinking."""
    from .checking import ShrinkingStopped

    while True:
        if isinstance(exc, ShrinkingStopped):
            exc = exc.failure
        elif getattr(exc, "exceptions", None):
            exc = exc.exceptions[0]
        else:
            return exc


def run_check(check, student, reference) -> CheckResult:
    """Run one check against a `StudentModule` and the reference; whatever happens, return its result."""
    from .checking import CheckFailed
    from .sandbox.proxy import NotImplementedYet, StudentProblem

    def result(status: str, message: str = "", hint: str = "", cause: str = "") -> CheckResult:
        score = check.points if status == PASSED else 0.0
        return CheckResult(check.name, translate(check.title), status, score, check.points, message, hint,
                           "hidden" if check.hidden else "public", cause)

    try:
        check.run(student, reference)
    except BaseException as raised:  # hypothesis may wrap failures in a group
        if isinstance(raised, (KeyboardInterrupt, SystemExit)):
            raise
        failure = _first_failure(raised)
        if isinstance(failure, NotImplementedYet):
            return result(NOT_IMPLEMENTED, failure.message, failure.hint)
        if isinstance(failure, StudentProblem):
            return result(FAILED, failure.message, failure.hint, failure.cause)
        if isinstance(failure, CheckFailed):  # the same misconception named: the same cause
            return result(FAILED, failure.message, failure.hint, failure.hint or failure.message)
        return result(ERROR, _("The grader could not finish this check: {error}",
                               error=": ".join((type(failure).__name__, str(failure)))),
                      _("This is a fault in the grader, not in your code: these points "
                        "are not counted against you; your instructor will review them."))
    return result(PASSED)


def _describe_problem(problem: dict) -> str:
    where = _(" ({file}, line {line})", file=problem["file"], line=problem["line"]) if problem.get("line") else ""
    code = _(": `{code}`", code=problem["code"]) if problem.get("code") else ""
    from .sandbox.proxy import exception_text

    return f"{problem['type']}: {exception_text(problem['type'], problem['message'])}{where}{code}"


def _load_failure(display: str, fatal: dict, limits: Limits) -> str:
    if fatal["type"] == "Timeout":
        return _("Importing {file} took longer than {seconds:g} s. Does code at the top level loop for a long "
                 "time? Put the lesson's script under `if __name__ == \"__main__\":`.",
                 file=display, seconds=limits.import_timeout)
    if fatal["type"] == "Crash":
        return _("Importing {file} stopped the grader's worker: {how}.", file=display,
                 how=fatal["message"])
    return _("{file} could not be imported, so nothing in it could be graded: {error}. "
             "Run the file yourself to see the whole error.", file=display, error=_describe_problem(fatal))


def _location(function: list | None, cells: set) -> tuple[str, int | None]:
    """("linear_model.py, line 40", 40); a notebook's cell (one of `cells`) has no line of the file itself."""
    if not function:
        return "", None
    filename, line = function
    return _("{file}, line {line}", file=filename, line=line), (None if filename in cells else line)


def _signature_mismatches(assignment: Assignment, exercises, parameters: dict) -> dict[str, tuple[str, str]]:
    """{exercise: (message, hint)} for the student's functions the contract cannot call."""
    from .signatures import mismatch

    contract = assignment.contract()
    found = {e.id: mismatch(e.id, contract[e.id], parameters) for e in exercises
             if e.id in contract and e.id in parameters}
    return {name: why for name, why in found.items() if why}


def _not_run(check, message: str, hint: str) -> CheckResult:
    return CheckResult(check.name, translate(check.title), FAILED, 0.0, check.points, message, hint,
                       "hidden" if check.hidden else "public", message)


def _not_graded(checks: list, reason: str) -> list[CheckResult]:
    return [_not_run(c, reason, "") for c in checks]


def grade(assignment: Assignment, path: Path, *, only: str | None = None, limits: Limits = Limits(),
          public_only: bool = False, forks: ForkServer | None = None, reference=None,
          isolate: bool = False) -> Report:
    """Grade the submission at `path` (a file or a folder holding one).

    `forks`, when grading many submissions, supplies children forked from a warm process;
    `reference` replaces the lesson's own (a release records the answers it gives); `isolate`
    grades each function with the reference standing in for the contract functions before it
    (`--isolate-functions`, see `sandbox.standins`).
    """
    started = time.monotonic()
    found = choose(path, assignment.stem, lesson_functions(assignment))
    file = found.path
    notes = [found.note(path)] if found.others else []  # the other files that hold the lesson's functions
    try:
        program, errors = load_program(file, assignment.stem), []
    except UnreadableSubmission as unreadable:
        program, errors = None, [f"{unreadable}."]
    return grade_program(assignment, program, str(file), file.name, only=only, limits=limits,
                         public_only=public_only, forks=forks, errors=errors, notes=notes, started=started,
                         reference=reference, isolate=isolate)


def grade_program(assignment: Assignment, program: Program | None, submission: str, display: str, *,
                  only: str | None = None, limits: Limits = Limits(), public_only: bool = False,
                  forks: ForkServer | None = None, errors: list | None = None, notes: list | None = None,
                  started: float | None = None, reference=None, isolate: bool = False) -> Report:
    """Grade code already read (a file's, or a notebook kernel's cells): `program` None with `errors`
    saying why there is nothing to run. `submission` names it in the report, `display` in messages;
    `reference` replaces the lesson's own (a release records the answers it gives); `isolate` as in `grade`."""
    started = time.monotonic() if started is None else started
    if isolate:
        require_reference(assignment)
    exercises = [e for e in assignment.exercises if only in (None, e.id)]
    if not exercises:
        raise LookupError(_("no exercise named {name}; exercises: {exercises}", name=repr(only),
                            exercises=", ".join(e.id for e in assignment.exercises)))
    errors, notes = list(errors or []), list(notes or [])
    results, functions, applied = [], {}, None

    sandboxes = []
    try:
        if program is not None and forks is not None:
            sandboxes.append(forks.sandbox(program, limits))  # started already, perhaps long ago
        elif program is not None:
            sandboxes.append(Sandbox(program, limits))
            if any(e.plots for e in exercises):
                sandboxes.append(Sandbox(program, limits, preload=PLOTTING))
            for sandbox in sandboxes:
                sandbox.start()
        checks = [c for c in assignment.checks() if c.exercise in {e.id for e in exercises}
                  and not (public_only and c.hidden)]
        reference = reference or assignment.reference()
        from . import replay  # with hypothesis, now that the children have started

        replay.restore(assignment, checks)
        for sandbox in sandboxes:  # the grader's code and the reference are loaded: now the student's
            sandbox.go()
        if program is None:
            results = _not_graded(checks, _("Not graded: {error}", error=errors[0]))
        else:
            loaded = sandboxes[0].load_result()
            applied = loaded.layers
            if loaded.fatal:
                errors.append(_load_failure(display, loaded.fatal, limits))
                results = _not_graded(checks, _("Not graded: {error}", error=errors[0]))
            else:
                functions = loaded.functions
                notes += [_("{cell} raised {error}; the cells after it still ran.", cell=p["chunk"],
                            error=_describe_problem(p))
                         for p in loaded.problems if p["type"] != "NotImplementedError"]
                from .sandbox.proxy import StudentModule

                names = assignment.contract()
                stand_ins = None
                if isolate:
                    from .sandbox.standins import StandIns

                    stand_ins = StandIns(reference, assignment)
                students = {plots: StudentModule(sandboxes[-1 if plots else 0], names, stand_ins)
                            for plots in (False, True)}
                plotting = {e.id for e in exercises if e.plots}
                refused = _signature_mismatches(assignment, exercises, loaded.parameters)
                # hidden checks last: a public check's message must not show what the child was asked before
                done = {id(c): _not_run(c, *refused[c.exercise]) if c.exercise in refused
                        else run_check(c, students[c.exercise in plotting], reference)
                        for c in sorted(checks, key=lambda c: c.hidden)}
                results = [done[id(c)] for c in checks]
                replay.keep(assignment, checks)
    finally:
        for sandbox in sandboxes:
            try:
                sandbox.close()
            except OSError:
                pass  # a child the student's code left in a strange state: it is gone either way

    cells = {c["filename"] for c in program.chunks if c.get("cell")} if program else set()
    by_exercise = [ExerciseResult(e.id, translate(e.title), tuple(r for c, r in zip(checks, results) if c.exercise == e.id),
                                  *_location(functions.get(e.id), cells)) for e in exercises]
    withheld_checks, withheld_points = assignment.withheld()
    sandbox = {"mode": limits.sandbox, "ran": applied is not None, **in_force(applied or {})}
    return Report(assignment=assignment.stem, submission=clean(submission), exercises=tuple(by_exercise),
                  errors=tuple(clean(errors)), notes=tuple(clean(notes)),
                  grader_version=__version__,
                  duration_s=time.monotonic() - started, withheld_checks=withheld_checks,
                  withheld_points=withheld_points, sandbox=sandbox, isolate_functions=isolate)


def require_reference(assignment: Assignment) -> None:
    """--isolate-functions needs the reference itself: a student release has only recorded answers."""
    if assignment.is_release:
        from .i18n import _
        from .sandbox.standins import NoReference

        raise NoReference(_("--isolate-functions needs the reference solution, and this copy has only its recorded "
                            "answers: grade with the instructor's kit."))
