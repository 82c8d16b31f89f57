"""Rulebook.evaluate_many: parallel evaluation, input order, and both error modes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

import candour
from conftest import MOPAC, small_case


def varied_cases(n: int) -> list[candour.Case]:
    cases = []
    for i in range(n):
        weight = ("slight", "moderate", "significant", "strong", "very-strong")[i % 5]
        data = small_case(id=f"case-{i}")
        data["case"]["claims"][0]["factors"]["disclose"] = [
            {"id": "transparency", "description": "openness about the systems used", "weight": weight}]
        data["case"]["claims"][0]["likelihood"] = ["would", "would-be-likely-to"][i % 2]
        cases.append(candour.Case.from_dict(data))
    return cases


# 301 cases on 2 threads are handed out in runs of 16, the last one short.
@pytest.mark.parametrize(("jobs", "count"), [(None, 40), (1, 40), (2, 40), (3, 40), (64, 40), (2, 301)])
def test_same_as_sequential_and_in_order(rules: candour.Rulebook, jobs: int | None, count: int) -> None:
    cases = varied_cases(count)
    sequential = [rules.evaluate(c) for c in cases]
    parallel = rules.evaluate_many(cases, jobs=jobs)
    assert [d.case.id for d in parallel] == [c.id for c in cases]
    assert [d.render("json") for d in parallel] == [d.render("json") for d in sequential]
    assert len({d.outcome for d in parallel}) > 1, "the cases should not all decide alike"


def test_accepts_any_iterable_and_as_of(rules: candour.Rulebook, mopac: candour.Case) -> None:
    decisions = rules.evaluate_many((c for c in [mopac, mopac]), as_of="2018-06-01")
    assert [str(d.decision_date) for d in decisions] == ["2018-06-01", "2018-06-01"]
    assert rules.evaluate_many([]) == []


def test_raise_mode_raises_the_first_failure_after_all_finish(rules: candour.Rulebook) -> None:
    good = candour.Case.from_dict(small_case())
    bad1 = candour.Case.from_dict(small_case(id="bad1", regime="uk-foia-1999"))
    bad2 = candour.Case.from_dict(small_case(id="bad2", claims=[
        {"id": "c1", "provision": "s.99", "items": ["A2"]}]))
    with pytest.raises(candour.LoadError) as info:
        rules.evaluate_many([good, bad1, good, bad2], jobs=2)
    assert "unknown regime 'uk-foia-1999'" in info.value.diagnostics[0].message
    with pytest.raises(candour.LoadError) as info:
        rules.evaluate_many([good, bad2, bad1], errors="raise")
    assert "s.99" in info.value.diagnostics[0].message


def test_return_mode_puts_exceptions_in_place(rules: candour.Rulebook) -> None:
    good = candour.Case.from_dict(small_case())
    bad = candour.Case.from_dict(small_case(id="bad", regime="uk-foia-1999"))
    results = rules.evaluate_many([good, bad, good, bad], jobs=2, errors="return")
    assert [type(r).__name__ for r in results] == ["Decision", "LoadError", "Decision", "LoadError"]
    error = results[1]
    assert isinstance(error, candour.LoadError) and isinstance(error, candour.Error)
    assert [d.code for d in error.diagnostics] == ["P302"]
    assert error.diagnostics[0].file == "<dict>"
    assert results[3] is not error
    decision = results[0]
    assert isinstance(decision, candour.Decision) and decision.outcome == "partial"


def test_bad_arguments(rules: candour.Rulebook, mopac: candour.Case) -> None:
    with pytest.raises(ValueError, match="errors"):
        rules.evaluate_many([mopac], errors="ignore")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="jobs"):
        rules.evaluate_many([mopac], jobs=0)
    with pytest.raises(TypeError, match="Case objects"):
        rules.evaluate_many([mopac, str(MOPAC)])  # type: ignore[list-item]


def test_gil_is_released(rules: candour.Rulebook) -> None:
    """Another Python thread runs while evaluate_many works in C++.

    With a long switch interval the interpreter never takes the GIL from the main thread by
    force, so the ticker thread (which gives the GIL back on every loop) can only tick during
    the call if evaluate_many releases the GIL itself."""
    cases = varied_cases(50) * 40
    ticks = 0
    done = threading.Event()

    def tick() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0)

    old = sys.getswitchinterval()
    sys.setswitchinterval(30.0)
    t = threading.Thread(target=tick)
    try:
        t.start()
        time.sleep(0.05)
        before = ticks
        rules.evaluate_many(cases, jobs=1)
        during = ticks - before
    finally:
        done.set()
        t.join()
        sys.setswitchinterval(old)
    assert during > 0


def test_many_threads_share_one_rulebook(rules: candour.Rulebook) -> None:
    """Python threads calling evaluate concurrently on one rulebook get the sequential results."""
    cases = varied_cases(20)
    expected = [rules.evaluate(c).render("json") for c in cases]
    results: dict[int, list[str]] = {}

    def run(k: int) -> None:
        results[k] = [rules.evaluate(c).render("json") for c in cases]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values()) and len(results) == 4


# Run in a fresh interpreter, so that its peak memory is this call's alone, and a stray SIGINT
# cannot reach pytest.
_INTERRUPTED = """
import os, resource, signal, sys, threading
import candour
rules = candour.Rulebook.load()
case = candour.Case.load(sys.argv[1], rules)
cases = [case] * 100_000
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGINT)).start()
try:
    rules.evaluate_many(cases, jobs=1)
    print("finished")
except KeyboardInterrupt:
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024
    print("interrupted", grown)
"""


def test_ctrl_c_stops_it() -> None:
    """Ctrl-C during a long call raises KeyboardInterrupt as soon as the running cases finish.

    All 100,000 decisions would take about 2.9 GB; stopped after 0.1 s (and up to 50 ms more
    before the watcher sees it), some thousands are made: well under 1.5 GB even at 5 µs a case. Had the interrupt waited for the call to return (as it would if nothing watched for
    it), KeyboardInterrupt would still be raised, but only after every decision was made: the
    memory the process grew by tells the two apart without timing anything."""
    out = subprocess.run([sys.executable, "-c", _INTERRUPTED, str(MOPAC)], capture_output=True, text=True,
                         timeout=600, check=True).stdout.split()
    assert out[0] == "interrupted", out
    assert int(out[1]) < 1500, f"grew by {out[1]} MiB: the cases kept running after Ctrl-C"
