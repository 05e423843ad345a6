"""Which process runs a job, and whether it still does: `host:pid:start` names a process
(its start time tells it from a later process that got the same pid)."""

import os
import socket


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (Linux), "" where unknown."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[19].decode()
    except (OSError, IndexError):
        return ""


def this_process() -> str:
    pid = os.getpid()
    return f"{socket.gethostname()[:80]}:{pid}:{_start_time(pid)}"


def is_gone(worker: str) -> bool | None:
    """True: that process has ended; False: it runs; None: it is on another host (cannot tell)."""
    try:
        host, pid_text, start = (worker or "").rsplit(":", 2)
        pid = int(pid_text)
    except ValueError:
        return None
    if host != socket.gethostname()[:80]:
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        pass  # it exists, under another user
    return bool(start) and _start_time(pid) not in ("", start)
