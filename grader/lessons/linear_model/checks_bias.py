"""Checks of the model with bias and its grid: forward_wb, mse_wb, mse_grid, to_grid, best_wb."""

import numpy as np
from hypothesis import given

from ...authoring import (CheckFailed, Mistake, as_numbers, ask, check, close, data_sets, expect_a_mean,
                          expect_close, format_value, known_mistake, mean_mistakes, numbers, numbers_or_arrays,
                          root_cause)
from ...i18n import N_, _
from .inputs import B_VALUES, W_VALUES, XB_DATA, YB_DATA, lesson_loop, non_square_grids
from .mistakes import XY_LAYOUT, transposed_grid_mistakes

BIAS_HINT = N_("The model with bias is x * w + b.")
NON_SQUARE = (([0.0, 1.0, 2.0], [-1.0, 1.0]), ([1.0, 2.0], [0.0, 0.5, 1.0, 1.5]))


def forward_wb_mistakes(x, w, b):
    x = np.asarray(x, dtype=float)
    return [Mistake(x * (w + b), _("This is x * (w + b). {bias}", bias=_(BIAS_HINT))),
            Mistake((x + b) * w, _("This is (x + b) * w. {bias}", bias=_(BIAS_HINT))),
            Mistake(x * w - b, _("This subtracts b. {bias}", bias=_(BIAS_HINT))),
            Mistake(x * b + w, _("w and b are swapped: w multiplies x, b is added."))]


def mse_wb_mistakes(ref, x_data, y_data, w, b):
    return mean_mistakes([(ref.forward_wb(x, w, b) - y) ** 2 for x, y in zip(x_data, y_data)])


def mse_wb_of_your_forward_wb(student, ref, value, x_data, y_data, w, b):
    """A wrong mse_wb that is the mean squared error of the student's own forward_wb: point at forward_wb."""
    return root_cause(student, ref, value, "forward_wb", [(x, w, b) for x in x_data],
                      lambda answers: np.mean((np.asarray(answers, dtype=float) - np.asarray(y_data, dtype=float)) ** 2),
                      _("`mse_wb` is the mean squared error of your `forward_wb`"))


def grid_of_your_mse_wb(student, ref, value, x_data, y_data, w_values, b_values):
    """A wrong grid whose costs are the student's own mse_wb at each point: point at mse_wb."""
    W, B = np.meshgrid(np.asarray(w_values, dtype=float), np.asarray(b_values, dtype=float))
    return root_cause(student, ref, value, "mse_wb",
                      [(x_data, y_data, float(w), float(b)) for w, b in zip(W.ravel(), B.ravel())],
                      lambda answers: (W, B, np.asarray(answers, dtype=float).reshape(W.shape)),
                      _("`mse_grid`'s MSE holds your `mse_wb` at each grid point"))


def point_of_your_mse_grid(student, ref, value, x_data, y_data, w_values, b_values):
    """A wrong best point that is the lowest point of the student's own mse_grid: point at mse_grid."""
    def lowest(answers):
        W, B, MSE = (np.asarray(part, dtype=float) for part in answers[0])
        i, j = np.unravel_index(int(np.argmin(MSE)), MSE.shape)
        return W[i, j], B[i, j]

    return root_cause(student, ref, value, "mse_grid", [(x_data, y_data, w_values, b_values)], lowest,
                      _("`best_wb` is the point of your `mse_grid` with the smallest MSE"))


def grid_parts(call, value):
    """(W, B, MSE) as float arrays, or a failure saying what came back instead."""
    if not isinstance(value, (tuple, list)) or len(value) != 3:
        shown = "None" if value is None else format_value(value)
        raise CheckFailed(_("`{call}` returned {value}; expected three arrays (W, B, MSE).", call=call, value=shown),
                          _("End with `return W, B, MSE`."))
    return [as_numbers(call, part, _("an array {name}", name=name)) for name, part in zip(("W", "B", "MSE"), value)]


