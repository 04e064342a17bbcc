"""train records the cost after each update instead of before it (off by one epoch)."""


def train(x_data, y_data, w0, lr, epochs):
    w, costs = w0, []
    for _ in range(epochs):
        w = step(w, gradient(x_data, y_data, w), lr)
        costs.append(cost(x_data, y_data, w))
    return w, costs
