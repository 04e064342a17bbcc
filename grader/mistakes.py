"""Mistakes and properties that more than one lesson's cost functions invite."""

import numpy as np

from .checking import Mistake, as_numbers, ask, expect_close
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
