"""What the C++ API offers, reached from Python: render options, every output format, the parts of
regimes, provisions, cases and decisions, load limits, version."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Callable

import pytest

import candour
from conftest import FOIA_RULES, MOPAC, ROOT, small_case

CLI = os.environ.get("CANDOUR_CLI")
needs_cli = pytest.mark.skipif(not CLI, reason="the CLI was not built")


# ---- output formats ---------------------------------------------------------------------

@needs_cli
def test_output_formats_are_the_clis() -> None:
    """OUTPUT_FORMATS comes from the library's list (all_output_formats), so it matches the formats the
    CLI names, in order: a format added in C++ appears without a change to the bindings."""
    assert CLI
    cli = subprocess.run([CLI, "evaluate", str(MOPAC), "--format", "no-such-format"], capture_output=True, text=True)
    match = re.search(r"expected (.*) or ([\w-]+)$", cli.stderr.strip())
    assert match, cli.stderr
    names = [n.strip() for n in match.group(1).split(",")] + [match.group(2)]
    assert list(candour.OUTPUT_FORMATS) == names


def test_every_format_has_its_own_batch_file_name() -> None:
    names = [candour.batch_file_name("case", f) for f in candour.OUTPUT_FORMATS]
    assert len(set(names)) == len(names) and all(n.startswith("case.") for n in names)
    assert candour.batch_file_name("case", "json", decided=False) == "case.diagnostics.txt"
    with pytest.raises(ValueError, match="unknown format"):
        candour.batch_file_name("case", "pdf")


# ---- render options: language -----------------------------------------------------------

WELSH_TITLE = "Ymateb i'ch cais am wybodaeth"


@pytest.fixture(scope="module")
def welsh_rules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the FOIA rules with a second notice language, as a regime gains one: a template file."""
    # The whole UK folder: rule files may refer only to files inside it (the shared calendar).
    uk = tmp_path_factory.mktemp("rules") / "uk"
    shutil.copytree(FOIA_RULES.parent, uk, ignore=shutil.ignore_patterns("tests"))
    folder = uk / FOIA_RULES.name
    english = (folder / "templates" / "notice.en.yaml").read_text(encoding="utf-8")
    welsh = english.replace("language: en", "language: cy").replace(
        "title: Response to your request for information", f"title: {WELSH_TITLE}")
    assert welsh.count(WELSH_TITLE) == 1
    (folder / "templates" / "notice.cy.yaml").write_text(welsh, encoding="utf-8")
    return folder


def test_render_language(welsh_rules: Path) -> None:
    rules = candour.Rulebook.load(welsh_rules)
    assert [w.language for w in rules.regime("uk-foia-2000").notice_templates] == ["cy", "en"]
    decision = rules.evaluate(candour.Case.load(MOPAC))
    assert decision.render("notice", language="cy").startswith(f"# {WELSH_TITLE}")
    assert WELSH_TITLE in decision.render("notice-text", language="cy")
    assert decision.render("notice") == decision.render("notice", language="en")
    assert not decision.render("notice").startswith(f"# {WELSH_TITLE}")
    # Only the notice has wording; the reviewer's outputs do not change.
    assert decision.render("record", language="cy") == decision.render("record")


def test_render_language_is_keyword_only(decision: candour.Decision) -> None:
    with pytest.raises(TypeError):
        decision.render("notice", "en")  # type: ignore[misc]


def test_unknown_language_is_r504(decision: candour.Decision) -> None:
    with pytest.raises(candour.RenderError, match="no notice wording in 'fr'") as info:
        decision.render("notice", language="fr")
    assert info.value.code == "R504"


@needs_cli
@pytest.mark.parametrize("fmt", ["notice", "notice-text"])
def test_language_matches_the_cli(welsh_rules: Path, fmt: str) -> None:
    assert CLI
    cli = subprocess.run([CLI, "evaluate", str(MOPAC), "--rules", str(welsh_rules), "--format", fmt,
                          "--language", "cy"], check=True, capture_output=True, text=True)
    decision = candour.Rulebook.load(welsh_rules).evaluate(candour.Case.load(MOPAC))
    assert decision.render(fmt, language="cy") == cli.stdout


# ---- regimes and provisions -------------------------------------------------------------

