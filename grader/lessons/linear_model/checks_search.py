"""Checks of the exhaustive search: mse_sweep, best_w, predict."""

import numpy as np
from hypothesis import given

from ...authoring import (CheckFailed, Mistake, as_numbers, ask, check, data_sets, expect_close,
                          expect_inputs_unchanged, format_value, known_mistake, numbers_or_arrays,
                          root_cause)
from ...i18n import N_, _
from .inputs import W_VALUES, X_DATA, Y_DATA, shuffled_grids

MINIMUM_HINT = N_("Find the position of the smallest MSE (np.argmin) and return the w at that position.")


def sweep_mistakes(ref, x_data, y_data, w_values):
    costs = np.asarray(ref.mse_sweep(x_data, y_data, w_values), dtype=float)
    return [
        Mistake(np.cumsum(costs), _("Each value includes the losses of the previous w's: reset the running "
                                    "sum (l_sum = 0) inside the loop over w, before adding up the losses.")),
        Mistake(costs[::-1], _("The values are in reverse order: keep the order of w_values.")),
        Mistake(np.sort(costs), _("The values are sorted: return them in the order of w_values, "
                                  "so that the k-th value belongs to w_values[k].")),
        Mistake(np.column_stack([np.asarray(w_values, dtype=float), costs]),
                _("This returns (w, mse) pairs; return only the MSE values, one per w.")),
        Mistake(np.column_stack([costs, np.asarray(w_values, dtype=float)]),
                _("This returns (mse, w) pairs; return only the MSE values, one per w.")),
    ]


def minimisers(ref, x_data, y_data, w_values) -> np.ndarray:
    """Every w of w_values whose MSE is the smallest (more than one on a tie)."""
    costs = np.asarray(ref.mse_sweep(x_data, y_data, w_values), dtype=float)
    return np.asarray(w_values, dtype=float)[np.isclose(costs, costs.min(), rtol=1e-9, atol=1e-12)]


def expect_a_minimiser(ref, call, value, x_data, y_data, w_values):
    best = minimisers(ref, x_data, y_data, w_values)
    number = as_numbers(call, value, _("a single w"))
    if number.shape != () or not np.any(np.isclose(best, number, rtol=1e-9, atol=1e-9)):
        costs = np.asarray(ref.mse_sweep(x_data, y_data, w_values), dtype=float)
        index = int(np.argmin(costs))
        expected = format_value(best[0]) if len(best) == 1 else _("one of {values}", values=format_value(list(best)))
        mistakes = [Mistake(index, _("This is the position of the best w in w_values, not the w itself. {minimum}",
                                     minimum=_(MINIMUM_HINT))),
                    Mistake(float(np.asarray(w_values)[int(np.argmax(costs))]),
                            _("This w has the largest MSE; the best w has the smallest (argmin, not argmax)."))]
        raise CheckFailed(_("`{call}` returned {value}, expected {expected}.", call=call, value=format_value(value),
                            expected=expected), known_mistake(number, lambda: mistakes) or _(MINIMUM_HINT))


def expect_search_leaves_inputs_alone(student, function):
    """Call with lists, then arrays, and an unsorted w_values; nothing may change."""
    for as_given in (list, np.array):
        args = (as_given([1.0, 2.0, 3.0]), as_given([2.0, 4.0, 6.0]), as_given([3.0, 0.5, 2.0, 1.0]))
        expect_inputs_unchanged(student, function, args, ("x_data", "y_data", "w_values"))


# -- mse_sweep -------------------------------------------------------------------------


def sweep_of_your_mse(student, ref, value, x_data, y_data, w_values):
    """A wrong sweep that is the student's own mse of each w: point at mse."""
    return root_cause(student, ref, value, "mse", [(x_data, y_data, w) for w in w_values], list,
                      _("`mse_sweep` returns your `mse` of each w"))


@check("mse_sweep", 3)
def mse_sweep_lesson_example(student, ref):
    """mse_sweep gives the lesson's table for w = 0.0, 0.1, ..., 4.0, and keeps the order of w = 3, 0.5, 2, 1"""
    for w_values in (W_VALUES, [3.0, 0.5, 2.0, 1.0]):
        call, value = ask(student, "mse_sweep", X_DATA, Y_DATA, w_values)
        with sweep_of_your_mse(student, ref, value, X_DATA, Y_DATA, w_values):
            expect_close(call, value, ref.mse_sweep(X_DATA, Y_DATA, w_values),
                         mistakes=lambda: sweep_mistakes(ref, X_DATA, Y_DATA, w_values),
                         hint=_("The k-th value should be mse(x_data, y_data, w_values[k])."))


@check("mse_sweep", 3, hidden=True)
@given(data=data_sets(), w_values=shuffled_grids(1, 6))
def mse_sweep_matches_on_data_sets(student, ref, data, w_values):
    """mse_sweep returns the MSE of each w, for lists and arrays of any length"""
    x_data, y_data = data
    call, value = ask(student, "mse_sweep", x_data, y_data, w_values)
    with sweep_of_your_mse(student, ref, value, x_data, y_data, w_values):
        expect_close(call, value, ref.mse_sweep(x_data, y_data, w_values),
                     mistakes=lambda: sweep_mistakes(ref, x_data, y_data, w_values),
                     hint=_("The k-th value should be mse(x_data, y_data, w_values[k])."))


