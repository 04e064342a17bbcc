"""Confine the child with the kernel, in the child, before any student code runs.

Every child goes through the same two calls, whether it was spawned or forked:

- `isolate(policy)`, first thing, while the process is still single-threaded: it dies
  with its parent, gets its own session and limits, and enters new user, PID, network and
  IPC namespaces. The PID namespace needs a fork: the process the grader started (P)
  waits for an init (C, PID 1 of the namespace), which waits for the worker (W) that
  runs the student's code. When W ends, C ends, and the kernel kills everything left in
  the namespace; when P is killed, C gets SIGKILL (parent-death signal) and the same
  happens. P then ends the way W did, so the grader sees W's exit code or signal.
- `lock(policy)`, in W, once the packages are imported and just before the student's
  code runs: Landlock lets W read only the paths the policy names and write only its own
  folder, forbids TCP, and (ABI 6) signals and abstract sockets outside its domain; a
  seccomp filter refuses every socket, io_uring and every new process (threads remain).

Each step is used when the kernel allows it and recorded in `applied`, which the child
reports; `policy["mode"] == "off"` skips them all. Standard library and `landlockpy` only:
this module runs before NumPy is imported.
"""

from __future__ import annotations

import ctypes
import os
import platform
import resource
import signal
import struct
import sys

CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID, CLONE_NEWNET = 0x08000000, 0x10000000, 0x20000000, 0x40000000
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 1, 38, 22, 2
LAYERS = ("files", "processes", "network")
MORE_TASKS = 8  # threads or processes W may add where RLIMIT_NPROC counts per namespace

applied: dict = {}  # what is in force in this process: reported to the grader with the import
_libc = ctypes.CDLL(None, use_errno=True)


def _without(policy: dict, layer: str) -> bool:
    return policy.get("mode") == "off" or layer in policy.get("without", ())


# -- isolate: at start, single-threaded --------------------------------------------


def die_with_parent() -> None:
    """Ask the kernel for SIGKILL when the parent ends, even by `kill -9` (Linux only)."""
    if sys.platform.startswith("linux"):
        parent = os.getppid()
        _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # it ended before the request took effect
            os._exit(1)


def isolate(policy: dict) -> None:
    """Die with the parent, set the limits, and enter the namespaces (forking twice)."""
    die_with_parent()
    os.setsid()
    for limit, value in ((resource.RLIMIT_AS, policy["memory"]), (resource.RLIMIT_FSIZE, policy["files"]),
                         (resource.RLIMIT_CORE, 0)):
        resource.setrlimit(limit, (value, value))
    applied.update(namespaces=False, landlock=0, seccomp=False, tasks=None)
    if _without(policy, "namespaces") or not _unshare():
        return
    applied["namespaces"] = True
    status_read, status_write = os.pipe()
    init = os.fork()
    if init:  # P: outside the namespace, the process the grader knows
        os.close(status_write)
        _mirror(init, status_read)
    os.close(status_read)
    die_with_parent()
    worker = os.fork()
    if worker:  # C: PID 1; when it returns, the kernel ends every process in the namespace
        _init(worker, status_write)
    os.close(status_write)
    if os.geteuid() != 0:  # the kernel does not count root's processes
        tasks = 3 + MORE_TASKS  # P, C and W are counted in the namespace too
        resource.setrlimit(resource.RLIMIT_NPROC, (tasks, tasks))
        applied["tasks"] = MORE_TASKS


def _unshare() -> bool:
    uid, gid = os.geteuid(), os.getegid()
    if not sys.platform.startswith("linux"):
        return False
    if _libc.unshare(CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC) != 0:
        return False  # refused: an old kernel, a sysctl, or a container's seccomp profile
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as f:
            f.write(text)
    return True


def _init(worker: int, status_write: int) -> None:
    """PID 1: reap everything, and when the worker ends, pass its status up and end."""
    _close_all_but(status_write)
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            os._exit(1)
        if pid == worker:
            os.write(status_write, struct.pack("i", status))
            os._exit(0)


def _mirror(init: int, status_read: int) -> None:
    """P: wait for the namespace to end, then end as its worker did."""
    _close_all_but(status_read)
    os.waitpid(init, 0)
    data = os.read(status_read, 4)
    if len(data) < 4:
        os._exit(1)
    (status,) = struct.unpack("i", data)
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number not in (signal.SIGKILL, signal.SIGSTOP):  # their handlers cannot be changed
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, [number])
        os.kill(os.getpid(), number)
    os._exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 1)


def _close_all_but(*keep: int) -> None:
    low = 0
    for fd in sorted(set(keep)):
        if low < fd:  # os.closerange(n, n) would close every descriptor (close_range's n - 1)
            os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 2**31 - 1)


# -- lock: just before the student's code ------------------------------------------


def lock(policy: dict, keep_fds: tuple[int, ...]) -> None:
    """Close inherited descriptors, then Landlock and seccomp (each where available)."""
    _close_all_but(0, 1, 2, *keep_fds)
    if policy.get("mode") == "off":
        return
    if not _without(policy, "landlock"):
        _landlock(policy)
    if not _without(policy, "seccomp"):
        applied["seccomp"] = _seccomp()
    if not applied["seccomp"] and not applied["namespaces"] and os.geteuid() != 0:
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))  # counts all this user's processes: none more
        applied["tasks"] = 0


