"""The evaluation's gold (benchmarks/devset, benchmarks/trainset) agrees with its texts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _checker() -> Any:
    spec = importlib.util.spec_from_file_location("check_gold", BENCHMARKS / "check_gold.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("folder", ["devset", "trainset"])
def test_every_gold_quote_form_and_date_is_in_its_text(
    folder: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _checker().main(["--set", str(BENCHMARKS / folder)]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("OK")
    texts = sorted((BENCHMARKS / folder).glob("*.txt"))
    assert len(texts) >= 12 and all(
        t.read_text(encoding="utf-8").startswith("# FICTIONAL") for t in texts
    )


def test_the_checker_finds_a_quote_that_is_not_in_the_text(tmp_path: Path) -> None:
    source = BENCHMARKS / "devset"
    first = sorted(source.glob("*.gold.yaml"))[0]
    name = first.name.removesuffix(".gold.yaml")
    (tmp_path / f"{name}.txt").write_bytes((source / f"{name}.txt").read_bytes())
    gold = first.read_text(encoding="utf-8").replace("quote: ", "quote: XX ", 1)
    (tmp_path / first.name).write_text(gold, encoding="utf-8")
    assert _checker().main(["--set", str(tmp_path)]) == 1
