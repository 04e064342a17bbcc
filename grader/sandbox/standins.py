"""`--isolate-functions`: the reference stands in for the other contract functions a student's function calls.

The reference never enters the child. For the duration of one call, the child replaces the
contract functions that come before the function under test in the lesson's order with stubs
(see `child.StandIns`); a stub sends `{"ask": name, "call": n, "args": [...]}` and waits. The
grader computes the reference's answer here and replies with the value in the wire's encoding,
or with the reason it refuses. This is a channel out of the sandbox, so every request is hostile:

- only the functions before the one under test (never itself, never a later one: no cycle of
  stand-ins can make code that never ends for real look right), and only in the call in progress
  (each call has a number drawn at random, so a request written before it or kept from an
  earlier call does not hold it);
- at most MAX_NUMBERS numbers per request, MAX_REQUESTS requests per call and MAX_ANSWER numbers
  per answer;
- the call's time limit holds for the whole call, the reference's work and its answer's encoding
  included;
- the reference raising on a crafted input is a refusal sent back, never a fault of the grader;
- arguments are decoded by `wire.from_plain` only (nothing is unpickled), and reach the reference
  as numbers and arrays of numbers only (a list becomes an array: `[1.0] * 10**9` never runs here).
"""

from __future__ import annotations

import math
import signal
import threading
import time
from contextlib import contextmanager

import numpy as np

from ..i18n import _
from ..values import format_call, format_value
from . import wire

MAX_NUMBERS = 1_000  # numbers in one request's arguments; the checks send tens
MAX_REQUESTS = 10_000  # per call; the lesson's 41 x 41 grid of mse_wb asks 1,681
MAX_ANSWER = 100 * MAX_NUMBERS  # numbers in one answer: the lessons' answers hold a few thousand at most


class NoReference(Exception):
    """--isolate-functions where there is no reference to stand in (a student release)."""


class Refused(Exception):
    """A request the grader will not answer; the message goes back to the student's code."""


class _Overtime(BaseException):
    """The call's time ran out while the reference computed a stand-in's answer."""


class StandIns:
    """The reference, answering for the contract functions before the function under test."""

    def __init__(self, reference, assignment):
        self.reference = reference
        self.order = tuple(e.id for e in assignment.exercises)
        # what may be stood in for: the exercises that return values (a drawing's Axes cannot travel back)
        self.functions = tuple(e.id for e in assignment.exercises if not e.plots)

    def allowed(self, function: str) -> tuple[str, ...]:
        """The stand-ins while `function` runs: the contract functions before it in the lesson's order, and
        none for a function outside the contract."""
        before = self.order[:self.order.index(function)] if function in self.order else ()
        return tuple(f for f in before if f in self.functions)

    def answerer(self, function: str, number: str):
        """What replies, during call `number` of `function`, to the child's requests."""
        allowed, asked = self.allowed(function), [0]

        def answer(request: dict, deadline: float) -> dict:
            asked[0] += 1
            try:
                return {"value": self._answer(function, allowed, number, asked[0], request, deadline)}
            except Refused as refused:
                return {"refused": str(refused)}

        return answer

    def _answer(self, function: str, allowed: tuple, number: str, count: int, request: dict, deadline: float):
        name, args = request.get("ask"), request.get("args")
        if not isinstance(name, str) or not isinstance(args, list):
            raise Refused(_("The grader's stand-in received a request it cannot read."))
        if name not in allowed:
            if name == function:
                raise Refused(_("`{function}` cannot ask the grader for its own answer.", function=function))
            if not allowed:
                raise Refused(_("While `{function}` runs, the grader stands in for no function: it comes first in "
                                "the lesson.", function=function))
            raise Refused(_("While `{function}` runs, the grader stands in only for {allowed}, not for `{name}`.",
                            function=function, name=name[:100], allowed=", ".join(f"`{a}`" for a in allowed)))
        if request.get("call") != number:
            raise Refused(_("`{name}` was called through a stand-in made for an earlier call, which has ended: a "
                            "stand-in answers only during the call it was made for.", name=name))
        if count > MAX_REQUESTS:
            raise Refused(_("`{function}` asked the grader's stand-ins more than {limit} times in one call.",
                            function=function, limit=MAX_REQUESTS))
        size = _numbers(args, MAX_NUMBERS)
        if size > MAX_NUMBERS:
            raise Refused(_("`{name}` was given more than {limit} numbers; the grader's stand-in takes at most "
                            "{limit} in one call (the exercise's checks use tens).", name=name, limit=MAX_NUMBERS))
        values = _decode(name, args)
        try:
            with _until(deadline):  # the answer's encoding too: an answer of millions takes seconds to write
                answer = wire.to_plain(getattr(self.reference, name)(*values), limit=MAX_ANSWER)
        except _Overtime:
            raise TimeoutError from None
        except Exception as raised:  # a crafted input: the student's code hears why, the grader goes on
            # only the exception's type: its text can tell how the reference works ("cannot reshape ... (2, 2)")
            raise Refused(_("`{call}` has no answer: the exercise's `{name}` raised {error} on these arguments. "
                            "Call it with the arguments the exercise describes.", call=format_call(name, values),
                            name=name, error=type(raised).__name__))
        if time.monotonic() > deadline:
            raise TimeoutError
        if _holds_unsupported(answer):
            raise Refused(_("`{call}` has no answer the grader sends: it holds more than {limit} numbers, far more "
                            "than the exercise needs.", call=format_call(name, values), limit=MAX_ANSWER))
        return answer


