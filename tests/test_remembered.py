"""The reference remembers the answers of its slow calls: computed once per process, handed out as copies."""

import time
import types

import numpy as np

from grader.reference import Remembered


def _module():
    calls = []

    def grid(values):
        calls.append(values)
        start = time.thread_time()
        while time.thread_time() - start < 2 * Remembered.SLOW_S:
            pass  # slow, as a 41 x 41 grid is
        return np.asarray(values, dtype=float) * 2

    def double(x):
        calls.append(x)
        return x * 2

    return types.SimpleNamespace(grid=grid, double=double, calls=calls)


def test_a_slow_call_is_computed_again_only_for_other_arguments_and_each_answer_is_a_copy():
    module = _module()
    reference = Remembered(module)
    for _ in range(3):
        answer = reference.grid([1.0, 2.0])
        assert answer.tolist() == [2.0, 4.0]
        answer[0] = -1.0  # a check that changes its copy changes nothing for the next
    assert len(module.calls) == 2  # the first call finds it slow, the second is remembered
    reference.grid([1.0, 3.0])
    assert len(module.calls) == 3


def test_arguments_of_another_type_are_other_arguments():
    module = _module()
    reference = Remembered(module)
    reference.grid([1.0, 2.0])
    kinds = [[1.0, 2.0], (1.0, 2.0), [1, 2], np.array([1.0, 2.0]), np.array([1.0, 2.0], dtype=np.float32),
             [np.float32(1.0), 2.0]]
    for _ in range(2):
        for value in kinds:
            reference.grid(value)
    assert len(module.calls) == 1 + len(kinds)  # the first call, then each kind once: none stands for another


def test_a_cheap_function_is_never_remembered():
    module = _module()
    reference = Remembered(module)
    for _ in range(3):
        assert reference.double(2.0) == 4.0
    assert len(module.calls) == 3
