// The abstract argumentation solver (candour::af) on random frameworks from af_generate
// (`--kind random --degree 3 --seed 1`: 3 attacks per argument).
//
// Targets (docs/performance.md): `candour af -p SE-GR` on 200,000 arguments and 600,000 attacks
// under 0.15 s for the whole process and at least 50x faster than clingo with a grounded
// encoding; time linear from 10^4 to 10^6 arguments; at most 64 B per attack + 64 B per
// argument of memory beyond the input text.

#include "bench_support.hpp"

#include <candour/af/iccma.hpp>
#include <candour/af/parse.hpp>
#include <candour/af/semantics.hpp>

#include <benchmark/benchmark.h>

#include <fstream>
#include <map>

namespace {

using namespace candour;

const std::vector<af::file_format> formats{af::file_format::i23, af::file_format::apx, af::file_format::tgf};
constexpr double degree = 3.0;

std::string ext(af::file_format f) { return std::string(af::to_string(f)); }

const std::string& text_of(af::file_format f, std::size_t n) {
    static std::map<std::pair<int, std::size_t>, std::string> cache;
    auto& slot = cache[{static_cast<int>(f), n}];
    if (slot.empty()) slot = bench::read_file(bench::af_file(n, degree, ext(f)));
    return slot;
}

void per_attack(benchmark::State& state, std::size_t n) {
    const double work = static_cast<double>(n) * (1 + degree);
    state.counters["args"] = static_cast<double>(n);
    state.counters["ns_per_arg_and_attack"] =
        benchmark::Counter(work * 1e-9, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

// Parsing alone, from text in memory.
void af_parse(benchmark::State& state) {
    const auto f = formats[static_cast<std::size_t>(state.range(0))];
    const auto n = static_cast<std::size_t>(state.range(1));
    const auto& text = text_of(f, n);
    for (auto _ : state) {
        auto fw = af::parse(text, f, "bench");
        benchmark::DoNotOptimize(fw);
    }
    state.SetLabel(ext(f));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(text.size()));
    per_attack(state, n);
}
BENCHMARK(af_parse)->ArgsProduct({{0, 1, 2}, {200'000}})->ArgNames({"fmt", "args"})->Unit(benchmark::kMillisecond);

void af_grounded(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const auto fw = af::parse(text_of(af::file_format::i23, n), af::file_format::i23, "bench");
    std::size_t in = 0;
    for (auto _ : state) {
        auto g = af::grounded(fw);
        in = g.in.size();
        benchmark::DoNotOptimize(g);
    }
    state.counters["in"] = static_cast<double>(in);
    per_attack(state, n);
}
BENCHMARK(af_grounded)->Arg(200'000)->ArgName("args")->Unit(benchmark::kMillisecond);

// SE-GR answer text (grounded + printing), i23 and apx.
void af_solve_print(benchmark::State& state) {
    const auto f = formats[static_cast<std::size_t>(state.range(0))];
    const auto n = static_cast<std::size_t>(state.range(1));
    const auto fw = af::parse(text_of(f, n), f, "bench");
    for (auto _ : state) {
        auto s = af::solve(fw, {af::task::single, af::semantics::grounded}, f);
        benchmark::DoNotOptimize(s);
    }
    state.SetLabel(ext(f));
    per_attack(state, n);
}
BENCHMARK(af_solve_print)->ArgsProduct({{0, 1}, {200'000}})->ArgNames({"fmt", "args"})->Unit(benchmark::kMillisecond);

// What `candour af -p SE-GR` does after start-up: read the file, parse, grounded, answer text.
// Over 10^4..10^6 arguments, ns_per_arg_and_attack staying flat is the linear-scaling check.
void af_pipeline(benchmark::State& state) {
    const auto f = formats[static_cast<std::size_t>(state.range(0))];
    const auto n = static_cast<std::size_t>(state.range(1));
    const auto path = bench::af_file(n, degree, ext(f));
    for (auto _ : state) {
        auto fw = af::load(path, f);
        auto s = af::solve(fw, {af::task::single, af::semantics::grounded}, f);
        benchmark::DoNotOptimize(s);
    }
    state.SetLabel(ext(f));
    per_attack(state, n);
}
BENCHMARK(af_pipeline)
    ->ArgsProduct({{0}, {10'000, 30'000, 100'000, 200'000, 300'000, 1'000'000}})
    ->ArgsProduct({{1, 2}, {10'000, 100'000, 200'000, 1'000'000}})
    ->ArgNames({"fmt", "args"})
    ->Unit(benchmark::kMillisecond);

// ---- whole processes: candour af and clingo, in the same run --------------------------------

// candour's mean wall and CPU seconds per (format, arguments), for clingo's speed-up.
std::map<std::pair<int, std::size_t>, std::pair<double, double>>& candour_seconds() {
    static std::map<std::pair<int, std::size_t>, std::pair<double, double>> m;
    return m;
}

// Peak memory of `candour af` on a 1-argument framework: the process's fixed cost.
long baseline_rss_kib(af::file_format f) {
    static std::map<int, long> cache;
    auto& slot = cache[static_cast<int>(f)];
    if (slot == 0)
        slot = bench::peak_rss_kib({bench::cli_path(), "af", "-p", "SE-GR", "-f",
                                    bench::af_file(1, degree, ext(f)).string(), "-fo", ext(f)});
    return slot;
}

void af_process_candour(benchmark::State& state) {
    const auto f = formats[static_cast<std::size_t>(state.range(0))];
    const auto n = static_cast<std::size_t>(state.range(1));
    if (bench::cli_path().empty()) {
        state.SkipWithError("the candour CLI was not built");
        return;
    }
    const auto path = bench::af_file(n, degree, ext(f)).string();
    const auto out = (bench::work_dir() / "af-answer.txt").string();
    const std::vector<std::string> argv{bench::cli_path(), "af", "-p", "SE-GR", "-f", path, "-fo", ext(f)};
    double total = 0, cpu = 0;
    for (auto _ : state) {
        const auto r = bench::run_process(argv, out);
        if (r.status != 0) {
            state.SkipWithError("candour af failed");
            return;
        }
        state.SetIterationTime(r.seconds);
        total += r.seconds;
        cpu += r.cpu_seconds;
    }
    candour_seconds()[{static_cast<int>(f), n}] = {total / static_cast<double>(state.iterations()),
                                                   cpu / static_cast<double>(state.iterations())};
    const long rss = bench::peak_rss_kib(argv, out);
    state.counters["cpu_ms"] = 1000 * cpu / static_cast<double>(state.iterations());
    const double file = static_cast<double>(bench::fs::file_size(path));
    const double attacks = static_cast<double>(n) * degree;
    const double beyond = static_cast<double>(rss - baseline_rss_kib(f)) * 1024.0 - file;
    state.SetLabel(ext(f));
    state.counters["max_rss_MiB"] = static_cast<double>(rss) / 1024.0;
    state.counters["file_MiB"] = file / 1048576.0;
    // Memory beyond the start-up footprint and the input text, against 64 B/attack + 64 B/argument.
    state.counters["B_per_arg_and_attack"] = beyond / (attacks + static_cast<double>(n));
    state.counters["of_64B_budget"] = beyond / (64.0 * (attacks + static_cast<double>(n)));
}
BENCHMARK(af_process_candour)
    ->ArgsProduct({{0, 1, 2}, {200'000}})
    ->ArgsProduct({{0}, {10'000, 100'000, 1'000'000}})
    ->ArgNames({"fmt", "args"})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

// clingo 5 with the two-rule grounded encoding of tests/af/clingo_crosscheck.sh, on the same apx
// file. `speedup_*` is clingo's wall time over candour's, `cpu_speedup_*` the same for CPU
// time (user + system, steadier on a shared machine); candour's are measured just before.
void af_process_clingo(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    if (bench::clingo_path().empty()) {
        state.SkipWithError("clingo is not installed (Debian package gringo)");
        return;
    }
    const auto encoding = bench::work_dir() / "grounded.lp";
    {
        std::ofstream lp(encoding);
        lp << "in(X) :- arg(X), defeated(Y) : att(Y,X).\n"
              "defeated(X) :- att(Y,X), in(Y).\n"
              "#show in/1.\n";
    }
    const auto path = bench::af_file(n, degree, "apx").string();
    const auto out = (bench::work_dir() / "clingo-answer.txt").string();
    const std::vector<std::string> argv{bench::clingo_path(), "--outf=0", "-V0", "--warn=none", encoding.string(), path};
    double total = 0, cpu = 0;
    for (auto _ : state) {
        const auto r = bench::run_process(argv, out);
        // clingo exits 30 (satisfiable, all models) or 10 (satisfiable).
        if (r.status != 10 && r.status != 30) {
            state.SkipWithError("clingo failed");
            return;
        }
        state.SetIterationTime(r.seconds);
        total += r.seconds;
        cpu += r.cpu_seconds;
    }
    const double clingo = total / static_cast<double>(state.iterations());
    const double clingo_cpu = cpu / static_cast<double>(state.iterations());
    state.counters["cpu_ms"] = 1000 * clingo_cpu;
    state.counters["max_rss_MiB"] = static_cast<double>(bench::peak_rss_kib(argv, out)) / 1024.0;
    for (auto f : {af::file_format::i23, af::file_format::apx}) {
        auto it = candour_seconds().find({static_cast<int>(f), n});
        if (it == candour_seconds().end()) continue;
        state.counters["speedup_vs_candour_" + ext(f)] = clingo / it->second.first;
        state.counters["cpu_speedup_vs_candour_" + ext(f)] = clingo_cpu / it->second.second;
    }
}
BENCHMARK(af_process_clingo)->Arg(200'000)->ArgName("args")->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
