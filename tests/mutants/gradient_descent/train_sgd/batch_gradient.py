"""train_sgd updates with the whole data set's gradient at every sample, not the sample's own."""


def train_sgd(x_data, y_data, w0, lr, epochs):
    w, losses = w0, []
    for _ in range(epochs):
        for x, y in zip(x_data, y_data):
            w = step(w, gradient(x_data, y_data, w), lr)
            last = (forward(x, w) - y) ** 2
        losses.append(last)
    return w, losses
