"""to_grid calls sys.exit(3)."""
import sys


def to_grid(w_list, b_list, mse_list):
    sys.exit(3)