def expect_grid_shape(call, value, w_values, b_values):
    wanted = (len(b_values), len(w_values))
    for name, part in zip("W B MSE".split(), grid_parts(call, value)):
        if part.shape != wanted:
            hint = (_("This is one row per w, as np.meshgrid(..., indexing='ij') gives; {layout}.",
                      layout=_(XY_LAYOUT)) if part.shape == wanted[::-1] else _("The {layout}.", layout=_(XY_LAYOUT)))
            raise CheckFailed(_("`{call}` returned {name} of shape {shape}; expected {wanted} for {n_b} b's and "
                                "{n_w} w's.", call=call, name=name, shape=part.shape, wanted=wanted,
                                n_b=len(b_values), n_w=len(w_values)), hint)


def expect_grid_axes(call, value, w_values, b_values):
    W, B, _costs = grid_parts(call, value)
    want_w, want_b = np.meshgrid(np.asarray(w_values, dtype=float), np.asarray(b_values, dtype=float))
    ij = _("This is the layout of np.meshgrid(..., indexing='ij'); {layout}.", layout=_(XY_LAYOUT))
    sorted_w, sorted_b = np.meshgrid(np.sort(np.asarray(w_values, dtype=float)), np.sort(np.asarray(b_values, dtype=float)))
    ordered = _("These axes are sorted, but the values came in another order (np.sort, np.unique and "
                "sorted(set(...)) sort): keep the order given; list(dict.fromkeys(w_list)) drops repeats and keeps it.")
    expect_close(call, W, want_w, part="W", hint=_("W[i, j] must be w_values[j]: {layout}.", layout=_(XY_LAYOUT)),
                 mistakes=lambda: [Mistake(want_w.T, ij), Mistake(want_b, _("This is B; return W first: W, B, MSE.")),
                                   Mistake(sorted_w, ordered)])
    expect_close(call, B, want_b, part="B", hint=_("B[i, j] must be b_values[i]: {layout}.", layout=_(XY_LAYOUT)),
                 mistakes=lambda: [Mistake(want_b.T, ij), Mistake(want_w, _("This is W; return B second: W, B, MSE.")),
                                   Mistake(sorted_b, ordered)])


def expect_grid_costs(ref, call, value, x_data, y_data, w_values, b_values):
    MSE = grid_parts(call, value)[2]
    want = ref.mse_grid(x_data, y_data, w_values, b_values)[2]
    expect_close(call, MSE, want, part="MSE", mistakes=lambda: transposed_grid_mistakes(
                     w_values, b_values, lesson_loop(x_data, y_data, w_values, b_values, ref.mse_wb)[2]),
                 hint=_("MSE[i, j] must be the cost at (W[i, j], B[i, j]), that is at w_values[j] and b_values[i]."))


# -- forward_wb ------------------------------------------------------------------------


@check("forward_wb", 2)
def forward_wb_lesson_example(student, ref):
    """forward_wb with w = 3, b = 1 turns 1, 2, 3 hours into the lesson's 4, 7, 10 points, and 4 hours into 13"""
    for x, expected in [(np.array(XB_DATA), YB_DATA), (np.float64(4.0), 13.0)]:
        call, value = ask(student, "forward_wb", x, 3.0, 1.0)
        expect_close(call, value, expected, mistakes=lambda: forward_wb_mistakes(x, 3.0, 1.0), hint=_(BIAS_HINT))


@check("forward_wb", 4, hidden=True)
@given(x=numbers_or_arrays(), w=numbers(), b=numbers())
def forward_wb_matches_the_model(student, ref, x, w, b):
    """forward_wb(x, w, b) is x * w + b, for a number and elementwise for a NumPy array"""
    call, value = ask(student, "forward_wb", x, w, b)
    expect_close(call, value, ref.forward_wb(x, w, b), mistakes=lambda: forward_wb_mistakes(x, w, b),
                 hint=_("{bias} NumPy applies it to every element of an array.", bias=_(BIAS_HINT)))


# -- mse_wb ----------------------------------------------------------------------------


@check("mse_wb", 2)
def mse_wb_lesson_example(student, ref):
    """mse_wb on the lesson's data: 0 at (w, b) = (3, 1), 9.667 at (2, 0)"""
    for w, b, expected in [(3.0, 1.0, 0.0), (2.0, 0.0, 29 / 3)]:
        call, value = ask(student, "mse_wb", XB_DATA, YB_DATA, w, b)
        with mse_wb_of_your_forward_wb(student, ref, value, XB_DATA, YB_DATA, w, b):
            expect_close(call, value, expected, mistakes=lambda: mse_wb_mistakes(ref, XB_DATA, YB_DATA, w, b))


