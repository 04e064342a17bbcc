"""`grader.check()` inside a Jupyter kernel: grade what the kernel has defined now, no save needed.

The student's functions are never run in the kernel's process, and the kernel's variables
are never touched: the grader reads the cells the kernel has run so far (IPython's raw input
history, in the order they ran), and a sandboxed child replays them, exactly as it runs a
saved notebook's cells (`grader check x.ipynb`), under the same confinement and checks.
Statements that use the grader itself (`import grader`, `grader.check()`) are left out, and
in the cell being run, so is everything from the first of them on: it has not run yet.

The grader's state stays warm in the kernel between calls: the checks and the reference
are imported once, a fork server with NumPy and matplotlib loaded supplies each call's
child (started after the call before, `ForkServer.prepare`), and a property that has passed replays
its examples instead of drawing them again (`replay`), so a second call costs only the calls into
the student's code.
"""

from __future__ import annotations

import ast
import atexit
import sys

from . import assignment as assignments, i18n
from .engine import grade_program
from .render import html, text
from .report import Report
from .sandbox.process import ForkServer, Limits, Program
from .submission import _blank_magics

SUBMISSION = i18n.N_("the notebook's kernel")
_WARM: dict = {}  # the fork server, kept between calls; closed when the kernel exits


class NotebookReport:
    """A report that shows itself: an HTML table in Jupyter, the terminal's text elsewhere.

    Every field of the report is read through it (`report.score`, `report.exercises`, ...).
    """

    def __init__(self, report: Report, title: str):
        self.report, self.title = report, title
        self.language = i18n.current()  # its messages' language: the words around them are shown in it too

    def __getattr__(self, name: str):
        return getattr(self.report, name)

    def _repr_html_(self) -> str:
        with i18n.speaking(self.language):
            return html.render(self.report, title=self.title)

    def __repr__(self) -> str:
        with i18n.speaking(self.language):
            return text.render(self.report, title=self.title)


def check(exercise: str | None = None, *, assignment: str | None = None, limits: Limits = Limits(),
          lang: str | None = None) -> NotebookReport:
    """Grade the functions this kernel has defined, or only `exercise` (`grader.check("mse")`), in `lang`
    ("en" or "zh"; by default a release's recorded choice, else the kernel's locale)."""
    i18n.use(lang or assignments.release_language())
    chosen = _pick_assignment(assignment, exercise)
    cells = kernel_cells()
    if cells:
        program, errors = Program(module=chosen.stem, chunks=cells, tolerant=True), []
    else:
        program, errors = None, [i18n._("No cell has run in this kernel yet: run the cells that define your "
                                        "functions, then check again.")]
    shown = i18n._(SUBMISSION)
    report = grade_program(chosen, program, shown, shown, only=exercise, limits=limits,
                           forks=_fork_server(), errors=errors)
    _fork_server().prepare(limits)  # the next call's child, forked and confined before it is needed
    return NotebookReport(report, i18n.translate(chosen.title))


def _fork_server() -> ForkServer:
    if "forks" not in _WARM:
        _WARM["forks"] = ForkServer(spin=True)
        atexit.register(_WARM["forks"].close)
    return _WARM["forks"]


def _user_namespace() -> dict:
    shell = _shell()
    if shell is not None:
        return shell.user_ns
    return vars(sys.modules["__main__"])


def _shell():
    """The running IPython shell, if this is one (a Jupyter kernel or IPython in a terminal)."""
    ipython = sys.modules.get("IPython")
    return ipython.get_ipython() if ipython is not None else None


def _pick_assignment(stem: str | None, exercise: str | None) -> assignments.Assignment:
    """The assignment named, else the one whose functions this kernel defines most of."""
    known = assignments.available()
    if stem is not None:
        return assignments.load(stem)
    lessons = [assignments.load(s) for s in known]
    if exercise is not None:
        lessons = [a for a in lessons if exercise in {e.id for e in a.exercises}] or lessons
    if len(lessons) == 1:
        return lessons[0]
    defined = {name for name, value in _user_namespace().items() if callable(value)}
    return max(lessons, key=lambda a: len(defined & {e.id for e in a.exercises}))


def kernel_cells() -> list[dict]:
    """The cells this kernel has run, in order, as the child's chunks (one per cell).

    Outside IPython (a plain script that calls `grader.check()`), the script's own file is the one chunk.
    """
    shell = _shell()
    if shell is not None:
        history = list(shell.history_manager.input_hist_raw)[1:]  # In[0] is always empty
        numbered = [(n, source) for n, source in enumerate(history, start=1)]
    else:
        path = getattr(sys.modules["__main__"], "__file__", None)
        if not path or not path.endswith(".py"):
            raise RuntimeError(i18n._("grader.check() grades the cells a Jupyter kernel or IPython has run; "
                                      "from a terminal, run `grader check YOUR_FILE.py`"))
        with open(path, encoding="utf-8") as f:
            numbered = [(1, f.read())]
    sources = [(n, _blank_magics(source)) for n, source in numbered]
    names = grader_names(source for _, source in sources)
    chunks = []
    for position, (n, source) in enumerate(sources, start=1):
        code = without_grader(source, names, last=position == len(sources))
        if code.strip():
            chunks.append({"source": code, "filename": f"In [{n}]", "label": f"In [{n}]"})
    return chunks


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError):
        return None  # the child reports the error, as the kernel did


def grader_names(sources) -> set[str]:
    """The names the grader goes by in these cells: `grader`, what it was imported as, and what
    was assigned from it (`report = grader.check()`), since those statements are left out too."""
    names = {"grader"}
    for tree in filter(None, map(_parse, sources)):
        for statement in tree.body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Import):
                    names |= {a.asname or a.name for a in node.names if a.name.split(".")[0] == "grader"}
                elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "grader":
                    names |= {a.asname or a.name for a in node.names}
            if _uses_grader(statement, names):
                names |= {n.id for n in ast.walk(statement) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    return names


def without_grader(source: str, names: set[str] = frozenset({"grader"}), last: bool = False) -> str:
    """`source` with every top-level statement that uses the grader (by one of `names`) blanked,
    line numbers kept; when `last` (the cell running now), everything from the first such one on."""
    tree = _parse(source)
    if tree is None:
        return source
    lines = source.split("\n")
    for statement in tree.body:
        if _uses_grader(statement, names):
            end = len(lines) if last else statement.end_lineno
            for number in range(statement.lineno - 1, end):
                lines[number] = ""
            if last:
                break
    return "\n".join(lines)


def _uses_grader(statement: ast.stmt, names: set[str]) -> bool:
    for node in ast.walk(statement):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id in names:
            return True
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            if any(module.split(".")[0] == "grader" for module in modules):
                return True
    return False
