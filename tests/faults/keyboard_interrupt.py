"""to_grid raises KeyboardInterrupt."""


def to_grid(w_list, b_list, mse_list):
    raise KeyboardInterrupt
