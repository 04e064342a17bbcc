"""mse empties the caller's lists as it goes: while x_data: ... x_data.pop() (right value, lists emptied)."""


def mse(x_data, y_data, w):
    n, total = len(x_data), 0.0
    while len(x_data):
        total += loss(x_data.pop(), y_data.pop(), w)
    return total / n
