"""loss forgets to square the error."""


def loss(x, y, w):
    return forward(x, w) - y
