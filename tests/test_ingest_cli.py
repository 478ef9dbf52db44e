"""`newsbrief ingest` on many texts: files and folders in one run, a manifest, refusals, modes."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis.annotations import read_yaml
from analysis.cli import main
from analysis.validate import validate_project

ROOT = Path(__file__).resolve().parents[1]

# Fictional test texts, written for these tests (not taken from any publication).
PORT = """Drones strike Black Sea port as grain talks stall

This is a fictional test text written for newsbrief's tests.

Ukrainian Foreign Minister Dmytro Kuleba said on Monday that Russian drones struck grain silos \
in Odesa overnight. "We will rebuild every silo," Kuleba told reporters in Kyiv.

The Russian Defense Ministry said its forces hit military targets and denied striking civilian \
sites.
"""
TALKS = """Turkey offers to host new round of grain talks

This is a fictional test text written for newsbrief's tests.

Turkey offered on Tuesday to host a new round of talks on grain exports next month, according \
to the Turkish Foreign Ministry. Russian President Vladimir Putin said his country was ready to \
listen.
"""


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data", root / "data")
    shutil.copy(ROOT / "pyproject.toml", root / "pyproject.toml")
    return root


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a-port.txt").write_text(PORT, encoding="utf-8")
    (folder / "b-talks.txt").write_text(TALKS, encoding="utf-8")
    (folder / "notes.md").write_text("not an article\n", encoding="utf-8")
    return folder


def run(root: Path, *args: str) -> int:
    return main(["--root", str(root), "ingest", *args])


def metas(root: Path) -> dict[str, dict[str, object]]:
    """Source metadata by title, the seed's left out."""
    out = {}
    for path in sorted((root / "data/sources").glob("*.yaml")):
        doc = read_yaml(path)
        if doc["source_id"] != "wapo-2023-09-05-kim-putin-arms":
            out[str(doc["title"])] = dict(doc)
    return out


