// Batch throughput: 10,000 case files, each loaded, evaluated and rendered (JSON) in-process
// with one rulebook shared by 1 or 2 threads. The files are variants of the MOPAC example
// (different ids, likelihoods and factor weights, so outcomes differ), written on first use.

#include "bench_support.hpp"

#include <benchmark/benchmark.h>

#if __has_include(<candour/batch.hpp>)
#include <candour/batch.hpp>
#endif

#include <atomic>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

namespace {

using namespace candour;

constexpr std::size_t batch_size = 10'000;

void replace_first(std::string& s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    if (at != std::string::npos) s.replace(at, from.size(), to);
}

const std::vector<std::string>& batch_files() {
    static const std::vector<std::string> files = [] {
        const auto dir = bench::work_dir() / "batch";
        bench::fs::create_directories(dir);
        const std::string base = bench::read_file(bench::source_dir() / "examples/mopac-it-systems/case.yaml");
        const char* likelihoods[] = {"[would, would-be-likely-to]", "[would]", "[would-be-likely-to]", "not-stated"};
        const char* weights[] = {"slight", "moderate", "significant", "strong", "very-strong"};
        std::mt19937 rng(7);
        std::vector<std::string> out;
        for (std::size_t i = 0; i < batch_size; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "case-%05zu.yaml", i);
            const auto path = dir / name;
            out.push_back(path.string());
            if (bench::fs::exists(path)) continue;
            std::string text = base;
            replace_first(text, "id: mopac-it-systems", "id: batch-" + std::to_string(i));
            replace_first(text, "likelihood: [would, would-be-likely-to]",
                          std::string("likelihood: ") + likelihoods[rng() % 4]);
            replace_first(text, "weight: strong", std::string("weight: ") + weights[rng() % 5]);
            replace_first(text, "weight: moderate", std::string("weight: ") + weights[rng() % 5]);
            std::ofstream(path) << text;
        }
        return out;
    }();
    return files;
}

// Each thread takes the next file from a shared counter: load_case, evaluate, render JSON.
void batch_inprocess(benchmark::State& state) {
    const auto threads = static_cast<unsigned>(state.range(0));
    const auto& files = batch_files();
    const auto& rules = bench::rules();
    std::atomic<std::size_t> failures{0};
    const double cpu_before = bench::process_cpu_seconds();
    const auto wall_before = std::chrono::steady_clock::now();
    for (auto _ : state) {
        std::atomic<std::size_t> next{0};
        auto work = [&] {
            for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
                try {
                    const auto d = evaluate(rules, load_case(files[i], &rules));
                    auto out = render(d, output_format::json);
                    benchmark::DoNotOptimize(out);
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        };
        std::vector<std::thread> pool;
        for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
        work();
        for (auto& t : pool) t.join();
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_before).count();
    if (failures > 0) state.SkipWithError("some case files failed to evaluate");
    state.counters["threads"] = threads;
    // CPU time of the whole process over wall time: how many cores the threads really had.
    const double cpu = bench::process_cpu_seconds() - cpu_before;
    state.counters["cores_used"] = cpu / wall;
    state.counters["cpu_ms_per_file"] =
        1000 * cpu / (static_cast<double>(files.size()) * static_cast<double>(state.iterations()));
    state.counters["files_per_s"] =
        benchmark::Counter(static_cast<double>(files.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(batch_inprocess)->Arg(1)->Arg(2)->ArgName("threads")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);

#if __has_include(<candour/batch.hpp>)
// The library's batch runner (candour/batch.hpp), results to the callback only (no out_dir).
void batch_run_batch(benchmark::State& state) {
    const auto jobs = static_cast<unsigned>(state.range(0));
    std::vector<bench::fs::path> cases(batch_files().begin(), batch_files().end());
    candour::batch_options options;
    options.format = output_format::json;
    options.jobs = jobs;
    std::size_t failed = 0;
    const double cpu_before = bench::process_cpu_seconds();
    const auto wall_before = std::chrono::steady_clock::now();
    for (auto _ : state) {
        const auto summary = candour::run_batch(bench::rules(), cases, options);
        failed = summary.failed;
    }
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_before).count();
    const double cpu = bench::process_cpu_seconds() - cpu_before;
    state.counters["cores_used"] = cpu / wall;
    state.counters["cpu_ms_per_file"] =
        1000 * cpu / (static_cast<double>(cases.size()) * static_cast<double>(state.iterations()));
    if (failed > 0) state.SkipWithError("some case files failed to evaluate");
    state.counters["files_per_s"] =
        benchmark::Counter(static_cast<double>(cases.size()), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(batch_run_batch)->Arg(1)->Arg(2)->ArgName("jobs")->UseRealTime()->Unit(benchmark::kMillisecond)->MinTime(2.0);
#endif

// `candour evaluate --batch LIST --jobs N --format json --out DIR` as a process, when the CLI
// has batch mode: rules loading, 10,000 cases and 10,000 result files.
void batch_cli_process(benchmark::State& state) {
    const auto jobs = state.range(0);
    const auto cli = bench::cli_path();
    const auto help = bench::work_dir() / "evaluate-help.txt";
    if (cli.empty() || bench::run_process({cli, "evaluate", "--help"}, help.string()).status != 0 ||
        bench::read_file(help).find("--batch") == std::string::npos) {
        state.SkipWithError("this candour CLI has no 'evaluate --batch'");
        return;
    }
    const auto list = bench::work_dir() / "batch-list.txt";
    {
        std::ofstream out(list);
        for (const auto& f : batch_files()) out << f << '\n';
    }
    const auto out_dir = bench::work_dir() / "batch-out";
    for (auto _ : state) {
        bench::fs::remove_all(out_dir);
        const auto r = bench::run_process({cli, "evaluate", "--batch", list.string(), "--jobs", std::to_string(jobs),
                                           "--format", "json", "--out", out_dir.string()});
        if (r.status != 0) {
            state.SkipWithError("candour evaluate --batch failed");
            return;
        }
        state.SetIterationTime(r.seconds);
    }
    state.counters["files_per_s"] =
        benchmark::Counter(static_cast<double>(batch_size), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(batch_cli_process)->Arg(1)->Arg(2)->ArgName("jobs")->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
