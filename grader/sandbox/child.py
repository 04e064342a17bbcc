"""The child process that holds the student's module and answers calls into it.

The grader starts it as `python -I -S -c PROGRAM` (see `process.boot_program`): the
program carries this module and its helpers as text, so no path of the kit reaches the
child. It confines itself (`layers.isolate`) before importing NumPy, imports what
`preload.json` in its own temporary folder names, locks itself in (`layers.lock`), and
waits for `go`, which brings the submission; it then serves calls from the parent over its
original stdin/stdout: one JSON frame in, one JSON frame out (see `framing`). Since the
submission comes last, a child can be made ready before the submission is known (see
`process.ForkServer.sandbox`). The student's own prints are captured in memory, so they
can never corrupt the conversation.

`matplotlib.pyplot` is made a lazy module before the student's code runs: the lesson
imports it at the top, and loading it costs more than every numeric check together, so
it is loaded only when a plot is actually drawn.

Run with `--zygote FD`, it is a fork server for grading many submissions: it loads NumPy
and matplotlib once, then for each request on the Unix socket FD forks a child that
confines itself and serves one submission over the socket it was sent, exactly as a
spawned child would.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.util
import io
import json
import linecache
import os
import signal
import sys
import traceback
import types

import framing  # the grader's own modules, loaded from text by the boot program
import layers
import wire

OUTPUT_FILE = "output.txt"
OUTPUT_KEPT = 64 * 1024  # characters of printed output kept; the rest is counted, not stored
OUTPUT_SHOWN = 1000  # characters of a failing call's output sent back with its error
LAZY_MODULES = frozenset({"matplotlib.pyplot"})


class CappedOutput(io.TextIOBase):
    """sys.stdout and sys.stderr for the student: keeps the first OUTPUT_KEPT characters.

    Printing costs no system call, so a function that prints megabytes neither fills a
    disk nor slows the grader; what it printed during a failing call goes back with it.
    """

    def __init__(self):
        self.kept = []
        self.size = 0  # characters written in all, kept or not

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        room = OUTPUT_KEPT - min(self.size, OUTPUT_KEPT)
        if room:
            self.kept.append(text[:room])
        self.size += len(text)
        return len(text)

    def since(self, start: int) -> tuple[str, int]:
        """What was printed after `start` characters, as far as it was kept, and how many more there were."""
        text = "".join(self.kept)[start:start + OUTPUT_SHOWN]
        return text, self.size - start - len(text)

    @property
    def encoding(self):
        return "utf-8"

    def writable(self):
        return True

    def isatty(self):
        return False


class _LazyFinder(importlib.abc.MetaPathFinder):
    """Hands out lazily loaded modules for the names in LAZY_MODULES."""

    def find_spec(self, name, path, target=None):
        if name not in LAZY_MODULES:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return None
        spec.loader = importlib.util.LazyLoader(spec.loader)
        return spec


def _student_frames(tb, filenames):
    return [f for f in traceback.extract_tb(tb) if f.filename in filenames]


def describe_exception(exc: BaseException, filenames) -> dict:
    """Type, message and the innermost line of the student's code that was running."""
    try:
        message = str(exc)
    except BaseException:
        message = ""
    info = {"type": type(exc).__name__, "message": message[: wire.MAX_TEXT]}
    if isinstance(exc, SyntaxError) and exc.filename in filenames:
        info.update(file=exc.filename, line=exc.lineno, code=(exc.text or "").strip()[: wire.MAX_TEXT])
        info["message"] = str(exc.msg)[: wire.MAX_TEXT]
        return info
    frames = _student_frames(exc.__traceback__, filenames)
    if frames:
        last = frames[-1]
        info.update(file=last.filename, line=last.lineno, code=(last.line or "").strip())
    if isinstance(exc, SystemExit):
        info["message"] = wire.short_repr(exc.code)  # the exit code: the grader words it
    info["message"] = info["message"][: wire.MAX_TEXT]
    info["code"] = info.get("code", "")[: wire.MAX_TEXT]
    return info


def load(module_name: str, chunks: list, tolerant: bool) -> dict:
    """Execute the submission's chunks (a file, or a notebook's cells) in one module.

    A notebook is `tolerant`: a cell that fails is reported and the next cells still
    run, as they would for a student running cells one by one. A file is one program,
    so its first error ends the import.
    """
    module = types.ModuleType(module_name)
    module.__file__ = chunks[0]["filename"] if chunks else module_name
    sys.modules[module_name] = module
    filenames = {c["filename"] for c in chunks}
    problems = []
    for chunk in chunks:
        source = chunk["source"]
        linecache.cache[chunk["filename"]] = (len(source), None, source.splitlines(True), chunk["filename"])
        try:
            code = compile(source, chunk["filename"], "exec", dont_inherit=True)
            exec(code, module.__dict__)
        except BaseException as exc:  # the student's code may raise anything, even SystemExit
            problem = describe_exception(exc, filenames)
            problem["chunk"] = chunk.get("label")
            problems.append(problem)
            if not tolerant:
                return {"module": None, "fatal": problem, "problems": problems}
    return {"module": module, "fatal": None, "problems": problems}


