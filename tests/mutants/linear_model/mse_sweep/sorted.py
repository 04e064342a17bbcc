"""mse_sweep returns the costs sorted."""


def mse_sweep(x_data, y_data, w_values):
    return sorted(mse(x_data, y_data, w) for w in w_values)
