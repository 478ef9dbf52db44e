"""`newsbrief validate`: every class of bad input named by file, line and field, all at once."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from analysis import forked, validate
from analysis.cli import main
from analysis.errors import ValidationError
from analysis.model import Corpus
from analysis.validate import read_corpus, validate_project

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "mini"
INVALID = FIXTURES / "invalid"
ANN = "data/annotations/test-mini.yaml"
ACTORS = "data/registry/actors.yaml"
PLACES = "data/registry/places.yaml"
META = "data/sources/test-mini.yaml"

# scenario fixture -> the data file it replaces, and the problems it must produce:
# (path:line, field, words the message must contain)
SCENARIOS = {
    "malformed_yaml.yaml": (ANN, [(f"{ANN}:6", "file", "malformed YAML")]),
    "unknown_field.yaml": (ANN, [(f"{ANN}:14", "sumary", "did you mean 'summary'")]),
    "missing_required_field.yaml": (ANN, [(f"{ANN}:4", "summary", "required field")]),
    "quote_not_in_source.yaml": (ANN, [(f"{ANN}:14", "quote", "quote not found")]),
    "quote_found_twice.yaml": (ANN, [(f"{ANN}:14", "quote", "occurs 2 times")]),
    "duplicate_id.yaml": (ANN, [(f"{ANN}:15", "id", "duplicate event id 'drone_intercepted'")]),
    "dangling_reference.yaml": (ANN, [(f"{ANN}:10", "actors", "unknown actor id 'estonia'")]),
    "end_before_start.yaml": (ANN, [(f"{ANN}:9", "end", "before start")]),
    "month_not_starting_on_first.yaml": (ANN, [(f"{ANN}:9", "start", "does not start a month")]),
    "impossible_date.yaml": (ANN, [(f"{ANN}:9", "start", "'2023-02-30' is not an ISO date")]),
    "unknown_event_type.yaml": (ANN, [(f"{ANN}:5", "type", "'ATTACK' is not valid")]),
    "unknown_status.yaml": (ANN, [(f"{ANN}:8", "status", "expected one of: factual")]),
    "cameo_code_unquoted.yaml": (ANN, [(f"{ANN}:7", "cameo", "in quotes")]),
    "unknown_topic.yaml": (ANN, [(f"{ANN}:12", "topics", "did you mean 'security_incident'")]),
    "stance_out_of_range.yaml": (ANN, [(f"{ANN}:8", "stance", "out of range")]),
    "dispute_not_mutual.yaml": (
        ANN,
        [
            (f"{ANN}:19", "verification", "'maybe' is not valid"),
            (f"{ANN}:20", "contests", "does not list 'lithuania_saw_nothing'"),
        ],
    ),
    "bad_country_code.yaml": (
        ACTORS,
        [
            (f"{ACTORS}:6", "country", "'LV' is not an ISO 3166-1 alpha-3 code"),
            (f"{ACTORS}:10", "kind", "'ministry' is not valid"),
            (f"{ACTORS}:18", "sector", "'GOVT' is not valid"),
        ],
    ),
    "gazetteer_id_unknown.yaml": (
        PLACES,
        [
            (f"{PLACES}:7", "geonameid", "not in the offline gazetteer"),
            (f"{PLACES}:13", "lat", "out of range"),
            (f"{PLACES}:9", "coord_note", "need a coord_note"),
        ],
    ),
    "text_changed_after_hashing.txt": (
        "data/sources/test-mini.txt",
        [
            (f"{META}:8", "text_sha256", "the text changed"),
        ],
    ),
    "latin1_encoding.yaml": (ANN, [(f"{ANN}:13", "file", "not UTF-8")]),
    "byte_order_mark.yaml": (ANN, [(f"{ANN}:1", "file", "byte-order mark")]),
}


def project_with(tmp_path: Path, scenario: str | None = None) -> Path:
    """A copy of the valid mini project, with one data file replaced by a scenario fixture."""
    root = tmp_path / "project"
    shutil.copytree(MINI, root)
    if scenario:
        target, _ = SCENARIOS[scenario]
        shutil.copyfile(INVALID / scenario, root / target)
    return root


def test_the_valid_fixture_passes(tmp_path: Path) -> None:
    report = validate_project(project_with(tmp_path))
    assert report.counts() == {
        "sources": 1,
        "actors": 5,
        "places": 2,
        "issues": 1,
        "events": 2,
        "claims": 2,
        "positions": 1,
    }


def test_every_scenario_fixture_is_in_the_table() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(SCENARIOS)


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_bad_input_is_reported_by_file_line_and_field(
    scenario: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project_with(tmp_path, scenario)
    before = sorted((p.relative_to(root), p.read_bytes()) for p in root.rglob("*") if p.is_file())

    status = main(["--root", str(root), "validate"])

    err = capsys.readouterr().err
    assert status == 2
    lines = [line for line in err.splitlines() if line.startswith("data/")]
    for where, field, words in SCENARIOS[scenario][1]:
        expected = f"{where}: {field}: "
        matching = [line for line in lines if line.startswith(expected)]
        assert matching, f"no line starting {expected!r} in:\n{err}"
        assert any(words in line for line in matching), f"{words!r} not in {matching}"
    after = sorted((p.relative_to(root), p.read_bytes()) for p in root.rglob("*") if p.is_file())
    assert after == before, "validate must write nothing"


def test_all_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    root = project_with(tmp_path, "bad_country_code.yaml")
    shutil.copyfile(INVALID / "quote_not_in_source.yaml", root / ANN)
    with pytest.raises(ValidationError) as info:
        read_corpus(root)
    fields = {p.field for p in info.value.problems}
    assert {"country", "kind", "sector", "quote"} <= fields
    # the bad actors file also leaves dangling references behind; each is its own line
    assert len(str(info.value).splitlines()) == len(info.value.problems) + 1


def test_offsets_index_the_original_text_despite_typographic_quotes(tmp_path: Path) -> None:
    corpus = read_corpus(project_with(tmp_path))
    text = corpus.sources[0].text
    claim = next(c for c in corpus.claims if c.claim_id == "lithuania_saw_nothing")
    assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.quote
    assert claim.evidence.quote.startswith("\u201cWe saw nothing,\u201d Lithuania\u2019s")


def test_console_script_exits_2_and_names_the_problem(tmp_path: Path) -> None:
    root = project_with(tmp_path, "quote_not_in_source.yaml")
    exe = Path(sys.executable).with_name("newsbrief")
    done = subprocess.run(
        [str(exe), "--root", str(root), "validate"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert f"{ANN}:14: quote: quote not found" in done.stderr
    assert done.stdout == ""


# -- large corpora: annotation files and sources split between two processes --------------------


def read_both_ways(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The corpus (or the problems) read by one process, then by two."""
    runs = []
    real_run = forked.run

    def counted(*args: object) -> object:
        runs.append(args)
        return real_run(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(forked, "run", counted)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    results: list[object] = []
    for threshold in (1 << 62, 0):
        monkeypatch.setattr(validate, "SPLIT_MIN_BYTES", threshold)
        try:
            results.append(read_corpus(root))
        except ValidationError as exc:
            results.append(str(exc))
    assert len(runs) == 1, "the second reading should have forked a helper"
    return results


@pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")
def test_two_processes_read_the_same_corpus_as_one(
    many_sources: Callable[[], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    one, two = read_both_ways(many_sources(), monkeypatch)
    assert isinstance(one, Corpus) and isinstance(two, Corpus)
    assert len(one.sources) == 7 and len(one.events) == 14
    assert one == two  # every record, in the same order


@pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")
def test_two_processes_report_the_same_problems_as_one(
    many_sources: Callable[[], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = many_sources()
    ann = root / "data/annotations"
    first, last = ann / "test-mini-00.yaml", ann / "test-mini-05.yaml"
    # read by this process: a quote not in the text, an id defined again in the helper's half,
    # and a dispute with a claim of the helper's half that does not answer it
    text = first.read_text("utf-8").replace('over Riga"', 'over Tallinn"')
    text = text.replace("id: talks_planned_0", "id: talks_planned_5")
    text = text.replace("contests: [lithuania_saw_nothing_0]", "contests: [latvia_talks_5_claim]")
    first.write_text(text, "utf-8")
    # read by the helper: an unknown actor, a claim the other half names, a changed source text
    text = last.read_text("utf-8").replace("actors: [latvia_mod]", "actors: [estonia]")
    last.write_text(text.replace("positions:\n", _claim("latvia_talks_5_claim") + "positions:\n"))
    (root / "data/sources/test-mini-05.txt").write_text("changed\n", "utf-8")
    # and one annotation file of the helper's half names a source of this process's half
    moved = ann / "test-mini-04.yaml"
    moved.write_text(
        moved.read_text("utf-8").replace("source_id: test-mini-04", "source_id: test-mini-01"),
        "utf-8",
    )
    one, two = read_both_ways(root, monkeypatch)
    assert isinstance(one, str) and one == two
    for words in (
        "test-mini-00.yaml:16: quote: quote not found",
        "duplicate event id 'talks_planned_5'",
        "'latvia_talks_5_claim' does not list 'latvia_says_intercepted_0'",
        "unknown actor id 'estonia'",
        "test-mini-05.yaml:8: text_sha256: the text file's SHA-256",
    ):
        assert words in one


def _claim(claim_id: str) -> str:
    return (
        f"  - id: {claim_id}\n    speaker: latvia\n    speaker_named: true\n    cue: said\n"
        "    stance: asserts\n    verification: unknown\n    contests: [lithuania_saw_nothing_5]\n"
        "    content: A claim.\n    date: {granularity: unknown}\n"
        '    quote: "Latvia and Lithuania will hold talks in Riga this month"\n'
    )


@pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")
def test_a_helper_that_fails_is_replaced_by_this_process(
    many_sources: Callable[[], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = os.getpid()
    real = validate.Reader.sourced_share

    def dies_in_the_helper(self: validate.Reader, *args: object) -> object:
        if os.getpid() != parent:
            os._exit(9)
        return real(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(validate.Reader, "sourced_share", dies_in_the_helper)
    one, two = read_both_ways(many_sources(), monkeypatch)
    assert isinstance(one, Corpus) and one == two


@pytest.mark.parametrize(
    ("first", "second", "problem"),
    [
        # the same date twice is checked once; these differ only in ways a memo could miss
        ("{text: on Monday, start: null, granularity: day}", "{text: on Monday, granularity: day}",
         ":38: start: granularity day needs a start date"),
        ("{text: on Monday, start: 2023-09-04, granularity: day}",
         "{text: yes, start: 2023-09-04, granularity: day}", ":38: text: expected text, got bool"),
        ("{text: on Monday, start: 2023-09-04, granularity: day}",
         "{text: on Monday, start: 2023-09-04, granularity: month}", ":38: start: 2023-09-04 does"),
    ],
)  # fmt: skip
def test_a_date_seen_before_is_still_checked_where_it_differs(
    tmp_path: Path, first: str, second: str, problem: str
) -> None:
    root = project_with(tmp_path)
    ann = root / ANN
    monday = "{text: on Monday, start: 2023-09-04, granularity: day}"
    head, _, tail = ann.read_text("utf-8").partition(monday)  # line 9, then line 38
    ann.write_text(head + first + tail.replace(monday, second, 1), "utf-8")
    with pytest.raises(ValidationError) as caught:
        read_corpus(root)
    assert f"{ANN}{problem}" in str(caught.value)


def test_a_claim_without_id_is_not_taken_for_a_dispute(tmp_path: Path) -> None:
    root = project_with(tmp_path)
    ann = root / ANN
    ann.write_text(ann.read_text("utf-8").replace("  - id: latvia_says_intercepted\n", "  -\n"))
    with pytest.raises(ValidationError) as caught:
        read_corpus(root)
    assert "id: required field is missing" in str(caught.value)
    assert "does not list ''" not in str(caught.value)


def test_reading_keeps_a_callers_frozen_objects_frozen(tmp_path: Path) -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        read_corpus(project_with(tmp_path))
        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


@pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")
def test_a_source_named_unlike_its_file_is_read_as_one_process_reads_it(
    many_sources: Callable[[], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = many_sources()
    meta = root / "data/sources/test-mini-05.yaml"  # the helper's half claims an id of the other
    meta.write_text(meta.read_text("utf-8").replace("source_id: test-mini-05", "source_id: "
                    "test-mini-01"), "utf-8")  # fmt: skip
    (root / "data/sources/test-mini-05.txt").write_text("Another text.\n", "utf-8")
    one, two = read_both_ways(root, monkeypatch)
    assert isinstance(one, str) and one == two
    assert "differs from the file name" in one
