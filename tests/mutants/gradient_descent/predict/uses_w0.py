"""predict uses the starting w0 instead of the trained w."""


def predict(x, x_data, y_data, w0, lr, epochs):
    train(x_data, y_data, w0, lr, epochs)
    return forward(x, w0)
