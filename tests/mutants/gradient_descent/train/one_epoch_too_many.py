"""train loops over range(epochs + 1): one update and one cost too many."""


def train(x_data, y_data, w0, lr, epochs):
    w, costs = w0, []
    for _ in range(epochs + 1):
        costs.append(cost(x_data, y_data, w))
        w = step(w, gradient(x_data, y_data, w), lr)
    return w, costs
