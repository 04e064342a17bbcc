"""mse_sweep returns (w, mse) pairs instead of the MSE values."""


def mse_sweep(x_data, y_data, w_values):
    return [(w, mse(x_data, y_data, w)) for w in w_values]
