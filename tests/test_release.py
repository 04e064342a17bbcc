"""The student release: installs into a fresh environment, grades offline, holds no solution."""

import json
import os
import site
import subprocess
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import ROOT, run_grader
from grader.checking import Check
from grader.release import leaked_lines, solution_lines, without_checks
from grader.selftest import compose_mutant

REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    folder = tmp_path_factory.mktemp("release") / "kit"
    result = run_grader("release", folder, "--lesson", "linear_model")
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture(scope="module")
def student_python(release, tmp_path_factory):
    """A fresh virtual environment with the release installed (editable), and nothing else of ours.

    Its dependencies (NumPy, matplotlib, hypothesis, nbformat) come from this environment's
    site-packages through a .pth file; pip fetches only the build backend, as for any install.
    """
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    purelib = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    ours = [p for p in {sysconfig.get_paths()["purelib"], *site.getsitepackages()} if os.path.isdir(p)]
    Path(purelib, "outer_dependencies.pth").write_text("\n".join(ours) + "\n")
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", release],
                   check=True, capture_output=True, timeout=300)
    return python


def student_grader(python, release, *args):
    return subprocess.run([python, "-m", "grader", *map(str, args)], cwd=release.parent,
                          capture_output=True, text=True, timeout=300, env={**os.environ, "PYTHONPATH": ""})


def test_no_line_of_the_solution_is_in_the_release(release):
    assert solution_lines(REFERENCE)  # the check looks for something
    assert leaked_lines(release, REFERENCE) == []
    assert not (release / "solutions").exists() and not (release / "tests").exists()


def test_the_release_ignores_what_installing_leaves_and_speaks_to_students_only(release):
    ignored = (release / ".gitignore").read_text().split()
    assert {".venv/", "*.egg-info/", "__pycache__/"} <= set(ignored)
    readme = (release / "README.md").read_text()
    assert "grader check" in readme and "workflow" not in readme and ".github" not in readme


def collect_from(space):
    return [f.grader_check for f in space.values() if isinstance(getattr(f, "grader_check", None), Check)]


def test_the_leak_check_would_see_a_copied_solution(tmp_path):
    (tmp_path / "copy.py").write_text(REFERENCE)
    assert leaked_lines(tmp_path, REFERENCE)


def test_hidden_checks_are_taken_out_by_the_check_objects_however_they_are_spelled():
    source = ('from grader.checking import check\nSECRET = {"hidden": True}\n\n'
              '@check("mse", 1)\ndef public(student):\n    """a"""\n\n'
              '@check("mse", 2, **SECRET)\ndef secret(student):\n    """b"""\n')
    space = {"__name__": "lesson_checks"}
    exec(source, space)
    hidden = {c.name for c in collect_from(space) if c.hidden}
    kept = without_checks(source, hidden)
    assert hidden == {"secret"} and "def public" in kept and "def secret" not in kept


def test_the_installed_release_grades_the_stubs_and_says_hidden_checks_exist(student_python, release):
    result = student_grader(student_python, release, "check", release / "exercises" / "linear_model.py")
    assert result.returncode == 1, result.stderr
    assert "0 / 60" in result.stdout
    assert "12 hidden checks (40 points) are not part of this copy" in result.stdout
    assert "hidden=True" not in "".join(p.read_text() for p in (release / "grader").rglob("checks_*.py"))


def test_the_installed_release_gives_the_reference_every_public_point(student_python, release, tmp_path):
    answer = tmp_path / "linear_model.py"
    answer.write_text(REFERENCE)
    result = student_grader(student_python, release, "check", answer, "--format", "json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["score"] == report["max_score"] == 60
    assert report["withheld"] == {"checks": 12, "points": 40}
    where = subprocess.run([student_python, "-c", "import grader; print(grader.__file__)"], cwd=release.parent,
                           capture_output=True, text=True).stdout
    assert where.startswith(str(release))  # the release's grader, not the instructor's


def test_the_installed_release_catches_a_mutant_without_recorded_answers_missing(student_python, release, tmp_path):
    answer = tmp_path / "linear_model.py"
    answer.write_text(compose_mutant(REFERENCE, (ROOT / "tests/mutants/linear_model/mse_sweep/reversed.py").read_text()))
    report = json.loads(student_grader(student_python, release, "check", answer, "--format", "json").stdout)
    lost = {e["id"] for e in report["exercises"] if e["score"] < e["max_score"]}
    assert lost == {"mse_sweep"}
    assert not any("could not finish" in c["message"] for e in report["exercises"] for c in e["checks"])


@pytest.mark.parametrize("command", ["check", "grade"])
def test_isolating_functions_needs_the_reference(student_python, release, tmp_path, command):
    target = release / "exercises" / "linear_model.py" if command == "check" else tmp_path
    result = student_grader(student_python, release, command, target, "--lesson", "linear_model",
                            "--isolate-functions")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "--isolate-functions needs the reference solution" in result.stderr


def test_instructor_commands_are_not_in_the_release(student_python, release):
    result = student_grader(student_python, release, "build")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_the_release_speaks_chinese_without_a_word_of_its_hidden_checks(release):
    import gettext

    from grader.assignment import load

    catalog = release / "grader" / "lessons" / "linear_model" / "locale" / "zh" / "LC_MESSAGES" / "linear_model.mo"
    messages = gettext.GNUTranslations(catalog.open("rb"))._catalog
    checks = load("linear_model").checks()
    hidden = [c.title for c in checks if c.hidden]
    assert hidden and not [title for title in hidden if title in messages]
    assert all(c.title in messages for c in checks if not c.hidden)  # the public checks are translated
    assert (release / "exercises" / "linear_model.zh.py").exists()
    assert (release / "exercises" / "linear_model.zh.ipynb").exists()
