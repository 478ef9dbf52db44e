"""A synthetic corpus for scale tests: articles written from templates over the registry.

Deterministic (a seeded `random.Random`): the same arguments give the same bytes. Two kinds:

- `articles()`: news-like texts (headline, photo caption with credit, body paragraphs with
  attributed claims, outlets relaying, dates, drone strikes and talks, a contributors line and
  a scraper's tail) naming the registry's actors and places and a few gazetteer cities — input
  for `newsbrief ingest`;
- `write_annotated()`: a project whose sources come with reviewed annotation files of N events
  each (every quote a unique sentence of its text) — input for validate, load and export.

Every text says it is synthetic. Usage (writes the articles as .txt files and a manifest):
    .venv/bin/python benchmarks/synth.py OUT_DIR [--n 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

PUBLISHERS = ("Synthetic Wire", "The Synthetic Times", "Benchmark News Agency")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
DATES = (
    "on Monday",
    "on Tuesday",
    "last week",
    "this month",
    "in July",
    "early Wednesday",
    "on Friday",
    "in 2019",
    "in November",
    "yesterday",
)
GAZETTEER_CITIES = ("Kharkiv", "Odesa", "Kyiv", "Belgorod", "Berlin", "Ankara", "Pyongyang")
CREDITS = ("Jane Roe/AFP/Getty Images", "John Poe/Reuters", "Synth Photographer/AP")


@dataclass(frozen=True)
class Article:
    """One synthetic text and what `newsbrief ingest` is told about it."""

    name: str
    text: str
    published: dt.date
    publisher: str
    title: str


def _registry(root: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    actors = yaml.safe_load((root / "data/registry/actors.yaml").read_text("utf-8"))["actors"]
    places = yaml.safe_load((root / "data/registry/places.yaml").read_text("utf-8"))["places"]
    return actors, places


def _forms(actors: list[dict[str, object]], kind: str) -> list[str]:
    out = []
    for actor in actors:
        if actor.get("kind") == kind:
            aliases = [str(a) for a in actor.get("aliases") or [] if str(a)[:1].isupper()]
            out.append(max(aliases, key=len) if aliases else str(actor["name"]))
    return out


def articles(root: Path, n: int, *, seed: int = 7, sentences: int = 50) -> Iterator[Article]:
    """`n` synthetic articles over the registry of the project at `root`."""
    rng = random.Random(seed)
    actors, places = _registry(root)
    people = _forms(actors, "person")
    states = _forms(actors, "state")
    media = _forms(actors, "media")
    cities = [str(p["name"]) for p in places if p.get("kind") == "city"] + list(GAZETTEER_CITIES)
    start = dt.date(2023, 9, 1)
    for i in range(n):
        published = start + dt.timedelta(days=i % 60)
        who, other = rng.sample(people, 2)
        city = rng.choice(cities)
        title = f"Synthetic report {i}: {who} and {other} talk as drones hit {city}"
        body: list[str] = []
        templates = [
            lambda: (
                f"{rng.choice(people)} said {rng.choice(DATES)} that {rng.choice(states)} "
                f"would send more air defense systems to {rng.choice(states)}."
            ),
            lambda: (
                f"{rng.choice(states)} attacked targets in {rng.choice(cities)} "
                f"{rng.choice(DATES)}, {rng.choice(media)} reported."
            ),
            lambda: (
                f"\u201cWe will not give up,\u201d {rng.choice(people)} told reporters "
                f"{rng.choice(DATES)}."
            ),
            lambda: (
                f"{rng.choice(people)} met {rng.choice(people)} in {rng.choice(cities)} "
                f"{rng.choice(DATES)} to discuss grain exports."
            ),
            lambda: (
                f"Russian air defenses shot down {rng.randint(2, 40)} Ukrainian drones over "
                f"{rng.choice(cities)} {rng.choice(DATES)}, the Russian Defense Ministry "
                "said."
            ),
            lambda: f"{rng.choice(media)} could not independently verify the claim.",
            lambda: (
                f"Senior administration officials said {rng.choice(states)} was preparing "
                f"a visit to {rng.choice(states)} {rng.choice(DATES)}."
            ),
            lambda: (
                f"{rng.choice(states)} denied claims that its forces entered "
                f"{rng.choice(states)} {rng.choice(DATES)}."
            ),
            lambda: (
                f"The talks in {rng.choice(cities)} were the {rng.randint(2, 90)}th round "
                "this year, according to the Associated Press."
            ),
        ]
        for _ in range(sentences):
            body.append(rng.choice(templates)())
        paragraphs = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        text = (
            "\n\n".join(
                [
                    title,
                    f"{who} and {other} in {city} in 2019. ({rng.choice(CREDITS)})",
                    f"This is synthetic article {i} for newsbrief's scale benchmark; it reports "
                    "nothing real.",
                    *paragraphs,
                    "Synthetic Desk contributed to this report.",
                    "Source link",
                    "Leave a Reply",
                    "Your email address will not be published. Required fields are marked *",
                ]
            )
            + "\n"
        )
        yield Article(f"synthetic-{i:05d}", text, published, rng.choice(PUBLISHERS), title)


def write_annotated(
    root: Path, out: Path, *, sources: int, events_per_source: int, seed: int = 7
) -> int:
    """A project at `out` with the registry of `root` and reviewed synthetic annotations.

    Returns the number of events written (sources x events_per_source).
    """
    import hashlib

    rng = random.Random(seed)
    shutil.copytree(root / "data/registry", out / "data/registry")
    shutil.copy(root / "pyproject.toml", out / "pyproject.toml")
    (out / "data/sources").mkdir(parents=True)
    (out / "data/annotations").mkdir(parents=True)
    actors, places = _registry(root)
    states = [str(a["id"]) for a in actors if a.get("kind") == "state"]
    place_ids = [str(p["id"]) for p in places]
    for s in range(sources):
        sid = f"synthetic-{s:05d}"
        lines = [f"Synthetic annotated source {s}: it reports nothing real.", ""]
        records = []
        for e in range(events_per_source):
            day = rng.choice(WEEKDAYS)
            sentence = (
                f"Drone strike {s}-{e} hit a depot on {day}, officials said in "
                f"statement {rng.randint(1, 10**9)}."
            )
            lines.append(sentence)
            a, b = rng.sample(states, 2)
            records.append(
                f"  - id: {sid}-e{e:04d}\n"
                "    type: ASSAULT\n    mode: drone\n    contexts: [military]\n"
                '    cameo: "195"\n    status: factual\n'
                f"    date: {{text: on {day}, start: 2023-09-04, granularity: day}}\n"
                f"    actors: [{a}]\n    recipients: [{b}]\n"
                f"    place: {rng.choice(place_ids)}\n    topics: [security_incident]\n"
                f"    summary: Synthetic drone strike {s}-{e}.\n"
                f'    quote: "Drone strike {s}-{e} hit a depot on {day}"\n'
            )
        raw = ("\n".join(lines) + "\n").encode("utf-8")
        (out / "data/sources" / f"{sid}.txt").write_bytes(raw)
        (out / "data/sources" / f"{sid}.yaml").write_text(
            f"source_id: {sid}\npublisher: Synthetic Wire\ntitle: Synthetic source {s}\n"
            f'published_at: 2023-09-05\nlanguage: en\nurl: ""\ntext_file: {sid}.txt\n'
            f"text_sha256: {hashlib.sha256(raw).hexdigest()}\n",
            "utf-8",
        )
        (out / "data/annotations" / f"{sid}.yaml").write_text(
            f"source_id: {sid}\nevents:\n" + "".join(records), "utf-8"
        )
    return sources * events_per_source


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder for the .txt files and manifest.json")
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    manifest = []
    for art in articles(args.project, args.n, seed=args.seed):
        (args.out / f"{art.name}.txt").write_text(art.text, "utf-8")
        manifest.append(
            {
                "file": f"{art.name}.txt",
                "published": art.published.isoformat(),
                "publisher": art.publisher,
                "title": art.title,
            }
        )
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1), "utf-8")
    print(f"wrote {len(manifest)} articles to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
