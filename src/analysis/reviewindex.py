"""What a review needs to know of a validated project: what every record points at, where
each proposal is written, and whether a proposal would pass as a registry record."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.annotations import Mapping, read_yaml
from analysis.errors import Problem
from analysis.model import Claim, Corpus, Event, Position
from analysis.pending import proposal_files
from analysis.reviewlist import PROPOSALS, identify, links_of, refs_of
from analysis.validate import Reader

Key = tuple[str, str]  # (kind, id); kinds: event, claim, position, actor, place


@dataclass(frozen=True)
class Node:
    """Any record of the corpus, draft or not: what it points at."""

    key: Key
    source_id: str
    draft: bool
    refs: tuple[Key, ...]
    links: tuple[tuple[str, str, str], ...]
    wording: str  # the summary (event), content (claim) or position text


def record_nodes(corpus: Corpus) -> dict[Key, Node]:
    """Every record of the corpus by (kind, id)."""
    out: dict[Key, Node] = {}
    records: tuple[Sequence[Event | Claim | Position], ...] = (
        corpus.events,
        corpus.claims,
        corpus.positions,
    )
    for rec in (rec for some in records for rec in some):
        key = identify(rec)
        wording = (
            rec.summary
            if isinstance(rec, Event)
            else rec.content
            if isinstance(rec, Claim)
            else rec.position
        )
        out[key] = Node(key, rec.source_id, rec.draft, refs_of(rec), links_of(rec), wording)
    return out


def drafted(node: Node) -> bool:
    """Whether the record still has the wording ingest drafted for it."""
    return node.wording.startswith("Draft")


def registry_problems(root: Path, path: Path, shown: str, kind: str, pid: str) -> list[Problem]:
    """What the validator would say of a proposal moved to the registry as it stands."""
    doc = read_yaml(path, shown)
    rec = next(r for r in doc.get(PROPOSALS[kind][0]) or [] if r.get("id") == pid)
    clean = Mapping({k: v for k, v in rec.items() if k not in ("draft", "confidence")})
    clean.path, clean.line, clean.key_lines = rec.path, rec.line, rec.key_lines
    reader = Reader(root)
    if kind == "actor":
        reader.actor(clean)
    else:
        reader.place(clean)
    return reader.check.problems


def annotation_path(root: Path, source_id: str) -> Path | None:
    """The annotation file of a source: `<source_id>.yaml`, else the one naming it."""
    folder = root / "data" / "annotations"
    named = folder / f"{source_id}.yaml"
    if named.is_file():
        return named
    pattern = re.compile(rf"^source_id:\s*[\"']?{re.escape(source_id)}[\"']?\s*(#.*)?$", re.M)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if pattern.search(path.read_text(encoding="utf-8")):
            return path
    return None


def homes(root: Path) -> dict[Key, Path]:
    """(actor|place, id) -> the annotation file that proposes it."""
    return {
        (kind, pid): file
        for file, _, ids in proposal_files(root)
        for kind, (key, _, _) in PROPOSALS.items()
        for pid in ids[key]
    }
