"""to_grid calls os._exit(7), ending the process without cleanup."""
import os


def to_grid(w_list, b_list, mse_list):
    os._exit(7)
