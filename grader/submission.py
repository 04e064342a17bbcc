"""Load a submission (a .py file or a notebook) into a `Program`; `discovery` finds it in a folder.

A notebook becomes one chunk per code cell, with IPython magics (`%...`) and shell lines
(`!...`) blanked so that line numbers still match the cell the student sees.
"""

from __future__ import annotations

import io
import json
import tokenize
import warnings
from pathlib import Path

from .i18n import _
from .sandbox.process import Program


class UnreadableSubmission(Exception):
    """The submission exists but cannot be read as code; it is graded 0 with this reason."""


def _blank_magics(source: str) -> str:
    lines = source.split("\n")
    return "\n".join("" if line.lstrip().startswith(("%", "!")) else line for line in lines)


def _python_text(data: bytes, name: str) -> str:
    try:
        encoding, _lines = tokenize.detect_encoding(io.BytesIO(data).readline)
        return data.decode(encoding)
    except (SyntaxError, LookupError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "reason", None) or str(exc)
        raise UnreadableSubmission(_("{file} is not UTF-8 text ({reason}); save it as UTF-8",
                                     file=name, reason=reason)) from None


def _notebook_cells(data: bytes, name: str) -> list[tuple[int, str]]:
    """The code cells as (position among all cells, counted from 1, source)."""
    import nbformat

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableSubmission(_("{file} is not UTF-8 text; is it really a notebook?", file=name)) from None
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableSubmission(_(
            "{file} is not a valid notebook: broken JSON at line {line}, column {column}"
            " (was it edited in a text editor?)", file=name, line=exc.lineno, column=exc.colno)) from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            notebook = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat raises several types for malformed notebooks
        raise UnreadableSubmission(_("{file} is not a valid notebook: {error}", file=name, error=exc)) from None
    cells = [(n, cell.get("source", "")) for n, cell in enumerate(notebook.get("cells", []), start=1)
             if cell.get("cell_type") == "code"]
    if not cells:
        raise UnreadableSubmission(_("{file} has no code cells", file=name))
    return [(n, "".join(s) if isinstance(s, list) else str(s)) for n, s in cells]


def load_program(path: Path, module: str, display: str | None = None) -> Program:
    """Read `path` into the chunks the child will execute."""
    display = display or path.name
    data = path.read_bytes()
    if path.suffix == ".ipynb":
        cells = _notebook_cells(data, display)
        chunks = [{"source": _blank_magics(source), "filename": _("{file}, cell {n}", file=display, n=n),
                   "label": _("cell {n}", n=n), "cell": True} for n, source in cells]
        return Program(module=module, chunks=chunks, tolerant=True)
    source = _python_text(data, display)
    if not source.strip():
        raise UnreadableSubmission(_("{file} is empty", file=display))
    return Program(module=module, chunks=[{"source": source, "filename": display, "label": None}],
                   tolerant=False)
