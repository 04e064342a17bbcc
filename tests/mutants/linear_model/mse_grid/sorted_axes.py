"""mse_grid sorts w_values and b_values before the meshgrid: right on ascending grids only."""
import numpy as np


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(np.sort(w_values), np.sort(b_values))
    MSE = np.zeros(W.shape)
    for x, y in zip(x_data, y_data):
        MSE += (forward_wb(x, W, B) - y) ** 2
    return W, B, MSE / len(x_data)
