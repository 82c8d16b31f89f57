"""Shared fixtures for the candour Python tests (run by `ctest -L python`, or directly with
PYTHONPATH=build/py/python /usr/bin/python3 -m pytest tests/python)."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest

import candour

ROOT = Path(os.environ.get("CANDOUR_SOURCE_DIR", Path(__file__).resolve().parents[2]))
FOIA_RULES = ROOT / "rules" / "uk" / "foia-2000"
MOPAC = ROOT / "examples" / "mopac-it-systems" / "case.yaml"


@pytest.fixture(scope="session")
def rules() -> candour.Rulebook:
    """The FOIA 2000 rulebook: the regime every case in these tests uses. (The bundled rules as a
    whole are loaded by test_loading.py.)"""
    return candour.Rulebook.load(FOIA_RULES)


@pytest.fixture(scope="session")
def mopac() -> candour.Case:
    return candour.Case.load(MOPAC)


@pytest.fixture(scope="session")
def decision(rules: candour.Rulebook, mopac: candour.Case) -> candour.Decision:
    return rules.evaluate(mopac)


SMALL_CASE: dict[str, Any] = {
    "case": {
        "id": "small",
        "title": "A small fictional case",
        "regime": "uk-foia-2000",
        "authority": {"name": "Fictional Borough Council"},
        "request": {"received": "2019-05-01", "wording": "Please send the list of the council's systems."},
        "items": [
            {"id": "A1", "description": "Payroll system", "content": "Placeholder Pay (fictional)"},
            {"id": "A2", "description": "Firewall: the product used", "withheld_content": "Fictional Wall 7"},
        ],
        "claims": [
            {
                "id": "c1",
                "provision": "s.31(1)(a)",
                "items": ["A2"],
                "harm": "Naming the product would help an attacker to plan an attack on our network.",
                "causal_chain": "Known weaknesses of a named product can be looked up and exploited.",
                "likelihood": "would-be-likely-to",
                "evidence": [{"description": "A national report of rising attacks.", "grade": "generic"}],
                "factors": {
                    "maintain": [{"id": "crime", "ref": "crime-prevention"}],
                    "disclose": [{"id": "transparency", "ref": "transparency"}],
                },
            }
        ],
    }
}


def small_case(**changes: Any) -> dict[str, Any]:
    """A deep copy of SMALL_CASE with top-level case keys replaced."""
    d = copy.deepcopy(SMALL_CASE)
    d["case"].update(changes)
    return d