def test_regime_balancing_extras(rules: candour.Rulebook) -> None:
    foia = rules.regime("uk-foia-2000")
    assert foia.aggregation == "cumulative"
    assert foia.aggregation_authority is not None and "[2025] UKSC 27" in foia.aggregation_authority.label
    assert foia.aggregation_since == datetime.date(2025, 7, 23)
    assert foia.ncnd_source is not None and foia.ncnd_source.label == "FOIA 2000 s.2(1)(b)"
    assert foia.presumption_weight == 0.0 and foia.presumption_source is None
    eir = candour.Rulebook.load(ROOT / "rules" / "uk" / "eir-2004").regime("uk-eir-2004")
    assert eir.presumption_weight > 0
    assert eir.presumption_source is not None and "12(2)" in eir.presumption_source.label
    assert foia.presumption_factor is None
    assert eir.presumption_factor is not None and eir.presumption_factor.side == "disclose"
    assert eir.presumption_factor.source.label == eir.presumption_source.label
    eir_rules = candour.Rulebook.load(ROOT / "rules" / "uk" / "eir-2004")
    assert not eir_rules.provision("reg.13(1)(b)").presumption_applies
    assert eir_rules.provision("reg.12(5)(e)").presumption_applies


def test_regime_weakening_and_complaints(rules: candour.Rulebook) -> None:
    foia = rules.regime("uk-foia-2000")
    w = foia.weakening
    assert w.public_domain_multiplier == pytest.approx(0.5)
    assert [(a.older_than_years, a.weight_multiplier) for a in w.age] == [(10, 0.9), (20, 0.75)]
    assert w.source is not None and w.source.kind == "calibration"
    assert repr(w.age[0]) == "AgeWeakening(older_than_years=10, weight_multiplier=0.9)"
    c = foia.complaints
    assert c.regulator == "the Information Commissioner"
    assert "section 50" in c.right.label and c.regulator_uri.startswith("https://")
    assert c.review
    assert repr(c) == "ComplaintRoute(regulator='the Information Commissioner')"
    assert foia.unstated_threshold_source.label.startswith("ICO")
    assert foia.extension_note.startswith("s.10(3)")
    assert foia.calendar_regions == ["england-and-wales", "scotland", "northern-ireland"]


def test_notice_templates(rules: candour.Rulebook) -> None:
    (en,) = rules.regime("uk-foia-2000").notice_templates
    assert en.language == "en"
    assert en.sentences["title"] == "Response to your request for information"
    assert en.months[0] == "January" and len(en.months) == 12
    assert en.where.file.endswith("notice.en.yaml")
    assert repr(en).startswith("NoticeWording(language='en', sentences=")


def test_working_day_calendar(rules: candour.Rulebook, decision: candour.Decision) -> None:
    cal = rules.regime("uk-foia-2000").working_day_calendar
    assert cal.id == rules.regime("uk-foia-2000").calendar == "uk-bank-holidays"
    assert cal.covers("2018-04-23") and not cal.covers("1900-01-01")
    assert cal.holiday_name(datetime.date(2018, 12, 25)) == "Christmas Day"
    assert cal.holiday_name("2018-12-27") is None
    assert not cal.is_working_day("2018-12-25") and not cal.is_working_day("2018-04-21")  # a Saturday
    assert cal.is_working_day("2018-04-23")
    # The deadline the evaluator computed, from the calendar alone.
    assert decision.deadline is not None
    assert cal.add_working_days(decision.deadline.received, 20) == decision.deadline.due
    assert cal.working_days_between(decision.deadline.received, decision.deadline.due) == 20
    assert cal.working_days_between("2018-04-23", "2018-03-22") == 0
    assert repr(cal) == "WorkingDayCalendar(id='uk-bank-holidays')"


def test_provision_historical_limit_source(rules: candour.Rulebook) -> None:
    p = rules.provision("s.31(1)(a)")
    assert p.historical_limit_years == 100
    assert p.historical_limit_source is not None and p.historical_limit_source.label.startswith("FOIA 2000 s.63")
    assert rules.provision("s.21(1)").historical_limit_source is None


def test_provision_unavailable_for() -> None:
    eir = candour.Rulebook.load(ROOT / "rules" / "uk" / "eir-2004")
    (bar,) = eir.provision("reg.12(5)(d)").unavailable_for
    assert (bar.kind, bar.by) == ("emissions", "reg.12(9)")
    assert repr(bar) == "InformationBar(kind='emissions', by='reg.12(9)')"
    assert eir.provision("reg.12(4)(a)").unavailable_for == []


# ---- cases ------------------------------------------------------------------------------

