"""Sets up the view of the machine a limited child has, then runs it (Linux only).

``sandbox.isolation`` starts this file with ``unshare`` in new mount, PID, network, IPC
and UTS namespaces (and a user namespace when it does not run as root), before any
untrusted code runs. It imports nothing but the standard library and is run by its path:

    python -I -B jail.py --keep PATH ... --hide PATH ... -- PROGRAM ARGUMENTS...

It makes every mount read-only, covers each ``--hide`` folder (home folders, the
project, ``/run`` with its server sockets, ``/tmp``) with an empty read-only file
system, in which only the ``--keep`` paths below it (Python and its packages) are
mounted again, read-only; it mounts a new empty ``/tmp``, the only place the child can
write, and makes it the working folder. Then, when it runs as root, it becomes
a user of its own (a uid no account has, ``jail_uid()``; nobody's group 65534, no
supplementary group, at most ``MAX_PROCESSES`` processes, counted for that uid alone, so
that two children, verify's and a test's, never share the bound), so that no file of
root's is
readable or writable by owner and no server's socket admits it as root; it forbids
gaining privileges again (``PR_SET_NO_NEW_PRIVS``) and runs PROGRAM as its child, whose
exit code it returns (128 + N for signal N). Once PROGRAM runs,
it holds no capability: it cannot undo a mount, and a user namespace of its own gets a
copy of these mounts locked together. It sees no process but its own (``/proc`` is the
new PID namespace's), and no network interface but a loopback that is down.

Any step that fails stops the child with exit code 125 and the step on stderr: the
child never runs with less isolation than the parent was told it has.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import resource
import secrets
import sys

_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_NOEXEC = 8
_MS_REMOUNT = 32
_MS_NOATIME = 1024
_MS_NODIRATIME = 2048
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18
_MS_RELATIME = 1 << 21
_MS_STRICTATIME = 1 << 24
_FLAGS = {
    "nosuid": _MS_NOSUID,
    "nodev": _MS_NODEV,
    "noexec": _MS_NOEXEC,
    "noatime": _MS_NOATIME,
    "nodiratime": _MS_NODIRATIME,
    "relatime": _MS_RELATIME,
    "strictatime": _MS_STRICTATIME,
}
__all__ = ["EXIT_JAIL", "MAX_PROCESSES", "NOBODY", "jail_uid", "main"]

_PR_SET_NO_NEW_PRIVS = 38
NOBODY = 65534
MAX_PROCESSES = 32  # processes and threads of the child's own uid
EXIT_JAIL = 125

_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _mount(source: str | None, target: str, kind: str | None, flags: int, data: str | None) -> None:
    def raw(text: str | None) -> bytes | None:
        return None if text is None else os.fsencode(text)

    if _libc.mount(raw(source), raw(target), raw(kind), ctypes.c_ulong(flags), raw(data)) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"mount {target}: {os.strerror(error)}")


def _unescape(field: str) -> str:
    """A path as /proc/self/mountinfo writes it (space, tab, newline, backslash octal)."""
    out, at = [], 0
    while at < len(field):
        if field[at] == "\\" and field[at + 1 : at + 4].isdigit():
            out.append(chr(int(field[at + 1 : at + 4], 8)))
            at += 4
        else:
            out.append(field[at])
            at += 1
    return "".join(out)


def _mounts() -> list[tuple[str, int]]:
    """Every mount point with the flags a remount must keep, outermost first."""
    found = []
    with open("/proc/self/mountinfo", encoding="utf-8", errors="surrogateescape") as info:
        for line in info:
            fields = line.split()
            options = fields[5].split(",")
            flags = sum(_FLAGS.get(option, 0) for option in options)
            found.append((_unescape(fields[4]), flags))
    return sorted(found, key=lambda item: item[0].count("/"))


def _read_only(point: str, flags: int) -> None:
    _mount(None, point, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY | flags, None)


def _cover(folder: str, keep: list[str], options: str = "mode=755,size=1m") -> None:
    """An empty file system over ``folder`` (read-only unless it is ``/tmp``); the kept
    paths below it are mounted again at their places, read-only."""
    below = sorted({k for k in keep if k != folder and k.startswith(folder.rstrip("/") + "/")})
    below = [k for k in below if not any(k.startswith(o + "/") for o in below if o != k)]
    handles = [(path, os.open(path, os.O_PATH)) for path in below]  # before they are hidden
    _mount("schemacog", folder, "tmpfs", _MS_NOSUID | _MS_NODEV, options)
    for path, handle in handles:
        if os.path.isdir(f"/proc/self/fd/{handle}"):
            os.makedirs(path, exist_ok=True)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o644))
        _mount(f"/proc/self/fd/{handle}", path, None, _MS_BIND | _MS_REC, None)
        os.close(handle)
    remounted = [folder] if folder != "/tmp" else []
    remounted += [path for path, _ in handles]
    for point, flags in _mounts():  # the cover, and what was mounted again, read-only
        under = any(point == r or point.startswith(r.rstrip("/") + "/") for r in remounted)
        if under and os.path.exists(point):  # one under the cover that was not kept is gone
            _read_only(point, flags)


def _arguments(argv: list[str]) -> tuple[list[str], list[str], list[str]]:
    keep: list[str] = []
    hide: list[str] = []
    at = 0
    while argv[at] != "--":
        (keep if argv[at] == "--keep" else hide).append(os.path.realpath(argv[at + 1]))
        at += 2
    return keep, hide, argv[at + 1 :]


def _hidden(keep: list[str], hide: list[str]) -> list[str]:
    """The folders to cover: those asked for, and any folder above a kept path that
    ``nobody`` cannot enter (``/root`` is 0700), outermost first, each once."""
    folders = {h for h in hide if os.path.isdir(h) and h != "/"}
    if os.getuid() == 0:
        for path in keep:
            parts = path.strip("/").split("/")
            for end in range(1, len(parts)):
                folder = "/" + "/".join(parts[:end])
                if os.stat(folder).st_mode & 0o005 != 0o005:
                    folders.add(folder)
                    break
    ordered = sorted(folders, key=lambda f: f.count("/"))
    return [f for f in ordered if not any(f.startswith(o + "/") for o in ordered if o != f)]


def jail_uid() -> int:
    """The uid a child runs as: one no account has (1000000 up), drawn at random among
    4 million, so that two children at the same time (in PID namespaces of their own:
    their process ids say nothing) all but never share one."""
    return _FIRST_UID + secrets.randbelow(_UIDS)


_FIRST_UID, _UIDS = 1_000_000, 4_000_000


def main(argv: list[str]) -> int:
    keep, hide, program = _arguments(argv)
    step = "make the mounts private"
    try:
        _mount(None, "/", None, _MS_REC | _MS_PRIVATE, None)
        step = "make every mount read-only"
        for point, flags in _mounts():
            if not point.startswith("/proc"):
                _read_only(point, flags)
        for folder in _hidden(keep, [h for h in hide if h != "/tmp"]):
            step = f"hide {folder}"
            _cover(folder, keep)
        step = "make a new /tmp"  # the only place it can write
        _cover("/tmp", keep, f"mode={1777 if os.getuid() == 0 else 700},size=256m")
        os.chdir("/tmp")
        if os.getuid() == 0:
            step = "become a user of its own"
            # counted for that uid, unlike for root: what the program may start is
            # bounded, and no other child's processes count against it
            resource.setrlimit(resource.RLIMIT_NPROC, (MAX_PROCESSES, MAX_PROCESSES))
            uid = jail_uid()
            os.setgroups([])
            os.setresgid(NOBODY, NOBODY, NOBODY)
            os.setresuid(uid, uid, uid)
        step = "forbid new privileges"
        if _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
        step = f"run {program[0]}"
        child = os.fork()
        if child == 0:  # pragma: no cover - replaced by the program
            os.execv(program[0], program)
    except OSError as exc:
        sys.stderr.write(f"schemacog's jail could not {step}: {exc}\n")
        return EXIT_JAIL
    return _wait(child)


def _wait(child: int) -> int:
    """The program's exit code; 128 + N when signal N ended it. This process is the
    namespace's init: it reaps what the program leaves, and when it ends the kernel
    kills every process left in the namespace. (An init ignores signals it has no
    handler for, so the program must not be it: a limit's signal would be lost.)"""
    while True:
        pid, status = os.wait()
        if pid == child:
            code = os.waitstatus_to_exitcode(status)
            return 128 - code if code < 0 else code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
