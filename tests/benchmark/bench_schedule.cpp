// Generated schedules (tests/benchmark/make_schedule.py): 10,000 to 100,000 rows, three claimed
// exemptions (FOIA s.31(1)(a), s.43(2), s.38(1)(b)) with four factors each, mixed outcomes.
// Target for 100,000 rows: evaluate + JSON < 1 s on one core (peak memory is measured with
// candour_schedule_run under /usr/bin/time -v; see docs/performance.md).

#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <mutex>

namespace {

using namespace candour;

const std::vector<std::string> kinds{"identical", "varied", "per-row"};

// Cases are loaded once per (kind, rows) and kept for the rest of the run.
const disclosure_case& schedule(const std::string& kind, std::size_t rows) {
    static std::mutex m;
    static std::map<std::pair<std::string, std::size_t>, std::unique_ptr<disclosure_case>> cache;
    std::lock_guard lock(m);
    auto& slot = cache[{kind, rows}];
    if (!slot)
        slot = std::make_unique<disclosure_case>(
            load_case(bench::schedule_file(kind, rows), &bench::rules(), bench::generous_limits()));
    return *slot;
}

void count_outcomes(benchmark::State& state, const decision& d) {
    std::size_t withhold = 0, disclose = 0, other = 0;
    for (const auto& f : d.items) {
        if (f.outcome == item_outcome::withhold) ++withhold;
        else if (f.outcome == item_outcome::disclose) ++disclose;
        else ++other;
    }
    state.counters["statements"] = static_cast<double>(d.graph.statements().size());
    state.counters["arguments"] = static_cast<double>(d.graph.arguments().size());
    state.counters["groups"] = static_cast<double>(d.claims.size());
    state.counters["withhold"] = static_cast<double>(withhold);
    state.counters["disclose"] = static_cast<double>(disclose);
    state.counters["other"] = static_cast<double>(other);
}

void schedule_load(benchmark::State& state) {
    const auto& kind = kinds[static_cast<std::size_t>(state.range(0))];
    const auto rows = static_cast<std::size_t>(state.range(1));
    const auto file = bench::schedule_file(kind, rows);
    for (auto _ : state) {
        auto c = load_case(file, &bench::rules(), bench::generous_limits());
        benchmark::DoNotOptimize(c);
    }
    state.SetLabel(kind);
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["file_MB"] = static_cast<double>(bench::fs::file_size(file)) / 1e6;
}

void schedule_evaluate(benchmark::State& state) {
    const auto& kind = kinds[static_cast<std::size_t>(state.range(0))];
    const auto rows = static_cast<std::size_t>(state.range(1));
    const auto& c = schedule(kind, rows);
    std::optional<decision> last;
    for (auto _ : state) {
        last.reset();
        last.emplace(evaluate(bench::rules(), c));
    }
    state.SetLabel(kind);
    count_outcomes(state, *last);
    state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

void schedule_render_json(benchmark::State& state) {
    const auto& kind = kinds[static_cast<std::size_t>(state.range(0))];
    const auto rows = static_cast<std::size_t>(state.range(1));
    const auto d = evaluate(bench::rules(), schedule(kind, rows));
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto out = render(d, output_format::json);
        bytes = out.size();
        benchmark::DoNotOptimize(out);
    }
    state.SetLabel(kind);
    state.counters["json_MB"] = static_cast<double>(bytes) / 1e6;
}

// The target: evaluate and render JSON, case already loaded.
void schedule_evaluate_json(benchmark::State& state) {
    const auto& kind = kinds[static_cast<std::size_t>(state.range(0))];
    const auto rows = static_cast<std::size_t>(state.range(1));
    const auto& c = schedule(kind, rows);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const auto d = evaluate(bench::rules(), c);
        auto out = render(d, output_format::json);
        bytes = out.size();
        benchmark::DoNotOptimize(out);
    }
    state.SetLabel(kind);
    state.counters["json_MB"] = static_cast<double>(bytes) / 1e6;
    state.counters["rows_per_s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsIterationInvariantRate);
}

// Kind 0 identical, 1 varied: 10k, 30k, 100k rows. Kind 2 (per-row claims, nothing shared):
// 1k, 3k, 10k rows.
void schedule_args(benchmark::internal::Benchmark* b) {
    for (long kind : {0L, 1L})
        for (long rows : {10'000L, 30'000L, 100'000L}) b->Args({kind, rows});
    for (long rows : {1'000L, 3'000L, 10'000L}) b->Args({2, rows});
    b->ArgNames({"kind", "rows"})->Unit(benchmark::kMillisecond)->MinTime(0.5);
}

BENCHMARK(schedule_load)->Apply(schedule_args);
BENCHMARK(schedule_evaluate)->Apply(schedule_args);
BENCHMARK(schedule_render_json)->Apply(schedule_args);
BENCHMARK(schedule_evaluate_json)->Apply(schedule_args);

} // namespace
