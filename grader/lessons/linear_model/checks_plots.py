"""Checks of the two pictures: plot_sweep and plot_surface.

The child draws, then describes the returned Axes as plain data (`AxesPicture`):
the lines and their data, the labels, the projection and the vertices of 3-D surfaces.
"""

import re

import numpy as np

from ...authoring import CheckFailed, check, close, draw, expect_label, format_value, one_line
from ...i18n import N_, _
from .inputs import W_VALUES, X_DATA, XB_DATA, Y_DATA, YB_DATA

NAMES_W = re.compile(r"(?<![a-z])w(?![a-z])|weight|权重", re.IGNORECASE)
NAMES_B = re.compile(r"(?<![a-z])b(?![a-z])|bias|偏置|截距", re.IGNORECASE)
NAMES_LOSS = re.compile(r"loss|mse|cost|error|损失|代价|误差", re.IGNORECASE)
THE_LOSS = N_("the loss (Loss, MSE, cost or 损失)")


def sweep_args(ref):
    return list(W_VALUES), list(ref.mse_sweep(X_DATA, Y_DATA, W_VALUES))


def surface_args(ref):
    """A grid that is not square, with w's and b's that do not overlap, so a swap shows."""
    return ref.mse_grid(XB_DATA, YB_DATA, np.linspace(0.0, 4.0, 5), np.linspace(-3.0, -1.0, 3))


@check("plot_sweep", 3)
def plot_sweep_draws_the_given_curve(student, ref):
    """plot_sweep draws one line through (w_values, mse_values) on 2-D axes"""
    w_values, mse_values = sweep_args(ref)
    call, picture = draw(student, "plot_sweep", (w_values, mse_values))
    x, y = one_line(call, picture, _("w-loss curve"), "ax.plot(w_values, mse_values)")
    if close(x, mse_values) and close(y, w_values):
        raise CheckFailed(_("`{call}` put the MSE values on the x axis and w on the y axis.", call=call),
                          _("Use ax.plot(w_values, mse_values): w along x, the loss along y."))
    for axis, got, want, name in (("x", x, w_values, "w_values"), ("y", y, mse_values, "mse_values")):
        if not close(got, want):
            raise CheckFailed(_("The line from `{call}` has {axis} data {data}; expected {name}, {wanted}.",
                                call=call, axis=axis, data=format_value(got), name=name,
                                wanted=format_value(np.asarray(want))),
                              _("Plot exactly the values you were given: ax.plot(w_values, mse_values)."))


@check("plot_sweep", 2)
def plot_sweep_labels_its_axes(student, ref):
    """plot_sweep labels the x axis with w and the y axis with the loss"""
    call, picture = draw(student, "plot_sweep", sweep_args(ref))
    expect_label(call, picture, "x", NAMES_W, "w")
    expect_label(call, picture, "y", NAMES_LOSS, _(THE_LOSS))


@check("plot_surface", 3)
def plot_surface_draws_the_cost_surface(student, ref):
    """plot_surface draws a 3-D surface whose heights are MSE over (W, B)"""
    W, B, MSE = surface_args(ref)
    call, picture = draw(student, "plot_surface", (W, B, MSE))
    if picture.projection != "3d":
        raise CheckFailed(_("`{call}` drew on 2-D axes ({projection}); expected a 3-D surface.", call=call,
                            projection=picture.projection),
                          _("Make 3-D axes with fig.add_subplot(projection='3d'), then ax.plot_surface(W, B, MSE)."))
    if not picture.surfaces:
        drawn = ", ".join(picture.collections) or _("nothing")
        raise CheckFailed(_("`{call}` drew no surface (it drew: {drawn}).", call=call, drawn=drawn),
                          _("Use ax.plot_surface(W, B, MSE)."))
    vertices = np.concatenate([s.reshape(-1, 3) for s in picture.surfaces])
    column = np.isclose(vertices[:, :1], W[0][None, :])
    row = np.isclose(vertices[:, 1:2], B[:, 0][None, :])
    if not (column.any(axis=1).all() and row.any(axis=1).all()):
        raise CheckFailed(_("The surface from `{call}` is not drawn over the (W, B) grid you were given.", call=call),
                          _("Pass W as x and B as y: ax.plot_surface(W, B, MSE)."))
    heights = MSE[row.argmax(axis=1), column.argmax(axis=1)]
    if not close(vertices[:, 2], heights):
        raise CheckFailed(_("The surface from `{call}` is not at the heights in MSE.", call=call),
                          _("Pass MSE as the third argument: ax.plot_surface(W, B, MSE)."))


@check("plot_surface", 2)
def plot_surface_labels_its_axes(student, ref):
    """plot_surface labels its axes with w, b and the loss"""
    call, picture = draw(student, "plot_surface", surface_args(ref))
    expect_label(call, picture, "x", NAMES_W, "w")
    expect_label(call, picture, "y", NAMES_B, "b")
    expect_label(call, picture, "z", NAMES_LOSS, _(THE_LOSS))
