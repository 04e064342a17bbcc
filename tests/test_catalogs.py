"""The translation machinery: what a build compiles is what gettext reads, and the checks of a
catalog (every message translated, every placeholder kept) catch what they are for."""

import gettext
import io

from babel.messages.catalog import Catalog

from grader import catalogs, i18n


def _catalog(*messages):
    catalog = Catalog(locale="zh", domain="demo")
    for message, translation in messages:
        catalog.add(message, translation)
    return catalog


def test_compiled_catalog_is_read_by_gettext():
    catalog = _catalog(("`{call}` returned None.", "`{call}` 返回了 None。"),
                       (("{n} check", "{n} checks"), ("{n} 项检查",)), ("not translated yet", ""))
    read = gettext.GNUTranslations(io.BytesIO(catalogs._mo_bytes(catalog)))
    assert read.gettext("`{call}` returned None.") == "`{call}` 返回了 None。"
    assert read.ngettext("{n} check", "{n} checks", 3) == "{n} 项检查"
    assert read.gettext("not translated yet") == "not translated yet"  # left out: English is shown


def test_problems_name_untranslated_and_changed_placeholders(tmp_path):
    domain = catalogs.Domain("demo", (), tmp_path)
    po = domain.po_path("zh")
    po.parent.mkdir(parents=True)
    good = ("`{call}` returned {value}.", "`{call}` 返回了 {value}。")
    renamed = ("expected {wanted}", "应为 {expected}")
    dropped = ("{n} of {total}", "{n} 个")
    po.write_bytes(catalogs._po_text(_catalog(good, renamed, dropped, ("untouched", ""))))
    found = catalogs.problems(domain, "zh")
    assert len(found) == 3
    assert any("not translated" in p and "untouched" in p for p in found)
    assert any("expected {wanted}" in p and "['expected']" in p for p in found)
    assert any("{n} of {total}" in p for p in found)
    po.write_bytes(catalogs._po_text(_catalog(good)))
    assert catalogs.problems(domain, "zh") == []


def test_call_problems_catch_fstrings_and_missing_values(tmp_path):
    source = tmp_path / "checks.py"
    source.write_text('a = _(f"returned {x}")\n'
                      'b = _("`{call}` returned {value}.", call=c)\n'
                      'c = n_("{n} check", "{n} checks", k)\n'
                      'd = _("`{call}` returned {value}.", call=c, value=v)\n', encoding="utf-8")
    found = catalogs.call_problems(source)
    assert [p.split(":")[0] for p in found] == ["checks.py, line 1", "checks.py, line 2"]


def test_check_titles_and_exercise_texts_are_messages():
    source = ('# %% [markdown]\n# ## 1. The model\n\n# %%\n'
              'def forward(x, w):\n    """The prediction: x * w."""\n    return x * w\n\n'
              '@check("forward", 2)\ndef forward_example(student, ref):\n    """forward gives the lesson\'s predictions\n\n    more"""\n')
    assert catalogs.check_titles(source) == ["forward gives the lesson's predictions"]
    assert catalogs.exercise_texts(source)[:2] == ["## 1. The model", "The prediction: x * w."]


def test_language_follows_the_locale_unless_chosen():
    assert i18n.language_from_environment({"LANG": "zh_CN.UTF-8"}) == "zh"
    assert i18n.language_from_environment({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"
    assert i18n.language_from_environment({"LC_MESSAGES": "zh_TW", "LANG": "en_US"}) == "zh"
    assert i18n.language_from_environment({}) == "en"
    assert i18n.use("en") == "en"
