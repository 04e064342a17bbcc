"""The plain, safe encoding of values between the grader and the child process.

Values travel as JSON with a few tagged objects; numeric NumPy arrays travel as dtype,
shape and base64 bytes, and NumPy scalars (np.float64, np.float32, np.int64 ...) as dtype and
bytes, so each arrives as the type it left as. Nothing is ever unpickled, so a student's object cannot run code
in the grader: anything the encoding does not know arrives as an `Unsupported` record
naming its type and why it was refused, as data (`WHY` names the reasons): the grader's
`values.format_value` writes the words, in the student's language. Both sides import this
module; it needs only the standard library and NumPy.
"""

from __future__ import annotations

import base64
import math
import time
from dataclasses import dataclass

import numpy as np

MAX_DEPTH = 20
MAX_ELEMENTS = 2_000_000  # numbers in one value, arrays and lists together
MAX_TEXT = 2_000  # characters kept of a string or a repr
_NUMERIC_KINDS = "biuf"
# why a value is refused, each with the facts its description needs (`values.UNSUPPORTED` words them)
WHY = {"array_of": ("what", "shape"), "array_too_large": ("shape",), "numpy_scalar": ("dtype",),
       "complex": ("value",), "nested_too_deep": ("container", "depth"), "contains_itself": ("container",),
       "too_long": ("container",), "dict_keys": (), "object": ("value",), "array_dtype": ("dtype",),
       "array_bytes": (), "unknown_encoding": (), "unreadable_object": ("error",), "unsendable": ("error",),
       "unreadable_answer": ()}
ARRAY_KINDS = {"c": "complex", "O": "objects", "U": "strings", "S": "bytes"}  # an array of these is refused
_SCALARS = (float, int, bool, str, type(None))  # what `from_plain` returns as it is
_SCALAR_TYPES = {np.dtype(name).newbyteorder("<").str: np.dtype(name).type  # the NumPy scalars that travel
                 for name in ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
                              "float16", "float32", "float64", "longdouble")}


@dataclass(frozen=True)
class Unsupported:
    """A value the grader will not read: its type, why (a key of `WHY`), and the facts of the why."""

    type_name: str
    why: str
    facts: dict


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
    def __init__(self, limit: int = MAX_ELEMENTS) -> None:
        self.left = limit

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


def _unsupported(value: object, why: str, /, **facts) -> dict:
    return {"$": "unsupported", "type": _type_name(value), "why": why, "facts": facts}


def _encode_array(arr: np.ndarray, budget: _Budget) -> dict:
    if arr.dtype.kind not in _NUMERIC_KINDS or arr.dtype.hasobject:
        what = ARRAY_KINDS.get(arr.dtype.kind, str(arr.dtype))
        return _unsupported(arr, "array_of", what=what, shape=str(arr.shape))
    if not budget.spend(arr.size):
        return _unsupported(arr, "array_too_large", shape=str(arr.shape))
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
        if convert is None:
            return _unsupported(value, "numpy_scalar", dtype=str(value.dtype))
        budget.spend(1)  # its number as JSON writes it: a list of a million costs no more than floats
        return {"$": "scalar", "dtype": value.dtype.newbyteorder("<").str, "value": convert(value)}
    if isinstance(value, complex):
        return _unsupported(value, "complex", value=short_repr(value))
    if type(value) in (list, tuple, dict):
        container = type(value).__name__
        if depth >= MAX_DEPTH:
            return _unsupported(value, "nested_too_deep", container=container, depth=str(MAX_DEPTH))
        if id(value) in seen:
            return _unsupported(value, "contains_itself", container=container)
        if not budget.spend(len(value)):
            return _unsupported(value, "too_long", container=container)
        seen.add(id(value))
        try:
            if type(value) is dict:
                if not all(type(k) is str for k in value):
                    return _unsupported(value, "dict_keys")
                items = {k: _to_plain(v, budget, depth + 1, seen) for k, v in value.items()}
                return {"$": "dict", "items": items}
            items = [v if type(v) is float else _to_plain(v, budget, depth + 1, seen) for v in value]
            return items if type(value) is list else {"$": "tuple", "items": items}
        finally:
            seen.discard(id(value))
    return _unsupported(value, "object", value=short_repr(value))


