"""Frames on the pipes between grader and child: a 4-byte length, then a JSON object.

Standard library only, so the grader can start its children before it imports NumPy.
"""

import json
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

