"""Where the grader keeps files: results written whole, and caches of its own outside the
folder it is run from."""

from __future__ import annotations

import functools
import json
import os
import tempfile
from pathlib import Path


def write_json_atomically(path: Path, document: dict, indent: int | None = 2) -> None:
    """Write to a temporary file beside `path`, flush it to disk, then rename it into place.

    The temporary name starts with a dot, so a reader listing `*.json` never picks it up.
    The JSON is ASCII: any character at all survives the trip. `indent` None writes it compact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".json")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as f:
            json.dump(document, f, indent=indent)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, path)
    except BaseException:  # a document JSON cannot hold, a full disk: no half-written file is left
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise


@functools.lru_cache(maxsize=None)
def user_cache(name: str) -> Path:
    """The grader's own cache folder `name` (XDG's cache home): reused across runs, and never in
    the folder a student runs `grader check` from. A user with no writable home (Gradescope's
    `student`) gets a private temporary folder for this run instead."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "linear-model-grader" / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.mkdtemp(prefix=f"linear-model-grader-{name}-"))
    return folder
