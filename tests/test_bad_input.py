"""Every bad input refused cleanly by `newsbrief build`: its own message and exit status, and
`reports/` byte-identical afterwards.

The real project is built once (conftest `real_build`); each case breaks a copy of it, runs the
console script and compares the copy's reports/ with the original's bytes. The classes of bad
data that tests/test_validate.py checks through `newsbrief validate` (malformed YAML, encodings,
quotes, duplicate ids, dangling references, dates, codes, the text hash) are run through the
build here: a build on invalid data must refuse before any kernel starts. Property-based tests
at the end feed the run matrix and the parameter checks arbitrary input.
"""

from __future__ import annotations

import contextlib
import os
import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from nbformat.v4 import new_code_cell, new_notebook

from analysis.build.matrix import (
    SETTINGS,
    FanOut,
    Matrix,
    ReportSpec,
    expand,
    load_matrix,
    select,
)
from analysis.build.names import is_slug, output_path
from analysis.build.params import ParameterError, check, inspect_source, read_notebook_json
from analysis.errors import NewsbriefError

ANN = "data/annotations/wapo-2023-09-05-kim-putin-arms.yaml"
TEXT = "data/sources/wapo-2023-09-05-kim-putin-arms.txt"
META = "data/sources/wapo-2023-09-05-kim-putin-arms.yaml"
ACTORS = "data/registry/actors.yaml"
PLACES = "data/registry/places.yaml"
ISSUES = "data/registry/issues.yaml"
MATRIX = "reports.yaml"


# --- how to break a project ---------------------------------------------------------------------


