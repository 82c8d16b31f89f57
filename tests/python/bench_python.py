"""Timing of the Python bindings (not a test: ctest does not run it).

    PYTHONPATH=build/py/python /usr/bin/python3 tests/python/bench_python.py [--cases 10000]

Build build/py in Release first. Prints the per-call time of the Python API on the MOPAC example
(best of several timeit repeats) and the throughput of evaluate_many with jobs=1 and jobs=2.
evaluate_many(jobs=1) loops in C++, so its time per case approximates the C++ cost of
candour::evaluate without the Python call overhead.
"""

from __future__ import annotations

import argparse
import os
import time
import timeit
from pathlib import Path

import candour

ROOT = Path(__file__).resolve().parents[2]
MOPAC = ROOT / "examples" / "mopac-it-systems" / "case.yaml"


def per_call(stmt: str, env: dict[str, object], number: int, repeat: int = 7) -> float:
    return min(timeit.repeat(stmt, globals=env, number=number, repeat=repeat)) / number


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--rules", type=Path, default=ROOT / "rules" / "uk" / "foia-2000")
    args = parser.parse_args()

    rules = candour.Rulebook.load(args.rules)
    case = candour.Case.load(MOPAC)
    decision = rules.evaluate(case)
    text = MOPAC.read_text(encoding="utf-8")
    env: dict[str, object] = {"rules": rules, "case": case, "decision": decision, "candour": candour,
                              "MOPAC": MOPAC, "text": text}
    print(f"candour {candour.__version__}, {os.cpu_count()} cores; MOPAC: {len(case.items)} items, "
          f"{len(decision.graph)} statements, {len(decision.graph.arguments)} arguments")
    rows = [
        ("Case.load(file)", "candour.Case.load(MOPAC)", 200),
        ("Case.from_yaml(text)", "candour.Case.from_yaml(text)", 200),
        ("rules.evaluate(case)", "rules.evaluate(case)", 500),
        ("decision.render('notice')", "decision.render('notice')", 500),
        ("decision.render('record')", "decision.render('record')", 500),
        ("decision.render('json')", "decision.render('json')", 500),
        ("decision.to_dict()", "decision.to_dict()", 200),
        ("evaluate + render('notice')", "rules.evaluate(case).render('notice')", 300),
        ("decision.outcome", "decision.outcome", 100_000),
        ("[i.outcome for i in decision.items]", "[i.outcome for i in decision.items]", 20_000),
    ]
    for label, stmt, number in rows:
        print(f"{label:40} {per_call(stmt, env, number) * 1e6:10.1f} us")

    cases = [case] * args.cases
    for jobs in (1, 2):
        call, free = [], []
        for _ in range(3):
            t0 = time.perf_counter()
            results = rules.evaluate_many(cases, jobs=jobs)
            t1 = time.perf_counter()
            del results  # freeing 10,000 decisions is sequential; timed apart
            free.append(time.perf_counter() - t1)
            call.append(t1 - t0)
        best = min(call)
        print(f"evaluate_many({args.cases} cases, jobs={jobs}) {best:8.3f} s   {best / args.cases * 1e6:8.1f} us/case"
              f"   {args.cases / best:8.0f} cases/s   (then freeing them: {min(free):.3f} s)")
    t0 = time.perf_counter()
    results = [rules.evaluate(c) for c in cases]
    best = time.perf_counter() - t0
    del results
    print(f"[rules.evaluate(c) for c in {args.cases} cases] {best:8.3f} s   {best / args.cases * 1e6:8.1f} us/case")

if __name__ == "__main__":
    main()
