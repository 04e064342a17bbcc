"""mse_grid fills a flat list with w outer and b inner, then reshapes it as if b were outer."""
import numpy as np


def mse_grid(x_data, y_data, w_values, b_values):
    W, B = np.meshgrid(w_values, b_values)
    costs = [mse_wb(x_data, y_data, w, b) for w in w_values for b in b_values]
    return W, B, np.array(costs).reshape(len(b_values), len(w_values))
