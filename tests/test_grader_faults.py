"""A fault of the grader is not the student's failure: status `error`, points for review, exit 3.

The tiny fixture lesson gets one more check, whose own code raises (tests/fixture_lesson/
checks_faulty.py); a correct submission must keep every other point and lose none to it.
"""

import csv
import dataclasses
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from fixture_lesson import ASSIGNMENT as TINY
from grader import assignment as assignments, cli
from grader.engine import grade
from grader.render import github, gradescope, junit, markdown, text

FAULTY = dataclasses.replace(TINY, check_modules=(*TINY.check_modules, "checks_faulty"), _cache={})
SCHEMA = json.loads((Path(__file__).parent / "schemas" / "gradescope_results.schema.json").read_text())


@pytest.fixture(scope="module")
def report():
    return grade(FAULTY, TINY.solution_path)


def test_a_check_that_raises_in_the_grader_is_an_error_whose_points_are_not_lost(report):
    total = next(e for e in report.exercises if e.id == "total")
    broken = next(c for c in total.checks if c.name == "total_with_a_broken_check")
    assert broken.status == "error" and "IndexError" in broken.message
    assert total.status == "error" and total.for_review == 4
    assert report.incomplete and report.for_review == 4
    assert report.score == report.max_score - 4  # every other point earned: nothing counted as lost
    assert "incomplete" in report.score_line() and "4 points" in report.score_line()
    document = report.to_dict()
    assert document["incomplete"] is True and document["for_review"] == 4


def test_a_correct_submission_is_complete_and_not_for_review():
    clean = grade(TINY, TINY.solution_path)
    assert not clean.incomplete and clean.for_review == 0 and "incomplete" not in clean.score_line()


def test_junit_renders_the_fault_as_an_error_with_a_true_count(report):
    root = ET.fromstring(junit.render(report).split("\n", 1)[1])
    assert root.get("errors") == "1" and root.get("failures") == "0"
    suite = next(s for s in root if s.get("name") == "total")
    assert suite.get("errors") == "1" and suite.get("failures") == "0"
    case = next(c for c in suite if c.get("name") == "total_with_a_broken_check")
    assert case.find("error") is not None and case.find("failure") is None


def test_gradescope_classroom_and_human_reports_say_error(report):
    results = gradescope.results(report)
    jsonschema.validate(results, SCHEMA)
    broken = next(t for t in results["tests"] if "indexes past the end" in t["name"])
    assert "grader error" in broken["name"] and broken["output"].startswith("Grader error")
    assert "incomplete" in results["output"]
    assert '"status": "error"' in github.base64.b64decode(github.classroom_result(report)[7:]).decode()
    assert "for review" in text.render(report) and "incomplete" in text.render(report)
    assert "⚠️" in markdown.render(report) and "For review" in markdown.render(report)


def test_grader_check_exits_3_and_still_writes_its_reports(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(assignments, "available", lambda: ["tiny"])
    monkeypatch.setattr(assignments, "load", lambda stem: FAULTY)
    code = cli.main(["check", str(TINY.solution_path), "--junit", str(tmp_path / "j.xml"),
                     "--gradescope", str(tmp_path / "r.json")])
    assert code == cli.EXIT_GRADER_FAILED
    assert 'errors="1"' in (tmp_path / "j.xml").read_text() and (tmp_path / "r.json").exists()
    assert "for review" in capsys.readouterr().out


def test_the_gradebook_marks_the_student_for_review(monkeypatch, tmp_path):
    from grader import batch
    from grader.gradebook import summarise, write_grades
    from grader.sandbox.process import Limits

    monkeypatch.setitem(batch._WORKER, "assignment", FAULTY)
    monkeypatch.setitem(batch._WORKER, "forks", None)
    row = batch._grade_one(batch.Student("ada", TINY.solution_path), Limits(), False, tmp_path / "ada.json", "stamp")
    assert row["status"] == "for review" and "4 points" in row["reason"]
    write_grades([row], FAULTY, tmp_path / "grades.csv")
    header, line = list(csv.reader(open(tmp_path / "grades.csv")))
    assert line[header.index("status")] == "for review" and line[1] == f"{row['report']['score']:g}"
    assert summarise([row])["failing"] == []  # the grader's fault is no failure to reteach
