"""The lesson's known mistakes, as the wrong answers they produce, each with its hint.

A check that fails compares the student's value with these; when one matches, the
student reads the hint for that misconception instead of a generic one.
"""

import numpy as np

from ...authoring import Mistake
from ...i18n import N_, _

SQUARE_HINT = N_("The loss squares the error: (forward(x, w) - y) ** 2.")
ABS_HINT = N_("This is the absolute error |y_hat - y| (what abs(), or the square root of the square, "
              "gives). The lesson's loss is the square itself: (forward(x, w) - y) ** 2.")
# i18n: a clause completed by the sentences that use it ("..., {layout}.")
XY_LAYOUT = N_("the lesson's layout is np.meshgrid(w_values, b_values) with its default indexing='xy': "
               "one row per b, one column per w, shape (len(b_values), len(w_values))")


def squared_error_mistakes(prediction, y):
    error = np.asarray(prediction, dtype=float) - np.asarray(y, dtype=float)
    return [Mistake(error, _("This is the error y_hat - y, not its square. {square}", square=_(SQUARE_HINT))),
            Mistake(np.abs(error), _(ABS_HINT))]


def transposed_grid_mistakes(w_values, b_values, mse_by_w_then_b):
    """The lesson's own bug: a list filled with w outer, b inner, reshaped as if b were outer."""
    flat = np.asarray(mse_by_w_then_b, dtype=float)
    n_w, n_b = len(w_values), len(b_values)
    mistakes = [Mistake(flat.reshape(n_b, n_w),
                        _("MSE is laid out against W and B the wrong way round: the flat list runs with w "
                          "outer and b inner, so reshape it to (len(w_values), len(b_values)) and then "
                          "transpose (.T), or fill MSE[i, j] from W[i, j] and B[i, j]."))]
    if n_w != n_b:  # on a square grid the two reshapes are the same mistake
        mistakes.append(Mistake(flat.reshape(n_w, n_b), _("This grid has one row per w; {layout}. "
                                                          "Transpose it (.T).", layout=_(XY_LAYOUT))))
    return mistakes
