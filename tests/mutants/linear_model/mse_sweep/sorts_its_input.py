"""mse_sweep sorts w_values in place."""


def mse_sweep(x_data, y_data, w_values):
    w_values.sort()
    return [mse(x_data, y_data, w) for w in w_values]
