"""Line edits of hand-written YAML: every byte outside the edit stays, the data is as intended."""

from __future__ import annotations

import difflib
import os
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from analysis.yamledit import Edit, EditError, write_atomic

ROOT = Path(__file__).resolve().parents[1]

RECORDS = """\
# a file with comments everywhere
source_id: demo   # trailing comment

events:
  # evidence: first sentence
  - id: e1
    type: ASSAULT
    note: "a quoted value written
      over two lines"
    draft: true
    confidence: 0.5
  # --- a section rule, not part of the record below ---
  # evidence: second sentence
  - id: e2
    type: CONSULT
    draft: true

claims:
  - id: c1
    contests: [c2, c3]
    draft: true
  - {id: c2, draft: true}
"""


def edit_of(tmp_path: Path, text: str) -> Edit:
    path = tmp_path / "demo.yaml"
    path.write_text(text, encoding="utf-8")
    return Edit.open(path, "demo.yaml")


def opcodes(old: str, new: str) -> set[str]:
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    return {tag for tag, *_ in matcher.get_opcodes()}


def test_drop_key_removes_only_that_line(tmp_path: Path) -> None:
    edit = edit_of(tmp_path, RECORDS)
    assert edit.drop_key("events", "e1", "draft")
    new = edit.text()
    assert new == RECORDS.replace("    draft: true\n    confidence: 0.5", "    confidence: 0.5")
    assert yaml.safe_load(new)["events"][0]["note"] == "a quoted value written over two lines"


def test_drop_item_takes_its_comments_but_not_the_section_rule(tmp_path: Path) -> None:
    edit = edit_of(tmp_path, RECORDS)
    removed = edit.drop_item("events", "e2")
    assert removed[0] == "  # evidence: second sentence\n"
    new = edit.text()
    assert "# --- a section rule, not part of the record below ---" in new
    assert "second sentence" not in new and "id: e2" not in new
    assert opcodes(RECORDS, new) == {"equal", "delete"}


def test_deleting_every_item_leaves_an_empty_list(tmp_path: Path) -> None:
    edit = edit_of(tmp_path, RECORDS)
    edit.drop_item("events", "e1")
    edit.drop_item("events", "e2")
    new = edit.text()
    assert yaml.safe_load(new)["events"] == []
    assert new.startswith("# a file with comments everywhere\nsource_id: demo   # trailing comment")


def test_a_multiline_value_moves_whole(tmp_path: Path) -> None:
    """The registry's places.yaml folds quoted notes over lines: a full round trip would not."""
    places = (ROOT / "data/registry/places.yaml").read_text(encoding="utf-8")
    source = edit_of(tmp_path, RECORDS)
    lines = source.item_lines("events", "e1", without=("draft", "confidence"))
    assert lines[0] == "  - id: e1\n" and not any("draft" in line for line in lines)
    target_path = tmp_path / "places.yaml"
    target_path.write_text(places, encoding="utf-8")
    target = Edit.open(target_path, "places.yaml")
    data = {"id": "e1", "type": "ASSAULT", "note": "a quoted value written over two lines"}
    target.append_item("places", lines, data)
    new = target.text()
    assert new.startswith(places.rstrip("\n"))  # every byte before, comments and folding too
    assert yaml.safe_load(new)["places"][-1] == data


def test_flow_records_are_refused_not_rewritten(tmp_path: Path) -> None:
    edit = edit_of(tmp_path, RECORDS)
    with pytest.raises(EditError, match=r"not on a line of its own.*edit this file by hand"):
        edit.drop_key("claims", "c2", "draft")


def test_flow_list_is_rewritten_on_its_line(tmp_path: Path) -> None:
    edit = edit_of(tmp_path, RECORDS)
    edit.set_flow_list("claims", "c1", "contests", ["c3"])
    new = edit.text()
    assert "    contests: [c3]\n" in new
    assert opcodes(RECORDS, new) == {"equal", "replace"}


def test_atomic_write_keeps_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, b"a: 2\n")
    assert path.read_bytes() == b"a: 2\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]  # no temp file left


@pytest.mark.parametrize(
    ("text", "edit", "why"),
    [
        pytest.param(  # a flow list over two lines: deleting its first line breaks the file
            "claims:\n  - id: a\n    contests: [b,\n    c]\n  - id: b\n  - id: c\n",
            lambda e: e.drop_key("claims", "a", "contests"),
            "the edit would not parse",
            id="flow_list_over_two_lines",
        ),
        pytest.param(  # a merge key copies `draft` into b: deleting it from a changes b too
            "events:\n  - &base\n    id: a\n    draft: true\n  - <<: *base\n    type: X\n",
            lambda e: e.drop_key("events", "a", "draft"),
            "the edit would not give the intended records",
            id="merged_record",
        ),
        pytest.param(  # the project's reader refuses duplicate keys, so the check does too
            "events:\n  - id: a\n",
            lambda e: e.append_item("events", ["- id: b\n", "  x: 1\n", "  x: 2\n"], {"id": "b"}),
            "duplicate key",
            id="duplicate_key",
        ),
    ],
)
def test_an_edit_that_reads_back_wrong_is_refused(
    tmp_path: Path, text: str, edit: Any, why: str
) -> None:
    """Every edit is read back with the project's reader and compared with the intended data."""
    subject = edit_of(tmp_path, text)
    edit(subject)
    with pytest.raises(EditError, match=rf"{why}.*edit this file by hand"):
        subject.text()


def test_crlf_lines_stay_crlf(tmp_path: Path) -> None:
    crlf = RECORDS.replace("\n", "\r\n")
    edit = edit_of(tmp_path, crlf)
    edit.drop_key("events", "e1", "draft")
    edit.drop_item("events", "e2")
    edit.set_flow_list("claims", "c1", "contests", [])
    new = edit.text()
    assert "\n" not in new.replace("\r\n", "")
    assert new.startswith("# a file with comments everywhere\r\nsource_id: demo   # trailing")
    assert "    contests: []\r\n" in new and "id: e2" not in new


def test_atomic_write_of_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "new.yaml", b"a: 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.yaml").stat().st_mode) == 0o640
