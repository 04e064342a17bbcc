"""to_grid returns complex and object arrays."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    return np.array([1j]), np.array([object()]), np.array(mse_list) + 0j
