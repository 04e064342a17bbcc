"""The `grader` command: check, grade, doctor, build, selftest, release, gradescope-bundle.

Exit codes: 0 full marks (or at least --min-score), 1 below, 2 the grader was misused
(no such file, bad option), with one line on stderr that says what to do, and 3 when the
grader itself failed, wholly or on some checks (a fault to report; the reports, Gradescope's
results.json too, are still written, the failed checks marked for review).
"""

from __future__ import annotations

import argparse
import atexit
import os
import sys
import threading
from pathlib import Path

from . import __version__, assignment as assignments, i18n
from .i18n import N_, _, translate

EXIT_PASSED, EXIT_BELOW, EXIT_MISUSE, EXIT_GRADER_FAILED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C


class UsageError(Exception):
    """The command line asks for something impossible: exit 2 with this message."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one clear line instead of argparse's usage dump
        raise UsageError(_("{problem} (see `{command} --help`)", problem=message, command=self.prog))


def _pick_assignment(name: str | None, path: Path | None) -> assignments.Assignment:
    """The lesson named by --lesson, or the one the submission's file name (or folder) names."""
    known = assignments.available()
    if name:
        if name not in known:
            raise UsageError(_("no lesson named {name}; known: {known}", name=repr(name), known=", ".join(known)))
        return assignments.load(name)
    named = _lessons_named_by(path, known) if path is not None else []
    if len(named) == 1:
        return assignments.load(named[0])
    if len(known) == 1:
        return assignments.load(known[0])
    raise UsageError(_("say which lesson with --lesson ({lessons})", lessons=", ".join(named or known)))


def _lessons_named_by(path: Path, known: list[str]) -> list[str]:
    """`<stem>.py` or `<stem>.ipynb` (or a twin, `<stem>.zh.py`) names its lesson; so does a folder holding one."""
    from .discovery import SUFFIXES, lesson_stem

    if path.is_dir():
        return [stem for stem in known if any(lesson_stem(f) == stem and f.suffix in SUFFIXES and f.is_file()
                                              for f in path.glob(f"{stem}.*"))]
    return [lesson_stem(path)] if lesson_stem(path) in known else []


def _exercise_file(stem: str) -> Path:
    """exercises/<stem>.py here, in a student's folder that has exercises/, or else in the kit; its Chinese twin,
    exercises/<stem>.zh.py, where only that one is there."""
    here = Path("exercises")
    english = (here if here.is_dir() else assignments.KIT_ROOT / "exercises") / f"{stem}.py"
    twin = english.with_name(f"{stem}.zh.py")
    return twin if twin.exists() and not english.exists() else english


def _default_submission(name: str | None) -> tuple[assignments.Assignment, Path]:
    """`grader check` with no path: the exercise file of the one lesson there is, or that exists."""
    stems = [name] if name else assignments.available()
    existing = [stem for stem in stems if _exercise_file(stem).exists()]
    if len(existing) > 1:
        files = _(" or ").join(f"`grader check {_exercise_file(stem)}`" for stem in existing)
        twins = [str(twin) for twin in (_exercise_file(stem).with_name(f"{stem}.zh.py") for stem in existing)
                 if twin.exists()]
        also = _(" (in Chinese: {twins})", twins=", ".join(twins)) if twins else ""
        raise UsageError(_("this kit has {n} lessons; name the file to grade: {files}{also}",
                           n=len(existing), files=files, also=also))
    if len(existing) != 1 and len(stems) > 1:
        raise UsageError(_("say which lesson with --lesson ({lessons})", lessons=", ".join(stems)))
    stem = existing[0] if existing else stems[0]
    return _pick_assignment(stem, None), _exercise_file(stem)


def _limits(args):
    from .sandbox.process import Limits

    return Limits(call_timeout=args.timeout, import_timeout=args.import_timeout, memory_mb=args.memory,
                  sandbox=args.sandbox)


