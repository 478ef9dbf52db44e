"""`newsbrief review` and the drafts `newsbrief validate` lists, on a text ingested for the test."""

from __future__ import annotations

import difflib
import re
import shutil
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis import review as review_module
from analysis.cli import main
from analysis.errors import Problem, ValidationError
from analysis.quotes import IndexedText
from analysis.validate import validate_project

ROOT = Path(__file__).resolve().parents[1]
SID = "nw-2024-03-10-cable"
# A FICTIONAL test text, written for this test in wire style: the people and quotes are invented.
TEXT = """\
Finland reports cable damage in the Gulf of Finland

HELSINKI (Northgate Wire) — Finland's coast guard said Sunday that an undersea data cable near \
the port of Kotka was damaged overnight, and Finnish Foreign Minister Aino Lehtola blamed a \
Russian-flagged tanker.

"We will not accept sabotage of our infrastructure," Lehtola told reporters in Helsinki. She \
said Finland would summon the Russian ambassador on Monday.

Russia's Foreign Ministry denied any involvement, according to the state news agency Tass.

Ukrainian President Volodymyr Zelenskyy said the damage showed that Russia threatens all of \
Europe.
"""
ANNOTATIONS = f"data/annotations/{SID}.yaml"
EDITED = (ANNOTATIONS, "data/registry/actors.yaml", "data/registry/places.yaml")


def files(root: Path, *names: str) -> dict[str, bytes]:
    """Every file under the given names (files or folders), by relative path."""
    out = {}
    for name in names:
        path = root / name
        for f in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
            out[f.relative_to(root).as_posix()] = f.read_bytes()
    return out


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's data with TEXT ingested through the CLI, as a user would."""
    root = tmp_path_factory.mktemp("review") / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    article = root.parent / "cable.txt"
    article.write_text(TEXT, encoding="utf-8")
    args = ["--root", str(root), "ingest", str(article), "--published", "2024-03-10"]
    assert main([*args, "--publisher", "Northgate Wire", "--source-id", SID]) == 0
    return root


@pytest.fixture
def project(ingested: Path, tmp_path: Path) -> Path:
    """A fresh copy of the ingested project for a test that edits it."""
    root = tmp_path / "project"
    shutil.copytree(ingested, root)
    return root


def drafts(root: Path) -> dict[str, Any]:
    return yaml.safe_load((root / ANNOTATIONS).read_text(encoding="utf-8"))


