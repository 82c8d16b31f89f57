"""The leak guard through the Python API: no requester notice ever carries withheld content."""

from __future__ import annotations

import random
import string
from typing import Any

import pytest

import candour
from conftest import small_case

DESCRIPTIONS = ["Payroll system", "Firewall: the product used", "Email service", "CCTV contract",
                "Building access system", "Backup service", "Minutes of the board", "Supplier list"]
MAINTAIN = ["crime-prevention", "data-security"]
DISCLOSE = ["transparency", "accountability-security"]


def secret(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_letters) for _ in range(6)) + "-" + str(rng.randrange(10**6))


def generated_case(rng: random.Random, n: int) -> tuple[dict[str, Any], list[str], str]:
    """A random case, its withheld strings, and where one was deliberately leaked: "" (nowhere),
    "description" (an item description, which every notice lists), "harm" or "factor" (shown
    only when the notice explains an exemption)."""
    items, withheld = [], []
    for k in range(rng.randint(1, 6)):
        item: dict[str, Any] = {"id": f"I{k}", "description": rng.choice(DESCRIPTIONS) + f" {k}"}
        if rng.random() < 0.6:
            item["withheld_content"] = [secret(rng) for _ in range(rng.randint(1, 3))]
            withheld += item["withheld_content"]
        items.append(item)
    claimed = [i["id"] for i in items if "withheld_content" in i] or [items[0]["id"]]
    claim: dict[str, Any] = {
        "id": "c1", "provision": "s.31(1)(a)", "items": claimed,
        "harm": "Disclosure would help criminals to attack our systems.",
        "causal_chain": "Known weaknesses of named products can be exploited.",
        "likelihood": rng.choice([[], ["would"], ["would-be-likely-to"], ["would", "would-be-likely-to"]]),
        "evidence": [{"description": "A report.", "grade": rng.choice(["specific", "generic", "none"])}],
        "factors": {
            "maintain": [{"id": f"m{j}", "ref": r} for j, r in enumerate(rng.sample(MAINTAIN, rng.randint(0, 2)))],
            "disclose": [{"id": f"d{j}", "ref": r} for j, r in enumerate(rng.sample(DISCLOSE, rng.randint(0, 2)))],
        },
    }
    leaked = ""
    if withheld and rng.random() < 0.3:
        leaked = where = rng.choice(["description", "harm", "factor"])
        s = rng.choice(withheld)
        if where == "description":
            rng.choice(items)["description"] += f" ({s.upper() if rng.random() < 0.5 else s})"
        elif where == "harm":
            claim["harm"] += f" The product {s} is vulnerable."
        else:
            claim["factors"]["disclose"].append(
                {"id": "leak", "description": f"people want to know about {s}", "weight": "moderate"})
    data = small_case(id=f"gen-{n}", items=items, claims=[claim])
    return data, withheld, leaked


def test_withheld_string_in_a_description_is_refused(rules: candour.Rulebook) -> None:
    data = small_case()
    data["case"]["items"][1]["description"] = "Firewall: Fictional Wall 7"
    decision = rules.evaluate(candour.Case.from_dict(data))
    for fmt in candour.REQUESTER_FACING_FORMATS:
        with pytest.raises(candour.RenderError) as info:
            decision.render(fmt)
        assert info.value.code == "R501"
    assert decision.find_withheld_content("the firewall is FICTIONAL WALL 7") == ["Fictional Wall 7"]
    assert decision.find_withheld_content("nothing secret here") == []


def test_no_notice_carries_withheld_content(rules: candour.Rulebook) -> None:
    rng = random.Random(20240501)
    generated = [generated_case(rng, n) for n in range(300)]
    cases = [candour.Case.from_dict(data) for data, _, _ in generated]
    decisions = rules.evaluate_many(cases)
    refused = {"": 0, "description": 0, "harm": 0, "factor": 0}
    rendered = 0
    for decision, (_, withheld, leaked) in zip(decisions, generated):
        try:
            notice = "\n".join(decision.render(fmt) for fmt in candour.REQUESTER_FACING_FORMATS)
        except candour.RenderError as e:
            assert e.code == "R501"
            assert leaked, f"{decision.case.id}: refused without a leak"
            refused[leaked] += 1
            continue
        assert leaked != "description", f"{decision.case.id}: a leaked description was rendered"
        lowered = " ".join(notice.lower().split())  # a wrapped plain-text notice may break a string
        for s in withheld:
            assert s.lower() not in lowered, f"{decision.case.id}: withheld {s!r} reached the notice"
        rendered += 1
    assert refused["description"] == sum(1 for _, _, leaked in generated if leaked == "description") > 0
    assert refused["harm"] + refused["factor"] > 0
    assert rendered > 100
    assert len({d.outcome for d in decisions}) > 1



def test_notice_does_not_say_which_alternative_applies(rules: candour.Rulebook) -> None:
    """s.23(1) or, in the alternative, s.24(1): the requester cannot tell from the notice which of
    the two holds, because the notice is the same whichever does."""
    from conftest import ROOT
    path = ROOT / "examples" / "alternative-s23-s24" / "case.yaml"
    text = path.read_text(encoding="utf-8")
    facts = "      class_facts:\n        - The annex is a threat assessment supplied to the department by the Security Service.\n"
    assert text.count(facts) == 1
    case = candour.Case.from_yaml(text, str(path), rules)
    twin = candour.Case.from_yaml(text.replace(facts, ""), str(path), rules)  # s.24(1) carries the annex
    a, b = rules.evaluate(case), rules.evaluate(twin)
    assert [c.claim for c in a.claims if c.exempt.label == "accepted"] == ["c1"]
    assert [c.claim for c in b.claims if c.exempt.label == "accepted"] == ["c2"]
    for fmt in candour.REQUESTER_FACING_FORMATS:
        notice = a.render(fmt)
        assert notice == b.render(fmt)
        assert "Security Service" not in notice
        assert "in the alternative" in notice
