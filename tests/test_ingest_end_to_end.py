"""End to end: ingest a second source next to the seed, validate, review, load both sources."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis import load
from analysis.annotations import read_yaml
from analysis.cli import main
from analysis.errors import ValidationError
from analysis.ingest import IngestError, ingest
from analysis.validate import validate_project

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "second_source"
SEED = "wapo-2023-09-05-kim-putin-arms"
META = yaml.safe_load((FIXTURE / "metadata.yaml").read_text(encoding="utf-8"))
SECOND = META["source_id"]


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


def cli_ingest(root: Path) -> int:
    return main(
        [
            "--root",
            str(root),
            "ingest",
            str(FIXTURE / "article.txt"),
            "--published",
            str(META["published"]),
            "--publisher",
            META["publisher"],
            "--title",
            META["title"],
            "--url",
            META["url"],
            "--source-id",
            SECOND,
        ]
    )


def accept_all(root: Path, source_id: str) -> None:
    """What a reviewer does, done blindly for the test: drafts accepted, proposals registered."""
    ann = root / "data/annotations" / f"{source_id}.yaml"
    doc: dict[str, Any] = yaml.safe_load(ann.read_text(encoding="utf-8"))
    for key, registry, field in (
        ("proposed_actors", "actors.yaml", "actors"),
        ("proposed_places", "places.yaml", "places"),
    ):
        proposals = doc.pop(key, None) or []
        if proposals:
            path = root / "data/registry" / registry
            reg = yaml.safe_load(path.read_text(encoding="utf-8"))
            reg[field] += [
                {k: v for k, v in p.items() if k not in ("draft", "confidence")} for p in proposals
            ]
            path.write_text(yaml.safe_dump(reg, allow_unicode=True, sort_keys=False), "utf-8")
    for key in ("events", "claims", "positions"):
        for rec in doc.get(key) or []:
            rec.pop("draft", None)
    ann.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("e2e"))
    assert cli_ingest(root) == 0
    return root


def test_the_text_is_stored_byte_for_byte_with_its_metadata(ingested: Path) -> None:
    stored = ingested / "data/sources" / f"{SECOND}.txt"
    assert stored.read_bytes() == (FIXTURE / "article.txt").read_bytes()
    meta = read_yaml(ingested / "data/sources" / f"{SECOND}.yaml")
    assert (meta["publisher"], meta["url"], meta["published_at"]) == (
        META["publisher"],
        META["url"],
        str(META["published"]),
    )
    text = stored.read_text(encoding="utf-8")
    kinds = [(span["kind"], text[span["start"] : span["end"]]) for span in meta["non_body"]]
    assert kinds[0] == ("headline", META["title"])
    assert [k for k, _ in kinds] == [
        "headline",
        "caption",
        "credit",
        "contributors",
        "boilerplate",
        "boilerplate",
        "boilerplate",
    ]


def test_every_drafted_record_is_marked_and_the_drafts_validate(ingested: Path) -> None:
    doc = read_yaml(ingested / "data/annotations" / f"{SECOND}.yaml")
    records = [*doc["events"], *doc["claims"]]
    assert len(doc["events"]) >= 3 and len(doc["claims"]) >= 5
    assert all(r["draft"] is True and 0.0 <= r["confidence"] <= 1.0 for r in records)
    assert {a["id"] for a in doc["proposed_actors"]} >= {"olaf_scholz", "germany"}
    assert all(a["draft"] is True for a in doc["proposed_actors"] + doc["proposed_places"])
    report = validate_project(ingested)
    assert report.counts()["sources"] == 2


def test_reports_leave_drafts_out_until_they_are_included(ingested: Path) -> None:
    data = load(ingested)
    assert set(data.sources["source_id"]) == {SEED, SECOND}
    assert set(data.events["source_id"]) == {SEED}
    assert not data.events["draft"].any()
    assert "olaf_scholz" not in set(data.actors["actor_id"])
    drafts = load(ingested, include_drafts=True)
    second = drafts.events[drafts.events["source_id"] == SECOND]
    assert len(second) >= 3 and second["draft"].all()
    assert second["confidence"].between(0, 1).all()
    assert "olaf_scholz" in set(drafts.actors["actor_id"])


def test_a_reviewed_record_cannot_rest_on_a_proposed_actor(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert cli_ingest(root) == 0
    ann = root / "data/annotations" / f"{SECOND}.yaml"
    ann.write_text(
        ann.read_text(encoding="utf-8").replace(
            "    draft: true\n    confidence", "    confidence"
        ),
        "utf-8",
    )
    with pytest.raises(
        ValidationError,
        match=r"actor 'olaf_scholz' is still a draft .*move it "
        r"to data/registry/actors.yaml",
    ):
        validate_project(root)


def test_after_review_both_sources_load_side_by_side(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    assert cli_ingest(root) == 0
    accept_all(root, SECOND)
    validate_project(root)
    both = load(root, sources=[SEED, SECOND])
    assert set(both.events["source_id"]) == {SEED, SECOND}
    assert not both.events["draft"].any()
    # the registry is shared: the same actor ids carry claims of both sources
    speakers = both.claims.groupby("source_id")["speaker_id"].apply(set)
    assert "dmytro_kuleba" in speakers[SEED] & speakers[SECOND]
    only = load(root, sources=[SECOND])
    assert set(only.claims["source_id"]) == {SECOND}
    assert set(only.texts) == {SECOND}


def test_the_same_text_is_not_ingested_twice(ingested: Path) -> None:
    with pytest.raises(IngestError, match="already stored as source"):
        ingest(FIXTURE / "article.txt", "2023-09-12", root=ingested)


def test_a_text_with_a_byte_order_mark_is_refused(
    tmp_path: Path, ingested: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfRussia said so.")
    assert main(["--root", str(ingested), "ingest", str(bom), "--published", "2023-09-12"]) == 2
    assert "byte-order mark" in capsys.readouterr().err


def test_the_cli_prints_what_it_wrote_and_how_to_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    assert cli_ingest(root) == 0
    out = capsys.readouterr().out
    assert f"ingested {SECOND}:" in out
    assert f"ingested {SECOND}:" in out and "`newsbrief review SOURCE_ID` lists the drafts" in out


# A fictional test text, written for this test (not taken from any publication).
PASTED = """Ministers trade warnings over grain corridor

