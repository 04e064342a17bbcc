"""The inputs the checks try: the lesson's own data, and hypothesis strategies around it.

Generated numbers have one decimal (1.5, -0.3): a shrunk counterexample then reads like
something a student would type, and the sweeps look like the lesson's np.arange grids.
"""

import numpy as np
from hypothesis import strategies as st

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W_VALUES = np.arange(0.0, 4.1, 0.1)
XB_DATA = [1.0, 2.0, 3.0]
YB_DATA = [4.0, 7.0, 10.0]
B_VALUES = np.arange(-2.0, 2.1, 0.1)


def numbers(limit: int = 5):
    """Floats in [-limit, limit] with one decimal, shrinking towards 0.0."""
    return st.integers(-10 * limit, 10 * limit).map(lambda n: n / 10)


def arrays(min_size: int = 1, max_size: int = 6):
    return st.lists(numbers(), min_size=min_size, max_size=max_size).map(np.array)


def sequences(elements, min_size: int = 1, max_size: int = 6, unique: bool = False):
    """Lists or NumPy arrays, as the contract allows both."""
    values = st.lists(elements, min_size=min_size, max_size=max_size, unique=unique)
    return st.tuples(values, st.booleans()).map(lambda vb: np.array(vb[0]) if vb[1] else vb[0])


@st.composite
def data_sets(draw, min_size: int = 1, max_size: int = 6):
    """(x_data, y_data) of equal length, both lists or both arrays."""
    n = draw(st.integers(min_size, max_size))
    x = draw(st.lists(numbers(), min_size=n, max_size=n))
    y = draw(st.lists(numbers(), min_size=n, max_size=n))
    as_array = draw(st.booleans())
    return (np.array(x), np.array(y)) if as_array else (x, y)


def w_grids(min_size: int = 1, max_size: int = 6):
    """Distinct values in increasing order, like np.arange, as a list or an array."""
    return sequences(numbers(), min_size, max_size, unique=True).map(
        lambda v: np.sort(v) if isinstance(v, np.ndarray) else sorted(v))


def shuffled_grids(min_size: int = 2, max_size: int = 6):
    """Distinct values in any order, to see whether a function keeps that order."""
    return sequences(numbers(), min_size, max_size, unique=True)


@st.composite
def non_square_grids(draw, max_size: int = 5):
    """(w_values, b_values) with different lengths, so a transposed grid shows."""
    w_values = draw(w_grids(2, max_size))
    b_values = draw(w_grids(2, max_size).filter(lambda b: len(b) != len(w_values)))
    return w_values, b_values


def lesson_loop(x_data, y_data, w_values, b_values, cost):
    """The lesson's flat lists: for w in w_values: for b in b_values (w outer, b inner)."""
    w_list, b_list, mse_list = [], [], []
    for w in w_values:
        for b in b_values:
            w_list.append(float(w))
            b_list.append(float(b))
            mse_list.append(float(cost(x_data, y_data, w, b)))
    return w_list, b_list, mse_list
