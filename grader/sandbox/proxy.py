"""The student's module as the checks see it: `student.mse(x, y, w)` runs in the child.

A call either returns a decoded value or raises an exception whose message already says,
for a student, which call failed and how: a `StudentError` when the function raised
(another input might not, so hypothesis may look for the smallest one that does), or a
`StudentStop` when no other input can help (not implemented, missing, hung, crashed).
`StudentStop` is a BaseException so that hypothesis stops at once instead of shrinking.
A function that hung or killed its process is not called again: later calls fail at once
with the first failure, so one endless loop costs one time limit, not one per example.
A picture is drawn once per grading: a plot call with the same arguments as one that has
returned gets a fresh decoding of that answer (each draws from a clean slate, so it would
draw the same; drawing costs more than every numeric call of a check).
"""

from __future__ import annotations

import json
import secrets
import time

from ..i18n import _
from ..report import MISSING
from ..values import CallText
from . import wire
from .process import ChildDied, ChildTimeout, Sandbox


SANDBOX_REFUSALS = ("PermissionError", "BlockingIOError")  # how the kernel's refusals reach Python


class StudentProblem:
    """A call into the student's code that did not return a value."""

    def __init__(self, function: str, call: str, message: str, hint: str = "", cause: str = ""):
        super().__init__(message)
        self.function = function
        self.call = call
        self.message = message
        self.hint = hint
        self.cause = cause or f"{type(self).__name__} {function}"  # what the failing checks have in common


class StudentError(StudentProblem, Exception):
    """The function raised an exception: on some inputs, perhaps not on others."""


class StudentStop(StudentProblem, BaseException):
    """Trying other inputs is pointless: the check fails now, with this message."""


class NotImplementedYet(StudentStop):
    """The function is still the stub."""


class TimedOut(StudentStop):
    """The function did not return within the time limit."""


class Crashed(StudentStop):
    """The function ended or broke its process."""


class Missing(StudentStop):
    """The submission has no function of that name."""


class OutOfMemory(StudentStop):
    """The function used more memory than the limit."""


def _where(info: dict) -> str:
    if not info.get("line"):
        return ""
    if info.get("code"):
        return _(" ({file}, line {line}: `{code}`)", file=info["file"], line=info["line"], code=info["code"])
    return _(" ({file}, line {line})", file=info["file"], line=info["line"])


def _place(info: dict) -> str:
    """Where it raised, for the cause: not a sentence, so not translated."""
    if not info.get("line"):
        return ""
    code = f": `{info['code']}`" if info.get("code") else ""
    return f" ({info['file']}, line {info['line']}{code})"


def _printed(info: dict) -> str:
    text = str(info.get("printed") or "").strip()
    more = info.get("printed_more")
    if isinstance(more, int) and more > 0:
        text += "\n" + _("... and {n} more characters", n=more)
    return _(" Before that it printed:\n{printed}", printed=text) if text else ""


def exception_text(kind: str, message: str) -> str:
    """What the child said of an exception, in words: a SystemExit's message is its exit code."""
    return _("exit code {code}", code=message) if kind == "SystemExit" else message


def _raised(function: str, call: str, info: dict, memory_mb: int) -> StudentProblem:
    kind = info.get("type", "Exception")
    text = exception_text(kind, info.get("message", ""))
    if kind == "NotImplementedError":
        return NotImplementedYet(
            function, call, _("`{function}` is not implemented yet.", function=function),
            _("Replace `raise NotImplementedError` in `{function}` with your code.", function=function))
    if kind in ("SystemExit", "KeyboardInterrupt"):
        return Crashed(
            function, call, _("`{call}` tried to end the program ({error}){where}.", call=call,
                              error=", ".join(filter(None, (kind, text))), where=_where(info)),
            _("A function should return its result; remove exit() and similar calls from it."))
    if kind == "MemoryError":
        return OutOfMemory(
            function, call, _("`{call}` used more than {memory} MiB of memory{where}.", call=call, memory=memory_mb,
                              where=_where(info)),
            _("Does it build a list or array far larger than its inputs, or one that keeps growing?"))
    detail = f"{kind}: {text}" if text else kind
    raised = _("`{call}` raised {error}{where}.{printed}", call=call, error=detail, where=_where(info),
               printed=_printed(info))
    cause = f"{function} raised {kind}{_place(info)}"  # what the failing checks share, the same in every language
    if kind in SANDBOX_REFUSALS:
        return StudentError(function, call, raised,
                            _("The grader runs your code in a sandbox: it cannot start processes, use the "
                              "network, or read or write files outside its own folder. The exercise needs "
                              "none of these: compute the result from the arguments."), cause=cause)
    return StudentError(function, call, raised, _("Read the line named above; try the same call yourself in Python."),
                        cause=cause)


