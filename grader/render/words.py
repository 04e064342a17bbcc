"""The sentences every report for a person shares (terminal, Markdown, notebook): each renderer
lays them out its own way."""

from __future__ import annotations

from ..i18n import N_, _, n_
from ..report import Report


def points(x: float) -> str:
    """A score as a person writes it: 7, 2.5, 100."""
    return f"{x:g}"


MISSING_HINT = N_("The grader calls each function of the exercise by its name: copy its `def` line from the "
                  "exercise file, with the same name and arguments, and write its body.")


def missing_functions(ids) -> str:
    return _("Your submission has none of these functions: {functions}.",
             functions=", ".join(f"`{i}`" for i in ids))


def checks_count(group) -> str:
    """"37 checks, 11 of them hidden": what an entry of several functions stands for."""
    hidden = sum(c.visibility == "hidden" for c in group)
    if hidden:
        return _("{n} checks, {hidden} of them hidden", n=len(group), hidden=hidden)
    return n_("{n} check", "{n} checks", len(group))


def more(group) -> str:
    """" (and 3 more checks failing for the same reason, 1 of them hidden)" after a group's first title."""
    n, hidden = len(group) - 1, sum(c.visibility == "hidden" for c in group[1:])
    if not n:
        return ""
    if hidden and n > 1:
        return _(" (and {n} more checks failing for the same reason, {hidden} of them hidden)", n=n, hidden=hidden)
    if hidden:
        return _(" (and 1 more check failing for the same reason, a hidden one)")
    return n_(" (and {n} more check failing for the same reason)",
              " (and {n} more checks failing for the same reason)", n)


def withheld(report: Report) -> str:
    """What a student release says of the hidden checks it leaves out."""
    return n_("{n} hidden check ({points} points) is not part of this copy: your instructor runs it, on inputs "
              "you do not see.", "{n} hidden checks ({points} points) are not part of this copy: your instructor "
              "runs them, on inputs you do not see.", report.withheld_checks, points=points(report.withheld_points))
