"""`grader gradescope-bundle`: the autograder zip Gradescope asks for.

At the zip's root: `setup.sh` and `run_autograder` (from templates/gradescope/), and the kit
itself (pyproject.toml, README.md, grader/, solutions/), which Gradescope unpacks into
/autograder/source and setup.sh installs. `run_autograder` names the lesson it grades, since
Gradescope's submission may be called anything, and the language its reports speak when the
instructor chose one (`--lang`; else the container's locale, which is usually English).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .assignment import KIT_ROOT

SCRIPTS = KIT_ROOT / "templates" / "gradescope"
KIT = ("pyproject.toml", "README.md", "grader", "solutions")


def _kit_files(root: Path):
    for name in KIT:
        path = root / name
        if path.is_file():
            yield path
        else:
            yield from sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def gradescope_bundle(out: Path, stem: str, root: Path = KIT_ROOT, language: str | None = None) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bundle:
        for script in ("setup.sh", "run_autograder"):
            info = zipfile.ZipInfo(script)
            info.external_attr = 0o755 << 16  # executable once unpacked
            bundle.writestr(info, (SCRIPTS / script).read_text(encoding="utf-8").replace("@LESSON@", stem)
                          .replace("@LANGUAGE@", language or ""))
        for path in _kit_files(root):
            bundle.write(path, path.relative_to(root).as_posix())
    return out
