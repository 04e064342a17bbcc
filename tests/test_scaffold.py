"""`grader new STEM`: a new lesson that builds and proves itself before the author adds to it."""

import shutil

import pytest

from conftest import ROOT, run_grader


@pytest.mark.parametrize("stem, words", [
    ("Lesson3", "is not a valid stem"),
    ("3rd_lesson", "is not a valid stem"),
    ("class", "is not a valid stem"),
    ("linear_model", "exists already"),
    ("json", "is the name of a Python module"),
])
def test_new_refuses_an_invalid_or_existing_stem_in_one_line(stem, words):
    result = run_grader("new", stem)
    assert result.returncode == 2 and words in result.stderr and len(result.stderr.splitlines()) == 1
    assert not (ROOT / "solutions" / f"{stem}.py").exists() or stem == "linear_model"


def test_a_new_lesson_builds_and_passes_its_selftest(tmp_path):
    kit = tmp_path / "kit"
    for name in ("grader", "solutions", "exercises", "tests/mutants"):
        shutil.copytree(ROOT / name, kit / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", kit)
    made = run_grader("new", "demo_lesson", "--title", "A demo", cwd=kit)
    assert made.returncode == 0, made.stderr
    for path in ("solutions/demo_lesson.py", "grader/lessons/demo_lesson/__init__.py",
                 "grader/lessons/demo_lesson/checks.py"):
        assert (kit / path).is_file() and path in made.stdout
    assert list((kit / "tests" / "mutants" / "demo_lesson").glob("*/*.py"))
    assert run_grader("build", "--lesson", "demo_lesson", cwd=kit).returncode == 0
    assert "raise NotImplementedError" in (kit / "exercises" / "demo_lesson.py").read_text()
    catalog = (kit / "grader/lessons/demo_lesson/locale/zh/LC_MESSAGES/demo_lesson.po").read_text()
    assert 'msgid "Return 2 * x."' in catalog and 'msgid "an example: twice x"' in catalog  # for the translator
    assert (kit / "exercises" / "demo_lesson.zh.ipynb").is_file()
    proof = run_grader("selftest", "--lesson", "demo_lesson", cwd=kit)
    assert proof.returncode == 0 and "7 passed, 0 failed" in proof.stdout, proof.stdout + proof.stderr
    assert run_grader("new", "demo_lesson", cwd=kit).returncode == 2
