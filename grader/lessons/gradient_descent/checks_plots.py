"""Checks of the training curve: plot_costs.

The child draws, then describes the returned Axes as plain data (`AxesPicture`): its
lines and their data, its labels and its projection.
"""

import re

import numpy as np

from ...authoring import CheckFailed, check, close, draw, expect_label, format_value, one_line
from ...i18n import _
from .inputs import LR, W0, X_DATA, Y_DATA

NAMES_EPOCH = re.compile(r"epoch|iteration|step|轮|迭代|次数", re.IGNORECASE)
NAMES_COST = re.compile(r"cost|loss|mse|error|损失|代价|误差", re.IGNORECASE)


def lesson_costs(ref) -> list:
    """The costs of 20 epochs of the lesson's training: a curve that falls, so a swap shows."""
    return list(ref.train(X_DATA, Y_DATA, W0, LR, 20)[1])


@check("plot_costs", 5)
def plot_costs_draws_the_training_curve(student, ref):
    """plot_costs draws one line: the costs against the epoch 0, 1, 2, ... on 2-D axes"""
    costs = lesson_costs(ref)
    epochs = np.arange(len(costs), dtype=float)
    call, picture = draw(student, "plot_costs", (costs,))
    x, y = one_line(call, picture, _("training curve"), "ax.plot(range(len(costs)), costs)")
    if close(x, costs) and close(y, epochs):
        raise CheckFailed(_("`{call}` put the costs on the x axis and the epochs on the y axis.", call=call),
                          _("Use ax.plot(range(len(costs)), costs): the epoch along x, the cost along y."))
    if not close(y, costs):
        raise CheckFailed(_("The line from `{call}` has y data {data}; expected the costs, {costs}.", call=call,
                            data=format_value(y), costs=format_value(np.asarray(costs))),
                          _("Plot exactly the costs you were given."))
    if not close(x, epochs):
        hint = (_("The first cost belongs to epoch 0: ax.plot(range(len(costs)), costs).") if close(x, epochs + 1)
                else _("Each cost belongs to its epoch: ax.plot(range(len(costs)), costs)."))
        raise CheckFailed(_("The line from `{call}` has x data {data}; expected the epochs {epochs}.", call=call,
                            data=format_value(x), epochs=format_value(epochs)), hint)


@check("plot_costs", 3)
def plot_costs_labels_its_axes(student, ref):
    """plot_costs labels the x axis with the epoch and the y axis with the cost"""
    call, picture = draw(student, "plot_costs", (lesson_costs(ref),))
    expect_label(call, picture, "x", NAMES_EPOCH, _("the epoch (Epoch or 轮次)"))
    expect_label(call, picture, "y", NAMES_COST, _("the cost (Cost, Loss, MSE or 损失)"))
