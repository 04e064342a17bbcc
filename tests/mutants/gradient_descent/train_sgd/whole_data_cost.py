"""train_sgd records the cost of the whole data set, not the loss of the epoch's last sample."""


def train_sgd(x_data, y_data, w0, lr, epochs):
    w, losses = w0, []
    for _ in range(epochs):
        for x, y in zip(x_data, y_data):
            w = step(w, sgd_gradient(x, y, w), lr)
        losses.append(cost(x_data, y_data, w))
    return w, losses