@check("mse_wb", 3, hidden=True)
@given(data=data_sets(), w=numbers(), b=numbers())
def mse_wb_matches_on_data_sets(student, ref, data, w, b):
    """mse_wb is the mean squared error of x * w + b, for lists and arrays of any length"""
    x_data, y_data = data
    call, value = ask(student, "mse_wb", x_data, y_data, w, b)
    with mse_wb_of_your_forward_wb(student, ref, value, x_data, y_data, w, b):
        expect_close(call, value, ref.mse_wb(x_data, y_data, w, b), what=_("a single number"),
                     mistakes=lambda: mse_wb_mistakes(ref, x_data, y_data, w, b),
                     hint=_("Average (forward_wb(x, w, b) - y) ** 2 over every pair (x, y) of the data."))


@check("mse_wb", 2)
@given(data=data_sets(min_size=2, max_size=4), w=numbers(), b=numbers())
def mse_wb_is_a_mean(student, ref, data, w, b):
    """mse_wb is a mean: repeating the data set twice leaves it unchanged"""
    expect_a_mean(student, "mse_wb", *data, w, b)


# -- mse_grid --------------------------------------------------------------------------


@check("mse_grid", 2)
def mse_grid_lesson_example(student, ref):
    """mse_grid on the lesson's data and grid, lowest at (w, b) = (3, 1)"""
    call, value = ask(student, "mse_grid", XB_DATA, YB_DATA, W_VALUES, B_VALUES)
    expect_grid_shape(call, value, W_VALUES, B_VALUES)
    expect_grid_axes(call, value, W_VALUES, B_VALUES)
    with grid_of_your_mse_wb(student, ref, value, XB_DATA, YB_DATA, W_VALUES, B_VALUES):
        expect_grid_costs(ref, call, value, XB_DATA, YB_DATA, W_VALUES, B_VALUES)


@check("mse_grid", 2)
def mse_grid_has_one_row_per_b(student, ref):
    """mse_grid returns W, B and MSE of shape (len(b_values), len(w_values)) on grids that are not square"""
    for grid in NON_SQUARE:
        call, value = ask(student, "mse_grid", XB_DATA, YB_DATA, *grid)
        expect_grid_shape(call, value, *grid)


@check("mse_grid", 3)
@given(grid=non_square_grids(), data=data_sets(max_size=3))
def mse_grid_lays_out_w_and_b_as_meshgrid(student, ref, grid, data):
    """mse_grid's W and B are np.meshgrid(w_values, b_values): W[i, j] = w_values[j], B[i, j] = b_values[i]"""
    call, value = ask(student, "mse_grid", *data, *grid)
    expect_grid_shape(call, value, *grid)
    expect_grid_axes(call, value, *grid)


@check("mse_grid", 3, hidden=True)
@given(grid=non_square_grids(), data=data_sets(max_size=3))
def mse_grid_costs_match_their_point(student, ref, grid, data):
    """mse_grid's MSE[i, j] is the cost at (W[i, j], B[i, j]) on grids that are not square"""
    call, value = ask(student, "mse_grid", *data, *grid)
    expect_grid_shape(call, value, *grid)
    with grid_of_your_mse_wb(student, ref, value, *data, *grid):
        expect_grid_costs(ref, call, value, *data, *grid)


# -- to_grid ---------------------------------------------------------------------------


@check("to_grid", 3)
def to_grid_lesson_example(student, ref):
    """to_grid turns the lesson's nested-loop lists into the meshgrid layout"""
    lists = lesson_loop(XB_DATA, YB_DATA, W_VALUES, B_VALUES, ref.mse_wb)
    call = "to_grid(w_list, b_list, mse_list)"
    value = student.call("to_grid", *lists, shown=call)
    expect_grid_shape(call, value, W_VALUES, B_VALUES)
    expect_grid_axes(call, value, W_VALUES, B_VALUES)
    expect_grid_costs(ref, call, value, XB_DATA, YB_DATA, W_VALUES, B_VALUES)


