"""reports.yaml into runs: config checks, fan-out, selection, and the checks made before kernels."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import nbformat
import pandas as pd
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from analysis.build import fanout
from analysis.build.matrix import expand, load_matrix, select
from analysis.build.params import ParameterError
from analysis.build.plan import make_plan
from analysis.errors import ConfigError

PROFILE = """\
actor_id: str = "nobody"  # actor to profile
limit: int = 5
"""


def project(tmp_path: Path, yaml_text: str) -> Path:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "x.csv").write_text("a\n1\n")
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    (tmp_path / "notebooks").mkdir()
    cell = new_code_cell(PROFILE)
    cell.metadata["tags"] = ["parameters"]
    nbformat.write(new_notebook(cells=[cell]), tmp_path / "notebooks" / "profile.ipynb")
    (tmp_path / "reports.yaml").write_text(yaml_text)
    return tmp_path


def fake_dataset(actors: list[str]) -> Any:
    """A dataset in which every given actor acts in two events."""
    return SimpleNamespace(
        actors=pd.DataFrame({"actor_id": actors, "name": [a.title() for a in actors]}),
        events=pd.DataFrame(
            {
                "event_id": ["e1", "e2"],
                "source_id": ["s", "s"],
                "actor_ids": [";".join(actors)] * 2,
                "recipient_ids": ["", ""],
                "evidence_quote": ["q", "r"],
                "evidence_start": [0, 2],
                "evidence_end": [1, 3],
            }
        ),
        claims=pd.DataFrame(
            {
                c: []
                for c in (
                    "claim_id",
                    "source_id",
                    "speaker_id",
                    "via_id",
                    "quote",
                    "quote_start",
                    "quote_end",
                    "about_event_id",
                )
            }
        ),
        positions=pd.DataFrame(
            {
                c: []
                for c in (
                    "position_id",
                    "source_id",
                    "actor_id",
                    "issue_id",
                    "evidence_quote",
                    "evidence_start",
                    "evidence_end",
                )
            }
        ),
    )


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("reports: {}\n", "expected a `reports:` list"),
        ("reports: []\nextra: 1\n", "unknown top-level key"),
        (
            "reports:\n  - {id: ../x, notebook: notebooks/profile.ipynb, title: T}\n",
            "id '../x' is not a slug",
        ),
        (
            "reports:\n  - {id: index, notebook: notebooks/profile.ipynb, title: T}\n",
            "taken by the site",
        ),
        (
            "reports:\n  - {id: a, notebook: ../outside.ipynb, title: T}\n",
            "must be an .ipynb file inside",
        ),
        ("reports:\n  - {id: a, notebook: notebooks/profile.ipynb}\n", "`title` is required"),
        (
            "reports:\n  - {id: a, notebook: notebooks/profile.ipynb, title: T, colour: red}\n",
            "unknown key",
        ),
        (
            "reports:\n  - {id: a, notebook: notebooks/profile.ipynb, title: T,"
            " parameters: {actor_id: 2023-09-05}}\n",
            "reads as a date; quote it",
        ),
        (
            "reports:\n  - {id: a, notebook: notebooks/profile.ipynb, title: T}\n"
            "  - {id: a, notebook: notebooks/profile.ipynb, title: U}\n",
            "appears twice",
        ),
        (
            "reports:\n  - {id: a, notebook: notebooks/profile.ipynb, title: T,"
            " fan_out: {param: actor_id, values: everyone}}\n",
            r"unknown fan-out values 'everyone': expected one of \[actors_with_records",
        ),
        ("settings: {workers: many}\nreports: []\n", "workers must be int"),
        ("settings: {colour: red}\nreports: []\n", "unknown setting 'colour'"),
    ],
)
def test_config_errors(tmp_path: Path, yaml_text: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_matrix(project(tmp_path, yaml_text))


FANNED = """\
reports:
  - id: profile
    notebook: notebooks/profile.ipynb
    title: "Profile: {label}"
    description: "All about {actor_id} ({unknown} stays)"
    parameters: {limit: 3}
    fan_out: {param: actor_id, values: actors_with_records}
  - id: single
    notebook: notebooks/profile.ipynb
    title: One
"""


def test_fan_out_expands_to_one_slugged_page_per_value(tmp_path: Path) -> None:
    matrix = load_matrix(project(tmp_path, FANNED))
    runs = expand(matrix, {"actors_with_records": ["putin", "../../etc/passwd"]})
    assert [r.id for r in runs] == ["profile-putin", "profile-etc-passwd", "single"]
    assert runs[1].parameters == {"limit": 3, "actor_id": "../../etc/passwd"}
    assert runs[0].title == "Profile: putin"
    assert runs[0].description == "All about putin ({unknown} stays)"


def test_fan_out_values_that_collide_are_refused(tmp_path: Path) -> None:
    matrix = load_matrix(project(tmp_path, FANNED))
    with pytest.raises(ConfigError, match="two pages would be named 'profile-a-b'"):
        expand(matrix, {"actors_with_records": ["a b", "a/b"]})


def test_select_by_page_or_report_id(tmp_path: Path) -> None:
    runs = expand(load_matrix(project(tmp_path, FANNED)), {"actors_with_records": ["x", "y"]})
    assert [r.id for r in select(runs, ["profile"])] == ["profile-x", "profile-y"]
    assert [r.id for r in select(runs, ["profile-y", "single"])] == ["profile-y", "single"]
    with pytest.raises(ConfigError, match=r"unknown report\(s\) 'nope'.*profile-x"):
        select(runs, ["nope"])


def test_fan_out_registry_uses_the_topic_rules_on_real_tables() -> None:
    from analysis import load
    from analysis.topics.profiles import actors_with_records

    data = load(Path(__file__).parent / "fixtures" / "mini")
    assert fanout.fan_out_function("actors_with_records")(data) == actors_with_records(data)
    assert fanout.actors_with_records(data) == ["latvia", "latvia_mod"]
    assert fanout.fan_out_function("issues_with_positions")(data) == ["talks"]


def test_plan_uses_registry_and_checks_fanned_parameters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path, FANNED)
    monkeypatch.setattr("analysis.load", lambda root=None: fake_dataset(["ann", "bob"]))
    plan = make_plan(root)
    assert [s.run.id for s in plan.steps] == ["profile-ann", "profile-bob", "single"]
    assert plan.steps[0].run.title == "Profile: Ann"  # {label}: the actor's name
    assert {s.action for s in plan.steps} == {"execute"}


def test_plan_rejects_wrong_parameters_before_any_kernel(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        """\
reports:
  - {id: a, notebook: notebooks/profile.ipynb, title: A, parameters: {actr_id: x}}
  - {id: b, notebook: notebooks/profile.ipynb, title: B, parameters: {limit: "5"}}
  - {id: c, notebook: notebooks/missing.ipynb, title: C}
""",
    )
    with pytest.raises(ParameterError) as info:
        make_plan(root)
    text = str(info.value)
    assert text.startswith("3 parameter problems:")
    assert "Did you mean 'actor_id'?" in text
    assert "expects int, got str '5'" in text
    assert "notebooks/missing.ipynb does not exist" in text