def to_plain(value: object, limit: int = MAX_ELEMENTS) -> object:
    """Turn a value into JSON-ready data; unknown objects, and what is past `limit` numbers, become
    `unsupported` records."""
    return _to_plain(value, _Budget(limit), 0, set())


def _decode_array(obj: dict) -> np.ndarray | Unsupported:
    dtype = np.dtype(str(obj["dtype"]))
    if dtype.kind not in _NUMERIC_KINDS or dtype.hasobject:
        return Unsupported("numpy.ndarray", "array_dtype", {"dtype": str(dtype)})
    shape = tuple(int(n) for n in obj["shape"])
    size = math.prod(shape) * dtype.itemsize
    mismatch = Unsupported("numpy.ndarray", "array_bytes", {})
    if any(n < 0 for n in shape) or len(obj["data"]) != 4 * ((size + 2) // 3):  # checked before decoding
        return mismatch
    raw = base64.b64decode(obj["data"], validate=True)
    if len(raw) != size:
        return mismatch
    return np.frombuffer(raw, dtype=dtype).reshape(shape).astype(dtype.newbyteorder("="))


class _Decoding:
    """What decoding one value may spend: MAX_ELEMENTS items (as encoding does), and the time up to
    `deadline` (a reply forged to be slow to decode is a call that did not return in time)."""

    def __init__(self, deadline: float | None) -> None:
        self.left, self.deadline = MAX_ELEMENTS, deadline

    def spend(self, n: int) -> bool:
        self.left -= n
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise TimeoutError("decoding took longer than the call may")
        return self.left >= 0


def first_unsupported(value: object) -> Unsupported | None:
    """The first decoded value the grader could not read, however deep in lists and tuples."""
    if isinstance(value, Unsupported):
        return value
    if isinstance(value, (list, tuple)):
        return next((u for u in map(first_unsupported, value) if u is not None), None)
    return None


def _decode_scalar(obj: dict) -> object:
    dtype = _SCALAR_TYPES.get(obj.get("dtype"))
    value = obj.get("value")
    if dtype is None or type(value) not in (bool, int, float):
        return Unsupported("numpy.generic", "array_dtype", {"dtype": str(obj.get("dtype"))[:20]})
    try:
        return dtype(value)
    except (OverflowError, ValueError):
        return Unsupported("numpy.generic", "array_bytes", {})


def from_plain(obj: object, deadline: float | None = None) -> object:
    """The inverse of `to_plain`, accepting only the shapes `to_plain` produces, within MAX_ELEMENTS
    items and, given a `deadline` (time.monotonic()), by then, else TimeoutError."""
    return _from_plain(obj, _Decoding(deadline))


def _from_plain(obj: object, budget: _Decoding) -> object:
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):  # numbers, most often: each as it is, without a call
        if not budget.spend(len(obj)):
            return Unsupported("list", "too_long", {"container": "list"})
        return [v if type(v) in _SCALARS else _from_plain(v, budget) for v in obj]
    if isinstance(obj, dict):
        tag = obj.get("$")
        if tag == "ndarray":
            array = _decode_array(obj)
            return array if isinstance(array, Unsupported) or budget.spend(array.size) else Unsupported(
                "numpy.ndarray", "array_too_large", {"shape": str(array.shape)})
        if tag == "scalar":
            budget.spend(1)
            return _decode_scalar(obj)
        if tag in ("tuple", "dict"):
            items = obj["items"]
            if not budget.spend(len(items)):
                return Unsupported(tag, "too_long", {"container": tag})
            if tag == "tuple":
                return tuple(_from_plain(v, budget) for v in items)
            return {str(k): _from_plain(v, budget) for k, v in items.items()}
        if tag == "axes":
            return _decode_axes(obj)
        if tag == "unsupported":
            return _decode_unsupported(obj)
    return Unsupported(type(obj).__name__, "unknown_encoding", {})


def _decode_unsupported(obj: dict) -> Unsupported:
    """The record as the child sent it, kept to the known reasons and their facts, as short text."""
    why, facts = obj.get("why"), obj.get("facts")
    if why not in WHY or not isinstance(facts, dict):
        return Unsupported(str(obj.get("type"))[:MAX_TEXT], "unknown_encoding", {})
    return Unsupported(str(obj.get("type"))[:MAX_TEXT], why,
                       {name: str(facts.get(name, "?"))[:MAX_TEXT] for name in WHY[why]})
