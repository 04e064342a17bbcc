"""Lesson 3 of "PyTorch 深度学习实践": gradient descent, batch and stochastic."""

from ...assignment import Assignment, Exercise
from ...i18n import N_

ASSIGNMENT = Assignment(
    stem="gradient_descent",
    title=N_("Lesson 3: gradient descent"),
    exercises=(
        Exercise("forward", N_("the model y_hat = x * w")),
        Exercise("cost", N_("the cost: the MSE of w on the data")),
        Exercise("gradient", N_("the slope of the cost")),
        Exercise("step", N_("one update against the slope")),
        Exercise("train", N_("batch gradient descent")),
        Exercise("sgd_gradient", N_("the gradient of one sample")),
        Exercise("train_sgd", N_("stochastic gradient descent")),
        Exercise("predict", N_("the answer for 4 hours")),
        Exercise("plot_costs", N_("the training curve"), plots=True),
    ),
    check_modules=("checks_slope", "checks_training", "checks_plots"),
)
