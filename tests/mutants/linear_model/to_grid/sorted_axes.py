"""to_grid takes its axes from np.unique, which sorts: each cost lands at the wrong point when the loop ran over unsorted values."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    w_values, b_values = np.unique(w_list), np.unique(b_list)
    W, B = np.meshgrid(w_values, b_values)
    MSE = np.reshape(mse_list, (len(w_values), len(b_values))).T
    return W, B, MSE
