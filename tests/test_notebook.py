"""`grader.check()` in a real Jupyter kernel (run by nbclient), and the pieces it is made of."""

import json

import nbformat
import pytest
from nbclient import NotebookClient

from grader.notebook import grader_names, without_grader
from grader.render import html
from grader.report import FAILED, CheckResult, ExerciseResult, Report

from conftest import ROOT


def _reference_cells() -> list[str]:
    """The reference as a student's notebook would hold it: one cell per `# %%` cell of the file."""
    source = (ROOT / "solutions" / "linear_model.py").read_text(encoding="utf-8")
    cells = [c for c in source.split("# %%") if c.strip() and not c.startswith(" [markdown]")]
    return [c.replace("### BEGIN SOLUTION", "").replace("### END SOLUTION", "") for c in cells]


def _run(cells: list[str]) -> list:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    NotebookClient(notebook, timeout=240, kernel_name="python3").execute()
    return notebook.cells


def _result(cell) -> dict:
    return next(o["data"] for o in cell.outputs if o["output_type"] == "execute_result")


def _printed(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o["output_type"] == "stream")


@pytest.fixture(scope="module")
def kernel_run():
    """One kernel: the reference, a check of everything, then a wrong `mse` and a check of it."""
    with open(ROOT / "tests" / "mutants" / "linear_model" / "mse" / "divide_by_3.py", encoding="utf-8") as f:
        wrong_mse = f.read()
    return _run([
        *_reference_cells(),
        "calls = []\n_mse = mse\ndef mse(*args):\n    calls.append(args)\n    return _mse(*args)",
        "import grader\nreport = grader.check()\nreport",
        "import json\nprint(json.dumps({'score': report.score, 'kernel_calls': len(calls)}))",
        "second = grader.check()\nprint(second.score == report.score)",
        wrong_mse,
        "grader.check('mse')",
    ])


def test_the_kernels_functions_are_graded_in_the_sandbox_not_in_the_kernel(kernel_run):
    printed = json.loads(_printed(kernel_run[-4]))
    assert printed["score"] == 100.0
    assert printed["kernel_calls"] == 0  # the student's mse never ran in the kernel's process
    shown = _result(kernel_run[-5])
    assert "Score: 100/100" in shown["text/plain"]
    assert "<table>" in shown["text/html"] and "100 / 100" in shown["text/html"]
    assert "files confined" in shown["text/plain"] or "NOT confined" in shown["text/plain"]
    assert _printed(kernel_run[-3]).strip() == "True"  # the warm second call: the same report


def test_a_function_redefined_in_a_later_cell_is_graded_as_the_kernel_has_it_now(kernel_run):
    shown = _result(kernel_run[-1])
    assert "✗ mse" in shown["text/plain"] and "Score: 10/10" not in shown["text/plain"]
    assert "divide by len(x_data)" in shown["text/plain"]
    assert "✗" in shown["text/html"] and "divide by len(x_data)" in shown["text/html"]
    assert "forward" not in shown["text/plain"].split("What to fix")[0]  # only the exercise asked for


def test_a_kernel_that_ran_nothing_of_the_lesson_gets_a_graded_zero():
    cells = _run(["import grader\ngrader.check()"])
    shown = _result(cells[0])["text/plain"]
    assert "Score: 0/100" in shown


def test_statements_using_the_grader_are_left_out_and_the_running_cell_stops_at_the_first():
    cells = ["import grader as g\ndef mse(x, y, w):\n    return 0", "r = g.check()\nr", "x = 1\ng.check()\ny = 2"]
    names = grader_names(cells)
    assert {"g", "r"} <= names
    assert without_grader(cells[0], names) == "\ndef mse(x, y, w):\n    return 0"
    assert without_grader(cells[1], names).strip() == ""
    assert without_grader(cells[2], names, last=True) == "x = 1\n\n"
    assert without_grader(cells[2], names) == "x = 1\n\ny = 2"
    assert without_grader("def (:", names) == "def (:"  # the child reports the syntax error


def test_the_html_report_escapes_what_the_students_code_returned():
    check = CheckResult("c", "mse <b>title</b>", FAILED, 0.0, 4.0, "returned '<script>alert(1)</script>'", "a < b")
    report = Report("linear_model", "k", (ExerciseResult("mse", "MSE", (check,)),))
    shown = html.render(report, title="Lesson")
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "<b>title</b>" not in shown and "a &lt; b" in shown
