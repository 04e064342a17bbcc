"""best_w returns the index of the minimum instead of the w."""
import numpy as np


def best_w(x_data, y_data, w_values):
    return int(np.argmin(mse_sweep(x_data, y_data, w_values)))
