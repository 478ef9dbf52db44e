"""Scale benchmark: ingest 1,000 synthetic articles, validate and export them; then validate and
load a corpus of 100,000 reviewed events.

Everything happens in temporary copies of the project (registries only), with the synthetic
corpus of benchmarks/synth.py (deterministic seed). Printed: wall time and throughput of each
step, peak resident memory of this process and of the ingest workers (getrusage), and whether
the goals hold on this machine:

- ingest >= 20 articles/s (a pool of `--workers` processes reads, this process writes; the
  time includes loading the model and writing the files), and <= 1 s per article once the
  model is loaded (one process, `analyse()` on `--per-article` articles after a warm-up; the
  share spaCy's own `nlp.pipe` takes of it is printed too);
- the same article repeated 1x, 4x and 20x (`--repeat`) takes no worse than linear time (the
  ratio printed is seconds / (copies x seconds of one copy); <= 1.25 counts as linear, to allow
  for the noise of a shared machine). Lines `ingest:` and `repeat:`; `--options` also times
  ways to read faster (`option:` lines: lemmatizer off, batch sizes, nlp.pipe's n_process);
- validating and loading 100,000 events < 3 s: `read_corpus` then the tables, measured cold in a
  new process (imports done, nothing read or cached). Also printed: `analysis.load()` cold
  (it also writes the table cache) and warm, the same work in one process, and PyYAML's libyaml
  loader alone on the same files (the naive route, which already misses the goal).

Usage: .venv/bin/python benchmarks/scale_bench.py [--articles 1000] [--events 100000]
       [--workers 2] [--seed 7] [--runs 3] [--keep] [--repeat 1,4,20] [--per-article 20]
       [--options]   (--articles 0 skips the ingest part, --events 0 the 100,000 events)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth

from analysis.ingest import IngestItem, ingest_many
from analysis.tables import export
from analysis.validate import read_corpus

GOAL_ARTICLES_PER_S = 20.0
GOAL_SECONDS_PER_ARTICLE = 1.0
GOAL_REPEAT_RATIO = 1.25  # "no worse than linear", with room for a shared machine's noise
GOAL_LOAD_S = 3.0


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


_MEASURE = r"""
import gc, json, os, resource, sys, time
from pathlib import Path

import yaml

import analysis
from analysis import validate
from analysis.tables import dataset

root, how = Path(sys.argv[1]), sys.argv[2]
out = {}
if how == "libyaml":
    t0 = time.perf_counter()
    for path in sorted((root / "data/annotations").glob("*.yaml")):
        yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
    out["total"] = time.perf_counter() - t0
