"""The decision read from Python: outcome, items, claims, factors, flags, deadline."""

from __future__ import annotations

import datetime

import pytest

import candour


def test_quickstart_shape(rules: candour.Rulebook, mopac: candour.Case) -> None:
    decision = rules.evaluate(mopac)
    assert decision.outcome == "partial"
    assert [item.outcome for item in decision.items] == ["disclose"] * 11 + ["withhold"] * 3
    assert "section 31(1)(a)" in decision.render("notice")
    assert decision.to_dict()["outcome"] == "partial"
    assert repr(decision) == "Decision(case='mopac-it-systems', outcome='partial', items=14, flags=5)"


def test_decision_basics(decision: candour.Decision) -> None:
    assert decision.decision_date == datetime.date(2018, 4, 23)
    assert decision.decision_date_basis == decision.to_dict()["decision_date_basis"]
    assert decision.case.id == "mopac-it-systems"
    assert decision.regime.id == "uk-foia-2000"
    assert [r.id for r in decision.rules.regimes] == ["uk-foia-2000"]


def test_item_findings(decision: candour.Decision) -> None:
    rows = decision.to_dict()["items"]
    for item, row in zip(decision.items, rows, strict=True):
        assert (item.id, item.description, item.outcome, item.provisions, item.has_withheld_content) == (
            row["id"], row["description"], row["outcome"], row["provisions"], row["has_withheld_content"])
        assert item.exempt.key == row["exempt"]["statement"]
        assert item.exempt.label == row["exempt"]["label"]
        assert item.disclose.key == row["disclose"]["statement"]
    r12 = decision.item("R12")
    assert r12.outcome == "withhold" and r12.provisions == ["s.31(1)(a)"]
    assert repr(r12) == "ItemFinding(id='R12', outcome='withhold')"
    with pytest.raises(KeyError):
        decision.item("R99")


def test_claim_findings(decision: candour.Decision) -> None:
    (claim,) = decision.claims
    row = decision.to_dict()["claims"][0]
    assert claim.claim == row["claim"] == "c1"
    assert claim.provision.id == "s.31(1)(a)" and claim.provision.citation == row["provision"]["citation"]
    assert claim.items == ["R12", "R13", "R14"]
    assert claim.applicable.label == claim.engaged.label == claim.exempt.label == "accepted"
    assert [s.key for s in claim.limbs] == [x["statement"] for x in row["limbs"]]
    assert claim.threshold_applied == row["threshold_applied"] == "would-be-likely-to"
    assert claim.threshold_rule is not None and claim.threshold_rule.key == row["threshold_rule"]["statement"]
    assert claim.evidence_grade == "generic"
    assert claim.public_interest is not None and claim.public_interest.key == "c1/public-interest"
    assert repr(claim) == "ClaimFinding(claim='c1', provision='s.31(1)(a)', exempt='accepted')"


def test_factor_assessments(decision: candour.Decision) -> None:
    factors = decision.claims[0].factors
    rows = decision.to_dict()["claims"][0]["factors"]
    assert len(factors) == len(rows) == 6
    for f, row in zip(factors, rows):
        assert (f.id, f.side, f.description, f.weight_name, f.status) == (
            row["id"], row["side"], row["description"], row["weight_name"], row["status"])
        assert f.base_weight == pytest.approx(row["base_weight"])
        assert f.weight == pytest.approx(row["weight"], abs=1e-4)
        assert f.adjustments == row["adjustments"]
        assert f.source.label == row["source"]["label"]
        assert f.argument.key == row["argument"]
        assert f.set_aside is ("set_aside" in row)
        assert f.factor.id == f.id
    crime = factors[0]
    assert crime.weight == pytest.approx(4.0 * 0.8 * 0.8)
    assert crime.set_aside_source is None and crime.set_aside_reason == ""


