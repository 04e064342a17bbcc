"""gradient has its sign flipped: the mean of 2 * x * (y - x * w)."""


def gradient(x_data, y_data, w):
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += 2 * x * (y - x * w)
    return total / len(x_data)
