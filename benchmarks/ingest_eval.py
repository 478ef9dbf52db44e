"""Score `newsbrief ingest` against the curated annotations of the seed article.

The seed text (data/sources/wapo-2023-09-05-kim-putin-arms.txt) is ingested as if it were new
into a temporary copy of the project that keeps the registries (shared knowledge) but not the
seed's source or annotations. The draft must validate; it is then compared with the curated
annotation file:

- actors: the actor ids the records mention (event actors and recipients, claim speakers and
  relays, position holders) — precision and recall of the two sets;
- places: the place ids of events — precision and recall;
- dates: the (date text, start, granularity) triples of events and claims — precision and
  recall; "date accuracy" is the recall: the share of the curated date values the draft
  resolves exactly;
- claims: a draft claim matches a curated one when their quotes overlap (one to one, largest
  overlap first). Claim recall counts the curated claims matched; speaker recall those matched
  with the same speaker id; cue agreement compares the cue words (exactly, and by head verb).

Goals: actor and place recall >= 0.9, date accuracy >= 0.85, claim-speaker recall >= 0.8.
Exit status 1 when a goal is missed.

Usage: .venv/bin/python benchmarks/ingest_eval.py [--project PATH] [--keep] [--names-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.annotations import read_yaml
from analysis.ingest import ingest
from analysis.quotes import IndexedText, normalise
from analysis.validate import validate_project

SEED = "wapo-2023-09-05-kim-putin-arms"
GOALS = {
    "actor recall": 0.9,
    "place recall": 0.9,
    "date accuracy": 0.85,
    "claim-speaker recall": 0.8,
}


def actor_ids(doc: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for e in doc.get("events") or []:
        ids.update(e.get("actors") or [], e.get("recipients") or [])
    for c in doc.get("claims") or []:
        ids.update(x for x in (c.get("speaker"), c.get("via")) if x)
    for p in doc.get("positions") or []:
        if p.get("actor"):
            ids.add(p["actor"])
    return ids


def place_ids(doc: dict[str, Any]) -> set[str]:
    return {e["place"] for e in doc.get("events") or [] if e.get("place")}


def date_values(doc: dict[str, Any]) -> set[tuple[str, str, str]]:
    out: set[tuple[str, str, str]] = set()
    for rec in [*(doc.get("events") or []), *(doc.get("claims") or [])]:
        d = rec.get("date") or {}
        if d.get("text"):
            out.add(
                (normalise(str(d["text"])), str(d.get("start") or ""), str(d.get("granularity")))
            )
    return out


def pr(draft: set[Any], gold: set[Any]) -> tuple[float, float]:
    hit = len(draft & gold)
    return (hit / len(draft) if draft else 1.0), (hit / len(gold) if gold else 1.0)


def spans(
    doc: dict[str, Any], key: str, text: IndexedText
) -> list[tuple[dict[str, Any], int, int]]:
    out = []
    for rec in doc.get(key) or []:
        hits = text.find_all(str(rec.get("quote") or ""))
        if hits:
            out.append((rec, *hits[0]))
    return out


def match(
    draft: list[tuple[dict[str, Any], int, int]],
    gold: list[tuple[dict[str, Any], int, int]],
    same: str,
) -> dict[str, dict[str, Any]]:
    """Curated id -> the draft record matched to it by quote overlap, one to one."""
    pairs = []
    for g, gs, ge in gold:
        for d, ds, de in draft:
            overlap = min(ge, de) - max(gs, ds)
            if overlap > 0:
                pairs.append((g.get(same) == d.get(same), overlap, g["id"], d["id"], d))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    used_g: set[str] = set()
    used_d: set[str] = set()
    out: dict[str, dict[str, Any]] = {}
    for _, _, gid, did, d in pairs:
        if gid in used_g or did in used_d:
            continue
        used_g.add(gid)
        used_d.add(did)
        out[gid] = d
    return out


def head(cue: str) -> str:
    words = [w for w in cue.lower().split() if w not in ("he", "she", "they", "it", "also")]
    return words[0] if words else ""


def show(title: str, items: Iterable[Any]) -> None:
    items = sorted(items, key=str)
    print(f"  {title} ({len(items)}): " + (", ".join(map(str, items)) if items else "none"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--keep", action="store_true", help="keep the temporary project")
    parser.add_argument(
        "--names-only",
        action="store_true",
        help="drop the registry's aliases first: how much the figures owe to "
        "aliases written while curating this very article",
    )
    args = parser.parse_args(argv)
    project = args.project.resolve()
    meta = read_yaml(project / "data/sources" / f"{SEED}.yaml")
    gold = read_yaml(project / "data/annotations" / f"{SEED}.yaml")
    text_path = project / "data/sources" / f"{SEED}.txt"

    tmp = Path(tempfile.mkdtemp(prefix="ingest-eval-"))
    try:
        shutil.copytree(project / "data/registry", tmp / "data/registry")
        if args.names_only:
            actors = tmp / "data/registry/actors.yaml"
            kept = [
                line
                for line in actors.read_text("utf-8").splitlines(keepends=True)
                if not line.lstrip().startswith("aliases:")
            ]
            actors.write_text("".join(kept), "utf-8")
        (tmp / "data/sources").mkdir()
        (tmp / "data/annotations").mkdir()
        shutil.copy(project / "pyproject.toml", tmp / "pyproject.toml")
        t0 = time.perf_counter()
        result = ingest(
            text_path,
            dt.date.fromisoformat(str(meta["published_at"])),
            str(meta["publisher"]),
            str(meta["title"]),
            "",
            tmp,
            source_id=SEED,
        )
        seconds = time.perf_counter() - t0
        report = validate_project(tmp)
        draft = read_yaml(result.annotation_path)
        stored = result.text_path.read_bytes() == text_path.read_bytes()
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(
        f"ingest of {SEED}: {seconds:.2f} s (incl. spaCy start), text stored byte-identical: "
        f"{stored}"
    )
    print(f"validate after ingest: {report.summary()}")
    print("non-body spans: " + ", ".join(f"{s.kind} [{s.start},{s.end})" for s in result.non_body))
    text = IndexedText.of(text_path.read_text(encoding="utf-8"))
    figures: dict[str, float] = {}

    print("\nactors (ids mentioned in records)")
    d_act, g_act = actor_ids(draft), actor_ids(gold)
    figures["actor precision"], figures["actor recall"] = pr(d_act, g_act)
    show("missed", g_act - d_act)
    show("extra", d_act - g_act)

    print("places (event places)")
    d_pl, g_pl = place_ids(draft), place_ids(gold)
    figures["place precision"], figures["place recall"] = pr(d_pl, g_pl)
    show("missed", g_pl - d_pl)
    show("extra", d_pl - g_pl)

    print("dates (text, start, granularity)")
    d_dt, g_dt = date_values(draft), date_values(gold)
    figures["date precision"], figures["date accuracy"] = pr(d_dt, g_dt)
    show("missed", g_dt - d_dt)
    show("extra", d_dt - g_dt)

    print("claims (matched by overlapping quotes)")
    g_claims, d_claims = spans(gold, "claims", text), spans(draft, "claims", text)
    matched = match(d_claims, g_claims, "speaker")
    n_gold = len(g_claims)
    figures["claim recall"] = len(matched) / n_gold
    figures["claim precision"] = len(matched) / len(d_claims) if d_claims else 1.0
    same_speaker = {
        g: d
        for g, d in matched.items()
        if d["speaker"] == next(r for r, *_ in g_claims if r["id"] == g)["speaker"]
    }
    figures["claim-speaker recall"] = len(same_speaker) / n_gold
    gold_by_id = {r["id"]: r for r, *_ in g_claims}
    exact = sum(
        normalise(str(d["cue"])).lower() == normalise(str(gold_by_id[g]["cue"])).lower()
        for g, d in matched.items()
    )
    heads = sum(head(str(d["cue"])) == head(str(gold_by_id[g]["cue"])) for g, d in matched.items())
    via_ok = sum(
        (d.get("via") or "") == (gold_by_id[g].get("via") or "") for g, d in matched.items()
    )
    figures["cue exact (of matched)"] = exact / len(matched) if matched else 0.0
    figures["cue head verb (of matched)"] = heads / len(matched) if matched else 0.0
    figures["via agreement (of matched)"] = via_ok / len(matched) if matched else 0.0
    show("curated claims with no overlapping draft", [g for g in gold_by_id if g not in matched])
    show(
        "matched with another speaker",
        [
            f"{g}: {gold_by_id[g]['speaker']} vs {d['speaker']}"
            for g, d in matched.items()
            if g not in same_speaker
        ],
    )
    show(
        "cue differs",
        [
            f"{g}: {gold_by_id[g]['cue']!r} vs {d['cue']!r}"
            for g, d in matched.items()
            if head(str(d["cue"])) != head(str(gold_by_id[g]["cue"]))
        ],
    )
    unmatched = [
        d["id"] for d, *_ in d_claims if d["id"] not in {x["id"] for x in matched.values()}
    ]
    show("draft claims matching no curated claim", unmatched)

    print("events (matched by overlapping evidence; for information)")
    g_ev, d_ev = spans(gold, "events", text), spans(draft, "events", text)
    ev_match = match(d_ev, g_ev, "type")
    gold_ev = {r["id"]: r for r, *_ in g_ev}
    figures["event recall (overlap)"] = len(ev_match) / len(g_ev)
    figures["event precision (overlap)"] = len(ev_match) / len(d_ev) if d_ev else 1.0
    figures["event type agreement (of matched)"] = (
        sum(d["type"] == gold_ev[g]["type"] for g, d in ev_match.items()) / len(ev_match)
        if ev_match
        else 0.0
    )
    show("curated events with no overlapping draft", [g for g in gold_ev if g not in ev_match])

    print(
        f"\nfigures ({len(d_claims)} draft claims vs {n_gold} curated, {len(d_ev)} draft "
        f"events vs {len(g_ev)} curated)"
    )
    failed = []
    for name, value in figures.items():
        goal = GOALS.get(name)
        mark = (
            "" if goal is None else (f"  goal >= {goal}: " + ("ok" if value >= goal else "MISSED"))
        )
        if goal is not None and value < goal:
            failed.append(name)
        print(f"  {name:36s} {value:5.2f}{mark}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
