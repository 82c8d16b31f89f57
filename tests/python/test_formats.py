"""Every output format, as the CLI produces it; to_dict; determinism."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

import candour
from conftest import FOIA_RULES, MOPAC


def render(decision: candour.Decision, fmt: str) -> str:
    """decision.render(fmt), skipping the test where Graphviz's `dot` program is missing (R502)."""
    try:
        return decision.render(fmt)
    except candour.RenderError as e:
        if e.code == "R502":
            pytest.skip(f"{fmt}: Graphviz's dot program is not installed")
        raise


@pytest.mark.parametrize("fmt", candour.OUTPUT_FORMATS)
def test_every_format_renders(decision: candour.Decision, fmt: str) -> None:
    text = render(decision, fmt)
    assert isinstance(text, str) and text.strip()
    assert text == decision.render(fmt), "rendering twice gives identical strings"


def test_default_format_is_the_record(decision: candour.Decision) -> None:
    assert decision.render() == decision.render("record")


def test_format_contents(decision: candour.Decision) -> None:
    record = decision.render("record")
    notice = decision.render("notice")
    dot = decision.render("dot")
    assert "s.31(1)(a)" in record
    assert notice.startswith("# Response to your request for information")
    assert "Intruder detection system: the product used" in notice
    assert "Fictional Sentinel IDS 9" not in notice
    assert dot.startswith("digraph")
    assert json.loads(decision.render("json"))["schema"] == "candour.decision"


def test_unknown_format_is_a_value_error(decision: candour.Decision) -> None:
    with pytest.raises(ValueError, match="unknown format 'pdf': expected one of record, notice, "):
        decision.render("pdf")
    with pytest.raises(ValueError):
        decision.render("NOTICE")


def test_to_dict_is_the_json_output(decision: candour.Decision) -> None:
    d = decision.to_dict()
    assert d == json.loads(decision.render("json"))
    assert d["schema"] == "candour.decision"
    assert d["outcome"] == decision.outcome == "partial"
    assert [i["outcome"] for i in d["items"]] == [i.outcome for i in decision.items]
    assert [f["code"] for f in d["flags"]] == [f.code for f in decision.flags]
    assert [s["id"] for s in d["graph"]["statements"]] == [s.key for s in decision.graph]
    assert [a["id"] for a in d["graph"]["arguments"]] == [a.key for a in decision.graph.arguments]


def test_determinism_across_evaluations(rules: candour.Rulebook) -> None:
    outputs = set()
    for _ in range(3):
        d = rules.evaluate(candour.Case.load(MOPAC))
        outputs.add(tuple(d.render(f) for f in ("record", "notice", "json", "dot")))
    assert len(outputs) == 1


@pytest.mark.skipif(not os.environ.get("CANDOUR_CLI"), reason="the CLI was not built")
@pytest.mark.parametrize("fmt", candour.OUTPUT_FORMATS)
def test_same_bytes_as_the_cli(rules: candour.Rulebook, fmt: str) -> None:
    cli = subprocess.run(
        [os.environ["CANDOUR_CLI"], "evaluate", str(MOPAC), "--rules", str(FOIA_RULES), "--format", fmt],
        capture_output=True, text=True,
    )
    if cli.returncode != 0 and "[R502]" in cli.stderr:
        pytest.skip(f"{fmt}: Graphviz's dot program is not installed")
    assert cli.returncode == 0, cli.stderr
    assert render(rules.evaluate(candour.Case.load(MOPAC)), fmt) == cli.stdout


@pytest.mark.skipif(not os.environ.get("CANDOUR_CLI"), reason="the CLI was not built")
def test_as_of_matches_the_cli(rules: candour.Rulebook) -> None:
    cli = subprocess.run(
        [os.environ["CANDOUR_CLI"], "evaluate", str(MOPAC), "--rules", str(FOIA_RULES), "--format", "json",
         "--as-of", "2018-06-01"],
        check=True, capture_output=True, text=True,
    )
    d = rules.evaluate(candour.Case.load(MOPAC), as_of="2018-06-01")
    assert d.render("json") == cli.stdout
    assert str(d.decision_date) == "2018-06-01"
