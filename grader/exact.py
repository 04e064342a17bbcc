"""Values written down exactly, as JSON-ready data, and read back.

Every number keeps its type (JSON tells `1`, `1.0` and `true` apart, and writes a float's repr, so
NaN and -0.0 too), a tuple stays a tuple, and a NumPy array or scalar keeps its dtype, shape and
bytes (a 0-d array too). Two values with one encoding are the same value, so an encoding is also a
key (`reference.Remembered`); `decode` reads back what `encode` wrote (`replay`), and refuses
anything else. Objects in `named` are written by name: the replayed examples name the student's
module and the reference so.
"""

from __future__ import annotations

import base64
import re
from typing import Mapping

import numpy as np

_NUMERIC_DTYPE = re.compile(r"[<>|=]?[biuf][1-9]\d?")  # checked before NumPy parses it
_LONGEST_INT = 13_000  # bits, about 3,900 digits: Python refuses to write an int past 4,300 as text


class Inexact(TypeError):
    """A value `encode` cannot write down exactly."""


def encode(value: object, named: Mapping[int, str] | None = None) -> object:
    """`value` as JSON-ready data; `named`: {id(object): its name} for objects written by name."""
    kind = type(value)
    if named and id(value) in named:
        return {"named": named[id(value)]}
    if kind is int and value.bit_length() > _LONGEST_INT:
        raise Inexact("int")
    if value is None or kind in (bool, int, float, str):
        return value
    if kind is list:
        return [encode(v, named) for v in value]
    if kind is tuple:
        return {"tuple": [encode(v, named) for v in value]}
    if kind is dict and all(type(k) is str for k in value):
        return {"dict": {k: encode(v, named) for k, v in value.items()}}
    if kind is np.ndarray and value.dtype.kind in "biuf":  # tobytes() is C order; a 0-d array keeps shape []
        return {"ndarray": [value.dtype.str, list(value.shape), base64.b64encode(value.tobytes()).decode("ascii")]}
    if isinstance(value, np.generic) and value.dtype.kind in "biuf":
        return {"scalar": [value.dtype.str, base64.b64encode(value.tobytes()).decode("ascii")]}
    raise Inexact(kind.__name__)


def decode(obj: object, named: Mapping[str, object] | None = None) -> object:
    """What `encode` wrote, as the value it was; ValueError (or another error) for anything else."""
    if obj is None or type(obj) in (bool, int, float, str):
        return obj
    if type(obj) is list:
        return [decode(v, named) for v in obj]
    if type(obj) is not dict or len(obj) != 1:
        raise ValueError("not an encoded value")
    (tag, content), = obj.items()
    if tag == "tuple":
        return tuple(decode(v, named) for v in content)
    if tag == "dict":
        return {str(k): decode(v, named) for k, v in content.items()}
    if tag == "named":
        return (named or {})[content]
    if tag in ("ndarray", "scalar"):
        if not (isinstance(content[0], str) and _NUMERIC_DTYPE.fullmatch(content[0])):
            raise ValueError("not a numeric dtype")
        dtype = np.dtype(content[0])
        raw = base64.b64decode(content[-1], validate=True)
        if tag == "scalar":
            return np.frombuffer(raw, dtype=dtype, count=1)[0]
        return np.frombuffer(raw, dtype=dtype).reshape([int(n) for n in content[1]]).copy()
    raise ValueError("not an encoded value")
