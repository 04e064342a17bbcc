"""Lesson 3: gradient descent"""

from ...assignment import Assignment, Exercise

ASSIGNMENT = Assignment(
    stem="gradient_descent",
    title="Lesson 3: gradient descent",
    exercises=(
        Exercise("double", "an example: twice x"),
    ),
    check_modules=("checks",),
)
