"""Files goodloop writes that hold a network (exports, backups, the store itself): readable by
their owner only (0600), and written whole or not at all."""

import os
import tempfile
from pathlib import Path

PRIVATE = 0o600


def create_private(path: Path) -> None:
    """Create an empty file that only its owner may read (it must not exist yet)."""
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE))


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` with mode 0600: into a temporary file beside it, renamed over it at
    the end, so a failure leaves no empty or half-written file. A path that is not a regular
    file (/dev/stdout, a pipe) is written directly."""
    if path.exists() and not path.is_file():
        path.write_bytes(data)
        return
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")  # mode 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_private(path: Path) -> None:
    """Tighten an existing file to 0600 (a store made by an older goodloop was 0644)."""
    try:
        if path.is_file() and path.stat().st_mode & 0o077:
            path.chmod(PRIVATE)
    except OSError:
        pass  # not ours to change (another owner): SQLite still opens it; nothing to report
