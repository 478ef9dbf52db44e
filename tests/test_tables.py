"""Tables: `newsbrief export` writes exactly the contract's tables; `load()` returns the same."""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analysis import forked, load, tables, validate
from analysis.cli import main
from analysis.tables import COLUMNS
from analysis.validate import read_corpus

MINI = Path(__file__).parent / "fixtures" / "mini"
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["--root", str(MINI), "export", "--out", str(out)]) == 0
    return out


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_export_writes_exactly_the_contract_tables(exported: Path) -> None:
    assert sorted(p.name for p in exported.iterdir()) == sorted(f"{t}.csv" for t in COLUMNS)
    for table, cols in COLUMNS.items():
        with (exported / f"{table}.csv").open(encoding="utf-8") as fh:
            header = next(csv.reader(fh))
        assert tuple(header[: len(cols)]) == cols, table


def test_export_encodes_lists_booleans_dates_and_offsets(exported: Path) -> None:
    events = {r["event_id"]: r for r in read(exported / "events.csv")}
    talks = events["talks_planned"]
    assert talks["actor_ids"] == "latvia;lithuania"
    assert talks["recipient_ids"] == ""
    assert (talks["date_start"], talks["date_end"], talks["date_granularity"]) == (
        "2023-09-01",
        "2023-09-30",
        "month",
    )
    assert talks["cameo_code"] == "036"
    claims = {r["claim_id"]: r for r in read(exported / "claims.csv")}
    denial = claims["lithuania_saw_nothing"]
    assert denial["speaker_named"] == "true"
    assert denial["date_start"] == "" and denial["date_granularity"] == "unknown"
    text = (MINI / "data/sources/test-mini.txt").read_bytes().decode("utf-8")
    for row in [*events.values(), *claims.values()]:
        start_key = "evidence_start" if "evidence_start" in row else "quote_start"
        quote_key = "evidence_quote" if "evidence_quote" in row else "quote"
        start, end = int(row[start_key]), int(row[start_key.replace("start", "end")])
        assert text[start:end] == row[quote_key]
    (source,) = read(exported / "sources.csv")
    assert source["n_chars"] == str(len(text))


def test_parquet_has_the_same_columns_and_rows(exported: Path, tmp_path: Path) -> None:
    assert main(["--root", str(MINI), "export", "--out", str(tmp_path), "--format", "parquet"]) == 0
    for table in COLUMNS:
        from_csv = pd.read_csv(exported / f"{table}.csv", dtype=str, keep_default_na=False)
        from_parquet = pd.read_parquet(tmp_path / f"{table}.parquet")
        assert list(from_parquet.columns) == list(from_csv.columns)
        assert len(from_parquet) == len(from_csv)


def test_load_returns_the_exported_tables(exported: Path) -> None:
    data = load(MINI)
    for table, df in data.tables().items():
        rows = read(exported / f"{table}.csv")
        assert len(df) == len(rows)
        assert list(df.columns) == list(rows[0].keys()) if rows else True
    assert data.events["evidence_start"].dtype == "Int64"
    assert data.claims["speaker_named"].dtype == bool


def test_export_of_invalid_data_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(MINI, root)
    ann = root / "data/annotations/test-mini.yaml"
    ann.write_text(
        ann.read_text(encoding="utf-8").replace(
            'intercepted a drone over Riga"', 'downed a drone over Riga"'
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["--root", str(root), "export", "--out", str(out)]) == 2
    assert not out.exists() or not any(out.iterdir())


def test_load_can_keep_to_some_sources() -> None:
    data = load(MINI, sources=["test-mini"])
    assert len(data.events) == 2
    with pytest.raises(Exception, match="unknown source id"):
        load(MINI, sources=["nope"])


@pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")
@pytest.mark.parametrize("helper_fails", [False, True])
@pytest.mark.parametrize("include_drafts", [False, True])
def test_an_events_table_built_in_two_halves_is_the_same_table(
    monkeypatch: pytest.MonkeyPatch, helper_fails: bool, include_drafts: bool
) -> None:
    corpus = read_corpus(REPO)
    whole = tables.dataset(corpus, include_drafts=include_drafts)
    monkeypatch.setattr(tables, "SPLIT_MIN_EVENTS", 2)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    if helper_fails:
        parent, real = os.getpid(), tables._events_table

        def dies_in_the_helper(events: object, **options: bool) -> pd.DataFrame:
            if os.getpid() != parent:
                os._exit(9)
            return real(events, **options)  # type: ignore[arg-type]

        monkeypatch.setattr(tables, "_events_table", dies_in_the_helper)
    halves = tables.dataset(corpus, include_drafts=include_drafts)
    assert len(halves.events) == len(corpus.events) > 2
    for name, df in whole.tables().items():
        pd.testing.assert_frame_equal(df, halves.tables()[name], check_exact=True)


@pytest.mark.skipif(not forked.available(), reason="fork-based helpers are Linux-only")
@pytest.mark.parametrize("drafted", [False, True])
@pytest.mark.parametrize("include_drafts", [False, True])
def test_load_of_a_corpus_read_by_two_processes_gives_the_same_tables(
    many_sources: Callable[[], Path],
    monkeypatch: pytest.MonkeyPatch,
    include_drafts: bool,
    drafted: bool,
) -> None:
    root = many_sources()
    if drafted:  # drafts in both halves: the helper leaves its own out of its table too
        for name in ("test-mini-00", "test-mini-05"):
            path = root / f"data/annotations/{name}.yaml"
            planned = "    summary: Latvia and Lithuania plan talks"
            text = path.read_text("utf-8").replace(planned, "    draft: true\n" + planned)
            path.write_text(text, "utf-8")
    one = tables.dataset(read_corpus(root), include_drafts=include_drafts)
    monkeypatch.setattr(validate, "SPLIT_MIN_BYTES", 0)
    monkeypatch.setattr(forked, "cores", lambda: 2)
    helped: list[object] = []
    real = validate.read_corpus_and_table

    def spy(*args: object, **kwargs: object) -> object:
        corpus, rest = real(*args, **kwargs)  # type: ignore[arg-type]
        helped.append(rest)
        return corpus, rest

    monkeypatch.setattr(tables, "read_corpus_and_table", spy)
    two = load(root, include_drafts=include_drafts)
    assert isinstance(helped[0], pd.DataFrame), "the helper should have sent a table"
    assert len(one.events) == 14 - (0 if include_drafts or not drafted else 2)
    for name, df in one.tables().items():
        pd.testing.assert_frame_equal(df, two.tables()[name], check_exact=True)
