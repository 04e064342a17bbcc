"""Frames on the pipes between grader and child: a 4-byte length, then a JSON object.

Standard library only, so the grader can start its children before it imports NumPy.
"""

import json
import os
import re
import select
import struct
import time

MAX_FRAME = 64 * 1024 * 1024
_HEADER = struct.Struct(">I")
HEADER_SIZE = _HEADER.size


def _cores() -> int:
    """The cores this process may run on: an affinity mask may allow fewer than the machine has."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        return os.cpu_count() or 1


# How long a reader in the student's loop (watch, notebook) asks before it sleeps: the other side
# answers a call in tens of microseconds, and waking from a sleep costs as much again, twice per
# call. Elsewhere a reader sleeps at once: a cold check's children and a class's workers share the
# cores, and on one core asking only keeps the other side from running.
SPIN_S = 0.0005 if _cores() > 1 else 0.0


def pack(message: dict) -> bytes:
    """One frame: a 4-byte length, then the JSON text of `message`."""
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    return _HEADER.pack(len(body)) + body


def unpack_length(header: bytes) -> int:
    (length,) = _HEADER.unpack(header)
    return length


def parse(body: bytes) -> dict:
    message = json.loads(body.decode("utf-8"))
    if not isinstance(message, dict):
        raise ValueError("a frame that is not a JSON object")
    return message


class FrameTooLarge(ValueError):
    """A frame announced as longer than MAX_FRAME: its sender cannot be trusted."""


def read_frame(fd: int, deadline: float | None = None, spin: float = 0.0) -> dict:
    """One whole frame from `fd`: the only way any process of the kit reads one.

    EOFError if `fd` closes first, TimeoutError at `deadline` (a `time.monotonic()` value;
    None waits for ever), FrameTooLarge or another ValueError if it is not a frame. `spin`: how
    long to ask before sleeping (SPIN_S, or 0).
    """
    length = unpack_length(read_exact(fd, HEADER_SIZE, deadline, spin))
    if length > MAX_FRAME:
        raise FrameTooLarge(f"a frame of {length} bytes")
    return parse(read_exact(fd, length, deadline, spin))


def _readable(waiting, deadline: float | None, spin: float) -> bool:
    """Whether `waiting`'s descriptor can be read by `deadline` (None: wait for ever). It is asked
    again and again for `spin` seconds first: an answer due in microseconds is read without sleeping."""
    spin_until = time.monotonic() + spin
    if deadline is not None:
        spin_until = min(spin_until, deadline)
    while time.monotonic() < spin_until:
        if waiting.poll(0):
            return True
    if deadline is None:
        return bool(waiting.poll())
    left = deadline - time.monotonic()
    return left > 0 and bool(waiting.poll(left * 1000))


def read_exact(fd: int, n: int, deadline: float | None = None, spin: float = 0.0) -> bytes:
    chunks, got = [], 0
    waiting = select.poll()
    waiting.register(fd, select.POLLIN)
    while got < n:
        if not _readable(waiting, deadline, spin):
            raise TimeoutError("no whole frame in time")
        chunk = os.read(fd, min(n - got, 1 << 20))
        if not chunk:
            raise EOFError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def write_all(fd: int, data: bytes, deadline: float | None = None) -> None:
    """Write all of `data`; with a `deadline`, TimeoutError if the reader has not taken it by then.

    A reader that stops reading must not hold the writer: with a deadline, each write waits for
    room and writes no more than a pipe guarantees to take at once (PIPE_BUF), so it never blocks.
    """
    if deadline is None:
        while data:
            data = data[os.write(fd, data):]
        return
    waiting = select.poll()
    waiting.register(fd, select.POLLOUT)
    view = memoryview(data)
    while view:
        left = deadline - time.monotonic()
        if left <= 0 or not waiting.poll(left * 1000):
            raise TimeoutError("the reader took no more in time")
        view = view[os.write(fd, view[:select.PIPE_BUF]):]


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


_PLAIN = (int, float, bool, type(None))  # what JSON decodes to besides text, lists and objects


def clean(value):
    """Untrusted text made safe to print and to write: no control characters (terminal
    escapes, NUL, which XML forbids) and no lone surrogates (which UTF-8 cannot encode)."""
    if isinstance(value, str):
        return _UNPRINTABLE.sub("?", value)
    if isinstance(value, list):  # numbers, most often: no call for each
        return [v if type(v) in _PLAIN else clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value

