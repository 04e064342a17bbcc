"""mse_sweep returns the costs in reverse order."""


def mse_sweep(x_data, y_data, w_values):
    return [mse(x_data, y_data, w) for w in w_values][::-1]
