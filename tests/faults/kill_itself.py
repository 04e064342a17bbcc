"""to_grid sends SIGKILL to its own process."""
import os
import signal


def to_grid(w_list, b_list, mse_list):
    os.kill(os.getpid(), signal.SIGKILL)
