"""Mistakes and properties that more than one lesson invites: means, and the model x * w."""

import numpy as np

from .checking import CheckFailed, Mistake, as_numbers, ask, close, expect_close
from .i18n import N_, _, translate
from .values import format_value


def mean_mistakes(terms, what: str = N_("losses"), mean: str = N_("the cost"), name: str = N_("the MSE")):
    """Sum instead of mean, the lesson's hard-coded 3, and n - 1, for `mean` of `terms` (the `what`).

    `what`, `mean` and `name` are marked with `N_` (or already translated): they are words of the hint."""
    total, n = float(np.sum(terms)), len(terms)
    what, mean, name = translate(what), translate(mean), translate(name)
    mistakes = [Mistake(total, _("This is the sum of the {what}; {mean} is their mean: "
                                 "divide by the number of samples.", what=what, mean=mean))]
    if n != 3:
        mistakes.append(Mistake(total / 3, _("This divides by 3, the size of the lesson's data; divide by "
                                             "len(x_data) so that any data set works.")))
    if n > 1:
        mistakes.append(Mistake(total / (n - 1), _("This divides by n - 1 (the sample variance's "
                                                   "correction); {name} divides by n, len(x_data).", name=name)))
    return mistakes


def expect_a_mean(student, function: str, x_data, y_data, *parameters, what: str = N_("loss")) -> None:
    """A mean over the data set is the same for the data set repeated twice (a sum doubles);
    `what` (marked with `N_`, or translated) names what is averaged."""
    x_data, y_data = list(x_data), list(y_data)
    call, once = ask(student, function, x_data, y_data, *parameters)
    once = as_numbers(call, once, N_("a single number"))
    twice_call, twice = ask(student, function, x_data * 2, y_data * 2, *parameters)
    expect_close(twice_call, twice, once,
                 hint=_("`{call}` returned {value}: the same data twice over has the same mean {what}. Divide the "
                        "total by len(x_data), not by a fixed number.", call=call, value=format_value(once),
                        what=translate(what)))


# -- the model y_hat = x * w, which several lessons of the course ask for ------------------

MODEL_HINT = N_("The model is y_hat = x * w: return x * w, using the argument w.")


def expect_the_model_on(student, ref, x_values, w: float) -> None:
    """forward(x, w) is the reference's x * w for each of `x_values` (the lesson's hours)."""
    for x in x_values:
        call, value = ask(student, "forward", x, w)
        expect_close(call, value, ref.forward(x, w), hint=_(MODEL_HINT))


def expect_the_model(student, ref, x, w) -> None:
    """forward(x, w) is x * w, with the hint for x + w."""
    call, value = ask(student, "forward", x, w)
    expect_close(call, value, ref.forward(x, w), mistakes=lambda: [
        Mistake(x + w, _("This adds x and w; the model multiplies them: x * w."))],
        hint=_("Use x * w, which NumPy applies to every element of an array."))


def expect_forward_uses_its_w(student) -> None:
    """forward's result changes with its argument w (a global w is the lesson code's habit)."""
    first, a = ask(student, "forward", 2.0, 1.5)
    second, b = ask(student, "forward", 2.0, -0.5)
    if close(as_numbers(first, a), as_numbers(second, b)):
        raise CheckFailed(_("`{first}` and `{second}` both returned {value}: the result does not change with w.",
                            first=first, second=second, value=format_value(b)),
                          _("Does forward read a global `w` instead of its argument? "
                            "Name the parameter `w` and use it: return x * w."))
    expect_close(first, a, 3.0)
    expect_close(second, b, -1.0)
