"""Typed access to one record's fields: each problem reported against its file, line and field.

The validator reads every record through `Fields`; a `Checker` collects the problems and the
references between records (resolved once every id is known) as small tuples, so that the
work can be split between processes.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from analysis.annotations import Mapping
from analysis.errors import Problem

SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
H = TypeVar("H")  # a hashable value


def choices(valid: Collection[str]) -> str:
    return ", ".join(sorted(valid))


def near(value: str, valid: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(valid), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


# Where a record points at another by id, kept small (no YAML mapping) so that the reading of
# annotation files can be split between processes: (path, line, field, kind, id, from a draft).
Ref = tuple[str, int, str, str, str, bool]
# Where an id is defined: (id, path, the record's line, the id's line, the record is a draft).
Definition = tuple[str, str, int, int, bool]


@dataclass
class Checker:
    """Collects problems while reading records; references are resolved once all ids are known."""

    problems: list[Problem] = field(default_factory=list)
    refs: list[Ref] = field(default_factory=list)
    # one object for equal lists of ids and equal dates: far fewer objects to pickle, keep
    # in memory and have the garbage collector walk (a corpus repeats them all the time)
    shared: dict[Any, Any] = field(default_factory=dict)

    def one_of(self, value: H) -> H:
        """The first object equal to `value` this checker saw (or `value` itself)."""
        return cast(H, self.shared.setdefault(value, value))

    def add(self, rec: Mapping, key: str, message: str) -> None:
        self.problems.append(Problem(rec.path, rec.line_of(key), key, message))

    def add_at(self, path: str, line: int, key: str, message: str) -> None:
        self.problems.append(Problem(path, line, key, message))

    def ref(self, rec: Mapping, key: str, kind: str, value: str) -> None:
        self.refs.append((rec.path, rec.line_of(key), key, kind, value, rec.get("draft") is True))

    def refs_to(self, rec: Mapping, key: str, kind: str, values: list[str]) -> None:
        path, line, draft = rec.path, rec.line_of(key), rec.get("draft") is True
        self.refs.extend([(path, line, key, kind, value, draft) for value in values])


def clean_items(values: list[Any], valid: Collection[str] | None) -> bool:
    """Whether a list holds distinct, non-empty texts, all in `valid` when that is given."""
    for item in values:
        if item.__class__ is not str or not item or (valid is not None and item not in valid):
            return False
    return len(values) < 2 or len(set(values)) == len(values)


class Fields:
    """Typed access to one record's fields, reporting each problem against its key's line."""

    __slots__ = ("check", "rec")

    def __init__(self, rec: Mapping, known: frozenset[str], checker: Checker, what: str):
        self.rec, self.check = rec, checker
        if known.issuperset(rec):
            return
        for key in rec:
            if key not in known:
                checker.add(
                    rec,
                    key,
                    f"unknown field in {what}{near(key, known)}; valid fields: {choices(known)}",
                )

    def text(self, key: str, *, required: bool = False) -> str:
        value = self.rec.get(key)
        if value.__class__ is str and value:
            return value.strip()
        if value is None or value == "":
            if required:
                self.check.add(self.rec, key, "required field is missing or empty")
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.check.add(self.rec, key, f"expected text, got {type(value).__name__}")
            return ""
        return str(value).strip()

    def choice(self, key: str, valid: Collection[str], *, required: bool = True) -> str:
        value = self.text(key, required=required)
        if value and value not in valid:
            self.check.add(
                self.rec,
                key,
                f"{value!r} is not valid{near(value, valid)}; expected one of: {choices(valid)}",
            )
            return ""
        return value

    def slug(self, key: str = "id") -> str:
        value = self.text(key, required=True)
        if value and not SLUG.match(value):
            self.check.add(
                self.rec, key, f"{value!r} is not a lowercase slug ([a-z0-9][a-z0-9_-]*)"
            )
        return value

    def items(
        self,
        key: str,
        *,
        valid: Collection[str] | None = None,
        ref: str | None = None,
        required: bool = False,
    ) -> tuple[str, ...]:
        value = self.rec.get(key)
        if value.__class__ is list and clean_items(value, valid):
            # the common case, checked in one pass: distinct non-empty texts, valid if it matters
            if ref:
                self.check.refs_to(self.rec, key, ref, value)
            items = tuple(value)
            return self.check.one_of(items)
        if value is None or value == "" or value == []:
            if required:
                self.check.add(self.rec, key, "required list is missing or empty")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.check.add(self.rec, key, "expected a list of ids or codes, e.g. [a, b]")
            return ()
        for item in value:
            if valid is not None and item not in valid:
                self.check.add(
                    self.rec,
                    key,
                    f"{item!r} is not valid{near(item, valid)}; expected one of: {choices(valid)}",
                )
            if ref:
                self.check.ref(self.rec, key, ref, item)
        if len(set(value)) != len(value):
            self.check.add(self.rec, key, "lists the same item twice")
        return tuple(value)

    def ref(self, key: str, kind: str, *, required: bool = False) -> str:
        value = self.text(key, required=required)
        if value:
            self.check.ref(self.rec, key, kind, value)
        return value

    def boolean(self, key: str) -> bool:
        value = self.rec.get(key)
        if not isinstance(value, bool):
            self.check.add(self.rec, key, f"expected true or false, got {value!r}")
            return False
        return value

    def integer(self, key: str, low: int, high: int) -> int:
        value = self.rec.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.check.add(
                self.rec, key, f"expected a whole number from {low} to {high}, got {value!r}"
            )
            return 0
        if not low <= value <= high:
            self.check.add(self.rec, key, f"{value} is out of range; expected {low} to {high}")
        return value

    def number(self, key: str, low: float, high: float) -> float | None:
        value = self.rec.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.check.add(self.rec, key, f"expected a number from {low} to {high}, got {value!r}")
            return None
        if not low <= value <= high:
            self.check.add(self.rec, key, f"{value} is out of range; expected {low} to {high}")
            return None
        return float(value)

    def day(self, key: str, *, rec: Mapping | None = None) -> dt.date | None:
        rec = rec if rec is not None else self.rec
        value = rec.get(key)
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.check.add(rec, key, f"{value!r} is not an ISO date (YYYY-MM-DD)")
            return None
