"""The `build` and `list` subcommands (placeholder until the build engine lands)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add `build` and `list` to the `newsbrief` command."""
