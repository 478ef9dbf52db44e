"""The `newsbrief` command: thin wrappers over the package, one subcommand a stage."""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from analysis.errors import NewsbriefError

log = logging.getLogger("newsbrief")


def _cmd_validate(args: argparse.Namespace) -> int:
    from analysis.validate import validate_project

    report = validate_project(args.root)
    print(report.summary())
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from analysis.tables import export

    written = export(Path(args.out), fmt=args.format, root=args.root)
    for path in written:
        print(path)
    return 0


def _cmd_ingest(args: argparse.Namespace) -> int:
    import time

    from analysis.ingest import ingest_many, workers_for
    from analysis.ingest.manifest import Given, items
    from analysis.ingest.store import run_summary

    given = Given(
        args.published, args.publisher, args.title, args.url, args.source_id, args.language
    )
    chosen = items(args.paths, given, args.manifest)
    if len(chosen) == 1:
        print(ingest_many(chosen, args.root)[0].summary())
        return 0
    started = time.perf_counter()
    results = ingest_many(
        chosen,
        args.root,
        workers=args.workers,
        skip_stored=True,
        progress=lambda result: print(result.line(), flush=True),
    )
    seconds = time.perf_counter() - started
    print(run_summary(results, seconds, workers_for(args.workers, len(chosen))))
    return 0


def _cmd_review(args: argparse.Namespace) -> int:
    from analysis.paths import project_root
    from analysis.review import Review, ReviewError, pending_summary

    root = (args.root or project_root()).resolve()
    edits = args.accept or args.reject or args.accept_all or args.reject_all
    if not args.source_id and edits:
        raise ReviewError(
            "name the source first: newsbrief review SOURCE_ID --accept ID ... "
            "(an id after --accept or --reject is read as one more id)"
        )
    if not args.source_id:
        print(pending_summary(root))
        return 0
    review = Review.of(root, args.source_id)
    if not edits:
        width = args.width or min(shutil.get_terminal_size((100, 24)).columns, 100)
        print(review.listing(order=args.sort, width=max(width, 60)))
        return 0
    review.plan(args.accept, args.reject, accept_all=args.accept_all, reject_all=args.reject_all)
    print(review.apply())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsbrief",
        description="War reporting as provenance-linked data and offline interactive reports.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project folder (default: NEWSBRIEF_ROOT, else the folder above that holds data/)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check data/: schema, references, quotes, dates, codes")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("export", help="write the validated tables (see CONTRACT.md)")
    p.add_argument("--out", required=True, help="folder to write the tables into")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="file format")
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser(
        "ingest",
        help="store new source texts and draft their annotations",
        description="Store each text unchanged as a new source and draft its annotations "
        "(docs/ingest.md). Several files or folders are read in one run: the model loads "
        "once. Metadata given here applies to every text and wins over the manifest's.",
    )
    p.add_argument(
        "paths",
        type=Path,
        nargs="*",
        metavar="PATH",
        help="a text file as it reached us (UTF-8), or a folder: its *.txt files",
    )
    p.add_argument(
        "--manifest",
        type=Path,
        default=None,
        help="CSV (header row) or YAML/JSON list with columns file, published, publisher, "
        "title, url, language, source_id; without PATHs, ingest every file it lists",
    )
    p.add_argument("--published", default="", help="publication date, YYYY-MM-DD")
    p.add_argument("--publisher", default="", help="e.g. 'The Washington Post'")
    p.add_argument("--title", default="", help="the headline (default: the text's headline)")
    p.add_argument("--url", default="", help="where it was published, if known")
    p.add_argument("--source-id", default="", help="id to store it under (default: derived)")
    p.add_argument("--language", default="", help="ISO 639-1 code of the text (default: en)")
    p.add_argument(
        "--workers",
        type=int,
        default=0,
        help="processes reading texts in parallel (default 0: one per core)",
    )
    p.set_defaults(func=_cmd_ingest)

    p = sub.add_parser(
        "review",
        help="list a source's drafts; accept or reject them by id",
        description="Without options: list SOURCE_ID's drafts. Accepting deletes a record's "
        "`draft: true` line and moves the proposed actors and places it uses to data/registry/; "
        "rejecting deletes the record. The YAML is edited in place, then validated.",
    )
    p.add_argument(
        "source_id",
        nargs="?",
        default="",
        metavar="SOURCE_ID",
        help="the source whose drafts to review (none: list the sources with drafts)",
    )
    for flag, what in (
        ("--accept", "accept these drafts (ids as listed, or e01, c02)"),
        ("--reject", "delete these drafts"),
    ):
        p.add_argument(flag, nargs="+", action="extend", default=[], metavar="ID", help=what)
    every = p.add_mutually_exclusive_group()
    every.add_argument("--accept-all", action="store_true", help="accept every other draft")
    every.add_argument("--reject-all", action="store_true", help="delete every other draft")
    p.add_argument(
        "--sort",
        choices=["text", "confidence"],
        default="text",
        help="list in text order (default) or least confident first",
    )
    p.add_argument("--width", type=int, default=0, help="line width (default: terminal, max 100)")
    p.set_defaults(func=_cmd_review)

    from analysis.build import commands as build_commands

    build_commands.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except NewsbriefError as exc:
        print(f"newsbrief {args.command}: error: {exc}", file=sys.stderr)
        return exc.exit_status
    except KeyboardInterrupt:
        print(f"newsbrief {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