This is a fictional test text written for newsbrief's tests.

Ukrainian Foreign Minister Dmytro Kuleba said on Monday that Russian drones hit grain silos in \
Odesa overnight. "The silos were empty, but the message was clear," Kuleba told reporters.

The Russian Defense Ministry said its forces struck military targets near the port. Turkey \
offered to host new talks on grain exports, according to the Turkish Foreign Ministry.
"""


def test_a_text_pasted_three_times_pins_its_quotes_by_occurrence(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    once, thrice = tmp_path / "once.txt", tmp_path / "thrice.txt"
    once.write_text(PASTED, encoding="utf-8")
    thrice.write_text("\n\n".join([PASTED] * 3), encoding="utf-8")
    single = ingest(once, "2024-03-05", "Test Wire", root=root)
    tripled = ingest(thrice, "2024-03-05", "Test Wire", root=root)
    docs = [read_yaml(r.annotation_path) for r in (single, tripled)]
    records = [[*doc["events"], *doc["claims"]] for doc in docs]
    assert records[0] and len(records[1]) >= 2 * len(records[0])
    # quotes are not lengthened to be unique: none is longer than the longest of the text once
    longest = max(len(r["quote"]) for r in records[0])
    assert max(len(r["quote"]) for r in records[1]) <= longest
    assert all("occurrence" not in r for r in records[0])
    assert {r.get("occurrence") for r in records[1]} == {1, 2, 3}
    validate_project(root)
    # the offsets exported are those of the occurrence the record names
    data = load(root, include_drafts=True)
    text = thrice.read_text(encoding="utf-8")
    copy = len(PASTED) + 2
    tables = [
        data.events[data.events["source_id"] == tripled.source_id].set_index("event_id"),
        data.claims[data.claims["source_id"] == tripled.source_id].set_index("claim_id"),
    ]
    for rec in records[1]:
        table = tables[0] if rec in docs[1]["events"] else tables[1]
        start_col = "evidence_start" if table is tables[0] else "quote_start"
        start = int(table.loc[rec["id"], start_col])
        assert start // copy == rec.get("occurrence", 1) - 1
        assert text[start:].startswith(rec["quote"][:20])


def test_the_same_text_twice_in_one_run_is_refused_before_anything_is_written(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from analysis.ingest import IngestItem, ingest_many

    root = copy_project(tmp_path)
    copy = tmp_path / "copy.txt"
    shutil.copy(FIXTURE / "article.txt", copy)
    day = dt.date(2023, 9, 12)
    items = [IngestItem(FIXTURE / "article.txt", day), IngestItem(copy, day)]
    before = sorted((root / "data").rglob("*"))
    with pytest.raises(IngestError, match=r"the same text as .*article\.txt, read in this run"):
        ingest_many(items, root)
    assert sorted((root / "data").rglob("*")) == before
