"""best_wb returns the row and column of the minimum instead of (w, b)."""
import numpy as np


def best_wb(x_data, y_data, w_values, b_values):
    W, B, MSE = mse_grid(x_data, y_data, w_values, b_values)
    i, j = np.unravel_index(np.argmin(MSE), MSE.shape)
    return int(i), int(j)
