"""Checks of the model, the loss and the cost: forward, loss, mse."""

import numpy as np
from hypothesis import given

from ...authoring import (ask, check, data_sets, expect_a_mean, expect_close, expect_forward_uses_its_w,
                          expect_the_model, expect_the_model_on, mean_mistakes, numbers, numbers_or_arrays,
                          root_cause)
from ...i18n import _
from .inputs import X_DATA, Y_DATA, samples
from .mistakes import SQUARE_HINT, squared_error_mistakes


def loss_mistakes(x, y, w):
    return squared_error_mistakes(np.asarray(x) * w, y)


def mse_mistakes(ref, x_data, y_data, w):
    return mean_mistakes([ref.loss(x, y, w) for x, y in zip(x_data, y_data)])


def loss_of_your_forward(student, ref, value, x, y, w):
    """A wrong loss that is the squared error of the student's own forward: point at forward."""
    return root_cause(student, ref, value, "forward", [(x, w)],
                      lambda answers: (np.asarray(answers[0], dtype=float) - np.asarray(y, dtype=float)) ** 2,
                      _("`loss` is the squared error of your `forward`"))


def mean_of_your_loss(student, ref, value, x_data, y_data, w):
    """A wrong mse that is the mean of the student's own loss over the samples: point at loss."""
    return root_cause(student, ref, value, "loss", [(x, y, w) for x, y in zip(x_data, y_data)],
                      lambda answers: np.mean(np.asarray(answers, dtype=float)),
                      _("`mse` is the mean of your `loss` over the samples"))


# -- forward ---------------------------------------------------------------------------


@check("forward", 2)
def forward_lesson_example(student, ref):
    """forward gives the lesson's predictions: w = 2 turns 1, 2, 3 hours into 2, 4, 6 points"""
    expect_the_model_on(student, ref, (np.array(X_DATA), 4.0), 2.0)


@check("forward", 4, hidden=True)
@given(x=numbers_or_arrays(), w=numbers())
def forward_matches_the_model(student, ref, x, w):
    """forward(x, w) is x * w, for a number and elementwise for a NumPy array"""
    expect_the_model(student, ref, x, w)


@check("forward", 2)
def forward_uses_its_argument_w(student, ref):
    """forward uses its argument w, not a global variable"""
    expect_forward_uses_its_w(student)


# -- loss ------------------------------------------------------------------------------


@check("loss", 2)
def loss_lesson_example(student, ref):
    """loss is 0 on the lesson's data with w = 2, and 1 for x = 1, y = 2, w = 1"""
    for x, y, w, expected in [(1.0, 2.0, 2.0, 0.0), (3.0, 6.0, 2.0, 0.0), (1.0, 2.0, 1.0, 1.0),
                              (3.0, 6.0, 1.0, 9.0)]:
        call, value = ask(student, "loss", x, y, w)
        with loss_of_your_forward(student, ref, value, x, y, w):
            expect_close(call, value, expected, mistakes=lambda: loss_mistakes(x, y, w))


@check("loss", 4, hidden=True)
@given(sample=samples(), w=numbers())
def loss_matches_the_squared_error(student, ref, sample, w):
    """loss(x, y, w) is (x * w - y) ** 2, for numbers and elementwise for NumPy arrays"""
    x, y = sample
    call, value = ask(student, "loss", x, y, w)
    with loss_of_your_forward(student, ref, value, x, y, w):
        expect_close(call, value, ref.loss(x, y, w), mistakes=lambda: loss_mistakes(x, y, w), hint=_(SQUARE_HINT))


@check("loss", 2)
@given(x=numbers(), w=numbers(), d=numbers().filter(lambda d: d != 0))
def loss_is_zero_only_on_the_line(student, ref, x, w, d):
    """loss is 0 exactly when y lies on the line, and the same for errors of +d and -d"""
    y = x * w
    call, value = ask(student, "loss", x, y, w)
    with loss_of_your_forward(student, ref, value, x, y, w):
        expect_close(call, value, 0.0, hint=_("When y = x * w the prediction is exact, so the loss is 0."))
    for off_the_line in (y + d, y - d):
        call, value = ask(student, "loss", x, off_the_line, w)
        with loss_of_your_forward(student, ref, value, x, off_the_line, w):
            expect_close(call, value, d * d, mistakes=lambda: loss_mistakes(x, off_the_line, w),
                         hint=_(SQUARE_HINT))


# -- mse -------------------------------------------------------------------------------


@check("mse", 2)
def mse_lesson_example(student, ref):
    """mse on the lesson's data: 0 for w = 2, 4.667 for w = 1, 18.667 for w = 0"""
    for w, expected in [(2.0, 0.0), (1.0, 14 / 3), (0.0, 56 / 3)]:
        call, value = ask(student, "mse", X_DATA, Y_DATA, w)
        with mean_of_your_loss(student, ref, value, X_DATA, Y_DATA, w):
            expect_close(call, value, expected, mistakes=lambda: mse_mistakes(ref, X_DATA, Y_DATA, w))


@check("mse", 2)
def mse_divides_by_the_data_size(student, ref):
    """mse divides by the number of samples on a data set of five samples"""
    x_data, y_data = [1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 3.0, 2.0, 5.0, 4.0]
    call, value = ask(student, "mse", x_data, y_data, 1.0)
    with mean_of_your_loss(student, ref, value, x_data, y_data, 1.0):
        expect_close(call, value, ref.mse(x_data, y_data, 1.0),
                     mistakes=lambda: mse_mistakes(ref, x_data, y_data, 1.0))


@check("mse", 4, hidden=True)
@given(data=data_sets(), w=numbers())
def mse_matches_on_data_sets(student, ref, data, w):
    """mse(x_data, y_data, w) is the mean loss, for lists and arrays of any length"""
    x_data, y_data = data
    call, value = ask(student, "mse", x_data, y_data, w)
    with mean_of_your_loss(student, ref, value, x_data, y_data, w):
        expect_close(call, value, ref.mse(x_data, y_data, w), mistakes=lambda: mse_mistakes(ref, x_data, y_data, w),
                     hint=_("Average loss(x, y, w) over every pair (x, y) of the data."), what=_("a single number"))


@check("mse", 2)
@given(data=data_sets(min_size=2, max_size=4), w=numbers())
def mse_is_a_mean(student, ref, data, w):
    """mse is a mean: repeating the data set twice leaves it unchanged"""
    expect_a_mean(student, "mse", *data, w)
