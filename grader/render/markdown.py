"""GitHub-flavoured Markdown: for a job's step summary, or anywhere Markdown is read.

Students can read it (a Classroom repository's Actions tab), so hidden checks show their
result but not their message.
"""

from __future__ import annotations

from ..i18n import _, n_
from ..report import ERROR, NOT_IMPLEMENTED, PASSED, Report
from .words import MISSING_HINT, checks_count, missing_functions, more

ICONS = {PASSED: "✅", NOT_IMPLEMENTED: "⬜", ERROR: "⚠️"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def render(report: Report, *, title: str = "") -> str:
    out = [f"## {title or report.assignment}: {report.score:g} / {report.max_score:g}", ""]
    out += [_("> **Not graded:** {error}", error=_cell(e)) for e in report.errors]
    out += [_("> Note: {note}", note=_cell(n)) for n in report.notes]
    out += [_("> **For review:** {score}", score=_cell(report.score_line()))] if report.incomplete else []
    out += ["", _("| | exercise | points |"), "|---|---|---|"]
    for exercise in report.exercises:
        out.append(f"| {ICONS.get(exercise.status, '❌')} | `{exercise.id}` | "
                   f"{exercise.score:g} / {exercise.max_score:g} |")
    fixes = report.fixes()
    if fixes:
        out += ["", "### " + _("What to fix"), ""]
        for ids, group in fixes:
            check, points = group[0], sum(c.max_score for c in group)
            if len(ids) > 1:  # the functions the submission does not have
                out.append(f"- **{', '.join(ids)}**: " + _("not run ({checks})", checks=checks_count(group)) +
                           f"<br>{_cell(missing_functions(ids))}<br>" + _("*Hint:* {hint}", hint=_(MISSING_HINT)))
                continue
            exercise_id = ids[0]
            if check.status == ERROR:
                out.append(f"- **{exercise_id}**: ⚠️ {_cell(check.title)}{more(group)} " +
                           _("({points:g} points, for review)", points=points) + f"<br>{_cell(check.message)}")
            elif check.visibility == "hidden":
                out.append(f"- **{exercise_id}**: " + n_("{n} hidden check failed ({points:g} points).",
                                                         "{n} hidden checks failed ({points:g} points).",
                                                         len(group), points=points))
            else:
                hint = "<br>" + _("*Hint:* {hint}", hint=_cell(check.hint)) if check.hint else ""
                out.append(f"- **{exercise_id}**: {_cell(check.title)}{more(group)}<br>{_cell(check.message)}{hint}")
    out += ["", f"<sub>{_cell(report.policy_line())}</sub>"]
    if report.sandbox:
        out += ["", f"<sub>{_cell(report.sandbox_line())}</sub>"]
    return "\n".join(out) + "\n"
