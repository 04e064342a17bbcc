"""Properties that more than one function of the lesson must have."""

from ...checking import as_numbers, ask, expect_close
from ...values import format_value


def expect_a_mean(student, function: str, x_data, y_data, *parameters) -> None:
    """A cost that is a mean is the same for the data set repeated twice (a sum doubles)."""
    x_data, y_data = list(x_data), list(y_data)
    call, once = ask(student, function, x_data, y_data, *parameters)
    once = as_numbers(call, once, "a single number")
    twice_call, twice = ask(student, function, x_data * 2, y_data * 2, *parameters)
    expect_close(twice_call, twice, once,
                 hint=f"`{call}` returned {format_value(once)}: the same data twice over has the same "
                      "mean loss. Divide the total by len(x_data), not by a fixed number.")
