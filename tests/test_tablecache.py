"""The table cache: validated tables reused only while every data file is byte-identical."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import load, tablecache
from analysis.errors import ValidationError

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSBRIEF_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "project"
    shutil.copytree(MINI, root)
    return root


def forbid_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(root: Path | None = None, **_: object) -> None:
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr("analysis.tables.read_corpus_and_table", refuse)


def test_unchanged_data_is_loaded_from_the_cache_with_the_same_tables(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = load(project)
    assert len(list(tablecache.folder().glob("*.pickle"))) == 1
    forbid_validation(monkeypatch)
    second = load(project)
    for name, df in first.tables().items():
        pd.testing.assert_frame_equal(second.tables()[name], df)
    assert second.version == first.version and second.texts == first.texts
    assert len(load(project, sources=["test-mini"]).events) == 2  # filters apply after


def test_any_edit_under_data_is_validated_again(project: Path) -> None:
    load(project)
    ann = project / "data/annotations/test-mini.yaml"
    text = ann.read_text(encoding="utf-8")
    ann.write_text(
        text.replace(
            "Latvia intercepted a drone over Riga.", "Latvia says it intercepted a drone."
        ),
        encoding="utf-8",
    )
    assert "Latvia says it intercepted a drone." in set(load(project).events["summary"])
    ann.write_text(
        text.replace('"it intercepted a drone over Riga"', '"it downed a drone"'), encoding="utf-8"
    )
    with pytest.raises(ValidationError, match="quote not found"):
        load(project)


def test_a_damaged_entry_is_ignored_and_rewritten(project: Path) -> None:
    expected = load(project)
    (entry,) = tablecache.folder().glob("*.pickle")
    entry.write_bytes(entry.read_bytes()[:100])
    again = load(project)
    pd.testing.assert_frame_equal(again.events, expected.events)
    assert entry.stat().st_size > 100


def test_reading_data_writes_nothing_into_the_project(project: Path) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    load(project)
    load(project, include_drafts=True)
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before
    assert len(list(tablecache.folder().glob("*.pickle"))) == 2  # drafts: another key