def run(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--root", str(root), *args])
    out, err = capsys.readouterr()
    return status, out, err


def records(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for key in ("events", "claims", "positions") for r in doc.get(key) or []]


def test_validate_lists_the_pending_drafts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = drafts(project)
    status, out, _ = run(project, capsys, "validate")
    assert status == 0
    ok, line = out.splitlines()[:2]
    assert ok.startswith("ok: ")
    counts = [
        (len(doc.get("events") or []), "event"),
        (len(doc.get("claims") or []), "claim"),
        (len(doc.get("proposed_actors") or []), "proposed actor"),
        (len(doc.get("proposed_places") or []), "proposed place"),
    ]
    what = ", ".join(f"{n} {noun}{'s' if n != 1 else ''}" for n, noun in counts if n)
    assert line == f"drafts pending review: {SID}: {what} (newsbrief review {SID})"


def test_validate_says_nothing_of_drafts_once_all_are_rejected(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = files(project, "data/registry")
    status, out, err = run(project, capsys, "review", SID, "--reject-all")
    assert status == 0, err
    doc = drafts(project)
    assert not records(doc) and not doc.get("proposed_actors") and not doc.get("proposed_places")
    assert files(project, "data/registry") == registry  # nothing accepted, nothing moved
    status, out, _ = run(project, capsys, "validate")
    assert status == 0 and "drafts pending" not in out
    assert len(out.splitlines()) == 1 and out.startswith("ok: sources 2, ")


def test_the_listing_names_ids_confidence_and_quotes_at_their_offsets(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "240")  # a wide terminal still gets lines of 100 at most
    doc = drafts(project)
    text = (project / f"data/sources/{SID}.txt").read_text(encoding="utf-8")
    status, out, _ = run(project, capsys, "review", SID)
    assert status == 0
    assert max(len(line) for line in out.splitlines()) <= 100
    index = IndexedText.of(text)
    starts = []
    for rec in records(doc):
        block = out[out.index(f"{rec['id']}  ") :].split("\n\n")[0]
        assert f"confidence {rec['confidence']:.2f}" in block.splitlines()[0]
        (start, end), *_ = index.find_all(rec["quote"])
        quoted = re.search(r"quote (\d+)-(\d+): “(.*)”?$", block, re.M)
        assert quoted is not None, block
        assert (int(quoted[1]), int(quoted[2])) == (start, end)
        shown = quoted[3].rstrip("…”")
        assert " ".join(text[start:end].split()).startswith(shown)
        starts.append((out.index(f"{rec['id']}  "), start))
    assert [s for _, s in sorted(starts)] == sorted(s for _, s in starts)  # text order
    for proposal in doc.get("proposed_actors") or []:
        assert f"{proposal['id']}  proposed actor" in out and proposal["name"] in out


def test_the_least_confident_come_first_when_asked(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(project, capsys, "review", SID, "--sort", "confidence")
    assert status == 0
    shown = [float(c) for c in re.findall(r"^\S+  \w+  confidence (\d\.\d\d)$", out, re.M)]
    assert len(shown) == len(records(drafts(project))) and shown == sorted(shown)


def test_accept_and_reject_edit_the_yaml_in_place(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = drafts(project)
    proposed = {a["id"]: a for a in doc.get("proposed_actors") or []}
    person = next(
        c
        for c in doc["claims"]
        if proposed.get(c["speaker"], {}).get("kind") == "person" and not c.get("about")
    )
    other = next(r for r in records(doc) if r["id"] != person["id"] and not r.get("about"))
    kind = "event" if other in (doc.get("events") or []) else "claim"
    before = files(project, "data")
    (project / ANNOTATIONS).chmod(0o640)

    status, out, err = run(
        project, capsys, "review", SID, "--accept", person["id"], "--reject", other["id"]
    )
    assert status == 0, err
    registry = f"moved proposed actor {person['speaker']} to data/registry/actors.yaml"
    assert registry in out and f"rejected {kind} {other['id']}: deleted" in out
    assert re.search(r"^ok: sources 2, ", out, re.M)  # validated after the edit

    after_text = (project / ANNOTATIONS).read_text(encoding="utf-8")
    old_text = before[ANNOTATIONS].decode("utf-8")
    assert after_text.startswith(old_text.split("source_id:")[0])  # the header comments
    matcher = difflib.SequenceMatcher(
        a=old_text.splitlines(), b=after_text.splitlines(), autojunk=False
    )
    for tag, _, _, j1, j2 in matcher.get_opcodes():  # lines removed, none rewritten
        assert tag in ("equal", "delete") or all(
            re.fullmatch(r"\w+: \[\]", line) for line in after_text.splitlines()[j1:j2]
        ), tag
    after = drafts(project)
    by_id = {r["id"]: r for r in records(after)}
    assert other["id"] not in by_id
    assert "draft" not in by_id[person["id"]]
    assert by_id[person["id"]]["confidence"] == person["confidence"]
    assert person["speaker"] not in {a["id"] for a in after.get("proposed_actors") or []}
    actors = yaml.safe_load((project / "data/registry/actors.yaml").read_text(encoding="utf-8"))
    moved = next(a for a in actors["actors"] if a["id"] == person["speaker"])
    assert "draft" not in moved and moved["name"] == proposed[person["speaker"]]["name"]
    old_registry = before["data/registry/actors.yaml"].decode("utf-8")
    new_registry = (project / "data/registry/actors.yaml").read_text(encoding="utf-8")
    assert new_registry.startswith(old_registry)  # comments and all: only appended to

    assert stat.S_IMODE((project / ANNOTATIONS).stat().st_mode) == 0o640
    validate_project(project)
    now = files(project, "data")  # the seed, every source text and metadata: byte for byte
    assert {k: v for k, v in now.items() if k not in EDITED} == {
        k: v for k, v in before.items() if k not in EDITED
    }


def test_an_unknown_id_exits_2_and_lists_the_drafts(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = files(project, "data")
    first = records(drafts(project))[0]["id"]
    status, _, err = run(project, capsys, "review", SID, "--accept", "c99", "--reject", "e1")
    assert status == 2
    assert "unknown draft id 'c99'" in err and "unknown draft id 'e1'" in err
    assert f"The drafts of {SID} are: " in err and first.removeprefix(f"{SID}-") in err
    status, _, err = run(project, capsys, "review", SID[:-1])
    assert status == 2 and f"did you mean {SID!r}" in err
    assert files(project, "data") == before


def linked(root: Path) -> tuple[str, str]:
    """A draft claim `about` a draft event: the ingest's, or one made by adding the line."""
    doc = drafts(root)
    for claim in doc["claims"]:
        if claim.get("about"):
            return claim["id"], claim["about"]
    assert doc.get("events"), "the text reports events: the ingest should draft some"
    claim, event = doc["claims"][0]["id"], doc["events"][0]["id"]
    path = root / ANNOTATIONS
    text = path.read_text(encoding="utf-8")
    at = text.index(f"  - id: {claim}\n") + len(f"  - id: {claim}\n")
    path.write_text(text[:at] + f"    about: {event}\n" + text[at:], encoding="utf-8")
    return claim, event


def test_a_record_about_a_draft_event_is_not_accepted_alone(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claim, event = linked(project)
    before = files(project, "data")
    status, _, err = run(project, capsys, "review", SID, "--accept", claim)
    assert status == 2 and "accept both" in err and event in err
    assert files(project, "data") == before


def test_rejecting_an_event_unlinks_the_claims_about_it(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claim, event = linked(project)
    status, out, err = run(project, capsys, "review", SID, "--reject", event)
    assert status == 0, err
    assert f"unlinked {claim}: about {event} (rejected)" in out
    by_id = {r["id"]: r for r in records(drafts(project))}
    assert event not in by_id and "about" not in by_id[claim] and by_id[claim]["draft"] is True


def test_an_edit_that_would_not_validate_is_refused_and_undone(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever the reason the edited data fails, every file is put back as it was."""
    seen: list[dict[str, bytes]] = []

    def failing(root: Path) -> None:
        seen.append(files(root, "data"))  # the edit was written when validation ran
        raise ValidationError([Problem(ANNOTATIONS, 1, "id", "made up for the test")])

    monkeypatch.setattr(review_module, "validate_project", failing)
    before = files(project, "data")
    first = records(drafts(project))[0]["id"]
    status, _, err = run(project, capsys, "review", SID, "--reject", first)
    assert status == 2
    assert "refused" in err and "made up for the test" in err
    assert seen and seen[0] != before
    assert files(project, "data") == before


def unready(doc: dict[str, Any]) -> set[str]:
    """Proposed actors the ingest could give no country: not registry records yet."""
    return {
        a["id"]
        for a in doc.get("proposed_actors") or []
        if a["kind"] in ("person", "state", "organization", "media") and not a.get("country")
    }


def test_accept_all_leaves_nothing_pending(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = drafts(project)
    lacking = unready(doc)
    reject = {
        r["id"]
        for r in records(doc)
        if lacking
        & {r.get("speaker"), r.get("via"), *r.get("actors", []), *r.get("recipients", [])}
    }
    reject.add(records(doc)[-1]["id"])
    status, out, err = run(project, capsys, "review", SID, "--reject", *reject, "--accept-all")
    assert status == 0, err
    assert "drafts pending" not in out
    after = drafts(project)
    assert not any(r.get("draft") for r in records(after))
    assert not (after.get("proposed_actors") or after.get("proposed_places"))
    status, out, _ = run(project, capsys, "review")
    assert out.strip() == "no drafts pending review"
    status, out, _ = run(project, capsys, "review", SID)
    assert "no drafts left to review" in out


def test_a_proposal_without_its_country_is_not_moved(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An ingest may propose a person without a country; the registry needs one."""
    doc = drafts(project)
    proposed = {a["id"]: a for a in doc.get("proposed_actors") or []}
    claim = next(c for c in doc["claims"] if proposed.get(c["speaker"], {}).get("kind") == "person")
    path = project / ANNOTATIONS
    text = path.read_text(encoding="utf-8")
    at = text.index(f"  - id: {claim['speaker']}\n")
    block = text[at : text.index("draft: true", at)]
    path.write_text(text.replace(block, re.sub(r"\n +country: \w+", "", block)), "utf-8")
    before = files(project, "data")
    status, out, err = run(project, capsys, "review", SID)
    assert "no country (give one before accepting)" in out
    status, _, err = run(project, capsys, "review", SID, "--accept", claim["id"])
    assert status == 2
    assert f"proposed actor {claim['speaker']}" in err
    assert "country: required field is missing" in err
    assert files(project, "data") == before


def test_a_proposal_of_another_source_moves_from_its_file(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A later ingest points at an earlier draft's proposal; accepting it moves it from there."""
    first = drafts(project)
    people = {a["id"] for a in first.get("proposed_actors") or [] if a["kind"] == "person"}
    article = project.parent / "envoy.txt"
    article.write_text(
        "Finland summons Russian envoy over cable damage\n\n"
        "HELSINKI (Northgate Wire) — Finnish Foreign Minister Aino Lehtola summoned the Russian "
        "ambassador on Monday over the damaged data cable near Kotka.\n\n"
        '"Finland expects a full explanation," Lehtola said after the meeting.\n',
        encoding="utf-8",
    )
    second = "nw-2024-03-11-envoy"
    args = ["ingest", str(article), "--published", "2024-03-11", "--source-id", second]
    assert run(project, capsys, *args, "--publisher", "Northgate Wire")[0] == 0
    doc = yaml.safe_load((project / f"data/annotations/{second}.yaml").read_text("utf-8"))
    claim = next(c for c in doc["claims"] if c["speaker"] in people)
    assert claim["speaker"] not in {a["id"] for a in doc.get("proposed_actors") or []}

    status, out, _ = run(project, capsys, "review", second)
    assert f"proposed in {ANNOTATIONS}: " in out and claim["speaker"] in out
    status, out, err = run(project, capsys, "review", second, "--accept", claim["id"])
    assert status == 0, err
    assert f"moved proposed actor {claim['speaker']} from {ANNOTATIONS} to " in out
    assert claim["speaker"] not in {a["id"] for a in drafts(project).get("proposed_actors") or []}
    validate_project(project)


def test_an_id_given_twice_is_accepted_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`c01` and `<source>-c01` name the same draft: one edit, not a crash."""
    claim = next(c for c in drafts(project)["claims"] if not c.get("about"))
    short = claim["id"].removeprefix(f"{SID}-")
    status, out, err = run(project, capsys, "review", SID, "--accept", short, claim["id"], short)
    assert status == 0, err
    assert out.count(f"accepted claim {claim['id']}") == 1
    assert "draft" not in {r["id"]: r for r in records(drafts(project))}[claim["id"]]


def test_reject_all_keeps_quiet_about_what_an_accepted_record_moves(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = drafts(project)
    proposed = {a["id"] for a in doc.get("proposed_actors") or []}
    claim = next(c for c in doc["claims"] if c["speaker"] in proposed and not c.get("about"))
    status, out, err = run(project, capsys, "review", SID, "--accept", claim["id"], "--reject-all")
    assert status == 0, err
    assert f"moved proposed actor {claim['speaker']} " in out
    assert f"kept proposed actor {claim['speaker']}" not in out  # it moved: not "kept"
    assert [r["id"] for r in records(drafts(project))] == [claim["id"]]
