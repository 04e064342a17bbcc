"""What a lesson's checks are written with: the `@check` decorator and precise comparisons.

A check is a small function of the student's module (check50's style): its docstring's
first line is its title in the report, and it fails by raising `CheckFailed` with a
message that names the call, the input, what was expected, what came back, and a hint.
Checks never print and know nothing about how results are shown.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np
from hypothesis import HealthCheck, Phase, settings
from hypothesis.configuration import set_hypothesis_home_dir

from .files import user_cache
from .i18n import N_, _, translate
from .sandbox.wire import first_unsupported
from .values import MAX_ITEMS_SHOWN, CallText, format_number, format_value

set_hypothesis_home_dir(user_cache("hypothesis"))  # not `.hypothesis/` in the student's folder


def _drawn_from_the_strategies_alone() -> None:
    """Hypothesis (6.131 on) also draws constants it reads from the source of every local module
    loaded in its process: the grader's own, the reference's, a notebook's helper modules. Those
    differ between `grader check`, `--watch`, a kernel, an editable install and a wheel, so the same
    submission would be given other examples, and a student's module imported into a kernel could
    choose them. The grader's examples come from its strategies and the hypothesis version alone."""
    try:
        from hypothesis.internal.conjecture import providers
        from hypothesis.internal.constants_ast import Constants
    except ImportError:  # a hypothesis from before local constants: nothing to turn off
        return
    none = Constants()
    providers._get_local_constants = lambda: none
    try:
        providers.CONSTANTS_CACHE.cache.clear()  # pools built already (a kernel that ran hypothesis before)
    except AttributeError:  # another hypothesis: tests/test_replay.py says whether constants still come in
        pass


_drawn_from_the_strategies_alone()

RECORDING = False  # building a release: evaluate every known mistake, so its answers are recorded
DEFAULT_EXAMPLES = 10
SHRINK_FAILURES = 25  # failing examples hypothesis may try while shrinking, before we stop it
RTOL = 1e-5  # float32 arithmetic in a student's code still passes
ATOL = 1e-6


class ShrinkingStopped(BaseException):
    """Enough shrinking: `failure`, the smallest failing example found so far, is reported."""

    def __init__(self, failure: BaseException):
        super().__init__(str(failure))
        self.failure = failure


