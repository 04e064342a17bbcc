"""A tiny lesson for the engine's own tests: three functions, one calling the other two.

The engine's tests grade against it rather than against a real lesson, so that a change to a
lesson's checks or points never breaks a test of the engine. It lives outside grader/lessons/
and says where its package and reference are.
"""

from pathlib import Path

from grader.assignment import Assignment, Exercise

ASSIGNMENT = Assignment(
    stem="tiny",
    title="A tiny lesson for the engine's tests",
    exercises=(
        Exercise("double", "twice x"),
        Exercise("total", "the sum of the values"),
        Exercise("twice_total", "twice the sum, from the two above"),
    ),
    check_modules=("checks",),
    package=__name__,
    root=Path(__file__).resolve().parent,
)
