// One rulebook, evaluated and rendered from several threads at once, by hand-made threads and
// by evaluate_many's pool. Built with
// -DCANDOUR_TSAN=ON (the `tsan` preset), ThreadSanitizer reports any data race in loading,
// evaluation or rendering; in every build the decisions must be byte-identical across threads.
//
// Usage: candour_evaluate_threads CASE... [--threads N] [--rounds R]

#include <candour/candour.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
    using namespace candour;
    std::vector<std::string> files;
    unsigned threads = 8;
    int rounds = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::atoi(argv[++i]));
        else if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
        else files.push_back(a);
    }
    if (files.empty() || threads == 0) {
        std::fprintf(stderr, "usage: %s CASE... [--threads N] [--rounds R]\n", argv[0]);
        return 2;
    }
    const rulebook rules = rulebook::load_bundled();
    std::vector<disclosure_case> cases;
    for (const auto& f : files) cases.push_back(load_case(f, &rules));

    // The reference outputs, from this thread.
    const output_format formats[] = {output_format::record, output_format::notice, output_format::json, output_format::dot};
    std::vector<std::string> expected;
    for (const auto& c : cases) {
        const auto d = evaluate(rules, c);
        for (auto f : formats) expected.push_back(render(d, f));
    }

    std::atomic<int> mismatches{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            while (!go.load(std::memory_order_acquire)) std::this_thread::yield();
            // A copy of a rulebook shares its immutable data with the original.
            const rulebook mine = rules;
            for (int r = 0; r < rounds; ++r) {
                for (std::size_t i = 0; i < cases.size(); ++i) {
                    const std::size_t k = (i + t) % cases.size();
                    // Odd threads load their own copy of the case; even ones share the loaded one.
                    const auto d = (t % 2) ? evaluate(mine, load_case(files[k], &mine)) : evaluate(rules, cases[k]);
                    for (std::size_t f = 0; f < 4; ++f)
                        if (render(d, formats[f]) != expected[k * 4 + f]) ++mismatches;
                    (void)rules.find_provision(cases[k].regime, "s.31(1)(a)");
                    (void)rules.get_regime(cases[k].regime).deadline.calendar.id();
                }
            }
        });
    }
    go.store(true, std::memory_order_release);
    for (auto& th : pool) th.join();
    // evaluate_many: every case many times over, shared between the pool's threads.
    std::vector<std::shared_ptr<const disclosure_case>> shared;
    for (const auto& c : cases) shared.push_back(std::make_shared<const disclosure_case>(c));
    std::vector<std::shared_ptr<const disclosure_case>> many;
    for (int r = 0; r < rounds * 20; ++r) many.insert(many.end(), shared.begin(), shared.end());
    evaluate_many_options options;
    options.jobs = threads;
    const auto results = evaluate_many(rules, many, options);
    for (std::size_t i = 0; i < results.size(); ++i) {
        if (!results[i]) {
            ++mismatches;
            continue;
        }
        for (std::size_t f = 0; f < 4; ++f)
            if (render(*results[i].decided, formats[f]) != expected[(i % cases.size()) * 4 + f]) ++mismatches;
    }
    if (mismatches) {
        std::fprintf(stderr, "%d rendered output(s) differed between threads\n", mismatches.load());
        return 1;
    }
    std::printf("%u threads x %d rounds x %zu case(s), and evaluate_many over %zu: identical decisions\n", threads,
                rounds, cases.size(), many.size());
    return 0;
}
