"""Writing an output file safely: never over an existing file unless asked, never half-written.

The bytes go to a temporary file in the target's folder, then move into place in one step, so
that an interrupted run leaves the old file as it was.  Without `force` the move is a hard link,
which fails if anything (a file, a symlink, dangling or not) took the name meanwhile: nothing is
ever clobbered.  With `force` the file is renamed over the target, keeping the replaced file's mode;
a symbolic link at the target is replaced itself, never followed.  A new file gets the mode the umask
allows, as a shell redirection would.  `-` is standard output.  Failures are returned as a
`Problem`, never raised: a refusal (the file exists, a folder) is bad input, a failed write (disk
full, permission denied) an I/O error (`Kind.io`, exit 74).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from lexgap.problems import Kind, Problem

#: What `--output -` means: write to standard output.
STDOUT = "-"


def write_atomic(path: Path | str, data: bytes, force: bool = False, mode: int | None = None,
                 stdout: BinaryIO | None = None) -> Problem | None:
    """Write `data` to `path` atomically; refuse to replace an existing file (or link) unless `force`.

    `path` may be given as the string the user typed, so that a trailing `/` (a folder meant) is
    seen; `-` writes to `stdout` (standard output by default).  `mode` fixes the new file's mode
    (the cache writes 0600); otherwise a new file gets 0666 less the umask, and a replaced file keeps
    its mode.
    """
    text = str(path)
    if text == STDOUT:
        return _write_stdout(data, stdout)
    name = text
    if text.endswith(os.sep) or (os.altsep and text.endswith(os.altsep)):
        return Problem(name, 1, 1, "this names a folder (it ends with '/'); give a file name for --output")
    path = Path(text)
    try:
        existing: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        return Problem(name, 1, 1, f"cannot write the file: {error.strerror or error}", kind=Kind.io)
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            return Problem(name, 1, 1, "this is a folder; give a file name for --output")
        if not force:
            what = "a symbolic link" if stat.S_ISLNK(existing.st_mode) else "the file"
            return Problem(name, 1, 1, f"{what} already exists; choose another --output or add --force to replace "
                                       "it")
        if not (stat.S_ISREG(existing.st_mode) or stat.S_ISLNK(existing.st_mode)):
            return Problem(name, 1, 1, "this is not a regular file (a device, a pipe or a socket); lexgap replaces "
                                       "only files")
    if mode is None:
        if existing is not None and stat.S_ISREG(existing.st_mode):
            mode = stat.S_IMODE(existing.st_mode) & 0o777  # permissions kept, set-id bits not
        else:
            mode = 0o666 & ~_umask()
    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        if force:
            os.replace(temporary, path)
            temporary = None
        else:
            _place_new(temporary, path)
    except FileExistsError:
        return Problem(name, 1, 1, "the file appeared while lexgap was writing; nothing was replaced")
    except OSError as error:
        reason = error.strerror or str(error)
        return Problem(name, 1, 1, f"cannot write the file: {reason}; any existing file was left unchanged",
                       kind=Kind.io)
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return None


def _place_new(temporary: str, path: Path) -> None:
    """Give the written file its name only if the name is free (FileExistsError otherwise)."""
    try:
        os.link(temporary, path, follow_symlinks=False)  # fails with EEXIST whatever holds the name
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS,
                                                                    errno.EXDEV, errno.EMLINK):
            raise
        # a file system without hard links: claim the name first (O_EXCL never follows or clobbers)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
        os.replace(temporary, path)


def _umask() -> int:
    """The process's umask (reading it means setting it: put it straight back)."""
    current = os.umask(0o022)
    os.umask(current)
    return current


def _write_stdout(data: bytes, stream: BinaryIO | None) -> Problem | None:
    target = stream if stream is not None else sys.stdout.buffer
    try:
        target.write(data)
        target.flush()
    except OSError as error:
        return Problem(STDOUT, 1, 1, f"cannot write to standard output: {error.strerror or error}", kind=Kind.io)
    return None


def clamp_core_property(value: str, limit: int = 255) -> str:
    """A docx core property (title, subject...) cut to Word's limit of `limit` characters, with an ellipsis."""
    if len(value) <= limit:
        return value
    return value[: limit - 1].rstrip() + "…"
