"""Drafts awaiting review, per source: what `newsbrief validate` lists after its summary."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from analysis import blockyaml
from analysis.annotations import Mapping, read_yaml
from analysis.model import Corpus

#: the annotation-file lists that hold proposals, and the word `pending` counts them by
PROPOSAL_LISTS = {"proposed_actors": "proposed actor", "proposed_places": "proposed place"}
#: at most this many sources are listed one a line; the rest are summed up
SHOWN = 20


@dataclass(frozen=True)
class Pending:
    """One source's records still marked `draft: true`, and the proposals its file holds."""

    source_id: str
    counts: tuple[tuple[str, int], ...]  # (singular noun, n), only n > 0, in a fixed order

    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def what(self) -> str:
        return ", ".join(f"{n} {noun}{'s' if n != 1 else ''}" for noun, n in self.counts)

    def line(self) -> str:
        return f"{self.source_id}: {self.what()} (newsbrief review {self.source_id})"


# A top-level key of the lists that matter, or any top-level line (where such a list ends).
_HEADS = re.compile(r"^(?:source_id|proposed_actors|proposed_places):", re.M)
_TOP = re.compile(r"^[^\s#]", re.M)


def _proposals(path: Path) -> Mapping:
    """The file's `source_id` and proposal lists, read from their own lines if it can be.

    Annotation files are large and the proposals a few lines: the top-level entries that
    matter are cut out (each up to the next line in column 0) and read alone by the fast line
    reader; anything it declines is read whole, as the validator reads it.
    """
    text = path.read_text(encoding="utf-8")
    parts = []
    for head in _HEADS.finditer(text):
        nxt = _TOP.search(text, head.end())
        parts.append(text[head.start() : nxt.start() if nxt else len(text)])
    doc = blockyaml.parse("".join(part if part.endswith("\n") else part + "\n" for part in parts))
    return doc if doc is not None else read_yaml(path, str(path))


def proposal_files(root: Path) -> list[tuple[Path, str, dict[str, list[str]]]]:
    """The annotation files that propose actors or places: (path, source id, list key -> ids)."""
    out = []
    folder = root / "data" / "annotations"
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if b"proposed_" not in path.read_bytes():  # most files hold none: skip parsing them
            continue
        doc = _proposals(path)
        ids = {
            key: [str(item.get("id")) for item in doc.get(key) or [] if isinstance(item, Mapping)]
            for key in PROPOSAL_LISTS
        }
        if any(ids.values()):
            out.append((path, str(doc.get("source_id") or ""), ids))
    return out


def proposals_by_source(root: Path) -> dict[str, Counter[str]]:
    """source id -> how many proposed actors and places its annotation file holds."""
    out: dict[str, Counter[str]] = {}
    for _, source_id, ids in proposal_files(root):
        found = out.setdefault(source_id, Counter())
        for key, noun in PROPOSAL_LISTS.items():
            found[noun] += len(ids[key])
    return out


def pending(corpus: Corpus, root: Path) -> tuple[Pending, ...]:
    """Every source with drafts left, in the corpus's source order (files read only if needed)."""
    counts: dict[str, Counter[str]] = {}
    for noun, records in (
        ("event", corpus.events),
        ("claim", corpus.claims),
        ("position", corpus.positions),
    ):
        for rec in records:
            if rec.draft:
                counts.setdefault(rec.source_id, Counter())[noun] += 1
    if any(a.draft for a in corpus.actors) or any(p.draft for p in corpus.places):
        for source_id, found in proposals_by_source(root).items():
            counts.setdefault(source_id, Counter()).update(found)
    order = ("event", "claim", "position", *PROPOSAL_LISTS.values())
    return tuple(
        Pending(
            s.source_id,
            tuple((noun, counts[s.source_id][noun]) for noun in order if counts[s.source_id][noun]),
        )
        for s in corpus.sources
        if s.source_id in counts
    )


def pending_lines(items: tuple[Pending, ...], shown: int = SHOWN) -> list[str]:
    """`drafts pending review: <source>: 7 events, ... (newsbrief review <source>)`, one a line."""
    lines = [f"drafts pending review: {p.line()}" for p in items[:shown]]
    rest = items[shown:]
    if rest:
        n = sum(p.total() for p in rest)
        lines.append(
            f"drafts pending review: {len(rest)} more sources, {n} drafts "
            "(newsbrief review lists them all)"
        )
    return lines
