"""Where ingest touches the disk: reading and checking a text, choosing its id, writing its files.

A text is refused before anything is written when it is not UTF-8, starts with a byte-order
mark, is empty or holds control characters other than tab, line feed, carriage return and form
feed (NUL bytes and the like: not a text file). Files are written atomically (a temporary file,
then a rename) with the permissions of the user's umask, as `open()` would give them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from analysis.errors import NewsbriefError
from analysis.ingest import drafts
from analysis.ingest.drafts import Draft
from analysis.ingest.lexicon import Lexicon
from analysis.ingest.segment import NonBody

__all__ = [
    "IngestError",
    "IngestItem",
    "IngestResult",
    "Store",
    "decode",
    "make_source_id",
    "run_summary",
]


class IngestError(NewsbriefError):
    """A text cannot be ingested (unreadable, already stored, or its id is taken)."""


@dataclass(frozen=True)
class IngestItem:
    """One text to ingest and what is known about it."""

    path: Path
    published: dt.date
    publisher: str = ""
    title: str = ""
    url: str = ""
    source_id: str = ""
    language: str = "en"


@dataclass(frozen=True)
class IngestResult:
    """What ingest wrote for one source (or, with `skipped`, why it wrote nothing)."""

    source_id: str
    text_path: Path
    meta_path: Path
    annotation_path: Path
    events: int
    claims: int
    proposed_actors: tuple[str, ...]
    proposed_places: tuple[str, ...]
    non_body: tuple[NonBody, ...]
    input_path: Path | None = None
    skipped: str = ""

    def line(self) -> str:
        """One line: the file, the source id and what was drafted (or why it was skipped)."""
        shown = self.input_path or self.text_path
        if self.skipped:
            return f"skipped  {shown}: {self.skipped}"
        proposed = len(self.proposed_actors) + len(self.proposed_places)
        return (
            f"ingested {shown} as {self.source_id}: {_n(self.events, 'draft event')}, "
            f"{_n(self.claims, 'draft claim')}, {_n(proposed, 'proposal')}"
        )

    def summary(self) -> str:
        if self.skipped:
            return self.line()
        lines = [
            f"ingested {self.source_id}: {self.events} draft events, {self.claims} draft claims",
            f"  text      {self.text_path}",
            f"  metadata  {self.meta_path} ({len(self.non_body)} non-body spans)",
            f"  drafts    {self.annotation_path}",
        ]
        if self.proposed_actors:
            lines.append(f"  proposed actors: {', '.join(self.proposed_actors)}")
        if self.proposed_places:
            lines.append(f"  proposed places: {', '.join(self.proposed_places)}")
        lines.append(REVIEW_HINT)
        return "\n".join(lines)


def _n(count: int, what: str) -> str:
    return f"{count} {what}{'' if count == 1 else 's'}"


REVIEW_HINT = (
    "review: `newsbrief review SOURCE_ID` lists the drafts; `--accept ID ...` and "
    "`--reject ID ...` decide them (docs/ingest.md)"
)


def run_summary(results: list[IngestResult], seconds: float, workers: int) -> str:
    """The total of one run over several texts, and how to review them."""
    stored = [r for r in results if not r.skipped]
    skipped = len(results) - len(stored)
    proposals = sum(len(r.proposed_actors) + len(r.proposed_places) for r in stored)
    rate = f" = {len(stored) / seconds:.1f} texts/s" if stored and seconds > 0 else ""
    return (
        f"total: {len(stored)} of {len(results)} texts ingested in {seconds:.1f} s{rate} "
        f"with {workers} worker{'s' if workers > 1 else ''}; "
        f"{sum(r.events for r in stored)} draft events, {sum(r.claims for r in stored)} draft "
        f"claims, {proposals} proposals; {skipped} skipped\n{REVIEW_HINT}"
    )


# --- reading -----------------------------------------------------------------------------------

# C0 controls but tab, LF, FF and CR; DEL; C1 controls. A text holding one is not plain text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ALLOWED = "tab, line feed, carriage return and form feed"


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path}: cannot read: {exc.strerror}") from exc


def decode(raw: bytes, shown: str) -> str:
    """The text of a file's bytes, or IngestError saying where and why it is not plain text."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raise IngestError(
            f"{shown}: starts with a UTF-8 byte-order mark; offsets would shift. "
            "Save it as UTF-8 without BOM and ingest again"
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise IngestError(
            f"{shown}: not UTF-8 (byte 0x{raw[exc.start]:02x} at offset "
            f"{exc.start}); convert it to UTF-8 first"
        ) from exc
    bad = _CONTROL.search(text)
    if bad is not None:
        at = bad.start()
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        char = bad.group()
        name = unicodedata.name(char, "") or _CONTROL_NAMES.get(char, "control character")
        count = len(_CONTROL.findall(text))
        raise IngestError(
            f"{shown}:{line}: control character U+{ord(char):04X} ({name}) at offset {at} "
            f"(line {line}, column {column}); the text holds {count} such character"
            f"{'s' if count > 1 else ''}. Is it a text file? Only {_ALLOWED} are accepted "
            "among control characters: remove the others and ingest again"
        )
    if not text.strip():
        raise IngestError(f"{shown}: the file is empty")
    return text


