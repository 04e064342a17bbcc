"""to_grid takes W and B from np.meshgrid but reshapes the w-outer MSE list to (len(b), len(w)): the lesson's bug."""
import numpy as np


def to_grid(w_list, b_list, mse_list):
    W, B = np.meshgrid(sorted(set(w_list)), sorted(set(b_list)))
    return W, B, np.reshape(mse_list, (len(set(b_list)), len(set(w_list))))
