"""Signatures first: a function the contract cannot call is not run, and one message says why."""

from pathlib import Path

import pytest

from conftest import SUBMISSIONS, lost
from fixture_lesson import ASSIGNMENT as TINY
from grader.engine import grade
from grader.signatures import mismatch

PASTED = SUBMISSIONS / "broken" / "pasted_lesson_script.py"
REFERENCE = TINY.solution_path.read_text()


def messages(report, exercise: str) -> set:
    return {(c.message, c.hint) for e in report.exercises if e.id == exercise for c in e.checks}


def test_the_pasted_lesson_script_is_told_to_add_w_as_a_parameter(grade_file):
    report = grade_file(PASTED)
    (forward,) = messages(report, "forward")  # one message for every check of the exercise
    assert "`forward(x)`" in forward[0] and "`forward(x, w)`" in forward[0] and "Not run" in forward[0]
    assert "reads `w` from a global variable" in forward[1] and "def forward(x, w):" in forward[1]
    (loss,) = messages(report, "loss")
    assert "`loss(x, y)`" in loss[0] and "`loss(x, y, w)`" in loss[0]
    assert "through your `forward`" in loss[1]
    assert not any("TypeError" in m for e in report.exercises for c in e.checks for m in (c.message, c.hint))


@pytest.mark.parametrize("function", ["def double(x, factor=2):\n    return factor * x\n",
                                      "def double(*args):\n    return 2 * args[0]\n",
                                      "def double(x, *rest, **options):\n    return 2 * x\n",
                                      "def double(value, *, scale=2):\n    return scale * value\n"])
def test_a_signature_that_accepts_the_contract_call_is_graded_as_usual(tmp_path, function):
    path = tmp_path / "tiny.py"
    path.write_text(REFERENCE + "\n\n" + function)  # the later definition is the one graded
    report = grade(TINY, path)
    assert report.score == report.max_score, [c.message for e in report.exercises for c in e.checks]


@pytest.mark.parametrize("signature, hint", [
    ("double()", "`double` reads `x` from a global variable"),  # its body still says 2 * x
    ("double(x, y)", "Keep the arguments of the exercise file: `def double(x):`"),
    ("double(x, *, scale)", "Keep the arguments of the exercise file: `def double(x):`")])
def test_a_signature_the_contract_cannot_call_loses_the_exercise_with_one_message(tmp_path, signature, hint):
    path = tmp_path / "tiny.py"
    path.write_text(REFERENCE.replace("def double(x):", f"def {signature}:", 1))
    report = grade(TINY, path)
    (message, said), = messages(report, "double")
    assert f"`{signature}`" in message and "`double(x)`" in message
    assert hint in said
    assert "double" in lost(report) and "total" not in lost(report)


def test_mismatch_reads_defaults_varargs_and_keyword_only_parameters():
    def student(*parameters):
        return {"f": (parameters, ())}

    assert mismatch("f", ("x", "w"), student("x", "w=")) is None
    assert mismatch("f", ("x", "w"), student("x", "*", "k=")) is not None  # one positional only
    assert mismatch("f", ("x", "w"), student("x", "w", "*", "k=")) is None
    assert mismatch("f", ("x", "w"), student("x", "w", "b")) is not None
    assert mismatch("f", ("x", "w"), student("*args", "**kw")) is None
