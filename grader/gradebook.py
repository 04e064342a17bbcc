"""The class's results: grades.csv, a Canvas import file, and a summary of what to reteach.

Everything here reads the rows `batch.grade_class` returns (one per student, with the
student's JSON report) and computes nothing about grading itself.
"""

from __future__ import annotations

import csv
import statistics
from collections import Counter
from pathlib import Path

from .assignment import Assignment


def write_grades(rows: list[dict], assignment: Assignment, path: Path) -> None:
    """One row per student: id, total, one column per exercise, status and reason."""
    exercises = [e.id for e in assignment.exercises]
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["student", "total", "max", *exercises, "status", "reason"])
        for row in rows:
            report = row.get("report")
            points = {e["id"]: e["score"] for e in report["exercises"]} if report else {}
            total = f"{report['score']:g}" if report else ""
            top = f"{report['max_score']:g}" if report else ""
            out.writerow([row["student"], total, top, *(_number(points.get(e)) for e in exercises),
                          row["status"], row.get("reason", "")])


def write_canvas(rows: list[dict], assignment: Assignment, path: Path, column: str = "") -> None:
    """Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment.

    The student id goes in `SIS Login ID` (and `Student`), which Canvas matches when the ID
    columns are empty; a `Points Possible` row sets the assignment's points.
    """
    column = column or assignment.title
    maximum = next((r["report"]["max_score"] for r in rows if r.get("report")), "")
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["Student", "ID", "SIS User ID", "SIS Login ID", "Section", column])
        out.writerow(["Points Possible", "", "", "", "", _number(maximum)])
        for row in rows:
            score = row["report"]["score"] if row.get("report") else ""
            out.writerow([row["student"], "", "", row["student"], "", _number(score)])


def _number(value) -> str:
    return "" if value in (None, "") else f"{value:g}"


def summarise(rows: list[dict]) -> dict:
    """The class in numbers: scores, each exercise's share of full marks, the commonest failures."""
    reports = [r["report"] for r in rows if r.get("report") and not r["report"]["errors"]]
    scores = [r["score"] for r in reports]
    exercises: dict[str, list[bool]] = {}
    failures: Counter = Counter()
    hints: dict[tuple, Counter] = {}
    for report in reports:
        for exercise in report["exercises"]:
            exercises.setdefault(exercise["id"], []).append(exercise["score"] == exercise["max_score"])
            for check in exercise["checks"]:
                if not check["passed"] and check["status"] != "not implemented":
                    name = (exercise["id"], check["id"])
                    failures[name] += 1
                    hints.setdefault(name, Counter())[check["hint"]] += 1
    return {
        "students": len(rows),
        "graded": len(reports),
        "not_graded": [(r["student"], r["status"], r.get("reason", "")) for r in rows
                       if not r.get("report") or r["report"]["errors"]],
        "scores": scores,
        "max_score": reports[0]["max_score"] if reports else 0,
        "full_marks": {e: sum(v) / len(v) for e, v in exercises.items()},
        "failing": [(e, title, n, hints[(e, title)].most_common(1)[0][0])
                    for (e, title), n in sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))],
    }


def write_summary(rows: list[dict], out: Path, title: str) -> Path:
    """summary.md with three charts: the scores, each exercise, the commonest failures."""
    facts = summarise(rows)
    charts = _draw(facts, out)
    scores = facts["scores"]
    lines = [f"# {title}: the class", "",
             f"{facts['students']} submissions, {facts['graded']} graded, {len(facts['not_graded'])} not graded.", ""]
    if scores:
        lines += [f"Scores out of {facts['max_score']:g}: mean {statistics.mean(scores):.1f}, median "
                  f"{statistics.median(scores):g}, lowest {min(scores):g}, highest {max(scores):g}; "
                  f"{sum(s == facts['max_score'] for s in scores)} with full marks.", "",
                  f"![scores]({charts[0]})", "", "## Exercises: share of students with full marks", "",
                  "| exercise | full marks |", "|---|---|"]
        lines += [f"| `{e}` | {share:.0%} |" for e, share in facts["full_marks"].items()]
        lines += ["", f"![exercises]({charts[1]})", "", "## What to reteach: the commonest failing checks", "",
                  "| exercise | check | students | the hint they got most |", "|---|---|---|---|"]
        lines += [f"| `{e}` | {name} | {n} | {hint} |" for e, name, n, hint in facts["failing"][:15]]
        if facts["failing"]:
            lines += ["", f"![failing checks]({charts[2]})"]
    if facts["not_graded"]:
        lines += ["", "## Not graded", "", "| student | status | reason |", "|---|---|---|"]
        lines += [f"| {s} | {status} | {reason.replace('|', '/')} |" for s, status, reason in facts["not_graded"]]
    path = out / "summary.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _draw(facts: dict, out: Path) -> tuple[str, str, str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    names = ("scores.png", "exercises.png", "failing_checks.png")
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(facts["scores"], bins=20, range=(0, facts["max_score"] or 1), color="tab:blue")
    ax.set(xlabel="score", ylabel="students", title="Scores")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    fig.savefig(out / names[0], dpi=100)
    fig, ax = plt.subplots(figsize=(6, 4))
    exercises = list(facts["full_marks"])
    ax.barh(exercises[::-1], [facts["full_marks"][e] for e in exercises[::-1]], color="tab:green")
    ax.set(xlabel="share of students with full marks", xlim=(0, 1), title="Exercises")
    fig.tight_layout()
    fig.savefig(out / names[1], dpi=100)
    fig, ax = plt.subplots(figsize=(9, 4))
    top = facts["failing"][:10][::-1]
    ax.barh([name for _, name, _, _ in top], [n for _, _, n, _ in top], color="tab:red")
    ax.set(xlabel="students", title="Commonest failing checks")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.subplots_adjust(left=0.42, right=0.97, bottom=0.14)
    fig.savefig(out / names[2], dpi=100)
    plt.close("all")
    return names
