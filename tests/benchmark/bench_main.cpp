// candour_benchmarks: every benchmark of docs/performance.md in one binary.
// Pass Google Benchmark flags as usual, e.g. --benchmark_filter=mopac.

#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
