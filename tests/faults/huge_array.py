"""to_grid returns an array far too large to grade."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    return np.zeros(30_000_000), np.zeros(1), np.zeros(1)
