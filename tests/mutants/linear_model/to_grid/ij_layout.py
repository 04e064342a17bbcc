"""to_grid returns the (len(w), len(b)) layout of indexing="ij": one row per w."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    n_w = len(set(w_list))
    n_b = len(mse_list) // n_w
    return tuple(np.reshape(v, (n_w, n_b)) for v in (w_list, b_list, mse_list))
