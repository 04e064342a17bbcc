"""At import, before any call: a stand-in's request written to every pipe or socket the process holds."""
import json
import os
import stat
import struct

_body = json.dumps({"ask": "mse", "call": 1, "args": [[7.5, 7.5, 7.5], [7.5, 7.5, 7.5], 7.5]}).encode()
for _fd in range(3, 32):
    try:
        if stat.S_ISFIFO(os.fstat(_fd).st_mode) or stat.S_ISSOCK(os.fstat(_fd).st_mode):
            os.write(_fd, struct.pack(">I", len(_body)) + _body)
    except OSError:
        pass
