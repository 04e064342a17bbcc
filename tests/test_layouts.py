"""The layouts real courses export: who is who, read from the names the LMS gives."""

import csv
import json
import shutil
import zipfile

import pytest

from conftest import ROOT, run_grader
from grader.batch import discover
from grader.discovery import SubmissionError

REFERENCE = ROOT / "solutions" / "linear_model.py"
STUB = ROOT / "exercises" / "linear_model.py"
STUB_NOTEBOOK = ROOT / "exercises" / "linear_model.ipynb"


def students(folder, lesson, **options):
    klass = discover(folder, lesson, **options)
    return klass.source, {s.id: s for s in klass.students}, klass.ignored


def test_canvas_download_names_give_the_user_id_the_name_and_the_late_marker(tmp_path, lesson):
    shutil.copy(REFERENCE, tmp_path / "smithalice_1234_5678_linear_model.py")
    shutil.copy(STUB, tmp_path / "jonesbob_LATE_2345_6789_linear_model.py")
    shutil.copy(REFERENCE, tmp_path / "jonesbob_LATE_2345_6790_linear_model-1.py")  # a re-upload
    source, found, _ = students(tmp_path, lesson)
    assert source == "canvas" and sorted(found) == ["1234", "2345"]
    assert found["1234"].name == "smithalice" and not found["1234"].late
    assert found["2345"].late and found["2345"].path.name == "jonesbob_LATE_2345_6790_linear_model-1.py"
    assert "untouched stub" in found["2345"].found  # the other file is named


def test_github_classroom_clones_are_ids_by_login(tmp_path, lesson):
    for login, source in (("alice", REFERENCE), ("bob-smith", STUB)):
        repo = tmp_path / f"lesson2-{login}"
        (repo / "exercises").mkdir(parents=True)
        (repo / ".git").mkdir()
        shutil.copy(source, repo / "exercises" / "linear_model.py")
        (repo / "grader").mkdir()
        (repo / "grader" / "cli.py").write_text("def main():\n    pass\n")
    source, found, _ = students(tmp_path, lesson)
    assert source == "classroom" and sorted(found) == ["alice", "bob-smith"]
    assert found["alice"].path == tmp_path / "lesson2-alice" / "exercises" / "linear_model.py"


def test_moodle_folders_per_student(tmp_path, lesson):
    for name, number in (("Alice Smith", 101), ("Bob Jones", 102)):
        folder = tmp_path / f"{name}_{number}_assignsubmission_file_"
        folder.mkdir()
        shutil.copy(REFERENCE, folder / "linear_model.py")
    source, found, _ = students(tmp_path, lesson)
    assert source == "moodle" and sorted(found) == ["101", "102"] and found["101"].name == "Alice Smith"


def test_a_gradescope_export_names_students_by_their_sid(tmp_path, lesson):
    for number in (11, 12):
        (tmp_path / f"submission_{number}").mkdir()
        shutil.copy(REFERENCE, tmp_path / f"submission_{number}" / "linear_model.py")
    (tmp_path / "submission_metadata.yml").write_text(
        "submission_11:\n  :submitters:\n  - :name: Alice Smith\n    :sid: '900'\n    :email: a@x.edu\n"
        "submission_12:\n  :submitters:\n  - :name: Bob Jones\n    :sid: ''\n    :email: b@x.edu\n")
    source, found, ignored = students(tmp_path, lesson)
    assert source == "gradescope" and sorted(found) == ["900", "b@x.edu"] and found["900"].name == "Alice Smith"
    assert ignored == ()


def test_an_id_pattern_reads_any_other_naming(tmp_path, lesson):
    shutil.copy(REFERENCE, tmp_path / "hw2-s001-final.py")
    shutil.copy(REFERENCE, tmp_path / "hw2-s002-final.py")
    (tmp_path / "readme.py").write_text("")
    source, found, ignored = students(tmp_path, lesson, id_pattern=r"^hw2-(?P<student>s\d+)-")
    assert source == "pattern" and sorted(found) == ["s001", "s002"] and ignored == ("readme.py",)


def test_duplicates_of_one_student_are_resolved_by_the_rule_and_named(tmp_path, lesson):
    shutil.copy(STUB, tmp_path / "alice.py")
    (tmp_path / "alice.ipynb").write_text(json.dumps({
        "nbformat": 4, "nbformat_minor": 5, "metadata": {},
        "cells": [{"cell_type": "code", "id": "c", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": REFERENCE.read_text()}]}))
    shutil.copy(REFERENCE, tmp_path / "bob.py")
    source, found, _ = students(tmp_path, lesson)
    assert source == "folder" and sorted(found) == ["alice", "bob"]
    assert found["alice"].path.name == "alice.ipynb" and "alice.py (untouched stub)" in found["alice"].found


def test_the_output_folder_inside_the_class_is_not_a_student(tmp_path, lesson):
    shutil.copy(REFERENCE, tmp_path / "alice.py")
    (tmp_path / "graded" / "reports").mkdir(parents=True)
    (tmp_path / "graded" / "reports" / "alice.json").write_text("{}")
    (tmp_path / "graded" / "x.py").write_text("")
    _, found, _ = students(tmp_path, lesson, skip=(tmp_path / "graded",))
    assert sorted(found) == ["alice"]


def test_a_canvas_zip_is_graded_into_canvas_ids_and_the_named_column(tmp_path):
    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(REFERENCE, "smithalice_1234_5678_linear_model.py")
        zipped.write(STUB, "jonesbob_LATE_2345_6789_linear_model.py")
        zipped.writestr("../escape.py", "print('outside')")
    canvas = tmp_path / "canvas.csv"
    result = run_grader("grade", "--lesson", "linear_model", archive, "--canvas", canvas, "--canvas-column", "Lesson 2 (77)", "-j", "1")
    assert result.returncode == 0, result.stderr
    assert "(canvas layout)" in result.stdout and not (tmp_path / "escape.py").exists()
    with open(canvas, newline="") as f:
        table = list(csv.reader(f))
    assert table[0][-1] == "Lesson 2 (77)"
    assert table[2:] == [["smithalice", "1234", "", "", "", "100"], ["jonesbob", "2345", "", "", "", "0"]]
    assert (tmp_path / "submissions-graded" / "grades.csv").exists()


def test_misuse_of_grade_says_what_to_give(tmp_path):
    shutil.copy(REFERENCE, tmp_path / "alice.py")
    result = run_grader("grade", tmp_path / "alice.py")
    assert result.returncode == 2 and "give the folder" in result.stderr and str(tmp_path) in result.stderr
    result = run_grader("grade", "--lesson", "linear_model", tmp_path, "--id-pattern", "^(?P<id>.*)$")
    assert result.returncode == 2 and "(?P<student>" in result.stderr
    bad = tmp_path / "bad.zip"
    bad.write_text("not a zip")
    with pytest.raises(SubmissionError, match="not a readable .zip"):
        from grader.roster import unpack

        unpack(bad, tmp_path / "unpacked")
