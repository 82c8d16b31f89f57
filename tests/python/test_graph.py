"""The justification graph: statements, arguments, look-ups and iteration."""

from __future__ import annotations

import gc
from typing import Literal

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


# ---- graphs built in Python (the engine of argument_graph.hpp) ---------------------------

def build_criteria_graph() -> tuple[candour.Graph, candour.Statement]:
    """A statement weighed by criteria: one important argument beats two light ones."""
    g = candour.Graph()
    fact = g.add_statement("f", "a fact of the case", fact="accepted")
    claim = g.add_statement("c", "the claim holds", standard="balance", tie_goes_to="con", weighing="criteria")
    src = candour.Citation("guidance", "ICO guidance", "https://ico.org.uk/")
    g.add_argument("heavy-light", claim, direction="pro", premises=[fact], weight=1.0, category=3, source=src)
    g.add_argument("light-1", claim, direction="con", premises=[fact], weight=5.0, category=1)
    g.add_argument("light-2", claim, direction="con", premises=[fact], weight=5.0, category=1)
    return g, claim


def test_build_and_evaluate_a_graph() -> None:
    g, claim = build_criteria_graph()
    assert not g.evaluated and repr(claim) == "Statement(key='c', label=None)"
    with pytest.raises(candour.Error, match="not evaluated"):
        claim.label
    assert g.evaluate() is g and g.evaluated
    assert claim.label == "accepted"  # by category 3 over category 1, whatever the sums
    assert claim.weighing == "criteria" and claim.standard == "balance" and claim.tie_goes_to == "con"
    assert [a.category for a in claim.pro + claim.con] == [3, 1, 1]
    assert claim.pro[0].source == candour.Citation("guidance", "ICO guidance", "https://ico.org.uk/")
    assert g["f"].fact and g["f"].label == "accepted" and not claim.fact
    assert len(g) == 2 and [a.key for a in g.arguments] == ["heavy-light", "light-1", "light-2"]
    e = claim.explain()
    assert [x.argument.key for x in e.deciding] == ["heavy-light"]
    # Adding makes it unevaluated again.
    g.add_statement("later")
    assert not g.evaluated


def test_sum_and_strongest_weighing_differ() -> None:
    labels = {}
    weighings: list[Literal["sum", "strongest"]] = ["sum", "strongest"]
    for weighing in weighings:
        g = candour.Graph()
        s = g.add_statement("s", weighing=weighing, tie_goes_to="pro")
        g.add_argument("p", s, direction="pro", weight=3.0)
        g.add_argument("c1", s, direction="con", weight=2.0)
        g.add_argument("c2", s, direction="con", weight=2.0)
        g.evaluate()
        labels[weighing] = (s.label, s.con_weight)
    assert labels == {"sum": ("rejected", 4.0), "strongest": ("accepted", 2.0)}


@pytest.mark.parametrize(("margin", "strict", "label"), [(2.0, True, "rejected"), (2.0, False, "accepted"),
                                                         (1.0, True, "accepted")])
def test_threshold_standard(margin: float, strict: bool, label: str) -> None:
    g = candour.Graph()
    s = g.add_statement("s", "over the threshold", standard="threshold", margin=margin, strict=strict)
    g.add_argument("p", s, weight=3.0)
    g.add_argument("c", s, direction="con", weight=1.0)
    g.evaluate()
    assert (s.standard, s.margin, s.strict, s.tie_goes_to) == ("threshold", margin, strict, None)
    assert s.label == label


def test_exceptions_undercut() -> None:
    g = candour.Graph()
    s = g.add_statement("s", standard="scintilla")
    ex = g.add_statement("ex", fact="accepted")
    a = g.add_argument("a", s, exceptions=[ex])
    g.evaluate()
    assert (a.status, s.label) == ("undercut", "rejected")
    assert a.exceptions == [ex]


def test_building_is_checked(decision: candour.Decision) -> None:
    g = candour.Graph()
    s = g.add_statement("s")
    with pytest.raises(ValueError, match="proof standard"):
        g.add_statement("x", standard="beyond-doubt")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="weighing"):
        g.add_statement("x", weighing="average")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="fact"):
        g.add_statement("x", fact="true")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="direction"):
        g.add_argument("a", s, direction="for")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="category"):
        g.add_argument("a", s, category=8)
    with pytest.raises(ValueError, match="another graph"):
        g.add_argument("a", decision.graph["c1/engaged"])
    with pytest.raises(TypeError, match="read-only"):
        decision.graph.add_statement("x")
    with pytest.raises(ValueError, match="citation kind"):
        candour.Citation("blog", "x")
