// candour_schedule_run: loads one case, evaluates it and renders it, printing the time of each
// phase and the process's peak memory. For /usr/bin/time -v and valgrind, where a benchmark
// harness would get in the way.
//
//   candour_schedule_run CASE.yaml [--format json|record|notice|dot|none] [-o FILE] [--stream yes]
//
// The rules are the bundled ones. Output goes to FILE (default: discarded); with --stream yes it
// is rendered straight into FILE through render(d, format, std::ostream&), as the CLI does.

#include <candour/candour.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <iostream>
#include <string>

#include <malloc.h>
#include <sys/resource.h>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

long peak_rss_kib() {
    struct rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

// Bytes allocated and not yet freed (glibc): what the live objects take, unlike the peak RSS,
// which also keeps what a phase used and freed (the YAML document, for example).
double heap_mib() {
    const auto m = mallinfo2();
    return static_cast<double>(m.uordblks + m.hblkhd) / 1048576.0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: candour_schedule_run CASE.yaml [--format json|record|notice|dot|none] [-o FILE] [--stream yes]\n";
        return 2;
    }
    std::string file = argv[1], format = "json", output;
    bool stream = false; // render straight into the -o file (render(d, f, std::ostream&)), as the CLI does
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--format") == 0) format = argv[i + 1];
        else if (std::strcmp(argv[i], "-o") == 0) output = argv[i + 1];
        else if (std::strcmp(argv[i], "--stream") == 0) stream = std::strcmp(argv[i + 1], "yes") == 0;
        else {
            std::cerr << "unknown option " << argv[i] << "\n";
            return 2;
        }
    }
    try {
        auto t = std::chrono::steady_clock::now();
        const auto rules = candour::rulebook::load_bundled();
        const double t_rules = seconds_since(t);
        const long rss_rules = peak_rss_kib();

        candour::load_limits limits;
        limits.max_file_bytes = std::uintmax_t{1} << 32;
        limits.max_nodes = std::size_t{1} << 32;
        t = std::chrono::steady_clock::now();
        // Shared with the decision rather than copied into it, as the CLI does (it moves it).
        const auto shared = std::make_shared<const candour::disclosure_case>(candour::load_case(file, &rules, limits));
        const auto& c = *shared;
        const double t_load = seconds_since(t);
        const long rss_load = peak_rss_kib();
        const double heap_case = heap_mib();

        t = std::chrono::steady_clock::now();
        const auto d = candour::evaluate(rules, shared);
        const double t_eval = seconds_since(t);
        const long rss_eval = peak_rss_kib();
        const double heap_decision = heap_mib();
        double heap_output = heap_decision;

        double t_render = 0;
        std::size_t bytes = 0;
        if (format != "none") {
            const auto f = candour::parse_output_format(format);
            if (!f) {
                std::cerr << "unknown format " << format << "\n";
                return 2;
            }
            t = std::chrono::steady_clock::now();
            if (stream && !output.empty()) {
                std::ofstream o(output, std::ios::binary);
                candour::render(d, *f, o);
                o.flush();
                t_render = seconds_since(t);
                bytes = static_cast<std::size_t>(o.tellp());
                heap_output = heap_mib();
                if (!o) {
                    std::perror(output.c_str());
                    return 1;
                }
            }
            const std::string out = stream && !output.empty() ? std::string() : candour::render(d, *f);
            if (!(stream && !output.empty())) {
                t_render = seconds_since(t);
                bytes = out.size();
                heap_output = heap_mib();
            }
            if (!output.empty() && !stream) {
                std::FILE* o = std::fopen(output.c_str(), "wb");
                if (!o || std::fwrite(out.data(), 1, out.size(), o) != out.size()) {
                    std::perror(output.c_str());
                    return 1;
                }
                std::fclose(o);
            }
        }
        std::size_t withhold = 0, disclose = 0, other = 0;
        for (const auto& f : d.items) {
            if (f.outcome == candour::item_outcome::withhold) ++withhold;
            else if (f.outcome == candour::item_outcome::disclose) ++disclose;
            else ++other;
        }
        std::printf("items %zu (withhold %zu, disclose %zu, other %zu); claims %zu; groups %zu; statements %zu; arguments %zu\n",
                    c.items.size(), withhold, disclose, other, c.claims.size(), d.claims.size(),
                    d.graph.statements().size(), d.graph.arguments().size());
        std::printf("rules %.4f s | load %.4f s | evaluate %.4f s | render %s %.4f s (%zu bytes) | evaluate+render %.4f s\n",
                    t_rules, t_load, t_eval, format.c_str(), t_render, bytes, t_eval + t_render);
        std::printf("peak RSS after rules %.1f MiB, after load %.1f MiB, after evaluate %.1f MiB, at exit %.1f MiB\n",
                    static_cast<double>(rss_rules) / 1024, static_cast<double>(rss_load) / 1024,
                    static_cast<double>(rss_eval) / 1024, static_cast<double>(peak_rss_kib()) / 1024);
        std::printf("live heap with the case %.1f MiB, + decision %.1f MiB, + output %.1f MiB\n", heap_case,
                    heap_decision, heap_output);
        return 0;
    } catch (const candour::load_error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << candour::format(d) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
