"""The reference remembers the answers of its large calls: computed once per process, handed out as copies."""

import types

import numpy as np

from grader.reference import Remembered

LARGE = list(np.linspace(0.0, 4.0, Remembered.LARGE))


def _module():
    calls = []

    def double(values):
        calls.append(values)
        return np.asarray(values, dtype=float) * 2

    return types.SimpleNamespace(double=double, calls=calls)


def test_a_large_call_is_computed_again_only_for_other_arguments_and_each_answer_is_a_copy():
    module = _module()
    reference = Remembered(module)
    for _ in range(3):
        answer = reference.double(LARGE)
        assert answer[1] == 2 * LARGE[1]
        answer[1] = -1.0  # a check that changes its copy changes nothing for the next
    assert len(module.calls) == 1
    reference.double(LARGE[::-1])
    assert len(module.calls) == 2


def test_arguments_of_another_type_are_other_arguments():
    module = _module()
    reference = Remembered(module)
    kinds = [LARGE, tuple(LARGE), [float(v) for v in np.float32(LARGE)], np.array(LARGE),
             np.array(LARGE, dtype=np.float32), [np.float32(LARGE[0]), *LARGE[1:]], [int(v) for v in LARGE]]
    for _ in range(2):
        for value in kinds:
            reference.double(value)
    assert len(module.calls) == len(kinds)  # each once: none stands for another


def test_a_call_on_a_few_numbers_is_never_remembered():
    module = _module()
    reference = Remembered(module)
    for _ in range(3):
        assert reference.double([1.0, 2.0]).tolist() == [2.0, 4.0]
    assert len(module.calls) == 3
