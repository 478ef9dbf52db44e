"""Which texts one `newsbrief ingest` run reads, and what is known about each (docs/ingest.md).

Texts are named as files or folders (a folder stands for its `*.txt` files, in name order)
and/or by a manifest: a CSV file with a header row, or a YAML/JSON list of mappings, one entry
per text, with the columns `file` (relative to the manifest's folder), `published`,
`publisher`, `title`, `url`, `language` and `source_id`; only `file` is required. A value given
on the command line applies to every text and wins over the manifest; an empty cell leaves the
default (the publisher "unknown", the text's headline as title, language `en`, a derived id).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.ingest.store import IngestError, IngestItem, as_date

__all__ = ["COLUMNS", "Given", "items"]

COLUMNS = ("file", "published", "publisher", "title", "url", "language", "source_id")
ONE_TEXT_ONLY = ("title", "url", "source_id")  # flags that cannot apply to several texts


@dataclass(frozen=True)
class Given:
    """Metadata given on the command line: applies to every text ("" = not given)."""

    published: str = ""
    publisher: str = ""
    title: str = ""
    url: str = ""
    source_id: str = ""
    language: str = ""


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        found = sorted(p for p in path.glob("*.txt") if p.is_file())
        if not found:
            raise IngestError(f"{path}: the folder holds no .txt files")
        return found
    if not path.exists():
        raise IngestError(f"{path}: no such file or folder")
    return [path]


def _rows(manifest: Path) -> list[tuple[str, dict[str, str]]]:
    """(where, row) per entry: where is `manifest:line` for CSV, `manifest: entry N` otherwise."""
    try:
        raw = manifest.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise IngestError(f"{manifest}: cannot read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise IngestError(f"{manifest}: not UTF-8; save the manifest as UTF-8") from exc
    if manifest.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(raw, newline=""))
        header = reader.fieldnames or []
        unknown = [c for c in header if c not in COLUMNS]
        if unknown or "file" not in header:
            raise IngestError(
                f"{manifest}:1: the header row must name the column `file` and only known "
                f"columns ({', '.join(COLUMNS)}); got {', '.join(header) or 'nothing'}"
            )
        out = []
        for row in reader:
            if None in row:  # DictReader keeps the cells past the header under None
                raise IngestError(
                    f"{manifest}:{reader.line_num}: {len(header) + len(row[None])} cells but the "
                    f"header row names {len(header)} columns ({', '.join(header)}); quote a "
                    'value that holds a comma ("a, b")'
                )
            if any((v or "").strip() for v in row.values()):
                clean = {k: (v or "").strip() for k, v in row.items()}
                out.append((f"{manifest}:{reader.line_num}", clean))
        return out
    import yaml

    try:
        doc: Any = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise IngestError(f"{manifest}: not valid YAML or JSON: {exc}") from exc
    if not isinstance(doc, list) or not all(isinstance(e, Mapping) for e in doc):
        raise IngestError(
            f"{manifest}: expected a list of entries (`- file: a.txt` with published, "
            "publisher, ...), or use a .csv file with a header row"
        )
    rows = []
    for n, entry in enumerate(doc, 1):
        unknown = [str(k) for k in entry if k not in COLUMNS]
        if unknown:
            raise IngestError(
                f"{manifest}: entry {n}: unknown field {', '.join(unknown)}; "
                f"valid fields: {', '.join(COLUMNS)}"
            )
        row = {k: "" if v is None else v for k, v in entry.items()}
        rows.append((f"{manifest}: entry {n}", {k: _text(v) for k, v in row.items()}))
    return rows


def _text(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value).strip()


def _listed(manifest: Path) -> dict[Path, tuple[str, dict[str, str]]]:
    listed: dict[Path, tuple[str, dict[str, str]]] = {}
    for where, row in _rows(manifest):
        name = row.get("file", "").strip()
        if not name:
            raise IngestError(f"{where}: file: empty; name the text file of this entry")
        path = (manifest.parent / name).resolve()
        if not path.is_file():
            raise IngestError(f"{where}: file: {name!r} not found next to the manifest ({path})")
        if path in listed:
            raise IngestError(f"{where}: file: {name!r} is listed twice ({listed[path][0]})")
        listed[path] = (where, row)
    return listed


def items(paths: Sequence[Path], given: Given, manifest: Path | None = None) -> list[IngestItem]:
    """The texts to ingest, each with its metadata; IngestError names what is missing or wrong."""
    listed = _listed(manifest) if manifest is not None else {}
    files: list[Path] = []
    for path in paths:
        files += _files(path)
    if not paths and manifest is not None:
        files = [manifest.parent / row["file"].strip() for _, row in listed.values()]
    if not files:
        raise IngestError("no text to ingest: name files or folders, or give --manifest")
    shown: dict[Path, Path] = {}  # resolved path -> the path as the user gave it
    for path in files:
        shown.setdefault(path.resolve(), path)
    unique = list(shown)
    if len(unique) > 1:
        for key in ONE_TEXT_ONLY:
            if getattr(given, key):
                flag = "--" + key.replace("_", "-")
                raise IngestError(
                    f"{flag} names one text but {len(unique)} are ingested; "
                    f"give each text its {key.replace('_', ' ')} in a manifest (--manifest)"
                )
    out = []
    undated = []
    for path in unique:
        where, row = listed.get(path, (str(shown[path]), {}))

        def value(key: str, row: dict[str, str] = row) -> str:
            return str(getattr(given, key) or row.get(key, "") or "").strip()

        published = value("published")
        if not published:
            undated.append(where)
            continue
        what = "--published" if given.published else f"{where}: published:"
        out.append(
            IngestItem(
                shown[path],
                as_date(published, what),
                value("publisher"),
                value("title"),
                value("url"),
                value("source_id"),
                value("language") or "en",
            )
        )
    if undated:
        more = f" and {len(undated) - 5} more" if len(undated) > 5 else ""
        raise IngestError(
            f"no publication date for {', '.join(undated[:5])}{more}: give --published "
            "YYYY-MM-DD (for every text) or a `published` column in the manifest"
        )
    return out
