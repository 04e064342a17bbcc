"""mse returns the sum of the losses instead of their mean."""


def mse(x_data, y_data, w):
    return sum(loss(x, y, w) for x, y in zip(x_data, y_data))