def test_claim_reasons_withheld(rules: candour.Rulebook) -> None:
    assert candour.Case.load(MOPAC).claims[0].reasons_withheld == ""
    data = small_case()
    data["case"]["claims"][0]["reasons_withheld_under"] = "s.17(4)"
    case = candour.Case.from_dict(data, rules=rules)
    assert case.claims[0].reasons_withheld == "s.17(4)"


def test_item_concerns() -> None:
    data = small_case(regime="uk-eir-2004", claims=[])
    data["case"]["items"][0]["concerns"] = ["emissions"]
    case = candour.Case.from_dict(data)
    a1, a2 = case.items
    assert a1.concerns == ["emissions"] and a1.is_about("emissions") and not a1.is_about("noise")
    assert a2.concerns == [] and not a2.is_about("emissions")


def test_notice_confirms_held_and_extended_to() -> None:
    mopac = candour.Case.load(MOPAC).notice
    assert mopac is not None and mopac.confirms_held and mopac.extended_to is None
    assert repr(mopac) == "Notice(sent=None, internal_review='by-reference', confirms_held=True, extended_to=None)"
    case = candour.Case.from_dict(small_case(notice={
        "sent": "2019-06-20", "states_exemption": True, "specifies_subsection": True, "explains_engagement": True,
        "gives_pit_reasons": True, "internal_review": "stated", "states_complaint_right": True,
        "confirms_held": False, "extended_to": "2019-06-25"}))
    notice = case.notice
    assert notice is not None
    assert notice.confirms_held is False
    assert notice.extended_to == datetime.date(2019, 6, 25)
    assert repr(notice) == ("Notice(sent='2019-06-20', internal_review='stated', confirms_held=False, "
                            "extended_to='2019-06-25')")


# ---- decisions --------------------------------------------------------------------------

def test_item_finding_item_is_the_cases(decision: candour.Decision) -> None:
    for finding, item in zip(decision.items, decision.case.items, strict=True):
        assert finding.item.id == finding.id == item.id
        assert finding.item.withheld_content == item.withheld_content
        assert finding.description == item.description
        assert finding.has_withheld_content == item.has_withheld_content
    r12 = candour.Rulebook.load(FOIA_RULES).evaluate(candour.Case.load(MOPAC)).item("R12").item
    assert r12.withheld_content == ["Fictional Sentinel IDS 9"]  # kept alive by the item alone


def test_statement_standard_details(decision: candour.Decision) -> None:
    for s in decision.graph:
        assert s.weighing == "sum"
        assert (s.margin, s.strict) == (None, None)  # FOI decisions use no threshold standard
    assert all(a.category == 0 for a in decision.graph.arguments)


def test_explain(decision: candour.Decision) -> None:
    pit = decision.graph["c1/public-interest"]
    e = pit.explain()
    assert e.label == pit.label == "accepted"
    assert e.pro_weight == pytest.approx(pit.pro_weight) and e.con_weight == pytest.approx(pit.con_weight)
    assert {x.argument.key for x in e.deciding} == {a.key for a in pit.pro if a.status == "applicable"}
    assert {x.argument for x in e.deciding + e.losing} == set(pit.pro + pit.con)
    assert all(x.status == "applicable" and not x.outweighed for x in e.deciding)
    assert all(x.outweighed for x in e.losing if x.status == "applicable")
    assert any(x.outweighed for x in e.losing)
    assert repr(e) == f"Explanation(label='accepted', deciding={len(e.deciding)}, losing={len(e.losing)})"
    assert repr(e.deciding[0]).startswith("ExplanationEntry(argument='c1/factor/")


# ---- load limits ------------------------------------------------------------------------

def test_load_limits_defaults_and_repr() -> None:
    limits = candour.LoadLimits()
    assert (limits.max_file_bytes, limits.max_depth, limits.max_nodes, limits.max_items, limits.max_string_bytes,
            limits.max_text_bytes, limits.max_errors) == (16 << 20, 64, 2_000_000, 1_000_000, 1 << 20, 64 << 20, 1000)
    assert candour.LoadLimits(max_depth=5).max_depth == 5
    limits.max_items = 3
    assert limits.max_items == 3
    assert repr(candour.LoadLimits(max_errors=7)).endswith("max_errors=7)")
    with pytest.raises(TypeError):
        candour.LoadLimits(5)  # type: ignore[misc]
    with pytest.raises(TypeError):
        candour.LoadLimits(max_depth=-1)


