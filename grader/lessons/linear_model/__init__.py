"""Lesson 2 of "PyTorch 深度学习实践": the linear model, found by exhaustive search."""

from ...assignment import Assignment, Exercise

ASSIGNMENT = Assignment(
    stem="linear_model",
    title="Lesson 2: the linear model, found by exhaustive search",
    exercises=(
        Exercise("forward", "the model y_hat = x * w"),
        Exercise("loss", "the squared error of one sample"),
        Exercise("mse", "the cost: mean of the losses"),
        Exercise("mse_sweep", "exhaustive search: the MSE of every w"),
        Exercise("best_w", "the w with the smallest MSE"),
        Exercise("predict", "the answer for 4 hours"),
        Exercise("forward_wb", "the model with bias"),
        Exercise("mse_wb", "the MSE of the model with bias"),
        Exercise("mse_grid", "the cost over a (w, b) grid"),
        Exercise("to_grid", "the lesson's loop turned into a meshgrid"),
        Exercise("best_wb", "the (w, b) with the smallest MSE"),
        Exercise("plot_sweep", "the w-loss curve", plots=True),
        Exercise("plot_surface", "the loss surface", plots=True),
    ),
    check_modules=("checks_model", "checks_search", "checks_bias", "checks_plots"),
)