def sub(root: Path, rel: str, pattern: str, new: str, *, nth: int = 0) -> None:
    """Replace the `nth` match of a regex (MULTILINE) in one file; the match must exist."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    matches = list(re.finditer(pattern, text, re.MULTILINE))
    assert len(matches) > nth, f"{pattern!r} not in {rel}: the fixture data changed"
    m = matches[nth]
    path.write_text(text[: m.start()] + m.expand(new) + text[m.end() :], encoding="utf-8")


def unreadable(path: Path) -> None:
    """A file the build cannot read: no permission, or (as root, who reads anything) a folder
    standing where the file should be."""
    if os.geteuid() != 0:
        path.chmod(0)
    else:
        path.unlink()
        path.mkdir()


def duplicate_event_id(root: Path) -> None:
    first = re.search(r"^  - id: (\S+)", (root / ANN).read_text(encoding="utf-8"), re.M)
    assert first
    sub(root, ANN, r"^  - id: \S+", rf"  - id: {first[1]}", nth=1)


def latin1(root: Path, rel: str) -> None:
    text = (root / rel).read_text(encoding="utf-8").replace("name: Russia\n", "name: Rússia\n")
    (root / rel).write_bytes(text.encode("cp1252"))


def add_reports(root: Path, entries: str) -> None:
    with (root / MATRIX).open("a", encoding="utf-8") as fh:
        fh.write(entries)


def drop_fan_out(root: Path) -> None:
    text = (root / MATRIX).read_text(encoding="utf-8")
    (root / MATRIX).write_text(text[: text.rindex("  - id: actor_profile")], encoding="utf-8")


@dataclass(frozen=True)
class Case:
    """One bad input: how to make it, the command, the exit status and the message (regexes)."""

    breaks: Callable[[Path], None]
    words: tuple[str, ...]
    status: int = 2
    args: tuple[str, ...] = ("build", "--quiet")


DATA = "problems? in the data"
CASES: dict[str, Case] = {
    # --- the run matrix, reports.yaml ------------------------------------------------------------
    "matrix: malformed YAML": Case(
        lambda r: add_reports(r, "  - {id: broken, title: [\n"), (r"reports\.yaml: not valid YAML",)
    ),
    "matrix: missing": Case(lambda r: (r / MATRIX).unlink(), (r"reports\.yaml: no run matrix",)),
    "matrix: unreadable": Case(
        lambda r: unreadable(r / MATRIX),
        (r"reports\.yaml: cannot read the run matrix: (Permission denied|Is a directory)",),
    ),
    "matrix: Latin-1": Case(
        lambda r: (r / MATRIX).write_bytes(
            (r / MATRIX)
            .read_text(encoding="utf-8")
            .replace("Briefing", "Résumé")
            .encode("latin-1", errors="replace")
        ),
        (r"reports\.yaml: not UTF-8 \(byte 0xe9 at offset \d+\); re-save the file as UTF-8",),
    ),
    "unknown report id": Case(
        lambda r: None,
        (r"unknown report\(s\) 'nope': expected some of \[actor_network, ",),
        args=("build", "nope"),
    ),
    "report id escaping reports/ on the command line": Case(
        lambda r: None,
        (r"unknown report\(s\) '\.\./\.\./etc/passwd'",),
        args=("build", "../../etc/passwd"),
    ),
    "unknown parameter": Case(
        lambda r: sub(r, MATRIX, r"^      issue_id:", "      issue:"),
        (
            r"1 parameter problem:",
            r"report 'grain_positions': notebooks/grain_positions\.ipynb "
            r"has no parameter 'issue'\. Did you mean 'issue_id'\? Valid parameters: issue_id: str",
        ),
    ),
    "parameter of the wrong type": Case(
        lambda r: sub(r, MATRIX, r"^      issue_id: .*$", "      issue_id: 3"),
        (r"parameter 'issue_id' of notebooks/grain_positions\.ipynb expects str, got int 3",),
    ),
    "parameter that reads as a date": Case(
        lambda r: sub(r, MATRIX, r"^      issue_id: .*$", "      issue_id: 2023-09-05"),
        (r"2023-09-05 reads as a date; quote it to pass a string",),
    ),
    "report id escaping its folder": Case(
        lambda r: sub(r, MATRIX, r"^  - id: grain_positions$", "  - id: ../grain_positions"),
        (r"id '\.\./grain_positions' is not a slug .*; try 'grain_positions'",),
    ),
    "notebook outside the project": Case(
        lambda r: sub(
            r,
            MATRIX,
            r"notebook: notebooks/grain_positions\.ipynb",
            "notebook: ../../grain_positions.ipynb",
        ),
        (r"notebook '\.\./\.\./grain_positions\.ipynb' must be an \.ipynb file inside",),
    ),
    "duplicate report id": Case(
        lambda r: sub(r, MATRIX, r"^  - id: claims$", "  - id: briefing"),
        (r"report id 'briefing' appears twice",),
    ),
    "unknown fan-out values": Case(
        lambda r: sub(
            r, MATRIX, r"^(    fan_out: .*values: )actors_with_records", r"\1actors_with_record"
        ),
        (r"unknown fan-out values 'actors_with_record': expected one of \[actors_with_records",),
    ),
    "unknown setting": Case(
        lambda r: add_reports(r, "settings: {worker: 2}\n"),
        (r"settings: unknown setting 'worker': expected one of \['cell_timeout', .*'workers'\]",),
    ),
    "setting of the wrong type": Case(
        lambda r: add_reports(r, "settings: {workers: two}\n"), (r"workers must be int, got 'two'",)
    ),
    "flag of the wrong type": Case(
        lambda r: None,
        (r"argument --workers: invalid int value: 'two'",),
        args=("build", "--workers", "two"),
    ),
    "unknown kernel": Case(
        lambda r: None,
        (r"no Jupyter kernel named 'nope': expected one of \[.*python3",),
        args=("build", "--quiet", "--force", "--kernel", "nope"),
    ),
    "notebook missing": Case(
        lambda r: (r / "notebooks/claims.ipynb").unlink(),
        (r"report 'claims': notebook notebooks/claims\.ipynb does not exist",),
    ),
    "notebook not JSON": Case(
        lambda r: (r / "notebooks/claims.ipynb").write_bytes(b"\xff\xfe not a notebook"),
        (r"notebooks/claims\.ipynb: cannot read the notebook: 'utf-8' codec can't decode",),
    ),
    # --- the data, through the build: the classes test_validate.py checks via `validate` ----------
    "data: malformed YAML": Case(
        lambda r: sub(r, ANN, r"^  - id: \S+$", "  - id: [unclosed"),
        (DATA, rf"{ANN}:\d+: file: malformed YAML"),
    ),
    "data: missing file": Case(
        lambda r: (r / PLACES).unlink(), (DATA, rf"{PLACES}:0: file: file not found")
    ),
    "data: unreadable file": Case(
        lambda r: unreadable(r / ISSUES),
        (DATA, rf"{ISSUES}:0: file: cannot read: (Permission denied|Is a directory)"),
    ),
    "data: Latin-1": Case(
        lambda r: latin1(r, ACTORS),
        (DATA, rf"{ACTORS}:\d+: file: not UTF-8 \(byte 0xfa at offset \d+\)"),
    ),
    "data: byte-order mark": Case(
        lambda r: (r / ANN).write_bytes(b"\xef\xbb\xbf" + (r / ANN).read_bytes()),
        (DATA, rf"{ANN}:1: file: starts with a UTF-8 byte-order mark"),
    ),
    "data: empty source text": Case(
        lambda r: (r / TEXT).write_bytes(b""),
        (DATA, rf"{META}:\d+: text_file: wapo-2023-09-05-kim-putin-arms\.txt is empty"),
    ),
    "data: text changed after hashing": Case(
        lambda r: (r / TEXT).write_bytes((r / TEXT).read_bytes() + b" "),
        (DATA, rf"{META}:\d+: text_sha256: .*the text changed, or the hash is wrong"),
    ),
    "data: quote not found": Case(
        lambda r: sub(r, ANN, r"^    quote: .*$", '    quote: "words that are not in the source"'),
        (DATA, rf"{ANN}:\d+: quote: quote not found in {TEXT}: 'words that are not in the"),
    ),
    "data: quote found twice": Case(
        lambda r: sub(r, ANN, r"^    quote: .*$", '    quote: "Putin"'),
        (DATA, rf"{ANN}:\d+: quote: quote occurs \d+ times in {TEXT} \(offsets \d+, \d+"),
    ),
    "data: duplicate id": Case(
        duplicate_event_id, (DATA, rf"{ANN}:\d+: id: duplicate event id '\w+'; first defined at")
    ),
    "data: dangling reference": Case(
        lambda r: sub(r, ANN, r"^    actors: \[\w+", "    actors: [no_such_actor"),
        (DATA, rf"{ANN}:\d+: actors: unknown actor id 'no_such_actor'.*define it in {ACTORS}"),
    ),
    "data: impossible date": Case(
        lambda r: sub(r, META, r"^published_at: .*$", "published_at: 2023-02-30"),
        (DATA, rf"{META}:\d+: published_at: '2023-02-30' is not an ISO date"),
    ),
    "data: unknown event type": Case(
        lambda r: sub(r, ANN, r"^    type: \w+$", "    type: ATTACK"),
        (DATA, rf"{ANN}:\d+: type: 'ATTACK' is not valid.*expected one of: ACCUSE, "),
    ),
    "data: unknown country code": Case(
        lambda r: sub(r, ACTORS, r"^    country: RUS$", "    country: RU"),
        (DATA, rf"{ACTORS}:\d+: country: 'RU' is not an ISO 3166-1 alpha-3 code"),
    ),
    "data: invalid, and no fan-out reads the data first": Case(
        lambda r: (drop_fan_out(r), sub(r, ANN, r"^    type: \w+$", "    type: ATTACK")),
        (DATA, rf"{ANN}:\d+: type: 'ATTACK' is not valid"),
    ),
}


@pytest.fixture(scope="module")
def built(real_build: Any) -> Any:
    return real_build.project


@pytest.fixture(scope="module")
def before(built: Any) -> dict[str, bytes]:
    return built.snapshot()


def outside_reports(root: Path) -> dict[str, bytes]:
    """Every file of a project but its reports and build cache."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).parts[0] not in ("reports", ".cache")
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_is_refused_and_reports_stay_byte_identical(
    name: str, built: Any, before: dict[str, bytes], tmp_path: Path
) -> None:
    case = CASES[name]
    project = built.copy(tmp_path / "project")
    case.breaks(project.root)

    done = project.newsbrief(*case.args)

    assert done.returncode == case.status, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    for words in case.words:
        assert re.search(words, done.stderr), f"{words!r} not in:\n{done.stderr}"
    assert project.snapshot() == before