def test_set_aside_factor(rules: candour.Rulebook) -> None:
    from conftest import small_case

    data = small_case()
    data["case"]["claims"][0]["factors"]["maintain"].append(
        {"id": "who", "description": "the requester is a journalist", "weight": "strong",
         "category": "requester-identity"})
    decision = rules.evaluate(candour.Case.from_dict(data))
    (who,) = [f for f in decision.claims[0].factors if f.id == "who"]
    assert who.set_aside and who.set_aside_reason
    assert who.set_aside_source is not None and who.set_aside_source.label


def test_flags(decision: candour.Decision) -> None:
    rows = decision.to_dict()["flags"]
    assert [f.code for f in decision.flags] == [r["code"] for r in rows]
    for f, row in zip(decision.flags, rows):
        assert (f.name, f.severity, f.message) == (row["name"], row["severity"], row["message"])
        assert f.source.label == row["source"]["label"]
        assert (f.where.file, f.where.line, f.where.column) == (
            row["where"]["file"], row["where"]["line"], row["where"]["column"])
        assert (f.statement.key if f.statement else None) == row.get("statement")
    f112 = next(f for f in decision.flags if f.code == "F112")
    assert f112.severity == "error" and f112.name == "complaint-right-missing"
    assert repr(f112) == "Flag(code='F112', name='complaint-right-missing', severity='error')"
    assert str(f112.where).endswith(f":{f112.where.line}:{f112.where.column}")


def test_deadline(decision: candour.Decision) -> None:
    deadline = decision.deadline
    assert deadline is not None
    row = decision.to_dict()["deadline"]
    if "period" in row:  # the JSON of a library that counts calendar days too
        assert (deadline.period, deadline.days, deadline.days_late) == (row["period"], row["days"], row["days_late"])
    assert deadline.calendar == row["calendar"]
    assert deadline.received == datetime.date(2018, 3, 22)
    assert deadline.due == datetime.date(2018, 4, 23)
    assert (deadline.period, deadline.days) == (20, "working")
    assert deadline.calendar == "uk-bank-holidays" and deadline.calendar_covers
    assert deadline.sent is None and deadline.days_late is None
    assert deadline.source.label == "FOIA 2000 s.10(1)"
    assert repr(deadline) == "Deadline(received='2018-03-22', due='2018-04-23')"


def test_late_notice(rules: candour.Rulebook) -> None:
    from conftest import small_case

    data = small_case(notice={"sent": "2019-07-01", "states_exemption": True, "specifies_subsection": True,
                              "explains_engagement": True, "gives_pit_reasons": True,
                              "internal_review": "stated", "states_complaint_right": True})
    decision = rules.evaluate(candour.Case.from_dict(data))
    assert decision.deadline is not None
    assert decision.deadline.sent == datetime.date(2019, 7, 1)
    assert decision.deadline.days_late is not None and decision.deadline.days_late > 0
    assert "F113" in [f.code for f in decision.flags]


def test_values_compare(decision: candour.Decision) -> None:
    a, b = decision.flags[0].source, decision.flags[1].source
    assert (a == b) == (a.label == b.label and a.uri == b.uri and a.kind == b.kind)
    assert len({f.source for f in decision.flags}) <= len(decision.flags)
    assert str(a) == a.label
    assert repr(a).startswith("Citation(kind=")


def test_newer_findings(decision: candour.Decision) -> None:
    (claim,) = decision.claims
    assert claim.neither_confirm_nor_deny is False
    assert all(isinstance(a, str) and a for a in claim.harm_adjustments)
    for f in claim.factors:  # the harm multiplier scales every maintain factor
        if f.side == "maintain" and not f.set_aside:
            assert f.weight == pytest.approx(f.base_weight * claim.harm_multiplier)
    assert all(i.ncnd is None or i.ncnd.key for i in decision.items)
    assert decision.aggregates == []  # one claim: nothing to weigh together
    assert decision.alternatives == []  # nothing pleaded in the alternative
    assert "alternatives" not in decision.to_dict()
    assert decision.deadline is not None and decision.deadline.extended_to is None
    assert decision.case.notice is not None and decision.case.notice.confirms_held


