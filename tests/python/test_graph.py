"""The justification graph: statements, arguments, look-ups and iteration."""

from __future__ import annotations

import gc

import pytest

import candour
from conftest import MOPAC


def test_statements_match_the_json(decision: candour.Decision) -> None:
    graph = decision.graph
    rows = decision.to_dict()["graph"]["statements"]
    assert len(graph) == len(rows) == len(graph.statements)
    for s, row in zip(graph, rows):
        assert (s.key, s.text, s.label, s.fact, s.standard) == (
            row["id"], row["text"], row["label"], row["fact"], row["standard"])
        assert s.tie_goes_to == row.get("tie_goes_to")


def test_arguments_match_the_json(decision: candour.Decision) -> None:
    rows = decision.to_dict()["graph"]["arguments"]
    assert len(decision.graph.arguments) == len(rows)
    for a, row in zip(decision.graph.arguments, rows):
        assert a.key == row["id"] and a.text == row["text"]
        assert a.conclusion.key == row["conclusion"]
        assert a.direction == row["direction"]
        assert [p.key for p in a.premises] == row["premises"]
        assert [e.key for e in a.exceptions] == row["exceptions"]
        assert a.weight == pytest.approx(row["weight"], abs=1e-4)
        assert a.status == row["status"]
        assert a.source.label == row["source"]["label"]
        assert a.source.kind == row["source"]["kind"]


def test_lookup_by_key(decision: candour.Decision) -> None:
    graph = decision.graph
    engaged = graph["c1/engaged"]
    assert engaged == graph.statement("c1/engaged")
    assert hash(engaged) == hash(graph.statement("c1/engaged"))
    assert engaged != graph["c1/applicable"]
    assert engaged.label == "accepted"
    assert "c1/engaged" in graph and "nope" not in graph and 3 not in graph
    assert repr(engaged) == "Statement(key='c1/engaged', label='accepted')"
    with pytest.raises(KeyError):
        graph["nope"]
    with pytest.raises(KeyError):
        graph.argument("nope")
    factor = graph.argument("c1/factor/crime")
    assert factor.conclusion.key == "c1/public-interest"
    assert factor.direction == "pro"
    assert repr(factor) == "Argument(key='c1/factor/crime', direction='pro', status='applicable')"
    assert repr(graph).startswith("Graph(statements=")


def test_pro_and_con(decision: candour.Decision) -> None:
    pit = decision.graph["c1/public-interest"]
    assert {a.key for a in pit.pro} >= {"c1/factor/crime", "c1/factor/resilience", "c1/factor/data"}
    assert all(a.direction == "con" for a in pit.con)
    assert all(a.conclusion == pit for a in pit.pro + pit.con)
    json_pit = decision.to_dict()["claims"][0]["public_interest"]
    assert pit.pro_weight == pytest.approx(json_pit["maintain_weight"], abs=1e-4)
    assert pit.con_weight == pytest.approx(json_pit["disclose_weight"], abs=1e-4)
    assert pit.pro_weight > pit.con_weight


def test_every_premise_is_a_statement_of_the_graph(decision: candour.Decision) -> None:
    keys = {s.key for s in decision.graph}
    for a in decision.graph.arguments:
        assert all(p.key in keys for p in a.premises + a.exceptions)
        assert a in (a.conclusion.pro if a.direction == "pro" else a.conclusion.con)


def test_views_keep_the_decision_alive(rules: candour.Rulebook) -> None:
    graph = rules.evaluate(candour.Case.load(MOPAC)).graph
    statements = list(graph)
    del graph
    gc.collect()
    assert statements[0].key and statements[-1].label in ("accepted", "rejected", "undecided")
