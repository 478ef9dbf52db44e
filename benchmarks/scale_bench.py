"""Scale benchmark: ingest 1,000 synthetic articles, validate and export them; then validate and
load a corpus of 100,000 reviewed events.

Everything happens in temporary copies of the project (registries only), with the synthetic
corpus of benchmarks/synth.py (deterministic seed). Printed: wall time and throughput of each
step, peak resident memory of this process and of the ingest workers (getrusage), and whether
the goals hold on this machine:

- ingest >= 20 articles/s (a pool of `--workers` processes reads, this process writes);
- validating and loading (`analysis.load()`) 100,000 events < 3 s.

Usage: .venv/bin/python benchmarks/scale_bench.py [--articles 1000] [--events 100000]
       [--workers 2] [--seed 7] [--keep]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from analysis.ingest import IngestItem, ingest_many
from analysis.tables import dataset, export, load
from analysis.validate import read_corpus

GOAL_ARTICLES_PER_S = 20.0
GOAL_LOAD_S = 3.0


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def project(src: Path, dst: Path) -> Path:
    shutil.copytree(src / "data/registry", dst / "data/registry")
    shutil.copy(src / "pyproject.toml", dst / "pyproject.toml")
    return dst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args(argv)
    src = args.project.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    failed = []
    try:
        # 1. ingest -----------------------------------------------------------------------
        root = project(src, tmp / "ingest")
        inbox = tmp / "inbox"
        inbox.mkdir()
        items = []
        words = 0
        for art in synth.articles(src, args.articles, seed=args.seed):
            path = inbox / f"{art.name}.txt"
            path.write_text(art.text, "utf-8")
            words += len(art.text.split())
            items.append(IngestItem(path, art.published, art.publisher, art.title))
        t0 = time.perf_counter()
        results = ingest_many(items, root, workers=args.workers)
        t_ingest = time.perf_counter() - t0
        rate = len(results) / t_ingest
        n_events = sum(r.events for r in results)
        n_claims = sum(r.claims for r in results)
        print(
            f"ingest: {len(results)} articles ({words / len(items):.0f} words each) in "
            f"{t_ingest:.1f} s = {rate:.1f} articles/s with {args.workers} worker(s); "
            f"{n_events} draft events, {n_claims} draft claims; "
            f"peak RSS main {peak_mb(resource.RUSAGE_SELF):.0f} MB, "
            f"workers {peak_mb(resource.RUSAGE_CHILDREN):.0f} MB"
        )
        if rate < GOAL_ARTICLES_PER_S:
            failed.append("ingest rate")

        t0 = time.perf_counter()
        corpus = read_corpus(root)
        t_val = time.perf_counter() - t0
        t0 = time.perf_counter()
        written = export(tmp / "export", fmt="parquet", root=root, include_drafts=True)
        t_exp = time.perf_counter() - t0
        print(
            f"validate the ingested corpus: {t_val:.1f} s ({len(corpus.events)} events, "
            f"{len(corpus.claims)} claims, {len(corpus.sources)} sources); export with "
            f"drafts to Parquet (validates again): {t_exp:.1f} s, {len(written)} tables"
        )

        # 2. 100,000 reviewed events ----------------------------------------------------------
        per_source = 100
        sources = max(1, args.events // per_source)
        big = tmp / "events"
        t0 = time.perf_counter()
        n = synth.write_annotated(
            src, big, sources=sources, events_per_source=per_source, seed=args.seed
        )
        print(
            f"wrote {n} reviewed events in {sources} annotation files "
            f"({time.perf_counter() - t0:.1f} s)"
        )
        t0 = time.perf_counter()
        corpus = read_corpus(big)
        t_read = time.perf_counter() - t0
        t0 = time.perf_counter()
        data = dataset(corpus)
        t_tables = time.perf_counter() - t0
        total = t_read + t_tables
        print(
            f"validate + load {len(data.events)} events: {total:.1f} s (validate "
            f"{t_read:.1f} s, tables {t_tables:.1f} s) = {len(data.events) / total:,.0f} "
            f"events/s; peak RSS {peak_mb(resource.RUSAGE_SELF):.0f} MB"
        )
        if total >= GOAL_LOAD_S:
            failed.append("validate + load")
        # the same corpus again through analysis.load(), as every report notebook calls it:
        # the first call validates and fills the table cache, later ones reuse it
        os.environ["NEWSBRIEF_CACHE_DIR"] = str(tmp / "cache")
        t0 = time.perf_counter()
        load(big)
        t_fill = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = load(big)
        t_warm = time.perf_counter() - t0
        print(
            f"analysis.load() of the same {len(again.events)} events: first call {t_fill:.1f} s "
            f"(validates, fills the table cache), unchanged data again {t_warm:.2f} s "
            "(not counted for the goal, which is the cold path above)"
        )
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(
        f"goals: ingest >= {GOAL_ARTICLES_PER_S:.0f} articles/s: "
        f"{'MISSED' if 'ingest rate' in failed else 'ok'}; validate + load 100,000 events "
        f"< {GOAL_LOAD_S:.0f} s: {'MISSED' if 'validate + load' in failed else 'ok'}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
