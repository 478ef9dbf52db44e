"""Read the hand-written YAML files of `data/`, keeping the line of every key for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from analysis import blockyaml
from analysis.blockyaml import Mapping
from analysis.errors import DataFileError

__all__ = ["Mapping", "decode_text", "read_text", "read_yaml"]

# libyaml's C scanner and parser when PyYAML has them (about 7x faster on large annotation
# files); the constructor below stays Python either way, so the result is the same.
_SafeBase: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeBase):
    """SafeLoader whose mappings are `Mapping`s carrying 1-based line numbers.

    Dates stay text: the validator parses them, so `2023-02-30` is a reported problem
    rather than a crash inside the YAML parser.
    """

    source_path = ""


_LineLoader.yaml_implicit_resolvers = blockyaml.RESOLVERS


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping()
    mapping.path = loader.source_path
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise DataFileError(
                loader.source_path,
                key_node.start_mark.line + 1,
                f"{key}: duplicate key in the same mapping",
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[str(key)] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_text(path: Path, display: str | None = None) -> str:
    """A data file's text, strictly UTF-8 without a byte-order mark."""
    shown = display or str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataFileError(shown, 0, "file not found") from exc
    except OSError as exc:
        raise DataFileError(shown, 0, f"cannot read: {exc.strerror}") from exc
    return decode_text(raw, shown)


def decode_text(raw: bytes, shown: str) -> str:
    """The bytes of a data file as text: strictly UTF-8 without a byte-order mark."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise DataFileError(
            shown,
            1,
            "starts with a UTF-8 byte-order mark; save it as UTF-8 "
            "without BOM (offsets would shift)",
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataFileError(
            shown,
            line,
            f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); re-save the file as UTF-8",
        ) from exc


def read_yaml(path: Path, display: str | None = None) -> Mapping:
    """Parse one YAML file whose top level is a mapping; errors name the file and line."""
    shown = display or str(path)
    text = read_text(path, shown)
    doc = blockyaml.parse(text, shown)
    if doc is not None:
        return doc
    return _read_with_pyyaml(text, shown)


def _read_with_pyyaml(text: str, shown: str) -> Mapping:
    loader = None
    try:
        loader = _LineLoader(text)
        loader.source_path = shown
        doc = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataFileError(shown, line, f"malformed YAML: {exc.problem or exc}") from exc
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise DataFileError(
            shown, line, f"character U+{exc.character:04X} is not allowed in YAML; remove it"
        ) from exc
    except yaml.YAMLError as exc:
        raise DataFileError(shown, 0, f"malformed YAML: {exc}") from exc
    except RecursionError as exc:
        raise DataFileError(shown, 0, "nested too deeply to read; flatten the file") from exc
    except (ValueError, OverflowError) as exc:  # a constructor's, e.g. `0x_` read as a number
        raise DataFileError(shown, 0, f"a value YAML cannot read ({exc}); quote it") from exc
    finally:
        if loader is not None:
            loader.dispose()
    if doc is None:
        raise DataFileError(shown, 1, "the file is empty; expected a mapping of keys")
    if not isinstance(doc, Mapping):
        raise DataFileError(
            shown, 1, f"expected a mapping at the top level, got {type(doc).__name__}"
        )
    return doc
