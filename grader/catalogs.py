"""The translation catalogs: extracted from the code, kept up to date and compiled by `grader build`.

Each gettext domain has one `.po` per language beside its compiled `.mo`: the engine's
(`grader/locale/`) holds every message of `grader/` outside the lessons; a lesson's
(`grader/lessons/<stem>/locale/`) holds its checks' messages, their titles (each check's
docstring), and the texts of its exercise that the Chinese twin translates (the
reference's markdown cells and docstrings). Babel extracts the `_`, `n_`, `N_` and
`translate` calls, merges new messages into the `.po` files (keeping every translation)
and compiles them; the `.po` files carry no source locations or dates, so a build changes
them only when a message does.
"""

from __future__ import annotations

import ast
import io
import re
import string
import struct
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from . import i18n

KEYWORDS = {"_": None, "N_": None, "translate": None, "n_": (1, 2)}
TRANSLATED = tuple(language for language in i18n.LANGUAGES if language != "en")
_FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)  # no date in a .po: a build is reproducible


@dataclass(frozen=True)
class Domain:
    name: str  # the gettext domain: "grader", or the lesson's stem
    sources: tuple[Path, ...]  # the Python files whose messages it holds
    locale_dir: Path
    solution: Path | None = None  # a lesson's reference: its exercise's texts are translated too

    def po_path(self, language: str) -> Path:
        return self.locale_dir / language / "LC_MESSAGES" / f"{self.name}.po"

    def mo_path(self, language: str) -> Path:
        return self.po_path(language).with_suffix(".mo")


def domains() -> list[Domain]:
    """The engine's domain, then one per lesson."""
    from . import assignment

    package = Path(i18n.__file__).resolve().parent
    lessons = package / "lessons"
    engine = tuple(sorted(p for p in package.rglob("*.py") if lessons not in p.parents))
    return [Domain(i18n.DOMAIN, engine, i18n.LOCALE_DIR),
            *(lesson_domain(assignment.load(stem)) for stem in assignment.available())]


def lesson_domain(lesson) -> Domain:
    """A lesson's domain: its checks' messages and its exercise's texts, in its folder's locale/."""
    return Domain(lesson.stem, tuple(sorted(lesson.lesson_folder.rglob("*.py"))), lesson.lesson_folder / "locale",
                  lesson.solution_path if lesson.solution_path.exists() else None)


# -- what a domain's messages are ------------------------------------------------------


def check_titles(source: str) -> list[str]:
    """The title (the docstring's first line) of every function decorated with `@check(...)`."""
    titles = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and ast.get_docstring(node) and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", getattr(d.func, "attr", "")) == "check"
                for d in node.decorator_list):
            titles.append(ast.get_docstring(node).strip().splitlines()[0])
    return titles


def exercise_texts(source: str) -> list[str]:
    """What the Chinese twin of an exercise translates: its markdown cells, then its docstrings."""
    from .build import cells

    texts = [text for kind, text in cells(source) if kind == "markdown" and text.strip()]
    tree = ast.parse(source)
    for node in [tree, *ast.walk(tree)]:
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node):
            texts.append(ast.get_docstring(node))
    return texts


