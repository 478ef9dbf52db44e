"""One exception hierarchy: every error the package raises on purpose is a NewsbriefError."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class NewsbriefError(Exception):
    """Root of the package's errors; the CLI turns these into a message and an exit status."""

    exit_status = 2


class ConfigError(NewsbriefError):
    """The project or its configuration is not where or what it should be."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located at `path:line` and naming the field."""

    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"


class ValidationError(NewsbriefError):
    """The data in `data/` has problems; all of them are listed, one a line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        n = len(self.problems)
        head = f"{n} problem{'s' if n != 1 else ''} in the data"
        super().__init__(head + ":\n" + "\n".join(str(p) for p in self.problems))


class DataFileError(NewsbriefError):
    """A file under `data/` cannot be read or parsed at all."""

    def __init__(self, path: Path | str, line: int, message: str):
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{path}:{line}: {message}")


class BuildError(NewsbriefError):
    """The report build could not run (not: a report failed, which the build reports itself)."""

    exit_status = 1