MAX_NAMES = 64  # parameters and global names sent back per function


def _parameters(function) -> list:
    """The parameters, read from the code object and the defaults (no student code runs).

    As Python writes them, but a default shows as a trailing "=": ["x", "w=", "*", "k", "**options"].
    """
    code = function.__code__
    positional, keyword = code.co_argcount, code.co_kwonlyargcount
    names = list(code.co_varnames[:positional + keyword])
    defaults = len(function.__defaults__ or ())  # a tuple or None: FunctionType allows nothing else
    for i in range(positional - defaults, positional):
        names[i] += "="
    for i in range(positional, positional + keyword):
        names[i] += "=" if names[i] in (function.__kwdefaults__ or {}) else ""
    at = positional + keyword
    if code.co_flags & 0x04:  # CO_VARARGS
        names.insert(positional, "*" + code.co_varnames[at])
        at += 1
    elif keyword:
        names.insert(positional, "*")
    if code.co_flags & 0x08:  # CO_VARKEYWORDS
        names.append("**" + code.co_varnames[at])
    return names[:MAX_NAMES]


def _functions(module, filenames) -> dict:
    """Each function the student wrote: {name: [filename, line, parameters, globals it names]}."""
    found = {}
    for name, value in list(vars(module).items()):
        code = getattr(value, "__code__", None)
        if isinstance(value, types.FunctionType) and code.co_filename in filenames:
            found[name] = [code.co_filename, code.co_firstlineno, _parameters(value),
                           list(code.co_names[:MAX_NAMES])]
    return found


def _float_array(values) -> list:
    import numpy as np

    return wire.to_plain(np.asarray(values, dtype=float))


def describe_axes(ax) -> dict:
    """A plain description of what an Axes shows, for the parent to judge."""
    description = {
        "$": "axes",
        "projection": getattr(ax, "name", "?"),
        "xlabel": ax.get_xlabel(),
        "ylabel": ax.get_ylabel(),
        "zlabel": ax.get_zlabel() if hasattr(ax, "get_zlabel") else "",
        "title": ax.get_title(),
        "lines": [],
        "surfaces": [],
        "collections": [type(c).__name__ for c in ax.collections],
    }
    for line in ax.get_lines():
        x, y = line.get_data()
        description["lines"].append({"x": _float_array(x), "y": _float_array(y)})
    for collection in ax.collections:
        faces = getattr(collection, "_faces", None)  # matplotlib >= 3.10
        if faces is None and getattr(collection, "_vec", None) is not None:  # older releases
            faces = collection._vec[:3].T
        if faces is not None and type(collection).__name__ == "Poly3DCollection":
            import numpy as np

            vertices = np.asarray(faces, dtype=float).reshape(-1, 3)
            description["surfaces"].append({"vertices": wire.to_plain(vertices)})
    return description


def describe_plot(result) -> object:
    """Describe a returned Axes; anything else goes back as an ordinary value."""
    axes_type = getattr(sys.modules.get("matplotlib.axes"), "Axes", None)
    if axes_type is not None and isinstance(result, axes_type):
        return describe_axes(result)
    return wire.to_plain(result)


def _encode(encoder, value) -> object:
    """Encode a value the student's code produced, whatever tricks its class plays."""
    try:
        return encoder(value)
    except BaseException as exc:
        return {"$": "unsupported", "type": type(value).__name__, "why": "unreadable_object",
                "facts": {"error": type(exc).__name__}}


