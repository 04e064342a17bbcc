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

from typing import Sequence

from .checking import (CheckFailed, Mistake, as_numbers, ask, check, close, expect_close, expect_unchanged,
                       known_mistake)
from .mistakes import expect_a_mean, mean_mistakes
from .sandbox.wire import AxesPicture
from .strategies import arrays, data_sets, numbers, numbers_or_arrays
from .values import format_call, format_value

__all__ = [
    # declaring checks
    "check", "CheckFailed",
    # calling the student's code
    "ask", "draw", "expect_inputs_unchanged", "AxesPicture",
    # comparing what came back
    "expect_close", "as_numbers", "close", "Mistake", "known_mistake", "format_value", "format_call",
    # shared strategies
    "numbers", "arrays", "numbers_or_arrays", "data_sets",
    # shared mistakes and properties
    "mean_mistakes", "expect_a_mean",
]


def draw(student, function: str, args: Sequence) -> tuple[str, AxesPicture]:
    """Call a plotting function; returns (the call as text, a plain description of its Axes)."""
    call = format_call(function, args)
    picture = student.call(function, *args, plot=True)
    if not isinstance(picture, AxesPicture):
        raise CheckFailed(f"`{call}` returned {format_value(picture)}; expected the matplotlib Axes it drew on.",
                          "End with `return ax`, where ax is the Axes you drew on "
                          "(fig, ax = plt.subplots(), or ax = plt.gca()).")
    return call, picture


def expect_inputs_unchanged(student, function: str, args: Sequence, names: Sequence[str]):
    """Call `function(*args)` and fail if it changed any of them; returns what it returned."""
    value, after = student.call(function, *args, return_args=True)
    expect_unchanged(format_call(function, args), args, after, names)
    return value
