"""Checks of training: train, sgd_gradient, train_sgd, predict.

Each compares the student's function with the reference or with a property of its own
results, never with another of the student's functions; when it fails, `blaming_helpers`
says which of the student's helpers (cost, gradient, step ...) is wrong, to fix first.
"""

import numpy as np
from hypothesis import given, strategies as st

from ...authoring import (CheckFailed, Mistake, as_numbers, ask, blaming_helpers, check, expect_close,
                          format_value, numbers)
from ...i18n import N_, _
from .inputs import EPOCHS, FIVE_SAMPLES, LR, W0, X_DATA, Y_DATA, safe_rate_limit, training_runs
from .mistakes import sample_gradient_mistakes, sgd_mistakes, train_mistakes

NO_EPOCHS_HINT = N_("With no epochs there is no update: w is the argument w0 (not a global w), unchanged.")
HISTORY_HINTS = {
    "costs": N_("Each epoch records the cost of the current w, then updates it: "
                "w = step(w, gradient(x_data, y_data, w), lr)."),
    "losses": N_("Each epoch updates w after every sample, w = step(w, sgd_gradient(x, y, w), lr), then records the "
                 "loss of the epoch's last sample at the new w."),
}
RECORD_HINT = N_("Record {name}, one per epoch: for epoch in range(epochs), so epochs = 100 gives 100 values.")
EXACT_EPOCHS_HINT = N_("w should end after exactly `epochs` updates from w0, with the learning rate lr.")
SAMPLE_GRADIENT_HINT = N_("The gradient of (x * w - y) ** 2 with respect to w is 2 * x * (x * w - y).")
STARTING_W = N_("This is the prediction of the starting w0; train first, then predict with the w that train returns.")
TRAIN_THEN_PREDICT = N_("w, costs = train(x_data, y_data, w0, lr, epochs), then return forward(x, w).")


def descent_helpers(ref):
    """What train's own helpers answer on the lesson's data: tried when a check of train fails."""
    grad = ref.gradient(X_DATA, Y_DATA, W0)
    return [("cost", (X_DATA, Y_DATA, W0), ref.cost(X_DATA, Y_DATA, W0)),
            ("gradient", (X_DATA, Y_DATA, W0), grad),
            ("step", (W0, grad, LR), ref.step(W0, grad, LR))]


def sgd_helpers(ref):
    return [("sgd_gradient", (3.0, 6.0, W0), ref.sgd_gradient(3.0, 6.0, W0)),
            ("step", (W0, -2.0, LR), ref.step(W0, -2.0, LR))]


def training_parts(call, value, name):
    """(w, history) as a number and a 1-D array, or a failure saying what came back instead."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        shown = "None" if value is None else format_value(value)
        raise CheckFailed(_("`{call}` returned {value}; expected a pair (w, {name}).", call=call, value=shown,
                            name=name),
                          _("End with `return w, {name}`.", name=name))
    w = as_numbers(call, value[0], _("a number w"))
    history = as_numbers(call, value[1], _("a list of {name}", name=name))
    if w.shape != ():
        raise CheckFailed(_("`{call}` returned w = {value}; expected a single number.", call=call,
                            value=format_value(value[0])),
                          _("Return the final weight first, then the list: `return w, {name}`.", name=name))
    if history.ndim != 1:
        raise CheckFailed(_("`{call}` returned {name} = {value}; expected a flat list of numbers.", call=call,
                            name=name, value=format_value(value[1])),
                          _("Append one number per epoch to {name}.", name=name))
    return w, history


def expect_training(call, value, expected, epochs, name, mistakes=None, hint=EXACT_EPOCHS_HINT):
    """`value` is (w, history) equal to `expected`: the history's length first, then its values, then w."""
    w, history = training_parts(call, value, name)
    if len(history) != epochs:
        slip = {epochs + 1: N_("That is one value too many: {name}, one per epoch: for epoch in range(epochs), "
                               "so epochs = 100 gives 100 values."),
                epochs - 1: N_("That is one value too few: {name}, one per epoch: for epoch in range(epochs), "
                               "so epochs = 100 gives 100 values.")}
        raise CheckFailed(_("`{call}` returned {count} {name}, expected {epochs}.", call=call, count=len(history),
                            name=name, epochs=epochs),
                          _(slip.get(len(history), RECORD_HINT), name=name))
    mistakes = mistakes or {}
    expect_close(call, history, expected[1], part=name, mistakes=mistakes.get(name), hint=_(HISTORY_HINTS[name]))
    expect_close(call, w, expected[0], part="w", mistakes=mistakes.get("w"), hint=_(hint))


# -- train -----------------------------------------------------------------------------


