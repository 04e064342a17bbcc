"""Signatures first: a student function that cannot be called as the contract calls it is not run.

The contract is read from the reference's source (or, in a student release, from the exercise
file, which has the same signatures) with `ast`: nothing is imported. The student's side comes
from the child's import reply: each function's parameters (a default written as a trailing
"=") and the global names its code reads.
"""

from __future__ import annotations

import ast
from pathlib import Path

from .i18n import _, n_


def contract(source_file: Path, names) -> dict[str, tuple[str, ...]]:
    """{function: its parameter names} for the top-level functions called `names`."""
    tree = ast.parse(source_file.read_text(encoding="utf-8"))
    wanted = set(names)
    return {node.name: tuple(a.arg for a in node.args.posonlyargs + node.args.args)
            for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in wanted}


def _callable_with(parameters: tuple[str, ...], n: int) -> bool:
    """Can a function with these parameters be called with n positional arguments and nothing else?"""
    star = next((i for i, p in enumerate(parameters) if p.startswith("*") and not p.startswith("**")), None)
    positional = parameters[:star] if star is not None else [p for p in parameters if not p.startswith("**")]
    keyword_only = parameters[star + 1:] if star is not None else ()
    required = sum(not p.endswith("=") for p in positional)
    if any(not p.endswith("=") and not p.startswith("**") for p in keyword_only):
        return False
    return required <= n and (len(positional) >= n or (star is not None and parameters[star] != "*"))


def written(name: str, parameters) -> str:
    return f"{name}({', '.join(p.rstrip('=') + ('=...' if p.endswith('=') else '') for p in parameters)})"


def _globals_read(name: str, student: dict) -> dict[str, str]:
    """{global name: through which of the student's functions} that `name` reads, following its calls."""
    found, seen, todo = {}, {name}, [(name, "")]
    while todo:
        function, through = todo.pop(0)
        for read in student[function][1]:
            if read in student and read not in seen:
                seen.add(read)
                todo.append((read, through or read))
            found.setdefault(read, through)
    return found


def mismatch(name: str, wanted: tuple[str, ...], student: dict) -> tuple[str, str] | None:
    """(message, hint) when `name(*wanted)` cannot call the student's function; None when it can.

    `student` is {function: (parameters, global names it reads)} for every function they wrote.
    """
    parameters = student[name][0]
    if _callable_with(parameters, len(wanted)):
        return None
    theirs, ours = written(name, parameters), written(name, wanted)
    message = n_("Not run: your function is `{theirs}`, but the exercise's is `{ours}`: the grader calls it "
                 "with {n} argument, as the exercise file writes it.",
                 "Not run: your function is `{theirs}`, but the exercise's is `{ours}`: the grader calls it "
                 "with {n} arguments, as the exercise file writes it.", len(wanted), theirs=theirs, ours=ours)
    plain = {p.lstrip("*").rstrip("=") for p in parameters}
    reads = _globals_read(name, student)
    from_globals = [p for p in wanted if p not in plain and p in reads]
    if from_globals:
        names = _(" and ").join(f"`{p}`" for p in from_globals)
        via = {reads[p] for p in from_globals} - {""}
        through = _(" (through your `{function}`)", function=sorted(via)[0]) if via else ""
        return message, _("`{name}` reads {names} from a global variable{through}, as the lesson's script does; "
                          "a function must get what it uses as an argument: write `def {ours}:` and use the "
                          "{names} it is given.", name=name, names=names, through=through, ours=ours)
    return message, _("Keep the arguments of the exercise file: `def {ours}:`.", ours=ours)
