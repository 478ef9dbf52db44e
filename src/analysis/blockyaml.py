"""A fast reader for the plain block YAML the project writes: PyYAML's result, or None.

The annotation files of a large corpus are tens of megabytes of one simple shape: block
mappings and sequences, one scalar per line, short flow lists (`[a, b]`) and flow mappings
(`{text: on Monday, start: 2023-09-04}`). Through PyYAML, even on libyaml's C parser, most of
the time goes into a node, two marks and a constructor call per scalar; this reader goes line
by line instead: 1.4 s against 7.9 s for the 40 MB of 100,000 events on this project's machine.

It accepts only what it fully understands and returns None for anything else — block
scalars, multi-line scalars, escapes, anchors, tags, tabs, document markers, complex keys,
duplicate keys — so the caller falls back to PyYAML, which then reads the file or reports the
problem with its line. When it does return a document it is the one `annotations._LineLoader`
builds: the same values, the same YAML 1.1 types (`yes` is True, `042` is 34, dates stay
text), the same `Mapping` line numbers. `tests/test_blockyaml.py` checks this against PyYAML on
generated documents and on every YAML file of the project.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

__all__ = ["RESOLVERS", "Mapping", "parse"]


class Mapping(dict[Any, Any]):
    """A YAML mapping that remembers where it and each of its keys stand in the file."""

    path: str = ""
    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# PyYAML's YAML 1.1 implicit types, first character -> [(tag, regexp)], without timestamps:
# dates stay text so that the validator reports `2023-02-30` instead of PyYAML crashing on it.
RESOLVERS: dict[str, list[tuple[str, re.Pattern[str]]]] = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Decline(Exception):
    """The text is outside the subset this reader handles; PyYAML must read it."""


# Characters PyYAML reads differently from a line-by-line reading (tabs, carriage returns, the
# YAML 1.1 line breaks NEL, LS and PS) or refuses (its reader's non-printable characters).
_UNHANDLED = re.compile(
    "[^\x0a\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$")
_SINGLE = re.compile(r"'((?:[^']|'')*)'")
# A plain scalar may not start with an indicator; these readings of the rest are declined.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")

_CONSTRUCT = yaml.constructor.SafeConstructor()
_STR = "tag:yaml.org,2002:str"


def _typed(text: str) -> Any:
    """A plain scalar's value under PyYAML's YAML 1.1 rules (without timestamps)."""
    tag = _STR
    for candidate, regexp in RESOLVERS.get(text[:1] if text else "", ()):
        if regexp.match(text):
            tag = candidate
            break
    if tag == _STR:
        return text
    if tag not in ("tag:yaml.org,2002:null", "tag:yaml.org,2002:bool") and not tag.endswith(
        (":int", ":float")
    ):
        raise _Decline  # merge keys, value keys
    node = yaml.ScalarNode(tag, text)
    try:
        return _CONSTRUCT.yaml_constructors[tag](_CONSTRUCT, node)
    except (ValueError, OverflowError) as exc:  # "0x_" looks like a number and is not
        raise _Decline from exc


class _Plain(dict[str, Any]):
    """Memo of plain scalars already typed: ids, codes and keys repeat thousands of times."""

    def __missing__(self, text: str) -> Any:
        value = _typed(text)
        if len(self) < 100_000:
            self[text] = value
        return value


_PLAIN = _Plain()


_BLOCK_STOP = re.compile(r": | #|:$")
# First characters of a plain scalar that is an indicator or may be typed (true, null, 12)
_TYPED_START = _INDICATORS | frozenset(RESOLVERS)
_FLOW_STOP = re.compile(r"[,\[\]{}#'\":]")


def _plain(text: str, *, flow: bool) -> Any:
    if (text[0] in _INDICATORS and not (text[0] == "-" and len(text) > 1 and text[1] != " ")) or (
        _FLOW_STOP if flow else _BLOCK_STOP
    ).search(text):
        raise _Decline
    return _PLAIN[text] if text[0] in RESOLVERS else text


def _quoted(text: str) -> tuple[str, str]:
    """A quoted scalar at the start of `text`, and what follows it on the line."""
    if text[0] == '"':
        end = text.find('"', 1)
        if end < 0:
            raise _Decline  # continues on the next line
        value = text[1:end]
        if "\\" in value:
            raise _Decline  # escapes
        return value, text[end + 1 :]
    match = _SINGLE.match(text)
    if match is None:
        raise _Decline
    return match.group(1).replace("''", "'"), text[match.end() :]


def _flow_item(text: str) -> Any:
    text = text.strip(" ")
    if not text:
        raise _Decline
    if text[0] == '"':
        value, rest = _quoted(text)
        if rest or "," in value:
            raise _Decline
        return value
    return _plain(text, flow=True)


# What a value's text parses to, before it becomes a Python value: a scalar, the items of a
# flow list, or the pairs of a flow mapping. Lists and mappings are built fresh on every use.
_SCALAR, _LIST, _MAP = 0, 1, 2
Parsed = tuple[int, Any]


def _parse_value(text: str) -> Parsed:
    """The value after `key: ` or `- ` on one line (no trailing spaces, not empty)."""
    first = text[0]
    if first in "\"'":
        value, rest = _quoted(text)
        if rest and not (rest[0] == " " and rest.lstrip(" ").startswith("#")):
            raise _Decline
        return _SCALAR, value
    if first in "[{" and "#" in text:
        text = text[: text.find(" #")].rstrip(" ")  # a comment after the flow collection
    if first == "[":
        if not text.endswith("]") or "#" in text:
            raise _Decline
        inner = text[1:-1]
        return _LIST, tuple(_flow_item(item) for item in inner.split(",")) if inner.strip(
            " "
        ) else ()
    if first == "{":
        if not text.endswith("}") or "#" in text:
            raise _Decline
        inner = text[1:-1]
        pairs: dict[str, Any] = {}
        for item in inner.split(",") if inner.strip(" ") else ():
            key, sep, value = item.strip(" ").partition(": ")
            if not sep or key in pairs:
                raise _Decline
            _check_key(key)
            pairs[key] = _flow_item(value)
        return _MAP, tuple(pairs.items())
    hash_at = text.find(" #")
    if hash_at >= 0:
        text = text[:hash_at].rstrip(" ")
    return _SCALAR, _plain(text, flow=False)


class _Values(dict[str, Parsed]):
    """Memo of value texts already parsed: codes, id lists and dates repeat thousands of times."""

    def __missing__(self, text: str) -> Parsed:
        parsed = _parse_value(text)
        if len(self) < 200_000:
            self[text] = parsed
        return parsed


_VALUES = _Values()
_KEYS: set[str] = set()  # keys already known to be plain text
_MAX_KEY = 128  # YAML allows 1024 characters in a simple key; ours are words
_MAX_DEPTH = 32  # nesting beyond this is declined (PyYAML's own recursion gives up near 160)


def _check_key(key: str) -> None:
    """Decline keys that are not simple words, or that YAML 1.1 reads as true, null or a number."""
    if key in _KEYS:
        return
    if len(key) > _MAX_KEY or not _KEY.match(key + ":") or not isinstance(_PLAIN[key], str):
        raise _Decline
    _KEYS.add(key)


def _value(text: str, path: str, line: int) -> Any:
    kind, payload = _VALUES[text]
    if kind == _SCALAR:
        return payload
    if kind == _LIST:
        return list(payload)
    mapping = Mapping(payload)
    mapping.path, mapping.line = path, line
    mapping.key_lines = dict.fromkeys(mapping, line)
    return mapping


class _Reader:
    """Recursive descent over the file's content lines: (line number, indent, content)."""

    def __init__(self, text: str, path: str):
        self.path = path
        self.lines: list[tuple[int, int, str]] = [
            (number, len(raw) - len(content), content.rstrip(" "))
            for number, raw in enumerate(text.split("\n"), 1)
            if (content := raw.lstrip(" ")) and content[0] != "#"
        ]
        self.n = len(self.lines)
        self.depth = 0

    def node(self, pos: int, indent: int) -> tuple[Any, int]:
        content = self.lines[pos][2]
        self.depth += 1
        if self.depth > _MAX_DEPTH:
            raise _Decline
        found: tuple[Any, int]
        if content == "-" or content.startswith("- "):
            found = self.sequence(pos, indent)
        else:
            found = self.mapping(pos, indent, content)
        self.depth -= 1
        return found

    def mapping(self, pos: int, indent: int, first: str) -> tuple[Mapping, int]:
        """The block mapping whose first key is `first` (on line `pos`) and the next position.

        A line indented deeper than the mapping's keys after a key's value is a multi-line
        value or a mistake: either way, declined.
        """
        lines, n, path = self.lines, self.n, self.path
        mapping = Mapping()
        mapping.path, mapping.line = path, lines[pos][0]
        key_lines: dict[str, int] = {}
        mapping.key_lines = key_lines
        content = first
        number = lines[pos][0]
        while True:
            cut = content.find(": ")
            if cut > 0:
                key, rest = content[:cut], content[cut + 2 :].lstrip(" ")
            elif content[-1] == ":":
                key, rest = content[:-1], ""
            else:
                raise _Decline
            if key not in _KEYS:
                _check_key(key)
            if key in mapping:
                raise _Decline
            key_lines[key] = number
            pos += 1
            if rest and rest[0] != "#":
                # the commonest values inline: text in plain words, or in quotes without escapes
                if rest[0] == '"' and rest[-1] == '"' and rest.count('"') == 2 and "\\" not in rest:
                    mapping[key] = rest[1:-1]
                elif rest[0] not in _TYPED_START and not _BLOCK_STOP.search(rest):
                    mapping[key] = rest
                else:
                    mapping[key] = _value(rest, path, number)
            elif pos < n and (
                lines[pos][1] > indent
                or (lines[pos][1] == indent and lines[pos][2].startswith("- "))
            ):
                mapping[key], pos = self.node(pos, lines[pos][1])
            else:
                mapping[key] = None
            if pos >= n:
                return mapping, pos
            number, at, content = lines[pos]
            if at != indent:
                if at < indent:
                    return mapping, pos
                raise _Decline

    def sequence(self, pos: int, indent: int) -> tuple[list[Any], int]:
        lines, n = self.lines, self.n
        items: list[Any] = []
        while pos < n:
            number, at, content = lines[pos]
            if at != indent or not content.startswith("- "):
                if at > indent:
                    raise _Decline
                break
            rest = content[2:]
            if rest[0] in " #-" or rest.startswith("? "):
                raise _Decline
            cut = rest.find(": ")
            if (cut > 0 and _KEY.match(rest[: cut + 1])) or (rest[-1] == ":" and _KEY.match(rest)):
                item, pos = self.mapping(pos, indent + 2, rest)
            else:
                item = _value(rest, self.path, number)
                pos += 1
            items.append(item)
        return items, pos


def parse(text: str, path: str = "") -> Mapping | None:
    """The top-level mapping of `text` as PyYAML would read it, or None to let PyYAML read it."""
    if _UNHANDLED.search(text):
        return None
    try:
        reader = _Reader(text, path)
        if not reader.n or reader.lines[0][1] != 0:
            return None
        first = reader.lines[0][2]
        if first == "-" or first.startswith("- "):
            return None
        doc, pos = reader.mapping(0, 0, first)
    except (_Decline, RecursionError):
        return None
    except yaml.YAMLError:
        return None  # a constructor refused a value; PyYAML will say why, with its line
    return doc if pos == reader.n else None
