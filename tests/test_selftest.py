"""The grader's own proof: reference full marks, stubs none, every mutant caught where it should be."""


import pytest

from grader.selftest import compose_mutant, gather, mutants

# Each mistake EXERCISES.md says the grader must catch, and the mutant that makes it.
MISTAKES = {
    "squaring forgotten": "loss/no_square",
    "abs used": "loss/absolute",
    "square root taken": "loss/square_root",
    "sum instead of mean": "mse/sum",
    "division by a hard-coded 3": "mse/divide_by_3",
    "division by n - 1": "mse/divide_by_n_minus_1",
    "running sum not reset": "mse_sweep/running_sum_not_reset",
    "reversed output": "mse_sweep/reversed",
    "sorted output": "mse_sweep/sorted",
    "(w, mse) pairs returned": "mse_sweep/pairs",
    "a global w used": "forward/global_w",
    "index of the minimum returned (best_w)": "best_w/index",
    "maximum taken (best_w)": "best_w/maximum",
    "index of the minimum returned (best_wb)": "best_wb/indices",
    "maximum taken (best_wb)": "best_wb/maximum",
    "the lesson's meshgrid reshape (to_grid)": "to_grid/lesson_reshape",
    "the lesson's meshgrid reshape (mse_grid)": "mse_grid/lesson_reshape",
    "indexing='ij' layout (mse_grid)": "mse_grid/ij_layout",
    "indexing='ij' layout (to_grid)": "to_grid/ij_layout",
    "axes sorted where the loop ran over unsorted values (to_grid)": "to_grid/sorted_axes",
    "axes sorted (mse_grid)": "mse_grid/sorted_axes",
    "an input changed in place (loss)": "loss/in_place",
    "an input changed in place (forward_wb)": "forward_wb/in_place",
    "a list argument emptied (mse)": "mse/pops_its_data",
    "a plot whose line is not the given data": "plot_sweep/wrong_data",
    "labels missing (curve)": "plot_sweep/no_labels",
    "labels missing (surface)": "plot_surface/no_labels",
    "a 2-D plot where a 3-D surface is asked": "plot_surface/flat_2d",
}


@pytest.fixture(scope="module")
def evidence(lesson):
    return {item.name: item for item in gather(lesson)}


def test_every_listed_mistake_has_a_mutant(lesson):
    names = {f"{p.parent.name}/{p.stem}" for p in mutants(lesson)}
    assert set(MISTAKES.values()) <= names


def test_the_reference_earns_everything_and_the_stubs_nothing(evidence):
    for name in ("reference", "reference (.zh.ipynb)", "stubs (.py)", "stubs (.ipynb)", "stubs (.zh.py)",
                 "stubs (.zh.ipynb)"):
        assert evidence[name].ok, evidence[name].detail


def test_every_mutant_loses_points_on_its_exercise_only(evidence):
    failed = [f"{e.name}: {e.detail}" for e in evidence.values() if not e.ok]
    assert not failed
    assert sum(name.startswith("mutant") for name in evidence) >= len(MISTAKES)


def test_a_mutant_replaces_only_its_function_and_the_rest_keeps_the_reference():
    reference = "def f(x):\n    return x\n\ndef g(x):\n    return f(x) + 1\n"
    composed = compose_mutant(reference, "def f(x):\n    return -x\n")
    space = {}
    exec(composed, space)
    assert space["f"](2) == -2 and space["g"](2) == 3


def test_a_mutant_that_is_not_a_mistake_is_reported_as_not_caught(lesson, tmp_path):
    """The selftest itself can fail: a 'mutant' that is really correct is flagged."""
    from grader.selftest import _judge_mutant

    harmless = tmp_path / "mse" / "harmless.py"
    harmless.parent.mkdir()
    harmless.write_text('"""Not a mistake at all."""\n\n\ndef mse(x_data, y_data, w):\n'
                        '    return sum(loss(x, y, w) for x, y in zip(x_data, y_data)) / len(x_data)\n')
    outcome = _judge_mutant(lesson.stem, harmless)
    assert not outcome.ok and "not caught" in outcome.detail