def test_a_folder_is_ingested_in_one_run_with_a_line_per_text_and_a_total(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    code = run(root, str(inbox), "--published", "2024-03-05", "--publisher", "Test Wire")
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert sum(line.startswith("ingested ") for line in lines) == 2
    assert any("a-port.txt as tw-2024-03-05-" in line for line in lines), out
    assert "total: 2 of 2 texts ingested" in out and "0 skipped" in out
    found = metas(root)
    assert set(found) == {
        "Drones strike Black Sea port as grain talks stall",
        "Turkey offers to host new round of grain talks",
    }
    assert {m["publisher"] for m in found.values()} == {"Test Wire"}
    assert validate_project(root).counts()["sources"] == 3


def test_several_files_in_two_processes_then_again_skips_what_is_stored(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    files = [str(inbox / "a-port.txt"), str(inbox / "b-talks.txt")]
    assert run(root, *files, "--published", "2024-03-05", "--workers", "2") == 0
    assert "with 2 workers" in capsys.readouterr().out
    annotations = sorted((root / "data/annotations").glob("*.yaml"))
    assert len(annotations) == 3
    drafted = [read_yaml(p) for p in annotations if "kim-putin" not in p.name]
    assert all(doc["claims"] for doc in drafted)  # both texts were read, not just stored
    assert run(root, str(inbox), "--published", "2024-03-05") == 0
    out = capsys.readouterr().out
    assert out.count("skipped ") == 2 and "already stored as source" in out
    assert "total: 0 of 2 texts ingested" in out
    assert len(list((root / "data/annotations").glob("*.yaml"))) == 3


@pytest.mark.parametrize("kind", ["csv", "yaml"])
def test_a_manifest_gives_each_text_its_metadata_and_flags_apply_to_all(
    tmp_path: Path, inbox: Path, kind: str
) -> None:
    root = copy_project(tmp_path)
    if kind == "csv":
        manifest = inbox / "manifest.csv"
        manifest.write_text(
            "file,published,publisher,title,url\n"
            "a-port.txt,2024-03-04,Harbour Wire,Port hit,https://example.org/port\n"
            'b-talks.txt,2024-03-06,"Capital Times, The",,\n',
            encoding="utf-8",
        )
    else:
        manifest = inbox / "manifest.yaml"
        manifest.write_text(
            "- file: a-port.txt\n  published: 2024-03-04\n  publisher: Harbour Wire\n"
            "  title: Port hit\n  url: https://example.org/port\n"
            "- file: b-talks.txt\n  published: 2024-03-06\n  publisher: Capital Times, The\n",
            encoding="utf-8",
        )
    assert run(root, "--manifest", str(manifest), "--language", "en") == 0
    found = metas(root)
    assert found["Port hit"]["published_at"] == "2024-03-04"
    assert found["Port hit"]["url"] == "https://example.org/port"
    assert found["Port hit"]["publisher"] == "Harbour Wire"
    talks = found["Turkey offers to host new round of grain talks"]  # the headline, no title given
    assert (talks["published_at"], talks["publisher"]) == ("2024-03-06", "Capital Times, The")
    # a flag wins over the manifest, for every text
    other = copy_project(tmp_path / "again")
    assert run(other, "--manifest", str(manifest), "--published", "2024-01-31") == 0
    assert {m["published_at"] for m in metas(other).values()} == {"2024-01-31"}


@pytest.mark.parametrize(
    ("manifest", "args", "words"),
    [
        (
            "file,published\na-port.txt,2024-03-04\nmissing.txt,2024-03-04\n",
            [],
            "manifest.csv:3: file: 'missing.txt' not found next to the manifest",
        ),
        ("file,published\na-port.txt,4 March\n", [], "manifest.csv:2: published: '4 March'"),
        ("file,date\na-port.txt,2024-03-04\n", [], "manifest.csv:1: the header row"),
        (
            "file,published\na-port.txt,2024-03-04\nb-talks.txt,\n",
            [],
            "no publication date for manifest.csv:3",
        ),
        ("file\na-port.txt\nb-talks.txt\n", ["--title", "One title"], "--title names one text"),
        (
            "file,published\na-port.txt,2024-03-04\nb-talks.txt,2024-03-04,Reuters\n",
            [],
            "manifest.csv:3: 3 cells but the header row names 2 columns",
        ),
    ],
)
def test_a_wrong_manifest_or_flag_is_refused_before_anything_is_written(
    tmp_path: Path,
    inbox: Path,
    capsys: pytest.CaptureFixture[str],
    manifest: str,
    args: list[str],
    words: str,
) -> None:
    root = copy_project(tmp_path)
    (inbox / "manifest.csv").write_text(manifest, encoding="utf-8")
    if "--title" in args:
        args = [*args, "--published", "2024-03-04"]
    assert run(root, "--manifest", str(inbox / "manifest.csv"), *args) == 2
    assert words in capsys.readouterr().err.replace(str(inbox) + os.sep, "")
    assert len(list((root / "data/sources").glob("*.txt"))) == 1


def test_nul_bytes_are_refused_naming_the_file_line_and_offset(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    bad = inbox / "c-binary.txt"
    bad.write_bytes(b"Headline\n\nFirst line.\nSecond \x00line" + b"\x00" * 1999 + b"\n")
    assert run(root, str(inbox), "--published", "2024-03-05") == 2
    err = capsys.readouterr().err
    assert f"{bad}:4: control character U+0000 (NUL) at offset 29 (line 4, column 8)" in err
    assert "the text holds 2000 such characters" in err
    assert "1 of 3 texts cannot be ingested; nothing written" in err
    # the run is refused as a whole: the good texts of the folder are not stored either
    assert len(list((root / "data/sources").glob("*.txt"))) == 1


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("Tabs\tand form feeds\x0c are white space.\r\nSo is CR LF.\n", True),
        ("An escape \x1b[31m sequence.\n", False),
        ("A C1 control \x85 here.\n", False),
        ("Delete \x7f here.\n", False),
    ],
)
def test_which_control_characters_a_text_may_hold(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, accepted: bool
) -> None:
    root = copy_project(tmp_path)
    path = tmp_path / "one.txt"
    path.write_text("Officials met in Kyiv\n\n" + text, encoding="utf-8", newline="")
    code = run(root, str(path), "--published", "2024-03-05")
    assert (code == 0) is accepted, capsys.readouterr().err
    if not accepted:
        assert "control character U+" in capsys.readouterr().err


@pytest.fixture
def umask() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def test_files_are_written_with_the_users_umask(tmp_path: Path, inbox: Path, umask: None) -> None:
    from analysis.ingest import store

    store._umask.cache_clear()
    try:
        root = copy_project(tmp_path)
        assert run(root, str(inbox / "a-port.txt"), "--published", "2024-03-05") == 0
        written = [
            p
            for folder in ("sources", "annotations")
            for p in (root / "data" / folder).iterdir()
            if "kim-putin" not in p.name
        ]
        assert len(written) == 3
        assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o640}
    finally:
        store._umask.cache_clear()


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        (
            "file,source_id\na-port.txt,\nb-talks.txt,wapo-2023-09-05-kim-putin-arms\n",
            "source id 'wapo-2023-09-05-kim-putin-arms' is taken",
        ),
        ("file,source_id\na-port.txt,one-id\nb-talks.txt,one-id\n", "is also given to"),
        ("file,source_id\na-port.txt,\nb-talks.txt,Not A Slug\n", "is not a lowercase slug"),
    ],
)
def test_an_id_refused_for_a_later_text_leaves_the_earlier_ones_unwritten(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str], manifest: str, words: str
) -> None:
    root = copy_project(tmp_path)
    (inbox / "manifest.csv").write_text(manifest, encoding="utf-8")
    args = ["--manifest", str(inbox / "manifest.csv"), "--published", "2024-03-05"]
    assert run(root, *args) == 2
    err = capsys.readouterr().err
    assert words in err and "nothing written" in err
    assert len(list((root / "data/sources").glob("*.txt"))) == 1
    assert len(list((root / "data/annotations").glob("*.yaml"))) == 1


def test_an_id_whose_annotation_file_exists_is_taken(
    tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    (root / "data/annotations/orphan.yaml").write_text("source_id: orphan\n", encoding="utf-8")
    (inbox / "manifest.csv").write_text(
        "file,source_id\na-port.txt,\nb-talks.txt,orphan\n", encoding="utf-8"
    )
    assert run(root, "--manifest", str(inbox / "manifest.csv"), "--published", "2024-03-05") == 2
    assert "source id 'orphan' is taken" in capsys.readouterr().err
    assert len(list((root / "data/sources").glob("*.txt"))) == 1
