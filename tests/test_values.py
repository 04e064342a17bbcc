"""How values are shown to students."""

import numpy as np

from grader.values import format_call, format_value


def test_calls_read_like_python():
    assert format_call("mse", ([1.0, 2.0], np.array([2.0, 4.0]), 0.5)) == \
        "mse([1.0, 2.0], np.array([2.0, 4.0]), 0.5)"


def test_the_lesson_grid_is_shown_as_np_arange():
    assert format_value(np.arange(0.0, 4.1, 0.1)) == "np.arange(0.0, 4.1, 0.1)"


def test_long_lists_are_cut_and_say_how_much_is_left():
    assert format_value(list(range(20))).endswith("... 12 more]")


def test_floats_keep_a_decimal_point_and_stay_short():
    assert format_value((3.0, 1.0000000000000018)) == "(3.0, 1.0)"
    assert format_value(0.1 + 0.2) == "0.3"
