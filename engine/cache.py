"""A cache of the checked knowledge base, so that every run need not re-read the same YAML files.

Reading, validating and cross-checking the bundled standards and rules costs about 100 ms per
process: more than assessing one jurisdiction, and most of the cold start beyond the imports.
Loading the result from a pickle costs about 3 ms.  The key is a hash of every file's path and
bytes, of lexgap's own code and of the Python and pydantic versions: any edit to a standard, a
rule or the code misses the cache and reads the files again.  Only knowledge without problems
is kept, so every error message still comes from the files themselves.

The cache is an optimisation and never a source of truth: a cache that cannot be read,
written or trusted is ignored.  It lives in $LEXGAP_CACHE_DIR, else $XDG_CACHE_HOME/lexgap,
else ~/.cache/lexgap; LEXGAP_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_PACKAGE = Path(__file__).resolve().parent
_KEEP = 4  # entries of one kind kept side by side (e.g. a source checkout and an installed copy)
_code_digest: str | None = None


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("LEXGAP_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("LEXGAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):  # no HOME and no password entry: run without a cache
            return None
    return Path(base) / "lexgap"


def _code() -> str:
    """A hash of lexgap's own modules: a pickle is only as good as the classes that read it."""
    global _code_digest
    if _code_digest is None:
        import pydantic

        digest = hashlib.sha256(f"{sys.version}|pydantic {pydantic.VERSION}".encode())
        for path in sorted(_PACKAGE.rglob("*.py")):
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _code_digest = digest.hexdigest()
    return _code_digest


def fingerprint(kind: str, *groups: Iterable[Path]) -> str | None:
    """The cache key of the files of each group read by this code, or None if a file cannot be read."""
    try:
        digest = hashlib.sha256(f"{kind}|{_code()}".encode())
        for files in groups:
            digest.update(b"\1")  # a file moved from one group to the next changes the key
            for path in files:
                digest.update(str(path.resolve()).encode() + b"\0" + path.read_bytes() + b"\0")
    except (OSError, RuntimeError):  # unreadable, vanished, or a symlink loop: no key, no cache
        return None
    return digest.hexdigest()


def _trusted(folder: Path) -> bool:
    """Only unpickle from a folder that is ours and that nobody else may write into."""
    try:
        info = folder.stat()
    except OSError:
        return False
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def get(kind: str, key: str) -> Any | None:
    """The value stored under `key`, or None on a miss or on any doubt about the file."""
    folder = cache_dir()
    if folder is None or not _trusted(folder):
        return None
    path = folder / f"{kind}-{key[:32]}.pickle"
    try:
        with path.open("rb") as stream:
            stored_key, value = pickle.load(stream)
    except Exception:  # missing, truncated, written by other code: a miss, never an error
        return None
    return value if stored_key == key else None


def put(kind: str, key: str, value: Any) -> None:
    """Store `value` atomically (a reader sees the old file or the new one); failures are ignored."""
    from lexgap.output import write_atomic

    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        if write_atomic(folder / f"{kind}-{key[:32]}.pickle", data, force=True) is None:
            _prune(folder, kind)
    except Exception:  # a read-only home, an unpicklable value: run without the cache
        pass


def _prune(folder: Path, kind: str) -> None:
    """Keep the newest few entries of a kind: each edit of the data or code leaves one stale file."""
    entries = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in entries[_KEEP:]:
        with contextlib.suppress(OSError):
            stale.unlink()