def cmd_check(args) -> int:
    from .engine import grade
    from .render import gradescope
    from .discovery import SubmissionError
    from .sandbox.policy import SandboxUnavailable

    try:
        if args.path is None:
            assignment, path = _default_submission(args.lesson)
        elif not args.path.exists():
            raise UsageError(_("{path}: no such file or folder", path=args.path))
        elif args.path.is_dir() and not any(p.suffix in (".py", ".ipynb") for p in args.path.rglob("*")):
            raise UsageError(_("{path}: the folder holds no .py or .ipynb file to grade", path=args.path))
        elif args.path.is_file() and args.path.suffix not in (".py", ".ipynb"):
            raise UsageError(_("{path} is neither a .py file nor a notebook (.ipynb): give the file with "
                               "your functions, or the folder that holds it", path=args.path))
        else:
            assignment, path = _pick_assignment(args.lesson, args.path), args.path
    except UsageError as problem:
        if args.gradescope:  # on Gradescope, a submission with nothing to grade is still a result
            gradescope.write(args.gradescope, gradescope.crashed(str(problem)))
        raise
    maximum = None if args.min_score is None else sum(c.points for c in assignment.checks())  # imports them: slow
    if args.min_score is not None and not 0 <= args.min_score <= maximum:
        raise UsageError(_("--min-score {score:g} is outside 0..{maximum:g}, the points this assignment has",
                           score=args.min_score, maximum=maximum))
    limits = _limits(args)
    _check_isolation(assignment, args)
    _check_limits(assignment, limits)
    if args.watch:
        return cmd_watch(args, assignment, path, limits)
    try:
        report = grade(assignment, path, only=args.only, limits=limits, isolate=args.isolate_functions)
    except SandboxUnavailable as refused:
        raise UsageError(str(refused)) from None
    except (SubmissionError, LookupError) as problem:
        if args.gradescope:  # on Gradescope, a submission with nothing to grade is still a result
            gradescope.write(args.gradescope, gradescope.crashed(str(problem).strip("'\"")))
        raise UsageError(str(problem).strip("'\"")) from None
    except Exception as fault:  # a fault of the grader's: still leave Gradescope a results file
        if args.gradescope:
            gradescope.write(args.gradescope, gradescope.crashed(f"{type(fault).__name__}: {fault}"))
        print(_("grader: internal error: {error} (please report this)", error=": ".join((type(fault).__name__, str(fault)))),
              file=sys.stderr)
        return EXIT_GRADER_FAILED
    publish(report, args, translate(assignment.title))
    if report.incomplete:  # checks broke in the grader: the score is not final, whatever it is
        return EXIT_GRADER_FAILED
    pass_mark = report.max_score if args.min_score is None else args.min_score
    return EXIT_PASSED if report.score >= pass_mark else EXIT_BELOW


def cmd_watch(args, assignment, path: Path, limits) -> int:
    """`grader check --watch`: the text report now and after every save, until Ctrl-C."""
    from .render import text
    from .sandbox.policy import SandboxUnavailable
    from .watch import watch

    if args.format != "text" or args.gradescope or args.junit:
        raise UsageError(_("--watch prints the text report after each save: leave out --format, --gradescope "
                           "and --junit"))
    colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    first = [True]

    def show(report, changes: dict, problem: str) -> None:
        if not first[0]:
            print("\n" + "-" * 30 + " " + _("saved: graded again") + " " + "-" * 30 + "\n")
        if problem:
            print(_("grader: {problem}; waiting for it to be saved", problem=problem.strip(chr(39))))
        else:
            sys.stdout.write(text.render(report, title=translate(assignment.title), colour=colour, changes=changes))
        if first[0]:
            print("\n" + _("Watching {path}: it is graded again each time you save it (Ctrl-C stops).", path=path))
            first[0] = False
        sys.stdout.flush()

    try:
        watch(assignment, path, show, only=args.only, limits=limits, isolate=args.isolate_functions)
    except SandboxUnavailable as refused:
        raise UsageError(str(refused)) from None
    except LookupError as problem:
        raise UsageError(str(problem).strip("'\"")) from None
    except KeyboardInterrupt:
        print("\n" + _("Stopped watching."))
    return EXIT_INTERRUPTED


