"""gradient returns the sum of the samples' gradients instead of their mean."""


def gradient(x_data, y_data, w):
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += 2 * x * (x * w - y)
    return total
