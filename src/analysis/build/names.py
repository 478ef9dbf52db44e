"""Output names: report ids and fan-out values as slugs, and the only paths they may map to."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from analysis.errors import BuildError

SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
MAX_SLUG = 80
RESERVED = frozenset({"index", "assets"})  # index.html and assets/ belong to the site


def is_slug(text: str) -> bool:
    """Whether `text` is already a usable output name."""
    return bool(SLUG.fullmatch(text)) and len(text) <= MAX_SLUG and text not in RESERVED


def slugify(value: object) -> str:
    """A lowercase `[a-z0-9_-]` name for any value: `"../Vladimir Putin"` -> `"vladimir-putin"`.

    Characters outside the alphabet become `-`; a name that would be empty or too long gets
    a short hash of the value, so distinct long values keep distinct names.
    """
    text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_]+", "-", text.lower()).strip("-_")
    if not slug or len(slug) > MAX_SLUG:
        tag = hashlib.sha256(str(value).encode()).hexdigest()[:10]
        slug = f"{slug[: MAX_SLUG - 11]}-{tag}".strip("-")
    if slug in RESERVED:
        slug += "-report"
    return slug


def output_path(folder: Path, name: str, suffix: str) -> Path:
    """`folder/name+suffix`, refusing any name that is not a slug or lands elsewhere."""
    if not is_slug(name):
        raise BuildError(f"refusing to write {name!r}{suffix}: output names must be slugs")
    path = folder / f"{name}{suffix}"
    if path.resolve().parent != folder.resolve():
        raise BuildError(f"refusing to write {path}: it is not inside {folder}")
    return path
