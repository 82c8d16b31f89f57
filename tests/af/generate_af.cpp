// af_generate: argumentation frameworks for cross-checks and benchmarks.
//
//   af_generate --kind random|layered|cycles|chain --args N [--degree D] [--seed S]
//               [--format i23|apx|tgf] [-o FILE]
//
// random   D*N attacks between uniformly drawn arguments (self-attacks and repeats possible)
// layered  about sqrt(N) layers; each argument attacks D arguments of the next layer (acyclic,
//          so grounded decides everything)
// cycles   disjoint cycles of length 1..9 (odd and even, self-attacks included), some broken
//          by an unattacked attacker, some with a chain hanging off, some linked to earlier ones
// chain    a1 -> a2 -> ... -> aN
//
// Arguments are a1..aN in apx and tgf and 1..N in i23, so answers compare across formats.
// The generator uses its own PRNG so a seed gives the same file everywhere.

#include <candour/af/framework.hpp>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using candour::af::attack;

struct splitmix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform enough in [0, n) for test data.
    std::uint32_t below(std::uint64_t n) { return static_cast<std::uint32_t>(next() % n); }
    bool chance(unsigned percent) { return next() % 100 < percent; }
};

std::vector<attack> random_af(std::uint32_t n, double degree, splitmix64& rng) {
    std::vector<attack> at;
    if (n == 0) return at;
    const auto m = static_cast<std::size_t>(std::llround(degree * n));
    at.reserve(m);
    for (std::size_t i = 0; i < m; ++i) at.emplace_back(rng.below(n), rng.below(n));
    return at;
}

std::vector<attack> layered_af(std::uint32_t n, double degree, splitmix64& rng) {
    std::vector<attack> at;
    if (n == 0) return at;
    const auto width = std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::sqrt(static_cast<double>(n))));
    const auto per = std::max<long long>(1, std::llround(degree));
    for (std::uint32_t a = 0; a + width < n; ++a) {
        const std::uint32_t next_layer = (a / width + 1) * width;
        const std::uint32_t size = std::min(width, n - next_layer);
        for (long long k = 0; k < per; ++k) at.emplace_back(a, next_layer + rng.below(size));
    }
    return at;
}

std::vector<attack> cycles_af(std::uint32_t n, splitmix64& rng) {
    std::vector<attack> at;
    std::uint32_t next = 0;
    while (next < n) {
        const std::uint32_t len = std::min<std::uint32_t>(1 + rng.below(9), n - next);
        const std::uint32_t first = next;
        for (std::uint32_t i = 0; i < len; ++i) at.emplace_back(first + i, first + (i + 1) % len);
        next += len;
        if (next < n && rng.chance(35)) {  // an unattacked argument breaks the cycle
            at.emplace_back(next, first + rng.below(len));
            ++next;
        }
        if (rng.chance(50)) {  // a chain hangs off the cycle
            std::uint32_t from = first + rng.below(len);
            for (std::uint32_t k = 1 + rng.below(3); k > 0 && next < n; --k) {
                at.emplace_back(from, next);
                from = next++;
            }
        }
        if (first > 0 && rng.chance(25)) at.emplace_back(rng.below(first), first + rng.below(len));
    }
    return at;
}

std::vector<attack> chain_af(std::uint32_t n) {
    std::vector<attack> at;
    for (std::uint32_t a = 0; a + 1 < n; ++a) at.emplace_back(a, a + 1);
    return at;
}

void append_number(std::string& out, std::uint64_t v) {
    char digits[24];
    auto r = std::to_chars(digits, digits + sizeof digits, v);
    out.append(digits, r.ptr);
}

std::string render(std::uint32_t n, const std::vector<attack>& at, std::string_view format) {
    std::string out;
    out.reserve(32 + at.size() * 16 + std::size_t{n} * 10);
    auto name = [&](std::uint32_t a) {
        out.push_back('a');
        append_number(out, std::uint64_t{a} + 1);
    };
    if (format == "i23") {
        out.append("p af ");
        append_number(out, n);
        out.push_back('\n');
        for (const auto& [s, t] : at) {
            append_number(out, std::uint64_t{s} + 1);
            out.push_back(' ');
            append_number(out, std::uint64_t{t} + 1);
            out.push_back('\n');
        }
    } else if (format == "apx") {
        for (std::uint32_t a = 0; a < n; ++a) {
            out.append("arg(");
            name(a);
            out.append(").\n");
        }
        for (const auto& [s, t] : at) {
            out.append("att(");
            name(s);
            out.push_back(',');
            name(t);
            out.append(").\n");
        }
    } else {
        for (std::uint32_t a = 0; a < n; ++a) {
            name(a);
            out.push_back('\n');
        }
        out.append("#\n");
        for (const auto& [s, t] : at) {
            name(s);
            out.push_back(' ');
            name(t);
            out.push_back('\n');
        }
    }
    return out;
}

int usage() {
    std::cerr << "usage: af_generate --kind random|layered|cycles|chain --args N [--degree D] [--seed S]\n"
                 "                   [--format i23|apx|tgf] [-o FILE]\n";
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    std::string kind, format = "i23", output;
    std::uint64_t n = 0, seed = 1;
    double degree = 3.0;
    bool have_n = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (i + 1 >= argc) return usage();
        const std::string_view v = argv[++i];
        if (a == "--kind") kind = v;
        else if (a == "--format") format = v;
        else if (a == "-o") output = v;
        else if (a == "--args") have_n = std::from_chars(v.data(), v.data() + v.size(), n).ec == std::errc();
        else if (a == "--seed") std::from_chars(v.data(), v.data() + v.size(), seed);
        else if (a == "--degree") degree = std::stod(std::string(v));
        else return usage();
    }
    if (!have_n || n > candour::af::max_size || (format != "i23" && format != "apx" && format != "tgf"))
        return usage();
    const auto count = static_cast<std::uint32_t>(n);
    splitmix64 rng{seed};
    std::vector<attack> at;
    if (kind == "random") at = random_af(count, degree, rng);
    else if (kind == "layered") at = layered_af(count, degree, rng);
    else if (kind == "cycles") at = cycles_af(count, rng);
    else if (kind == "chain") at = chain_af(count);
    else return usage();

    const std::string text = render(count, at, format);
    std::FILE* f = output.empty() ? stdout : std::fopen(output.c_str(), "wb");
    if (!f) {
        std::perror(output.c_str());
        return 1;
    }
    const bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (f != stdout) std::fclose(f);
    return ok ? 0 : 1;
}
