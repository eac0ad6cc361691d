"""Writing files atomically: a reader sees the old file or the new one, never half of either."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

NEW_FILE_MODE = 0o644  # what a new output file gets, as an ordinary open() would under the usual umask


def write_atomic(path: str | Path, data: str | bytes, encoding: str = "utf-8") -> None:
    path = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else data
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode) if path.exists() else NEW_FILE_MODE)  # mkstemp makes 0600
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
