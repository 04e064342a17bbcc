"""sgd_gradient has its sign flipped: 2 * x * (y - x * w)."""


def sgd_gradient(x, y, w):
    return 2 * x * (y - x * w)
