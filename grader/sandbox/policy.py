"""What a child may touch: the paths it may read and write, and the mode of its sandbox.

The grader decides, the child applies (`layers`). A child may read the Python it runs on
(the standard library, without any site-packages), the packages a submission may import
(NumPy, matplotlib and what they need, found from their metadata), shared libraries,
fonts, time zones and a few devices; it may write only its own folder. A folder that holds
something protected (a site-packages, the kit, the user's home, the folder the grader was
started from) is never granted whole: its other entries are granted one by one.
"""

from __future__ import annotations

import functools
import os
import re
import sys
import sysconfig
from pathlib import Path

PACKAGES = ("numpy", "matplotlib")  # what a submission may import beyond the standard library
SYSTEM = ("/usr/lib", "/usr/lib64", "/lib", "/lib64", "/etc/ld.so.cache", "/usr/share/fonts",
          "/usr/local/share/fonts", "/usr/share/zoneinfo", "/etc/localtime",
          "/dev/urandom", "/dev/random", "/dev/zero")


class SandboxUnavailable(Exception):
    """`--sandbox require` on a machine that cannot confine every layer."""


def for_child(mode: str, workdir: str, memory: int, files: int) -> dict:
    """What `layers` applies in a child: `auto` uses what the kernel allows, `require`
    refuses to run the student's code unless files, processes and network are all
    confined, `off` runs it as the grading user. GRADER_SANDBOX_WITHOUT (comma-separated:
    namespaces, landlock, seccomp) forces mechanisms off, to see how the grader degrades."""
    without = [w for w in os.environ.get("GRADER_SANDBOX_WITHOUT", "").split(",") if w]
    return {"mode": mode, "without": without, "read": readable_paths(), "write": [workdir],
            "memory": memory, "files": files}


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _grant(path: str, protected: tuple[str, ...], real: bool = False) -> list[str]:
    """`path` whole, or, if it holds something protected, its other entries one by one; each as its
    real path (`real`: `path` is one already, as an entry of a real folder that is no link is)."""
    if not os.path.lexists(path):
        return []
    if not real:
        path = os.path.realpath(path)
    inside = [p for p in protected if _within(p, path)]
    if not inside:
        return [path]
    if path in inside:
        return []
    granted = []
    with os.scandir(path) as entries:
        for entry in sorted(entries, key=lambda e: e.name):
            if not entry.is_symlink():
                granted += _grant(entry.path, protected, real=True)
    return granted


def _site_packages() -> list[str]:
    """Every site-packages this Python may see, the base interpreter's too (a venv's `sys.path`
    leaves those out, yet they sit inside the standard library's folder)."""
    base = sysconfig.get_paths(vars={"base": sys.base_prefix, "platbase": sys.base_exec_prefix})
    folders = [*sys.path, sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
               base["purelib"], base["platlib"],
               "/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages"]
    return list(dict.fromkeys(p for p in folders if os.path.basename(p) in ("site-packages", "dist-packages")))


def _protected(sites: list[str]) -> tuple[str, ...]:
    from ..assignment import KIT_ROOT

    return tuple(os.path.realpath(p) for p in [*sites, str(KIT_ROOT), os.getcwd(), os.path.expanduser("~")])


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _package_paths(sites: list[str]) -> list[str]:
    """The folders and files that NumPy, matplotlib and their requirements installed.

    Read from each distribution's METADATA and RECORD directly: `importlib.metadata` takes
    ten times as long, and this runs before every `grader check` starts its children.
    """
    installed = {}
    for site in sites:
        for entry in sorted(os.listdir(site)) if os.path.isdir(site) else ():
            if entry.endswith(".dist-info"):
                installed.setdefault(_normal(entry[:-len(".dist-info")].rsplit("-", 1)[0]), os.path.join(site, entry))
    seen, todo, paths = set(), [_normal(p) for p in PACKAGES], set()
    while todo:
        name = todo.pop()
        if name in seen or name not in installed:
            continue
        seen.add(name)
        info = installed[name]
        site = os.path.dirname(info)
        with open(os.path.join(info, "METADATA"), encoding="utf-8", errors="replace") as f:
            todo += [_normal(re.split(r"[\s<>=!~;\[(]", line[len("Requires-Dist:"):].strip(), maxsplit=1)[0])
                     for line in f if line.startswith("Requires-Dist:") and "extra ==" not in line]
        with open(os.path.join(info, "RECORD"), encoding="utf-8", errors="replace") as f:
            for line in f:
                file = line.rsplit(",", 2)[0].strip('"')
                top = file.split("/", 1)[0]
                if not top or top == ".." or top.endswith(".pth"):
                    continue
                # a shared folder such as __pycache__ holds others' files: grant only this one
                paths.add(os.path.join(site, file if top == "__pycache__" else top))
    return sorted(paths)


@functools.lru_cache(maxsize=1)
def readable_paths() -> list[str]:
    """Every path a child may read (computed once per grader process)."""
    sites = _site_packages()
    protected = _protected(sites)
    stdlib = {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
    libdir = sysconfig.get_config_var("LIBDIR") or ""
    runtime = [str(p) for p in Path(libdir).glob("libpython*")] if libdir else []
    granted = [os.path.realpath(p) for p in _package_paths([p for p in sys.path if p in sites]) if os.path.lexists(p)]
    for path in [*sorted(stdlib), *runtime, *SYSTEM]:
        granted += _grant(path, protected)
    return sorted(set(granted))
