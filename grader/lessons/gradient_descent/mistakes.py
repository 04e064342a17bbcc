"""The lesson's known mistakes, as the wrong answers they produce, each with its hint.

Wrong trainings are rebuilt from the reference's own pieces (its cost, gradient and step),
so a student's result that matches one of them names the slip exactly.
"""

import numpy as np

from ...authoring import Mistake, mean_mistakes
from ...i18n import N_, _

# i18n: a phrase completed by the sentences that use it ("The gradient is {gradient}.")
GRADIENT = N_("the mean of 2 * x * (x * w - y) over the samples")
WHOLE_GRADIENT = N_("Each update uses the gradient of the whole data set; SGD uses the gradient of one sample, "
                    "sgd_gradient(x, y, w), for each sample in turn.")
ONCE_PER_EPOCH = N_("w is updated once per epoch; SGD updates it after every sample: put the update inside the "
                    "loop over the samples.")
DESCEND = N_("Step against the slope: w - lr * grad. Adding lr * grad climbs the cost instead of descending.")


def gradient_mistakes(x_data, y_data, w):
    x, y = np.asarray(x_data, dtype=float), np.asarray(y_data, dtype=float)
    terms = 2 * x * (x * w - y)
    return [Mistake(-terms.mean(), _("The sign is flipped: this is the mean of 2 * x * (y - x * w). The slope "
                                     "of the cost is {gradient}.", gradient=_(GRADIENT))),
            Mistake(terms.mean() / 2, _("The factor 2 is missing: the derivative of (x * w - y) ** 2 is "
                                        "2 * x * (x * w - y). The gradient is {gradient}.", gradient=_(GRADIENT))),
            Mistake(np.mean(2 * (x * w - y)), _("The factor x is missing: by the chain rule the derivative of "
                                                "(x * w - y) ** 2 with respect to w is 2 * (x * w - y) * x.")),
            *mean_mistakes(terms, what=_("samples' gradients"), mean=_("the gradient"), name=_("the gradient"))]


def sample_gradient_mistakes(x, y, w):
    return [Mistake(-2 * x * (x * w - y), _("The sign is flipped: the gradient is 2 * x * (x * w - y).")),
            Mistake(x * (x * w - y), _("The factor 2 is missing: the gradient is 2 * x * (x * w - y).")),
            Mistake(2 * (x * w - y), _("The factor x is missing: by the chain rule the gradient is "
                                       "2 * (x * w - y) * x."))]


def step_mistakes(w, grad, lr):
    return [Mistake(w + lr * grad, _(DESCEND)),
            Mistake(w - grad, _("The learning rate is missing: the step is lr * grad, not the whole gradient.")),
            Mistake(lr * grad, _("This is the size of the step alone; return the new weight, w - lr * grad.")),
            Mistake(w - 0.01 * grad, _("This uses the lesson's learning rate 0.01, not the argument lr."))]


def train_mistakes(ref, x_data, y_data, w0, lr, epochs):
    """Costs recorded after each update instead of before it (off by one epoch)."""
    longer = ref.train(x_data, y_data, w0, lr, epochs + 1)[1]
    return [Mistake(longer[1:], _("These are the costs after each update; record the cost at the start of "
                                  "each epoch, before its update (costs[0] is the cost of w0)."))]


def sgd_mistakes(ref, x_data, y_data, w0, lr, epochs):
    """The usual ways SGD turns back into batch descent, or records the wrong loss."""
    batch_w, whole = w0, []
    per_epoch_w, last_only = w0, []
    w, whole_cost = w0, []
    for _epoch in range(epochs):
        for sample_x, sample_y in zip(x_data, y_data):
            batch_w = ref.step(batch_w, ref.gradient(x_data, y_data, batch_w), lr)
            w = ref.step(w, ref.sgd_gradient(sample_x, sample_y, w), lr)
        whole.append(float((ref.forward(x_data[-1], batch_w) - y_data[-1]) ** 2))
        whole_cost.append(ref.cost(x_data, y_data, w))
        per_epoch_w = ref.step(per_epoch_w, ref.sgd_gradient(x_data[-1], y_data[-1], per_epoch_w), lr)
        last_only.append(float((ref.forward(x_data[-1], per_epoch_w) - y_data[-1]) ** 2))
    return {
        "w": [Mistake(batch_w, _(WHOLE_GRADIENT)), Mistake(per_epoch_w, _(ONCE_PER_EPOCH))],
        "losses": [Mistake(whole_cost, _("These are costs of the whole data set; record the loss of the epoch's "
                                         "last sample, (forward(x, w) - y) ** 2, after its update.")),
                   Mistake(whole, _(WHOLE_GRADIENT)), Mistake(last_only, _(ONCE_PER_EPOCH))],
    }
