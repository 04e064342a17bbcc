"""A warm process replays a passing property's examples: the same report as a cold grading, faster."""

from hypothesis.internal.conjecture import engine as hypothesis_engine

from grader import checking

from conftest import ROOT


def _wrong(tmp_path):
    source = (ROOT / "solutions" / "linear_model.py").read_text(encoding="utf-8")
    path = tmp_path / "linear_model.py"
    path.write_text(source.replace("return total / len(x_data)", "return total / 3"))
    return path


def _same(report) -> dict:
    facts = report.to_dict()
    facts.pop("duration_s")
    return facts


def test_replayed_examples_give_the_report_hypothesis_gives(grade_file, tmp_path, monkeypatch):
    reference, wrong = ROOT / "solutions" / "linear_model.py", _wrong(tmp_path)
    cold = {path: _same(grade_file(path)) for path in (reference, wrong)}
    monkeypatch.setattr(checking, "REPLAY", True)
    assert _same(grade_file(reference)) == cold[reference]  # records what hypothesis drew

    runs = []
    real_run = hypothesis_engine.ConjectureRunner.run
    monkeypatch.setattr(hypothesis_engine.ConjectureRunner, "run", lambda self: runs.append(1) or real_run(self))
    assert _same(grade_file(reference)) == cold[reference]
    assert runs == []  # every property replayed: hypothesis drew nothing
    assert _same(grade_file(wrong)) == cold[wrong]  # a replay that fails: hypothesis finds and shrinks it
    assert runs  # ... by running in full
    assert _same(grade_file(reference)) == cold[reference]
