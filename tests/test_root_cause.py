"""Root cause across functions: a function that is wrong only through the student's own helper names it.

Found from what the functions return: the student's mse_sweep is exactly their mse of each w,
their predict exactly x times their best_w. (`--isolate-functions` also keeps the caller's points:
test_isolation.py.)
"""

import pytest

from conftest import ROOT

REFERENCE = (ROOT / "solutions" / "linear_model.py").read_text()


def graded(grade_file, tmp_path, old: str, new: str):
    assert old in REFERENCE
    path = tmp_path / "linear_model.py"
    path.write_text(REFERENCE.replace(old, new, 1))
    return {e.id: e for e in grade_file(path).exercises}


def failing_hints(exercise) -> list:
    return [c.hint for c in exercise.checks if not c.passed]


def test_a_sweep_of_a_wrong_mse_names_mse_to_fix_first(grade_file, tmp_path):
    report = graded(grade_file, tmp_path, "return total / len(x_data)", "return total / 3")
    assert failing_hints(report["mse"])
    hints = failing_hints(report["mse_sweep"])
    assert hints and all(h.startswith("`mse_sweep` returns your `mse` of each w, and your `mse` is wrong") and
                         h.endswith("Fix `mse` first.") for h in hints)


def test_a_prediction_from_a_wrong_best_w_names_best_w_to_fix_first(grade_file, tmp_path):
    report = graded(grade_file, tmp_path, "return w_values[int(np.argmin(costs))]",
                    "return w_values[int(np.argmax(costs))]")
    hints = failing_hints(report["predict"])
    assert hints and all("your `best_w` is wrong" in h and h.endswith("Fix `best_w` first.") for h in hints)


def test_a_wrong_sweep_of_a_right_mse_keeps_its_own_hint(grade_file, tmp_path):
    report = graded(grade_file, tmp_path, "return np.array([mse(x_data, y_data, w) for w in w_values])",
                    "return np.array([mse(x_data, y_data, w) for w in w_values][::-1])")
    hints = failing_hints(report["mse_sweep"])
    assert hints and not any("Fix `mse` first" in h for h in hints)


WRONG_HELPER = {  # caller: (the helper made wrong in place, the submission's only mistake)
    "loss": ("forward", "    return x * w\n", "    return x * w + 1\n"),
    "mse": ("loss", "return (forward(x, w) - y) ** 2", "return forward(x, w) - y"),
    "best_w": ("mse_sweep", "return np.array([mse(x_data, y_data, w) for w in w_values])",
               "return np.array([mse(x_data, y_data, w) for w in w_values][::-1])"),
    "mse_wb": ("forward_wb", "return x * w + b", "return x * w - b"),
    "mse_grid": ("mse_wb", "return sum(errors) / len(errors)", "return sum(errors)"),
    "best_wb": ("mse_grid", "MSE[i, j] = mse_wb(", "MSE[i, j] = -mse_wb("),
}
WRONG_ITSELF = {  # caller: its own mistake, with every helper right
    "loss": ("return (forward(x, w) - y) ** 2", "return abs(forward(x, w) - y)"),
    "mse": ("return total / len(x_data)", "return total / 3"),
    "best_w": ("return w_values[int(np.argmin(costs))]", "return w_values[int(np.argmax(costs))]"),
    "mse_wb": ("return sum(errors) / len(errors)", "return sum(errors) / 3"),
    "mse_grid": ("MSE[i, j] = mse_wb(x_data, y_data, W[i, j], B[i, j])",
                 "MSE[i, j] = mse_wb(x_data, y_data, W[i, j], B[i, j]) + 1"),
    "best_wb": ("np.unravel_index(np.argmin(MSE), MSE.shape)", "np.unravel_index(np.argmax(MSE), MSE.shape)"),
}


def graded_only(grade_file, tmp_path, exercise: str, old: str, new: str):
    assert REFERENCE.count(old) == 1
    path = tmp_path / "linear_model.py"
    path.write_text(REFERENCE.replace(old, new))
    return grade_file(path, only=exercise).exercises[0]


@pytest.mark.parametrize("caller", WRONG_HELPER)
def test_a_caller_of_a_wrong_helper_names_the_helper_to_fix_first(grade_file, tmp_path, caller):
    helper, old, new = WRONG_HELPER[caller]
    hints = failing_hints(graded_only(grade_file, tmp_path, caller, old, new))
    assert hints and all(f"and your `{helper}` is wrong" in h and h.endswith(f"Fix `{helper}` first.") for h in hints)


@pytest.mark.parametrize("caller", WRONG_ITSELF)
def test_a_wrong_caller_of_right_helpers_keeps_its_own_hint(grade_file, tmp_path, caller):
    hints = failing_hints(graded_only(grade_file, tmp_path, caller, *WRONG_ITSELF[caller]))
    assert hints and not any("first." in h and "and your `" in h for h in hints)


def test_helpers_whose_answers_do_not_fit_together_leave_the_failure_as_it_is(grade_file, tmp_path):
    """A sweep one value too long (its smallest past the end of w_values) under a wrong best_w: the
    explanation cannot be built (an index out of range), so best_w fails as it would; it is never
    turned into a fault of the grader, whose points are not counted against the student."""
    source = REFERENCE.replace("return np.array([mse(x_data, y_data, w) for w in w_values])",
                               "return np.array([mse(x_data, y_data, w) for w in w_values] + [-1.0])", 1)
    source = source.replace("return w_values[int(np.argmin(costs))]", "return w_values[0]", 1)
    path = tmp_path / "linear_model.py"
    path.write_text(source)
    best_w = next(e for e in grade_file(path).exercises if e.id == "best_w")
    assert best_w.status == "failed" and best_w.for_review == 0 and best_w.score < best_w.max_score
