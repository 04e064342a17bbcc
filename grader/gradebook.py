"""The class's results: grades.csv, a Canvas import file, and a summary of what to reteach.

Everything here reads the rows `batch.grade_class` returns (one per student, with the
student's JSON report) and computes nothing about grading itself.
"""

from __future__ import annotations

import csv
import statistics
from collections import Counter
from pathlib import Path

from . import i18n
from .assignment import Assignment
from .i18n import _, n_


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


# Which Canvas gradebook column carries the student's id, by where the submissions came from: Canvas
# matches rows by `ID` (its user id), then `SIS User ID`, then `SIS Login ID` (formats.md, section 4).
CANVAS_ID_COLUMN = {"canvas": 1, "gradescope": 2}  # Gradescope's export gives the student's SID
CANVAS_HEADER = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]


def write_canvas(rows: list[dict], assignment: Assignment, path: Path, column: str | None = None,
                 source: str = "folder") -> None:
    """Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, then the assignment.

    The id goes in the column Canvas matches it by: `ID` for a Canvas export (its user id),
    `SIS User ID` for Gradescope's SID, `SIS Login ID` otherwise (a login or a name the
    instructor chose). `column` names an existing assignment ("Title (id)"); without it, Canvas
    creates a new one. Scores are the same as grades.csv: blank when nothing was graded.
    """
    column = column or assignment.title
    maximum = next((r["report"]["max_score"] for r in rows if r.get("report")), "")
    where = CANVAS_ID_COLUMN.get(source, 3)
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow([*CANVAS_HEADER, column])
        out.writerow(["Points Possible", "", "", "", "", _number(maximum)])
        for row in rows:
            score = row["report"]["score"] if row.get("report") else ""
            line = [row.get("name") or row["student"], "", "", "", ""]
            if not row["student"].startswith("anon_"):  # an anonymous Canvas id matches nobody
                line[where] = row["student"]
            out.writerow([*line, _number(score)])


def _number(value) -> str:
    return "" if value in (None, "") else f"{value:g}"


def summarise(rows: list[dict]) -> dict:
    """The class in numbers: scores, each exercise's share of full marks, the commonest failures."""
    reports = [r["report"] for r in rows if r.get("report")]  # a graded 0 (cannot be imported) counts
    scores = [r["score"] for r in reports]
    exercises: dict[str, list[bool]] = {}
    failures: Counter = Counter()
    hints: dict[tuple, Counter] = {}
    for report in reports:
        for exercise in report["exercises"]:
            exercises.setdefault(exercise["id"], []).append(exercise["score"] == exercise["max_score"])
            if report["errors"]:
                continue  # its checks all failed for one reason, counted once as `unimportable`
            for check in exercise["checks"]:
                if not check["passed"] and check["status"] not in ("not implemented", "error"):
                    name = (exercise["id"], check["id"])
                    failures[name] += 1
                    hints.setdefault(name, Counter())[check["hint"]] += 1
    return {
        "students": len(rows),
        "graded": len(reports),
        "not_graded": [(r["student"], r["status"], r.get("reason", "")) for r in rows if not r.get("report")],
        "unimportable": [(r["student"], r["reason"]) for r in rows if r.get("report") and r["report"]["errors"]],
        "scores": scores,
        "max_score": reports[0]["max_score"] if reports else 0,
        "full_marks": {e: sum(v) / len(v) for e, v in exercises.items()},
        "failing": [(e, title, n, hints[(e, title)].most_common(1)[0][0])
                    for (e, title), n in sorted(failures.items(), key=lambda kv: (-kv[1], kv[0]))],
    }


CHART_CHECKS = 15  # failing checks drawn; the table lists them all