@check("train", 5)
def train_lesson_example(student, ref):
    """train follows the lesson: from w = 1 with lr = 0.01, 100 epochs end near w = 2, the first cost 4.667"""
    helpers = descent_helpers(ref)
    with blaming_helpers(student, helpers):
        for args in ((X_DATA, Y_DATA, W0, LR, EPOCHS), (X_DATA, Y_DATA, W0, LR, 3)):
            call, value = ask(student, "train", *args)
            expect_training(call, value, ref.train(*args), args[-1], "costs",
                            {"costs": lambda: train_mistakes(ref, *args)})


@check("train", 2)
def train_with_no_epochs(student, ref):
    """train with epochs = 0 returns (w0, []): no update, no cost"""
    call, value = ask(student, "train", X_DATA, Y_DATA, 1.5, LR, 0)
    expect_training(call, value, (1.5, []), 0, "costs", hint=NO_EPOCHS_HINT)


@check("train", 3)
def train_uses_its_arguments(student, ref):
    """train starts from its argument w0 and steps with its argument lr, not the lesson's globals"""
    args = (*FIVE_SAMPLES, 0.0, 0.02, 3)
    with blaming_helpers(student, descent_helpers(ref)):
        call, value = ask(student, "train", *args)
        expect_training(call, value, ref.train(*args), 3, "costs", {"costs": lambda: globals_mistakes(ref, 1),
                                                                    "w": lambda: globals_mistakes(ref, 0)})


def globals_mistakes(ref, part):
    """train started from the lesson's w = 1.0, or stepped with its lr = 0.01, instead of the arguments."""
    return [Mistake(ref.train(*FIVE_SAMPLES, W0, 0.02, 3)[part], _("This starts from the lesson's w = 1.0, not from "
                                                                   "the argument w0.")),
            Mistake(ref.train(*FIVE_SAMPLES, 0.0, LR, 3)[part], _("This steps with the lesson's learning rate 0.01, "
                                                                  "not with the argument lr."))]


@check("train", 3)
@given(run=training_runs(max_epochs=6))
def train_costs_never_increase_for_a_small_learning_rate(student, ref, run):
    """train's costs never increase when lr is below 1 / (2 * mean(x^2))"""
    call, value = ask(student, "train", *run)
    costs = training_parts(call, value, "costs")[1]
    rises = np.flatnonzero(np.diff(costs) > 1e-9 * (1 + np.abs(costs[:-1])))
    with blaming_helpers(student, descent_helpers(ref)):
        expect_no_rise(call, costs, rises, run[0])


def expect_no_rise(call, costs, rises, x_data):
    if rises.size:
        k = int(rises[0])
        raise CheckFailed(_("`{call}` returned costs {costs}: costs[{after}] = {higher} is above costs[{k}] = "
                            "{lower}.", call=call, costs=format_value(costs), after=k + 1,
                            higher=format_value(costs[k + 1]), k=k, lower=format_value(costs[k])),
                          _("With lr below {limit} every step lowers the cost. Step against the slope, "
                            "w - lr * gradient(x_data, y_data, w), with the gradient at the current w, and record "
                            "the cost of the current w.", limit=format_value(safe_rate_limit(x_data))))


@check("train", 3)
@given(run=training_runs(max_epochs=3), more=st.integers(0, 3))
def train_split_in_two_equals_train_at_once(student, ref, run, more):
    """train for n + m epochs equals train for n epochs continued from its w for m more"""
    x_data, y_data, w0, lr, n = run
    whole_call, whole = ask(student, "train", x_data, y_data, w0, lr, n + more)
    first_call, first = ask(student, "train", x_data, y_data, w0, lr, n)
    w_n, first_costs = training_parts(first_call, first, "costs")
    then_call, then = ask(student, "train", x_data, y_data, float(w_n), lr, more)
    w_then, then_costs = training_parts(then_call, then, "costs")
    expected = (float(w_then), list(first_costs) + list(then_costs))
    with blaming_helpers(student, descent_helpers(ref)):
        expect_continued(whole_call, whole, expected, n + more, first_call, then_call)


def expect_continued(whole_call, whole, expected, epochs, first_call, then_call):
    try:
        expect_training(whole_call, whole, expected, epochs, "costs")
    except CheckFailed as failure:
        raise CheckFailed(_("{failure} That is what `{first}` then `{then}` give together.", failure=failure.message,
                            first=first_call, then=then_call),
                          _("Training must continue where it stopped: start from the argument w0 (not a global "
                            "w), and do exactly `epochs` updates.")) from None


@check("train", 4, hidden=True)
@given(run=training_runs())
def train_matches_on_data_sets(student, ref, run):
    """train(x_data, y_data, w0, lr, epochs) matches the reference's w and costs"""
    with blaming_helpers(student, descent_helpers(ref)):
        call, value = ask(student, "train", *run)
        expect_training(call, value, ref.train(*run), run[-1], "costs", {"costs": lambda: train_mistakes(ref, *run)})