@check("mse_sweep", 2)
@given(data=data_sets(max_size=4), w_values=shuffled_grids(2, 5))
def mse_sweep_keeps_the_order(student, ref, data, w_values):
    """mse_sweep keeps the order of w_values: reversing the w's reverses the result"""
    x_data, y_data = data
    call, forwards = ask(student, "mse_sweep", x_data, y_data, w_values)
    forwards = as_numbers(call, forwards, _("one MSE per w"))
    backwards_call, backwards = ask(student, "mse_sweep", x_data, y_data, w_values[::-1])
    expect_close(backwards_call, backwards, forwards[::-1],
                 hint=_("`{call}` returned {value}: the k-th value must belong to w_values[k], whatever order "
                        "the w's come in. Do not sort.", call=call, value=format_value(forwards)))


@check("mse_sweep", 2)
def mse_sweep_leaves_its_inputs_alone(student, ref):
    """mse_sweep does not change its arguments (no sorting or reversing in place)"""
    expect_search_leaves_inputs_alone(student, "mse_sweep")


# -- best_w ----------------------------------------------------------------------------


def minimum_of_your_sweep(student, ref, value, x_data, y_data, w_values):
    """A wrong best w that is where the student's own mse_sweep is smallest: point at mse_sweep."""
    return root_cause(student, ref, value, "mse_sweep", [(x_data, y_data, w_values)],
                      lambda answers: float(np.asarray(w_values, dtype=float)[
                          int(np.argmin(np.asarray(answers[0], dtype=float)))]),
                      _("`best_w` is the w where your `mse_sweep` is smallest"))


@check("best_w", 2)
def best_w_lesson_example(student, ref):
    """best_w finds w = 2 on the lesson's data"""
    call, value = ask(student, "best_w", X_DATA, Y_DATA, W_VALUES)
    with minimum_of_your_sweep(student, ref, value, X_DATA, Y_DATA, W_VALUES):
        expect_a_minimiser(ref, call, value, X_DATA, Y_DATA, W_VALUES)


@check("best_w", 3, hidden=True)
@given(data=data_sets(), w_values=shuffled_grids(1, 6))
def best_w_finds_the_minimum(student, ref, data, w_values):
    """best_w returns a w of w_values with the smallest MSE"""
    x_data, y_data = data
    call, value = ask(student, "best_w", x_data, y_data, w_values)
    with minimum_of_your_sweep(student, ref, value, x_data, y_data, w_values):
        expect_a_minimiser(ref, call, value, x_data, y_data, w_values)


@check("best_w", 2)
def best_w_leaves_its_inputs_alone(student, ref):
    """best_w does not change its arguments (no sorting in place)"""
    expect_search_leaves_inputs_alone(student, "best_w")


# -- predict ---------------------------------------------------------------------------


def forward_of_your_best_w(student, ref, value, x, x_data, y_data, w_values):
    """A wrong prediction that is x times the student's own best w: point at best_w."""
    return root_cause(student, ref, value, "best_w", [(x_data, y_data, w_values)],
                      lambda answers: np.asarray(x, dtype=float) * float(answers[0]),
                      _("`predict` is x times your `best_w`"))


@check("predict", 3)
def predict_lesson_example(student, ref):
    """predict answers the lesson's question (4 hours of study score 8 points), and the same on other data"""
    for x, x_data, y_data, expected in [(4.0, X_DATA, Y_DATA, 8.0), (np.float32(2.0), [1.0, 2.0], [3.0, 6.0], 6.0)]:
        call, value = ask(student, "predict", x, x_data, y_data, W_VALUES)
        with forward_of_your_best_w(student, ref, value, x, x_data, y_data, W_VALUES):
            expect_close(call, value, expected, hint=_("Find the best w with best_w, then return forward(x, best w)."))


@check("predict", 2, hidden=True)
@given(x=numbers_or_arrays(), data=data_sets(), w_values=shuffled_grids(1, 6))
def predict_uses_the_best_w(student, ref, x, data, w_values):
    """predict(x, ...) is forward(x, best w) on any data, for a number and for an array of x"""
    x_data, y_data = data
    call, value = ask(student, "predict", x, x_data, y_data, w_values)
    number = as_numbers(call, value, _("a number or an array"))
    answers = [ref.forward(x, w) for w in minimisers(ref, x_data, y_data, w_values)]
    if any(number.shape == np.shape(a) and np.allclose(number, a, rtol=1e-9, atol=1e-9) for a in answers):
        return
    with forward_of_your_best_w(student, ref, value, x, x_data, y_data, w_values):
        expect_close(call, value, answers[0],
                     hint=_("Find the best w with best_w(x_data, y_data, w_values), then return forward(x, w)."))
