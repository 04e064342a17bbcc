"""Speed work must not change a word of a report: every report here is compared with the one recorded.

The recorded reports (`tests/reports/`) are the JSON reports, without the fields that say how long
and where it ran, of the references, the untouched stubs and a set of mutants, graded cold (spawned
children, hypothesis drawing every example) and warm (a fork server's child started before the
submission is known, with the examples of a first grading replayed as a new process replays them,
from the file `replay` keeps). After changing a message on purpose, record them again:
`python tests/test_reports_unchanged.py`.
"""

import json
import sys
from pathlib import Path

import pytest

from conftest import forget_examples
from grader import assignment as assignments
from grader.engine import grade
from grader.sandbox.process import ForkServer, Limits
from grader.selftest import compose_mutant

ROOT = Path(__file__).resolve().parent.parent
RECORDED = Path(__file__).resolve().parent / "reports"
MUTANTS = Path(__file__).resolve().parent / "mutants"
SUBMISSIONS = {
    "linear_model": ["solutions", "exercises.py", "exercises.ipynb", "mse/divide_by_3", "mse/pops_its_data",
                     "mse_sweep/sorts_its_input", "loss/in_place", "mse_grid/ij_layout", "to_grid/sorted_axes",
                     "best_wb/indices", "predict/ignores_the_search", "plot_sweep/wrong_data",
                     "plot_surface/flat_2d"],
    "gradient_descent": ["solutions", "exercises.py", "gradient/sign_flipped", "train/global_w",
                         "plot_costs/swapped_axes"],
}
CASES = [(stem, name) for stem, names in SUBMISSIONS.items() for name in names]


def _submission(stem: str, name: str, folder: Path) -> Path:
    """The file to grade, always named <stem>.py or .ipynb, so its report does not name a temporary folder."""
    if name == "solutions":
        source = (ROOT / "solutions" / f"{stem}.py").read_text(encoding="utf-8")
    elif name.startswith("exercises"):
        source = (ROOT / "exercises" / f"{stem}{name[len('exercises'):]}").read_text(encoding="utf-8")
    else:
        reference = (ROOT / "solutions" / f"{stem}.py").read_text(encoding="utf-8")
        source = compose_mutant(reference, (MUTANTS / stem / f"{name}.py").read_text(encoding="utf-8"))
    path = folder / f"{stem}{'.ipynb' if name.endswith('.ipynb') else '.py'}"
    path.write_text(source, encoding="utf-8")
    return path


def _facts(report) -> dict:
    facts = report.to_dict()
    for varies in ("duration_s", "submission", "sandbox", "grader_version"):  # time, place, machine, release
        facts.pop(varies)
    return facts


def _recorded(stem: str, name: str) -> Path:
    return RECORDED / stem / f"{name.replace('/', '--')}.json"


@pytest.fixture(scope="module")
def warm():
    """A grader kept warm as `--watch` keeps it: one fork server, and the examples of a first grading
    of each reference, read back from the file they were kept in."""
    with ForkServer() as forks:
        for stem in SUBMISSIONS:
            grade(assignments.load(stem), ROOT / "solutions" / f"{stem}.py", forks=forks)
        forget_examples()
        yield forks


@pytest.mark.parametrize("stem, name", CASES)
def test_a_cold_grading_gives_the_recorded_report(stem, name, tmp_path, first_grading):
    report = grade(assignments.load(stem), _submission(stem, name, tmp_path))
    assert _facts(report) == json.loads(_recorded(stem, name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem, name", CASES)
def test_a_warm_grading_gives_the_recorded_report(stem, name, tmp_path, warm):
    warm.prepare(Limits())  # as --watch does while the student edits
    report = grade(assignments.load(stem), _submission(stem, name, tmp_path), forks=warm)
    assert _facts(report) == json.loads(_recorded(stem, name).read_text(encoding="utf-8"))


def record() -> None:
    """Grade every case cold (no examples kept: hypothesis draws them all) and write its report to tests/reports/."""
    import tempfile

    from grader import replay

    for stem, name in CASES:
        with tempfile.TemporaryDirectory() as folder:
            replay.path_for = lambda assignment: Path(folder) / "examples.json"
            forget_examples()
            report = grade(assignments.load(stem), _submission(stem, name, Path(folder)))
        path = _recorded(stem, name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(_facts(report), indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                        encoding="utf-8")
        print(path.relative_to(ROOT), report.score)


if __name__ == "__main__":
    sys.exit(record())
