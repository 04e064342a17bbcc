"""Checks of the model, the cost, its slope and one step: forward, cost, gradient, step."""

import numpy as np
from hypothesis import given

from ...authoring import (as_numbers, ask, check, data_sets, expect_a_mean, expect_close, expect_forward_uses_its_w,
                          expect_the_model, expect_the_model_on, mean_mistakes, numbers, numbers_or_arrays)
from ...i18n import _
from .inputs import FIVE_SAMPLES, W0, X_DATA, Y_DATA, fitting_data
from .mistakes import GRADIENT, gradient_mistakes, step_mistakes


def cost_mistakes(x_data, y_data, w):
    return mean_mistakes([(x * w - y) ** 2 for x, y in zip(x_data, y_data)])


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


# -- cost ------------------------------------------------------------------------------


@check("cost", 3)
def cost_lesson_example(student, ref):
    """cost on the lesson's data: 4.667 for the starting w = 1, 0 for w = 2, 18.667 for w = 0"""
    for w in (W0, 2.0, 0.0):
        call, value = ask(student, "cost", X_DATA, Y_DATA, w)
        expect_close(call, value, ref.cost(X_DATA, Y_DATA, w), mistakes=lambda: cost_mistakes(X_DATA, Y_DATA, w),
                     hint=_("The cost is the mean of (forward(x, w) - y) ** 2 over the samples."))


@check("cost", 3)
def cost_divides_by_the_data_size(student, ref):
    """cost divides by the number of samples on a data set of five samples"""
    call, value = ask(student, "cost", *FIVE_SAMPLES, 1.0)
    expect_close(call, value, ref.cost(*FIVE_SAMPLES, 1.0), mistakes=lambda: cost_mistakes(*FIVE_SAMPLES, 1.0))


@check("cost", 4, hidden=True)
@given(data=data_sets(), w=numbers())
def cost_matches_on_data_sets(student, ref, data, w):
    """cost(x_data, y_data, w) is the mean squared error, for lists and arrays of any length"""
    x_data, y_data = data
    call, value = ask(student, "cost", x_data, y_data, w)
    expect_close(call, value, ref.cost(x_data, y_data, w), mistakes=lambda: cost_mistakes(x_data, y_data, w),
                 hint=_("Average (x * w - y) ** 2 over every pair (x, y) of the data."), what=_("a single number"))


@check("cost", 2)
@given(data=data_sets(min_size=2, max_size=4), w=numbers())
def cost_is_a_mean(student, ref, data, w):
    """cost is a mean: repeating the data set twice leaves it unchanged"""
    expect_a_mean(student, "cost", *data, w)


# -- gradient --------------------------------------------------------------------------


@check("gradient", 3)
def gradient_lesson_example(student, ref):
    """gradient on the lesson's data: -9.333 at the starting w = 1, 0 at w = 2, 9.333 at w = 3"""
    for w in (W0, 2.0, 3.0):
        call, value = ask(student, "gradient", X_DATA, Y_DATA, w)
        expect_close(call, value, ref.gradient(X_DATA, Y_DATA, w),
                     mistakes=lambda: gradient_mistakes(X_DATA, Y_DATA, w),
                     hint=_("The gradient is {gradient}.", gradient=_(GRADIENT)))


@check("gradient", 3)
def gradient_divides_by_the_data_size(student, ref):
    """gradient divides by the number of samples on a data set of five samples"""
    call, value = ask(student, "gradient", *FIVE_SAMPLES, 1.0)
    expect_close(call, value, ref.gradient(*FIVE_SAMPLES, 1.0),
                 mistakes=lambda: gradient_mistakes(*FIVE_SAMPLES, 1.0),
                 hint=_("The gradient is {gradient}.", gradient=_(GRADIENT)))


@check("gradient", 3)
@given(data=fitting_data())
def gradient_is_zero_at_the_best_w(student, ref, data):
    """gradient is 0 at the least-squares w, sum(x * y) / sum(x * x), where the cost is lowest"""
    x_data, y_data = data
    x, y = np.asarray(x_data, dtype=float), np.asarray(y_data, dtype=float)
    best = float(np.sum(x * y) / np.sum(x * x))
    call, value = ask(student, "gradient", x_data, y_data, best)
    expect_close(call, value, 0.0, hint=_("At the lowest point of the cost its slope is 0. The gradient is {gradient}; "
                                          "check the factor x in 2 * x * (x * w - y).", gradient=_(GRADIENT)))


@check("gradient", 4, hidden=True)
@given(data=fitting_data(), w=numbers())
def gradient_is_the_slope_of_the_cost(student, ref, data, w):
    """gradient agrees with the slope of the reference cost, (cost(w + h) - cost(w - h)) / 2h"""
    x_data, y_data = data
    h = 1e-3  # the cost is a parabola in w: its central difference is exact but for rounding
    slope = (ref.cost(x_data, y_data, w + h) - ref.cost(x_data, y_data, w - h)) / (2 * h)
    call, value = ask(student, "gradient", x_data, y_data, w)
    number = as_numbers(call, value, _("a single number"))
    if number.shape != () or not np.isclose(number, slope, rtol=1e-4, atol=1e-4):
        expect_close(call, value, ref.gradient(x_data, y_data, w), mistakes=lambda: gradient_mistakes(*data, w),
                     hint=_("The slope of the cost at w is {gradient}.", gradient=_(GRADIENT)))


@check("gradient", 3, hidden=True)
@given(data=data_sets(), w=numbers())
def gradient_matches_on_data_sets(student, ref, data, w):
    """gradient(x_data, y_data, w) is the mean of 2 * x * (x * w - y), for lists and arrays of any length"""
    x_data, y_data = data
    call, value = ask(student, "gradient", x_data, y_data, w)
    expect_close(call, value, ref.gradient(x_data, y_data, w), mistakes=lambda: gradient_mistakes(*data, w),
                 hint=_("The gradient is {gradient}.", gradient=_(GRADIENT)), what=_("a single number"))


# -- step ------------------------------------------------------------------------------


@check("step", 3)
def step_lesson_example(student, ref):
    """step takes the lesson's first update: from w = 1 with gradient -9.333 and lr = 0.01 to 1.093"""
    grad = ref.gradient(X_DATA, Y_DATA, W0)
    call, value = ask(student, "step", W0, grad, 0.01)
    expect_close(call, value, ref.step(W0, grad, 0.01), mistakes=lambda: step_mistakes(W0, grad, 0.01),
                 hint=_("One update against the slope: w - lr * grad."))


@check("step", 2)
def step_uses_its_argument_lr(student, ref):
    """step uses its argument lr, not a global learning rate"""
    for lr in (0.1, 0.5):
        call, value = ask(student, "step", 1.0, 2.0, lr)
        expect_close(call, value, ref.step(1.0, 2.0, lr), mistakes=lambda: step_mistakes(1.0, 2.0, lr),
                     hint=_("Use the argument lr: return w - lr * grad."))


@check("step", 3, hidden=True)
@given(w=numbers(), grad=numbers(), lr=numbers(1).filter(lambda lr: lr > 0))
def step_matches_the_update(student, ref, w, grad, lr):
    """step(w, grad, lr) is w - lr * grad"""
    call, value = ask(student, "step", w, grad, lr)
    expect_close(call, value, ref.step(w, grad, lr), mistakes=lambda: step_mistakes(w, grad, lr),
                 hint=_("One update against the slope: w - lr * grad."), what=_("a single number"))
