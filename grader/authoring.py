"""Everything a lesson's checks are written with, and nothing else (check50's width).

A check is a function of two arguments, the student's module and the reference, decorated
with `@check(exercise, points)`; its docstring's first line is its title. It calls the
student's functions with `ask` (or `draw` for a picture), compares with `expect_close`,
and fails by raising `CheckFailed(message, hint)`. A known wrong answer is a `Mistake`
with the hint a student who made it should read. Checks never print.

    from ...authoring import ask, check, expect_close

    @check("forward", 2)
    def forward_lesson_example(student, ref):
        \"\"\"forward gives the lesson's predictions\"\"\"
        call, value = ask(student, "forward", 4.0, 2.0)
        expect_close(call, value, ref.forward(4.0, 2.0), hint="The model is x * w.")
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Sequence

from . import checking
from .checking import (CheckFailed, Mistake, as_numbers, ask, check, close, expect_close, expect_unchanged,
                       known_mistake)
from .i18n import _, n_, translate
from .mistakes import (expect_a_mean, expect_forward_uses_its_w, expect_the_model, expect_the_model_on,
                       mean_mistakes)
from .sandbox.proxy import StudentError, StudentStop
from .sandbox.wire import AxesPicture
from .strategies import arrays, data_sets, numbers, numbers_or_arrays, numpy_scalars
from .values import CallText, format_call, format_value

__all__ = [
    # declaring checks
    "check", "CheckFailed",
    # calling the student's code
    "ask", "draw", "expect_inputs_unchanged", "AxesPicture", "blaming_helpers", "root_cause",
    # comparing what came back
    "expect_close", "as_numbers", "close", "Mistake", "known_mistake", "format_value", "format_call",
    # shared strategies
    "numbers", "numpy_scalars", "arrays", "numbers_or_arrays", "data_sets",
    # shared mistakes and properties
    "mean_mistakes", "expect_a_mean", "expect_the_model_on", "expect_the_model", "expect_forward_uses_its_w",
    # pictures
    "one_line", "expect_label",
]


def draw(student, function: str, args: Sequence) -> tuple[str, AxesPicture]:
    """Call a plotting function; returns (the call as text, a plain description of its Axes)."""
    call = CallText(function, args)
    picture = student.call(function, *args, plot=True, shown=call)
    if not isinstance(picture, AxesPicture):
        raise CheckFailed(_("`{call}` returned {value}; expected the matplotlib Axes it drew on.", call=call,
                            value=format_value(picture)),
                          _("End with `return ax`, where ax is the Axes you drew on "
                            "(fig, ax = plt.subplots(), or ax = plt.gca())."))
    return call, picture


def one_line(call: str, picture: AxesPicture, curve: str, plot: str):
    """The (x, y) data of the picture's only line on 2-D axes; `curve` names it, `plot` says how to draw it
    (`curve` marked with `N_`, or translated; `plot` is code)."""
    if picture.projection == "3d":
        raise CheckFailed(_("`{call}` drew on 3-D axes.", call=call),
                          _("The {curve} is a plain 2-D line: plt.subplots().", curve=translate(curve)))
    if len(picture.lines) != 1:
        raise CheckFailed(n_("`{call}` drew {n} line; expected exactly one.",
                             "`{call}` drew {n} lines; expected exactly one.", len(picture.lines), call=call),
                          _("Draw one line with {plot} (ax.scatter draws points, not a line).", plot=plot)
                          if picture.collections else _("Draw one line with {plot}.", plot=plot))
    return picture.lines[0]


def expect_label(call: str, picture: AxesPicture, axis: str, pattern, names: str) -> None:
    """The picture's `axis` ("x", "y" or "z") label matches `pattern`; `names` says what it should name
    (marked with `N_`, or translated)."""
    label = getattr(picture, f"{axis}label")
    if not pattern.search(label):
        shown = (_("In the picture from `{call}`, the {axis} label is {label}.", call=call, axis=axis, label=repr(label))
                 if label else _("In the picture from `{call}`, the {axis} axis has no label.", call=call, axis=axis))
        raise CheckFailed(shown, _("Label it with ax.set_{axis}label(...), naming {names}.", axis=axis,
                                   names=translate(names)))


def expect_inputs_unchanged(student, function: str, args: Sequence, names: Sequence[str]):
    """Call `function(*args)` and fail if it changed any of them; returns what it returned."""
    value, after = student.call(function, *args, return_args=True)
    expect_unchanged(format_call(function, args), args, after, names)
    return value


@contextmanager
def blaming_helpers(student, helpers: Sequence[tuple[str, tuple, object]]):
    """On a failure inside, first name the student's own helpers that are wrong: fix those first.

    `helpers` are (function, arguments, the reference's answer), computed before the check
    runs (so a release records them); each is tried on the student only once a check fails,
    so a function that is wrong only because a helper it calls is wrong points at that one.
    """
    try:
        yield
    except CheckFailed as failure:
        wrong = []
        for function, args, expected in helpers:
            call = format_call(function, args)
            try:
                value = getattr(student, function)(*args)
                if _same(call, value, expected):
                    continue
                shown = _("`{call}` returned {value}, expected {expected}", call=call, value=format_value(value),
                          expected=format_value(expected))
            except (CheckFailed, StudentError, StudentStop) as problem:
                shown = problem.message.rstrip(".。")
            wrong.append(_("Your {function} is wrong as well ({problem}): if this function calls it, fix it first.",
                           function=function, problem=shown))
        if wrong:
            failure.hint = " ".join([*wrong, *filter(None, [failure.hint])])
        raise


@contextmanager
def root_cause(student, ref, value, helper: str, calls: Sequence[tuple], assemble, relation: str):
    """On a failure inside, say so when `value` is right but for the student's own `helper`.

    `assemble(answers)` is what the function would return had it been right, given the helper's
    answers on `calls`; when `value` equals that built from the student's helper, and the helper
    is wrong on one of them, the message names the helper to fix first ("`mse_sweep` returns
    your `mse` of each w, and your `mse` is wrong: fix `mse` first"); `relation` is marked with
    `N_` (or translated). Found from the values the functions return, never from their source.
    The reference's answers are asked for only once the check fails (the lesson's grid is 1,681
    of them), and while a release is built (`checking.RECORDING`), so that it records them.
    """
    def reference_answers():
        return [getattr(ref, helper)(*args) for args in calls]

    if checking.RECORDING:  # a release records what a failure would ask for
        reference_answers()
    try:
        yield
    except CheckFailed as failure:
        expected = reference_answers()
        answers = []
        for args in calls:
            try:
                answers.append(getattr(student, helper)(*args))
            except (StudentError, StudentStop):
                raise failure from None
        wrong = next(((args, a, e) for args, a, e in zip(calls, answers, expected)
                      if not _same(helper, a, e)), None)
        try:
            explained = wrong is not None and _same("", value, assemble(answers))
        except Exception:  # the student's answers do not even fit together (not numbers, an index out of range):
            explained = False  # no explanation; never a fault of the grader
        if not explained:
            raise
        args, answer, wanted = wrong
        failure.hint = _("{relation}, and your `{helper}` is wrong: `{call}` returned {value}, expected {expected}. "
                         "Fix `{helper}` first.", relation=translate(relation), helper=helper,
                         call=format_call(helper, args), value=format_value(answer), expected=format_value(wanted))
        raise


def _same(call: str, value: object, expected: object) -> bool:
    """Equal within tolerance, also for tuples such as (w, costs)."""
    if isinstance(expected, tuple):
        return isinstance(value, (tuple, list)) and len(value) == len(expected) and all(
            _same(call, v, e) for v, e in zip(value, expected))
    try:
        return close(as_numbers(call, value), expected)
    except CheckFailed:
        return False