_CONTROL_NAMES = {"\x00": "NUL", "\x1b": "ESCAPE", "\x7f": "DELETE", "\x85": "NEXT LINE"}


def as_date(value: dt.date | str, what: str = "--published") -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise IngestError(f"{what} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


# --- ids ---------------------------------------------------------------------------------------

_STOPWORDS = frozenset(
    (
        *("a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from"),
        *("by", "as", "is", "are", "was", "were", "be", "news", "live", "updates", "update"),
        *("latest", "what", "who", "why", "how"),
    )
)


def slug(text: str) -> str:
    from analysis.ingest.places import slug as place_slug

    return place_slug(text).replace("_", "-")


def make_source_id(publisher: str, published: dt.date, title: str) -> str:
    """`wp-2023-09-05-north-korea-kim-putin-discuss`: publisher, date and title words."""
    words = [w for w in re.split(r"\s+", publisher.strip()) if w.lower() != "the"]
    if len(words) == 1:
        pub = slug(words[0])[:12]
    else:
        pub = "".join(w[0] for w in words if w[:1].isalnum()).lower() or "src"
    headline = title.rsplit(":", 1)[-1] if len(title.rsplit(":", 1)[-1].split()) >= 3 else title
    tokens = [t for t in re.split(r"[\s\u2019'-]+", headline) if re.search(r"[A-Za-z0-9]", t)]
    keep = [w for w in map(slug, tokens) if w not in _STOPWORDS and w != "s"]
    tail = "-".join(keep[:5]) or "text"
    return f"{pub or 'src'}-{published.isoformat()}-{tail}"


# --- writing -----------------------------------------------------------------------------------


@cache
def _umask() -> int:
    """The process's umask (read once: os.umask can only be read by setting it)."""
    status = Path("/proc/self/status")
    try:
        for line in status.read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: Path, data: bytes) -> None:
    """Write atomically, with the mode the user's umask gives a new file (mkstemp's is 0600)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _existing_hashes(folder: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for meta in folder.glob("*.yaml") if folder.is_dir() else []:
        m = re.search(
            r"^text_sha256:\s*([0-9a-f]{64})", meta.read_text(encoding="utf-8"), re.MULTILINE
        )
        if m:
            out[m.group(1)] = meta.stem
    return out


_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")


class AlreadyStored(IngestError):
    """The same text (by SHA-256) is already a source."""

    def __init__(self, message: str, source_id: str):
        super().__init__(message)
        self.source_id = source_id


@dataclass
class Store:
    """The project's data folders and what is already in them."""

    root: Path
    hashes: dict[str, str]
    taken: set[str]
    written: set[str]
    reserved: set[str] = field(default_factory=set)  # ids given explicitly in this run

    @classmethod
    def of(cls, root: Path, lexicon: Lexicon) -> Store:
        sources = root / "data" / "sources"
        # an id is taken by a source file or by an annotation file (save() refuses to overwrite)
        taken = {p.stem for p in sources.glob("*")} if sources.is_dir() else set()
        annotations = root / "data" / "annotations"
        taken |= {p.stem for p in annotations.glob("*")} if annotations.is_dir() else set()
        written = {f"actor:{a}" for a in lexicon.proposed_actor_ids} | {
            f"place:{p}" for p in lexicon.proposed_place_ids
        }
        return cls(root, _existing_hashes(sources), taken, written)

    def stored_as(self, raw: bytes) -> str:
        """The id of the source whose text has these bytes, or ""."""
        return self.hashes.get(hashlib.sha256(raw).hexdigest(), "")

    def conflicts(
        self, items: Sequence[IngestItem], raws: Sequence[bytes], *, skip_stored: bool
    ) -> list[str]:
        """What `claim_id` would refuse in this run, found before anything is written."""
        problems: list[str] = []
        ids: dict[str, Path] = {}
        first: dict[bytes, Path] = {}
        for item, raw in zip(items, raws, strict=True):
            stored = self.stored_as(raw)
            if stored or raw in first:
                if not skip_stored:  # with skip_stored, the text is skipped, not refused
                    problems.append(
                        f"{item.path}: this text is already stored as source {stored!r}"
                        if stored
                        else f"{item.path}: the same text as {first[raw]}, read in this run"
                    )
                continue
            first[raw] = item.path
            sid = item.source_id
            if not sid:
                continue
            if not _SLUG.fullmatch(sid):
                problems.append(
                    f"{item.path}: source_id {sid!r} is not a lowercase slug ([a-z0-9][a-z0-9_-]*)"
                )
            elif sid in self.taken:
                problems.append(f"{item.path}: source id {sid!r} is taken; choose another")
            elif sid in ids:
                problems.append(f"{item.path}: source id {sid!r} is also given to {ids[sid]}")
            ids.setdefault(sid, item.path)
        self.reserved |= set(ids)  # a derived id must not take one a later text is given
        return problems

    def claim_id(self, item: IngestItem, raw: bytes, title: str) -> tuple[str, str]:
        sha = hashlib.sha256(raw).hexdigest()
        if sha in self.hashes:
            raise AlreadyStored(
                f"{item.path}: this text is already stored as source "
                f"{self.hashes[sha]!r}; nothing written",
                self.hashes[sha],
            )
        if item.source_id:
            if not _SLUG.fullmatch(item.source_id):
                raise IngestError(
                    f"--source-id {item.source_id!r} is not a lowercase slug ([a-z0-9][a-z0-9_-]*)"
                )
            if item.source_id in self.taken:
                raise IngestError(f"source id {item.source_id!r} is taken; choose another")
            sid = item.source_id
        else:
            base = make_source_id(item.publisher or "source", item.published, title)
            sid, n = base, 2
            while sid in self.taken or sid in self.reserved:
                sid, n = f"{base}-{n}", n + 1
        self.taken.add(sid)
        self.hashes[sha] = sid
        return sid, sha

    def save(self, item: IngestItem, raw: bytes, sid: str, sha: str, draft: Draft) -> IngestResult:
        data = self.root / "data"
        (data / "sources").mkdir(parents=True, exist_ok=True)
        (data / "annotations").mkdir(parents=True, exist_ok=True)
        text_path = data / "sources" / f"{sid}.txt"
        meta_path = data / "sources" / f"{sid}.yaml"
        ann_path = data / "annotations" / f"{sid}.yaml"
        if ann_path.exists():
            raise IngestError(f"{ann_path} exists; remove it or choose another --source-id")
        write_file(text_path, raw)
        write_file(
            meta_path,
            drafts.source_yaml(
                source_id=sid,
                publisher=item.publisher or "unknown",
                title=draft.title or sid,
                published=item.published,
                language=item.language,
                url=item.url,
                text_file=text_path.name,
                sha256=sha,
                non_body=draft.non_body,
            ).encode("utf-8"),
        )
        write_file(ann_path, drafts.annotation_yaml(draft).encode("utf-8"))
        return IngestResult(
            sid,
            text_path,
            meta_path,
            ann_path,
            len(draft.events),
            len(draft.claims),
            tuple(a.actor_id for a in draft.proposed_actors),
            tuple(p.place_id for p in draft.proposed_places),
            tuple(draft.non_body),
            item.path,
        )

    def skipped(self, item: IngestItem, source_id: str, reason: str) -> IngestResult:
        sources = self.root / "data" / "sources"
        return IngestResult(
            source_id,
            sources / f"{source_id}.txt",
            sources / f"{source_id}.yaml",
            self.root / "data" / "annotations" / f"{source_id}.yaml",
            0,
            0,
            (),
            (),
            (),
            item.path,
            reason,
        )