# -- sgd_gradient ----------------------------------------------------------------------


@check("sgd_gradient", 2)
def sgd_gradient_lesson_example(student, ref):
    """sgd_gradient of the lesson's samples at w = 1: -2 for (1, 2), -18 for (3, 6); 0 at w = 2"""
    for x, y, w in ((1.0, 2.0, W0), (3.0, 6.0, W0), (3.0, 6.0, 2.0)):
        call, value = ask(student, "sgd_gradient", x, y, w)
        expect_close(call, value, ref.sgd_gradient(x, y, w), mistakes=lambda: sample_gradient_mistakes(x, y, w),
                     hint=_(SAMPLE_GRADIENT_HINT))


@check("sgd_gradient", 4, hidden=True)
@given(x=numbers(), y=numbers(), w=numbers())
def sgd_gradient_matches_the_derivative(student, ref, x, y, w):
    """sgd_gradient(x, y, w) is 2 * x * (x * w - y)"""
    call, value = ask(student, "sgd_gradient", x, y, w)
    expect_close(call, value, ref.sgd_gradient(x, y, w), mistakes=lambda: sample_gradient_mistakes(x, y, w),
                 hint=_(SAMPLE_GRADIENT_HINT), what=_("a single number"))


# -- train_sgd -------------------------------------------------------------------------


@check("train_sgd", 4)
def train_sgd_lesson_example(student, ref):
    """train_sgd follows the lesson: one update per sample, from w = 1 with lr = 0.01, for 3 and 100 epochs"""
    with blaming_helpers(student, sgd_helpers(ref)):
        for args in ((X_DATA, Y_DATA, W0, LR, 3), (X_DATA, Y_DATA, W0, LR, EPOCHS)):
            call, value = ask(student, "train_sgd", *args)
            mistakes = sgd_mistakes(ref, *args)
            expect_training(call, value, ref.train_sgd(*args), args[-1], "losses",
                            {part: (lambda m=m: m) for part, m in mistakes.items()})


@check("train_sgd", 2)
def train_sgd_with_no_epochs(student, ref):
    """train_sgd with epochs = 0 returns (w0, []): no update, no loss"""
    call, value = ask(student, "train_sgd", X_DATA, Y_DATA, 1.5, LR, 0)
    expect_training(call, value, (1.5, []), 0, "losses", hint=NO_EPOCHS_HINT)


@check("train_sgd", 3, hidden=True)
@given(run=training_runs(max_size=1))
def train_sgd_on_one_sample_is_batch_descent(student, ref, run):
    """train_sgd on a data set of one sample ends at the w of (batch) train on it"""
    call, value = ask(student, "train_sgd", *run)
    w = training_parts(call, value, "losses")[0]
    expect_close(call, w, ref.train(*run)[0], part="w",
                 hint=_("With one sample, one update per sample is one update per epoch, with that sample's "
                        "gradient: w = step(w, sgd_gradient(x, y, w), lr), `epochs` times."))


@check("train_sgd", 5, hidden=True)
@given(run=training_runs())
def train_sgd_matches_on_data_sets(student, ref, run):
    """train_sgd(x_data, y_data, w0, lr, epochs) matches the reference's w and losses"""
    with blaming_helpers(student, sgd_helpers(ref)):
        call, value = ask(student, "train_sgd", *run)
        mistakes = sgd_mistakes(ref, *run)
        expect_training(call, value, ref.train_sgd(*run), run[-1], "losses",
                        {part: (lambda m=m: m) for part, m in mistakes.items()})


# -- predict ---------------------------------------------------------------------------


@check("predict", 4)
def predict_lesson_example(student, ref):
    """predict answers the lesson's question: after 100 epochs, 4 hours of study score about 8 points"""
    args = (4.0, X_DATA, Y_DATA, W0, LR, EPOCHS)
    with blaming_helpers(student, [("train", args[1:], ref.train(*args[1:]))]):
        call, value = ask(student, "predict", *args)
        expect_close(call, value, ref.predict(*args), mistakes=lambda: [Mistake(ref.forward(4.0, W0), _(STARTING_W))],
                     hint=_(TRAIN_THEN_PREDICT))


@check("predict", 4, hidden=True)
@given(x=numbers(), run=training_runs())
def predict_matches_on_data_sets(student, ref, x, run):
    """predict(x, ...) is forward(x, w) with the w that train ends with, on any data"""
    call, value = ask(student, "predict", x, *run)
    expect_close(call, value, ref.predict(x, *run), mistakes=lambda: [Mistake(ref.forward(x, run[2]), _(STARTING_W))],
                 hint=_(TRAIN_THEN_PREDICT), what=_("a single number"))
