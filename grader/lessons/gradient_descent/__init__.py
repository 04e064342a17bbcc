"""Lesson 3 of "PyTorch 深度学习实践": gradient descent, batch and stochastic."""

from ...assignment import Assignment, Exercise

ASSIGNMENT = Assignment(
    stem="gradient_descent",
    title="Lesson 3: gradient descent",
    exercises=(
        Exercise("forward", "the model y_hat = x * w"),
        Exercise("cost", "the cost: the MSE of w on the data"),
        Exercise("gradient", "the slope of the cost"),
        Exercise("step", "one update against the slope"),
        Exercise("train", "batch gradient descent"),
        Exercise("sgd_gradient", "the gradient of one sample"),
        Exercise("train_sgd", "stochastic gradient descent"),
        Exercise("predict", "the answer for 4 hours"),
        Exercise("plot_costs", "the training curve", plots=True),
    ),
    check_modules=("checks_slope", "checks_training", "checks_plots"),
)
