"""The plain, safe encoding of values between the grader and the child process.

Values travel as JSON with a few tagged objects; numeric NumPy arrays travel as dtype,
shape and base64 bytes. Nothing is ever unpickled, so a student's object cannot run code
in the grader: anything the encoding does not know arrives as an `Unsupported` record
naming its type. Both sides import this module; it needs only the standard library and
NumPy.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import numpy as np

MAX_DEPTH = 20
MAX_ELEMENTS = 2_000_000  # numbers in one value, arrays and lists together
MAX_TEXT = 2_000  # characters kept of a string or a repr
_NUMERIC_KINDS = "biuf"
_SCALARS = (float, int, bool, str, type(None))  # what `from_plain` returns as it is


@dataclass(frozen=True)
class Unsupported:
    """A value the grader will not read: what it was, and a short description."""

    type_name: str
    detail: str

    def __str__(self) -> str:
        return f"{self.detail} (a value of type {self.type_name})"


@dataclass(frozen=True)
class AxesPicture:
    """What a matplotlib Axes shows, as described by the child (see child.describe_axes)."""

    projection: str
    xlabel: str
    ylabel: str
    zlabel: str
    title: str
    lines: tuple  # of (x, y) float arrays
    surfaces: tuple  # of (n, 3) arrays of the vertices of each 3-D surface
    collections: tuple  # the type names of everything else drawn


def _decode_axes(obj: dict) -> AxesPicture:
    text = {k: str(obj.get(k, ""))[:MAX_TEXT] for k in ("projection", "xlabel", "ylabel", "zlabel", "title")}
    lines = tuple((from_plain(line["x"]), from_plain(line["y"])) for line in obj["lines"])
    surfaces = tuple(from_plain(surface["vertices"]) for surface in obj["surfaces"])
    return AxesPicture(**text, lines=lines, surfaces=surfaces,
                       collections=tuple(str(c) for c in obj["collections"]))


class _Budget:
    def __init__(self) -> None:
        self.left = MAX_ELEMENTS

    def spend(self, n: int) -> bool:
        self.left -= n
        return self.left >= 0


def _type_name(value: object) -> str:
    cls = type(value)
    module = getattr(cls, "__module__", "") or ""
    name = getattr(cls, "__qualname__", cls.__name__)
    return name if module in ("builtins", "") else f"{module}.{name}"


def short_repr(value: object) -> str:
    """repr() that survives hostile objects and long output."""
    try:
        text = repr(value)
    except BaseException as exc:  # a student's __repr__ may raise anything
        text = f"<{_type_name(value)} whose repr() raised {type(exc).__name__}>"
    if not isinstance(text, str):
        text = f"<{_type_name(value)}>"
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 3] + "..."


def _unsupported(value: object, detail: str) -> dict:
    return {"$": "unsupported", "type": _type_name(value), "detail": detail}


def _encode_array(arr: np.ndarray, budget: _Budget) -> dict:
    if arr.dtype.kind not in _NUMERIC_KINDS or arr.dtype.hasobject:
        kind = {"c": "complex numbers", "O": "Python objects", "U": "strings", "S": "bytes"}
        what = kind.get(arr.dtype.kind, f"dtype {arr.dtype}")
        return _unsupported(arr, f"an array of {what}, shape {arr.shape}")
    if not budget.spend(arr.size):
        return _unsupported(arr, f"an array too large to grade, shape {arr.shape}")
    data = np.ascontiguousarray(arr).astype(arr.dtype.newbyteorder("<"), copy=False)
    return {
        "$": "ndarray",
        "dtype": data.dtype.str,
        "shape": list(arr.shape),
        "data": base64.b64encode(data.tobytes()).decode("ascii"),
    }


def _to_plain(value: object, budget: _Budget, depth: int, seen: set[int]) -> object:
    if value is None or isinstance(value, (bool, str)):
        return value[:MAX_TEXT] if isinstance(value, str) else value
    if type(value) is int:
        return value if abs(value) < 2**63 else float(value)
    if type(value) is float:
        return value
    if isinstance(value, np.ndarray):
        return _encode_array(value, budget)
    if isinstance(value, np.generic):
        convert = {"b": bool, "i": int, "u": int, "f": float}.get(value.dtype.kind)
        if convert is not None:
            return convert(value)  # not .item(): a longdouble's item is still a NumPy scalar
        return _unsupported(value, f"a NumPy scalar of dtype {value.dtype}")
    if isinstance(value, complex):
        return _unsupported(value, f"the complex number {short_repr(value)}")
    if type(value) in (list, tuple, dict):
        if depth >= MAX_DEPTH:
            return _unsupported(value, f"a {type(value).__name__} nested more than {MAX_DEPTH} deep")
        if id(value) in seen:
            return _unsupported(value, f"a {type(value).__name__} that contains itself")
        if not budget.spend(len(value)):
            return _unsupported(value, f"a {type(value).__name__} too long to grade")
        seen.add(id(value))
        try:
            if type(value) is dict:
                if not all(type(k) is str for k in value):
                    return _unsupported(value, "a dict whose keys are not all strings")
                items = {k: _to_plain(v, budget, depth + 1, seen) for k, v in value.items()}
                return {"$": "dict", "items": items}
            items = [v if type(v) is float else _to_plain(v, budget, depth + 1, seen) for v in value]
            return items if type(value) is list else {"$": "tuple", "items": items}
        finally:
            seen.discard(id(value))
    return _unsupported(value, short_repr(value))


def to_plain(value: object) -> object:
    """Turn a value into JSON-ready data; unknown objects become `unsupported` records."""
    return _to_plain(value, _Budget(), 0, set())


def _decode_array(obj: dict) -> np.ndarray | Unsupported:
    dtype = np.dtype(str(obj["dtype"]))
    if dtype.kind not in _NUMERIC_KINDS or dtype.hasobject:
        return Unsupported("numpy.ndarray", f"an array of dtype {dtype}")
    shape = tuple(int(n) for n in obj["shape"])
    raw = base64.b64decode(obj["data"], validate=True)
    if any(n < 0 for n in shape) or int(np.prod(shape, dtype=np.int64)) * dtype.itemsize != len(raw):
        return Unsupported("numpy.ndarray", "an array whose bytes do not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).astype(dtype.newbyteorder("="))


def from_plain(obj: object) -> object:
    """The inverse of `to_plain`, accepting only the shapes `to_plain` produces."""
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):  # numbers, most often: each as it is, without a call
        return [v if type(v) in _SCALARS else from_plain(v) for v in obj]
    if isinstance(obj, dict):
        tag = obj.get("$")
        if tag == "ndarray":
            return _decode_array(obj)
        if tag == "tuple":
            return tuple(from_plain(v) for v in obj["items"])
        if tag == "dict":
            return {str(k): from_plain(v) for k, v in obj["items"].items()}
        if tag == "axes":
            return _decode_axes(obj)
        if tag == "unsupported":
            return Unsupported(str(obj["type"])[:MAX_TEXT], str(obj["detail"])[:MAX_TEXT])
    return Unsupported(type(obj).__name__, "a value in an unknown encoding")
