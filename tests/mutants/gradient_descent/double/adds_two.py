"""double adds 2 instead of multiplying by 2."""


def double(x):
    return x + 2
