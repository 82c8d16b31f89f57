"""Case.from_dict: a dict shaped like a case file, serialised as JSON (a subset of YAML)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest

import candour
from conftest import MOPAC, small_case

try:
    import yaml  # type: ignore[import]  # Debian's python3-yaml, when installed
except ImportError:  # pragma: no cover - depends on the machine
    yaml = None


def without_locations(x: Any) -> Any:
    """The decision dict minus the places in the input, which differ between a file and a dict."""
    if isinstance(x, dict):
        return {k: without_locations(v) for k, v in x.items() if k != "where"}
    if isinstance(x, list):
        return [without_locations(v) for v in x]
    return x


def mopac_dict() -> dict[str, Any]:
    if yaml is not None:
        data: dict[str, Any] = yaml.safe_load(MOPAC.read_text(encoding="utf-8"))
        assert isinstance(data["case"]["request"]["received"], datetime.date)  # safe_load gives dates
        return data
    # Without PyYAML, the same case built by hand from the file's own fields.
    case = candour.Case.load(MOPAC)
    claim = case.claims[0]
    return {"case": {
        "id": case.id, "title": case.title, "regime": case.regime,
        "authority": {"name": case.authority.name, "review_contact": case.authority.review_contact},
        "assumptions": case.assumptions,
        "request": {"received": case.request.received, "wording": case.request.wording},
        "items": [{"id": i.id, "description": i.description,
                   **({"content": i.content} if i.content else {}),
                   **({"withheld_content": i.withheld_content} if i.withheld_content else {})}
                  for i in case.items],
        "claims": [{
            "id": claim.id, "provision": claim.provision, "items": claim.items, "harm": claim.harm,
            "causal_chain": claim.causal_chain, "likelihood": claim.likelihood,
            "evidence": [{"description": e.description, "grade": e.grade} for e in claim.evidence],
            "factors": {side: [{k: v for k, v in (("id", f.id), ("ref", f.ref), ("description", f.description),
                                                   ("weight", f.weight)) if v}
                               | ({"source": {"label": f.source.label}} if f.source.label and not f.ref else {})
                               for f in claim.factors if f.side == side]
                        for side in ("maintain", "disclose")},
        }],
        "notice": {"acknowledges_delay": True, "states_exemption": True, "specifies_subsection": True,
                   "explains_engagement": True, "gives_pit_reasons": True, "internal_review": "by-reference",
                   "internal_review_reference": case.notice.internal_review_reference if case.notice else "",
                   "states_complaint_right": False},
    }}


def test_round_trip_of_the_example(rules: candour.Rulebook) -> None:
    from_file = rules.evaluate(candour.Case.load(MOPAC))
    from_dict = rules.evaluate(candour.Case.from_dict(mopac_dict()))
    assert from_dict.outcome == from_file.outcome == "partial"
    assert [i.outcome for i in from_dict.items] == [i.outcome for i in from_file.items]
    assert from_dict.render("notice") == from_file.render("notice")
    assert without_locations(from_dict.to_dict()) == without_locations(from_file.to_dict())
    assert from_dict.case.where.file == "<dict>"


def test_dict_survives_json_itself(rules: candour.Rulebook) -> None:
    data = json.loads(json.dumps(mopac_dict(), default=str))
    assert rules.evaluate(candour.Case.from_dict(data)).outcome == "partial"


def test_small_case(rules: candour.Rulebook) -> None:
    case = candour.Case.from_dict(small_case())
    assert case.id == "small"
    assert case.request.received == datetime.date(2019, 5, 1)
    decision = rules.evaluate(case)
    assert [(i.id, i.outcome) for i in decision.items] == [("A1", "disclose"), ("A2", "withhold")]


def test_dates_and_unicode(rules: candour.Rulebook) -> None:
    data = small_case(request={"received": datetime.date(2019, 5, 1), "wording": "Café ‘systems’ – naïve 😀"})
    data["case"]["items"][0]["description"] = "Système de paie 😀"
    case = candour.Case.from_dict(data)
    assert case.request.wording == "Café ‘systems’ – naïve 😀"
    assert case.items[0].description == "Système de paie 😀"
    assert "Système de paie 😀" in rules.evaluate(case).render("notice")


def test_locations_refer_to_the_json_text() -> None:
    data = small_case()
    del data["case"]["regime"]
    with pytest.raises(candour.LoadError) as info:
        candour.Case.from_dict(data)
    d = info.value.diagnostics[0]
    assert (d.code, d.file, d.line) == ("P205", "<dict>", 1)
    text = json.dumps(data, ensure_ascii=False)
    assert text[d.column - 1:].startswith("{")  # the column points into the JSON text


def test_values_json_cannot_write() -> None:
    with pytest.raises(TypeError, match="cannot write a set"):
        candour.Case.from_dict(small_case(assumptions={"a", "b"}))
    with pytest.raises(TypeError):
        candour.Case.from_dict(small_case(id=Path("x")))
    with pytest.raises(TypeError):
        candour.Case.from_dict([small_case()])  # type: ignore[arg-type]


def test_wrong_shapes_are_load_errors() -> None:
    with pytest.raises(candour.LoadError) as info:
        candour.Case.from_dict({"case": {"id": "x", "regime": "uk-foia-2000", "request": [], "items": []}})
    assert "P202" in [d.code for d in info.value.diagnostics]
    with pytest.raises(candour.LoadError):
        candour.Case.from_dict({})
