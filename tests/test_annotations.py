"""YAML reading: line numbers kept; any bytes in, only the package's own errors out."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.annotations import read_yaml
from analysis.errors import DataFileError, ValidationError
from analysis.validate import read_corpus

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_mappings_remember_the_line_of_each_key(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\nevents:\n  - id: x\n    date: 2023-09-04\n  - id: y\n", "utf-8")
    doc = read_yaml(path)
    assert doc.line_of("events") == 2
    first, second = doc["events"]
    assert (first.line, first.line_of("date"), second.line) == (3, 4, 5)
    assert first["date"] == "2023-09-04"  # dates stay text for the validator to check


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (b"", 1, "empty"),
        (b"- a\n- b\n", 1, "mapping at the top level"),
        (b"a: 1\na: 2\n", 2, "duplicate key"),
        (b"a: [1\n", 2, "malformed YAML"),
        (b"a: caf\xe9\n", 1, "not UTF-8"),
        (b"\xef\xbb\xbfa: 1\n", 1, "byte-order mark"),
    ],
)
def test_unreadable_yaml_names_file_and_line(
    tmp_path: Path, content: bytes, line: int, words: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(DataFileError) as info:
        read_yaml(path, "data/bad.yaml")
    assert info.value.line == line
    assert str(info.value).startswith(f"data/bad.yaml:{line}: ")
    assert words in str(info.value)


def test_missing_file_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="file not found"):
        read_yaml(tmp_path / "nope.yaml")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_mapping_or_a_data_file_error(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.yaml"
    path.write_bytes(content)
    with contextlib.suppress(DataFileError):
        read_yaml(path)


yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2023-09-04", "036", "ASSAULT", "riga", "day"]),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "date",
                    "quote",
                    "actors",
                    "start",
                    "granularity",
                    "stance",
                    "contests",
                    "x",
                ]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.dictionaries(
        st.sampled_from(["source_id", "events", "claims", "positions"]), yaml_values, max_size=4
    )
)
def test_any_annotation_structure_validates_or_raises_validation_error(
    tmp_path: Path, doc: dict[str, object]
) -> None:
    root = tmp_path / "p"
    if not root.exists():
        shutil.copytree(MINI, root)
    (root / "data/annotations/test-mini.yaml").write_text(
        yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8"
    )
    try:
        read_corpus(root)
    except ValidationError as exc:
        assert exc.problems
