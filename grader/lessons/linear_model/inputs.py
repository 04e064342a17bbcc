"""The inputs the checks try: the lesson's own data, and hypothesis strategies around it.

Generated numbers have one decimal (1.5, -0.3): a shrunk counterexample then reads like
something a student would type, and the sweeps look like the lesson's np.arange grids.
"""

import numpy as np
from hypothesis import strategies as st

from ...authoring import numbers, numpy_scalars

X_DATA = [1.0, 2.0, 3.0]
Y_DATA = [2.0, 4.0, 6.0]
W_VALUES = np.arange(0.0, 4.1, 0.1)
XB_DATA = [1.0, 2.0, 3.0]
YB_DATA = [4.0, 7.0, 10.0]
B_VALUES = np.arange(-2.0, 2.1, 0.1)


def _as_list_or_array(values_and_choice):
    values, as_array = values_and_choice
    return np.array(values, dtype=float) if as_array else values


def samples():
    """(x, y): two numbers, two NumPy scalars, or two NumPy arrays of the same length."""
    arrays_of_pairs = st.lists(st.tuples(numbers(), numbers()), min_size=1, max_size=6).map(
        lambda pairs: (np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs])))
    return st.one_of(st.tuples(numbers(), numbers()), st.tuples(numpy_scalars(), numpy_scalars()), arrays_of_pairs)


def _arange(start_step_size_choice):
    start, step, size, as_array = start_step_size_choice
    return _as_list_or_array(([round(start + k * step, 1) for k in range(size)], as_array))


def shuffled_grids(min_size: int = 2, max_size: int = 6):
    """Distinct values in any order, to see whether a function keeps that order."""
    values = st.lists(st.integers(-50, 50), min_size=min_size, max_size=max_size, unique=True)
    return st.tuples(values.map(lambda v: [n / 10 for n in v]), st.booleans()).map(_as_list_or_array)


def _two_sizes(first_and_shift):
    first, shift = first_and_shift
    return first, 2 + (first - 2 + shift) % 4


def _unsorted(values_and_turn):
    """The values rotated by `turn` places, and reversed on odd turns: ascending only at turn 0."""
    values, turn = values_and_turn
    turned = values[turn % len(values):] + values[:turn % len(values)]
    turned = turned[::-1] if turn % 2 else turned
    return np.array(turned) if isinstance(values, np.ndarray) else turned


def non_square_grids():
    """(w_values, b_values) of 2 to 5 values each, of different lengths, so a transposed grid shows.

    Either may be out of order (rotated, reversed): the lesson's loop runs over any values.
    """
    steps = st.integers(1, 20).map(lambda n: n / 10)
    sizes = st.tuples(st.integers(2, 5), st.integers(1, 3)).map(_two_sizes)
    turns = st.integers(0, 4)
    return st.tuples(numbers(), steps, numbers(), steps, sizes, st.booleans(), turns, turns).map(
        lambda g: (_unsorted((list(_arange((g[0], g[1], g[4][0], False))), g[6])),
                   _unsorted((list(_arange((g[2], g[3], g[4][1], False))), g[7])))).flatmap(
        lambda grid: st.booleans().map(lambda as_array: tuple(
            np.array(v, dtype=float) if as_array else v for v in grid)))


def lesson_loop(x_data, y_data, w_values, b_values, cost):
    """The lesson's flat lists: for w in w_values: for b in b_values (w outer, b inner)."""
    w_list, b_list, mse_list = [], [], []
    for w in w_values:
        for b in b_values:
            w_list.append(float(w))
            b_list.append(float(b))
            mse_list.append(float(cost(x_data, y_data, w, b)))
    return w_list, b_list, mse_list
