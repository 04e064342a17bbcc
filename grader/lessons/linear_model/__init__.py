"""Lesson 2 of "PyTorch 深度学习实践": the linear model, found by exhaustive search."""

from ...assignment import Assignment, Exercise
from ...i18n import N_

ASSIGNMENT = Assignment(
    stem="linear_model",
    title=N_("Lesson 2: the linear model, found by exhaustive search"),
    exercises=(
        Exercise("forward", N_("the model y_hat = x * w")),
        Exercise("loss", N_("the squared error of one sample")),
        Exercise("mse", N_("the cost: mean of the losses")),
        Exercise("mse_sweep", N_("exhaustive search: the MSE of every w")),
        Exercise("best_w", N_("the w with the smallest MSE")),
        Exercise("predict", N_("the answer for 4 hours")),
        Exercise("forward_wb", N_("the model with bias")),
        Exercise("mse_wb", N_("the MSE of the model with bias")),
        Exercise("mse_grid", N_("the cost over a (w, b) grid")),
        Exercise("to_grid", N_("the lesson's loop turned into a meshgrid")),
        Exercise("best_wb", N_("the (w, b) with the smallest MSE")),
        Exercise("plot_sweep", N_("the w-loss curve"), plots=True),
        Exercise("plot_surface", N_("the loss surface"), plots=True),
    ),
    check_modules=("checks_model", "checks_search", "checks_bias", "checks_plots"),
)
