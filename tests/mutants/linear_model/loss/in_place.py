"""loss works in place on the caller's array: y_hat = x; y_hat *= w; ... (right values, x changed)."""


def loss(x, y, w):
    y_hat = x
    y_hat *= w
    y_hat -= y
    y_hat **= 2
    return y_hat
