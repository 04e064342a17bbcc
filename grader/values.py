"""Showing values to a student: short, exact enough to retype, the way they would write them."""

from __future__ import annotations

import numpy as np

MAX_ITEMS_SHOWN = 8


def format_number(x: float) -> str:
    if isinstance(x, (bool, np.bool_)):
        return repr(bool(x))
    if isinstance(x, (int, np.integer)):
        return repr(int(x))
    text = repr(float(x))
    return text if len(text) <= 12 else f"{float(x):.8g}"


def _format_items(items, show) -> str:
    items = list(items)
    shown = [show(v) for v in items[:MAX_ITEMS_SHOWN]]
    if len(items) > MAX_ITEMS_SHOWN:
        shown.append(f"... {len(items) - MAX_ITEMS_SHOWN} more")
    return ", ".join(shown)


def format_value(value: object) -> str:
    """A readable rendering: `[1.0, 2.5]`, `np.array([1.0, 2.5])`, `1.5`, an array's shape."""
    if isinstance(value, np.ndarray):
        if value.ndim == 0:
            return format_number(value.item())
        if value.ndim == 1:
            return f"np.array([{_format_items(value.tolist(), format_number)}])"
        rows = _format_items((format_value(row)[9:-1] for row in value), str)
        return f"np.array([{rows}])  # shape {value.shape}"
    if isinstance(value, (bool, int, float, np.generic)):
        return format_number(value)
    if isinstance(value, list):
        return f"[{_format_items(value, format_value)}]"
    if isinstance(value, tuple):
        inner = _format_items(value, format_value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return str(value) if not isinstance(value, str) else repr(value)


def format_call(function: str, args) -> str:
    """`mse([1.0, 2.0], [2.0, 4.0], 0.5)`: the call as the student would type it."""
    return f"{function}({', '.join(format_value(a) for a in args)})"
