"""A property that has passed replays its examples, in this process and the next: the same report as
hypothesis drawing them, faster. What is kept on disk is keyed by what the examples depend on."""

import json
import sys

import hypothesis
import pytest
from hypothesis.internal.conjecture import engine as hypothesis_engine
from hypothesis.internal.conjecture import providers
from hypothesis.internal.constants_ast import constants_from_module, is_local_module_file

from grader import replay
from grader.checking import Property

from conftest import ROOT

REFERENCE = ROOT / "solutions" / "linear_model.py"


def _wrong(tmp_path):
    source = REFERENCE.read_text(encoding="utf-8")
    path = tmp_path / "wrong" / "linear_model.py"
    path.parent.mkdir()
    path.write_text(source.replace("return total / len(x_data)", "return total / 3"))
    return path


def _same(report) -> dict:
    facts = report.to_dict()
    facts.pop("duration_s")
    return facts


@pytest.fixture
def hypothesis_runs(monkeypatch):
    """How many times hypothesis has run a property in full (drawing its examples) since the test began."""
    runs = []
    real_run = hypothesis_engine.ConjectureRunner.run
    monkeypatch.setattr(hypothesis_engine.ConjectureRunner, "run", lambda self: runs.append(1) or real_run(self))
    return runs


def _kept(lesson) -> dict:
    return json.loads(replay.path_for(lesson).read_text(encoding="utf-8"))


def test_a_new_process_replays_what_hypothesis_drew_and_gives_the_same_report(
        grade_file, lesson, tmp_path, first_grading, hypothesis_runs):
    kept, wrong = replay.path_for(lesson), _wrong(tmp_path)
    drawn = {wrong: _same(grade_file(wrong))}  # hypothesis draws every example
    first_grading()
    kept.unlink()
    drawn[REFERENCE] = _same(grade_file(REFERENCE))
    assert hypothesis_runs and kept.exists()

    first_grading()  # a new process: what it replays comes from the file
    hypothesis_runs.clear()
    assert _same(grade_file(REFERENCE)) == drawn[REFERENCE]
    assert hypothesis_runs == []  # every property replayed: hypothesis drew nothing
    assert _same(grade_file(wrong)) == drawn[wrong]  # replays that fail: hypothesis finds and shrinks as it did
    assert hypothesis_runs


def test_only_properties_that_passed_are_kept(grade_file, lesson, tmp_path, first_grading):
    report = grade_file(_wrong(tmp_path))
    failed = {c.name for e in report.exercises for c in e.checks if not c.passed}
    kept = {key.rsplit(".", 1)[1] for key in _kept(lesson)}
    properties = {c.name for c in lesson.checks() if isinstance(c.run, Property)}
    assert "mse_matches_on_data_sets" in failed
    assert kept == properties - failed


def test_examples_of_other_code_are_another_file(lesson, monkeypatch):
    """hypothesis's version, or a line of the grader or the lesson, changed: the examples are not read."""
    def digest():
        return replay._path_for.__wrapped__(lesson.stem, lesson.lesson_folder)

    ours = digest()
    monkeypatch.setattr(hypothesis, "__version__", hypothesis.__version__ + ".1")
    assert digest() != ours
    monkeypatch.undo()
    assert digest() == ours
    real = replay._sources
    monkeypatch.setattr(replay, "_sources", lambda folder: real(folder)[:-1])
    assert digest() != ours


@pytest.mark.parametrize("content", [
    "not JSON at all", "[1, 2]", '{"grader.lessons.linear_model.checks_model.loss_matches_the_squared_error": 7}',
    '{"grader.lessons.linear_model.checks_model.loss_matches_the_squared_error": []}',
    '{"grader.lessons.linear_model.checks_model.loss_matches_the_squared_error": [[[{"pickle": "x"}], {}]]}',
    '{"grader.lessons.linear_model.checks_model.loss_matches_the_squared_error": [[[{"ndarray": ["O", [1], "AA=="]}], {}]]}',
    "[" * 100_000 + "]" * 100_000,
])
def test_a_damaged_file_costs_time_and_nothing_else(grade_file, lesson, first_grading, hypothesis_runs, content):
    path = replay.path_for(lesson)
    cold = _same(grade_file(REFERENCE))
    first_grading()
    path.write_text(content, encoding="utf-8")
    hypothesis_runs.clear()
    assert _same(grade_file(REFERENCE)) == cold
    assert hypothesis_runs  # the damaged examples were drawn again


def test_hypothesis_draws_no_constant_of_a_module_loaded_in_the_grader(tmp_path, monkeypatch):
    """A module of the student's imported into a notebook's kernel (or the grader's own) would choose
    some of the examples: hypothesis draws constants from every local module loaded in its process."""
    (tmp_path / "helpers_of_a_student.py").write_text("CHOSEN = 7.123456789\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import helpers_of_a_student

    assert is_local_module_file(helpers_of_a_student.__file__)
    assert 7.123456789 in constants_from_module(helpers_of_a_student).floats  # hypothesis would use it
    assert 7.123456789 not in providers._get_local_constants().floats
    assert not any(providers._get_local_constants().set_for_type(kind) for kind in ("integer", "float", "string"))
    sys.modules.pop("helpers_of_a_student")
