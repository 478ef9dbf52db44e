"""A cache of validated tables, keyed by the content of every data file and of this package.

`analysis.load()` validates all of `data/` before it returns tables; each report notebook calls
it, so a large corpus would be parsed and checked again on every page. The tables of data that
already validated are kept in a pickle named by a content hash (file bytes, not timestamps):
any edit under `data/` or in the package gives another key, and invalid data never gets an
entry. The cache lives outside the project (`NEWSBRIEF_CACHE_DIR`, else the user's cache
folder), so reading data writes nothing into it; a damaged entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from analysis.tables import Dataset

log = logging.getLogger(__name__)

KEEP = 8  # entries kept; older ones are removed when a new one is written
FORMAT = b"newsbrief-tables-1\0"


def folder() -> Path:
    env = os.environ.get("NEWSBRIEF_CACHE_DIR")
    if env:
        return Path(env) / "tables"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsbrief" / "tables"


def _package_digest() -> bytes:
    """Hash of the package's own modules (validation, codes, tables: what shapes the tables)."""
    digest = hashlib.sha256(FORMAT)
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.digest()


def key(data_digest: str, *, include_drafts: bool) -> str:
    """Content key of the tables `load()` builds from data with this `validate.data_digest`."""
    digest = hashlib.sha256(_package_digest())
    digest.update(b"drafts" if include_drafts else b"reviewed")
    digest.update(data_digest.encode())
    return digest.hexdigest()


def read(cache_key: str) -> Dataset | None:
    """The cached tables, or None (absent, unreadable, or written by another version)."""
    path = folder() / f"{cache_key}.pickle"
    try:
        with path.open("rb") as fh:
            if fh.read(len(FORMAT)) != FORMAT:
                return None
            data: Dataset = pickle.load(fh)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a damaged entry costs a rebuild, never a failure
        log.info("ignoring the damaged table cache %s: %s", path, exc)
        return None
    return data


def write(cache_key: str, data: Dataset) -> None:
    """Keep the tables under their key (atomically); a cache that cannot be written is skipped."""
    target = folder()
    try:
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(FORMAT)
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target / f"{cache_key}.pickle")
        entries = sorted(target.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("table cache not written (%s)", exc)
