"""Loading rulebooks and cases: bundled rules, a folder, files, text and the module basics."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest

import candour
from conftest import FOIA_RULES, MOPAC, ROOT


def test_version_and_exports() -> None:
    assert candour.__version__ == "0.1.0"
    for name in candour.__all__:
        assert hasattr(candour, name), name
    assert candour.OUTPUT_FORMATS[:2] == ("record", "notice")
    assert {"json", "dot"} <= set(candour.OUTPUT_FORMATS)
    assert "notice" in candour.REQUESTER_FACING_FORMATS
    assert set(candour.REQUESTER_FACING_FORMATS) <= set(candour.OUTPUT_FORMATS)
    assert "record" not in candour.REQUESTER_FACING_FORMATS and "json" not in candour.REQUESTER_FACING_FORMATS


def test_every_public_object_has_a_docstring() -> None:
    for name in candour.__all__:
        obj = getattr(candour, name)
        if isinstance(obj, (str, tuple)):
            continue
        assert obj.__doc__, name
        if isinstance(obj, type) and not issubclass(obj, BaseException):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                assert member.__doc__, f"{name}.{attr}"


def test_bundled_rules_dir_is_a_folder() -> None:
    path = candour.bundled_rules_dir()
    assert isinstance(path, Path)
    assert path.is_dir()


def test_bundled_rules_dir_honours_the_environment(tmp_path: Path) -> None:
    old = os.environ.get("CANDOUR_RULES_DIR")
    os.environ["CANDOUR_RULES_DIR"] = str(tmp_path)
    try:
        assert candour.bundled_rules_dir() == tmp_path
    finally:
        if old is None:
            del os.environ["CANDOUR_RULES_DIR"]
        else:
            os.environ["CANDOUR_RULES_DIR"] = old


def test_load_bundled_rules() -> None:
    rules = candour.Rulebook.load()
    ids = [r.id for r in rules.regimes]
    assert "uk-foia-2000" in ids
    assert rules.provision("s.31(1)(a)", "uk-foia-2000").status == "qualified"


def test_load_a_folder_as_str_or_path(rules: candour.Rulebook) -> None:
    paths: list[str | Path] = [str(FOIA_RULES), FOIA_RULES]
    for path in paths:
        loaded = candour.Rulebook.load(path)
        assert [r.id for r in loaded.regimes] == ["uk-foia-2000"]
    assert len(rules.provisions) >= 4
    assert repr(rules).startswith("Rulebook(regimes=['uk-foia-2000'], provisions=")


def test_regime_properties(rules: candour.Rulebook) -> None:
    foia = rules.regime("uk-foia-2000")
    assert foia.title == "Freedom of Information Act 2000"
    assert foia.short_title == "FOIA"
    assert foia.uri.startswith("https://www.legislation.gov.uk/")
    assert foia.tie == "disclose"
    assert (foia.period, foia.days) == (20, "working")
    assert foia.calendar == "uk-bank-holidays"
    assert foia.deadline_source.label == "FOIA 2000 s.10(1)"
    assert foia.balancing_source.kind == "legislation"
    assert [t.id for t in foia.thresholds] == ["would-be-likely-to", "would"]
    assert foia.thresholds[0].weight_multiplier == pytest.approx(0.8)
    assert {g.id for g in foia.evidence_grades} >= {"specific", "generic", "none"}
    assert foia.weights["strong"] == 4.0
    assert list(foia.weights)[0] == "slight"
    assert any(f.category == "requester-identity" for f in foia.irrelevant_factors)
    assert any(r.provision == "s.17(7)(b)" for r in foia.notice_requirements)
    assert foia.where.file.endswith("index.yaml")
    assert repr(foia) == "Regime(id='uk-foia-2000', title='Freedom of Information Act 2000')"


def test_provision_properties(rules: candour.Rulebook) -> None:
    p = rules.provision("s.31(1)(a)")
    assert p.regime == "uk-foia-2000"
    assert p.role == "exemption"
    assert p.status == "qualified"
    assert p.test == "prejudice"
    assert p.citation == "Freedom of Information Act 2000, section 31(1)(a)"
    assert p.uri.endswith("/section/31")
    assert p.protected_interest
    assert "crime-prevention" in [f.id for f in p.factors]
    assert all(f.side in ("maintain", "disclose") for f in p.factors)
    assert p.in_force_on("2018-04-23")
    assert p.in_force_on(datetime.date(2018, 4, 23))
    assert repr(p) == "Provision(regime='uk-foia-2000', id='s.31(1)(a)', status='qualified', test='prejudice')"
    # Provisions keep their rulebook alive.
    provisions = candour.Rulebook.load(FOIA_RULES).provisions
    assert provisions[0].id


def test_lookup_errors(rules: candour.Rulebook) -> None:
    with pytest.raises(candour.NotFoundError, match="unknown regime 'nope'"):
        rules.regime("nope")
    with pytest.raises(LookupError):
        rules.provision("s.99")
    with pytest.raises(candour.Error):
        rules.provision("s.31(1)(a)", "uk-foia-1999")


def test_check_reports_without_raising(tmp_path: Path) -> None:
    diagnostics = candour.Rulebook.check(FOIA_RULES)
    assert all(d.severity != "error" for d in diagnostics)
    missing = candour.Rulebook.check(tmp_path / "absent")
    assert [d.code for d in missing] == ["P102"]


def test_load_case_file(mopac: candour.Case) -> None:
    assert mopac.id == "mopac-it-systems"
    assert mopac.regime == "uk-foia-2000"
    assert mopac.authority.name == "Mayor's Office for Policing and Crime (MOPAC)"
    assert mopac.request.received == datetime.date(2018, 3, 22)
    assert mopac.request.wording.startswith("Please can you provide")
    assert len(mopac.assumptions) == 5
    assert [i.id for i in mopac.items][:3] == ["R01", "R02", "R03"]
    r12 = mopac.item("R12")
    assert r12.withheld_content == ["Fictional Sentinel IDS 9"]
    assert r12.has_withheld_content and r12.held and not r12.public_domain
    assert r12.created is None
    assert r12.where.file.endswith("case.yaml") and r12.where.line > 0
    claim = mopac.claims[0]
    assert claim.id == "c1" and claim.provision == "s.31(1)(a)"
    assert claim.items == ["R12", "R13", "R14"]
    assert claim.likelihood == ["would", "would-be-likely-to"]
    assert [e.grade for e in claim.evidence] == ["generic", "generic"]
    assert [f.id for f in claim.factors][:2] == ["crime", "resilience"]
    notice = mopac.notice
    assert notice is not None
    assert notice.internal_review == "by-reference"
    assert notice.acknowledges_delay and not notice.states_complaint_right
    assert notice.sent is None
    assert mopac.decision_date is None
    assert repr(mopac) == "Case(id='mopac-it-systems', regime='uk-foia-2000', items=14, claims=1)"
    with pytest.raises(KeyError):
        mopac.item("R99")


def test_load_case_as_path_and_with_rules(rules: candour.Rulebook) -> None:
    case = candour.Case.load(MOPAC, rules=rules)
    assert case.id == "mopac-it-systems"
    # Factors that adopt a provision default get its wording once checked against the rules.
    assert case.claims[0].factors[0].source.label


def test_case_parts_outlive_the_case() -> None:
    items = candour.Case.load(MOPAC).items
    assert items[-1].id == "R14"


def test_from_yaml_uses_the_name_in_diagnostics() -> None:
    text = (ROOT / "examples" / "mopac-it-systems" / "case.yaml").read_text(encoding="utf-8")
    case = candour.Case.from_yaml(text)
    assert case.where.file == "<string>"
    case = candour.Case.from_yaml(text, name="mopac.yaml")
    assert case.items[0].where.file == "mopac.yaml"
