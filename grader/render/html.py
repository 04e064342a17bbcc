"""The report as HTML, for a notebook's output: a compact table of exercises, then what to fix.

Everything from the report is escaped: messages carry what the student's code printed and
returned, which must not become markup in the student's notebook.
"""

from __future__ import annotations

from html import escape

from ..i18n import _
from ..report import NOT_IMPLEMENTED, PASSED, Report
from .words import MISSING_HINT, checks_count, missing_functions, more, points, withheld

_MARKS = {PASSED: ("✓", "#1a7f37"), NOT_IMPLEMENTED: ("·", "#9a6700")}
_FAILED = ("✗", "#cf222e")



def _text(value: str) -> str:
    return escape(value).replace("\n", "<br>")


def render(report: Report, *, title: str = "") -> str:
    words = {"graded": _("(graded in {seconds:.1f} s)", seconds=report.duration_s), "note": _("Note:"),
             "exercise": _("exercise"), "points": _("points"), "later": _("not implemented yet"),
             "fix": _("What to fix"), "hint": _("Hint:")}  # words are text too: escaped like the rest
    words = {key: _text(word) for key, word in words.items()}
    out = [f"<div class='grader-report'><p><b>{_text(title or report.assignment)}</b>: "
           f"<b>{points(report.score)} / {points(report.max_score)}</b> "
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
                   f"<td>{points(exercise.score)} / {points(exercise.max_score)}</td></tr>")
    out.append("</table>")
    fixes = report.fixes()  # one entry per cause, as in the terminal
    if fixes:
        out.append(f"<p><b>{words['fix']}</b></p><ul>")
        for ids, group in fixes:
            if len(ids) > 1:  # the functions the submission does not have
                title, message, hint = (_("not run ({checks})", checks=checks_count(group)), missing_functions(ids),
                                        _(MISSING_HINT))
            else:
                title, message, hint = group[0].title + more(group), group[0].message, group[0].hint
            hint = f"<br><i>{words['hint']}</i> {_text(hint)}" if hint else ""
            out.append(f"<li><code>{escape(', '.join(ids))}</code>: {_text(title)}<br>"
                       f"<span style='white-space:pre-wrap'>{_text(message)}</span>{hint}</li>")
        out.append("</ul>")
    if report.withheld_checks:
        out.append(f"<p>{_text(withheld(report))}</p>")
    out.append(f"<p><small>{_text(report.policy_line())}</small></p>")
    if report.sandbox:
        out.append(f"<p><small>{_text(report.sandbox_line())}</small></p>")
    out.append("</div>")
    return "\n".join(out)
