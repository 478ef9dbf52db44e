"""Edit a hand-written YAML file in place: records found by line, lines spliced, the rest kept.

The project's own reader (`analysis.annotations.read_yaml`: the fast line reader, else PyYAML,
with YAML 1.1 types and dates kept as text, as the validator reads) gives the line of every
record and key. The edit removes, replaces or inserts whole lines there and leaves every other
byte as it was: comments, key order, quoting, folding. A full round trip through a
comment-keeping dumper was tried and rejected: ruamel.yaml re-folds a quoted scalar written
over several lines (data/registry/places.yaml has them) and took 7 s to load a 24,000-line
registry that the project's reader reads in 0.3 s. The same edit is applied to the parsed data,
and the new text must parse to exactly that, or the edit is refused (`EditError`) before
anything is written.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis import blockyaml
from analysis.annotations import Mapping, _read_with_pyyaml, read_yaml
from analysis.errors import DataFileError, NewsbriefError

# A section rule such as `# --- states ----`: a heading for what follows, not part of a record.
_RULE = re.compile(r"^#\s*[-=]{3,}")


class EditError(NewsbriefError):
    """A YAML file cannot be edited safely by line; it names the file and what to do instead."""


def load(text: str, shown: str = "") -> Mapping:
    """The data of a YAML text exactly as `read_yaml` reads a file (duplicate keys refused);
    raises DataFileError naming `shown` and the line."""
    doc = blockyaml.parse(text, shown)
    return doc if doc is not None else _read_with_pyyaml(text, shown)


def plain(value: Any) -> Any:
    """Parsed YAML as plain dicts, lists and scalars (for comparing data)."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _eol(line: str) -> str:
    return "\r\n" if line.endswith("\r\n") else "\n"


