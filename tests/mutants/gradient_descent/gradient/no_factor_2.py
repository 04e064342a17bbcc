"""gradient forgets the factor 2 of the derivative: the mean of x * (x * w - y)."""


def gradient(x_data, y_data, w):
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += x * (x * w - y)
    return total / len(x_data)
