"""to_grid raises SystemExit."""


def to_grid(w_list, b_list, mse_list):
    raise SystemExit("bye")
