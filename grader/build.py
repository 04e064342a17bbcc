"""Generate the student files from the reference: `grader build`.

The reference `solutions/<stem>.py` is written in the percent format (`# %%` starts a
code cell, `# %% [markdown]` a markdown cell whose lines are comments), so one file
gives both twins: the `.py` exercise keeps the markers (editors show them as cells), and
the notebook gets one cell per marker. Every `### BEGIN SOLUTION` ... `### END SOLUTION`
region (nbgrader's markers) becomes a stub that raises NotImplementedError. Each translated
language gets a twin of both (`exercises/<stem>.zh.py` and `.zh.ipynb`): the same code, with
the markdown cells and docstrings from the lesson's catalog. The translation catalogs are
built here too, so that one command keeps every generated file current and
`grader build --check` sees every drift.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Callable

from .assignment import Assignment

BEGIN = re.compile(r"^(\s*)### BEGIN SOLUTION\s*$")
END = re.compile(r"^\s*### END SOLUTION\s*$")
CELL = re.compile(r"^# %%(?P<markdown> \[markdown\])?\s*$")
STUB = ("# YOUR CODE HERE", "raise NotImplementedError")


class BuildError(Exception):
    """The reference's markers are malformed."""


def strip_solutions(source: str, name: str = "solution") -> str:
    """Replace each solution region by a stub at the region's indentation."""
    out, indent, begun_at = [], None, 0
    for number, line in enumerate(source.splitlines(), start=1):
        begin = BEGIN.match(line)
        if begin:
            if indent is not None:
                raise BuildError(f"{name}, line {number}: BEGIN SOLUTION inside the region begun at line {begun_at}")
            indent, begun_at = begin.group(1), number
            out += [indent + text for text in STUB]
        elif END.match(line):
            if indent is None:
                raise BuildError(f"{name}, line {number}: END SOLUTION without BEGIN SOLUTION")
            indent = None
        elif indent is None:
            out.append(line)
    if indent is not None:
        raise BuildError(f"{name}, line {begun_at}: BEGIN SOLUTION is never ended")
    return "\n".join(out) + "\n"


def cells(source: str) -> list[tuple[str, str]]:
    """The percent-format cells of `source`, as (cell type, text)."""
    found: list[tuple[str, list[str]]] = []
    for line in source.splitlines():
        marker = CELL.match(line)
        if marker:
            found.append(("markdown" if marker.group("markdown") else "code", []))
        elif found:
            kind, lines = found[-1]
            lines.append(re.sub(r"^# ?", "", line) if kind == "markdown" else line)
    return [(kind, "\n".join(lines).strip("\n")) for kind, lines in found]


def notebook_text(source: str, stem: str) -> str:
    import nbformat
    from nbformat import v4

    notebook = v4.new_notebook(metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    for number, (kind, text) in enumerate(cells(source), start=1):
        make = v4.new_markdown_cell if kind == "markdown" else v4.new_code_cell
        notebook.cells.append(make(text, id=f"{stem}-{number:02d}"))
    nbformat.validate(notebook)
    return nbformat.writes(notebook) + "\n"


def translated(source: str, translate: Callable[[str], str]) -> str:
    """`source` with its docstrings and markdown cells (the texts `catalogs.exercise_texts` lists) translated."""
    lines = source.splitlines()
    tree = ast.parse(source)
    documented = [node for node in [tree, *ast.walk(tree)]
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node)]
    for node in sorted(documented, key=lambda n: n.body[0].lineno, reverse=True):
        literal, text = node.body[0].value, translate(ast.get_docstring(node)).replace("\\", "\\\\")
        indent = " " * literal.col_offset
        head = lines[literal.lineno - 1].encode()[:literal.col_offset].decode()  # ast's offsets count bytes
        tail = lines[literal.end_lineno - 1].encode()[literal.end_col_offset:].decode()
        rows = [text.splitlines()[0], *(row and indent + row for row in text.splitlines()[1:])]
        closing = f"\n{indent}" if len(rows) > 1 else ""
        lines[literal.lineno - 1:literal.end_lineno] = (head + '"""' + "\n".join(rows) + closing + '"""'
                                                        + tail).splitlines()
    out: list[str] = []
    markdown: list[str] | None = None  # the lines of the markdown cell being read
    for line in [*lines, "# %%"]:  # a last marker closes the last cell
        marker = CELL.match(line)
        if markdown is not None and not marker:
            markdown.append(line)
            continue
        if markdown is not None:
            end = max((n + 1 for n, row in enumerate(markdown) if row.strip()), default=0)
            text = "\n".join(re.sub(r"^# ?", "", row) for row in markdown[:end])
            out += [f"# {row}".rstrip() for row in translate(text).splitlines()] if text else []
            out += markdown[end:]  # the blank lines after the cell
        markdown = [] if marker and marker.group("markdown") else None
        out.append(line)
    return "\n".join(out[:-1]) + "\n"


def twin_paths(assignment: Assignment, language: str) -> tuple[Path, Path]:
    """The exercise's twin in `language`: exercises/<stem>.<language>.py and .ipynb."""
    return tuple(path.with_name(f"{assignment.stem}.{language}{path.suffix}") for path in assignment.exercise_paths)


def twin_reference(assignment: Assignment, language: str) -> str:
    """The reference with the texts of the `language` twin: what a student who finished that twin hands in."""
    from .catalogs import lesson_domain, translator

    reference = assignment.solution_path.read_text(encoding="utf-8")
    return translated(reference, translator(lesson_domain(assignment), language))


def student_files(assignment: Assignment) -> dict[Path, str]:
    """What exercises/ should hold, generated from the reference."""
    reference = assignment.solution_path.read_text(encoding="utf-8")
    exercise = strip_solutions(reference, assignment.solution_path.name)
    py_path, notebook_path = assignment.exercise_paths
    return {py_path: exercise, notebook_path: notebook_text(exercise, assignment.stem)}


def twin_files(assignment: Assignment) -> dict[Path, str]:
    """The exercise's twins in every translated language, generated from the reference and the lesson's catalog."""
    from .catalogs import TRANSLATED

    files = {}
    for language in TRANSLATED:
        exercise = strip_solutions(twin_reference(assignment, language), assignment.solution_path.name)
        py_path, notebook_path = twin_paths(assignment, language)
        files.update({py_path: exercise, notebook_path: notebook_text(exercise, assignment.stem)})
    return files


def build(assignment: Assignment, *, check_only: bool = False) -> list[Path]:
    """Write the student files and their twins (or, with `check_only`, only compare); return the stale ones."""
    files = {**student_files(assignment), **twin_files(assignment)}
    return _write({path: text.encode("utf-8") for path, text in files.items()}, check_only)


def build_catalogs(names: set[str] | None = None, *, check_only: bool = False) -> list[Path]:
    """Bring the translation catalogs of these domains (default: all) up to date; return the stale files."""
    from .catalogs import domains, expected_files

    return [path for domain in domains() if names is None or domain.name in names
            for path in _write(expected_files(domain), check_only)]


def _write(files: dict[Path, bytes], check_only: bool) -> list[Path]:
    stale = []
    for path, content in files.items():
        if not path.exists() or path.read_bytes() != content:
            stale.append(path)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(content)
    return stale
