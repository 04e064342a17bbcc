"""English and Chinese: every engine message translated with its placeholders, English reports as they
were, Chinese from --lang zh or the locale, machine fields the same in both, and a terminal report
whose columns line up with Chinese in it."""

import copy
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile

import pytest

from conftest import ROOT, run_grader
from grader import catalogs, i18n
from grader.engine import grade
from grader.render import gradescope, junit, text
from grader.render.text import WIDTH, width, wrap_paragraph
from grader.report import CheckResult, ExerciseResult, Report

HERE = ROOT / "tests" / "i18n"
BUGGY = HERE / "linear_model.py"  # four known mistakes, a stub of the wrong signature, a function that raises


def _engine():
    return next(d for d in catalogs.domains() if d.name == i18n.DOMAIN)


def _timeless(report: str) -> str:
    return re.sub(r"(graded in |评分用时 )[0-9.]+", r"\1X", report)


@pytest.fixture
def speaking():
    """speaking("zh"): the language of this test's in-process messages; English again afterwards."""
    yield i18n.use
    i18n.use("en")


def test_every_engine_message_has_a_chinese_translation_with_its_placeholders():
    assert catalogs.problems(_engine(), "zh") == []


def test_every_engine_message_is_written_with_named_placeholders():
    assert [p for path in _engine().sources for p in catalogs.call_problems(path)] == []


def test_the_english_reports_are_as_before_the_translation():
    for options, golden in (((), "report.en.txt"), (("--format", "markdown"), "report.en.md")):
        for language in ((), ("--lang", "en")):
            result = run_grader("check", BUGGY.relative_to(ROOT), "--sandbox", "off", *options, *language)
            assert result.returncode == 1, result.stderr
            assert _timeless(result.stdout) == (HERE / golden).read_text(encoding="utf-8")


def test_chinese_comes_from_the_option_or_the_locale_alike():
    by_option = run_grader("check", BUGGY.relative_to(ROOT), "--sandbox", "off", "--lang", "zh")
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    by_locale = run_grader("check", BUGGY.relative_to(ROOT), "--sandbox", "off",
                           env={**environ, "LANG": "zh_CN.UTF-8"})
    assert by_option.returncode == by_locale.returncode == 1, by_option.stderr + by_locale.stderr
    assert _timeless(by_option.stdout) == _timeless(by_locale.stdout)
    shown = by_option.stdout
    for heading in ("需要改正的地方", "得分：55/100", "总分", "提示：", "沙箱（off）：文件访问未受限", "评分用时"):
        assert heading in shown
    for english in ("What to fix", "Score:", "Hint:", "total", "Sandbox", "NOT confined"):  # the engine's words
        assert english not in shown
    assert (HERE / "report.zh.txt").read_text(encoding="utf-8") == _timeless(shown)  # the golden Chinese report


def test_every_failing_check_of_a_chinese_report_has_a_chinese_title_message_and_hint():
    result = run_grader("check", BUGGY.relative_to(ROOT), "--sandbox", "off", "--lang", "zh", "--format", "json")
    failing = [c for e in json.loads(result.stdout)["exercises"] for c in e["checks"] if not c["passed"]]
    assert len(failing) >= 10
    chinese = re.compile(r"[\u4e00-\u9fff]")
    for check in failing:
        for field in ("name", "message", "hint"):
            assert chinese.search(check[field]), (check["id"], field, check[field])


def test_a_usage_error_is_in_the_language_asked_for():
    result = run_grader("check", "no/such/file.py", "--lang", "zh")
    assert result.returncode == 2
    assert result.stderr == "grader：错误：no/such/file.py：没有这个文件或文件夹\n"


def _machine(document, human=("name", "title", "message", "hint", "cause", "where", "output", "execution_time",
                               "duration_s", "notes", "errors")):
    """`document` without its human text (and its timings)."""
    if isinstance(document, dict):
        return {k: _machine(v) for k, v in document.items() if k not in human}
    if isinstance(document, list):
        return [_machine(v) for v in document]
    return document


def _tree(element):
    """An XML element's tags, attributes and children, without the human text (messages, titles)."""
    attributes = {k: v for k, v in element.attrib.items()
                  if k != "time" and not (element.tag in ("failure", "error") and k == "message")}
    return element.tag, attributes, [_tree(child) for child in element]


