// candour_render_run: loads and evaluates one case once, then renders it N times in each format
// given, for callgrind, where a benchmark harness would add its own instructions:
//
//   valgrind --tool=callgrind --toggle-collect='render_all*' CANDOUR_RENDER_RUN CASE.yaml 100 json
//
// counts only the renders (divide by N for one). Prints the bytes rendered, so the work is used.

#include <candour/candour.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

// Not inlined and not in a namespace, so that --toggle-collect can name it.
__attribute__((noinline)) std::size_t render_all(const candour::decision& d, const std::vector<candour::output_format>& formats,
                                                 int times) {
    std::size_t bytes = 0;
    for (int i = 0; i < times; ++i)
        for (auto f : formats) bytes += candour::render(d, f).size();
    return bytes;
}

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: candour_render_run CASE.yaml N FORMAT...\n");
        return 2;
    }
    std::vector<candour::output_format> formats;
    for (int i = 3; i < argc; ++i) {
        const auto f = candour::parse_output_format(argv[i]);
        if (!f) {
            std::fprintf(stderr, "unknown format '%s'\n", argv[i]);
            return 2;
        }
        formats.push_back(*f);
    }
    const auto rules = candour::rulebook::load_bundled();
    const auto d = candour::evaluate(rules, candour::load_case(argv[1], &rules));
    std::printf("%zu bytes\n", render_all(d, formats, std::atoi(argv[2])));
    return 0;
}
