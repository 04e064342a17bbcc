"""A property that has passed replays its examples, in this process and the next: the same report as
hypothesis drawing them, faster. What is kept on disk is keyed by what the examples depend on."""

import json
import os
import signal
import sys

import hypothesis
import numpy as np
import pytest
from hypothesis.internal.conjecture import engine as hypothesis_engine
from hypothesis.internal.constants_ast import constants_from_module, is_local_module_file

from grader import assignment as assignments, replay
from grader.checking import Property
from grader.engine import grade

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


DAMAGED = "grader.lessons.linear_model.checks_model.loss_matches_the_squared_error"


@pytest.fixture
def drawing(monkeypatch, lesson):
    """The names of the properties whose examples hypothesis draws (not replays) from now on."""
    names = []
    for check in lesson.checks():
        if isinstance(check.run, Property):
            test = check.run._test
            monkeypatch.setattr(check.run, "_test", lambda *a, _t=test, _n=check.name: names.append(_n) or _t(*a))
    return names


@pytest.mark.parametrize("entry", [
    "7", "[]", '[[[{"pickle": "x"}], {}]]', '[[[{"ndarray": ["O", [1], "AA=="]}], {}]]',
    '[[[{"ndarray": ["' + "f8," * 1000 + '", [1], "AA=="]}], {}]]', '[[[{"tuple": 5}], {}]]',
])
def test_a_damaged_entry_is_drawn_again_and_the_rest_replayed(grade_file, lesson, first_grading, drawing, entry):
    cold = _same(grade_file(REFERENCE))
    path = replay.path_for(lesson)
    text = path.read_text(encoding="utf-8")
    assert DAMAGED in text
    kept = json.loads(text)
    first_grading()
    path.write_text(json.dumps({**kept, DAMAGED: None}).replace("null", entry), encoding="utf-8")
    drawing.clear()
    assert _same(grade_file(REFERENCE)) == cold
    assert drawing == [DAMAGED.rsplit(".", 1)[1]]


@pytest.mark.parametrize("content", ["not JSON at all", "[1, 2]", "[" * 100_000 + "]" * 100_000])
def test_a_damaged_file_is_drawn_again(grade_file, lesson, first_grading, drawing, content):
    cold = _same(grade_file(REFERENCE))
    first_grading()
    replay.path_for(lesson).write_text(content, encoding="utf-8")
    drawing.clear()
    assert _same(grade_file(REFERENCE)) == cold
    assert len(drawing) == len([c for c in lesson.checks() if isinstance(c.run, Property)])


def test_a_named_pipe_in_place_of_the_file_is_not_waited_on(tmp_path):
    fifo = tmp_path / "examples.json"
    os.mkfifo(fifo)
    class Waited(Exception):
        """Not an OSError, which the reader takes for an unreadable file."""

    def waited(*_):
        raise Waited("the read waited for a writer")

    before = signal.signal(signal.SIGALRM, waited)
    signal.alarm(10)
    try:
        assert replay._read_file(fifo) == {}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def _exactly(value):
    """The value's types, dtypes, shapes and bytes, all the way down (the markers as themselves)."""
    if isinstance(value, (list, tuple)):
        return [type(value).__name__, [_exactly(v) for v in value]]
    if isinstance(value, dict):
        return ["dict", {k: _exactly(v) for k, v in value.items()}]
    if isinstance(value, (np.ndarray, np.generic)):
        return [type(value).__name__, value.dtype.str, value.shape, value.tobytes()]
    return [type(value).__name__, repr(value)]


def _zero_dimensional(value) -> bool:
    if isinstance(value, (list, tuple)):
        return any(map(_zero_dimensional, value))
    if isinstance(value, dict):
        return any(map(_zero_dimensional, value.values()))
    return isinstance(value, np.ndarray) and value.ndim == 0


