"""to_grid crashes the interpreter with a segmentation fault through ctypes."""
import ctypes


def to_grid(w_list, b_list, mse_list):
    return ctypes.string_at(0)