@pytest.mark.slow
def test_a_byte_order_mark_in_reports_yaml_is_harmless(
    built: Any, before: dict[str, bytes], tmp_path: Path
) -> None:
    project = built.copy(tmp_path / "project")
    (project.root / MATRIX).write_bytes(b"\xef\xbb\xbf" + (project.root / MATRIX).read_bytes())
    done = project.newsbrief("build", "--quiet")
    assert done.returncode == 0, done.stderr
    assert re.search(r"\(0 executed, 0 rendered, \d+ cached, 0 failed\)", done.stdout)
    assert project.snapshot() == before


RAISES = new_notebook(
    cells=[
        new_code_cell("value: int = 1  # tagged below"),
        new_code_cell('raise RuntimeError(f"the analyst\'s notebook is broken ({value})")'),
    ],
    metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
)
RAISES.cells[0].metadata["tags"] = ["parameters"]


@pytest.mark.slow
def test_a_notebook_that_raises_fails_its_own_page_only(
    built: Any, before: dict[str, bytes], tmp_path: Path
) -> None:
    """Exit 1, the error named per page; every page there was stays byte-identical, only the
    index lists the new failures; a parameter aiming at ../../ reaches no file."""
    project = built.copy(tmp_path / "project")
    nbformat.write(RAISES, project.root / "notebooks" / "raises.ipynb")
    add_reports(
        project.root,
        (
            "  - {id: raises, notebook: notebooks/raises.ipynb, title: Raises,"
            " parameters: {value: 7}}\n"
            "  - {id: escapes, notebook: notebooks/claims.ipynb, title: Escapes,"
            " parameters: {sources: ../../../../etc/passwd}}\n"
        ),
    )
    elsewhere = outside_reports(project.root)
    around = sorted(p.name for p in tmp_path.iterdir())

    done = project.newsbrief("build", "raises", "escapes")

    assert done.returncode == 1, done.stdout + done.stderr
    assert "FAILED: 2 pages" in done.stdout
    assert (
        "raises: RuntimeError: the analyst's notebook is broken (7) (In [3])  "
        "(see reports/raises.html, reports/raises.ipynb)"
    ) in done.stdout
    assert "escapes: NewsbriefError: unknown source id(s) ../../../../etc/passwd" in done.stdout
    after = project.snapshot()
    changed = sorted(k for k in before if after.get(k) != before[k])
    assert changed == ["index.html"]
    assert sorted(set(after) - set(before)) == [
        "escapes.html",
        "escapes.ipynb",
        "raises.html",
        "raises.ipynb",
    ]
    assert "notebook is broken (7)" in after["raises.html"].decode()
    assert outside_reports(project.root) == elsewhere
    assert sorted(p.name for p in tmp_path.iterdir()) == around


