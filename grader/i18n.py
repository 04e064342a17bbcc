"""The language a person reads: English or Simplified Chinese, through GNU gettext catalogs.

Every string a student or instructor reads is written once, in English, with named
placeholders, and goes through `_`:

    _("`{call}` returned None.", call=call)

The English text is the message id; `_` looks it up in the current language's catalogs
and then fills the placeholders, so a translation may move them but keeps their names.
Values inside a message (calls, arrays) stay as Python writes them. A literal brace is
written `{{` or `}}`. Text fixed at import time (a module's constant) is marked with
`N_` and translated where it is used, `_(CONSTANT)`, because the language is chosen
after the checks are imported (`--lang`, the locale). Plurals go through `n_`. A text with
no placeholders that may hold braces (a check's docstring title, a notebook cell) goes
through `translate`.

The engine's catalog is `grader/locale/<lang>/LC_MESSAGES/grader.mo`; a lesson's is
`grader/lessons/<stem>/locale/<lang>/LC_MESSAGES/<stem>.mo`, found on disk, so the engine
knows nothing about a lesson's messages. `grader build` extracts, updates and compiles
them (`grader.catalogs`). Machine fields (ids, statuses, JSON keys) never go through `_`.
"""

from __future__ import annotations

import gettext
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Mapping

LANGUAGES = ("en", "zh")
DOMAIN = "grader"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_language = "en"
_translations: dict[str, gettext.NullTranslations] = {}  # per language, built on first use


def language_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language the locale asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set (as
    POSIX reads them); any `zh*` (zh_CN.UTF-8, zh_TW, zh) is Chinese, anything else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def use(language: str | None) -> str:
    """Make `language` ("en" or "zh"; None: the locale's) the language of every message from now on."""
    global _language
    chosen = language or language_from_environment()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}; choose one of {', '.join(LANGUAGES)}")
    _language = chosen
    return chosen


def current() -> str:
    return _language


@contextmanager
def speaking(language: str):
    """Words in `language` inside the block, the language of before after it (a report shown later)."""
    before = _language
    use(language)
    try:
        yield
    finally:
        use(before)


def catalogs() -> list[tuple[Path, str]]:
    """(locale folder, domain) of the engine and of every lesson: grader/lessons/<stem>/locale holds <stem>'s."""
    lessons = sorted(LOCALE_DIR.parent.glob("lessons/*/locale"))
    return [(LOCALE_DIR, DOMAIN), *((folder, folder.parent.name) for folder in lessons)]


def translations(language: str) -> gettext.NullTranslations:
    """Every catalog of `language`, chained: a message is looked up in each in turn, else kept in English."""
    if language not in _translations:
        chain = gettext.NullTranslations()
        if language != "en":
            found = [gettext.translation(domain, str(folder), languages=[language], fallback=True)
                     for folder, domain in catalogs()]
            for catalog in reversed(found):
                catalog.add_fallback(chain)
                chain = catalog
        _translations[language] = chain
    return _translations[language]


def _catalog() -> gettext.NullTranslations:
    return translations(_language)


def _(message: str, /, **values) -> str:
    """`message` in the current language, with its placeholders filled from `values`."""
    return _catalog().gettext(message).format_map(values)


def n_(singular: str, plural: str, n: int, /, **values) -> str:
    """The singular or plural form for `n` (Chinese has one form); `{n}` is among the placeholders."""
    return _catalog().ngettext(singular, plural, n).format_map({"n": n, **values})


def translate(message: str) -> str:
    """A text with no placeholders (a check's title, a notebook cell) in the current language, as it is."""
    return _catalog().gettext(message)


def N_(message: str) -> str:
    """Mark a constant for translation where it is used (`_(CONSTANT)`); returns it unchanged."""
    return message
