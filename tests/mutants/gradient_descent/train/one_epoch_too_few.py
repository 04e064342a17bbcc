"""train loops over range(1, epochs): one update and one cost too few."""


def train(x_data, y_data, w0, lr, epochs):
    w, costs = w0, []
    for _ in range(1, epochs):
        costs.append(cost(x_data, y_data, w))
        w = step(w, gradient(x_data, y_data, w), lr)
    return w, costs
