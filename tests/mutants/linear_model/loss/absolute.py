"""loss uses abs() instead of the square."""


def loss(x, y, w):
    return abs(forward(x, w) - y)
