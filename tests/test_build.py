"""Generating the student files from the reference."""

import nbformat
import pytest

from grader.build import BuildError, cells, strip_solutions, student_files
from conftest import run_grader


def test_a_solution_region_becomes_a_stub_at_its_indentation():
    source = "def f(x):\n    ### BEGIN SOLUTION\n    return x\n    ### END SOLUTION\n"
    assert strip_solutions(source) == "def f(x):\n    # YOUR CODE HERE\n    raise NotImplementedError\n"


@pytest.mark.parametrize("source, words", [
    ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n", "inside the region"),
    ("### END SOLUTION\n", "without BEGIN"),
    ("### BEGIN SOLUTION\nx = 1\n", "never ended"),
])
def test_malformed_markers_are_errors_with_a_line_number(source, words):
    with pytest.raises(BuildError, match=words):
        strip_solutions(source)


def test_percent_cells_split_markdown_from_code():
    found = cells("# %% [markdown]\n# # Title\n# text\n\n# %%\nx = 1\n")
    assert found == [("markdown", "# Title\ntext"), ("code", "x = 1")]


def test_the_student_files_hold_no_solution_and_a_valid_notebook(lesson):
    files = student_files(lesson)
    exercise, notebook = files.values()
    assert "BEGIN SOLUTION" not in exercise and "return x * w" not in exercise
    assert exercise.count("# YOUR CODE HERE\n    raise NotImplementedError") == len(lesson.exercises)
    parsed = nbformat.reads(notebook, as_version=4)
    nbformat.validate(parsed)
    assert sum(cell.cell_type == "code" for cell in parsed.cells) >= len(lesson.exercises)
    assert student_files(lesson) == files  # deterministic: same text every build


def test_the_committed_exercises_are_up_to_date():
    result = run_grader("build", "--check")
    assert result.returncode == 0, result.stderr


def test_build_check_names_a_stale_file(tmp_path, lesson, monkeypatch):
    from grader import build

    stale = tmp_path / "linear_model.py"
    stale.write_text("old")
    monkeypatch.setattr(build, "student_files", lambda assignment: {stale: "new"})
    assert build.build(lesson, check_only=True) == [stale]
    assert stale.read_text() == "old"