# --- property-based: arbitrary run matrices and parameter values ---------------------------------

KEYS = ["id", "notebook", "title", "description", "parameters", "fan_out", "param", "values"]
plain = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.dates()
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "notebooks/a.ipynb",
            "../a.ipynb",
            "/etc/a.ipynb",
            "index",
            "assets",
            "a-b",
            "x" * 81,
            "actors_with_records",
            "{label}",
            "{id}",
            "../../x",
        ]
    ),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
report = st.dictionaries(st.sampled_from(KEYS), plain, max_size=6)
#: Entries close to valid ones, so the expansion into pages is reached as well.
near_report = st.fixed_dictionaries(
    {
        "id": st.from_regex(r"[a-z0-9][a-z0-9_-]{0,85}", fullmatch=True)
        | st.sampled_from(["index", "assets", "../x", "A b", ""]),
        "notebook": st.sampled_from(
            [
                "notebooks/a.ipynb",
                "../a.ipynb",
                "notebooks/a.txt",
                "notebooks/../../a.ipynb",
                "/tmp/a.ipynb",
            ]
        ),
        "title": st.text(max_size=20) | st.sampled_from(["{label}", "{actor_id} {x}"]),
    },
    optional={
        "description": st.text(max_size=20) | plain,
        "parameters": st.dictionaries(st.text(max_size=6), plain, max_size=3),
        "fan_out": st.fixed_dictionaries(
            {
                "param": st.text(max_size=6) | st.sampled_from(["actor_id"]),
                "values": st.sampled_from(["actors_with_records", "issues_with_positions", "no"]),
            }
        )
        | plain,
    },
)
matrices = plain | st.fixed_dictionaries(
    {"reports": st.lists(near_report | report | plain, max_size=3)},
    optional={
        "settings": st.dictionaries(st.sampled_from([*SETTINGS, "x"]), plain, max_size=3),
        "extra": plain,
    },
)
#: A fan-out's values as the plan hands them over: plain scalars, or [value, label] pairs.
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(alphabet="aB _/.\u202e<>", max_size=100)
)
fan_out_values = st.lists(scalars | st.tuples(scalars, st.text(max_size=8)).map(list), max_size=4)


