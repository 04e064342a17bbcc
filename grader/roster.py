"""Who handed in what: the students of a class folder (or .zip) in the layouts courses export.

Each entry at the top of the class folder (a file or a folder) belongs to one student, whose
id is read from its name. The layout is recognised when its naming fits every code file and
folder there; `--id-pattern` names any other layout. Entries of one student are pooled and
the discovery rule (`discovery.pick`) grades the most complete file among them, naming the
rest. Entries that belong to nobody are named, never graded, and never abort the class.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .discovery import SUFFIXES, SubmissionError, code_files, skipped_folder
from .i18n import _

# Canvas, "Download Submissions": every file is `<sortable name>[_LATE]_<user id>_<file id>_<file name>`,
# the name lower-cased with non-word characters removed, `anon_<id>` instead of the user id when
# the assignment is anonymous (instructure/canvas-lms lib/content_zipper.rb, `get_filename` and
# `add_upload_submission`, commit 05e9653).
CANVAS = re.compile(r"^(?P<name>.+?)(?P<late>_LATE)?_(?P<student>\d+|anon_[A-Za-z0-9]+)_\d+_.+$")
# Moodle, "Download all submissions": `<full name>_<participant id>_assignsubmission_<plugin>_`, a folder
# per student since Moodle 3.1 ("Download submissions in folders"), a file prefix before
# (moodle/moodle mod/assign/locallib.php, `download_submissions`; lang string `downloadasfolders_help`).
MOODLE = re.compile(r"^(?P<name>.+?)_(?P<student>\d+)_assignsubmission_[a-z]+_.*$")
# Gradescope, "Export Submissions": a folder `submission_<id>` per submission and
# `submission_metadata.yml` mapping each to its `:submitters:` (`:name:`, `:sid:`, `:email:`).
GRADESCOPE = re.compile(r"^(?P<student>submission_\d+)$")
GRADESCOPE_METADATA = "submission_metadata.yml"
# GitHub Classroom: each student's repository is `<assignment prefix>-<GitHub login>`
# (docs.github.com, "Create an individual assignment": the repository prefix), cloned as a folder.

ZIP_LIMIT = 512 * 1024 * 1024  # bytes unpacked from a class archive; a zip bomb stops here


@dataclass(frozen=True)
class Entry:
    student: str
    name: str  # the student's name when the export carries one
    path: Path
    late: bool = False


@dataclass(frozen=True)
class Roster:
    source: str  # folder, canvas, moodle, gradescope, classroom or pattern
    students: dict[str, list[Entry]]  # id -> that student's entries, sorted by id
    ignored: tuple[str, ...]  # top-level names that belong to nobody

    def files(self, student: str) -> list[Path]:
        """The code files among one student's entries, for the discovery rule to choose from."""
        found = []
        for entry in self.students[student]:
            found += code_files(entry.path) if entry.path.is_dir() else [entry.path]
        return [f for f in found if f.suffix in SUFFIXES]


def _safe_id(text: str) -> str:
    """An id usable as a file name: reports/<id>.json."""
    return re.sub(r"[^\w.@-]+", "_", text).lstrip(".") or "_"


def _gradescope_submitters(folder: Path) -> dict[str, tuple[str, str]]:
    """submission_<id> -> (sid or e-mail, name), read from the export's YAML without a YAML library:
    its shape is fixed (top-level keys, then `:name:`, `:sid:`, `:email:` lines)."""
    metadata = folder / GRADESCOPE_METADATA
    if not metadata.is_file():
        return {}
    found, current = {}, None
    for line in metadata.read_text(encoding="utf-8", errors="replace").splitlines():
        top = re.match(r"^(submission_\d+):\s*$", line)
        if top:
            current = top.group(1)
            found[current] = {}
        elif current and (field := re.match(r"^\s*-?\s*:(name|sid|email):\s*'?\"?(.*?)'?\"?\s*$", line)):
            found[current].setdefault(field.group(1), field.group(2))  # the first submitter of a group
    return {k: (v.get("sid") or v.get("email") or k, v.get("name", "")) for k, v in found.items()}


def _classroom_prefix(folders: list[Path]) -> str:
    """`<assignment>-` shared by every folder, when they look like cloned Classroom repositories."""
    names = [f.name for f in folders]
    if len(names) < 2 and not all((f / ".git").exists() for f in folders):
        return ""
    prefix = names[0]
    for name in names[1:]:
        while not name.startswith(prefix):
            prefix = prefix[:-1]
    prefix = prefix[:prefix.rfind("-") + 1]
    return prefix if prefix and all(len(n) > len(prefix) for n in names) else ""


