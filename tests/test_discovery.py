"""One discovery rule: which file of a hand-in is graded, decided by content, the others named."""

import json
import shutil

import pytest

from conftest import ROOT
from grader.discovery import SubmissionError, choose, lesson_functions

STUB = ROOT / "exercises" / "linear_model.py"
STUB_NOTEBOOK = ROOT / "exercises" / "linear_model.ipynb"
REFERENCE = ROOT / "solutions" / "linear_model.py"


def notebook_of(source: str) -> str:
    return json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": {},
                       "cells": [{"cell_type": "code", "id": "c1", "metadata": {}, "execution_count": None,
                                  "outputs": [], "source": source}]})


@pytest.fixture(scope="module")
def functions(lesson):
    return lesson_functions(lesson)


def test_the_lesson_functions_are_those_the_exercise_leaves_as_stubs(functions):
    assert "mse" in functions and "best_wb" in functions
    assert len(functions) == 11  # the exercise gives the two plotting functions whole


def test_a_completed_notebook_beats_the_untouched_stub_beside_it(tmp_path, functions):
    shutil.copy(STUB, tmp_path / "linear_model.py")
    (tmp_path / "linear_model.ipynb").write_text(notebook_of(REFERENCE.read_text()))
    found = choose(tmp_path, "linear_model", functions)
    assert found.path.name == "linear_model.ipynb"
    note = found.note(tmp_path)
    assert "11 of 11 functions written" in note and "linear_model.py (untouched stub)" in note


def test_the_stub_is_graded_when_the_notebook_is_the_untouched_one(tmp_path, functions):
    shutil.copy(REFERENCE, tmp_path / "linear_model.py")
    shutil.copy(STUB_NOTEBOOK, tmp_path / "linear_model.ipynb")
    assert choose(tmp_path, "linear_model", functions).path.name == "linear_model.py"


def test_nested_exercises_are_found_and_caches_venvs_hidden_and_links_are_not(tmp_path, functions):
    (tmp_path / "exercises").mkdir()
    shutil.copy(REFERENCE, tmp_path / "exercises" / "linear_model.py")
    for junk in ("__pycache__", ".git", "venv", ".ipynb_checkpoints", "out"):
        (tmp_path / junk).mkdir()
        shutil.copy(REFERENCE, tmp_path / junk / "linear_model.py")
    (tmp_path / "env").mkdir()
    (tmp_path / "env" / "pyvenv.cfg").write_text("")
    (tmp_path / "link.py").symlink_to(REFERENCE)
    found = choose(tmp_path, "linear_model", functions, skip=(tmp_path / "out",))
    assert found.path == tmp_path / "exercises" / "linear_model.py"
    assert found.others == ()


def test_a_half_finished_file_that_does_not_parse_still_beats_the_stub(tmp_path, functions):
    shutil.copy(STUB, tmp_path / "linear_model.py")
    (tmp_path / "mine.py").write_text("def forward(x, w):\n    return x * w\n\ndef mse(x, y, w):\n    return (\n")
    assert choose(tmp_path, "linear_model", functions).path.name == "mine.py"


def test_ties_go_to_the_lesson_name_then_the_py_file(tmp_path, functions):
    shutil.copy(REFERENCE, tmp_path / "answer.py")
    shutil.copy(REFERENCE, tmp_path / "linear_model.py")
    (tmp_path / "linear_model.ipynb").write_text(notebook_of(REFERENCE.read_text()))
    found = choose(tmp_path, "linear_model", functions)
    assert found.path.name == "linear_model.py"
    assert sorted(o.path.name for o in found.others) == ["answer.py", "linear_model.ipynb"]


def test_nothing_to_grade_says_so(tmp_path, functions):
    with pytest.raises(SubmissionError, match="no such file"):
        choose(tmp_path / "nothing.py", "linear_model", functions)
    (tmp_path / "notes.txt").write_text("")
    with pytest.raises(SubmissionError, match="no .py or .ipynb"):
        choose(tmp_path, "linear_model", functions)


def test_check_grades_a_repository_the_way_gradescope_receives_it(tmp_path):
    from conftest import run_grader

    (tmp_path / "exercises").mkdir()
    shutil.copy(REFERENCE, tmp_path / "exercises" / "linear_model.ipynb.py")
    shutil.copy(STUB, tmp_path / "linear_model.py")
    result = run_grader("check", tmp_path, "--format", "json")
    report = json.loads(result.stdout)
    assert report["score"] == 100, result.stderr
    assert "linear_model.py (untouched stub)" in report["notes"][0]
