"""The report for a person at a terminal: a table of exercises, then what to fix.

Widths are display widths (`wcwidth`): a Chinese character takes two columns, so the table
lines up and lines wrap at the same width in either language.
"""

from __future__ import annotations

import re

from ..i18n import N_, _
from ..report import ERROR, NOT_IMPLEMENTED, PASSED, Report
from .words import MISSING_HINT, checks_count, missing_functions, more, points, withheld

_COLOURS = {"green": "32", "red": "31", "yellow": "33", "dim": "2", "bold": "1"}
_MARKS = {PASSED: ("✓", "green"), NOT_IMPLEMENTED: ("·", "yellow"), ERROR: ("!", "yellow")}
WIDTH = 88

# A line may break between two wide characters (Chinese has no spaces), but not before a closing
# mark (full-width, or ASCII right after a wide character: "个])") nor after an opening one; a run
# of other characters breaks only at spaces, as textwrap does.
_WIDE = r"[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3" \
        r"\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
_NO_LINE_START = "，。、：；！？）」』》〉】”’)]}.,;:!?"
_NO_LINE_END = "（「『《〈【“‘"
_TOKEN = re.compile(rf"\s+|{_WIDE}|(?:(?!{_WIDE})\S)+")


def width(text: str) -> int:
    """Columns `text` takes on a terminal (a wide character two, a combining mark none)."""
    if text.isascii():
        return len(text)  # one column each, as textwrap counted: no need to load wcwidth's tables (17 ms)
    from wcwidth import wcswidth, wcwidth

    columns = wcswidth(text)
    return columns if columns >= 0 else sum(max(wcwidth(c), 0) for c in text)


def pad(text: str, columns: int) -> str:
    """`text` left-aligned in `columns` display columns."""
    return text + " " * max(columns - width(text), 0)


def _words(paragraph: str) -> list[str]:
    """The paragraph's unbreakable pieces and the spaces between them."""
    pieces: list[str] = []
    for token in _TOKEN.findall(paragraph.replace("\t", " ")):
        glue = pieces and not pieces[-1].isspace() and (
            token[0] in _NO_LINE_START or pieces[-1][-1] in _NO_LINE_END)
        if glue:
            pieces[-1] += token
        else:
            pieces.append(token)
    return pieces


def wrap_paragraph(paragraph: str, columns: int, indent: str = "") -> list[str]:
    """Lines of at most `columns` display columns (a longer piece stays whole), each after `indent`;
    what textwrap does for English (no hyphen breaks, no broken words), and Chinese breaks too."""
    lines, line, used, space = [], indent, width(indent), ""
    for piece in _words(paragraph):
        if piece.isspace():
            space = piece  # dropped at a line's end and start; kept at the paragraph's start
            continue
        wanted = width(space) + width(piece)
        if line != indent and used + wanted > columns:
            lines.append(line)
            line, used, space = indent, width(indent), ""
        line += space + piece
        used += width(space) + width(piece)
        space = ""
    if line != indent:
        lines.append(line)
    return lines



def render(report: Report, *, title: str = "", colour: bool = False, changes: dict | None = None) -> str:
    """`changes` ({exercise: "now passing" | "now failing"}, from `grader check --watch`) are marked in the table."""
    def paint(text: str, name: str) -> str:
        return f"\033[{_COLOURS[name]}m{text}\033[0m" if colour else text

    def wrap(text: str, indent: str, first: str = "") -> list[str]:
        lines = []
        for paragraph in text.split("\n"):  # keep the line breaks of printed output
            lines += wrap_paragraph(paragraph, WIDTH, indent) or [indent]
        if first:
            lines[0] = first + lines[0][len(indent):]
        return lines

    out = [paint(title or report.assignment, "bold"), paint(report.submission, "dim"), ""]
    for error in report.errors:
        out += wrap(error, "  ! ")
    for note in report.notes:
        out += wrap(note, "  " + _("note: "))
    if report.errors or report.notes:
        out.append("")

    total = _("total")
    name_width = max([width(e.id) for e in report.exercises] + [width(total)])
    for exercise in report.exercises:
        mark, hue = _MARKS.get(exercise.status, ("✗", "red"))
        scored = f"{points(exercise.score):>3} / {points(exercise.max_score):<3}"
        line = f"  {paint(mark, hue)} {pad(exercise.id, name_width)}  {scored}"
        if exercise.status == NOT_IMPLEMENTED:
            line += paint("  " + _("not implemented yet"), "dim")
        elif exercise.status == ERROR:
            line += paint("  " + _("for review: the grader failed on {points} points",
                                   points=points(exercise.for_review)), "yellow")
        if changes and exercise.id in changes:
            line += paint(f"  <- {_(CHANGES[changes[exercise.id]])}", hue)
        out.append(line)
    out.append(f"    {pad(total, name_width)}  {points(report.score):>3} / {points(report.max_score)}")
    if changes:
        verdicts = sorted(set(changes.values()), reverse=True)  # now passing, then now failing
        out += ["", _("Since the last check: {changes}.", changes=_("; ").join(
            _("{verdict}: {exercises}", verdict=_(CHANGES[verdict]),
              exercises=", ".join(e for e, v in changes.items() if v == verdict)) for verdict in verdicts))]

    # checks failing for one reason are one entry: the first one's counterexample, and how many
    fixes = report.fixes()
    if fixes:
        out += ["", paint(_("What to fix"), "bold")]
        for ids, group in fixes:
            result = group[0]
            out.append("")
            mark = paint("!", "yellow") if result.status == ERROR else paint("✗", "red")
            if len(ids) > 1:  # the functions the submission does not have
                out += wrap(_("{functions}: not run ({checks})", functions=", ".join(ids), checks=checks_count(group)),
                            "    ", first=f"  {mark} ")
                out += wrap(missing_functions(ids), "      ")
                out += wrap(_("Hint: {hint}", hint=_(MISSING_HINT)), "      ")
                continue
            out += wrap(f"{ids[0]}: {result.title}{more(group)}", "    ", first=f"  {mark} ")
            out += wrap(result.message, "      ")
            if result.hint:
                out += wrap(_("Hint: {hint}", hint=result.hint), "      ")
    if report.withheld_checks:
        out += ["", withheld(report)]
    out += ["", *(paint(line, "dim") for line in wrap(report.policy_line(), ""))]
    if report.sandbox:
        out += [*(paint(line, "dim") for line in wrap(report.sandbox_line(), ""))]
    out += ["", paint(report.score_line(), "bold") +
            paint(_("   (graded in {seconds:.1f} s)", seconds=report.duration_s), "dim")]
    return "\n".join(out) + "\n"


# `grader check --watch`'s marks: the values of `changes` are machine words, these are what a person reads
CHANGES = {"now passing": N_("now passing"), "now failing": N_("now failing")}
