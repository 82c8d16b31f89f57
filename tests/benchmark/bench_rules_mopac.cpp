// The bundled rulebooks, the MOPAC example (load, evaluate, each output) and the CLI from a
// cold process.

#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#include <memory>
#include <vector>

#include <malloc.h>

namespace {

using namespace candour;

bench::fs::path mopac_file() { return bench::source_dir() / "examples/mopac-it-systems/case.yaml"; }

// Target: < 10 ms.
void rules_load_bundled(benchmark::State& state) {
    std::size_t provisions = 0;
    for (auto _ : state) {
        auto r = rulebook::load_bundled();
        provisions = r.provisions().size();
        benchmark::DoNotOptimize(r);
    }
    state.counters["regimes"] = static_cast<double>(rulebook::load_bundled().regimes().size());
    state.counters["provisions"] = static_cast<double>(provisions);
}
BENCHMARK(rules_load_bundled)->Unit(benchmark::kMillisecond);

void mopac_load_case(benchmark::State& state) {
    const auto& rules = bench::rules();
    for (auto _ : state) {
        auto c = load_case(mopac_file(), &rules);
        benchmark::DoNotOptimize(c);
    }
}
BENCHMARK(mopac_load_case)->Unit(benchmark::kMicrosecond);

// Target: < 20 us.
void mopac_evaluate(benchmark::State& state) {
    const auto& rules = bench::rules();
    const auto c = load_case(mopac_file(), &rules);
    std::size_t statements = 0, arguments = 0;
    for (auto _ : state) {
        auto d = evaluate(rules, c);
        statements = d.graph.statements().size();
        arguments = d.graph.arguments().size();
        benchmark::DoNotOptimize(d);
    }
    state.counters["statements"] = static_cast<double>(statements);
    state.counters["arguments"] = static_cast<double>(arguments);
}
BENCHMARK(mopac_evaluate)->Unit(benchmark::kMicrosecond);

// The same, sharing the loaded case with the decision instead of copying it in
// (evaluate(rules, std::shared_ptr<const disclosure_case>)): what a case system holding the
// case, or the CLI moving it in, pays.
void mopac_evaluate_shared(benchmark::State& state) {
    const auto& rules = bench::rules();
    const auto c = std::make_shared<const disclosure_case>(load_case(mopac_file(), &rules));
    for (auto _ : state) {
        auto d = evaluate(rules, c);
        benchmark::DoNotOptimize(d);
    }
    // What one decision keeps alive (its case is shared): the live heap (glibc mallinfo2, with
    // malloc's own per-block overhead) of 100 decisions held at once, per decision. This is what
    // Python's evaluate_many returns per case.
    constexpr std::size_t kept = 100;
    std::vector<decision> held;
    held.reserve(kept);
    const auto before = mallinfo2();
    for (std::size_t i = 0; i < kept; ++i) held.push_back(evaluate(rules, c));
    const auto after = mallinfo2();
    state.counters["decision_bytes"] =
        (static_cast<double>(after.uordblks + after.hblkhd) - static_cast<double>(before.uordblks + before.hblkhd)) /
        static_cast<double>(kept);
}
BENCHMARK(mopac_evaluate_shared)->Unit(benchmark::kMicrosecond);

// Each output format of the evaluated MOPAC decision; all four together: target < 200 us.
void mopac_render(benchmark::State& state, std::vector<output_format> formats) {
    const auto& rules = bench::rules();
    const auto d = evaluate(rules, load_case(mopac_file(), &rules));
    std::size_t bytes = 0;
    for (auto _ : state) {
        bytes = 0;
        for (auto f : formats) {
            auto out = render(d, f);
            bytes += out.size();
            benchmark::DoNotOptimize(out);
        }
    }
    state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK_CAPTURE(mopac_render, record, {output_format::record})->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(mopac_render, notice, {output_format::notice})->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(mopac_render, json, {output_format::json})->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(mopac_render, dot, {output_format::dot})->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(mopac_render, all_four,
                  {output_format::record, output_format::notice, output_format::json, output_format::dot})
    ->Unit(benchmark::kMicrosecond);

// What one `candour evaluate` does after start-up, with the rules already loaded.
void mopac_load_evaluate_render_all(benchmark::State& state) {
    const auto& rules = bench::rules();
    for (auto _ : state) {
        const auto d = evaluate(rules, load_case(mopac_file(), &rules));
        for (auto f : {output_format::record, output_format::notice, output_format::json, output_format::dot}) {
            auto out = render(d, f);
            benchmark::DoNotOptimize(out);
        }
    }
}
BENCHMARK(mopac_load_evaluate_render_all)->Unit(benchmark::kMicrosecond);

// `candour evaluate examples/mopac-it-systems/case.yaml` from a cold process (exec, dynamic
// loading, rules, case, evaluation, record). Target: < 20 ms. Wall time of the child.
void cli_evaluate_mopac_process(benchmark::State& state, std::string format) {
    const auto cli = bench::cli_path();
    if (cli.empty()) {
        state.SkipWithError("the candour CLI was not built");
        return;
    }
    const std::vector<std::string> argv{cli, "evaluate", mopac_file().string(), "--format", format};
    double cpu = 0;
    for (auto _ : state) {
        const auto r = bench::run_process(argv);
        if (r.status != 0) {
            state.SkipWithError("candour evaluate failed");
            return;
        }
        state.SetIterationTime(r.seconds);
        cpu += r.cpu_seconds;
    }
    state.counters["cpu_ms"] = 1000 * cpu / static_cast<double>(state.iterations());
    state.counters["max_rss_MiB"] = static_cast<double>(bench::peak_rss_kib(argv)) / 1024.0;
}
BENCHMARK_CAPTURE(cli_evaluate_mopac_process, record, std::string("record"))
    ->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK_CAPTURE(cli_evaluate_mopac_process, json, std::string("json"))
    ->UseManualTime()->Unit(benchmark::kMillisecond)->MinTime(1.0);

} // namespace
