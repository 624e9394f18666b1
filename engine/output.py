"""Writing an output file safely: never over an existing file unless asked, never half-written.

The bytes go to a temporary file in the target's folder, then `os.replace` renames it
over the target in one step, so that an interrupted run leaves the old file as it was.
Failures are returned as a `Problem`, never raised.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from lexgap.problems import Problem


def write_atomic(path: Path, data: bytes, force: bool = False) -> Problem | None:
    """Write `data` to `path` atomically; refuse to replace an existing file unless `force`."""
    if path.exists() and not force:
        return Problem(str(path), 1, 1, "the file already exists; choose another --output or add --force to "
                                        "replace it")
    if path.is_dir():
        return Problem(str(path), 1, 1, "this is a folder; give a file name for --output")
    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists() and not force:  # created by someone else while we were writing
            return Problem(str(path), 1, 1, "the file appeared while lexgap was writing; nothing was replaced")
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        reason = error.strerror or str(error)
        return Problem(str(path), 1, 1, f"cannot write the file: {reason}; any existing file was left unchanged")
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return None
