"""Root cause across functions: a function that is wrong only through the student's own helper names it.

Found from what the functions return: the student's mse_sweep is exactly their mse of each w,
their predict exactly x times their best_w. (`--isolate-functions` also keeps the caller's points:
test_isolation.py.)
"""

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