def _blank_or_comment(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` by `data` at once (temp file + os.replace), keeping the file's mode (a
    new file gets the user's umask, not the temp file's 0600)."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class Edit:
    """Pending line edits of one YAML file whose top level is a mapping of record lists.

    Positions refer to the text as read, so edits do not shift one another; `text()` applies
    them all and checks the result against the same edits made on the data.
    """

    path: Path
    shown: str
    original: bytes = b""
    lines: list[str] = field(default_factory=list)
    doc: Mapping = field(default_factory=Mapping)
    expected: dict[str, Any] = field(default_factory=dict)
    deleted: set[int] = field(default_factory=set)
    replaced: dict[int, str] = field(default_factory=dict)
    inserted: dict[int, list[str]] = field(default_factory=dict)
    gone: dict[str, set[int]] = field(default_factory=dict)  # list key -> item indexes deleted

    @classmethod
    def open(cls, path: Path, shown: str) -> Edit:
        """The file at `path` read for editing (`shown` names it in messages); no edits yet."""
        raw = path.read_bytes()
        doc = read_yaml(path, shown)
        lines = raw.decode("utf-8").splitlines(keepends=True)
        return cls(path, shown, raw, lines, doc, plain(doc))

    # -- where things are ---------------------------------------------------------------------

    def _refuse(self, what: str) -> EditError:
        return EditError(f"{self.shown}: {what}; edit this file by hand")

    def items(self, key: str) -> list[Any]:
        """The list `key` of the top-level mapping ([] when absent or empty)."""
        seq = self.doc.get(key)
        if seq is None:
            return []
        if not isinstance(seq, list):
            raise self._refuse(f"{key} is not a list")
        return seq

    def index(self, key: str, rid: str) -> int:
        """The position of the record with id `rid` in the list `key`."""
        for i, rec in enumerate(self.items(key)):
            if isinstance(rec, Mapping) and str(rec.get("id")) == rid:
                return i
        raise self._refuse(f"no record with id {rid!r} under {key}")

    def _head(self, key: str) -> int:
        """The line of the top-level `key:`."""
        return self.doc.line_of(key) - 1

    def _dash(self, key: str, i: int) -> tuple[int, int]:
        """(line, column) of the `-` that starts item `i` of list `key`."""
        rec = self.items(key)[i]
        line = rec.line - 1 if isinstance(rec, Mapping) else -1
        found = re.match(r"^( *)- ", self.lines[line]) if line > self._head(key) else None
        if found is None:
            raise self._refuse(f"item {i + 1} of {key} does not start a line with '- '")
        return line, len(found[1])

    def _top(self, i: int) -> int:
        """The first line of the comments right above line `i` that belong to its record."""
        col = _indent(self.lines[i])
        j = i
        while j > 0:
            above = self.lines[j - 1]
            stripped = above.strip()
            if not stripped.startswith("#") or _RULE.match(stripped) or _indent(above) != col:
                break
            j -= 1
        return j

    def _after(self, key: str) -> int:
        """The line where the mapping entry after `key` begins, or the end of the file."""
        keys = list(self.doc)
        at = keys.index(key)
        return self._head(keys[at + 1]) if at + 1 < len(keys) else len(self.lines)

    def span(self, key: str, i: int) -> tuple[int, int]:
        """Lines [first, last] of item `i` of list `key`, its own comments above included."""
        line, _ = self._dash(key, i)
        seq = self.items(key)
        bound = self._top(self._dash(key, i + 1)[0]) if i + 1 < len(seq) else self._after(key)
        last = bound - 1
        while last > line and _blank_or_comment(self.lines[last]):
            last -= 1
        return self._top(line), last

    def _key_line(self, rec: Mapping, name: str) -> int:
        """The line of `name: value` in `rec`, refused unless the pair is alone on its line."""
        line = rec.line_of(name) - 1
        found = re.match(rf"^( *){re.escape(name)} *:", self.lines[line])
        others = [k for k in rec if k != name and rec.line_of(k) - 1 == line]
        if found is None or others:
            raise self._refuse(f"{name} of {rec.get('id')!r} is not on a line of its own")
        nxt = line + 1
        while nxt < len(self.lines) and _blank_or_comment(self.lines[nxt]):
            nxt += 1
        if nxt < len(self.lines) and _indent(self.lines[nxt]) > len(found[1]):
            raise self._refuse(f"{name} of {rec.get('id')!r} spans several lines")
        return line

    # -- edits --------------------------------------------------------------------------------

    def drop_key(self, key: str, rid: str, name: str) -> bool:
        """Delete `name` from the record `rid` of list `key`; False if it has none."""
        i = self.index(key, rid)
        rec = self.items(key)[i]
        if name not in rec:
            return False
        self.deleted.add(self._key_line(rec, name))
        del self.expected[key][i][name]
        return True

    def set_flow_list(self, key: str, rid: str, name: str, values: list[str]) -> None:
        """Rewrite `name: [a, b]` of the record `rid` (a line of its own) with `values`."""
        i = self.index(key, rid)
        rec = self.items(key)[i]
        line = self._key_line(rec, name)
        col = _indent(self.lines[line])
        end = _eol(self.lines[line])
        self.replaced[line] = f"{' ' * col}{name}: [{', '.join(values)}]{end}"
        self.expected[key][i][name] = list(values)

    def drop_item(self, key: str, rid: str) -> list[str]:
        """Delete the record `rid` of list `key` with its comments; its lines as they were."""
        i = self.index(key, rid)
        first, last = self.span(key, i)
        self.deleted.update(range(first, last + 1))
        self.gone.setdefault(key, set()).add(i)
        return self.lines[first : last + 1]

    def item_lines(self, key: str, rid: str, *, without: tuple[str, ...]) -> list[str]:
        """The record `rid` of list `key` as lines starting at its dash, minus keys `without`."""
        i = self.index(key, rid)
        rec = self.items(key)[i]
        dash, _ = self._dash(key, i)
        _, last = self.span(key, i)
        skip = {self._key_line(rec, name) for name in without if name in rec}
        return [self.lines[n] for n in range(dash, last + 1) if n not in skip]

    def append_item(self, key: str, lines: list[str], data: dict[str, Any]) -> None:
        """Add a record (lines starting with its `- `) at the end of list `key`."""
        seq = self.items(key)
        lines = [line if line.endswith("\n") else line + "\n" for line in lines]
        if seq:
            _, col = self._dash(key, len(seq) - 1)
            _, last = self.span(key, len(seq) - 1)
            at = last + 1
        else:
            head = self._head(key) if key in self.doc else -1
            text = self.lines[head] if head >= 0 else ""
            if head < 0 or not re.match(rf"^{re.escape(key)}:\s*(\[\s*\])?\s*(#.*)?$", text):
                raise self._refuse(f"cannot find an empty `{key}:` list to add to")
            self.replaced[head] = f"{key}:{_eol(text)}"
            col, at = 2, head + 1
        shift = col - _indent(lines[0])
        moved = [(" " * shift + ln) if shift >= 0 else ln[-shift:] for ln in lines]
        if shift < 0 and any(ln[:-shift].strip() for ln in lines):
            raise self._refuse(f"cannot re-indent the record for {key}")
        self.inserted.setdefault(at, []).extend(moved)
        if self.expected.get(key) is None:
            self.expected[key] = []
        self.expected[key].append(data)

    # -- result -------------------------------------------------------------------------------

    def changed(self) -> bool:
        """Whether any edit is pending."""
        return bool(self.deleted or self.replaced or self.inserted)

    def text(self) -> str:
        """The edited text, checked: it parses to the data with the same edits made."""
        expected = dict(self.expected)
        for key, indexes in self.gone.items():
            expected[key] = [r for i, r in enumerate(expected[key]) if i not in indexes]
            if not expected[key]:
                head = self._head(key)
                match = re.match(rf"^{re.escape(key)}:\s*(#.*)?$", self.lines[head])
                if match is None:
                    raise self._refuse(f"cannot mark {key} as empty")
                note = f" {match[1]}" if match[1] else ""
                self.replaced[head] = f"{key}: []{note}{_eol(self.lines[head])}"
        out: list[str] = []
        for n in range(len(self.lines) + 1):
            more = self.inserted.get(n, [])
            if more and out and not out[-1].endswith("\n"):
                out[-1] += "\n"
            out += more
            if n < len(self.lines) and n not in self.deleted:
                out.append(self.replaced.get(n, self.lines[n]))
        new = "".join(out)
        try:
            got = plain(load(new, self.shown))
        except DataFileError as exc:
            raise self._refuse(
                f"the edit would not parse (line {exc.line}: {exc.message})"
            ) from exc
        if got != expected:
            raise self._refuse("the edit would not give the intended records")
        return new
