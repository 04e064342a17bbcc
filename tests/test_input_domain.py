"""The whole input domain: every function of lesson 2 is called with lists and with arrays.

A recording stand-in for the student answers with the reference and notes the type of every
argument each check passes; every function of a "1-D sequence" argument must have been given
both a list and an array, and a "float or array" argument a number, a NumPy scalar and an array.
"""

from collections import defaultdict

import numpy as np
import pytest

from grader.checking import CheckFailed

SEQUENCES = {"x_data", "y_data", "w_values", "b_values"}  # to_grid's w_list, b_list, mse_list are lists
NUMBERS_OR_ARRAYS = {"x", "y"}


class Recorder:
    """Stands in for the student: the reference answers, every argument's kind is noted."""

    def __init__(self, ref, contract):
        self.ref, self.contract, self.seen = ref, contract, defaultdict(set)

    def argument_names(self, function, n):
        return self.contract[function]

    def call(self, function, *args, return_args=False, plot=False, shown=""):
        for name, value in zip(self.contract[function], args):
            self.seen[(function, name)].add("array" if isinstance(value, np.ndarray) else
                                            "list" if isinstance(value, list) else
                                            "NumPy scalar" if isinstance(value, np.floating) else "number")
        value = getattr(self.ref, function)(*args)
        return (value, list(args)) if return_args else value

    def __getattr__(self, function):
        return lambda *args: self.call(function, *args)


@pytest.fixture(scope="module")
def seen(lesson):
    recorder = Recorder(lesson.reference(), lesson.contract())
    for check in lesson.checks():
        if check.exercise.startswith("plot_"):
            continue  # pictures: their checks inspect what was drawn, not values
        try:
            check.run(recorder, lesson.reference())
        except CheckFailed:
            pass  # a check that needs more than the reference's answers; the kinds are noted anyway
    return recorder.seen


def test_every_sequence_argument_is_given_as_a_list_and_as_an_array(seen, lesson):
    missing = [(function, name, sorted(seen[(function, name)])) for function, names in lesson.contract().items()
               for name in names if name in SEQUENCES and not function.startswith("plot_")
               and not {"list", "array"} <= seen[(function, name)]]
    assert missing == []


def test_every_float_or_array_argument_is_given_as_a_number_and_as_an_array(seen, lesson):
    missing = [(function, name, sorted(seen[(function, name)])) for function, names in lesson.contract().items()
               for name in names if name in NUMBERS_OR_ARRAYS and not {"number", "array"} <= seen[(function, name)]]
    assert missing == []


def test_every_float_or_array_argument_is_also_given_as_a_numpy_scalar(seen, lesson):
    missing = [(function, name, sorted(seen[(function, name)])) for function, names in lesson.contract().items()
               for name in names if name in NUMBERS_OR_ARRAYS and "NumPy scalar" not in seen[(function, name)]]
    assert missing == []