def publish(report, args, title: str) -> None:
    """Every output the command line asked for, and GitHub Actions' own when running there."""
    from .render import github, gradescope, json_report, junit, markdown, text

    machine_readable = args.format in ("json", "classroom")
    if args.format == "json":
        sys.stdout.write(json_report.render(report))
    elif args.format == "classroom":
        sys.stdout.write(github.classroom_result(report))
    elif args.format == "markdown":
        sys.stdout.write(markdown.render(report, title=title))
    else:
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        sys.stdout.write(text.render(report, title=title, colour=colour))
    if args.gradescope:
        gradescope.write(args.gradescope, gradescope.results(report))
    if args.junit:
        args.junit.parent.mkdir(parents=True, exist_ok=True)
        args.junit.write_text(junit.render(report), encoding="utf-8")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            with open(summary, "a", encoding="utf-8") as f:
                f.write(markdown.render(report, title=title))
        (sys.stderr if machine_readable else sys.stdout).write(github.annotations(report))


def cmd_grade(args) -> int:
    from .batch import Interrupted, Progress, discover, grade_class
    from .discovery import SubmissionError
    from .roster import unpack

    folder = args.folder
    if folder.is_file() and folder.suffix != ".zip":
        raise UsageError(_("{path} is a file: give the folder that holds the class's submissions "
                           "(or a .zip of it), e.g. `grader grade {parent}`", path=folder, parent=folder.parent))
    assignment = _pick_assignment(args.lesson, None)
    out = args.out or folder.parent / f"{folder.stem if folder.suffix == '.zip' else folder.name}-graded"
    limits = _limits(args)
    _check_isolation(assignment, args)
    _require_sandbox(limits)
    try:
        if folder.is_file():
            folder = unpack(folder, out / "unpacked")
        klass = discover(folder, assignment, skip=(out,), id_pattern=args.id_pattern)
        _check_limits(assignment, limits)
        progress = Progress()
        rows = grade_class(assignment.stem, klass, out, workers=args.jobs, limits=limits,
                           on_plan=progress.plan, on_done=progress.step, isolate=args.isolate_functions)
    except SubmissionError as problem:
        raise UsageError(str(problem)) from None
    except Interrupted as stopped:
        _write_gradebook(stopped.rows, klass, assignment, out, args)
        print(f"\n{stopped}", file=sys.stderr)
        return EXIT_INTERRUPTED
    summary = _write_gradebook(rows, klass, assignment, out, args)
    graded = sum(r["status"] == "graded" for r in rows)
    ignored = _("; ignored (not a submission): {names}", names=", ".join(klass.ignored)) if klass.ignored else ""
    print(_("{n} submissions ({layout} layout), {graded} graded: {grades}, {summary}{ignored}", n=len(rows),
            layout=klass.source, graded=graded, grades=out / "grades.csv", summary=summary, ignored=ignored))
    return EXIT_PASSED


def _write_gradebook(rows, klass, assignment, out: Path, args) -> Path:
    from .gradebook import write_canvas, write_grades, write_summary

    write_grades(rows, assignment, out / "grades.csv")
    if args.canvas:
        write_canvas(rows, assignment, args.canvas, column=args.canvas_column, source=klass.source)
    return write_summary(rows, out, translate(assignment.title), ignored=klass.ignored)


def _check_isolation(assignment, args) -> None:
    """--isolate-functions needs the reference: refuse before anything is graded where there is none."""
    if args.isolate_functions:
        from .engine import require_reference
        from .sandbox.standins import NoReference

        try:
            require_reference(assignment)
        except NoReference as refused:
            raise UsageError(str(refused)) from None


def _check_limits(assignment, limits) -> None:
    """Grade the reference under the chosen limits before any student pays for them."""
    from .limits import LimitsTooLow, check_limits

    try:
        check_limits(assignment, limits)
    except LimitsTooLow as problem:
        raise UsageError(str(problem)) from None


