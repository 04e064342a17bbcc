"""The report as HTML, for a notebook's output: a compact table of exercises, then what to fix.

Everything from the report is escaped: messages carry what the student's code printed and
returned, which must not become markup in the student's notebook.
"""

from __future__ import annotations

from html import escape

from ..i18n import _
from ..report import NOT_IMPLEMENTED, PASSED, Report
from .text import withheld

_MARKS = {PASSED: ("✓", "#1a7f37"), NOT_IMPLEMENTED: ("·", "#9a6700")}
_FAILED = ("✗", "#cf222e")


def _points(x: float) -> str:
    return f"{x:g}"


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def render(report: Report, *, title: str = "") -> str:
    words = {"graded": _("(graded in {seconds:.1f} s)", seconds=report.duration_s), "note": _("Note:"),
             "exercise": _("exercise"), "points": _("points"), "later": _("not implemented yet"),
             "fix": _("What to fix"), "hint": _("Hint:")}  # words are text too: escaped like the rest
    words = {key: _text(word) for key, word in words.items()}
    out = [f"<div class='grader-report'><p><b>{_text(title or report.assignment)}</b>: "
           f"<b>{_points(report.score)} / {_points(report.max_score)}</b> "
           f"<small>{words['graded']}</small></p>"]
    out += [f"<p style='color:{_FAILED[1]}'>{_text(error)}</p>" for error in report.errors]
    out += [f"<p><i>{words['note']}</i> {_text(note)}</p>" for note in report.notes]
    out.append(f"<table><tr><th></th><th style='text-align:left'>{words['exercise']}</th>"
               f"<th>{words['points']}</th></tr>")
    for exercise in report.exercises:
        mark, colour = _MARKS.get(exercise.status, _FAILED)
        later = f" <small>{words['later']}</small>" if exercise.status == NOT_IMPLEMENTED else ""
        out.append(f"<tr><td style='color:{colour}'>{mark}</td><td style='text-align:left'>"
                   f"<code>{escape(exercise.id)}</code>{later}</td>"
                   f"<td>{_points(exercise.score)} / {_points(exercise.max_score)}</td></tr>")
    out.append("</table>")
    failures = [] if report.errors else [(e, c) for e in report.exercises if e.status != NOT_IMPLEMENTED
                                         for c in e.checks if not c.passed]  # an error above says it once
    if failures:
        out.append(f"<p><b>{words['fix']}</b></p><ul>")
        for exercise, result in failures:
            hint = f"<br><i>{words['hint']}</i> {_text(result.hint)}" if result.hint else ""
            out.append(f"<li><code>{escape(exercise.id)}</code>: {_text(result.title)}<br>"
                       f"<span style='white-space:pre-wrap'>{_text(result.message)}</span>{hint}</li>")
        out.append("</ul>")
    if report.withheld_checks:
        out.append(f"<p>{_text(withheld(report))}</p>")
    out.append(f"<p><small>{_text(report.policy_line())}</small></p>")
    if report.sandbox:
        out.append(f"<p><small>{_text(report.sandbox_line())}</small></p>")
    out.append("</div>")
    return "\n".join(out)
