"""train steps with the lesson's global learning rate instead of its argument lr."""


def train(x_data, y_data, w0, lr, epochs):
    w, costs = w0, []
    for _ in range(epochs):
        costs.append(cost(x_data, y_data, w))
        w = step(w, gradient(x_data, y_data, w), LEARNING_RATE)
    return w, costs
