"""to_grid reshapes all three w-outer lists to (len(b), len(w)) without transposing."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    n_w = len(set(w_list))
    n_b = len(mse_list) // n_w
    return tuple(np.reshape(v, (n_b, n_w)) for v in (w_list, b_list, mse_list))
