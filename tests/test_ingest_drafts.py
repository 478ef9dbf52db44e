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
            "    country: LAT\n    sector: GOV\n    draft: true\nevents:\n",
            "country",
            "not an ISO 3166-1 alpha-3 code",
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


# --- a quote that occurs more than once: `occurrence` says which one --------------------------

RIGA = '    quote: "Riga"\n'


def line_of(root: Path, rel: str, needle: str) -> int:
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.startswith(needle))


@pytest.mark.parametrize("occurrence", [1, 2])
def test_the_offsets_come_from_the_chosen_occurrence(tmp_path: Path, occurrence: int) -> None:
    root = project(tmp_path)
    edit(root, ANN, TALKS, RIGA + f"    occurrence: {occurrence}\n")
    validate_project(root)
    text = (root / "data/sources/test-mini.txt").read_text(encoding="utf-8")
    first = text.index("Riga")
    at = first if occurrence == 1 else text.index("Riga", first + 1)
    event = load(root).events.set_index("event_id").loc["talks_planned"]
    assert (event["evidence_quote"], event["evidence_start"], event["evidence_end"]) == (
        "Riga",
        at,
        at + 4,
    )
    assert "occurrence" not in load(root).events.columns  # the contract's columns, unchanged


@pytest.mark.parametrize(
    ("old", "new", "field", "words"),
    [
        (TALKS, RIGA, "quote", "lengthen it until it is unique, or add `occurrence: N` (1 to 2)"),
        (TALKS, RIGA + "    occurrence: 3\n", "occurrence", "expected a whole number from 1 to 2"),
        (TALKS, RIGA + "    occurrence: 0\n", "occurrence", "it occurs 2 times"),
        (TALKS, RIGA + "    occurrence: two\n", "occurrence", "'two' is not an occurrence"),
        (TALKS, TALKS + "    occurrence: 1\n", "occurrence", "the quote occurs once"),
    ],
)
def test_a_missing_or_wrong_occurrence_is_reported_at_its_line(
    tmp_path: Path, old: str, new: str, field: str, words: str
) -> None:
    root = project(tmp_path)
    edit(root, ANN, old, new)
    with pytest.raises(ValidationError) as err:
        validate_project(root)
    line = line_of(root, ANN, RIGA.rstrip("\n") if field == "quote" else f"    {field}:")
    wanted = f"{ANN}:{line}: {field}: "
    assert any(str(p).startswith(wanted) and words in p.message for p in err.value.problems), str(
        err.value
    )


def test_every_date_of_a_drafted_sentence_is_noted_above_its_record() -> None:
    """The reviewer sees each date expression of the sentence resolved, or why it is not;
    the note stands above the record, so it goes with the record when review deletes it."""
    import datetime as dt

    from analysis.ingest import analyse
    from analysis.ingest.drafts import annotation_yaml
    from analysis.ingest.lexicon import load_lexicon

    # A fictional test text, written for this test.
    text = (
        "Talks planned\n\n"
        "Ukraine said on Monday that the ministers would meet in August and again in the "
        "coming days.\n"
    )
    lexicon = load_lexicon(Path(__file__).resolve().parents[1])
    draft = analyse(text, published=dt.date(2024, 6, 12), lexicon=lexicon, source_id="t-1")
    lines = annotation_yaml(draft).splitlines()
    notes = [i for i, line in enumerate(lines) if line.startswith("  # dates in the sentence:")]
    assert notes, "no date note written"
    for i in notes:
        note = lines[i]
        assert "'on Monday' = 2024-06-10 (day)" in note
        assert "'in August' = 2024-08-01 (month)" in note
        assert "'in the coming days': unknown (" in note  # with its reason
        after = next(line for line in lines[i + 1 :] if not line.startswith("  #"))
        assert after.startswith("  - id: t-1-")


@pytest.mark.parametrize(
    ("source_id", "language"),
    [("2023", "no"), ("0x1f", "1e5"), ("1_000", "fr\nkind: injected"), ("true", "en # x")],
)
def test_source_ids_and_languages_that_yaml_would_misread_are_quoted(
    tmp_path: Path, source_id: str, language: str
) -> None:
    import datetime as dt

    from analysis.ingest.drafts import Draft, annotation_yaml, source_yaml

    meta = tmp_path / "meta.yaml"
    meta.write_text(
        source_yaml(
            source_id=source_id,
            publisher="P",
            title="T",
            published=dt.date(2024, 1, 2),
            language=language,
            url="",
            text_file=f"{source_id}.txt",
            sha256="0" * 64,
            non_body=[],
        ),
        encoding="utf-8",
    )
    doc = read_yaml(meta)
    assert (doc["source_id"], doc["language"], doc["text_file"]) == (
        source_id,
        language,
        f"{source_id}.txt",
    )
    ann = tmp_path / "ann.yaml"
    ann.write_text(annotation_yaml(Draft(source_id, "T", [])), encoding="utf-8")
    assert read_yaml(ann)["source_id"] == source_id


def test_a_date_note_of_hostile_text_stays_one_comment_line(tmp_path: Path) -> None:
    from analysis.ingest.drafts import Draft, annotation_yaml

    draft = Draft("t-1", "T", [])
    draft.events.append({"id": "t-1-e01", "quote": "a\\b \u2028 \U0001f600", "draft": True})
    draft.evidence["t-1-e01"] = "x\ny: 1"
    draft.notes["t-1-e01"] = "dates in the sentence: 'on\nMonday\u2028\x85\x07\ufeff: 1' = x"
    path = tmp_path / "ann.yaml"
    path.write_text(annotation_yaml(draft), encoding="utf-8")
    events = read_yaml(path)["events"]
    assert [dict(e) for e in events] == [
        {"id": "t-1-e01", "quote": "a\\b \u2028 \U0001f600", "draft": True}
    ]