def test_machine_fields_are_the_same_in_both_languages(lesson, speaking):
    reports = {}
    for language in ("en", "zh"):
        speaking(language)
        report = grade(lesson, BUGGY)
        reports[language] = (report, report.to_dict(), junit.render(report), gradescope.results(report))
    (en, en_json, en_junit, en_gs), (zh, zh_json, zh_junit, zh_gs) = reports["en"], reports["zh"]
    assert _machine(en_json) == _machine(zh_json)
    assert [c["name"] != z["name"] for e, f in zip(en_json["exercises"], zh_json["exercises"])
            for c, z in zip(e["checks"], f["checks"]) if c["message"]]  # the human text did change
    assert _tree(ET.fromstring(en_junit.split("\n", 1)[1])) == _tree(ET.fromstring(zh_junit.split("\n", 1)[1]))
    assert _machine(en_gs) == _machine(zh_gs)
    assert [t["name"].split(":")[0] for t in en_gs["tests"]] == [t["name"].split(":")[0] for t in zh_gs["tests"]]
    assert en_gs["output"].startswith("Score: 55/100") and zh_gs["output"].startswith("得分：55/100")


def _report(ids_and_titles) -> Report:
    exercises = []
    for exercise, title, message in ids_and_titles:
        failing = CheckResult(f"{exercise}_check", title, "failed", 0.0, 3.0, message, "把 x 和 w 相乘：x * w。")
        exercises.append(ExerciseResult(exercise, title, (failing, CheckResult("ok", title, "passed", 2.0, 2.0))))
    return Report("demo", "demo.py", tuple(exercises))


def test_the_table_lines_up_with_wide_characters(speaking):
    speaking("zh")
    report = _report([("前向", "前向计算给出课上的预测值", "短"), ("mse", "均方误差是损失的平均值", "短"),
                      ("穷举搜索", "穷举得到最好的 w", "短"), ("loss", "loss", "短")])
    rows = [line for line in text.render(report).splitlines() if re.search(r"\d+ / \d+", line)]
    assert len(rows) == 5 and rows[-1].lstrip().startswith("总分")
    columns = {width(line[:line.index(" / ")]) for line in rows}
    assert len(columns) == 1  # every "score / max" at the same display column


def test_chinese_text_wraps_at_the_display_width_and_keeps_punctuation_off_a_line_start():
    sentence = ("`mse([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], 2.0)` 返回了 1.3333333，应为 0.8。这里除以的是 3，即课上"
                "数据集的大小；要除以 len(x_data)，这样对任何数据集都成立（[1.0, ... 还有 3 个]）。") * 3
    lines = wrap_paragraph(sentence, WIDTH, "      ")
    assert len(lines) > 2
    assert all(width(line) <= WIDTH for line in lines)
    assert not any(line[6] in "，。；：）)]" for line in lines)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", sentence)  # nothing lost on the way


def test_english_wraps_as_textwrap_did():
    import textwrap

    paragraph = ("`mse_grid([1.0, 2.0, 3.0], [4.0, 7.0, 10.0], np.arange(0.0, 4.1, 0.1), np.arange(-2.0, 2.1, 0.1))` "
                 "returned W of shape (41, 41) with 1640 of its 1681 values wrong; the first is W[0, 1] = 0.0, "
                 "expected 0.1.   Several  spaces stay inside a line.")
    for indent in ("", "      "):
        assert wrap_paragraph(paragraph, 60, indent) == textwrap.wrap(
            paragraph, 60, initial_indent=indent, subsequent_indent=indent, break_long_words=False,
            break_on_hyphens=False)


def test_colour_is_the_same_in_both_languages(speaking):
    report = _report([("forward", "forward", "`forward(1.0, 2.0)` 返回了 3.0，应为 2.0。")])
    codes = {}
    for language in ("en", "zh"):
        speaking(language)
        found = re.findall(r"\033\[[0-9;]*m", text.render(report, colour=True))
        pairs = list(zip(found[::2], found[1::2]))  # each painted piece: its colour, then the reset
        codes[language] = [p for k, p in enumerate(pairs) if not k or p != pairs[k - 1]]  # a wrapped line is one
    assert codes["en"] == codes["zh"] and codes["en"]


def test_the_gradescope_bundle_records_the_language(tmp_path):
    for language, option in (("zh", ("--lang", "zh")), ("", ())):
        out = tmp_path / f"bundle{language}.zip"
        result = run_grader("gradescope-bundle", out, "--lesson", "linear_model", *option)
        assert result.returncode == 0, result.stderr
        script = zipfile.ZipFile(out).read("run_autograder").decode()
        assert f'CHOSEN_LANGUAGE="{language}"' in script and "@LANGUAGE@" not in script