def _holds_unsupported(plain) -> bool:
    """Whether an encoded answer holds a part the wire would not carry (past its limit of numbers)."""
    if isinstance(plain, list):
        return any(map(_holds_unsupported, plain))
    if isinstance(plain, dict):
        items = plain.get("items")
        return plain.get("$") == "unsupported" or any(map(_holds_unsupported, items.values() if isinstance(
            items, dict) else items if isinstance(items, list) else ()))
    return False


def _numbers(plain, limit: int) -> int:
    """How many values a request's plain arguments hold (an array's elements, every item of a list),
    counted without decoding anything; stops counting past `limit`."""
    count, stack = 0, [(plain, 0)]
    while stack and count <= limit:
        value, depth = stack.pop()
        count += 1
        if depth > wire.MAX_DEPTH:
            return limit + 1
        if isinstance(value, list):
            stack += [(v, depth + 1) for v in value[:limit + 1]]
            count += max(0, len(value) - limit - 1)
        elif isinstance(value, dict) and value.get("$") == "ndarray":
            shape = value.get("shape")
            if not isinstance(shape, list) or not all(type(n) is int and n >= 0 for n in shape):
                return limit + 1
            count += math.prod(shape) if all(n <= limit for n in shape) else limit + 1
        elif isinstance(value, dict):
            items = value.get("items")
            stack += [(v, depth + 1) for v in (items.values() if isinstance(items, dict) else
                                               items if isinstance(items, list) else ())][:limit + 1]
    return count


def _decode(name: str, args: list) -> list:
    """The arguments as values, refused if the wire cannot read them or they are not what the reference takes."""
    try:
        values = [wire.from_plain(a) for a in args]
    except Exception:
        raise Refused(_("`{name}` was given arguments the grader cannot read.", name=name)) from None
    return [_numeric(name, value) for value in values]


def _numeric(name: str, value):
    """An argument as the reference gets it: a number, or an array of numbers. A list becomes an array of
    floats, because a list times a large whole number is a repetition that would fill the grader's memory
    (`[1.0] * 10**9`), and the contract's arguments are numbers, lists or arrays of them anyway. Anything
    else is refused, naming what the wire could not carry where that is the reason."""
    if isinstance(value, (bool, int, float, np.generic, np.ndarray)):
        return value
    inside = wire.first_unsupported(value)
    if isinstance(value, (list, tuple)) and inside is None:
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            pass
    raise Refused(_("`{name}` was given {value}, which the grader cannot pass to its stand-in: give it "
                    "numbers, lists or NumPy arrays.", name=name, value=format_value(inside or value)))


@contextmanager
def _until(deadline: float):
    """Stop the reference at `deadline` (SIGALRM, in the main thread; elsewhere it is checked after)."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _Overtime
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def overtime(signum, frame):
        raise _Overtime

    previous = signal.signal(signal.SIGALRM, overtime)
    signal.setitimer(signal.ITIMER_REAL, left)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
