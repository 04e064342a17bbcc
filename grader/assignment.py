"""An assignment: a stem with its reference, its student files and its checks.

A lesson lives in `grader/lessons/<stem>/` and declares an `ASSIGNMENT`; its reference is
`solutions/<stem>.py` and its student files `exercises/<stem>.py|.ipynb` in the kit's
root. The engine reaches lessons only through this module. In a student release there is
no `solutions/`: the lesson folder holds `answers.json` (the reference's recorded answers)
and `release.json` (how many hidden checks were left out, and their points).
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import pkgutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import _

KIT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Exercise:
    id: str  # the contract function's name
    title: str
    plots: bool = False  # its checks draw, so they run in a child that has matplotlib loaded


@dataclass(frozen=True)
class Assignment:
    stem: str
    title: str
    exercises: tuple[Exercise, ...]
    check_modules: tuple[str, ...]  # modules of the lesson's package that hold the checks
    package: str = ""  # the lesson's package, when it is not grader.lessons.<stem> (a test fixture)
    root: Path = KIT_ROOT  # where its solutions/ and exercises/ are
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def solution_path(self) -> Path:
        return self.root / "solutions" / f"{self.stem}.py"

    @property
    def exercise_paths(self) -> tuple[Path, Path]:
        return (self.root / "exercises" / f"{self.stem}.py",
                self.root / "exercises" / f"{self.stem}.ipynb")

    def checks(self):
        """Every check, in report order (imports hypothesis: call it after starting the child)."""
        if "checks" not in self._cache:
            from .checking import collect

            modules = [importlib.import_module(f"{self.package_name}.{name}") for name in self.check_modules]
            order = {e.id: n for n, e in enumerate(self.exercises)}
            found = collect(*modules)
            unknown = {c.exercise for c in found} - set(order)
            if unknown:
                raise ValueError(f"checks name unknown exercises: {sorted(unknown)}")
            self._cache["checks"] = sorted(found, key=lambda c: order[c.exercise])
        return self._cache["checks"]

    def contract(self) -> dict[str, tuple[str, ...]]:
        """{exercise: its parameters}, read from the reference (a release: the exercise file) unrun."""
        if "contract" not in self._cache:
            from .signatures import contract

            source = self.solution_path if self.solution_path.exists() else self.exercise_paths[0]
            self._cache["contract"] = contract(source, [e.id for e in self.exercises]) if source.exists() else {}
        return self._cache["contract"]

    @property
    def package_name(self) -> str:
        return self.package or f"grader.lessons.{self.stem}"

    @property
    def lesson_folder(self) -> Path:
        return Path(importlib.import_module(self.package_name).__file__).resolve().parent

    @property
    def is_release(self) -> bool:
        """A student release: recorded answers, and no reference solution."""
        return not self.solution_path.exists() and (self.lesson_folder / "answers.json").exists()

    def release_facts(self) -> dict:
        """What `release.json` records of a student release ({} elsewhere)."""
        path = self.lesson_folder / "release.json"
        if not self.is_release or not path.exists():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def withheld(self) -> tuple[int, float]:
        """(hidden checks, their points) left out of a student release; (0, 0) elsewhere."""
        facts = self.release_facts()
        return int(facts.get("hidden_checks", 0)), float(facts.get("hidden_points", 0.0))

    def reference(self):
        """The reference module, in the grader's process (never the child's), remembering its large
        calls' answers; or, in a release, its recorded answers."""
        if "reference" not in self._cache:
            if self.is_release:
                from .reference import Answers

                self._cache["reference"] = Answers(self.lesson_folder / "answers.json")
            else:
                name = f"_reference_{self.stem}"
                spec = importlib.util.spec_from_file_location(name, self.solution_path)
                module = importlib.util.module_from_spec(spec)
                sys.modules[name] = module
                spec.loader.exec_module(module)
                from .reference import Remembered

                self._cache["reference"] = Remembered(module)
        return self._cache["reference"]


def available() -> list[str]:
    from . import lessons

    return sorted(m.name for m in pkgutil.iter_modules(lessons.__path__) if m.ispkg)


def load(stem: str) -> Assignment:
    if stem not in available():
        raise LookupError(_("no assignment named {name}; known: {known}", name=repr(stem), known=", ".join(available())))
    return importlib.import_module(f"grader.lessons.{stem}").ASSIGNMENT


def release_language() -> str | None:
    """The language the instructor chose for a student release (`grader release --lang`), if any."""
    facts = [json.loads(p.read_text(encoding="utf-8")) for p in Path(__file__).parent.glob("lessons/*/release.json")]
    chosen = {f.get("language") for f in facts} - {None}
    return chosen.pop() if len(chosen) == 1 else None