def write_summary(rows: list[dict], out: Path, title: str, ignored: tuple[str, ...] = ()) -> Path:
    """summary.md with three charts: the scores, each exercise, the commonest failures."""
    facts = summarise(rows)
    scores = facts["scores"]
    lines = [_("# {title}: the class", title=title), "",
             _("{students} submissions, {graded} graded (a submission that cannot be imported is a graded 0), "
               "{not_graded} not graded.", students=facts["students"], graded=facts["graded"],
               not_graded=len(facts["not_graded"])), ""]
    if not scores:
        lines += [_("Nothing was graded, so there are no scores or charts to show.")]
    else:
        charts, note = _draw(facts, out)
        lines += [_("Scores out of {max_score:g}: mean {mean:.1f}, median {median:g}, lowest {lowest:g}, highest {highest:g}; "
                    "{full} with full marks.", max_score=facts['max_score'], mean=statistics.mean(scores),
                    median=statistics.median(scores), lowest=min(scores), highest=max(scores),
                    full=sum(s == facts["max_score"] for s in scores)), "",
                  *([note, ""] if note else []),
                  "![" + _("scores") + f"]({charts[0]})", "", "## " + _("Exercises: share of students with full marks"), "",
                  _("| exercise | full marks |"), "|---|---|"]
        lines += [f"| `{e}` | {share:.0%} |" for e, share in facts["full_marks"].items()]
        lines += ["", "![" + _("exercises") + f"]({charts[1]})", "",
                  "## " + _("What to reteach: the commonest failing checks"), ""]
        if facts["unimportable"]:
            lines += [n_("{n} submission could not be imported (graded 0, listed below); its checks are not counted "
                         "here.", "{n} submissions could not be imported (graded 0, listed below); their checks are "
                         "not counted here.", len(facts["unimportable"])), ""]
        if facts["failing"]:
            lines += [_("| exercise | check | students | the hint they got most |"), "|---|---|---|---|"]
            lines += [f"| `{e}` | {name} | {n} | {hint} |" for e, name, n, hint in facts["failing"]]
            lines += ["", "![" + _("failing checks") + f"]({charts[2]})"]
        else:
            lines += [_("No check failed in a submission that could be imported.")]
    if facts["unimportable"]:
        lines += ["", "## " + _("Graded 0: could not be imported"), "", _("| student | reason |"), "|---|---|"]
        lines += [f"| {s} | {reason.replace('|', '/')} |" for s, reason in facts["unimportable"]]
    if facts["not_graded"]:
        lines += ["", "## " + _("Not graded"), "", _("| student | status | reason |"), "|---|---|---|"]
        lines += [f"| {s} | {status} | {reason.replace('|', '/')} |" for s, status, reason in facts["not_graded"]]
    if ignored:
        lines += ["", "## " + _("Ignored"), "", _("Not submissions, not graded: {names}.", names=", ".join(ignored))]
    path = out / "summary.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# fonts with Chinese glyphs, tried first by name (the usual ones on Linux, macOS, Windows), before a search
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Zen Hei",
             "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN", "PingFang SC", "Hiragino Sans GB",
             "Heiti SC", "STHeiti", "Songti SC", "Microsoft YaHei", "SimHei", "SimSun", "Arial Unicode MS")


def cjk_font() -> str | None:
    """The family of an installed font that draws Chinese (`中`), or None."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    fonts = font_manager.fontManager.ttflist
    ranked = sorted(fonts, key=lambda f: CJK_FONTS.index(f.name) if f.name in CJK_FONTS else len(CJK_FONTS))
    for font in ranked:
        try:
            if FT2Font(font.fname).get_char_index(ord("中")):
                return font.name
        except (OSError, RuntimeError):  # a font file matplotlib cannot open
            continue
    return None


def _draw(facts: dict, out: Path) -> tuple[tuple[str, str, str], str]:
    """The three charts, and a note for summary.md when their words could not be in the chosen language."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    note, drawn_in = "", i18n.current()
    font = cjk_font() if drawn_in == "zh" else None
    if drawn_in == "zh" and font is None:  # Chinese would be drawn as empty boxes: English is readable
        note = _("No font with Chinese characters is installed (for example Noto Sans CJK SC: "
                 "`apt install fonts-noto-cjk`), so the charts are labelled in English.")  # said in the summary's
        drawn_in = "en"
    chosen = {"font.family": "sans-serif", "font.sans-serif": [font, *matplotlib.rcParams["font.sans-serif"]]} \
        if font else {}
    with i18n.speaking(drawn_in), plt.rc_context(chosen):
        return _charts(facts, out, plt), note


def _charts(facts: dict, out: Path, plt) -> tuple[str, str, str]:
    from matplotlib.ticker import MaxNLocator

    names = ("scores.png", "exercises.png", "failing_checks.png")
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.hist(facts["scores"], bins=20, range=(0, facts["max_score"] or 1), color="tab:blue")
    ax.set(xlabel=_("score"), ylabel=_("students"), title=_("Scores"))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.tight_layout()
    fig.savefig(out / names[0], dpi=100)
    fig, ax = plt.subplots(figsize=(6, 4))
    exercises = list(facts["full_marks"])
    ax.barh(exercises[::-1], [facts["full_marks"][e] for e in exercises[::-1]], color="tab:green")
    ax.set(xlabel=_("share of students with full marks"), xlim=(0, 1), title=_("Exercises"))
    fig.tight_layout()
    fig.savefig(out / names[1], dpi=100)
    failing = facts["failing"]
    top = failing[:CHART_CHECKS][::-1]
    shown = _("Failing checks") if len(failing) <= CHART_CHECKS else \
        _("Failing checks: top {top} of {n}", top=CHART_CHECKS, n=len(failing))
    fig, ax = plt.subplots(figsize=(9, 1.5 + 0.3 * max(len(top), 1)))
    ax.barh([row[1] for row in top], [row[2] for row in top], color="tab:red")
    ax.set(xlabel=_("students"), title=shown)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.subplots_adjust(left=0.42, right=0.97, bottom=0.6 / (1.5 + 0.3 * max(len(top), 1)) + 0.05)
    fig.savefig(out / names[2], dpi=100)
    plt.close("all")
    return names