def test_every_example_comes_back_from_the_file_exactly(first_grading):
    """Every kind the lessons' strategies draw (lists, tuples, arrays of any dimension, NumPy scalars)
    comes back as the same type, dtype, shape and bytes."""
    lessons = [assignments.load(stem) for stem in ("linear_model", "gradient_descent")]
    drawn, zero_dimensional = {}, False
    for lesson in lessons:
        grade(lesson, ROOT / "solutions" / f"{lesson.stem}.py")
        for check in lesson.checks():
            if isinstance(check.run, Property):
                drawn[check.name] = _exactly(check.run.examples)
                zero_dimensional |= _zero_dimensional(check.run.examples)
    assert zero_dimensional
    first_grading()
    for lesson in lessons:
        replay.restore(lesson, lesson.checks())
        for check in lesson.checks():
            if isinstance(check.run, Property):
                assert _exactly(check.run.examples) == drawn[check.name], check.name


def test_a_function_wrong_only_for_a_zero_dimensional_array_fails_after_a_replay(tmp_path, lesson, first_grading):
    wrong = tmp_path / "wrong" / "linear_model.py"
    wrong.parent.mkdir()
    source = REFERENCE.read_text(encoding="utf-8")
    wrong.write_text(source.replace("    return x * w\n", "    if isinstance(x, np.ndarray) and x.ndim == 0:\n"
                                    "        return x * w + 1.0\n    return x * w\n", 1), encoding="utf-8")
    drawn = _same(grade(lesson, wrong))
    assert drawn["score"] < 100
    grade(lesson, REFERENCE)  # keeps every property's examples
    first_grading()
    assert _same(grade(lesson, wrong)) == drawn


def test_a_worker_adds_to_what_another_wrote_since_it_read_the_file(lesson, first_grading):
    path = replay.path_for(lesson)
    path.write_text(json.dumps({"another.check": [[[1.0], {}]]}), encoding="utf-8")
    replay._load(path)  # read at this worker's first grading
    path.write_text(json.dumps({"another.check": [[[1.0], {}]], "a.second": [[[2.0], {}]]}), encoding="utf-8")
    grade(lesson, REFERENCE)  # draws every property and keeps them
    kept = json.loads(path.read_text(encoding="utf-8"))
    properties = [c for c in lesson.checks() if isinstance(c.run, Property)]
    assert {"another.check", "a.second"} <= set(kept) and len(kept) == 2 + len(properties)


def test_only_the_newest_files_of_a_lesson_are_kept(lesson, first_grading):
    folder = replay.path_for(lesson).parent
    for age in range(10):
        old = folder / f"linear_model-old{age}.json"
        old.write_text("{}", encoding="utf-8")
        os.utime(old, (1000 + age, 1000 + age))
    (folder / "gradient_descent-old.json").write_text("{}", encoding="utf-8")
    grade(lesson, REFERENCE)
    assert sorted(p.name for p in folder.glob("*.json")) == sorted(
        [replay.path_for(lesson).name, "gradient_descent-old.json",
         *(f"linear_model-old{age}.json" for age in range(3, 10))])


def test_hypothesis_draws_no_constant_of_a_module_loaded_in_the_grader(tmp_path, monkeypatch):
    """A module of the student's imported into a notebook's kernel (or the grader's own) would choose
    some of the examples: hypothesis draws constants from every local module loaded in its process."""
    (tmp_path / "helpers_of_a_student.py").write_text("CHOSEN = 123457\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    import helpers_of_a_student

    assert is_local_module_file(helpers_of_a_student.__file__)
    assert 123457 in constants_from_module(helpers_of_a_student).integers  # what hypothesis would use
    drawn = []

    @hypothesis.settings(max_examples=1000, derandomize=True, database=None, phases=[hypothesis.Phase.generate])
    @hypothesis.given(hypothesis.strategies.integers(0, 10**9))
    def draws(n):
        drawn.append(n)

    try:
        draws()
    finally:
        sys.modules.pop("helpers_of_a_student")
    assert len(drawn) > 500 and 123457 not in drawn
