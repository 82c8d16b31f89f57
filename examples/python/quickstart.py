"""Quickstart: evaluate the MOPAC example case and print the outcome and the requester's notice.

    PYTHONPATH=build/py/python /usr/bin/python3 examples/python/quickstart.py
"""

from pathlib import Path

import candour

CASE = Path(__file__).resolve().parents[1] / "mopac-it-systems" / "case.yaml"

rules = candour.Rulebook.load()  # the bundled rules
case = candour.Case.load(CASE)  # examples/mopac-it-systems/case.yaml
decision = rules.evaluate(case)

print("Outcome:", decision.outcome)
for item in decision.items:
    print(f"  {item.id}  {item.outcome:<8}  {item.description}")
print()
print(decision.render("notice"))
