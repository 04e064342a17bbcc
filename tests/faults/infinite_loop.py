"""to_grid never returns."""


def to_grid(w_list, b_list, mse_list):
    while True:
        pass
