"""The `newsbrief` command: thin wrappers over the package, one subcommand a stage."""

from __future__ import annotations

import argparse
import logging
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
    from analysis.ingest import ingest

    result = ingest(
        args.file,
        args.published,
        args.publisher,
        args.title,
        args.url,
        args.root,
        source_id=args.source_id,
        language=args.language,
    )
    print(result.summary())
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

    p = sub.add_parser("ingest", help="store a new source text and draft its annotations")
    p.add_argument("file", type=Path, help="the text as it reached us (UTF-8), stored unchanged")
    p.add_argument("--published", required=True, help="publication date, YYYY-MM-DD")
    p.add_argument("--publisher", default="", help="e.g. 'The Washington Post'")
    p.add_argument("--title", default="", help="the headline (default: the text's headline)")
    p.add_argument("--url", default="", help="where it was published, if known")
    p.add_argument("--source-id", default="", help="id to store it under (default: derived)")
    p.add_argument("--language", default="en", help="ISO 639-1 code of the text")
    p.set_defaults(func=_cmd_ingest)

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
