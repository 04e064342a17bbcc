"""mse divides by a hard-coded 3, as the lesson's l_sum / 3."""


def mse(x_data, y_data, w):
    l_sum = 0
    for x_val, y_val in zip(x_data, y_data):
        l_sum += loss(x_val, y_val, w)
    return l_sum / 3
