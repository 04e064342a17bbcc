"""`grader doctor`: what this machine lets the grader confine, and why.

The answer comes from a real child: `probe` starts one on a two-line program and reads
the layers it reports, so what doctor says is what grading gets. The facts around it
(kernel, Landlock's ABI, user namespaces, an outer seccomp filter) explain a missing layer.
"""

from __future__ import annotations

import os
import platform
import sys
from pathlib import Path

from .i18n import N_, _
from .sandbox.layers import LAYERS, in_force
from .sandbox.process import LAYER_NAMES
from .sandbox.process import Limits, Program, Sandbox

_WHY_MISSING = {
    "files": N_("needs Landlock (Linux 5.13 or later, with `landlock` in the boot's lsm= list)"),
    "processes": N_("needs user namespaces (for a PID namespace), or seccomp with Landlock ABI 6 (Linux 6.12)"),
    "network": N_("needs user namespaces (for a network namespace) or seccomp"),
}


def probe(limits: Limits = Limits()) -> dict:
    """{layer: how it is confined, or ""} for a child started under `limits`."""
    program = Program(module="probe", chunks=[{"source": "def probe():\n    return 1\n",
                                                "filename": "probe.py", "label": None}], tolerant=False)
    with Sandbox(program, limits) as sandbox:
        return in_force(sandbox.load_result().layers or {})


def _read(path: str) -> str:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return _("absent")


def _landlock_abi() -> int:
    try:
        import landlockpy
    except ImportError:  # not Linux
        return 0
    return landlockpy.abi_version()


def _outer_seccomp() -> str:
    for line in _read("/proc/self/status").splitlines():
        if line.startswith("Seccomp:"):
            return {"0": _("none"), "1": _("strict"), "2": _("a filter (a container's profile, e.g. Docker's)")}.get(
                line.split()[1], line)
    return _("unknown")


def facts() -> list[tuple[str, str]]:
    """What explains the layers: the kernel and its switches."""
    if sys.platform == "darwin":
        return [(_("system"), _("macOS {version}: no Landlock, namespaces or seccomp; the student's code runs as "
                                "the grading user", version=platform.mac_ver()[0]))]
    return [
        (_("kernel"), f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Landlock ABI", str(_landlock_abi() or _("unavailable"))),
        (_("user namespaces"), f"max_user_namespaces={_read('/proc/sys/user/max_user_namespaces')}, "
                            f"unprivileged_userns_clone={_read('/proc/sys/kernel/unprivileged_userns_clone')}, "
                            "apparmor_restrict_unprivileged_userns="
                            f"{_read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns')}"),
        (_("seccomp around the grader"), _outer_seccomp()),
        (_("in a container"), _("yes") if os.path.exists("/.dockerenv") or os.path.exists("/run/.containerenv") else
         _("not that it says")),
        (_("running as"), f"uid {os.geteuid()}"),
        (_("Python environment"), _environment_note()),
    ]


def _environment_note() -> str:
    """A child must import NumPy, so it learns where the environment is: better not inside the kit."""
    from .assignment import KIT_ROOT

    inside = Path(sys.prefix).resolve().is_relative_to(KIT_ROOT.resolve())
    return (_("{prefix}: inside the kit, so a child can learn the kit's path and the names and sizes of "
              "its files (not their contents); for class grading, install into an environment elsewhere",
              prefix=sys.prefix) if inside else f"{sys.prefix}")


def report(layers: dict) -> str:
    lines = [_("{fact}: {value}", fact=name, value=value) for name, value in facts()]
    lines.append("")
    for layer in LAYERS:
        how = layers.get(layer)
        name = _(LAYER_NAMES[layer])
        lines.append(_("{layer}: confined by {how}", layer=name, how=how) if how else
                     _("{layer}: NOT confined: {why}", layer=name, why=_(_WHY_MISSING[layer])))
    complete = all(layers.get(layer) for layer in LAYERS)
    lines += ["", _("--sandbox require will grade here.") if complete else
              _("--sandbox require will refuse to grade here; --sandbox auto grades with the layers above.")]
    return "\n".join(lines) + "\n"
