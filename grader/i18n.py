"""The language a person reads: English or Simplified Chinese, through GNU gettext catalogs.

Every string a student or instructor reads is written once, in English, with named
placeholders, and goes through `_`:

    _("`{call}` returned None.", call=call)

The English text is the message id; `_` looks it up in the current language's catalogs
and then fills the placeholders, so a translation may move them but keeps their names.
Values inside a message (calls, arrays) stay as Python writes them. A literal brace is
written `{{` or `}}`. Text fixed at import time (a module's constant) is marked with
`N_` and translated where it is used, `_(CONSTANT)`, because the language is chosen
after the checks are imported (`--lang`, the locale). Plurals go through `n_`. A text with no placeholders that may hold braces (a check's docstring title, a
notebook cell) goes through `text`.

The engine's catalog is `grader/locale/<lang>/LC_MESSAGES/grader.mo`; a lesson's is
`<lesson package>/locale/<lang>/LC_MESSAGES/<stem>.mo`, added when the lesson loads
(`add_catalog`), so the engine knows nothing about a lesson's messages. Machine fields
(ids, statuses, JSON keys) never go through `_`.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path
from typing import Mapping

LANGUAGES = ("en", "zh")
DOMAIN = "grader"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"

_language = "en"
_catalogs: list[tuple[Path, str]] = [(LOCALE_DIR, DOMAIN)]  # (locale folder, domain), engine first
_translations: gettext.NullTranslations | None = None  # built on first use, for _language and _catalogs


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
    global _language, _translations
    chosen = language or language_from_environment()
    if chosen not in LANGUAGES:
        raise ValueError(f"unknown language {chosen!r}; choose one of {', '.join(LANGUAGES)}")
    if chosen != _language:
        _language, _translations = chosen, None
    return chosen


def current() -> str:
    return _language


def add_catalog(locale_dir: Path, domain: str) -> None:
    """Let a lesson's messages be translated too (called when the lesson is loaded)."""
    global _translations
    entry = (Path(locale_dir), domain)
    if entry not in _catalogs:
        _catalogs.append(entry)
        _translations = None


def _catalog() -> gettext.NullTranslations:
    global _translations
    if _translations is None:
        chain = gettext.NullTranslations()
        if _language != "en":
            found = [gettext.translation(domain, str(folder), languages=[_language], fallback=True)
                     for folder, domain in _catalogs]
            for catalog in reversed(found):
                catalog.add_fallback(chain)
                chain = catalog
        _translations = chain
    return _translations


def _(message: str, **values) -> str:
    """`message` in the current language, with its placeholders filled from `values`."""
    return _catalog().gettext(message).format_map(values)


def n_(singular: str, plural: str, n: int, **values) -> str:
    """The singular or plural form for `n` (Chinese has one form); `{n}` is among the placeholders."""
    return _catalog().ngettext(singular, plural, n).format_map({"n": n, **values})


def text(message: str) -> str:
    """A text with no placeholders (a check's title, a notebook cell) in the current language, as it is."""
    return _catalog().gettext(message)


def N_(message: str) -> str:
    """Mark a constant for translation where it is used (`_(CONSTANT)`); returns it unchanged."""
    return message