def _require_sandbox(limits) -> None:
    """Under `--sandbox require`, refuse a class before any student's code runs."""
    if limits.sandbox != "require":
        return
    from .doctor import probe
    from .sandbox.policy import SandboxUnavailable

    try:
        probe(limits)  # the probe child refuses as a student's would, with the same one line
    except SandboxUnavailable as refused:
        raise UsageError(str(refused)) from None


def cmd_doctor(args) -> int:
    from .doctor import probe, report

    sys.stdout.write(report(probe()))
    return EXIT_PASSED


def _lessons(name: str | None) -> list[assignments.Assignment]:
    """The lesson named by --lesson, or every lesson of the kit."""
    return [_pick_assignment(name, None)] if name else [assignments.load(s) for s in assignments.available()]


def cmd_build(args) -> int:
    from .build import build, build_catalogs
    from .i18n import DOMAIN

    lessons = _lessons(args.lesson)
    stale = [path for assignment in lessons for path in build(assignment, check_only=args.check)]
    stale += build_catalogs({DOMAIN, *(a.stem for a in lessons)}, check_only=args.check)
    for path in stale:
        print(_("{path}: out of date; run `grader build`", path=path) if args.check else
              _("{path}: written", path=path), file=sys.stderr if args.check else sys.stdout)
    return EXIT_BELOW if args.check and stale else EXIT_PASSED


def cmd_gradescope_bundle(args) -> int:
    from .bundle import gradescope_bundle

    assignment = _pick_assignment(args.lesson, None)
    print(_("{path}: upload it as the autograder of a Gradescope assignment",
            path=gradescope_bundle(args.out, assignment.stem, language=args.lang)))
    return EXIT_PASSED


def cmd_release(args) -> int:
    from .release import ReleaseError, release

    assignment = _pick_assignment(args.lesson, None)
    try:
        out = release(assignment, args.out, language=args.lang)
    except ReleaseError as problem:
        raise UsageError(str(problem)) from None
    print(_("{path}: the student release (exercises, grader, public checks; no solution)", path=out))
    return EXIT_PASSED


def cmd_new(args) -> int:
    from .scaffold import ScaffoldError, scaffold

    try:
        written = scaffold(args.stem, args.title)
    except ScaffoldError as problem:
        raise UsageError(str(problem)) from None
    root = assignments.KIT_ROOT
    for path in written:
        print(_("{path}: written", path=path.relative_to(root)))
    print(_("Next: `grader build --lesson {stem}`, then `grader selftest --lesson {stem}`; "
            "docs/authoring.md says how to grow the lesson.", stem=args.stem))
    return EXIT_PASSED


def cmd_selftest(args) -> int:
    from .selftest import selftest

    results = []
    for assignment in _lessons(args.lesson):
        sys.stdout.write(f"{assignment.stem}\n")
        results.append(selftest(assignment, out=sys.stdout))
    return EXIT_PASSED if all(results) else EXIT_BELOW


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not (0 < value < float("inf")):
        raise argparse.ArgumentTypeError(_("must be a positive number, not {text}", text=text))
    return value


def _id_pattern(text: str):
    import re

    try:
        pattern = re.compile(text)
    except re.error as problem:
        raise argparse.ArgumentTypeError(_("is not a regular expression ({problem})", problem=problem)) from None
    if "student" not in pattern.groupindex:
        raise argparse.ArgumentTypeError(_("needs a named group `(?P<student>...)` that captures the student's id"))
    return text


def _whole(text: str) -> int:
    if not text.isdigit() or int(text) == 0:
        raise argparse.ArgumentTypeError(_("must be a whole number above 0, not {text}", text=text))
    return int(text)