def _entries(top: list[Path], folder: Path, pattern: re.Pattern | None) -> tuple[str, list[Entry]] | None:
    """The first layout whose naming fits every entry: (source, entries)."""
    def fit(source: str, regex: re.Pattern, only_folders: bool = False):
        if only_folders and any(p.is_file() for p in top):
            return None
        matches = [(p, regex.match(p.name)) for p in top]
        if not matches or not all(m for _, m in matches):
            return None
        return source, [Entry(m.group("student"), m.groupdict().get("name") or "", p,
                              bool(m.groupdict().get("late"))) for p, m in matches]

    if pattern is not None:
        return fit("pattern", pattern)
    for source, regex in (("canvas", CANVAS), ("moodle", MOODLE)):
        found = fit(source, regex)
        if found:
            return found
    found = fit("gradescope", GRADESCOPE, only_folders=True)
    if found:
        submitters = _gradescope_submitters(folder)
        return "gradescope", [Entry(*submitters.get(e.student, (e.student, "")), e.path) for e in found[1]]
    folders = [p for p in top if p.is_dir()]
    prefix = _classroom_prefix(folders) if len(folders) == len(top) else ""
    if prefix:
        return "classroom", [Entry(p.name[len(prefix):], "", p) for p in top]
    return None


def read(folder: Path, *, skip: tuple[Path, ...] = (), id_pattern: str | None = None) -> Roster:
    """Every student of the class in `folder`, whatever the layout."""
    if not folder.is_dir():
        raise SubmissionError(_("{path}: no such folder", path=folder))
    pattern = re.compile(id_pattern) if id_pattern else None
    skip = tuple(p.resolve() for p in skip)
    top, ignored = [], []
    for entry in sorted(folder.iterdir()):
        if entry.is_symlink() or entry.resolve() in skip or (entry.is_dir() and skipped_folder(entry)):
            continue
        if entry.is_dir() and not any(f.is_file() for f in entry.rglob("*")):
            ignored.append(_("{name}/ (empty)", name=entry.name))
        elif entry.is_dir() or entry.suffix in SUFFIXES:
            top.append(entry)
        elif entry.name != GRADESCOPE_METADATA and not entry.name.startswith("."):
            ignored.append(entry.name)
    if pattern is not None:
        fitting = [p for p in top if pattern.match(p.name)]
        ignored += [p.name for p in top if p not in fitting]
        top = fitting
    source, entries = _entries(top, folder, pattern) or (
        "folder", [Entry(p.stem if p.is_file() else p.name, "", p) for p in top])
    students: dict[str, list[Entry]] = {}
    for entry in entries:
        students.setdefault(_safe_id(entry.student), []).append(entry)
    return Roster(source, dict(sorted(students.items())), tuple(sorted(ignored)))


def unpack(archive: Path, into: Path) -> Path:
    """A class .zip unpacked into `into` (emptied first); names that would escape it, links and
    anything past `ZIP_LIMIT` bytes are left out. Returns the folder that holds the class."""
    import shutil

    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    try:
        with zipfile.ZipFile(archive) as zipped:
            budget = ZIP_LIMIT
            for member in zipped.infolist():
                parts = Path(member.filename).parts
                is_link = (member.external_attr >> 16) & 0o170000 == 0o120000
                if member.is_dir() or is_link or not parts or Path(member.filename).is_absolute() or ".." in parts:
                    continue
                budget -= member.file_size
                if budget < 0:
                    raise SubmissionError(_("{path}: unpacks to more than {size} MiB; unpack it yourself",
                                            path=archive, size=ZIP_LIMIT >> 20))
                target = into.joinpath(*parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                with zipped.open(member) as source, open(target, "wb") as sink:
                    shutil.copyfileobj(source, sink)
    except zipfile.BadZipFile:
        raise SubmissionError(_("{path}: not a readable .zip file", path=archive)) from None
    inside = [p for p in into.iterdir() if not skipped_folder(p)]
    # an archive of one folder (Gradescope's `assignment_<id>_export/`, a zipped class folder) holds the class
    return inside[0] if len(inside) == 1 and inside[0].is_dir() else into
