"""Errors are Python exceptions carrying the C++ diagnostics: codes, files, lines and columns."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import candour
from conftest import small_case

VALID = """\
case:
  id: t
  regime: uk-foia-2000
  request:
    received: 2018-03-22
    wording: Please send the list.
  items:
    - id: R1
      description: A thing
  claims:
    - id: c1
      provision: s.31(1)(a)
      items: [R1]
"""


def load_text(tmp_path: Path, text: str) -> candour.LoadError:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(candour.LoadError) as info:
        candour.Case.load(path)
    return info.value


def only(error: candour.LoadError) -> candour.Diagnostic:
    errors = [d for d in error.diagnostics if d.severity == "error"]
    assert len(errors) == 1, errors
    return errors[0]


def test_exception_hierarchy() -> None:
    assert issubclass(candour.Error, RuntimeError)
    assert issubclass(candour.LoadError, candour.Error)
    assert issubclass(candour.RenderError, candour.Error)
    assert issubclass(candour.NotFoundError, candour.Error)
    assert issubclass(candour.NotFoundError, LookupError)
    assert candour.LoadError.__doc__ and candour.RenderError.__doc__


def test_valid_text_loads(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert candour.Case.load(path).id == "t"


def test_missing_regime_is_p205(tmp_path: Path) -> None:
    error = load_text(tmp_path, VALID.replace("  regime: uk-foia-2000\n", ""))
    d = only(error)
    assert (d.code, d.line, d.column, d.severity) == ("P205", 2, 3, "error")
    assert d.file.endswith("case.yaml")
    assert "regime" in d.message
    assert (d.where.file, d.where.line, d.where.column) == (d.file, 2, 3)
    assert str(d).endswith("[P205]")
    assert "P205" in str(error)


def test_impossible_date_is_p207_at_the_value(tmp_path: Path) -> None:
    d = only(load_text(tmp_path, VALID.replace("2018-03-22", "2018-02-30")))
    assert (d.code, d.line, d.column) == ("P207", 5, 15)
    assert "2018-02-30" in d.message


def test_unknown_item_in_a_claim_is_p302(tmp_path: Path) -> None:
    d = only(load_text(tmp_path, VALID.replace("items: [R1]", "items: [R9]")))
    assert (d.code, d.line, d.column) == ("P302", 11, 7)
    assert "R9" in d.message
    assert d.notes == ["did you mean 'R1'?"]


def test_unknown_key_and_yaml_syntax(tmp_path: Path) -> None:
    d = only(load_text(tmp_path, VALID.replace("  id: t\n", "  id: t\n  titel: x\n")))
    assert (d.code, d.line, d.column) == ("P203", 3, 3)
    d = only(load_text(tmp_path, VALID + "  : : [\n"))
    assert d.code == "P101"


def test_every_diagnostic_is_reported(tmp_path: Path) -> None:
    text = VALID.replace("  regime: uk-foia-2000\n", "").replace("  request:\n", "  requests:\n")
    codes = sorted(d.code for d in load_text(tmp_path, text).diagnostics)
    assert "P203" in codes and "P205" in codes


def test_missing_file_is_p102(tmp_path: Path) -> None:
    with pytest.raises(candour.LoadError) as info:
        candour.Case.load(tmp_path / "absent.yaml")
    assert [d.code for d in info.value.diagnostics] == ["P102"]


def test_from_yaml_locations() -> None:
    with pytest.raises(candour.LoadError) as info:
        candour.Case.from_yaml(VALID.replace("2018-03-22", "2018-13-01"), name="text.yaml")
    d = only(info.value)
    assert (d.file, d.code, d.line, d.column) == ("text.yaml", "P207", 5, 15)


def test_unknown_provision_fails_at_evaluation(rules: candour.Rulebook) -> None:
    case = candour.Case.from_yaml(VALID.replace("s.31(1)(a)", "s.99"))
    with pytest.raises(candour.LoadError) as info:
        rules.evaluate(case)
    d = only(info.value)
    assert d.code == "P302" and "s.99" in d.message and d.line == 11
    # ... and at load when the rules are given.
    with pytest.raises(candour.LoadError):
        candour.Case.from_yaml(VALID.replace("s.31(1)(a)", "s.99"), rules=rules)


def test_unknown_regime(rules: candour.Rulebook) -> None:
    case = candour.Case.from_dict(small_case(regime="uk-foia-1999"))
    with pytest.raises(candour.LoadError) as info:
        rules.evaluate(case)
    assert only(info.value).code == "P302"


def test_bad_rules_folder(tmp_path: Path) -> None:
    (tmp_path / "index.yaml").write_text("regime:\n  id: x\n  titel: y\n", encoding="utf-8")
    with pytest.raises(candour.LoadError) as info:
        candour.Rulebook.load(tmp_path)
    assert info.value.diagnostics
    assert all(d.file.endswith("index.yaml") for d in info.value.diagnostics if d.severity == "error")


def test_bad_as_of(rules: candour.Rulebook, mopac: candour.Case) -> None:
    with pytest.raises(ValueError, match="2018-02-30"):
        rules.evaluate(mopac, as_of="2018-02-30")
    with pytest.raises(TypeError):
        rules.evaluate(mopac, as_of=20180101)  # type: ignore[arg-type]
    d = rules.evaluate(mopac, as_of=datetime.date(2018, 5, 1))
    assert d.decision_date == datetime.date(2018, 5, 1)


def test_render_error_code(rules: candour.Rulebook) -> None:
    data = small_case()
    data["case"]["items"][0]["description"] = "Payroll system (not Fictional Wall 7)"
    decision = rules.evaluate(candour.Case.from_dict(data))
    with pytest.raises(candour.RenderError) as info:
        decision.render("notice")
    assert info.value.code == "R501"
    assert "R501" in str(info.value)
    assert isinstance(info.value, candour.Error)
    # Only requester-facing outputs are guarded: the reviewer's outputs still render.
    for fmt in ("record", "json", "dot"):
        assert decision.render(fmt)
