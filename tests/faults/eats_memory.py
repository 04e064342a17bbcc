"""to_grid allocates without end."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    hoard = []
    while True:
        hoard.append(np.ones(10**7))
