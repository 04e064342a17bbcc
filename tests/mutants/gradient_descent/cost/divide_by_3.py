"""cost divides by 3, the size of the lesson's data (the lesson's `cost / 3`), not by len(x_data)."""


def cost(x_data, y_data, w):
    total = 0.0
    for x, y in zip(x_data, y_data):
        total += (forward(x, w) - y) ** 2
    return total / 3