elif how == "load":
    t0 = time.perf_counter()
    data = analysis.load(root)
    out["total"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    analysis.load(root)
    out["again"] = time.perf_counter() - t0
else:
    if how == "serial":
        validate.SPLIT_MIN_BYTES = 1 << 62
    t0 = time.perf_counter()
    corpus = validate.read_corpus(root)
    t1 = time.perf_counter()
    with validate.paused_gc():
        data = dataset(corpus)
    t2 = time.perf_counter()
    out.update(validate=t1 - t0, tables=t2 - t1, total=t2 - t0, events=len(data.events))
# VmHWM: the peak of this process since exec (ru_maxrss would include the parent's peak,
# which Linux carries across exec); helpers are forks, their peak includes shared pages
status = Path("/proc/self/status").read_text()
out["rss"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
out["rss_children"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps(out))
"""


def measure(root: Path, how: str, cache: Path | None = None) -> dict[str, float]:
    """One cold measurement in a new Python process (imports are not timed)."""
    env = dict(os.environ)
    if cache is not None:
        env["NEWSBRIEF_CACHE_DIR"] = str(cache)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(root), how],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.splitlines()[-1])
    return result


def project(src: Path, dst: Path) -> Path:
    shutil.copytree(src / "data/registry", dst / "data/registry")
    shutil.copy(src / "pyproject.toml", dst / "pyproject.toml")
    return dst


def ingest(src: Path, tmp: Path, args: argparse.Namespace, failed: list[str]) -> None:
    """Ingest `args.articles` synthetic articles, then validate and export what they drafted."""
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
    per_article(src, args, failed)
    repeat(src, args, failed)
    if args.options:
        options(src, args)

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


def _reader(src: Path) -> tuple[Any, Any]:
    """`analyse` with the model and the lexicon loaded (the first call pays for both)."""
    from analysis.ingest import analyse, nlp
    from analysis.ingest.lexicon import load_lexicon

    nlp.pipeline()
    lexicon = load_lexicon(src)
    return analyse, lexicon


def per_article(src: Path, args: argparse.Namespace, failed: list[str]) -> None:
    """Seconds per article in one process once the model is loaded, and spaCy's share."""
    from analysis.ingest import nlp, segment
    from analysis.quotes import fold

    analyse, lexicon = _reader(src)
    arts = list(synth.articles(src, args.per_article + 1, seed=args.seed + 1))
    analyse(arts[0].text, published=arts[0].published, lexicon=lexicon, source_id="warm-up")
    t0 = time.perf_counter()
    for art in arts[1:]:
        analyse(art.text, published=art.published, lexicon=lexicon, source_id=art.name)
    each = (time.perf_counter() - t0) / (len(arts) - 1)
    blocks = []
    for art in arts[1:]:
        folded = fold(art.text)
        found, _ = segment.blocks(art.text, "")
        blocks += [folded[b.start : b.end] for b in found if b.kind in ("body", "caption")]
    t0 = time.perf_counter()
    for _ in nlp.pipeline().pipe(blocks):
        pass
    parse = (time.perf_counter() - t0) / (len(arts) - 1)
    print(
        f"ingest: {each:.2f} s per article once the model is loaded (one process, "
        f"{len(arts) - 1} articles; spaCy's nlp.pipe {parse:.2f} s of it, the rules "
        f"{each - parse:.2f} s); goal <= {GOAL_SECONDS_PER_ARTICLE:.0f} s"
    )
    if each > GOAL_SECONDS_PER_ARTICLE:
        failed.append("seconds per article")


def repeat(src: Path, args: argparse.Namespace, failed: list[str]) -> None:
    """One article's body pasted 1x, 4x, 20x after its headline: time against linear.

    CPU seconds of this process (`time.process_time`), the median of a few runs for the short
    texts: on a machine shared with other work, wall time measures the neighbours as much as
    the code. Wall time is printed too.
    """
    from analysis.ingest.lexicon import load_lexicon

    analyse, _ = _reader(src)
    art = next(iter(synth.articles(src, 1, seed=args.seed + 2)))
    paragraphs = art.text.split("\n\n")
    body = "\n\n".join(paragraphs[2:-4])  # no caption, contributors line or scraped tail
    analyse(art.text, published=art.published, lexicon=load_lexicon(src), source_id="warm-up")
    base = None
    for n in [int(c) for c in args.repeat.split(",")]:
        text = paragraphs[0] + "\n\n" + "\n\n".join([body] * n) + "\n"
        runs = []
        for _ in range(5 if n == 1 else 3 if n <= 4 else 1):
            lexicon = load_lexicon(src)  # a fresh one: nothing learnt from the previous run
            c0, t0 = time.process_time(), time.perf_counter()
            draft = analyse(text, published=art.published, lexicon=lexicon, source_id="repeat")
            runs.append((time.process_time() - c0, time.perf_counter() - t0))
        cpu, wall = sorted(runs)[len(runs) // 2]
        base = base or cpu / n
        ratio = cpu / (n * base)
        longest = max((len(r["quote"]) for r in [*draft.events, *draft.claims]), default=0)
        print(
            f"repeat: {n:>2}x ({len(text.split())} words) {cpu:.2f} s CPU ({wall:.2f} s wall), "
            f"{ratio:.2f} x linear; {len(draft.events)} events, {len(draft.claims)} claims, "
            f"longest quote {longest} characters"
        )
        if ratio > GOAL_REPEAT_RATIO:
            failed.append("repeat")


def options(src: Path, args: argparse.Namespace) -> None:
    """Docs/s of spaCy alone on the articles' readable blocks, read in different ways."""
    from analysis.ingest import nlp, segment
    from analysis.quotes import fold

    arts = list(synth.articles(src, 60, seed=args.seed + 3))
    texts = []
    for art in arts:
        folded = fold(art.text)
        found, _ = segment.blocks(art.text, "")
        texts.append([folded[b.start : b.end] for b in found if b.kind in ("body", "caption")])
    full = nlp.pipeline()

    def rate(label: str, run: Any) -> None:
        t0 = time.perf_counter()
        run()
        print(f"option: {label}: {len(arts) / (time.perf_counter() - t0):.1f} articles/s")

    rate("as ingest reads (one nlp.pipe per article)", lambda: [list(full.pipe(t)) for t in texts])
    flat = [b for t in texts for b in t]
    for size in (16, 64, 256):
        rate(
            f"one nlp.pipe over all blocks, batch_size={size}",
            lambda s=size: list(full.pipe(flat, batch_size=s)),
        )
    with full.select_pipes(disable=["lemmatizer"]):
        rate("lemmatizer off", lambda: list(full.pipe(flat)))
    with full.select_pipes(disable=["lemmatizer", "ner"]):
        rate("lemmatizer and NER off", lambda: list(full.pipe(flat)))
    rate(
        f"nlp.pipe n_process={args.workers} (docs sent back to this process)",
        lambda: list(full.pipe(flat, n_process=args.workers, batch_size=64)),
    )


def events_part(src: Path, tmp: Path, args: argparse.Namespace, failed: list[str]) -> None:
    """Validate and load `args.events` reviewed synthetic events, cold, in new processes."""
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
    # each measurement in a fresh process: imports done, nothing read or cached yet; the
    # median of `--runs` (timings on a 2-core machine vary by about 0.1 s run to run)
    runs = sorted((measure(big, "split") for _ in range(args.runs)), key=lambda r: r["total"])
    one = runs[len(runs) // 2]
    each = ", ".join(f"{r['total']:.2f}" for r in runs)
    print(
        f"validate + load {one['events']:,} events, cold, median of {len(runs)} runs "
        f"({each} s): {one['total']:.2f} s (validate "
        f"{one['validate']:.2f} s, tables {one['tables']:.2f} s) = "
        f"{one['events'] / one['total']:,.0f} events/s; peak RSS {one['rss']:.0f} MB "
        f"(helpers {one['rss_children']:.0f} MB, pages shared with it included)"
    )
    if one["total"] >= GOAL_LOAD_S:
        failed.append("validate + load")
    loads = sorted(
        (measure(big, "load", cache=tmp / f"cache{i}") for i in range(args.runs)),
        key=lambda r: r["total"],
    )
    cold = loads[len(loads) // 2]
    print(
        f"analysis.load() cold (empty table cache; validates, tabulates, writes the cache), "
        f"median of {len(loads)}: {cold['total']:.2f} s; unchanged data again: "
        f"{cold['again']:.2f} s"
    )
    serial = measure(big, "serial")
    libyaml = measure(big, "libyaml")
    print(
        f"the same in one process: {serial['total']:.2f} s (validate {serial['validate']:.2f} "
        f"s); two processes take {one['total'] / serial['total']:.2f} of that"
    )
    print(
        f"naive route, PyYAML's libyaml loader alone on the annotation files: "
        f"{libyaml['total']:.2f} s, before any check; validate + load takes "
        f"{one['total'] / libyaml['total']:.2f} of that"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3, help="cold runs of the 100,000 events")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--repeat", default="1,4,20", help="copies of one article to time")
    parser.add_argument("--per-article", type=int, default=20, help="articles timed one by one")
    parser.add_argument("--options", action="store_true", help="time ways to read faster")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    args = parser.parse_args(argv)
    src = args.project.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    # a table cache of its own: nothing reused from an earlier run, nothing left in the user's
    os.environ["NEWSBRIEF_CACHE_DIR"] = str(tmp / "cache")
    failed = []
    try:
        # 1. ingest -----------------------------------------------------------------------
        if args.articles:
            ingest(src, tmp, args, failed)

        # 2. 100,000 reviewed events ----------------------------------------------------------
        if args.events:
            events_part(src, tmp, args, failed)
    finally:
        if args.keep:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    def verdict(ran: int, name: str) -> str:
        return "not run" if not ran else "MISSED" if name in failed else "ok"

    print(
        f"goals: ingest >= {GOAL_ARTICLES_PER_S:.0f} articles/s: "
        f"{verdict(args.articles, 'ingest rate')}; <= {GOAL_SECONDS_PER_ARTICLE:.0f} s per "
        f"article: {verdict(args.articles, 'seconds per article')}; repeated text no worse "
        f"than linear: {verdict(args.articles, 'repeat')}; validate + load 100,000 events "
        f"< {GOAL_LOAD_S:.0f} s: {verdict(args.events, 'validate + load')}"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
