"""to_grid starts a daemon (fork, setsid, fork again) that outlives the grading and writes later."""
import os
import ctypes
import time


def to_grid(w_list, b_list, mse_list):
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            ctypes.CDLL(None).prctl(15, DAEMON_NAME.encode(), 0, 0, 0)  # PR_SET_NAME: findable in /proc
            time.sleep(1.0)
            with open(MARKER, "w") as f:
                f.write("still alive after the grading")
            time.sleep(30)
        os._exit(0)
    return [[0.0]], [[0.0]], [[0.0]]