def template(domain: Domain):
    """The domain's messages as Babel extracts them, in the order of the code."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(domain=domain.name, project="grader", version=None, creation_date=_FIXED_DATE,
                      revision_date=_FIXED_DATE, fuzzy=False)
    for path in domain.sources:
        for _line, message, comments, _context in extract_from_file(
                "python", str(path), keywords=KEYWORDS, comment_tags=("i18n:",)):
            catalog.add(message, auto_comments=comments)
        for title in check_titles(path.read_text(encoding="utf-8")):
            catalog.add(title, auto_comments=["a check's title"])
    if domain.solution:  # what the exercise shows: nothing inside a solution region is a message
        from .build import strip_solutions

        for text in exercise_texts(strip_solutions(domain.solution.read_text(encoding="utf-8"))):
            catalog.add(text, auto_comments=["the exercise file"])
    return catalog


def _po_text(catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, no_location=True, omit_header=False, width=100, include_previous=False)
    # Babel names its own version in the header: drop it, so that another Babel builds the same file
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue())


def _mo_bytes(catalog) -> bytes:
    """The compiled catalog in GNU gettext's format, with a header of only what gettext reads (charset and
    plural forms), so that it depends on the translations alone. Untranslated and fuzzy messages are left
    out: gettext then shows the English."""
    header = f"Content-Type: text/plain; charset=UTF-8\nPlural-Forms: {catalog.plural_forms}\n"
    entries = {b"": header.encode("utf-8")}
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and all(strings) and not message.fuzzy:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            entries["\0".join(ids).encode("utf-8")] = "\0".join(strings).encode("utf-8")
    keys = sorted(entries)
    ids, strs, id_table, str_table = b"", b"", [], []
    for key in keys:
        id_table.append((len(key), len(ids)))
        str_table.append((len(entries[key]), len(strs)))
        ids += key + b"\0"
        strs += entries[key] + b"\0"
    start = 7 * 4 + 16 * len(keys)  # the header, then the two tables of (length, offset)
    offsets = [(n, o + start) for n, o in id_table] + [(n, o + start + len(ids)) for n, o in str_table]
    head = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return head + b"".join(struct.pack("ii", *pair) for pair in offsets) + ids + strs


def _read_po(path: Path, domain: Domain, language: str):
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    if not path.exists():
        return Catalog(locale=language, domain=domain.name, project="grader", creation_date=_FIXED_DATE,
                       revision_date=_FIXED_DATE, fuzzy=False)
    with path.open("rb") as file:
        return read_po(file, locale=language, domain=domain.name)


def merged(domain: Domain, language: str):
    """The domain's `language` catalog as a build writes it: the current messages, every translation kept."""
    catalog = _read_po(domain.po_path(language), domain, language)
    catalog.update(template(domain), no_fuzzy_matching=True, update_header_comment=False)
    catalog.obsolete.clear()  # a message the code no longer has is gone, not kept commented out
    catalog.creation_date = catalog.revision_date = _FIXED_DATE
    catalog.fuzzy = False
    return catalog


def compiled(domain: Domain, language: str) -> bytes:
    """The domain's `language` catalog compiled, holding just the messages of its sources."""
    return _mo_bytes(merged(domain, language))


def expected_files(domain: Domain) -> dict[Path, bytes]:
    """The domain's `.po` (the current messages, with every translation kept) and `.mo` files."""
    files = {}
    for language in TRANSLATED:
        catalog = merged(domain, language)
        files[domain.po_path(language)] = _po_text(catalog)
        files[domain.mo_path(language)] = _mo_bytes(catalog)
    return files


def translator(domain: Domain, language: str) -> Callable[[str], str]:
    """The domain's texts in `language` as the build being made has them (English where untranslated), for the
    generated files that hold them (the Chinese twin of an exercise): so they never wait for a previous build."""
    catalog = merged(domain, language)

    def translate(text: str) -> str:
        message = catalog.get(text)
        return message.string if message is not None and message.string and not message.fuzzy else text
    return translate


# -- what a translation must keep ------------------------------------------------------


def placeholders(text: str) -> set[str]:
    """The names of `{name}` placeholders in a message (`{{` is a literal brace)."""
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def problems(domain: Domain, language: str) -> list[str]:
    """Why the domain's `language` catalog is not complete: untranslated, fuzzy, or placeholders changed."""
    catalog = _read_po(domain.po_path(language), domain, language)
    found = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        shown = ids[0] if len(ids[0]) <= 70 else ids[0][:67] + "..."
        if not all(strings) or message.fuzzy:
            found.append(f"{domain.po_path(language).name}: not translated: {shown!r}")
            continue
        wanted = set().union(*map(placeholders, ids))
        for text in strings:
            if placeholders(text) != wanted:
                found.append(f"{domain.po_path(language).name}: {shown!r} has placeholders "
                             f"{sorted(placeholders(text))}, expected {sorted(wanted)}")
    return found


def call_problems(path: Path) -> list[str]:
    """Calls of `_`/`n_` whose placeholders and named values differ, or that format before translating."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in KEYWORDS):
            continue
        where = f"{path.name}, line {node.lineno}"
        literals = [a for a in node.args[:2 if node.func.id == "n_" else 1]]
        if any(isinstance(a, ast.JoinedStr) for a in literals):
            found.append(f"{where}: an f-string cannot be translated; write named placeholders")
            continue
        if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in literals):
            continue  # a variable holding a marked constant: checked where it is defined
        if node.func.id not in ("_", "n_") or any(k.arg is None for k in node.keywords):
            continue
        wanted = set().union(*(placeholders(a.value) for a in literals))
        given = {k.arg for k in node.keywords} | ({"n"} if node.func.id == "n_" else set())
        if wanted != given:
            found.append(f"{where}: placeholders {sorted(wanted)} but values for {sorted(given)}")
    return found
