"""The inputs the checks try: the lesson's own data and settings, and strategies around them.

Training runs use learning rates below 1 / (2 * mean(x^2)), where every step lowers the
cost, and a few epochs: a counterexample stays short enough to retype.
"""

import numpy as np
from hypothesis import strategies as st

from ...authoring import data_sets, numbers

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W0, LR, EPOCHS = 1.0, 0.01, 100
FIVE_SAMPLES = ([1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 3.0, 2.0, 5.0, 4.0])  # not 3 samples: a hard-coded 3 shows
RATES = (0.001, 0.002, 0.005, 0.01, 0.02, 0.05)


def safe_rate_limit(x_data) -> float:
    """Below this learning rate, every step of batch gradient descent lowers the cost."""
    return 1 / (2 * float(np.mean(np.square(np.asarray(x_data, dtype=float)))))


def fitting_data(min_size: int = 1, max_size: int = 4):
    """(x_data, y_data) with x's in [-3, 3] not all zero, so the cost has a slope."""
    return data_sets(min_size, max_size, x=numbers(3)).filter(lambda data: np.any(np.asarray(data[0]) != 0))


def _with_a_safe_rate(data):
    return st.tuples(st.just(data), st.sampled_from([r for r in RATES if r < safe_rate_limit(data[0])]))


def training_runs(max_epochs: int = 5, min_size: int = 1, max_size: int = 4):
    """(x_data, y_data, w0, lr, epochs) with a learning rate that descends."""
    return st.tuples(fitting_data(min_size, max_size).flatmap(_with_a_safe_rate), numbers(),
                     st.integers(0, max_epochs)).map(lambda r: (*r[0][0], r[1], r[0][1], r[2]))
