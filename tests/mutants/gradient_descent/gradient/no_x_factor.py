"""gradient forgets the factor x of the chain rule: the mean of 2 * (x * w - y)."""


def gradient(x_data, y_data, w):
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += 2 * (x * w - y)
    return total / len(x_data)