class CheckFailed(AssertionError):
    """The student's answer is wrong; `message` says how and `hint` what to look at."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Check:
    exercise: str
    points: float
    name: str  # the function's name: stable, for --only and machine-readable reports
    title: str  # the docstring's first line: what a student reads
    run: Callable
    hidden: bool = False
    module: str = ""  # where it is defined: a release takes the hidden ones out of that module


def check(exercise: str, points: float, *, hidden: bool = False, examples: int = DEFAULT_EXAMPLES):
    """Mark a function of the student's module and the reference as a check worth `points`.

    A hypothesis test gets the grader's settings: derandomised (the same examples on every
    run), no example database, no deadline (the student's code runs in another process),
    `examples` examples, and shrinking cut short after SHRINK_FAILURES failing tries: a
    counterexample that small is already clear, and a wrong submission is graded fast.
    """

    def decorate(function):
        if not function.__doc__:
            raise TypeError(f"check {function.__name__} needs a docstring: it is its title")
        run = function
        if getattr(function, "is_hypothesis_test", False):
            run = Property(settings(
                max_examples=examples, derandomize=True, database=None, deadline=None,
                suppress_health_check=list(HealthCheck), print_blob=False,
                phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])(function))
        function.grader_check = Check(exercise, points, function.__name__,
                                      function.__doc__.strip().splitlines()[0], run, hidden,
                                      function.__module__)
        return function

    return decorate


class Property:
    """A hypothesis test run as a check: its shrinking stops after SHRINK_FAILURES failures, and once it
    has passed, it replays the examples of that run before drawing any (`examples` holds them; `replay`
    keeps them on disk for the next process)."""

    def __init__(self, test):
        self._test = test
        self._inner = test.hypothesis.inner_test
        test.hypothesis.inner_test = self._counting
        self._failures = 0
        self._drawn: list | None = None  # the examples of the run in progress, being recorded
        self._current = None  # (the student's module, the reference) of the run in progress
        self.examples: list = []  # the examples of the last run that passed, in order; [] before one has
        self.drew = False  # whether `examples` were drawn in this process (not replayed, not read from disk)

    def _counting(self, *args, **kwargs):
        if self._drawn is not None:  # the drawn values; the student's module and the reference are markers
            self._drawn.append(copy.deepcopy(([_marked(a, self._current) for a in args],
                                              {k: _marked(v, self._current) for k, v in kwargs.items()})))
        try:
            return self._inner(*args, **kwargs)
        except Exception as failure:
            # Hypothesis only tries examples smaller than the best so far: this one is the smallest.
            self._failures += 1
            if self._failures > SHRINK_FAILURES:
                raise ShrinkingStopped(failure) from None
            raise

    def __call__(self, student, reference):
        self._failures, modules = 0, (student, reference)
        if self.examples and _replays(self._inner, modules, self.examples):
            return None
        self._drawn, self._current = [], modules  # recorded always (it costs microseconds), to replay next time
        try:
            result = self._test(student, reference)
        finally:
            recorded, self._drawn, self._current = self._drawn, None, None
        self.examples, self.drew = recorded, True
        return result


class _Stand:
    """Stands for the student's module or the reference in a recorded example (deepcopy keeps it)."""

    def __deepcopy__(self, memo):
        return self


STUDENT, REFERENCE = _MODULES = (_Stand(), _Stand())  # markers of the student's module and the reference


def _marked(value, modules: tuple):
    """`value` as recorded: the student's module and the reference stand as markers, not copies."""
    return next((marker for marker, module in zip(_MODULES, modules) if value is module), value)


def _unmarked(value, modules: tuple):
    return next((module for marker, module in zip(_MODULES, modules) if value is marker), value)


def _replays(inner, modules: tuple, examples: list) -> bool:
    """Whether every example of a passing run passes again. Derandomised hypothesis draws the same
    examples for a passing run whatever the code under test does, so passing them all is its verdict;
    on a failure, hypothesis runs in full, to find and shrink the counterexample as it always does."""
    try:
        for args, kwargs in copy.deepcopy(examples):
            inner(*[_unmarked(a, modules) for a in args], **{k: _unmarked(v, modules) for k, v in kwargs.items()})
    except Exception:
        return False
    return True


def collect(*modules) -> list[Check]:
    """The checks defined in `modules`, in the order they are written."""
    return [fn.grader_check for module in modules for fn in vars(module).values()
            if isinstance(getattr(fn, "grader_check", None), Check)]


# -- comparing what came back ----------------------------------------------------------


@dataclass(frozen=True)
class Mistake:
    """A known wrong answer: if the student's value equals `value`, `hint` explains why."""

    value: object
    hint: str


NUMBERS = N_("numbers")


def as_numbers(call: str, actual: object, what: str = NUMBERS) -> np.ndarray:
    """The returned value as a float array, or a failure that says what came back instead.

    `what` says what was expected ("a single number"): marked with `N_`, or already translated."""
    if actual is None:
        raise CheckFailed(_("`{call}` returned None.", call=call),
                          _("Did you forget the `return` statement?"))
    try:
        return np.asarray(actual, dtype=float)
    except (TypeError, ValueError):
        pass
    plain = _("Return plain numbers: a float, a list of floats or a NumPy array.")
    what = translate(what)
    inside = first_unsupported(actual)
    if inside is actual:
        raise CheckFailed(_("`{call}` returned {value}; expected {what}.", call=call, value=format_value(actual),
                            what=what), plain)
    if inside is not None:
        raise CheckFailed(_("`{call}` returned {value}, which holds {inside}; expected {what}.",
                            call=call, value=format_value(actual), inside=format_value(inside), what=what), plain)
    raise CheckFailed(_("`{call}` returned {value}, which is not {what}.", call=call, value=format_value(actual),
                        what=what), plain)


def close(a: np.ndarray, b: np.ndarray, rtol: float = RTOL, atol: float = ATOL) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def known_mistake(actual: np.ndarray, mistakes: Callable[[], Sequence[Mistake]] | None) -> str:
    """The hints of the known mistakes that give `actual`, computed only now that it failed."""
    hints = [m.hint for m in (mistakes() if mistakes else ()) if close(actual, m.value)]
    return _(" Or else: ").join(hints)


def _small(array: np.ndarray) -> bool:
    return array.ndim <= 1 and array.size <= MAX_ITEMS_SHOWN


def _difference(array: np.ndarray, wanted: np.ndarray, name: str) -> str:
    """Where two arrays of one shape first differ: what a student can look up."""
    wrong = ~np.isclose(array, wanted, rtol=RTOL, atol=ATOL)
    index = tuple(int(i) for i in np.argwhere(wrong)[0])
    where = ", ".join(str(i) for i in index)
    return _("with {wrong} of its {size} values wrong; the first is {name}[{where}] = {value}, expected {expected}",
             wrong=int(wrong.sum()), size=array.size, name=name, where=where, value=format_number(array[index]),
             expected=format_number(wanted[index]))


def expect_close(call: str, actual: object, expected: object, *, part: str = "",
                 mistakes: Callable[[], Sequence[Mistake]] | None = None,
                 hint: str = "", what: str = NUMBERS) -> None:
    """Fail unless `actual` equals `expected` within tolerance; name a known mistake if it is one.

    `part` names which of several returned values this is (say "MSE"). `mistakes` is a
    function, called only on failure, so a passing check costs no more.
    """
    array = as_numbers(call, actual, what)
    wanted = np.asarray(expected, dtype=float)
    if RECORDING and mistakes:
        mistakes()
    if close(array, wanted):
        return
    small = _small(array)
    if small and _small(wanted):
        shown = (_("`{call}` returned {part} = {value}, expected {expected}.", call=call, part=part,
                   value=format_value(actual), expected=format_value(expected)) if part else
                 _("`{call}` returned {value}, expected {expected}.", call=call, value=format_value(actual),
                   expected=format_value(expected)))
    elif array.shape != wanted.shape:
        shapes = {"call": call, "part": part, "shape": array.shape, "expected": wanted.shape}
        if small:
            shown = (_("`{call}` returned {part} = {value} of shape {shape}, expected shape {expected}.",
                       value=format_value(actual), **shapes) if part else
                     _("`{call}` returned {value} of shape {shape}, expected shape {expected}.",
                       call=call, value=format_value(actual), shape=array.shape, expected=wanted.shape))
        else:
            shown = (_("`{call}` returned {part} an array of shape {shape}, expected shape {expected}.", **shapes)
                     if part else _("`{call}` returned an array of shape {shape}, expected shape {expected}.",
                                    call=call, shape=array.shape, expected=wanted.shape))
    else:
        difference = _difference(array, wanted, part or "value")
        shown = (_("`{call}` returned {part} of shape {shape} {difference}.", call=call, part=part,
                   shape=array.shape, difference=difference) if part else
                 _("`{call}` returned an array of shape {shape} {difference}.", call=call, shape=array.shape,
                   difference=difference))
    raise CheckFailed(shown, known_mistake(array, mistakes) or hint or _("Compare your code with the "
                                                                         "formula in the function's docstring."))


def ask(student, function: str, *args):
    """Call the student's function; returns (the call as text, what it returned).

    Every call is also a check that the function left its arguments as they were: no
    function of a contract may change its inputs, whichever check happens to call it.
    """
    call = CallText(function, args)
    value, after = student.call(function, *args, return_args=True, shown=call)
    expect_unchanged(call, args, after, student.argument_names(function, len(args)))
    return call, value


def _same(old, new) -> bool:
    if type(old) is list and type(new) is list and old == new:  # the common answer, found in a microsecond
        return True
    if (type(old) is np.ndarray and type(new) is np.ndarray and old.dtype == new.dtype
            and old.shape == new.shape and old.tobytes() == new.tobytes()):
        return True
    try:
        return np.array_equal(np.asarray(old, dtype=float), np.asarray(new, dtype=float), equal_nan=True)
    except (TypeError, ValueError):  # not numbers any more, or never were
        return np.array_equal(np.asarray(old, dtype=object), np.asarray(new, dtype=object))


def expect_unchanged(call: str, before: Sequence, after: Sequence, names: Sequence[str]) -> None:
    """Fail if the call changed any of its arguments (an array's values, a list's contents)."""
    for name, old, new in zip(names, before, after):
        if isinstance(old, (list, np.ndarray)) and not _same(old, new):
            raise CheckFailed(
                _("`{call}` changed its argument `{name}` to {value}.", call=call, name=name, value=format_value(new)),
                _("Never modify the inputs: compute new values into a new list or array."))
