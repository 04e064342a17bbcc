"""The report: one model of a grading, from which every output format is rendered.

`Report.to_dict()` is the JSON report of DESIGN.md; renderers read the model and never
compute a score of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import N_, _

PASSED, FAILED, NOT_IMPLEMENTED = "passed", "failed", "not implemented"
ERROR = "error"  # the grader broke inside the check: its points are for review, not lost


# how the report's foot names each layer; `how` (from sandbox.layers) is machine data, as the JSON has it
LAYER_CONFINED = {"files": N_("files confined ({how})"), "processes": N_("processes confined ({how})"),
                  "network": N_("network confined ({how})")}
LAYER_NOT_CONFINED = {"files": N_("files NOT confined"), "processes": N_("processes NOT confined"),
                      "network": N_("network NOT confined")}


@dataclass(frozen=True)
class CheckResult:
    name: str  # stable id: the check function's name
    title: str  # what a student reads
    status: str  # passed | failed | not implemented | error
    score: float
    max_score: float
    message: str = ""
    hint: str = ""
    visibility: str = "public"
    cause: str = ""  # failing checks of one exercise with the same cause fail for one reason

    @property
    def passed(self) -> bool:
        return self.status == PASSED

    def to_dict(self) -> dict:
        return {"name": self.title, "id": self.name, "passed": self.passed, "status": self.status,
                "score": self.score, "max_score": self.max_score, "message": self.message,
                "hint": self.hint, "visibility": self.visibility, "cause": self.cause}


@dataclass(frozen=True)
class ExerciseResult:
    id: str
    title: str
    checks: tuple[CheckResult, ...]
    where: str = ""  # where the student's function starts: "linear_model.py, line 40"
    line: int | None = None  # that line, when the submission is a .py file (counted from 1)

    @property
    def score(self) -> float:
        return round(sum(c.score for c in self.checks), 6)

    @property
    def max_score(self) -> float:
        return round(sum(c.max_score for c in self.checks), 6)

    @property
    def for_review(self) -> float:
        """Points of the checks the grader could not finish: neither earned nor lost."""
        return round(sum(c.max_score for c in self.checks if c.status == ERROR), 6)

    @property
    def status(self) -> str:
        if any(c.status == ERROR for c in self.checks):
            return ERROR
        if all(c.passed for c in self.checks):
            return PASSED
        if all(c.status == NOT_IMPLEMENTED for c in self.checks):
            return NOT_IMPLEMENTED
        return FAILED

    def failure_groups(self) -> list[tuple[CheckResult, ...]]:
        """The failing checks, one group per cause, in report order: the first of each is shown.

        A group's public checks come first, so that what a student's report shows of it is
        public; the grader's faults are never grouped with the student's failures.
        """
        groups: dict[tuple, list[CheckResult]] = {}
        for check in self.checks:
            if not check.passed:
                groups.setdefault((check.status, check.cause or check.name), []).append(check)
        return [tuple(sorted(group, key=lambda c: c.visibility == "hidden")) for group in groups.values()]

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "status": self.status, "score": self.score,
                "max_score": self.max_score, "for_review": self.for_review, "where": self.where, "line": self.line,
                "checks": [c.to_dict() for c in self.checks]}


MISSING = "Missing "  # how a check's cause begins when the submission has no such function (set by the proxy)


@dataclass(frozen=True)
class Report:
    assignment: str
    submission: str
    exercises: tuple[ExerciseResult, ...]
    errors: tuple[str, ...] = ()  # why some or all of the submission could not be graded
    grader_version: str = ""
    duration_s: float = 0.0
    notes: tuple[str, ...] = field(default=())  # problems that cost nothing by themselves
    withheld_checks: int = 0  # hidden checks a student release leaves out (run by the instructor)
    withheld_points: float = 0.0
    sandbox: dict = field(default_factory=dict)  # {"mode": ..., "files"/"processes"/"network": how, or ""}
    isolate_functions: bool = False  # graded with the reference standing in for the other functions

    @property
    def score(self) -> float:
        return round(sum(e.score for e in self.exercises), 6)

    @property
    def max_score(self) -> float:
        return round(sum(e.max_score for e in self.exercises), 6)

    @property
    def for_review(self) -> float:
        return round(sum(e.for_review for e in self.exercises), 6)

    @property
    def incomplete(self) -> bool:
        """The grader failed on some checks: the score is not final until someone reviews them."""
        return any(e.status == ERROR for e in self.exercises)

    def score_line(self) -> str:
        """"Score: 80/100", and when checks broke in the grader, how many points await review."""
        line = _("Score: {score:g}/{max_score:g}", score=self.score, max_score=self.max_score)
        if self.incomplete:
            line += _(" (incomplete: the grader failed on checks worth {points:g} points; "
                      "they are not counted as lost and are marked for review)", points=self.for_review)
        return line

    def sandbox_line(self) -> str:
        """One sentence for the foot of a report: which layers confined the student's code."""
        if not self.sandbox:
            return ""
        if not self.sandbox.get("ran", True):
            return _("Sandbox: none of the submission's code ran.")
        parts = [_(LAYER_CONFINED[layer], how=how) if how else _(LAYER_NOT_CONFINED[layer])
                 for layer, how in self.sandbox.items() if layer in LAYER_CONFINED]
        return _("Sandbox ({mode}): {layers}.", mode=self.sandbox.get("mode", "auto"), layers=_("; ").join(parts))

    def policy_line(self) -> str:
        """One sentence for the foot of a report: how the functions were graded, alone or together."""
        if self.isolate_functions:
            return _("Graded with --isolate-functions: each function was run with the reference standing in for "
                     "the lesson's functions before it that it calls, so a mistake costs points only where it is.")
        return _("Each function was graded calling your own other functions: a mistake in one can also cost "
                 "points in the functions that call it.")

    def fixes(self) -> list[tuple[tuple[str, ...], tuple[CheckResult, ...]]]:
        """What to fix, as (exercise ids, the checks failing for one reason): one entry per cause in each
        exercise, in report order, except that the functions the submission does not have at all are one
        entry together, where the first of them stands: a pasted script missing eleven functions reads
        that once, not eleven times. Nothing to fix is listed when the submission could not be graded
        (its error says why once) or for an exercise not implemented yet (the table says so)."""
        if self.errors:
            return []
        entries = [((e.id,), g) for e in self.exercises if e.status != NOT_IMPLEMENTED for g in e.failure_groups()]
        missing = [k for k, (_ids, g) in enumerate(entries) if g[0].status == FAILED and g[0].cause.startswith(MISSING)]
        if len(missing) < 2:
            return entries
        together = (tuple(entries[k][0][0] for k in missing), tuple(c for k in missing for c in entries[k][1]))
        return [together if k == missing[0] else entry for k, entry in enumerate(entries)
                if k == missing[0] or k not in missing]

    def to_dict(self) -> dict:
        return {"assignment": self.assignment, "submission": self.submission, "score": self.score,
                "max_score": self.max_score, "incomplete": self.incomplete, "for_review": self.for_review,
                "exercises": [e.to_dict() for e in self.exercises],
                "errors": list(self.errors), "notes": list(self.notes),
                "withheld": {"checks": self.withheld_checks, "points": self.withheld_points},
                "sandbox": self.sandbox, "isolate_functions": self.isolate_functions,
                "grader_version": self.grader_version, "duration_s": round(self.duration_s, 3)}