class CleanSlate:
    """The process-wide state a call starts from, whatever the submission's import or an earlier call left.

    NumPy's error and print settings and both random generators are put back as they were
    before the student's code ran, and the module's globals as its import bound them; a plot
    call starts with no figure open (so `plt.gca()` makes a new Axes) and matplotlib's default
    rcParams. Taken around the import, restored before every call: cheap (microseconds; the
    rcParams only for plots). NumPy's generator is set again only when the bytes of its Mersenne
    Twister (key and position) have changed: setting it costs 40 us, comparing half a microsecond.
    (Its cached normal deviate is not in those bytes: a call that changes only that, through
    `set_state`, leaves it to the next.)
    """

    MT_STATE_BYTES = 624 * 4 + 4  # numpy's mt19937_state: uint32 key[624], int pos

    def __init__(self):
        import ctypes
        import random

        import numpy as np

        self.numpy, self.random, self.ctypes = np, random, ctypes
        self.errors, self.printing = np.geterr(), np.get_printoptions()
        self.numpy_random, self.python_random = np.random.get_state(), random.getstate()
        self.module, self.bindings = None, {}
        self.generator = np.random.get_bit_generator()  # held: its address stays valid
        self.address = self.generator.ctypes.state_address
        self.twister = ctypes.string_at(self.address, self.MT_STATE_BYTES)

    def keep(self, module) -> None:
        """Remember the module's globals as the import left them: a call that rebinds one changes no later call."""
        self.module, self.bindings = module, dict(vars(module))

    def restore_module(self) -> None:
        if self.module is not None:
            bindings = vars(self.module)
            bindings.clear()
            bindings.update(self.bindings)

    def restore(self, plot: bool) -> None:
        self.restore_module()
        np = self.numpy
        np.seterr(**self.errors)
        np.set_printoptions(**self.printing)
        if (np.random.get_bit_generator() is not self.generator
                or self.ctypes.string_at(self.address, self.MT_STATE_BYTES) != self.twister):
            np.random.set_state(self.numpy_random)
        self.random.setstate(self.python_random)
        pyplot = sys.modules.get("matplotlib.pyplot")
        if plot and pyplot is not None:
            pyplot.close("all")
            sys.modules["matplotlib"].rcdefaults()  # keeps the backend (Agg)


class StandInError(Exception):
    """Raised in the student's code when the grader does not answer for a stand-in: the message says why."""


class StandIns:
    """Under --isolate-functions: stubs that ask the grader for the answer of the contract functions
    the function under test calls. The reference is never here: the grader computes its answer in
    its own process and sends back a value in the wire's encoding."""

    def __init__(self, requests: int, replies: int):
        self.requests, self.replies = requests, replies

    def install(self, module, names, number) -> None:
        """For one call (`number`): each name in the module's globals becomes a stub (restored after)."""
        for name in names:
            if isinstance(name, str):
                vars(module)[name] = self._stub(name, number)

    def _stub(self, name: str, number) -> types.FunctionType:
        ask = self.ask

        def stand_in(*args):
            return ask(name, number, args)

        # no globals at all: a stub holds its name, its call's number and the way to ask, nothing else
        return types.FunctionType(stand_in.__code__, {}, name, None, stand_in.__closure__)

    def ask(self, name: str, number, args: tuple):
        request = {"ask": name, "call": number, "args": [_encode(wire.to_plain, a) for a in args]}
        framing.write_all(self.replies, framing.pack(request))
        answer = framing.read_frame(self.requests)
        if "value" in answer:
            return wire.from_plain(answer["value"])
        raise StandInError(str(answer.get("refused", ""))[: wire.MAX_TEXT])


def call(module, message: dict, filenames, output: CappedOutput, slate: CleanSlate, stand_ins: StandIns) -> dict:
    name = message["fn"]
    slate.restore(bool(message.get("plot")))
    function = getattr(module, name, None)
    if not callable(function):
        return {"missing": True}
    args = [wire.from_plain(a) for a in message["args"]]
    stand_ins.install(module, message.get("stand_ins") or (), message.get("call"))
    reply: dict = {}
    printed_from = output.size
    try:
        result = function(*args)
    except BaseException as exc:
        reply["raised"] = describe_exception(exc, filenames)
        reply["raised"]["printed"], reply["raised"]["printed_more"] = output.since(printed_from)
    else:
        reply["value"] = _encode(describe_plot if message.get("plot") else wire.to_plain, result)
    finally:
        slate.restore_module()  # the stubs go with the call
    if message.get("return_args"):
        reply["args_after"] = [_encode(wire.to_plain, a) for a in args]
    if message.get("plot"):
        pyplot = sys.modules.get("matplotlib.pyplot")
        if pyplot is not None:
            pyplot.close("all")
    return reply


def _pack(reply: dict) -> bytes:
    try:
        return framing.pack(reply)
    except (TypeError, ValueError) as exc:  # something in the reply JSON cannot hold
        return framing.pack({"value": {"$": "unsupported", "type": "?", "why": "unsendable",
                                       "facts": {"error": type(exc).__name__}}})


