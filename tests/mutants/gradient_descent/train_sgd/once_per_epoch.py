"""train_sgd updates once per epoch (the update outdented out of the loop over the samples)."""


def train_sgd(x_data, y_data, w0, lr, epochs):
    w, losses = w0, []
    for _ in range(epochs):
        for x, y in zip(x_data, y_data):
            grad = sgd_gradient(x, y, w)
        w = step(w, grad, lr)
        losses.append((forward(x, w) - y) ** 2)
    return w, losses
