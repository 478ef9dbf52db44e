"""The `build` and `list` subcommands: flags, the progress display and the closing summary."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from analysis.build.matrix import SETTINGS

# The runner and the plan are imported inside the commands: `newsbrief validate` stays fast.


def _add_settings(parser: argparse.ArgumentParser) -> None:
    """One flag per setting, its help taken from SETTINGS (defaults < reports.yaml < flags)."""
    for name, setting in SETTINGS.items():
        flag = "--" + name.replace("_", "-")
        if setting.type is bool:
            parser.add_argument(
                flag,
                dest=name,
                action=argparse.BooleanOptionalAction,
                default=None,
                help=setting.help,
            )
        else:
            parser.add_argument(
                flag,
                dest=name,
                type=setting.type,
                default=None,
                metavar=name.upper(),
                help=f"{setting.help} [default: {setting.default}]",
            )


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `build` and `list` to the `newsbrief` command."""
    p = sub.add_parser(
        "build",
        help="execute the report notebooks and render reports/ (cached, parallel)",
        description="Execute the reports of reports.yaml on warm kernels and render them to "
        "reports/. Only pages whose notebook, parameters, data, code or environment changed "
        "are executed again. Settings: defaults < reports.yaml `settings:` < these flags.",
    )
    p.add_argument(
        "reports",
        nargs="*",
        metavar="REPORT_ID",
        help="reports to build, by id or page id (default: all)",
    )
    p.add_argument(
        "--force", action="store_true", help="execute every page asked for, cached or not"
    )
    p.add_argument(
        "-q", "--quiet", action="store_true", help="print only failures and the summary (for CI)"
    )
    p.add_argument(
        "--no-wait",
        dest="wait",
        action="store_false",
        help="exit instead of waiting when another build holds the lock",
    )
    _add_settings(p)
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("list", help="show the run matrix: every page, its parameters and state")
    p.add_argument("--json", action="store_true", help="print the matrix as JSON")
    p.set_defaults(func=cmd_list)


def _params(parameters: dict[str, Any]) -> str:
    return " ".join(
        f"{k}={json.dumps(v) if not isinstance(v, str) else v}"
        for k, v in sorted(parameters.items())
    )


class Display:
    """Progress as pages finish: a line each (failures always; the rest unless quiet)."""

    def __init__(self, quiet: bool, out: TextIO | None = None):
        # sys.stdout as it is now, not as it was at import (a redirect since then counts)
        self.quiet, self.out = quiet, out if out is not None else sys.stdout
        self.total = self.done = 0

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def waiting(self, holder: str) -> None:
        self._print(f"waiting for another build (pid {holder}) to finish...")

    def planned(self, plan: Any) -> None:
        self.total = len(plan.steps)
        if self.quiet:
            return
        n_exec = plan.count("execute")
        kernels = min(plan.settings["workers"], n_exec)
        self._print(
            f"{self.total} page{'s' if self.total != 1 else ''}: {n_exec} to execute"
            f"{f' on {kernels} kernel' + ('s' if kernels != 1 else '') if n_exec else ''}, "
            f"{plan.count('render')} to render, {plan.count('cached')} cached"
        )

    def finished(self, outcome: Any) -> None:
        self.done += 1
        if self.quiet and outcome.status == "ok":
            return
        width = len(str(self.total))
        label = {"execute": "executed", "render": "rendered", "cached": "cached"}[outcome.action]
        status = "FAILED" if outcome.status == "failed" else "ok"
        line = f"[{self.done:>{width}}/{self.total}] {status:<6} {outcome.run.id}  {label}"
        if outcome.action != "cached":
            line += f" in {outcome.seconds:.1f} s"
        if outcome.reasons:
            line += f" ({', '.join(outcome.reasons)})"
        if outcome.error:
            line += f"\n        {outcome.error}"
        for note in outcome.notes:
            line += f"\n        warning: {note}"
        self._print(line)


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """A `kill` ends the build the way Ctrl-C does: kernels stopped, staging removed."""

    def handler(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def cmd_build(args: argparse.Namespace) -> int:
    from analysis.build.runner import BuildOptions, build

    display = Display(args.quiet)
    options = BuildOptions(
        root=args.root,
        reports=tuple(args.reports),
        force=args.force,
        wait=args.wait,
        settings={name: getattr(args, name) for name in SETTINGS},
    )
    with _sigterm_as_interrupt():
        result = build(options, display)
    failed = result.failed
    parts = [
        f"{result.count('execute')} executed",
        f"{result.count('render')} rendered",
        f"{result.count('cached')} cached",
        f"{len(failed)} failed",
    ]
    print(
        f"{'FAILED' if failed else 'done'}: {len(result.outcomes)} pages in "
        f"{result.seconds:.1f} s ({', '.join(parts)}) -> reports/index.html"
    )
    for outcome in failed:
        print(
            f"  {outcome.run.id}: {outcome.error}  (see reports/{outcome.run.id}.html, "
            f"reports/{outcome.run.id}.ipynb)"
        )
    return result.exit_status


def cmd_list(args: argparse.Namespace) -> int:
    from analysis.build.runner import plan_only

    plan = plan_only(args.root)
    rows: list[dict[str, Any]] = []
    for step in plan.steps:
        entry = plan.manifest.runs.get(step.run.id)
        state = entry.get("status", "ok") if entry else "not built"
        todo = {
            "execute": f"will execute ({', '.join(step.reasons)})",
            "render": "will render",
            "cached": "up to date",
        }[step.action]
        rows.append(
            {
                "id": step.run.id,
                "report": step.run.report,
                "notebook": step.run.notebook_rel,
                "parameters": step.run.parameters,
                "title": step.run.title,
                "description": step.run.description,
                "status": state,
                "next_build": todo,
            }
        )
    if args.json:
        print(json.dumps(rows, indent=1, sort_keys=True))
        return 0
    header = ("ID", "STATUS", "NEXT BUILD", "NOTEBOOK", "PARAMETERS")
    table: list[tuple[str, ...]] = [header] + [
        (r["id"], r["status"], r["next_build"], r["notebook"], _params(r["parameters"]))
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
    for row in table:
        cells = [cell.ljust(w) for cell, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]))
    print(
        f"\n{len(rows)} page{'s' if len(rows) != 1 else ''} from {plan.matrix.path.name}; "
        f"data version {plan.data_version}"
    )
    return 0
