"""to_grid prints 20 MB on every call, then returns the right answer."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    for _ in range(20_000):
        print("x" * 1000)
    n_w = len(set(w_list))
    return tuple(np.reshape(v, (n_w, -1)).T for v in (w_list, b_list, mse_list))
