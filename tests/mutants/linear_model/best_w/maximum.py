"""best_w takes the maximum MSE instead of the minimum."""
import numpy as np


def best_w(x_data, y_data, w_values):
    return w_values[int(np.argmax(mse_sweep(x_data, y_data, w_values)))]
