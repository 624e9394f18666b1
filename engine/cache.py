"""A cache of the checked knowledge base, so that every run need not re-read the same YAML files
(and of the rules compiled for the engine: `lexgap.compiled`, keyed by `content_key`).

Reading, validating and cross-checking the bundled standards and rules costs about 100 ms per
process: more than assessing one jurisdiction, and most of the cold start beyond the imports.
The cache stores data, never code: an entry is the key on its first line, then the knowledge as
JSON (the pydantic models dumped, and validated again when read), so that a planted or tampered
file can at worst be a miss.  The key is a hash of every file's path and bytes, of lexgap's own
code and of the Python and pydantic versions: any edit to a standard, a rule or the code misses
the cache and reads the files again.  Only knowledge without problems is kept, so every error
message still comes from the files themselves.

The cache is an optimisation and never a source of truth: a cache that cannot be read,
written or trusted is ignored.  It lives in $LEXGAP_CACHE_DIR, else in the user's cache folder as
platformdirs names it for the system ($XDG_CACHE_HOME/lexgap or ~/.cache/lexgap on Linux,
~/Library/Caches/lexgap on macOS, %LOCALAPPDATA%\\lexgap\\Cache on Windows);
LEXGAP_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

import platformdirs

_PACKAGE = Path(__file__).resolve().parent
_KEEP = 4  # entries of one kind kept side by side (e.g. a source checkout and an installed copy)
_MAGIC = "lexgap-cache-1"  # the first line of an entry: this, a space and the full key
_MAX_BYTES = 64 * 1024 * 1024  # far above the knowledge base (about 200 KB): a bigger file is not ours
_code_digest: str | None = None


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("LEXGAP_NO_CACHE", "").strip() not in ("", "0"):
        return None
    explicit = os.environ.get("LEXGAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    try:
        folder = Path(platformdirs.user_cache_dir("lexgap", appauthor=False))
    except (RuntimeError, KeyError, OSError):
        return None
    # No HOME and no password entry leave '~' unexpanded: run without a cache, never in a './~' folder.
    return folder if folder.is_absolute() else None


def _code() -> str:
    """A hash of lexgap's own modules: an entry is only as good as the models that read it."""
    global _code_digest
    if _code_digest is None:
        import pydantic

        digest = hashlib.sha256(f"{sys.version}|pydantic {pydantic.VERSION}".encode())
        # os.walk and plain reads rather than Path.rglob and read_bytes: the same files in the same order
        # (by path parts), the same digest, in half the time (this runs at every start)
        found: list[tuple[str, ...]] = []
        for folder, _, names in os.walk(_PACKAGE):
            relative = os.path.relpath(folder, _PACKAGE)
            parts = () if relative == os.curdir else tuple(relative.split(os.sep))
            found += [(*parts, name) for name in names if name.endswith(".py")]
        for parts in sorted(found):
            digest.update("/".join(parts).encode() + b"\0" + _read_bytes(os.path.join(_PACKAGE, *parts)) + b"\0")
        _code_digest = digest.hexdigest()
    return _code_digest


def _read_bytes(path: str | Path) -> bytes:
    with open(path, "rb", buffering=0) as file:
        return file.readall()


def _real_path(path: Path, folders: dict[Path, str]) -> str:
    """`str(path.resolve())`, resolving each folder once: a file that is not a symbolic link is its folder's
    real path joined with its name (one lstat instead of one per component of the path)."""
    if stat.S_ISLNK(os.lstat(path).st_mode):
        return str(path.resolve())
    parent = folders.get(path.parent)
    if parent is None:
        parent = folders[path.parent] = str(path.parent.resolve())
    return os.path.join(parent, path.name)


def fingerprint(kind: str, *groups: Iterable[Path]) -> str | None:
    """The cache key of the files of each group read by this code, or None if a file cannot be read."""
    try:
        digest = hashlib.sha256(f"{kind}|{_code()}".encode())
        folders: dict[Path, str] = {}
        for files in groups:
            digest.update(b"\1")  # a file moved from one group to the next changes the key
            for path in files:
                digest.update(_real_path(path, folders).encode() + b"\0" + _read_bytes(path) + b"\0")
    except (OSError, RuntimeError):  # unreadable, vanished, or a symlink loop: no key, no cache
        return None
    return digest.hexdigest()


def content_key(kind: str, *parts: bytes) -> str:
    """The cache key of data held in memory (e.g. rules as JSON) read by this code."""
    digest = hashlib.sha256(f"{kind}|{_code()}".encode())
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


def _trusted(folder: Path) -> bool:
    """Only read from a folder that is ours and that nobody else may write into."""
    try:
        info = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _ours(info)


def _ours(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _header(key: str) -> bytes:
    return f"{_MAGIC} {key}\n".encode("ascii")


def get(kind: str, key: str) -> bytes | None:
    """The bytes stored under `key`, or None on a miss or on any doubt about the file.

    The file is opened without following a symbolic link, then checked on the open descriptor: a
    regular file with one name, owned by this user and writable by nobody else.  Its first line is
    compared with the key before a byte of the body is read.
    """
    folder = cache_dir()
    if folder is None or not _trusted(folder):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not getattr(os, "O_NOFOLLOW", 0):  # no way to open without following links here: no cache
        return None
    try:
        descriptor = os.open(folder / _name(kind, key), flags)
    except OSError:  # missing, or a symbolic link (ELOOP)
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or not _ours(info) or info.st_size > _MAX_BYTES:
            return None
        header = _header(key)
        if _read(descriptor, len(header)) != header:
            return None
        body = _read(descriptor, info.st_size - len(header) + 1)
        return body if len(body) == info.st_size - len(header) else None  # changed while read: a miss
    except (OSError, ValueError):
        return None
    finally:
        os.close(descriptor)


def _read(descriptor: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0:
        chunk = os.read(descriptor, size)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def put(kind: str, key: str, body: bytes) -> None:
    """Store `body` atomically (a reader sees the old file or the new one); failures are ignored."""
    from lexgap.output import write_atomic

    folder = cache_dir()
    if folder is None:
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(folder):
            return
        if write_atomic(folder / _name(kind, key), _header(key) + body, force=True, mode=0o600) is None:
            _prune(folder, kind)
    except Exception:  # a read-only home: run without the cache
        pass


def _name(kind: str, key: str) -> str:
    return f"{kind}-{key[:32]}.json"


def _prune(folder: Path, kind: str) -> None:
    """Keep the newest few entries of a kind: each edit of the data or code leaves one stale file.

    Pickles left by lexgap versions before the cache held data are removed too: they are never read.
    """
    def modified(path: Path) -> float:
        try:
            return path.lstat().st_mtime
        except OSError:
            return 0.0

    entries = sorted(folder.glob(f"{kind}-*.json"), key=modified, reverse=True)
    for stale in [*entries[_KEEP:], *folder.glob(f"{kind}-*.pickle")]:
        with contextlib.suppress(OSError):
            stale.unlink()
