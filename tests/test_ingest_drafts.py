"""Drafts: the YAML ingest writes, and the validator's rules for draft records and proposals."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis import load
from analysis.annotations import read_yaml
from analysis.errors import ValidationError
from analysis.ingest.drafts import q
from analysis.validate import validate_project

MINI = Path(__file__).parent / "fixtures" / "mini"
ANN = "data/annotations/test-mini.yaml"
META = "data/sources/test-mini.yaml"
TALKS = '    quote: "Latvia and Lithuania will hold talks in Riga this month"\n'


@pytest.mark.parametrize(
    "value",
    [
        'He said: "no", then left',
        "tab\there",
        "line\nbreak",
        "# not a comment",
        "- dash",
        "yes",
        "2023-09-04",
        "\u201ctypographic\u201d \u2019quotes\u2019",
        "bell \x07 and \x85",
        "emoji \U0001f600",
        "backslash \\ end",
    ],
)
def test_quoted_strings_read_back_unchanged(tmp_path: Path, value: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(f"value: {q(value)}\n", encoding="utf-8")
    assert read_yaml(path)["value"] == value


def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(MINI, root)
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_draft_records_validate_and_are_left_out_of_the_tables(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, ANN, TALKS, TALKS + "    draft: true\n    confidence: 0.4\n")
    validate_project(root)
    assert "talks_planned" not in set(load(root).events["event_id"])
    events = load(root, include_drafts=True).events.set_index("event_id")
    assert bool(events.loc["talks_planned", "draft"]) is True
    assert events.loc["talks_planned", "confidence"] == 0.4
    assert bool(events.loc["drone_intercepted", "draft"]) is False


def test_a_reviewed_claim_cannot_be_about_a_draft_event(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(
        root,
        ANN,
        '    quote: "it intercepted a drone over Riga"\n',
        '    quote: "it intercepted a drone over Riga"\n    draft: true\n',
    )
    with pytest.raises(
        ValidationError,
        match=r"about: event 'drone_intercepted' is still a "
        r"draft .*review it too",
    ):
        validate_project(root)


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (
            '    quote: "it intercepted a drone over Riga"\n',
            '    quote: "it intercepted a drone over Riga"\n    confidence: 1.5\n',
            "confidence",
            "out of range",
        ),
        (
            '    quote: "it intercepted a drone over Riga"\n',
            '    quote: "it intercepted a drone over Riga"\n    draft: "yes please"\n',
            "draft",
            "expected true or false",
        ),
        (
            "events:\n",
            "proposed_actors:\n  - id: new_guy\n    name: New Guy\n    kind: person\n"
            "    sector: GOV\n    draft: true\nevents:\n",
            "country",
            "required field",
        ),
        (
            "events:\n",
            "proposed_actors:\n  - id: new_guy\n    name: New Guy\n    kind: person\n"
            "    country: LVA\n    sector: GOV\nevents:\n",
            "draft",
            "move it to",
        ),
    ],
)
def test_draft_fields_and_proposals_are_checked(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    root = project(tmp_path)
    edit(root, ANN, old, new)
    with pytest.raises(ValidationError) as err:
        validate_project(root)
    assert any(p.field == field and words in p.message for p in err.value.problems), str(err.value)


def test_a_proposed_actor_can_be_used_by_drafts_only(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(
        root,
        ANN,
        "events:\n",
        "proposed_actors:\n  - id: new_guy\n    name: New Guy\n"
        "    kind: person\n    country: LVA\n    sector: GOV\n"
        "    draft: true\nevents:\n",
    )
    edit(root, ANN, "    actors: [latvia, lithuania]\n", "    actors: [new_guy]\n")
    with pytest.raises(ValidationError, match="actor 'new_guy' is still a draft"):
        validate_project(root)
    edit(root, ANN, TALKS, TALKS + "    draft: true\n")
    validate_project(root)
    assert "new_guy" not in set(load(root).actors["actor_id"])
    assert "new_guy" in set(load(root, include_drafts=True).actors["actor_id"])


@pytest.mark.parametrize(
    ("spans", "words"),
    [
        ("[{start: 0, end: 100000, kind: boilerplate}]", "out of range"),
        ("[{start: 5, end: 5, kind: headline}]", "not after start"),
        ("[{start: 0, end: 4}]", "required field"),
    ],
)
def test_non_body_spans_must_lie_within_the_text(tmp_path: Path, spans: str, words: str) -> None:
    root = project(tmp_path)
    edit(root, META, 'url: ""\n', f'url: ""\nnon_body: {spans}\n')
    with pytest.raises(ValidationError, match=words):
        validate_project(root)


def test_valid_non_body_spans_pass(tmp_path: Path) -> None:
    root = project(tmp_path)
    edit(root, META, 'url: ""\n', 'url: ""\nnon_body: [{start: 0, end: 4, kind: headline}]\n')
    validate_project(root)