def test_load_limits_reach_every_loader(rules: candour.Rulebook) -> None:
    tiny = candour.LoadLimits(max_file_bytes=100)
    text = MOPAC.read_text(encoding="utf-8")
    with pytest.raises(candour.LoadError) as info:
        candour.Case.load(MOPAC, limits=tiny)
    assert [d.code for d in info.value.diagnostics] == ["P103"]
    shallow = candour.LoadLimits(max_depth=2)
    loaders: list[Callable[[], object]] = [
        lambda: candour.Case.from_yaml(text, limits=shallow),
        lambda: candour.Case.from_dict(small_case(), limits=shallow),
        lambda: candour.Rulebook.load(FOIA_RULES, limits=shallow),
    ]
    for load in loaders:
        with pytest.raises(candour.LoadError) as info:
            load()
        assert "P105" in [d.code for d in info.value.diagnostics]
    assert "P105" in [d.code for d in candour.Rulebook.check(FOIA_RULES, limits=shallow)]
    with pytest.raises(candour.LoadError):
        candour.Rulebook.load(limits=tiny)  # the bundled rules, with limits
    assert candour.Case.load(MOPAC, rules, limits=candour.LoadLimits()).id == "mopac-it-systems"


def test_version_info() -> None:
    assert candour.version_info == tuple(int(x) for x in candour.__version__.split("."))


# ---- exclusivity, alternatives, routes and historical limits -----------------------------

def test_routes_and_alternatives(rules: candour.Rulebook) -> None:
    s39a = rules.provision("s.39(1)(a)")
    assert s39a.exclusive_with == ["s.39(1)(b)"]
    (route,) = s39a.routes_to
    assert (route.regime, route.provision) == ("uk-eir-2004", "")
    assert repr(route) == "RegimeRoute(regime='uk-eir-2004', provision='')"
    data = small_case(claims=[
        {"id": "c1", "provision": "s.39(1)(a)", "items": ["A1"], "class_facts": ["Readings of river water quality."]},
        {"id": "c2", "provision": "s.39(1)(b)", "items": ["A1"], "in_the_alternative_to": ["c1"]},
    ])
    case = candour.Case.from_dict(data, rules=rules)
    assert case.claims[1].in_the_alternative_to == ["c1"] and case.claims[0].in_the_alternative_to == []
    decision = rules.evaluate(case)
    assert [(r.claim, r.regime, r.items, r.routed) for r in decision.routes] == [
        ("c1", "uk-eir-2004", ["A1"], True), ("c2", "uk-eir-2004", ["A1"], False)]
    assert "F122" not in [f.code for f in decision.flags]
    del data["case"]["claims"][1]["in_the_alternative_to"]
    flagged = rules.evaluate(candour.Case.from_dict(data, rules=rules))
    assert "F122" in [f.code for f in flagged.flags]


def test_historical_limit_by_decision_date(rules: candour.Rulebook) -> None:
    s42 = rules.provision("s.42(1)")
    created = datetime.date(1990, 6, 30)
    assert s42.historical_limit_passed(created, datetime.date(2012, 6, 1)) is False   # 30 years before 2013
    assert s42.historical_limit_passed(created, datetime.date(2016, 6, 1)) is False   # SI 2012/3029 table: end of 2016
    assert s42.historical_limit_passed(created, "2017-01-02") is True
    assert rules.provision("s.23(1)").historical_limit_passed(created, "2017-01-02") is None
    s37 = rules.provision("s.37(1)(a)")
    letter = datetime.date(2000, 6, 30)
    assert s37.historical_limit_passed(letter, "2028-05-02") is False  # no death recorded
    assert s37.historical_limit_passed(letter, "2027-09-07", relevant_death="2022-09-08") is False
    assert s37.historical_limit_passed(letter, "2027-09-08", relevant_death="2022-09-08") is True
    data = small_case()
    data["case"]["items"][0]["relevant_death"] = "2022-09-08"
    assert candour.Case.from_dict(data).items[0].relevant_death == datetime.date(2022, 9, 8)


def test_shared_interests(rules: candour.Rulebook) -> None:
    s38a = rules.provision("s.38(1)(a)", regime="uk-foia-2000")
    (shared,) = rules.shared_interests(s38a)
    assert isinstance(shared, candour.SharedInterest)
    assert (shared.provision_id, shared.factor_ids) == ("s.38(1)(b)", ["protect-individuals"])
    assert repr(shared) == "SharedInterest(provision_id='s.38(1)(b)', factor_ids=['protect-individuals'])"
    assert rules.shared_interests(rules.provision("s.31(1)(a)", regime="uk-foia-2000")) == []