def test_a_release_records_the_language_and_speaks_it(tmp_path):
    out = tmp_path / "kit"
    result = run_grader("release", out, "--lesson", "linear_model", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert json.loads((out / "grader" / "lessons" / "linear_model" / "release.json").read_text())["language"] == "zh"
    assert (out / "grader" / "locale" / "zh" / "LC_MESSAGES" / "grader.mo").exists()
    student = {**os.environ, "PYTHONPATH": str(out)}  # the release's own grader, with no --lang: Chinese
    chinese = run_grader("check", "exercises/linear_model.py", cwd=out, env=student)
    english = run_grader("check", "exercises/linear_model.py", "--lang", "en", cwd=out, env=student)
    assert "得分：0/60" in chinese.stdout and "12 项隐藏检查项（40 分）" in chinese.stdout, chinese.stderr
    assert "Score: 0/60" in english.stdout
    assert "分" in (out / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("font", ["as installed", "none"])
def test_the_class_summary_speaks_the_chosen_language(tmp_path, speaking, monkeypatch, font):
    from grader import gradebook

    if font == "none":  # whatever this machine has: the fallback is said, in the summary's language
        monkeypatch.setattr(gradebook, "cjk_font", lambda: None)
    speaking("zh")
    row = {"student": "alice", "status": "graded", "report": copy.deepcopy(_report(
        [("mse", "均方误差", "短")]).to_dict())}
    summary = gradebook.write_summary([row], tmp_path, "第 2 课").read_text(encoding="utf-8")
    assert summary.startswith("# 第 2 课：全班情况") and "需要再讲的内容" in summary
    assert ("所以图表的文字用英文" in summary) == (gradebook.cjk_font() is None)  # no font with Chinese: said so
    assert all((tmp_path / name).exists() for name in ("scores.png", "exercises.png", "failing_checks.png"))
    assert i18n.current() == "zh"  # the charts' English, if any, ended with them


def test_a_class_graded_in_chinese_has_chinese_reports_from_every_worker(tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    for student in ("alice", "bob", "carol"):
        (folder / f"{student}.py").write_text(BUGGY.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_grader("grade", folder, "--out", out, "-j", "2", "--lesson", "linear_model", "--lang", "zh")
    assert result.returncode == 0, result.stderr
    assert "3 份提交" in result.stdout
    for student in ("alice", "bob", "carol"):
        report = json.loads((out / "reports" / f"{student}.json").read_text(encoding="utf-8"))["report"]
        hints = [c["hint"] for e in report["exercises"] for c in e["checks"] if c["id"] == "forward_uses_its_argument_w"]
        assert hints and all("把参数命名为 `w`" in h for h in hints)
    assert "需要再讲的内容" in (out / "summary.md").read_text(encoding="utf-8")
    english = run_grader("grade", folder, "--out", out, "-j", "2", "--lesson", "linear_model", "--lang", "en")
    assert english.returncode == 0, english.stderr  # graded again: the reports of another language are stale
    report = json.loads((out / "reports" / "alice.json").read_text(encoding="utf-8"))["report"]
    assert report["exercises"][0]["checks"][0]["hint"].startswith("The model is")


def test_the_notebook_checks_in_the_language_asked_for(monkeypatch, speaking):
    from grader import notebook

    source = (ROOT / "solutions" / "linear_model.py").read_text(encoding="utf-8")
    monkeypatch.setattr(notebook, "kernel_cells", lambda: [{"source": source, "filename": "In [1]", "label": "In [1]"}])
    report = notebook.check("forward", assignment="linear_model", lang="zh")
    assert report.submission == "笔记本的内核" and "得分：" in repr(report) and "得分" in report._repr_html_()


def test_a_notebook_report_shows_itself_in_the_language_it_was_graded_in(speaking):
    from grader.notebook import NotebookReport

    speaking("zh")
    shown = NotebookReport(_report([("forward", "forward", "`forward(1.0, 2.0)` 返回了 3.0，应为 2.0。")]), "第 2 讲")
    speaking("en")  # a later grader.check(lang="en")
    for rendered in (repr(shown), shown._repr_html_()):
        assert "需要改正的地方" in rendered and "What to fix" not in rendered
    assert i18n.current() == "en"