def serve(requests: int, replies: int, policy: dict, spin: float = 0.0) -> None:
    """Get ready, load the submission that `go` brings, then answer calls until EOF.

    The student's code runs only once the grader says "go": by then the grader has read
    all of its own code and the reference, so nothing the submission does to files on disk
    can change them for this grading. `spin`: how long it asks for the next call before it
    sleeps (`framing.SPIN_S` in the student's loop).
    """
    stdin = os.open(os.devnull, os.O_RDONLY)
    os.dup2(stdin, 0)
    low_level = os.open(OUTPUT_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(low_level, 1)  # what C code writes; capped by the file size limit
    os.dup2(low_level, 2)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # past the limit a write fails instead of killing us
    output = sys.stdout = sys.stderr = CappedOutput()

    with open("preload.json", encoding="utf-8") as f:
        preload = json.load(f)
    os.remove("preload.json")
    for name in preload:
        importlib.import_module(name)
    sys.meta_path.insert(0, _LazyFinder())
    layers.lock(policy, keep_fds=(requests, replies))
    absent = layers.missing(layers.in_force(layers.applied))
    refused = policy["mode"] == "require" and absent
    framing.write_all(replies, _pack({"layers": layers.applied, "refused": refused or []}))
    if refused:
        return
    for name in ("framing", "layers", "wire"):  # the student's code finds none of them by name
        sys.modules.pop(name, None)
    try:
        submission = framing.read_frame(requests)["program"]  # "go"
    except EOFError:
        return
    sys.argv = [submission["module"]]
    slate = CleanSlate()
    loaded = load(submission["module"], submission["chunks"], submission["tolerant"])
    filenames = {c["filename"] for c in submission["chunks"]}
    module = loaded.pop("module")
    loaded["functions"] = _functions(module, filenames) if module else {}
    if module is not None:
        slate.keep(module)
    framing.write_all(replies, _pack(loaded))

    stand_ins = StandIns(requests, replies)
    while True:
        try:
            message = framing.read_frame(requests, spin=spin)
        except EOFError:
            return
        framing.write_all(replies, _pack(call(module, message, filenames, output, slate, stand_ins)))


def zygote(control_fd: int) -> None:
    """Fork a fresh child per request; report the pid, and later how the child ended."""
    import socket

    import matplotlib
    import numpy  # noqa: F401  (loaded once here, shared by every fork)

    matplotlib.use("Agg")
    import matplotlib.pyplot  # noqa: F401
    import mpl_toolkits.mplot3d  # noqa: F401

    _draw_once()
    layers.die_with_parent()
    control = socket.socket(fileno=control_fd)
    while True:
        try:
            request = framing.read_frame(control_fd)
        except EOFError:
            return
        if request["op"] == "fork":
            _, fds, _, _ = socket.recv_fds(control, 1, 1)
            pid = os.fork()
            if pid == 0:
                control.close()
                _become_child(request, fds[0])
            os.close(fds[0])
            framing.write_all(control_fd, framing.pack({"pid": pid}))
        elif request["op"] == "reap":
            framing.write_all(control_fd, framing.pack({"returncode": _reap(request["pid"], request["wait"])}))


def _draw_once() -> None:
    """Draw a line and a 3-D surface, and throw them away: matplotlib fills its caches (fonts, ticks,
    the 3-D axes) once here, not in each forked child's first plot call (a quarter of its time)."""
    import matplotlib
    import matplotlib.pyplot as plt
    import numpy as np

    _, axes = plt.subplots()
    axes.plot([0.0, 1.0], [1.0, 0.0])
    axes.set_xlabel("w")
    surface = plt.figure().add_subplot(projection="3d")
    grid = np.zeros((2, 2))
    surface.plot_surface(grid, grid, grid, cmap="viridis")
    surface.set_zlabel("loss")
    plt.close("all")
    matplotlib.rcdefaults()  # keeps the backend (Agg)


def _reap(pid: int, wait: float) -> int | None:
    """The child's exit code (negative: killed by that signal), or None if it still runs."""
    import time

    deadline = time.monotonic() + wait
    while True:
        try:
            done, status = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # reaped already
            return None
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.005)


def _become_child(request: dict, channel: int) -> None:
    """In the forked process: the same confinement a spawned child gets, then serve."""
    code = 1  # anything but a clean end of the conversation is a failure
    try:
        os.chdir(request["workdir"])
        os.environ.clear()
        os.environ.update(request["environment"])
        layers.isolate(request["policy"])
        serve(channel, channel, request["policy"], float(request.get("spin", 0.0)))
        code = 0
    finally:
        os._exit(code)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--zygote"]:
        zygote(int(argv[1]))
    else:  # spawned: `layers.isolate` has run already, before NumPy was imported
        serve(os.dup(0), os.dup(1), json.loads(argv[0]))