def test_counterfactuals(decision: candour.Decision) -> None:
    counterfactuals = decision.counterfactuals
    assert counterfactuals, "the MOPAC balance can be flipped"
    for c in counterfactuals:
        assert c.claim == "c1"
        assert c.now == c.finding.label != c.would_be
        assert c.kind in ("threshold", "evidence", "factor-weight", "public-domain", "limb", "displacement", "history")
        assert c.description
        assert repr(c).startswith("Counterfactual(claim='c1', kind=")
    assert isinstance(counterfactuals[0].from_, str) and isinstance(counterfactuals[0].to, str)


def test_cumulative_balancing(rules: candour.Rulebook) -> None:
    """Two qualified exemptions claimed for one item are weighed together when the regime says so."""
    from conftest import small_case

    data = small_case(decision_date="2025-09-01")
    claim = data["case"]["claims"][0]
    data["case"]["claims"].append({**claim, "id": "c2", "provision": "s.31(1)(b)", "factors": {
        "maintain": [{"id": "justice", "description": "catching offenders", "weight": "moderate"}],
        "disclose": []}})
    decision = rules.evaluate(candour.Case.from_dict(data))
    # FOIA: cumulative since DBT v IC [2025] UKSC 27 (rules/uk/foia-2000/index.yaml, aggregation).
    assert [a.claims for a in decision.aggregates] == [["c1", "c2"]]
    for a in decision.aggregates:
        assert set(a.claims) <= {"c1", "c2"} and a.items
        assert a.public_interest.label in ("accepted", "rejected", "undecided")
        assert a.exempt.key in decision.graph
        assert repr(a).startswith("AggregateFinding(claims=[")


def test_alternatives(rules: candour.Rulebook) -> None:
    """s.23(1) or, in the alternative, s.24(1): one finding, read the same way as the JSON."""
    from conftest import ROOT

    path = ROOT / "examples" / "alternative-s23-s24" / "case.yaml"
    decision = rules.evaluate(candour.Case.load(path, rules))
    (alt,) = decision.alternatives
    assert isinstance(alt, candour.AlternativeFinding)
    assert alt.claims == ["c1", "c2"]
    assert alt.items == ["R2"]
    assert alt.holding == ["c1"]  # s.23(1) holds; the notice never says so
    assert [f.claim for f in alt.findings] == ["c1", "c2"]
    assert [f.provision.id for f in alt.findings] == ["s.23(1)", "s.24(1)"]
    assert alt.findings[1].engaged.label == "rejected"  # s.24(1) is displaced
    assert repr(alt) == "AlternativeFinding(claims=['c1', 'c2'], items=['R2'], holding=['c1'])"
    assert decision.to_dict()["alternatives"] == [{"claims": alt.claims, "items": alt.items, "holding": alt.holding}]
    # s.24(1)'s own factors favour maintaining it (5 against 2): the notice's conclusion holds.
    assert not [f for f in decision.flags if f.code in ("F123", "F124")]


def test_masked_alternative_not_weighed(rules: candour.Rulebook) -> None:
    """F123: the displaced s.24(1) weighed as if engaged does not favour maintaining it."""
    from conftest import ROOT

    path = ROOT / "examples" / "alternative-s23-s24" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    strong = "            ref: national-security\n"
    assert text.count(strong) == 1
    weak = text.replace(strong, "            description: Safeguarding the port\n            weight: slight\n")
    decision = rules.evaluate(candour.Case.from_yaml(weak, str(path), rules))
    assert decision.alternatives[0].holding == ["c1"]
    (flag,) = [f for f in decision.flags if f.code == "F123"]
    assert flag.name == "masked-alternative-not-weighed"
    assert flag.severity == "warning"
    assert "(maintaining 1, disclosure 2)" in flag.message
    assert flag.statement is not None and flag.statement.key == "c2/public-interest"
