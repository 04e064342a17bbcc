"""mse_grid uses np.meshgrid(..., indexing="ij"): one row per w."""
import numpy as np


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(w_values, b_values, indexing="ij")
    MSE = np.array([[mse_wb(x_data, y_data, w, b) for w, b in zip(rw, rb)] for rw, rb in zip(W, B)])
    return W, B, MSE