def _matrix_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("matrix")
    (root / "data").mkdir()
    return root


def _check_matrix(root: Path, data: st.DataObject) -> None:
    """Load, expand and select: a matrix and runs whose names are safe, or a NewsbriefError."""
    try:
        matrix = load_matrix(root)
        runs = expand(matrix, {name: data.draw(fan_out_values) for name in matrix.fan_outs()})
        select(
            runs,
            data.draw(
                st.lists(
                    st.sampled_from([r.id for r in runs] or ["x"]) | st.text(max_size=8), max_size=2
                )
            ),
        )
    except NewsbriefError:
        return
    for run in runs:
        assert is_slug(run.id), run.id
        assert output_path(root / "reports", run.id, ".html").parent == root / "reports"


@settings(max_examples=150, deadline=None)
@given(content=st.binary(max_size=300), data=st.data())
def test_any_reports_yaml_bytes_give_a_matrix_or_a_config_error(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, data: st.DataObject
) -> None:
    root = _matrix_root(tmp_path_factory)
    (root / MATRIX).write_bytes(content)
    _check_matrix(root, data)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(doc=matrices, data=st.data())
def test_any_run_matrix_gives_safe_page_names_or_a_config_error(
    tmp_path: Path, doc: Any, data: st.DataObject
) -> None:
    root = tmp_path
    (root / "data").mkdir(exist_ok=True)
    (root / MATRIX).write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    _check_matrix(root, data)


@settings(max_examples=200, deadline=None)
@given(
    report_id=st.builds(str.__mul__, st.sampled_from("ab_-"), st.integers(1, 80)).map(
        lambda s: "r" + s[:79]
    ),
    values=fan_out_values,
)
def test_every_fanned_out_page_gets_a_usable_name(report_id: str, values: list[Any]) -> None:
    """Report id plus value, however long or odd the value: a slug of at most 80 characters,
    inside reports/ (or a ConfigError naming the clash before any kernel starts)."""
    spec = ReportSpec(
        report_id, "notebooks/a.ipynb", "{label}", fan_out=FanOut("p", "actors_with_records")
    )
    matrix = Matrix(Path("/p"), Path("/p/reports.yaml"), (spec,), {})
    try:
        runs = expand(matrix, {"actors_with_records": values})
    except NewsbriefError as exc:
        assert "two pages would be named" in str(exc)
        return
    for run in runs:
        assert is_slug(run.id), run.id
        assert output_path(Path("/p/reports"), run.id, ".html").parent == Path("/p/reports")


CELL = """\
issue_id: str = "x"  # an issue
n: int = 3  # how many
share: float = 0.5  # a share
flag: bool = False  # on or off
names: list[str] = []  # some names
maybe: int | None = None  # optional
kind: Literal["a", "b"] = "a"  # one of two
table: dict[str, int] = {}  # a mapping
anything = None  # untyped
"""
DECLARED = inspect_source(CELL)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(DECLARED)) | st.text(max_size=8), plain, max_size=5))
def test_any_parameter_values_fit_or_are_listed_as_problems(given_values: dict[str, Any]) -> None:
    problems = check("r", "notebooks/r.ipynb", DECLARED, given_values)
    assert all(isinstance(p, str) and p.startswith("report 'r': ") for p in problems)
    unknown = [k for k in given_values if k not in DECLARED]
    assert len(problems) >= len(unknown)
    if problems:
        assert str(ParameterError(problems)).count("\n") == len(problems)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *string.printable,
                "\x00",
                ": ",
                " = ",
                "|",
                "None",
                "int",
                "list[",
                "Literal[",
                "Optional[",
                '"a"',
                "#",
                "\n",
            ]
        )
        | st.text(max_size=3),
        max_size=30,
    ).map("".join)
)
def test_any_parameters_cell_is_read_or_refused(source: str) -> None:
    try:
        found = inspect_source(source)
    except NewsbriefError:
        return
    for param in found.values():
        check("r", "nb.ipynb", found, {param.name: None})  # any declared type can be checked


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_notebook_bytes_are_read_or_refused(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    path = tmp_path_factory.mktemp("nb") / "n.ipynb"
    path.write_bytes(content)
    with contextlib.suppress(NewsbriefError):
        read_notebook_json(path)
