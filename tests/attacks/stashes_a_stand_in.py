"""mse_sweep keeps its stand-in for mse in a list (only rebinding a global is undone); best_w calls it
later, in a call of its own, after the call it was made for has ended."""
import numpy as np

STASH = []


def mse_sweep(x_data, y_data, w_values):
    STASH.append(mse)
    return np.array([mse(x_data, y_data, w) for w in w_values])


def best_w(x_data, y_data, w_values):
    costs = [STASH[0](x_data, y_data, w) for w in w_values] if STASH else mse_sweep(x_data, y_data, w_values)
    return w_values[int(np.argmin(costs))]
