// Parallel evaluation: evaluate_many over 10,000 MOPAC cases on 1 and 2 threads (target: 2
// threads at least 1.8 times as fast), and two baselines that say what limits it on this
// machine: the same evaluations with each decision dropped at once (no results kept), and
// plain memory writes. Compare the /1 and /2 rows' items_per_second (docs/performance.md).

#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#include <cstring>
#include <memory>
#include <thread>
#include <vector>

#include <sys/resource.h>

namespace {

using namespace candour;

constexpr std::size_t cases_per_call = 10'000;

long minor_faults() {
    rusage r{};
    getrusage(RUSAGE_SELF, &r);
    return r.ru_minflt;
}

std::shared_ptr<const disclosure_case> mopac() {
    static const auto c = std::make_shared<const disclosure_case>(
        load_case(bench::source_dir() / "examples/mopac-it-systems/case.yaml", &bench::rules()));
    return c;
}

// What Python's Rulebook.evaluate_many does: 10,000 cases (one shared case), every decision
// kept until the call returns. The decisions (29 KB each, 290 MB in all) are freed outside the
// timing, as a caller would use them first.
void evaluate_many_mopac(benchmark::State& state) {
    const std::vector<std::shared_ptr<const disclosure_case>> cases(cases_per_call, mopac());
    evaluate_many_options options;
    options.jobs = static_cast<unsigned>(state.range(0));
    long faults = 0;
    for (auto _ : state) {
        const long before = minor_faults();
        auto results = evaluate_many(bench::rules(), cases, options);
        faults += minor_faults() - before;
        benchmark::DoNotOptimize(results.data());
        state.PauseTiming();
        results = {};
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * static_cast<benchmark::IterationCount>(cases_per_call));
    // Pages of fresh memory the kernel had to supply, per case: how much of the decisions'
    // memory came back from the allocator (0) or from the kernel (about 7 for 29 KB).
    state.counters["faults_per_case"] =
        static_cast<double>(faults) / static_cast<double>(state.iterations() * static_cast<benchmark::IterationCount>(cases_per_call));
}
BENCHMARK(evaluate_many_mopac)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(1.0);

// Baseline 1: the same evaluations on 1 or 2 threads, each decision freed as soon as it is
// made, so that its memory is reused while still in cache. The gap to evaluate_many_mopac is
// what keeping 10,000 fresh decisions costs.
void evaluate_dropped_mopac(benchmark::State& state) {
    const auto c = mopac();
    for (auto _ : state) {
        auto d = evaluate(bench::rules(), c);
        benchmark::DoNotOptimize(d);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(evaluate_dropped_mopac)->Threads(1)->Threads(2)->UseRealTime()->Unit(benchmark::kMicrosecond);

// Baseline 2: writing memory that is not in cache, from 1 or 2 threads, each its own 256 MiB
// (written once before timing, so no page is faulted in while timed). Where two threads write
// little faster than one, memory bandwidth is shared between the cores: work that writes
// fresh memory, like keeping 10,000 decisions, cannot scale past it.
void memory_writes(benchmark::State& state) {
    constexpr std::size_t bytes = std::size_t{256} << 20;
    const auto jobs = static_cast<std::size_t>(state.range(0));
    std::vector<std::unique_ptr<char[]>> buffers;
    for (std::size_t t = 0; t < jobs; ++t) {
        buffers.emplace_back(new char[bytes]);
        std::memset(buffers.back().get(), 1, bytes);
    }
    int fill = 2;
    for (auto _ : state) {
        std::vector<std::thread> others;
        for (std::size_t t = 1; t < jobs; ++t)
            others.emplace_back([&, t] { std::memset(buffers[t].get(), fill, bytes); });
        std::memset(buffers[0].get(), fill, bytes);
        for (auto& t : others) t.join();
        benchmark::ClobberMemory();
        ++fill;
    }
    state.SetBytesProcessed(state.iterations() * static_cast<benchmark::IterationCount>(jobs * bytes));
}
BENCHMARK(memory_writes)->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

} // namespace
