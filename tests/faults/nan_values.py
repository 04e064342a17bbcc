"""to_grid returns NaN and infinity."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    n_w = len(set(w_list))
    W, B, MSE = (np.reshape(v, (n_w, -1)).T for v in (w_list, b_list, mse_list))
    return W, B, np.full(MSE.shape, np.nan)
