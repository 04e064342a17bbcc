"""The lessons in Chinese: every message translated with its placeholders, the Chinese twins of the
exercises current and graded like the English ones, and a mutant's hints read from the lesson's catalog."""

import ast
import json
import re
import shutil

import pytest

from conftest import ROOT, run_grader
from grader import assignment as assignments, catalogs, i18n
from grader.build import cells, notebook_text, student_files, twin_files, twin_paths, twin_reference
from grader.discovery import choose, lesson_functions
from grader.engine import grade
from grader.selftest import compose_mutant

LESSONS = [domain for domain in catalogs.domains() if domain.name != i18n.DOMAIN]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese():
    """Messages in Chinese for the test, English again after it."""
    i18n.use("zh")
    yield
    i18n.use("en")


@pytest.mark.parametrize("domain", LESSONS, ids=lambda d: d.name)
def test_every_message_of_a_lesson_is_translated_with_its_placeholders(domain):
    assert catalogs.problems(domain, "zh") == []
    on_disk = {m.id for m in catalogs._read_po(domain.po_path("zh"), domain, "zh")}
    assert {m.id for m in catalogs.template(domain) if m.id} <= on_disk  # none waits for a build


@pytest.mark.parametrize("domain", LESSONS, ids=lambda d: d.name)
def test_a_lesson_calls_the_translation_api_with_the_values_its_messages_name(domain):
    assert [problem for source in domain.sources for problem in catalogs.call_problems(source)] == []
    taken = [f"{source.name}, line {node.lineno}" for source in domain.sources
             for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_"
             and any(k.arg == "message" for k in node.keywords)]
    assert taken == []  # `_`'s own parameter: a placeholder of that name is a TypeError when the check fails


@pytest.mark.parametrize("stem", assignments.available())
def test_titles_read_in_chinese(stem, chinese):
    lesson = assignments.load(stem)
    titles = [lesson.title, *(e.title for e in lesson.exercises), *(c.title for c in lesson.checks())]
    assert [t for t in titles if not CHINESE.search(i18n.translate(t))] == []


def _code(source: str) -> str:
    """The code of a percent-format file without its docstrings: what a twin must share with the exercise."""
    tree = ast.parse(source)
    for node in [tree, *ast.walk(tree)]:
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node):
            node.body = node.body[1:] or [ast.Pass()]
    return ast.dump(tree)


@pytest.mark.parametrize("stem", assignments.available())
def test_the_chinese_twins_are_built_current_and_share_the_exercises_code(stem):
    lesson = assignments.load(stem)
    twins = twin_files(lesson)
    assert all(path.read_text(encoding="utf-8") == text for path, text in twins.items())
    english = student_files(lesson)[lesson.exercise_paths[0]]
    twin = twins[twin_paths(lesson, "zh")[0]]
    assert _code(twin) == _code(english)
    english_cells, twin_cells = cells(english), cells(twin)
    assert [kind for kind, _text in twin_cells] == [kind for kind, _text in english_cells]
    assert all(CHINESE.search(text) for kind, text in twin_cells if kind == "markdown")
    notebook = json.loads(twins[twin_paths(lesson, "zh")[1]])
    assert [c["cell_type"] for c in notebook["cells"]] == [kind for kind, _text in twin_cells]


@pytest.mark.parametrize("suffix", [".zh.py", ".zh.ipynb"])
def test_either_twin_grades_the_same_reference_full_marks_stubs_none(suffix, tmp_path, lesson):
    stub = ROOT / "exercises" / f"linear_model{suffix}"
    finished = tmp_path / stub.name  # the reference pasted into the twin
    reference = twin_reference(lesson, "zh")
    finished.write_text(notebook_text(reference, lesson.stem) if suffix.endswith("ipynb") else reference,
                        encoding="utf-8")
    for path, score, code in ((finished, 100, 0), (stub, 0, 1)):
        result = run_grader("check", path, "--format", "json")
        report = json.loads(result.stdout)
        assert (report["assignment"], report["score"], result.returncode) == ("linear_model", score, code)


def test_in_a_folder_with_both_the_more_complete_of_the_exercise_and_its_twin_is_graded(tmp_path, lesson):
    functions = lesson_functions(lesson)
    english, twin = ROOT / "exercises" / "linear_model.py", ROOT / "exercises" / "linear_model.zh.py"
    shutil.copy(english, tmp_path)
    shutil.copy(twin, tmp_path)
    untouched = choose(tmp_path, "linear_model", functions)
    assert untouched.path.name == "linear_model.py" and untouched.note(tmp_path).endswith(
        "also found, not graded: linear_model.zh.py (untouched stub).")
    (tmp_path / "linear_model.zh.py").write_text(twin_reference(lesson, "zh"), encoding="utf-8")
    finished = choose(tmp_path, "linear_model", functions)
    assert finished.path.name == "linear_model.zh.py" and "linear_model.py (untouched stub)" in finished.note(tmp_path)


def _failing(tmp_path, mutant: str, stem: str = "linear_model") -> dict:
    """The failing checks of the reference of `stem` with the mutant `<exercise>/<name>` in place."""
    source = (ROOT / "tests" / "mutants" / stem / f"{mutant}.py").read_text()
    path = tmp_path / f"{stem}.py"
    path.write_text(compose_mutant((ROOT / "solutions" / f"{stem}.py").read_text(), source))
    return {c.name: c for e in grade(assignments.load(stem), path).exercises for c in e.checks if not c.passed}


def test_a_mutants_failing_checks_take_their_chinese_from_the_lesson_catalog(tmp_path, chinese):
    """The lesson's own words (its messages and hints) are Chinese; the engine's are still English here."""
    failing = _failing(tmp_path, "best_w/index")
    assert set(failing) == {"best_w_lesson_example", "best_w_finds_the_minimum"}
    example = failing["best_w_lesson_example"]
    assert example.message == ("`best_w([1.0, 2.0, 3.0], [2.0, 4.0, 6.0], np.arange(0.0, 4.1, 0.1))` "
                               "返回了 20，应为 2.0。")
    assert example.hint == "这是最优 w 在 w_values 中的位置，不是 w 本身。找到最小 MSE 的位置（np.argmin），返回该位置上的 w。"
    assert all(CHINESE.search(c.message) and CHINESE.search(c.hint) for c in failing.values())


def test_a_hint_built_from_a_mistake_is_chinese_around_its_parts(tmp_path, chinese):
    failing = _failing(tmp_path, "loss/no_square")
    assert failing and {c.hint for c in failing.values()} == {
        "这是误差 y_hat - y，不是它的平方。损失是误差的平方：(forward(x, w) - y) ** 2。"}


def test_a_message_built_on_another_failure_is_chinese_around_it(tmp_path, chinese):
    failing = _failing(tmp_path, "train/global_w", "gradient_descent")
    split = failing["train_split_in_two_equals_train_at_once"]
    assert split.status == "failed" and "这正是先调用 `train(" in split.message
    assert split.hint.startswith("训练必须从停下的地方继续")
