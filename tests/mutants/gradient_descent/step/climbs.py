"""step adds the gradient, w + lr * grad: it climbs the cost instead of descending."""


def step(w, grad, lr):
    return w + lr * grad
