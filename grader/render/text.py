"""The report for a person at a terminal: a table of exercises, then what to fix."""

from __future__ import annotations

import textwrap

from ..report import ERROR, NOT_IMPLEMENTED, PASSED, Report

_COLOURS = {"green": "32", "red": "31", "yellow": "33", "dim": "2", "bold": "1"}
_MARKS = {PASSED: ("✓", "green"), NOT_IMPLEMENTED: ("·", "yellow"), ERROR: ("!", "yellow")}
WIDTH = 88


def _points(x: float) -> str:
    return f"{x:g}"


def more(group) -> str:
    """" (and 3 more checks failing for the same reason, 1 of them hidden)" after a group's first title."""
    n, hidden = len(group) - 1, sum(c.visibility == "hidden" for c in group[1:])
    also = f", {hidden} of them hidden" if hidden and n > 1 else ", a hidden one" if hidden else ""
    return f" (and {n} more check{'s' * (n > 1)} failing for the same reason{also})" if n else ""


def render(report: Report, *, title: str = "", colour: bool = False, changes: dict | None = None) -> str:
    """`changes` ({exercise: "now passing" | "now failing"}, from `grader check --watch`) are marked in the table."""
    def paint(text: str, name: str) -> str:
        return f"\033[{_COLOURS[name]}m{text}\033[0m" if colour else text

    def wrap(text: str, indent: str, first: str = "") -> list[str]:
        lines = []
        for paragraph in text.split("\n"):  # keep the line breaks of printed output
            lines += textwrap.wrap(paragraph, WIDTH, initial_indent=indent, subsequent_indent=indent,
                                   break_long_words=False, break_on_hyphens=False) or [indent]
        if first:
            lines[0] = first + lines[0][len(indent):]
        return lines

    out = [paint(title or report.assignment, "bold"), paint(report.submission, "dim"), ""]
    for error in report.errors:
        out += wrap(error, "  ! ")
    for note in report.notes:
        out += wrap(note, "  note: ")
    if report.errors or report.notes:
        out.append("")

    name_width = max([len(e.id) for e in report.exercises] + [5])
    for exercise in report.exercises:
        mark, hue = _MARKS.get(exercise.status, ("✗", "red"))
        points = f"{_points(exercise.score):>3} / {_points(exercise.max_score):<3}"
        line = f"  {paint(mark, hue)} {exercise.id:<{name_width}}  {points}"
        if exercise.status == NOT_IMPLEMENTED:
            line += paint("  not implemented yet", "dim")
        elif exercise.status == ERROR:
            line += paint(f"  for review: the grader failed on {_points(exercise.for_review)} points", "yellow")
        if changes and exercise.id in changes:
            line += paint(f"  <- {changes[exercise.id]}", hue)
        out.append(line)
    out.append(f"    {'total':<{name_width}}  {_points(report.score):>3} / {_points(report.max_score)}")
    if changes:
        verdicts = sorted(set(changes.values()), reverse=True)  # now passing, then now failing
        out += ["", "Since the last check: " + "; ".join(
            f"{verdict}: {', '.join(e for e, v in changes.items() if v == verdict)}" for verdict in verdicts) + "."]

    # a submission that could not be graded says why once, above the table, not once per check
    # checks failing for one reason are one entry: the first one's counterexample, and how many
    failures = [] if report.errors else [(e, g) for e in report.exercises if e.status != NOT_IMPLEMENTED
                                         for g in e.failure_groups()]
    if failures:
        out += ["", paint("What to fix", "bold")]
        for exercise, group in failures:
            result = group[0]
            out.append("")
            mark = paint("!", "yellow") if result.status == ERROR else paint("✗", "red")
            out += wrap(f"{exercise.id}: {result.title}{more(group)}", "    ", first=f"  {mark} ")
            out += wrap(result.message, "      ")
            if result.hint:
                out += wrap(f"Hint: {result.hint}", "      ")
    if report.withheld_checks:
        out += ["", f"{report.withheld_checks} hidden checks ({_points(report.withheld_points)} points) are not "
                    "part of this copy: your instructor runs them, on inputs you do not see."]
    out += ["", *(paint(line, "dim") for line in wrap(report.policy_line(), ""))]
    if report.sandbox:
        out += [*(paint(line, "dim") for line in wrap(report.sandbox_line(), ""))]
    out += ["", paint(report.score_line(), "bold") +
            paint(f"   (graded in {report.duration_s:.1f} s)", "dim")]
    return "\n".join(out) + "\n"
