"""Frames on the pipes between grader and child: a 4-byte length, then a JSON object.

Standard library only, so the grader can start its children before it imports NumPy.
"""

import json
import os
import re
import struct

MAX_FRAME = 64 * 1024 * 1024
_HEADER = struct.Struct(">I")
HEADER_SIZE = _HEADER.size


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


def read_frame(fd: int) -> dict:
    """Block until one whole frame has arrived on `fd`; EOFError if it closes first."""
    return parse(read_exact(fd, unpack_length(read_exact(fd, HEADER_SIZE))))


def read_exact(fd: int, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = os.read(fd, n - len(data))
        if not chunk:
            raise EOFError
        data += chunk
    return data


def write_all(fd: int, data: bytes) -> None:
    while data:
        data = data[os.write(fd, data):]


_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def clean(value):
    """Untrusted text made safe to print and to write: no control characters (terminal
    escapes, NUL, which XML forbids) and no lone surrogates (which UTF-8 cannot encode)."""
    if isinstance(value, str):
        return _UNPRINTABLE.sub("?", value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value

