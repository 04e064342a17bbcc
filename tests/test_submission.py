"""Loading submissions: files, notebooks, folders, and the ways they can be broken."""

import json

import pytest

from grader.submission import UnreadableSubmission, load_program


def notebook(cells, nbformat=4):
    return json.dumps({"nbformat": nbformat, "nbformat_minor": 5, "metadata": {},
                       "cells": [{"cell_type": kind, "id": f"c{n}", "metadata": {}, "source": text,
                                  **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                                 for n, (kind, text) in enumerate(cells)]})


def test_a_python_file_is_one_chunk(tmp_path):
    path = tmp_path / "linear_model.py"
    path.write_text("def forward(x, w):\n    return x * w\n")
    program = load_program(path, "linear_model")
    assert not program.tolerant and len(program.chunks) == 1
    assert program.chunks[0]["filename"] == "linear_model.py"


def test_a_notebook_is_one_chunk_per_code_cell_numbered_among_all_cells(tmp_path):
    path = tmp_path / "linear_model.ipynb"
    path.write_text(notebook([("markdown", "# Title"), ("code", "%matplotlib inline\nx = 1"),
                              ("code", "!pip install numpy\ny = 2")]))
    program = load_program(path, "linear_model")
    assert program.tolerant
    assert [c["label"] for c in program.chunks] == ["cell 2", "cell 3"]
    assert program.chunks[0]["source"] == "\nx = 1"  # the magic is blanked, the line numbers kept
    assert program.chunks[1]["source"] == "\ny = 2"


def test_a_source_encoding_declaration_is_honoured(tmp_path):
    path = tmp_path / "linear_model.py"
    path.write_bytes("# -*- coding: latin-1 -*-\nNAME = 'é'\n".encode("latin-1"))
    assert "é" in load_program(path, "linear_model").chunks[0]["source"]


@pytest.mark.parametrize("name, content, words", [
    ("linear_model.py", b"\xff\xfe\x00bad", "not UTF-8"),
    ("linear_model.py", b"   \n\n", "is empty"),
    ("linear_model.ipynb", b'{"cells": [', "broken JSON at line 1"),
    ("linear_model.ipynb", notebook([("markdown", "only words")]).encode(), "no code cells"),
])
def test_unreadable_submissions_say_why(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableSubmission, match=words):
        load_program(path, "linear_model")


