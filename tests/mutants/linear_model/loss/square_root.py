"""loss takes the square root of the square."""
import numpy as np


def loss(x, y, w):
    return np.sqrt((forward(x, w) - y) ** 2)