def _landlock(policy: dict) -> None:
    """Read only `policy["read"]`, write only `policy["write"]`; no TCP; signals and abstract
    sockets only within the domain. Anything the kernel refuses leaves Landlock off (and said so)."""
    try:
        import landlockpy as ll
    except ImportError:
        return
    try:
        abi = ll.abi_version()
        if abi < 1:
            return
        with ll.Ruleset(scoped=ll.Scope.ABSTRACT_UNIX_SOCKET | ll.Scope.SIGNAL) as rules:
            every = rules.handled_fs
            for path in policy["read"]:
                try:  # a file takes file rights only
                    rules.allow_path(path, ll.AccessFS.READ_FILE | (ll.AccessFS.READ_DIR if os.path.isdir(path) else 0))
                except FileNotFoundError:
                    pass  # gone since the grader listed it: nothing to allow
            for path in policy["write"]:
                rules.allow_path(path, every & ~ll.AccessFS.EXECUTE)
            rules.allow_path("/dev/null", (ll.AccessFS.READ_FILE | ll.AccessFS.WRITE_FILE | ll.AccessFS.TRUNCATE) & every)
            rules.restrict()  # sets no_new_privs first
    except OSError:
        return
    applied["landlock"] = abi


# seccomp: a classic BPF filter, written out because it is a few instructions.
_ARCHES = {  # machine: (AUDIT_ARCH, socket, socketpair, clone, clone3, io_uring_setup, fork, vfork)
    "x86_64": (0xC000003E, 41, 53, 56, 435, 425, 57, 58),
    "aarch64": (0xC00000B7, 198, 199, 220, 435, 425, None, None),
}
# Refused with EPERM as well, to shrink what the kernel offers: memory outside RLIMIT_AS
# (memfd_create), namespaces and mounts, tracing, BPF, perf, keyrings, userfaultfd.
_HARDENING = {  # name: (x86_64, aarch64)
    "memfd_create": (319, 279), "unshare": (272, 97), "setns": (308, 268), "mount": (165, 40),
    "ptrace": (101, 117), "userfaultfd": (323, 282), "bpf": (321, 280), "perf_event_open": (298, 241),
    "keyctl": (250, 219), "add_key": (248, 217), "request_key": (249, 218),
}
_RET_ALLOW, _RET_ERRNO = 0x7FFF0000, 0x00050000
_LD_W_ABS, _JEQ, _JGE, _JSET, _RET = 0x20, 0x15, 0x35, 0x45, 0x06
_CLONE_THREAD = 0x00010000


def _seccomp_program(machine: str) -> list[tuple[int, int, int, int]] | None:
    """No sockets, no io_uring, no new processes; threads (clone with CLONE_THREAD) allowed."""
    if machine not in _ARCHES:
        return None
    arch, sock, pair, clone, clone3, uring, fork, vfork = _ARCHES[machine]
    refuse = {sock: 1, pair: 1, uring: 1, fork: 11, vfork: 11, clone3: 38}  # EPERM, EAGAIN, ENOSYS
    refuse.update({numbers[list(_ARCHES).index(machine)]: 1 for numbers in _HARDENING.values()})
    refuse.pop(None, None)
    program = [(_LD_W_ABS, 0, 0, 4), (_JEQ, 1, 0, arch), (_RET, 0, 0, _RET_ERRNO | 1), (_LD_W_ABS, 0, 0, 0)]
    if machine == "x86_64":  # the x32 ABI's numbers
        program += [(_JGE, 0, 1, 0x40000000), (_RET, 0, 0, _RET_ERRNO | 1)]
    for number, errno_value in refuse.items():
        program += [(_JEQ, 0, 1, number), (_RET, 0, 0, _RET_ERRNO | errno_value)]
    program += [(_JEQ, 1, 0, clone), (_RET, 0, 0, _RET_ALLOW),
                (_LD_W_ABS, 0, 0, 16), (_JSET, 1, 0, _CLONE_THREAD),  # clone's flags, low half
                (_RET, 0, 0, _RET_ERRNO | 11), (_RET, 0, 0, _RET_ALLOW)]
    return program


def _seccomp() -> bool:
    program = _seccomp_program(platform.machine())
    if program is None or not sys.platform.startswith("linux"):
        return False
    code = b"".join(struct.pack("HBBI", *instruction) for instruction in program)
    buffer = ctypes.create_string_buffer(code)

    class _Program(ctypes.Structure):
        _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]

    fprog = _Program(len(program), ctypes.addressof(buffer))
    if _libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return False
    return _libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(fprog), 0, 0) == 0


# -- what is in force, as the reports say it (used by the grader too) ---------------


def in_force(applied: dict) -> dict:
    """{layer: how it is confined, or "" when it is not} from what a child applied."""
    landlock, namespaces, seccomp = applied.get("landlock", 0), applied.get("namespaces"), applied.get("seccomp")
    files = f"Landlock ABI {landlock}" if landlock else ""
    processes = ", ".join(filter(None, [
        "PID namespace" if namespaces else "",
        "no new processes (seccomp)" if seccomp else "",
        "Landlock signal scope" if landlock >= 6 else "",
        f"at most {applied['tasks']} more tasks (RLIMIT_NPROC)" if applied.get("tasks") is not None else ""]))
    if not (namespaces or (seccomp and landlock >= 6)):
        processes = ""  # without a PID namespace or signal scoping, other processes can be signalled
    network = ", ".join(filter(None, [
        "network namespace" if namespaces else "",
        "no sockets (seccomp)" if seccomp else "",
        "no TCP (Landlock)" if landlock >= 4 else ""]))
    if not (namespaces or seccomp):
        network = ""  # Landlock alone leaves UDP open
    return {"files": files, "processes": processes, "network": network}


def missing(layers: dict) -> list[str]:
    return [layer for layer in LAYERS if not layers.get(layer)]
