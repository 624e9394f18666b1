"""Reading lexgap files: safe YAML (with line marks when a problem must be located), then validation.

Loading is validation.  Every problem is returned as a located `Problem` (file,
line, column, what is wrong, what to write instead) instead of being raised, so
that a lawyer sees all the mistakes of a file at once and never a traceback.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from lexgap.models import FORMATS, Strict
from lexgap.paths import STDIN
from lexgap.problems import Problem
from lexgap.vocabulary import nearest
from lexgap.yaml12 import Yaml12Resolver

#: Files larger than this are refused before parsing: lexgap files are written by hand.
MAX_FILE_BYTES = 10 * 1024 * 1024
#: How problems name standard input, given as `-`.
STDIN_NAME = "<stdin>"
MAX_DEPTH = 40
#: Far above any hand-written file (romania-2020.yaml has about 2,000), low enough to build in seconds.
MAX_NODES = 500_000

Path_ = tuple[str | int, ...]
Model = TypeVar("Model", bound=BaseModel)

_SAFE_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Marks:
    """Where each key and value of a YAML document starts, by its path in the data."""

    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    #: Where a mapping's value starts, when it starts on its key's line (`as_of: 25/01/2021`: the 25).
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def at(self, path: Path_) -> tuple[int, int]:
        """The line and column of the deepest known part of `path` (1-based): a key, or a list item."""
        for end in range(len(path), -1, -1):
            position = self.positions.get(tuple(path[:end]))
            if position is not None:
                return position
        return (1, 1)

    def value_at(self, path: Path_) -> tuple[int, int]:
        """Where the value at `path` starts if it is on its key's line, else where `at` points."""
        return self.values.get(tuple(path)) or self.at(path)

    def within(self, prefix: Path_) -> Marks:
        """The marks below `prefix`, with paths relative to it (the prefix itself becomes the root)."""
        size = len(prefix)
        inner = Marks({path[size:]: at for path, at in self.positions.items() if path[:size] == prefix},
                      {path[size:]: at for path, at in self.values.items() if path[:size] == prefix})
        inner.positions.setdefault((), self.at(prefix))
        return inner


@dataclass
class Loaded:
    """A parsed file: its raw data, where each part sits, and the problems found.

    A file read without problems is read without line marks (`_plain`, the faster path); its marks are
    made from the kept text the first time a later problem needs them (`marks`), by the same reader that
    locates a problem in the file itself, so every message points where it would have."""

    path: Path
    data: Any = None
    given_marks: Marks | None = None
    problems: list[Problem] = field(default_factory=list)
    text: str | None = field(default=None, repr=False)  # kept until its marks are made

    @property
    def marks(self) -> Marks:
        if self.given_marks is None:
            self.given_marks = _marks_of(self.text) if self.text is not None else Marks()
            self.text = None
        return self.given_marks

    @property
    def name(self) -> str:
        return STDIN_NAME if str(self.path) == STDIN else str(self.path)

    def problem(self, path: Path_, message: str, at_key: bool = False) -> Problem:
        """A problem with the value at `path` (or with its key, for a field missing or unknown)."""
        line, column = self.marks.at(path) if at_key else self.marks.value_at(path)
        return Problem(self.name, line, column, message)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str):
        super().__init__(message)
        self.line, self.column = mark_position(mark)
        self.message = message


