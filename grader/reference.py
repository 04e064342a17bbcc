"""The reference as the checks see it: the real solution, or its recorded answers.

In the instructor's kit the checks call the reference solution itself, through `Remembered`,
which keeps the answers of its large calls for the rest of the process. A student release
holds no solution: there `Answers` replays what the reference returned, at exactly the
inputs the public checks use, recorded by `Recorder` when the release was built.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import numpy as np

from . import exact
from .sandbox.wire import from_plain, to_plain
from .i18n import _


class NotRecorded(LookupError):
    """A check asked the reference something the release did not record."""


def _key(function: str, args: tuple) -> str:
    return json.dumps([function, [to_plain(a) for a in args]], sort_keys=True)


class Remembered:
    """The reference module, answering a large call it has answered before from memory.

    The reference is pure, so its answer to the same arguments is the same: a warm process
    (watch, notebook) need not compute the lesson's 41 x 41 grid again at every grading, nor
    the checks that ask for the same grid within one. A call is remembered when its arguments
    hold at least LARGE numbers: one on a few numbers costs less than its key. The key is
    every argument's exact type and value (`exact`: an array's dtype, shape and bytes); a call
    with an argument of another kind is never remembered. Every answer is a copy: a check may
    change it.
    """

    LARGE = 64

    def __init__(self, module):
        self._module = module
        self._answers: dict[str, object] = {}

    def __getattr__(self, name: str):
        real = getattr(self._module, name)
        if not callable(real):
            return real

        def answer(*args):
            if _size(args) < self.LARGE:
                return real(*args)
            try:
                key = json.dumps([name, [exact.encode(a) for a in args]])
            except exact.Inexact:
                return real(*args)
            if key not in self._answers:
                self._answers[key] = real(*args)
            return copy.deepcopy(self._answers[key])

        setattr(self, name, answer)  # found without __getattr__ from now on
        return answer


def _size(args: tuple) -> int:
    """About how many numbers the arguments hold (a list of rows counts its rows)."""
    size = 0
    for value in args:
        kind = type(value)
        size += len(value) if kind is list or kind is tuple else value.size if kind is np.ndarray else 1
    return size


class Recorder:
    """Calls the real reference and remembers every answer."""

    def __init__(self, module):
        self._module = module
        self.answers: dict[str, object] = {}

    def __getattr__(self, function: str):
        real = getattr(self._module, function)

        def recorded(*args):
            result = real(*args)
            self.answers[_key(function, args)] = to_plain(result)
            return result

        return recorded

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.answers, sort_keys=True) + "\n", encoding="utf-8")


class Answers:
    """Replays recorded answers; anything else is a fault of the release, said plainly."""

    def __init__(self, path: Path):
        self._answers = json.loads(path.read_text(encoding="utf-8"))
        self._functions = {json.loads(key)[0] for key in self._answers}

    def __getattr__(self, function: str):
        if function not in self._functions:
            raise AttributeError(_("the recorded reference has no function {function}", function=repr(function)))

        def replay(*args):
            key = _key(function, args)
            if key not in self._answers:
                raise NotRecorded(_("the release has no recorded answer for {call}", call=function + repr(args)))
            return from_plain(self._answers[key])

        return replay
