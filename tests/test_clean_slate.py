"""Every call starts from a clean slate: what import-time code or an earlier call changed is put back.

The probe's import changes NumPy's error and print settings, both random generators and
rcParams, and draws a figure; each call changes them again. Every call must still see the
state from before the import, and a plot call no open figure, in a spawned child and in one
forked from a fork server (which has drawn a figure of its own).
"""

from grader.sandbox import wire
from grader.sandbox.process import ForkServer, Limits, Program, Sandbox

PROBE = '''
import random
import matplotlib.pyplot as plt
import numpy as np


def state():
    seen = [np.geterr()["divide"], np.get_printoptions()["precision"], float(np.random.rand()),
            random.random(), len(plt.get_fignums()), float(plt.rcParams["lines.linewidth"])]
    np.seterr(all="raise")
    np.set_printoptions(precision=2)
    np.random.seed(1)
    random.seed(1)
    plt.rcParams["lines.linewidth"] = 9.0
    plt.plot([1, 2], [3, 4])
    return seen


state()
'''


def calls(n: int, plot: bool, forks: ForkServer | None = None) -> list:
    program = Program("probe", [{"source": PROBE, "filename": "probe.py", "label": None}], tolerant=False)
    preload = () if forks else ("matplotlib.pyplot",)
    with Sandbox(program, Limits(call_timeout=10.0, import_timeout=30.0), preload=preload, forks=forks) as box:
        assert box.load_result().fatal is None
        return [wire.from_plain(box.request({"fn": "state", "args": [], "plot": plot, "return_args": False})["value"])
                for _ in range(n)]


def test_each_call_sees_numpy_and_random_as_before_the_import():
    first, second = calls(2, plot=False)
    assert first[:4] == second[:4]
    assert first[0] == "warn" and first[1] == 8  # NumPy's defaults, not the import's "raise" and 2


def test_a_plot_call_starts_with_no_figure_and_default_rcparams():
    first, second = calls(2, plot=True)
    assert first == second
    assert first[4] == 0 and first[5] == 1.5  # the import's figure closed, its linewidth 9 undone


def test_a_forked_child_starts_as_clean_though_its_fork_server_has_drawn():
    with ForkServer() as forks:  # it draws once before forking, to fill matplotlib's caches
        first, second = calls(2, plot=True, forks=forks)
    assert first == second
    assert first[:2] == ["warn", 8] and first[4] == 0 and first[5] == 1.5
