"""The cost of the Python bindings next to the same work in C++ (a timing script, not a test).

    PYTHONPATH=build/py/python /usr/bin/python3 tests/benchmark/bench_python.py \\
        [--cases 10000] [--cpp build/bench/tests/benchmark/candour_benchmarks]

Build build/py in Release (and, for the C++ column, the `bench` preset). For the MOPAC example it
times each Python call by wall clock, process CPU and thread CPU (timeit style: the best of
--repeat loops), alternating --rounds times with the C++ suite's benchmarks of the same work
(`mopac_*`, Google Benchmark), and prints the ratio Python / C++. Then it times
Rulebook.evaluate_many over --cases cases with jobs=1 and jobs=2. The machine may be shared:
compare CPU times, and read the load average printed before and after.

Targets (the issue): evaluate and render from Python cost at most 1.5 times the C++ calls;
evaluate_many on 2 cores scales to at least 1.7 times.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import candour

ROOT = Path(__file__).resolve().parents[2]
MOPAC = ROOT / "examples" / "mopac-it-systems" / "case.yaml"
CPP_DEFAULT = ROOT / "build" / "bench" / "tests" / "benchmark" / "candour_benchmarks"
FORMATS = ("record", "notice", "json", "dot")  # the C++ suite's mopac_render/all_four


@dataclass
class Timing:
    """Seconds per call: the best wall, process CPU and thread CPU over the repeats."""
    wall: float
    cpu: float
    thread: float


def measure(fn: Callable[[], object], number: int, repeat: int) -> Timing:
    best = [float("inf")] * 3
    for _ in range(repeat):
        gc.collect()  # a collection during the loop would be charged to whatever runs then
        w0, c0, t0 = time.perf_counter(), time.process_time(), time.thread_time()
        for _ in range(number):
            fn()
        w1, c1, t1 = time.perf_counter(), time.process_time(), time.thread_time()
        # Each clock's best on its own: on a loaded machine the best wall and the best CPU may
        # come from different repeats.
        best = [min(b, x / number) for b, x in zip(best, (w1 - w0, c1 - c0, t1 - t0))]
    return Timing(*best)


def cpp_figures(binary: Path, names: tuple[str, ...]) -> dict[str, Timing]:
    """One run of the suite's benchmarks `names` (Google Benchmark's own loop, 0.2 s each), in seconds
    per iteration; its cpu_time is the process's CPU time, one thread here."""
    pattern = "^(" + "|".join(names) + ")$"  # the names hold no regex characters
    out = subprocess.run([str(binary), f"--benchmark_filter={pattern}", "--benchmark_min_time=0.2",
                          "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout
    scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    found: dict[str, Timing] = {}
    for b in json.loads(out)["benchmarks"]:
        k = scale[b["time_unit"]]
        found[b["run_name"]] = Timing(b["real_time"] * k, b["cpu_time"] * k, b["cpu_time"] * k)
    missing = set(names) - set(found)
    if missing:
        raise SystemExit(f"{binary} has no benchmark {sorted(missing)}")
    return found


def best_of(a: Timing | None, b: Timing) -> Timing:
    return b if a is None else Timing(min(a.wall, b.wall), min(a.cpu, b.cpu), min(a.thread, b.thread))


def add(*ts: Timing) -> Timing:
    return Timing(sum(t.wall for t in ts), sum(t.cpu for t in ts), sum(t.thread for t in ts))


def load() -> str:
    return "load average " + ", ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases for evaluate_many (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="timeit loops per row and round (default 5)")
    parser.add_argument("--rounds", type=int, default=3,
                        help="rounds per row (alternating with C++) and per evaluate_many job count (default 3)")
    parser.add_argument("--cpp", type=Path, default=CPP_DEFAULT, help="the C++ candour_benchmarks binary")
    parser.add_argument("--no-cpp", action="store_true", help="do not run the C++ suite")
    args = parser.parse_args()

    print(f"candour {candour.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores; {load()}")
    rules = candour.Rulebook.load()  # the bundled rules, as the C++ suite's bench::rules()
    case = candour.Case.load(MOPAC, rules)
    decision = rules.evaluate(case)
    print(f"MOPAC: {len(case.items)} items, {len(decision.graph)} statements, "
          f"{len(decision.graph.arguments)} arguments\n")

    cpp_binary: Path | None = None
    if not args.no_cpp:
        if args.cpp.exists():
            cpp_binary = args.cpp
        else:
            print(f"(no C++ column: {args.cpp} is not built; see docs/performance.md)\n")

    def render_one(f: str) -> Callable[[], object]:
        return lambda: decision.render(f)

    def evaluate_render_all() -> None:
        d = rules.evaluate(case)
        for f in FORMATS:
            d.render(f)

    def load_evaluate_render_all() -> None:
        d = rules.evaluate(candour.Case.load(MOPAC, rules))
        for f in FORMATS:
            d.render(f)

    # (label, call, loop count, the C++ benchmarks doing the same work)
    rows: list[tuple[str, Callable[[], object], int, tuple[str, ...]]] = [
        ("Case.load(MOPAC, rules)", lambda: candour.Case.load(MOPAC, rules), 100, ("mopac_load_case",)),
        ("rules.evaluate(case)", lambda: rules.evaluate(case), 500, ("mopac_evaluate",)),
        *[(f"decision.render({f!r})", render_one(f), 200, (f"mopac_render/{f}",)) for f in FORMATS],
        ("render the four", lambda: [decision.render(f) for f in FORMATS], 100, ("mopac_render/all_four",)),
        ("evaluate(case).render('notice')", lambda: rules.evaluate(case).render("notice"), 300,
         ("mopac_evaluate", "mopac_render/notice")),
        ("evaluate + render the four", evaluate_render_all, 100, ("mopac_evaluate", "mopac_render/all_four")),
        ("load + evaluate + render the four", load_evaluate_render_all, 50, ("mopac_load_evaluate_render_all",)),
        ("decision.to_dict()", decision.to_dict, 100, ()),
        ("decision.outcome", lambda: decision.outcome, 100_000, ()),
        ("[i.outcome for i in decision.items]", lambda: [i.outcome for i in decision.items], 20_000, ()),
    ]
    # Each row alternates with the C++ benchmarks of the same work, --rounds times, and keeps the
    # best of each: the load on a shared machine changes from second to second, and a C++ figure
    # taken a minute apart from the Python one would compare two different machines.
    print(f"best of {args.rounds} rounds, each the best of {args.repeat} loops (Python) or one 0.2 s run (C++)")
    print(f"{'per call, µs':38} {'wall':>9} {'CPU':>9} {'thread':>9}"
          f" | {'C++ wall':>9} {'C++ CPU':>9} | {'ratio CPU':>9} {'wall':>6}")
    for label, fn, number, names in rows:
        py_best: Timing | None = None
        cpp_best: dict[str, Timing] = {}
        for _ in range(args.rounds):
            if cpp_binary and names:
                for n, t in cpp_figures(cpp_binary, names).items():
                    cpp_best[n] = best_of(cpp_best.get(n), t)
            py_best = best_of(py_best, measure(fn, number, args.repeat))
        assert py_best is not None
        t = py_best
        line = f"{label:38} {t.wall * 1e6:9.1f} {t.cpu * 1e6:9.1f} {t.thread * 1e6:9.1f}"
        if cpp_best:
            c = add(*(cpp_best[n] for n in names))
            line += f" | {c.wall * 1e6:9.1f} {c.cpu * 1e6:9.1f} | {t.thread / c.cpu:8.2f}x {t.wall / c.wall:5.2f}x"
        print(line, flush=True)
    print(f"\n({load()})\n")

    # evaluate_many: the same case many times (a decision shares its case, so memory stays small).
    cases = [case] * args.cases
    runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
    free: list[float] = []
    for _ in range(args.rounds):
        for jobs in (1, 2):  # alternated, so that a change in load hits both
            gc.collect()
            w0, c0 = time.perf_counter(), time.process_time()
            results = rules.evaluate_many(cases, jobs=jobs)
            w1, c1 = time.perf_counter(), time.process_time()
            del results  # freeing the decisions is sequential Python work: timed apart
            free.append(time.perf_counter() - w1)
            runs[jobs].append((w1 - w0, c1 - c0))
    print(f"evaluate_many({args.cases} cases), best of {args.rounds}:")
    print(f"{'jobs':>6} {'wall s':>9} {'CPU s':>9} {'µs/case wall':>13} {'cases/s':>9} {'cores used':>11}")
    best = {j: (min(w for w, _ in r), min(c for _, c in r)) for j, r in runs.items()}
    for jobs, (wall, cpu) in best.items():
        # CPU over wall: how many cores the threads really had. Below `jobs`, the machine is the limit.
        used = max(c / w for w, c in runs[jobs])
        print(f"{jobs:>6} {wall:9.3f} {cpu:9.3f} {wall / args.cases * 1e6:13.1f} {args.cases / wall:9.0f} {used:11.2f}")
    (w1, c1), (w2, c2) = best[1], best[2]
    print(f"scaling, jobs=2 over jobs=1: {w1 / w2:.2f}x by wall clock; CPU per case {c2 / c1:.2f}x that of "
          f"one thread, so {2 * c1 / c2:.2f}x on two free cores")
    print(f"freeing {args.cases} decisions: {min(free):.3f} s")
    if cpp_binary:
        # Keeping the decisions writes ~29 KB of fresh memory a case, at a bandwidth the cores
        # share: the scaling above cannot beat the machine's own for memory writes, which the
        # host's other work changes from minute to minute (docs/performance.md, section 5).
        names = ("memory_writes/1/real_time", "memory_writes/2/real_time")
        bw = cpp_figures(cpp_binary, names)
        one, two = (jobs * 256 * 2**20 / bw[n].wall / 1e9 for jobs, n in ((1, names[0]), (2, names[1])))
        print(f"memory writes now (C++ memory_writes): 1 thread {one:.1f} GB/s, 2 threads {two:.1f} GB/s "
              f"({two / one:.2f}x)")
    loop: list[tuple[float, float]] = []
    for _ in range(args.rounds):
        gc.collect()
        w0, c0 = time.perf_counter(), time.process_time()
        results = [rules.evaluate(c) for c in cases]
        loop.append((time.perf_counter() - w0, time.process_time() - c0))
        del results
    wall, cpu = min(w for w, _ in loop), min(c for _, c in loop)
    print(f"[rules.evaluate(c) for c in cases]: {wall:.3f} s wall, {cpu:.3f} s CPU "
          f"({cpu / args.cases * 1e6:.1f} µs/case)")
    print(f"\n({load()})")


if __name__ == "__main__":
    main()
