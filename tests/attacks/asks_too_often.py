"""mse_sweep asks its stand-in for mse TIMES times before it computes the sweep with it."""
import numpy as np


def mse_sweep(x_data, y_data, w_values):
    for _ in range(TIMES):
        mse(x_data, y_data, w_values[0])
    return np.array([mse(x_data, y_data, w) for w in w_values])