@check("to_grid", 3)
def to_grid_has_one_row_per_b(student, ref):
    """to_grid returns W, B and MSE of shape (len(b_values), len(w_values)) on grids that are not square"""
    for grid in NON_SQUARE:
        call, value = ask(student, "to_grid", *lesson_loop(XB_DATA, YB_DATA, *grid, ref.mse_wb))
        expect_grid_shape(call, value, *grid)


@check("to_grid", 3, hidden=True)
@given(grid=non_square_grids())
def to_grid_lays_out_w_and_b_as_meshgrid(student, ref, grid):
    """to_grid's W and B are np.meshgrid(w_values, b_values)"""
    call, value = ask(student, "to_grid", *lesson_loop(XB_DATA, YB_DATA, *grid, ref.mse_wb))
    expect_grid_shape(call, value, *grid)
    expect_grid_axes(call, value, *grid)


@check("to_grid", 3, hidden=True)
@given(grid=non_square_grids(), data=data_sets(max_size=3))
def to_grid_puts_each_cost_at_its_point(student, ref, grid, data):
    """to_grid's MSE[i, j] is the cost listed for (W[i, j], B[i, j]), on grids that are not square"""
    call, value = ask(student, "to_grid", *lesson_loop(*data, *grid, ref.mse_wb))
    expect_grid_shape(call, value, *grid)
    expect_grid_costs(ref, call, value, *data, *grid)


# -- best_wb ---------------------------------------------------------------------------


def expect_a_grid_minimiser(ref, call, value, x_data, y_data, w_values, b_values):
    W, B, MSE = ref.mse_grid(x_data, y_data, w_values, b_values)
    best = np.isclose(MSE, MSE.min(), rtol=1e-9, atol=1e-12)
    points = list(zip(W[best], B[best]))
    if isinstance(value, (tuple, list)) and len(value) == 2:
        pair = as_numbers(call, value, _("a pair (w, b)"))
        if pair.shape == (2,) and any(close(pair, p) for p in points):
            return
        i, j = np.unravel_index(int(np.argmin(MSE)), MSE.shape)
        worst = np.unravel_index(int(np.argmax(MSE)), MSE.shape)
        mistakes = [Mistake((j, i), _("These are the positions of the best w and b, not their values.")),
                    Mistake((i, j), _("These are the row and column of the best point, not w and b.")),
                    Mistake((B[i, j], W[i, j]), _("The order is swapped: return (w, b).")),
                    Mistake((W[worst], B[worst]), _("This point has the largest MSE; take the smallest."))]
        expected = format_value(points[0]) if len(points) == 1 else _("one of {values}", values=format_value(points))
        raise CheckFailed(_("`{call}` returned {value}, expected {expected}.", call=call, value=format_value(value),
                            expected=expected),
                          known_mistake(pair, lambda: mistakes) or _("Take the grid point where MSE is smallest "
                                                                     "(np.argmin, then np.unravel_index)."))
    raise CheckFailed(_("`{call}` returned {value}; expected a pair (w, b).", call=call, value=format_value(value)),
                      _("End with `return w, b`."))


@check("best_wb", 3)
def best_wb_lesson_example(student, ref):
    """best_wb finds (w, b) = (3, 1) on the lesson's data and grid"""
    call, value = ask(student, "best_wb", XB_DATA, YB_DATA, W_VALUES, B_VALUES)
    with point_of_your_mse_grid(student, ref, value, XB_DATA, YB_DATA, W_VALUES, B_VALUES):
        expect_a_grid_minimiser(ref, call, value, XB_DATA, YB_DATA, W_VALUES, B_VALUES)


@check("best_wb", 4, hidden=True)
@given(grid=non_square_grids(), data=data_sets(max_size=3))
def best_wb_finds_the_minimum(student, ref, grid, data):
    """best_wb returns a grid point (w, b) with the smallest MSE, on grids that are not square"""
    call, value = ask(student, "best_wb", *data, *grid)
    with point_of_your_mse_grid(student, ref, value, *data, *grid):
        expect_a_grid_minimiser(ref, call, value, *data, *grid)