def _well_formed(reply: dict, n_args: int, return_args: bool) -> bool:
    """A reply the child could have sent: one outcome, and the arguments back if asked for."""
    outcomes = [key for key in ("value", "raised", "missing") if key in reply]
    if len(outcomes) != 1 or ("raised" in reply and not isinstance(reply["raised"], dict)):
        return False
    if return_args and "raised" not in reply and "missing" not in reply:
        after = reply.get("args_after")
        return isinstance(after, list) and len(after) == n_args
    return True


def _decode(plain: object, deadline: float | None) -> object:
    """The answer as a value, decoded by the call's deadline (past it: TimeoutError)."""
    try:
        return wire.from_plain(plain, deadline)
    except TimeoutError:
        raise
    except Exception:  # a damaged answer is a wrong answer, not a grader crash
        return wire.Unsupported("?", "unreadable_answer", {})


class StudentModule:
    """Attribute access gives callables that run the student's function in the child."""

    def __init__(self, sandbox: Sandbox, names: dict | None = None, stand_ins=None):
        self._sandbox = sandbox
        self._broken: dict[str, StudentStop] = {}
        self._drawn: dict[str, dict] = {}  # {a plot call's function and arguments, as sent: its answer}
        self._names = names or {}  # {function: the contract's parameter names}, for messages
        self._stand_ins = stand_ins  # `standins.StandIns` under --isolate-functions

    def argument_names(self, function: str, n: int) -> tuple[str, ...]:
        """How a message names the arguments of a call: the contract's names, or their position."""
        names = tuple(self._names.get(function, ()))
        return names if len(names) == n else tuple(f"number {k}" for k in range(1, n + 1))

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self.call(name, *args)

    def call(self, function: str, *args, plot: bool = False, return_args: bool = False,
             shown: str | CallText = ""):
        """Run `function(*args)` in the child; returns its value, or (value, args after).

        `shown` is how messages write the call, where the arguments are too long to show.
        """
        if function in self._broken:
            first = self._broken[function]
            raise type(first)(function, first.call, _("Not called again, since an earlier call failed: {message}",
                                                      message=first.message), first.hint, first.cause)
        call = shown or CallText(function, args)
        message = {"fn": function, "args": [wire.to_plain(a) for a in args],
                   "plot": plot, "return_args": return_args}
        drawing = json.dumps([function, message["args"], return_args]) if plot else None
        if drawing in self._drawn:
            return self._answer(self._drawn[drawing], return_args, None)  # read in time once already
        deadline = time.monotonic() + self._sandbox.limits.call_timeout  # for the answer's decoding too
        answer = None
        if self._stand_ins is not None:  # the call's number is drawn at random: no request made before it can hold it
            number = secrets.token_hex(8)
            message.update(stand_ins=list(self._stand_ins.allowed(function)), call=number)
            answer = self._stand_ins.answerer(function, number)
        try:
            reply = self._sandbox.request(message, answer=answer)
        except ChildTimeout:
            raise self._break(function, self._timed_out(function, call))
        except ChildDied as died:
            raise self._break(function, Crashed(
                function, call, _("`{call}` stopped the grader's worker: {how}.", call=call, how=died.how),
                _("Look for exit(), os._exit(), os.kill() or ctypes in your code.")))
        if not _well_formed(reply, len(args), return_args):
            raise self._break(function, Crashed(
                function, call, _("`{call}` broke the conversation with the grader: {how}.", call=call,
                                  how=self._sandbox.unreadable().how),
                _("Does your code write to file descriptors it did not open?")))
        if reply.get("missing"):
            raise self._break(function, Missing(
                function, call, _("Your submission has no function `{function}`.", function=function),
                _("Keep `def {function}(...)` with the name and arguments from the exercise file.",
                  function=function), cause=MISSING + function))  # the reports list missing functions together
        if "raised" in reply:
            problem = _raised(function, call, reply["raised"], self._sandbox.limits.memory_mb)
            raise self._break(function, problem) if isinstance(problem, OutOfMemory) else problem
        try:
            value = self._answer(reply, return_args, deadline)
        except TimeoutError:  # an answer built to be slow to read
            raise self._break(function, self._timed_out(function, call)) from None
        if drawing is not None:
            self._drawn[drawing] = reply
        return value

    def _timed_out(self, function: str, call) -> TimedOut:
        limit = self._sandbox.limits.call_timeout
        return TimedOut(function, call, _("`{call}` did not return within {seconds:g} s.", call=call, seconds=limit),
                        _("Is there a loop that never ends, or a loop over far more values than needed?"))

    @staticmethod
    def _answer(reply: dict, return_args: bool, deadline: float | None):
        value = _decode(reply["value"], deadline)
        if return_args:
            return value, [_decode(a, deadline) for a in reply["args_after"]]
        return value

    def _break(self, function: str, error: StudentStop) -> StudentStop:
        self._broken[function] = error
        return error
