"""Plain YAML values read as YAML 1.2 reads them, so that lexgap and editors agree on a file.

PyYAML follows YAML 1.1, where `no`, `yes`, `on` and `off` are booleans and `010` is the
octal number 8: `answer: no` became false, `country: no` (Norway) "false", `id: 010` the
number 8.  yaml-language-server, and most tools written since 2009, read YAML 1.2, where
only `true` and `false` are booleans.  Here:

- booleans are `true` and `false` (any case), nothing else;
- whole numbers are written without a leading zero (`0`, `12`, `-3`; `0x1f` and `0o17` too):
  `010`, `007` stay text, because a number with a leading zero in a lexgap file is an id or
  a code, never a quantity (a field that wants a number still reads "010" as 10);
- numbers with `_` or `:` (YAML 1.1's `1_000` and sexagesimal `1:20`) are text;
- dates (`2021-01-25`) stay dates, as lexgap's formats need them; `null`, `~` and an empty
  value stay nothing.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.emitter import Emitter
from yaml.representer import SafeRepresenter
from yaml.resolver import BaseResolver, Resolver
from yaml.serializer import Serializer

_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^(?:[-+]?(?:0|[1-9][0-9]*)|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(r"""^(?:[-+]?(?:0|[1-9][0-9]*)?\.[0-9]+(?:[eE][-+]?[0-9]+)?
                        |[-+]?(?:0|[1-9][0-9]*)\.?[eE][-+]?[0-9]+
                        |[-+]?(?:0|[1-9][0-9]*)\.
                        |[-+]?\.(?:inf|Inf|INF)
                        |\.(?:nan|NaN|NAN))$""", re.X)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_MERGE = re.compile(r"^(?:<<)$")
_TIMESTAMP = re.compile(r"""^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                            |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?
                             (?:[Tt]|[ \t]+)[0-9][0-9]?
                             :[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?
                             (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$""", re.X)


class Yaml12Resolver(BaseResolver):
    """PyYAML's resolver with YAML 1.2's booleans and numbers (dates and merge keys as before)."""


_RESOLVERS: list[tuple[str, re.Pattern[str], str | list[str]]] = [
    ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
    ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
    ("tag:yaml.org,2002:float", _FLOAT, "-+0123456789."),
    ("tag:yaml.org,2002:merge", _MERGE, "<"),
    ("tag:yaml.org,2002:null", _NULL, ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", _TIMESTAMP, "0123456789"),
]

for _tag, _pattern, _first in _RESOLVERS:
    Yaml12Resolver.add_implicit_resolver(_tag, _pattern, list(_first))


class _EitherResolver(BaseResolver):
    """Resolves a plain value to a non-text type if YAML 1.1 or YAML 1.2 would: what a writer must quote."""


for _tag, _pattern, _first in _RESOLVERS:
    _EitherResolver.add_implicit_resolver(_tag, _pattern, list(_first))
for _first_char, _resolvers in Resolver.yaml_implicit_resolvers.items():
    for _tag, _pattern in _resolvers:
        _EitherResolver.add_implicit_resolver(_tag, _pattern, [_first_char])


class SafeDumper(Emitter, Serializer, SafeRepresenter, _EitherResolver):
    """yaml.SafeDumper that quotes every text a YAML 1.1 or 1.2 reader would take for another type
    (`no`, `010`, `1e3`), and writes every value out in full (lexgap refuses anchors and aliases)."""

    def __init__(self, stream: Any, **options: Any) -> None:
        Emitter.__init__(self, stream, canonical=options.get("canonical"), indent=options.get("indent"),
                         width=options.get("width"), allow_unicode=options.get("allow_unicode"),
                         line_break=options.get("line_break"))
        Serializer.__init__(self, encoding=options.get("encoding"), explicit_start=options.get("explicit_start"),
                            explicit_end=options.get("explicit_end"), version=options.get("version"),
                            tags=options.get("tags"))
        SafeRepresenter.__init__(self, default_style=options.get("default_style"),
                                 default_flow_style=options.get("default_flow_style", False),
                                 sort_keys=options.get("sort_keys", True))
        _EitherResolver.__init__(self)

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any, width: int = 100) -> str:
    """Data as a person would write it: block style, keys in the order given, UTF-8, no aliases."""
    return yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=width)
