"""The safe encoding: values survive the trip, and nothing else gets through."""

import math

import numpy as np
import pytest

from grader.sandbox.wire import AxesPicture, Unsupported, from_plain, to_plain
from grader.values import format_value


def trip(value):
    return from_plain(to_plain(value))


@pytest.mark.parametrize("value", [1.5, -3, True, None, "text", [1.0, [2.0, 3.0]], {"a": 1.0}])
def test_plain_values_come_back_equal(value):
    assert trip(value) == value


def test_tuples_stay_tuples_and_numpy_scalars_stay_numpy_scalars():
    back = trip((1.0, np.float32(2.5), np.float64(0.1), np.int64(3), np.bool_(True)))
    assert back == (1.0, 2.5, 0.1, 3, True)
    assert [type(v) for v in back] == [float, np.float32, np.float64, np.int64, np.bool_]


@pytest.mark.parametrize("record", [
    {"$": "scalar", "dtype": "|O", "data": "AA=="},  # an object: what a pickle would hold
    {"$": "scalar", "dtype": "<f8", "data": "AAAA"},  # three bytes for an eight-byte float
    {"$": "scalar", "dtype": "<c16", "data": "A" * 24},  # a complex number
])
def test_forged_scalars_are_refused(record):
    assert isinstance(from_plain(record), Unsupported)


@pytest.mark.parametrize("dtype", ["float64", "float32", "int32", "bool", ">f8"])
def test_numeric_arrays_keep_dtype_shape_and_values(dtype):
    array = np.arange(6).reshape(2, 3).astype(dtype)
    back = trip(array)
    assert back.shape == (2, 3) and back.dtype == array.dtype.newbyteorder("=")
    assert np.array_equal(back, array)


def test_nan_and_infinity_survive():
    back = trip([math.nan, math.inf, np.array([-math.inf])])
    assert math.isnan(back[0]) and back[1] == math.inf and back[2][0] == -math.inf


@pytest.mark.parametrize("value, words", [
    (complex(1, 2), "complex"),
    (np.array([1 + 2j]), "complex"),
    (np.array([object()], dtype=object), "Python objects"),
    (np.array(["a"]), "strings"),
    (object(), "object"),
    ({1: 2}, "keys"),
])
def test_values_the_grader_will_not_read_arrive_as_unsupported(value, words):
    back = trip(value)
    assert isinstance(back, Unsupported) and words in format_value(back)  # the grader's words for it


def test_a_list_that_contains_itself_is_unsupported():
    looped = [1.0]
    looped.append(looped)
    assert isinstance(trip(looped)[1], Unsupported)


def test_a_hostile_repr_does_not_break_the_encoding():
    class Hostile:
        def __repr__(self):
            raise RuntimeError("no")

    assert "repr() raised" in format_value(trip(Hostile()))


def test_forged_arrays_are_refused():
    assert isinstance(from_plain({"$": "ndarray", "dtype": "|O", "shape": [1], "data": ""}), Unsupported)
    short = {"$": "ndarray", "dtype": "<f8", "shape": [4], "data": "AAAAAAAAAAA="}
    assert isinstance(from_plain(short), Unsupported)


def test_an_axes_description_becomes_a_picture():
    plain = {"$": "axes", "projection": "3d", "xlabel": "w", "ylabel": "b", "zlabel": "loss", "title": "",
             "lines": [{"x": to_plain(np.array([1.0])), "y": to_plain(np.array([2.0]))}],
             "surfaces": [], "collections": []}
    picture = from_plain(plain)
    assert isinstance(picture, AxesPicture) and picture.projection == "3d"
    assert picture.lines[0][1][0] == 2.0
