"""Mistakes and properties that more than one lesson invites: means, and the model x * w."""

import numpy as np

from .checking import CheckFailed, Mistake, as_numbers, ask, close, expect_close
from .values import format_value


def mean_mistakes(terms, what: str = "losses", mean: str = "the cost", name: str = "the MSE"):
    """Sum instead of mean, the lesson's hard-coded 3, and n - 1, for `mean` of `terms` (the `what`)."""
    total, n = float(np.sum(terms)), len(terms)
    mistakes = [Mistake(total, f"This is the sum of the {what}; {mean} is their mean: "
                               "divide by the number of samples.")]
    if n != 3:
        mistakes.append(Mistake(total / 3, "This divides by 3, the size of the lesson's data; divide by "
                                           "len(x_data) so that any data set works."))
    if n > 1:
        mistakes.append(Mistake(total / (n - 1), "This divides by n - 1 (the sample variance's "
                                                 f"correction); {name} divides by n, len(x_data)."))
    return mistakes


def expect_a_mean(student, function: str, x_data, y_data, *parameters, what: str = "loss") -> None:
    """A mean over the data set is the same for the data set repeated twice (a sum doubles)."""
    x_data, y_data = list(x_data), list(y_data)
    call, once = ask(student, function, x_data, y_data, *parameters)
    once = as_numbers(call, once, "a single number")
    twice_call, twice = ask(student, function, x_data * 2, y_data * 2, *parameters)
    expect_close(twice_call, twice, once,
                 hint=f"`{call}` returned {format_value(once)}: the same data twice over has the same "
                      f"mean {what}. Divide the total by len(x_data), not by a fixed number.")


# -- the model y_hat = x * w, which several lessons of the course ask for ------------------

MODEL_HINT = "The model is y_hat = x * w: return x * w, using the argument w."


def expect_the_model_on(student, ref, x_values, w: float) -> None:
    """forward(x, w) is the reference's x * w for each of `x_values` (the lesson's hours)."""
    for x in x_values:
        call, value = ask(student, "forward", x, w)
        expect_close(call, value, ref.forward(x, w), hint=MODEL_HINT)


def expect_the_model(student, ref, x, w) -> None:
    """forward(x, w) is x * w, with the hint for x + w."""
    call, value = ask(student, "forward", x, w)
    expect_close(call, value, ref.forward(x, w), mistakes=lambda: [
        Mistake(x + w, "This adds x and w; the model multiplies them: x * w.")],
        hint="Use x * w, which NumPy applies to every element of an array.")


def expect_forward_uses_its_w(student) -> None:
    """forward's result changes with its argument w (a global w is the lesson code's habit)."""
    first, a = ask(student, "forward", 2.0, 1.5)
    second, b = ask(student, "forward", 2.0, -0.5)
    if close(as_numbers(first, a), as_numbers(second, b)):
        raise CheckFailed(f"`{first}` and `{second}` both returned {format_value(b)}: the result does "
                          "not change with w.", "Does forward read a global `w` instead of its argument? "
                                                "Name the parameter `w` and use it: return x * w.")
    expect_close(first, a, 3.0)
    expect_close(second, b, -1.0)
