"""Hypothesis strategies that more than one lesson uses: numbers a student could type, data sets.

Generated numbers have one decimal (1.5, -0.3): a shrunk counterexample then reads like
something a student would type.
"""

import numpy as np
from hypothesis import strategies as st


def numbers(limit: int = 5):
    """Floats in [-limit, limit] with one decimal, shrinking towards 0.0."""
    return st.integers(-10 * limit, 10 * limit).map(lambda n: n / 10)


def arrays(min_size: int = 1, max_size: int = 6):
    return st.lists(numbers(), min_size=min_size, max_size=max_size).map(np.array)


def numpy_scalars():
    """A number as a NumPy scalar, np.float64 or np.float32: what indexing an array gives."""
    return st.tuples(numbers(), st.sampled_from((np.float64, np.float32))).map(lambda n: n[1](n[0]))


def numbers_or_arrays():
    """A number (a float or a NumPy scalar), or a NumPy array of them of any shape (0-d, 1-d, 2-d):
    a model must handle all."""
    matrices = st.tuples(st.integers(1, 3), st.integers(1, 3)).flatmap(
        lambda shape: arrays(shape[0] * shape[1], shape[0] * shape[1]).map(lambda a: a.reshape(shape)))
    return st.one_of(numbers(), arrays(), numpy_scalars(), numbers().map(np.array), matrices)


def _split(pairs_and_choice):
    pairs, as_array = pairs_and_choice
    x, y = [p[0] for p in pairs], [p[1] for p in pairs]
    return (np.array(x), np.array(y)) if as_array else (x, y)


def data_sets(min_size: int = 1, max_size: int = 6, x=None):
    """(x_data, y_data) of equal length, both lists or both arrays; `x` draws the x's (default: numbers())."""
    pairs = st.lists(st.tuples(numbers() if x is None else x, numbers()), min_size=min_size, max_size=max_size)
    return st.tuples(pairs, st.booleans()).map(_split)
