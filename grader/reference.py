"""The reference as the checks see it: the real solution, or its recorded answers.

In the instructor's kit the checks call the reference solution itself. A student release
holds no solution: there `Answers` replays what the reference returned, at exactly the
inputs the public checks use, recorded by `Recorder` when the release was built.
"""

from __future__ import annotations

import json
from pathlib import Path

from .sandbox.wire import from_plain, to_plain
from .i18n import _


class NotRecorded(LookupError):
    """A check asked the reference something the release did not record."""


def _key(function: str, args: tuple) -> str:
    return json.dumps([function, [to_plain(a) for a in args]], sort_keys=True)


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
