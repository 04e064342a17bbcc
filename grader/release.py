"""`grader release DIR`: what students get, without the solution.

The release holds the exercises (.py and .ipynb), the grader, and only the public checks.
Where those checks need the reference's answers, the release carries them recorded: the
public checks are run once against the reference, every answer the reference gives is
saved to `answers.json`, and in the release the checks replay them. Hidden checks (the
comparisons on generated inputs) are removed from the check modules, chosen by the check
objects themselves (however `hidden=` was spelled), and only their number and points are
kept, so that the release can say they exist.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

from .assignment import KIT_ROOT, Assignment
from .build import twin_paths
from .catalogs import TRANSLATED, Domain, compiled
from .i18n import N_, _, translate

ENGINE_SKIPPED = {"lessons"}  # each lesson is copied on its own terms
README = N_("""# {title}

Exercises for {title}, with the grader that checks them.

Install (Python 3.10 or later) and grade the exercises:

```sh
python3 -m venv .venv && . .venv/bin/activate && pip install -e . && grader check
```

Open `exercises/{stem}.ipynb` (or `exercises/{stem}.py`) and replace each
`raise NotImplementedError` with your code. In the notebook, a cell with
`import grader; grader.check()` grades the functions your kernel has now (`grader.check("mse")`
one exercise); with an editor, `grader check --watch exercises/{stem}.py` grades again on each
save; `grader check` grades once (`--only mse`: one exercise). This copy runs {public} public checks worth {public_points:g}
points. Your instructor also runs {hidden} hidden checks worth {hidden_points:g} points, on
inputs you do not see: make your functions right for any input, not only for these.
""")
GITIGNORE = """\
# what installing and running the kit leaves behind: not part of your work
.venv/
venv/
__pycache__/
*.egg-info/
.ipynb_checkpoints/
.hypothesis/
"""


class ReleaseError(Exception):
    """The release cannot be built as asked."""


def without_checks(source: str, names: set[str]) -> str:
    """A check module's source without the functions called `names` (the hidden checks)."""
    tree = ast.parse(source)
    tree.body = [node for node in tree.body if not (isinstance(node, ast.FunctionDef) and node.name in names)]
    return ast.unparse(tree) + "\n"


def solution_lines(reference: str) -> set[str]:
    """The lines of code inside the reference's solution regions."""
    lines, inside = set(), False
    for line in reference.splitlines():
        text = line.strip()
        if text.startswith("### BEGIN SOLUTION"):
            inside = True
        elif text.startswith("### END SOLUTION"):
            inside = False
        elif inside and text and not text.startswith("#"):
            lines.add(text)
    return lines


def leaked_lines(folder: Path, reference: str) -> list[str]:
    """Every place in `folder` where a line of the solution appears: none, in a release."""
    secret = solution_lines(reference)
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found += [f"{path.relative_to(folder)}: {line.strip()}" for line in text.splitlines()
                  if line.strip() in secret]
    return found


def _record_answers(assignment: Assignment):
    """Run the public checks on the reference, recording every answer the reference gives."""
    from . import checking
    from .engine import grade

    from .reference import Recorder

    recorder = Recorder(assignment.reference())
    checking.RECORDING = True
    try:
        report = grade(assignment, assignment.solution_path, public_only=True, reference=recorder)
    finally:
        checking.RECORDING = False
    failing = [c.name for e in report.exercises for c in e.checks if not c.passed]
    if failing:
        raise ReleaseError(_("the reference fails public checks: {checks}", checks=", ".join(failing)))
    return recorder, assignment.checks()


def release(assignment: Assignment, out: Path, language: str | None = None) -> Path:
    """Write the release into `out`; `language` ("en", "zh"), when chosen, is the one its grader speaks
    (a student's `--lang` still wins), recorded in release.json; else the student's locale decides."""
    if out.exists() and any(out.iterdir()):
        raise ReleaseError(_("{path} is not empty; name a new folder", path=out))
    recorder, checks = _record_answers(assignment)
    package = KIT_ROOT / "grader"
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] not in ENGINE_SKIPPED and "__pycache__" not in relative.parts:
            _copy(path, out / "grader" / relative)
    _copy(package / "lessons" / "__init__.py", out / "grader" / "lessons" / "__init__.py")
    for catalog in sorted(package.glob("locale/*/LC_MESSAGES/*.mo")):
        _copy(catalog, out / "grader" / catalog.relative_to(package))  # the engine's compiled translations
    lesson = out / "grader" / "lessons" / assignment.stem
    for path in sorted(assignment.lesson_folder.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        if path.stem in assignment.check_modules:
            module = f"{assignment.package_name}.{path.stem}"
            source = without_checks(source, {c.name for c in checks if c.hidden and c.module == module})
        (lesson / path.name).parent.mkdir(parents=True, exist_ok=True)
        (lesson / path.name).write_text(source, encoding="utf-8")
    _compile_released_catalogs(assignment, lesson)
    recorder.save(lesson / "answers.json")
    hidden = [c for c in checks if c.hidden]
    facts = {"hidden_checks": len(hidden), "hidden_points": sum(c.points for c in hidden)}
    (lesson / "release.json").write_text(json.dumps({**facts, **({"language": language} if language else {})})
                                         + "\n", encoding="utf-8")
    twins = [path for language in TRANSLATED for path in twin_paths(assignment, language)]
    for path in (*assignment.exercise_paths, *twins, KIT_ROOT / "pyproject.toml"):
        _copy(path, out / path.relative_to(KIT_ROOT))
    (out / ".gitignore").write_text(GITIGNORE, encoding="utf-8")
    workflow = Path("templates") / "github-classroom.yml"  # it grades this lesson
    (out / workflow).parent.mkdir(parents=True, exist_ok=True)
    (out / workflow).write_text((KIT_ROOT / workflow).read_text(encoding="utf-8").replace(
        "grader check .", f"grader check . --lesson {assignment.stem}"), encoding="utf-8")
    public = [c for c in checks if not c.hidden]
    (out / "README.md").write_text(_(  # in the language of the release (`--lang`)
        README, title=translate(assignment.title), stem=assignment.stem, public=len(public), public_points=sum(c.points for c in public),
        hidden=len(hidden), hidden_points=sum(c.points for c in hidden)), encoding="utf-8")
    leaks = leaked_lines(out, assignment.solution_path.read_text(encoding="utf-8"))
    if leaks:
        shutil.rmtree(out)
        raise ReleaseError(_("the release would contain lines of the solution: {lines}", lines="; ".join(leaks[:5])))
    return out


def _compile_released_catalogs(assignment: Assignment, lesson: Path) -> None:
    """The lesson's translations of what the release holds, and nothing more: a catalog compiled from
    the whole lesson would carry the titles and messages of the hidden checks taken out of it."""
    released = Domain(assignment.stem, tuple(sorted(lesson.glob("*.py"))), assignment.lesson_folder / "locale",
                      assignment.solution_path)
    for language in TRANSLATED:
        target = lesson / released.mo_path(language).relative_to(released.locale_dir.parent)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compiled(released, language))


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
