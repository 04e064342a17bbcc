"""Checks of gradient_descent: each a small function of the student's module and the reference."""

from ...authoring import Mistake, ask, check, expect_close


@check("double", 1)
def double_example(student, ref):
    """double turns 3.0 into 6.0"""
    call, value = ask(student, "double", 3.0)
    expect_close(call, value, ref.double(3.0), mistakes=lambda: [
        Mistake(9.0, "This squares x; double multiplies it by 2."),
        Mistake(5.0, "This adds 2; double multiplies x by 2.")],
        hint="Return 2 * x.")