def _add_limits(command: argparse.ArgumentParser) -> None:
    from .sandbox.process import Limits

    defaults = Limits()
    command.add_argument("--timeout", type=_positive, default=defaults.call_timeout, metavar="SECONDS",
                         help=_("time limit of each call into the submission (default: {seconds:g})",
                                seconds=defaults.call_timeout))
    command.add_argument("--import-timeout", type=_positive, default=defaults.import_timeout, metavar="SECONDS",
                         help=_("time limit for importing the submission (default: {seconds:g})",
                                seconds=defaults.import_timeout))
    command.add_argument("--memory", type=_whole, default=defaults.memory_mb, metavar="MIB",
                         help=_("memory limit of the submission's process (default: {memory})", memory=defaults.memory_mb))
    command.add_argument("--sandbox", choices=("auto", "require", "off"), default=defaults.sandbox,
                         help=_("confine the student's code with every layer the kernel allows (auto), refuse "
                              "to grade unless files, processes and network are all confined (require), or "
                              "not at all (off); see `grader doctor` (default: auto)"))
    command.add_argument("--isolate-functions", action="store_true",
                         help=_("grade each function with the reference standing in for the lesson's functions "
                                "before it that it calls, so that one mistake costs points once (the reference "
                                "answers from the grader's process; default: each function calls the student's own)"))


def _add_lang(command: argparse.ArgumentParser, help: str = "") -> None:
    command.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,  # leave the top level's
                         help=_(help) if help else _("the language of what the grader writes: en (English) or zh (简体中文); "
                                      "default: the locale (LC_ALL, LC_MESSAGES, LANG: zh* is Chinese)"))