def mark_position(mark: Any) -> tuple[int, int]:
    """A YAML mark as a 1-based line and column."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_NO_KEY = object()


class _Builder:
    """Turns the parser's event stream into plain data and marks, refusing what lexgap files never need.

    One pass over the events, with an explicit stack: nothing recurses (libyaml's own composer
    does, in C, and a few thousand nested brackets would crash the process), nesting and size are
    refused where they start, and no node tree is built, which halves the cost of reading a file.
    """

    def __init__(self) -> None:
        self.marks = Marks()
        self.constructor = SafeConstructor()
        self.resolver = Yaml12Resolver()  # yes/no/on/off and 010 are text, as editors read them

    def build(self, events: Iterable[yaml.Event]) -> Any:
        positions = self.marks.positions
        # one frame per open collection: [container, path, pending key of a mapping or _NO_KEY]
        stack: list[list[Any]] = []
        root: Any = None
        documents = count = 0
        for event in events:
            kind = type(event)
            if kind is yaml.DocumentStartEvent:
                documents += 1
                continue
            if kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
                continue
            if not isinstance(event, yaml.NodeEvent):
                continue
            mark = event.start_mark
            if documents > 1:
                refused = _Refused(mark, "the file holds more than one YAML document ('---'); keep one per file")
                refused.column = 1
                raise refused
            count += 1
            if count > MAX_NODES:
                raise _Refused(mark, f"the file has more than {MAX_NODES:,} values; split it into smaller files")
            if len(stack) > MAX_DEPTH:
                raise _Refused(mark, f"values are nested more than {MAX_DEPTH} levels deep; lexgap files are flatter")
            if kind is yaml.AliasEvent or event.anchor is not None:
                raise _Refused(mark, "anchors and aliases (& and *) are not allowed in lexgap files; "
                                     "write the value out in full")
            parent = stack[-1] if stack else None
            if parent is not None and type(parent[0]) is dict and parent[2] is _NO_KEY:
                parent[2] = self._key(event, parent, positions)
                continue
            here = mark_position(mark)
            if parent is None:
                path: Path_ = ()
            elif type(parent[0]) is dict:
                path = (*parent[1], parent[2])
                if positions[path][0] == here[0]:  # the value stands on its key's line (set by _key)
                    self.marks.values[path] = here
            else:
                path = (*parent[1], len(parent[0]))
            positions.setdefault(path, here)
            if kind is yaml.ScalarEvent:
                value = self._scalar(event)
            elif kind is yaml.MappingStartEvent:
                value = {}
            else:
                value = []
            if parent is None:
                root = value
            elif type(parent[0]) is dict:
                parent[0][parent[2]] = value
                parent[2] = _NO_KEY
            else:
                parent[0].append(value)
            if kind is not yaml.ScalarEvent:
                stack.append([value, path, _NO_KEY])
        return root

    def _key(self, event: Any, parent: list[Any], positions: dict[Path_, tuple[int, int]]) -> Any:
        mark = event.start_mark
        positions.setdefault((*parent[1], "<key>"), mark_position(mark))
        if type(event) is not yaml.ScalarEvent:
            raise _Refused(mark, "keys must be plain words")
        tag = self._tag(event)
        if tag == _MERGE:
            raise _Refused(mark, "merge keys (<<) are not allowed; write the fields out")
        if tag == _STR:
            _check_decoded(event)
        key = event.value if tag == _STR else self._scalar(event, tag)
        if not isinstance(key, str | int) or isinstance(key, bool):
            raise _Refused(mark, "keys must be plain words")
        if key in parent[0]:
            first = positions.get((*parent[1], key), (0, 0))[0]
            raise _Refused(mark, f"duplicate key {key!r} (first given on line {first}); "
                                 "YAML would silently keep only the last one: remove or merge them")
        positions[(*parent[1], key)] = mark_position(mark)
        return key

    def _tag(self, event: Any) -> str:
        """The scalar's tag as the composer would resolve it (an untagged 12 is an int, yes a bool...)."""
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolver.resolve(ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        return str(tag)

    def _scalar(self, event: Any, tag: str | None = None) -> Any:
        return _scalar_value(event, tag or self._tag(event), self.constructor)


def _scalar_value(event: Any, tag: str, constructor: SafeConstructor) -> Any:
    """A scalar's value as its resolved tag says, or `_Refused` with what to write instead (both readers)."""
    if tag == _STR:  # most values: no constructor needed
        _check_decoded(event)
        return event.value
    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
    try:
        value = constructor.construct_object(node, deep=True)
    except yaml.YAMLError as error:
        raise _Refused(event.start_mark, f"cannot read this value: {_plain_yaml_error(error)}") from None
    except (ValueError, OverflowError):  # 2021-13-45 looks like a date to YAML
        raise _Refused(event.start_mark, f"{event.value!r} is not a valid date or value; write a date as "
                                         "YYYY-MM-DD, for example 2021-01-25") from None
    finally:  # a constructor remembers each node it built (for aliases): `_plain`'s shared one must forget them
        constructor.constructed_objects.pop(node, None)
    if isinstance(value, dt.datetime):
        raise _Refused(event.start_mark, "write a date as YYYY-MM-DD, without a time")
    if isinstance(value, float) and value != value:
        raise _Refused(event.start_mark, "'.nan' is not a value lexgap accepts")
    return value


class _NeedMarks(Exception):
    """What `_plain` cannot accept as it is: read the file again with marks (`_Builder`) to locate it."""


#: The first characters (and '' for an empty value) with which a plain (unquoted) value can resolve to
#: anything but text: only those go through the resolver; the others are text, as `Yaml12Resolver` says.
_TYPED_FIRST: frozenset[str | None] = frozenset(Yaml12Resolver.yaml_implicit_resolvers)
_RESOLVE: Callable[[type, str, tuple[bool, bool]], str] = Yaml12Resolver().resolve


def _plain(events: Iterable[Any]) -> Any:
    """Plain data from the parser's events, with no marks: the common case of a file lexgap accepts.

    It accepts exactly what `_Builder` accepts and builds the same data; on anything `_Builder` would
    refuse (aliases, merge keys, duplicate keys, depth, size, escapes, values YAML cannot read) it raises
    `_NeedMarks` (or `_Refused`, from the scalar reading both share), and the file is read again by `_Builder`,
    which says what and where.  An empty file too.
    """
    stack: list[list[Any]] = []  # [container, pending key of a mapping or _NO_KEY]
    root: Any = _NO_KEY
    documents = count = 0
    scalar_kind, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    for event in events:
        kind = type(event)
        if kind is scalar_kind:
            value: Any = event.value
            tag = event.tag
            if event.anchor is not None:
                raise _NeedMarks
            if tag is None or tag == "!":
                plain_text = event.implicit[0] and value[:1] not in _TYPED_FIRST and None not in _TYPED_FIRST
                tag = _STR if plain_text else _RESOLVE(ScalarNode, value, event.implicit)
            if tag == _MERGE:  # a merge key: the builder refuses it where it stands
                raise _NeedMarks
            if tag != _STR or event.style == '"':  # the builder's checks and constructors (`_Refused`: read again)
                value = _scalar_value(event, tag, _CONSTRUCTOR)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None:
                raise _NeedMarks
            value = {} if kind is mapping_start else []
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            stack.pop()
            continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _NeedMarks
            continue
        elif kind is yaml.AliasEvent:
            raise _NeedMarks
        else:
            continue
        count += 1
        if count > MAX_NODES or len(stack) > MAX_DEPTH:
            raise _NeedMarks
        if stack:
            parent = stack[-1]
            container = parent[0]
            if type(container) is dict:
                key = parent[1]
                if key is _NO_KEY:  # this value is a key
                    if (kind is not scalar_kind or not isinstance(value, str | int) or isinstance(value, bool)
                            or value in container):
                        raise _NeedMarks
                    parent[1] = value
                    continue
                container[key] = value
                parent[1] = _NO_KEY
            else:
                container.append(value)
        else:
            root = value
        if kind is not scalar_kind:
            stack.append([value, _NO_KEY])
    if root is _NO_KEY:
        raise _NeedMarks
    return root


_CONSTRUCTOR = SafeConstructor()


def _marks_of(text: str) -> Marks:
    """The line marks of a text `_plain` has read (see `Loaded.marks`)."""
    builder = _Builder()
    try:
        builder.build(yaml.parse(text, Loader=_SAFE_LOADER))
    except Exception:  # it read without a problem once: it cannot fail now
        return Marks()
    return builder.marks


def _check_decoded(event: Any) -> None:
    """Refuse a string whose decoded value holds a control or non-character (`"Rom\\0ania"`, `"\\e[2J"`).

    The raw text is checked before parsing; this catches what YAML's escapes in double quotes
    produce, which would otherwise reach a terminal as an escape sequence or break a docx file.
    """
    if event.style != '"':  # only double quotes have escapes: other scalars are the raw text, checked already
        return
    bad = _first_forbidden(event.value, _DECODED_FORBIDDEN_RE)
    if bad is None:
        return
    code = ord(event.value[bad])
    if code < 0xA0 or code in (0x2028, 0x2029):
        what = f"control character U+{code:04X}"
    elif 0xD800 <= code <= 0xDFFF:
        what = f"lone surrogate U+{code:04X}"
    else:
        what = f"non-character U+{code:04X}"
    escape = f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
    raise _Refused(event.start_mark, f"{what} in this text (an escape in quotes, such as {escape}); delete it")


def _plain_yaml_error(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    text = f"{context}: {problem}" if context else str(problem)
    if "\t" in text or "tab" in text.lower():
        return f"{text} (indent with spaces, not tabs)"
    if "mapping values are not allowed" in text:  # a key indented under a value, or an unquoted ': '
        return (f"{text} (check this line's indentation against the line above, and put a value that "
                "contains ': ' in quotes)")
    return text


def _kind(mode: int) -> str:
    """What a file that is not a regular file is, in words."""
    for test, name in ((stat.S_ISDIR, "a directory; give a .yaml file"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "not a regular file"


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file of at most `limit` bytes, or the located problem that stops it.

    The file is opened first and checked on the open descriptor (`fstat`), so that what is read is
    what was checked: a FIFO never blocks (it is opened without waiting for a writer, then refused),
    a device such as /dev/zero is refused before a byte is read, and at most `limit` + 1 bytes are
    read whatever the file claims its size is.
    """
    name = str(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        return None, Problem(name, 1, 1, "no such file; check the path and the file name")
    except IsADirectoryError:  # where a directory cannot be opened for reading
        return None, Problem(name, 1, 1, "this is a directory; give a .yaml file")
    except OSError as error:
        return None, Problem(name, 1, 1, f"cannot read the file: {error.strerror or error}")
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = _kind(mode)
            message = (f"this is {kind}" if stat.S_ISDIR(mode)
                       else f"this is {kind}, not a regular file; lexgap reads only regular .yaml files")
            return None, Problem(name, 1, 1, message)
        size = os.fstat(descriptor).st_size
        chunks: list[bytes] = []
        total = 0
        if size <= limit:
            while total <= limit:
                chunk = os.read(descriptor, limit + 1 - total)
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        else:
            total = size
        if total > limit:
            return None, Problem(name, 1, 1, f"the file is {total / 1_048_576:.1f} MB; lexgap reads files up to "
                                             f"{limit // 1_048_576} MB: split it into smaller files")
        return b"".join(chunks), None
    except OSError as error:
        return None, Problem(name, 1, 1, f"cannot read the file: {error.strerror or error}")
    finally:
        os.close(descriptor)


def _read_stdin(name: str, limit: int = MAX_FILE_BYTES) -> tuple[bytes | None, Problem | None]:
    """Standard input (`-`), read to its end but never more than `limit` + 1 bytes."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        return None, Problem(name, 1, 1, "there is no standard input to read")
    try:
        raw = stream.read(limit + 1)
    except (OSError, ValueError) as error:
        return None, Problem(name, 1, 1, f"cannot read standard input: {getattr(error, 'strerror', None) or error}")
    if len(raw) > limit:
        return None, Problem(name, 1, 1, f"standard input holds more than {limit // 1_048_576} MB; lexgap reads files "
                                         f"up to {limit // 1_048_576} MB: split it into smaller files")
    return raw, None


def read_yaml(path: Path, with_marks: bool = False) -> Loaded:
    """Read one YAML file into plain data with line marks; never raises for bad input.

    A file without problems is read without marks, which are made when first asked for (`Loaded.marks`);
    `with_marks` makes them while reading, as a file with a problem always is."""
    loaded = Loaded(path)
    raw, refused = _read_stdin(loaded.name) if str(path) == STDIN else read_regular(path)
    if raw is None:
        assert refused is not None
        loaded.problems.append(refused)
        return loaded
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        loaded.problems.append(Problem(
            loaded.name, line, column,
            f"byte 0x{raw[error.start]:02x} is not UTF-8; save the file as UTF-8 (in Word: 'Plain Text', "
            "encoding 'Unicode (UTF-8)')"))
        return loaded
    bad = _first_forbidden(text, _FORBIDDEN_RE)
    if bad is not None:
        line = text.count("\n", 0, bad) + 1
        column = bad - (text.rfind("\n", 0, bad) + 1) + 1
        loaded.problems.append(Problem(
            loaded.name, line, column,
            f"{'control ' if ord(text[bad]) < 0xA0 or ord(text[bad]) in (0x2028, 0x2029) else 'non-'}character "
            f"U+{ord(text[bad]):04X} in the file; delete it (often pasted from another program)"))
        return loaded
    if not with_marks:
        try:
            loaded.data = _plain(yaml.parse(text, Loader=_SAFE_LOADER))
        except Exception:  # anything to refuse or locate: the reader with marks says what and where
            pass
        else:
            loaded.text = text
            return loaded
    builder = _Builder()
    try:
        loaded.data = builder.build(yaml.parse(text, Loader=_SAFE_LOADER))
    except _Refused as refused:
        loaded.problems.append(Problem(loaded.name, refused.line, refused.column, refused.message))
        return loaded
    except yaml.MarkedYAMLError as error:
        line, column = mark_position(error.problem_mark or error.context_mark)
        if "nesting depth" in str(error.problem):  # PyYAML >= 6.0.4 stops deep nesting before lexgap's own check
            message = f"values are nested more than {MAX_DEPTH} levels deep; lexgap files are flatter"
        else:
            message = f"not valid YAML: {_plain_yaml_error(error)}"
        loaded.problems.append(Problem(loaded.name, line, column, message))
        return loaded
    except (yaml.YAMLError, RecursionError, MemoryError) as error:
        message = "values are nested too deeply" if isinstance(error, RecursionError) else str(error)
        loaded.problems.append(Problem(loaded.name, 1, 1, f"not valid YAML: {message}"))
        return loaded
    if not builder.marks.positions:
        loaded.problems.append(Problem(loaded.name, 1, 1, "the file is empty; start it with 'format: jurisdiction' "
                                                        "(or company, instrument, rules, bill)"))
        return loaded
    loaded.given_marks = builder.marks
    return loaded


#: Control characters (tab, newline and carriage return aside) and non-characters: never typed on purpose.
#: NEL, U+2028 and U+2029 too: YAML counts them as line breaks, editors do not, so every later line
#: number lexgap reports would be wrong.
#: C1 controls too (U+0080 to U+009F: U+009B starts a terminal escape sequence as ESC [ does), and the
#: non-characters U+FDD0 to U+FDEF; those beyond the BMP (the last two code points of each plane) are
#: found by `_first_forbidden`, as a character class holding them makes the search 15 times slower.
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff]")
#: The same in a string decoded from escapes in double quotes, and surrogates (no UTF-8 output can write one).
_DECODED_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufdd0-\ufdef\ufffe\uffff"
                                   "\ud800-\udfff]")
_ASTRAL_RE = re.compile("[\U00010000-\U0010FFFF]")


def _first_forbidden(text: str, pattern: re.Pattern[str]) -> int | None:
    """Where the first control or non-character of `text` is, or None."""
    found = pattern.search(text)
    first = found.start() if found else None
    for astral in _ASTRAL_RE.finditer(text, 0, len(text) if first is None else first):
        if ord(astral.group()) & 0xFFFE == 0xFFFE:
            return astral.start()
    return first


def validate(loaded: Loaded, model: type[Model]) -> Model | None:
    """Validate loaded data into `model`; on failure add located problems and return None."""
    if loaded.problems:
        return None
    try:
        return model.model_validate(loaded.data)
    except ValidationError as error:
        details = _one_branch(loaded.data, error.errors(include_url=False))
        messages = [(_data_path(loaded.data, d["loc"]), _message(d, _data_path(loaded.data, d["loc"]), model), d)
                    for d in details]
        suggested = {(path[:-1], _suggestion(message)) for path, message, d in messages
                     if d["type"] == "extra_forbidden"}
        for path, message, detail in messages:
            if detail["type"] == "missing" and (path, str(detail["loc"][-1])) in suggested:
                continue  # a misspelt key: "unknown field ... did you mean" already says it
            loaded.problems.append(loaded.problem(path, message, at_key=detail["type"] in _KEY_ERRORS))
        loaded.problems = sorted(set(loaded.problems))
        return None


#: Validation errors about a key (a field missing, or one the format does not have), not a value.
_KEY_ERRORS = frozenset({"missing", "extra_forbidden"})


def _suggestion(message: str) -> str:
    _, _, rest = message.partition("did you mean '")
    return rest.partition("'")[0]


def _one_branch(data: Any, details: list[Any]) -> list[Any]:
    """For a union field pydantic reports each branch's errors; keep the branch the data got furthest in."""
    branches: dict[Path_, dict[str, list[Any]]] = {}
    plain: list[Any] = []
    for detail in details:
        consumed: list[str | int] = []
        current = data
        tag = None
        for part in detail["loc"]:
            if _holds(current, part):
                current = current[part]
            else:
                tag = str(part)
                break
            consumed.append(part)
        if tag is None:
            plain.append(detail)
        else:
            branches.setdefault(tuple(consumed), {}).setdefault(tag, []).append(detail)
    for groups in branches.values():
        def depth(errors: list[Any]) -> int:
            return max(len(_data_path(data, e["loc"])) for e in errors)
        # the furthest branch; on a tie a list form wins: `mental_element: intent_to_harm` is a
        # list of one word written without brackets far more often than a broken mapping
        best = max(sorted(groups), key=lambda tag: (depth(groups[tag]), tag.startswith("list[")))
        plain += groups[best]
    return plain


def _holds(current: Any, part: int | str) -> bool:
    """Whether `part` of an error location is a key or index of the data (not a union branch name)."""
    if isinstance(current, dict):
        return part in current
    return isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)


def _data_path(data: Any, loc: tuple[int | str, ...]) -> Path_:
    """Follow pydantic's error location through the data, skipping union branch names."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if _holds(current, part):
            current = current[part]
            path.append(part)
    return tuple(path)


def _field_label(path: Path_) -> str:
    names = [str(p) for p in path if isinstance(p, str)]
    return names[-1] if names else "the file"


def _message(detail: Any, path: Path_, model: type[BaseModel]) -> str:
    kind = detail["type"]
    loc = detail["loc"]
    label = _field_label(path)
    value = detail.get("input")
    if kind == "missing":
        return f"missing required field {loc[-1]!r} in {label}"
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _allowed_fields(model, loc[:-1])
        hint = nearest(name, allowed) if allowed else None
        did = f"; did you mean {hint!r}?" if hint else ""
        listed = f" (allowed: {', '.join(allowed)})" if allowed and not hint else ""
        return f"unknown field {name!r}{did}{listed}"
    if kind == "enum":
        expected = detail.get("ctx", {}).get("expected", "")
        choices = [c.strip().strip("'") for c in expected.replace(" or ", ", ").split(",") if c.strip()]
        hint = nearest(str(value), choices)
        did = f"; did you mean {hint!r}?" if hint else ""
        return f"{value!r} is not a word of {label}{did} (valid: {', '.join(choices)})"
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"{value!r} is not allowed for {label}; write {expected}"
    if kind.startswith("date") or kind == "date_type":
        return f"{value!r} is not a date; write a date as YYYY-MM-DD, for example 2021-01-25"
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        wanted = {"list_type": "a list (lines starting with '- ')", "dict_type": "a mapping of fields",
                  "model_type": "a mapping of fields", "model_attributes_type": "a mapping of fields"}[kind]
        return f"{label} must be {wanted}, not {_describe(value)}"
    if kind in ("string_type", "int_type", "int_parsing", "bool_type", "bool_parsing", "int_from_float"):
        wanted = {"string_type": "text", "int_type": "a whole number", "int_parsing": "a whole number",
                  "bool_type": "true or false", "bool_parsing": "true or false",
                  "int_from_float": "a whole number"}[kind]
        if kind == "string_type" and isinstance(value, bool | int | float):  # YAML read a word or code as a number
            example = f" ('{str(value).lower()}')" if isinstance(value, bool | int) else ""
            return f"{label} must be text, not {_describe(value)}; put the value in quotes{example} to keep it as text"
        return f"{label} must be {wanted}, not {_describe(value)}"
    if kind == "too_short":
        return f"{label} must not be empty"
    if kind in ("string_too_long", "too_long"):
        return f"{label} is too long: {detail['msg'].lower()}"
    if kind == "string_pattern_mismatch":
        pattern = detail.get("ctx", {}).get("pattern", "")
        if "a-z]{2}" in pattern:
            return f"{value!r} is not a country code; write two lower-case letters, like 'ro'"
        if "https?" in pattern:
            return f"{value!r} is not a web address; write it starting with https://"
        return f"{value!r} does not have the expected form ({pattern})"
    if kind in ("value_error", "assertion_error"):
        message = str(detail["msg"])
        return message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"{label}: {detail['msg'].lower()}, not {value!r}"
    return f"{label}: {detail['msg']}"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) < 60 else text[:57] + "...'"


def _allowed_fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The field names allowed at a location, found by walking the model along the location."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if fields is None:
            return []
        info = fields.get(part)
        if info is None:
            # a union branch name such as 'MentalAlternatives': follow it if it is a model
            candidate = _model_named(current, str(part))
            if candidate is None:
                return []
            current = candidate
            continue
        current = _inner_model(info.annotation)
        if current is None:
            return []
    fields = getattr(current, "model_fields", None)
    return list(fields) if fields else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    metadata_origin = getattr(annotation, "__origin__", None)
    if metadata_origin is not None and metadata_origin is not list and metadata_origin is not dict:
        return _inner_model(metadata_origin)
    return None


def _model_named(_within: Any, name: str) -> Any:
    from lexgap import models

    candidate = getattr(models, name, None)
    return candidate if isinstance(candidate, type) and issubclass(candidate, BaseModel) else None


def all_formats() -> dict[str, type[Strict]]:
    """Every file format: those of lexgap.models, and `letter_plan` and `mandate`, which their modules
    (lexgap.communication, lexgap.mandates) add when imported, here on first need: assessing a
    jurisdiction need not import the letters' models."""
    import lexgap.communication
    import lexgap.mandates  # noqa: F401

    return FORMATS


def load_file(path: Path, expected: str | tuple[str, ...] | None = None) -> tuple[Strict | None, Loaded]:
    """Read and validate any lexgap file; its `format` field chooses the model."""
    loaded = read_yaml(path)
    if loaded.problems:
        return None, loaded
    data = loaded.data
    if not isinstance(data, dict):
        loaded.problems.append(loaded.problem((), "a lexgap file is a mapping of fields, starting with "
                                                  "'format: jurisdiction' (or company, instrument, rules, bill)"))
        return None, loaded
    fmt = data.get("format")
    wanted = (expected,) if isinstance(expected, str) else expected
    if not isinstance(fmt, str) or fmt not in FORMATS:
        all_formats()  # a format the letters or the mandates register define, or a mistake: both say so
    if not isinstance(fmt, str) or fmt not in FORMATS:  # `format: []` is unhashable
        hint = nearest(str(fmt), list(FORMATS)) if fmt is not None else None
        did = f"did you mean {hint!r}? " if hint else ""
        where = ("format",) if "format" in data else ()
        loaded.problems.append(loaded.problem(where, f"{'missing' if fmt is None else repr(fmt) + ' is not a'} "
                                                     f"file format; {did}write format: one of {', '.join(FORMATS)}"))
        return None, loaded
    if wanted and fmt not in wanted:
        loaded.problems.append(loaded.problem(("format",), f"this is a {fmt} file; expected {' or '.join(wanted)}"))
        return None, loaded
    return validate(loaded, FORMATS[fmt]), loaded
