"""Showing values to a student: short, exact enough to retype, the way they would write them."""

from __future__ import annotations

import string

import numpy as np

from .i18n import N_, _
from .sandbox.wire import Unsupported

MAX_ITEMS_SHOWN = 8


def format_number(x: float) -> str:
    if isinstance(x, (bool, np.bool_)):
        return repr(bool(x))
    if isinstance(x, (int, np.integer)):
        return repr(int(x))
    text = repr(float(x))
    if len(text) > 12:
        text = f"{float(x):.8g}"
    return text if any(c in text for c in ".en") else text + ".0"


MAX_DEPTH_SHOWN = 3


def _format_items(items, show) -> str:
    items = list(items)
    shown = [show(v) for v in items[:MAX_ITEMS_SHOWN]]
    if len(items) > MAX_ITEMS_SHOWN:
        shown.append(_("... {n} more", n=len(items) - MAX_ITEMS_SHOWN))
    return ", ".join(shown)


def _as_arange(values: np.ndarray) -> str | None:
    """`np.arange(0.0, 4.1, 0.1)` for a long evenly spaced array, as the lesson writes its grids."""
    if values.size <= MAX_ITEMS_SHOWN or values.dtype.kind != "f" or not np.all(np.isfinite(values)):
        return None
    steps = np.diff(values)
    if steps[0] == 0 or not np.allclose(steps, steps[0], rtol=1e-6, atol=1e-9):
        return None
    start, step = (round(float(v), 10) for v in (values[0], steps[0]))
    stop = round(float(values[-1]) + step, 10)
    return f"np.arange({format_number(start)}, {format_number(stop)}, {format_number(step)})"


def _nested(array: np.ndarray) -> str:
    """`[[1.0, 2.0], [3.0, 4.0]]`, cut to a few items at each level."""
    if array.ndim == 1:
        return f"[{_format_items(array.tolist(), format_number)}]"
    return f"[{_format_items((_nested(row) for row in array), str)}]"


# what the child refused to send (`wire.WHY`), in words; an array's kind (`wire.ARRAY_KINDS`) too
UNSUPPORTED = {
    "array_of": N_("an array of {what}, shape {shape}"), "array_too_large": N_("an array too large to grade, shape {shape}"),
    "numpy_scalar": N_("a NumPy scalar of dtype {dtype}"), "complex": N_("the complex number {value}"),
    "nested_too_deep": N_("a {container} nested more than {depth} deep"),
    "contains_itself": N_("a {container} that contains itself"), "too_long": N_("a {container} too long to grade"),
    "dict_keys": N_("a dict whose keys are not all strings"), "object": N_("{value}"),
    "array_dtype": N_("an array of dtype {dtype}"), "array_bytes": N_("an array whose bytes do not match its shape"),
    "unknown_encoding": N_("a value in an unknown encoding"),
    "unreadable_object": N_("an object that could not be read ({error} while reading it)"),
    "unsendable": N_("a value the grader could not send ({error})"),
    "unreadable_answer": N_("an answer the grader could not read"),
}
ARRAY_KINDS = {"complex": N_("complex numbers"), "objects": N_("Python objects"), "strings": N_("strings"),
               "bytes": N_("bytes")}


def describe_unsupported(value: Unsupported) -> str:
    """"an array of strings, shape (3,) (a value of type numpy.ndarray)": what came back instead of numbers."""
    words = UNSUPPORTED[value.why]
    facts = {name: value.facts.get(name, "?") for _text, name, _spec, _conv in string.Formatter().parse(words)
             if name}
    if "what" in facts:
        facts["what"] = _(ARRAY_KINDS[facts["what"]]) if facts["what"] in ARRAY_KINDS else \
            _("dtype {dtype}", dtype=facts["what"])
    return _("{description} (a value of type {type})", description=_(words, **facts), type=value.type_name)


def format_value(value: object, depth: int = 0) -> str:
    """A readable rendering: `[1.0, 2.5]`, `np.array([1.0, 2.5])`, `1.5`, an array's shape."""
    if isinstance(value, Unsupported):
        return describe_unsupported(value)
    if isinstance(value, (list, tuple)) and depth >= MAX_DEPTH_SHOWN:
        return "[...]" if isinstance(value, list) else "(...)"
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return format_number(value.item())
        if value.ndim == 1:
            return _as_arange(value) or f"np.array([{_format_items(value.tolist(), format_number)}])"
        return f"np.array({_nested(value)})  # shape {value.shape}"
    if isinstance(value, (bool, int, float, np.generic)):
        return format_number(value)
    if isinstance(value, list):
        return f"[{_format_items(value, lambda v: format_value(v, depth + 1))}]"
    if isinstance(value, tuple):
        inner = _format_items(value, lambda v: format_value(v, depth + 1))
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return str(value) if not isinstance(value, str) else repr(value)


def format_call(function: str, args) -> str:
    """`mse([1.0, 2.0], [2.0, 4.0], 0.5)`: the call as the student would type it."""
    return f"{function}({', '.join(_argument(a) for a in args)})"


class CallText:
    """A call as `format_call` writes it, written only when a message shows it (most calls pass, and
    writing a long array costs more than the call). The arguments are the grader's: nothing changes them."""

    __slots__ = ("function", "args", "_text")

    def __init__(self, function: str, args):
        self.function, self.args, self._text = function, args, None

    def __str__(self) -> str:
        if self._text is None:
            self._text = format_call(self.function, self.args)
        return self._text

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def _argument(value: object) -> str:
    """An argument as code: a 0-d array or a NumPy scalar is not a float, and a comment would end the call."""
    if isinstance(value, np.floating):
        return f"np.{type(value).__name__}({format_number(value)})"
    if isinstance(value, np.ndarray) and value.ndim != 1:
        return f"np.array({format_number(value.item()) if value.ndim == 0 else _nested(value)})"
    return format_value(value)