def _add_lesson(command: argparse.ArgumentParser, help: str = N_("which lesson (needed when the kit has several)")):
    command.add_argument("--lesson", "--assignment", dest="lesson", metavar="STEM", help=_(help))


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="grader", description=_("Grade the lesson's exercises."))
    parser.add_argument("--version", action="version", version=f"grader {__version__}")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None, help=argparse.SUPPRESS)  # grader --lang zh check
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = commands.add_parser("check", help=_("grade one submission"))
    check.add_argument("path", nargs="?", type=Path,
                       help=_("a .py or .ipynb file, or a folder holding one (default: exercises/<stem>.py)"))
    check.add_argument("--format", choices=("text", "json", "markdown", "classroom"), default="text",
                       help=_("what to print: a report for a person (text), the JSON report, Markdown, "
                            "or GitHub Classroom's `result=` step output (classroom)"))
    check.add_argument("--gradescope", type=Path, metavar="FILE", help=_("also write Gradescope's results.json"))
    check.add_argument("--junit", type=Path, metavar="FILE", help=_("also write a JUnit XML report"))
    check.add_argument("--only", metavar="EXERCISE", help=_("grade one exercise, e.g. --only mse"))
    check.add_argument("--watch", action="store_true",
                       help=_("grade, then grade again each time the file is saved, from a warm process (Ctrl-C stops)"))
    check.add_argument("--min-score", type=float, metavar="N",
                       help=_("exit 0 when the score is at least N (default: full marks)"))
    _add_limits(check)
    _add_lesson(check, N_("which lesson (default: the one the file is named after, <stem>.py or .ipynb)"))
    _add_lang(check)
    check.set_defaults(run=cmd_check)

    grade = commands.add_parser("grade", help=_("grade a class: every submission in a folder, in parallel"))
    grade.add_argument("folder", type=Path, metavar="DIR",
                       help=_("a folder or .zip: one .py/.ipynb or folder per student, or an LMS export "
                            "(Canvas, Moodle, Gradescope, GitHub Classroom clones)"))
    grade.add_argument("--id-pattern", metavar="REGEX", type=_id_pattern,
                       help=_("read each student's id from the names in DIR with this regular expression, "
                            "whose named group `student` is the id, e.g. '^(?P<student>[a-z]+)_'"))
    grade.add_argument("--out", type=Path, metavar="OUTDIR", help=_("where reports go (default: DIR-graded)"))
    grade.add_argument("-j", "--jobs", type=_whole, metavar="N",
                       help=_("submissions graded at once (default: one per core)"))
    grade.add_argument("--canvas", type=Path, metavar="FILE", help=_("also write a CSV for Canvas's gradebook import"))
    grade.add_argument("--canvas-column", metavar="NAME",
                       help=_("the Canvas assignment to fill, as its gradebook column reads, e.g. 'Lesson 2 (1234)' "
                            "(default: the lesson's title, which Canvas imports as a new assignment)"))
    _add_lesson(grade)
    _add_limits(grade)
    _add_lang(grade)
    grade.set_defaults(run=cmd_grade)

    doctor = commands.add_parser("doctor", help=_("say what this machine lets the sandbox confine, and why"))
    _add_lang(doctor)
    doctor.set_defaults(run=cmd_doctor)

    if not (assignments.KIT_ROOT / "solutions").is_dir():
        return parser  # a student release: the instructor's commands need the reference

    build = commands.add_parser("build", help=_("regenerate exercises/ from solutions/"))
    build.add_argument("--check", action="store_true", help=_("only say whether exercises/ is out of date"))
    _add_lesson(build, N_("which lesson (default: every lesson)"))
    _add_lang(build)
    build.set_defaults(run=cmd_build)

    release = commands.add_parser("release", help=_("write the student release: no solution, public checks only"))
    release.add_argument("out", type=Path, metavar="DIR")
    _add_lesson(release)
    _add_lang(release, N_("the language of the release's grader and README: en or zh, recorded in the release "
                       "(default: none recorded, each student's locale decides)"))
    release.set_defaults(run=cmd_release)

    bundle = commands.add_parser("gradescope-bundle", help=_("build the autograder zip for Gradescope"))
    bundle.add_argument("out", type=Path, metavar="OUT.zip")
    _add_lesson(bundle)
    _add_lang(bundle, N_("the language of the students' Gradescope reports: en or zh, recorded in run_autograder "
                      "(default: none recorded, the container's locale decides)"))
    bundle.set_defaults(run=cmd_gradescope_bundle)

    new = commands.add_parser("new", help=_("start a new lesson: reference, checks, a mutant"))
    new.add_argument("stem", metavar="STEM", help=_("the lesson's name, e.g. for solutions/STEM.py"))
    new.add_argument("--title", default="", help=_("the lesson's title (default: from the stem)"))
    _add_lang(new)
    new.set_defaults(run=cmd_new)

    selftest = commands.add_parser("selftest", help=_("prove the checks: reference, stubs and mutants"))
    _add_lesson(selftest, N_("which lesson (default: every lesson)"))
    _add_lang(selftest)
    selftest.set_defaults(run=cmd_selftest)
    return parser


def _language_asked(argv: list[str]) -> str | None:
    """`--lang` as written on the command line, read before parsing, so that even a parsing error is in it."""
    for k, word in enumerate(argv):
        value = argv[k + 1] if word == "--lang" and k + 1 < len(argv) else word[7:] if word.startswith("--lang=") else None
        if value in i18n.LANGUAGES:
            return value
    return None


def run() -> None:
    """The `grader` command: `main`, then a quick end.

    Python's teardown of the modules of NumPy and hypothesis takes 40 to 60 ms (a tenth of a
    `grader check` on the reference) and does nothing of use: by then the grader has closed its
    children and its files. So once the exit functions have run and the output is flushed, the
    process ends (unless a thread still runs, which the ordinary exit waits for). The grader's
    arithmetic is on tens of numbers: BLAS threads would only cost their start on every run.
    """
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    code = main()
    if threading.active_count() > 1:
        sys.exit(code)
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nobody reads what is left
            pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    i18n.use(_language_asked(argv) or assignments.release_language())
    try:
        args = make_parser().parse_args(argv)
        i18n.use(args.lang or assignments.release_language())  # a release speaks its instructor's choice
        return args.run(args)
    except UsageError as problem:
        print(_("grader: error: {problem}", problem=problem), file=sys.stderr)
        return EXIT_MISUSE
