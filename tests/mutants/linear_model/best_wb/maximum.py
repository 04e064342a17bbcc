"""best_wb takes the point of largest MSE."""
import numpy as np


def best_wb(x_data, y_data, w_values, b_values):
    W, B, MSE = mse_grid(x_data, y_data, w_values, b_values)
    i, j = np.unravel_index(np.argmax(MSE), MSE.shape)
    return W[i, j], B[i, j]
