// The renderers' text helpers (lib/text_util.hpp, internal), against plain readings of what
// each promises: the escaping passes over eight ordinary bytes at a time, and number() writes
// with to_chars instead of printf, so both are checked where that could go wrong.

#include "text_util.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>

namespace {

// markdown() and markdown_cell() one byte at a time, as documented.
std::string plain_markdown(std::string_view s, bool cell) {
    std::string out;
    for (char c : s) {
        if (cell && (c == '\n' || c == '\r')) out += ' ';
        else if (std::string_view("*_`<>[]\\").find(c) != std::string_view::npos || (cell && c == '|')) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

} // namespace

TEST_SUITE("text helpers") {
    TEST_CASE("Markdown escaping finds every byte it changes, wherever it falls") {
        for (int c = 1; c < 0x100; ++c)
            for (std::size_t at = 0; at < 20; ++at) {
                std::string s(20, 'x');
                s[at] = static_cast<char>(c);
                REQUIRE_MESSAGE(candour::text::markdown(s) == plain_markdown(s, false), c << " at " << at);
                REQUIRE_MESSAGE(candour::text::markdown_cell(s) == plain_markdown(s, true), c << " at " << at);
                std::string appended = "> ";
                candour::text::append_markdown(appended, s);
                REQUIRE(appended == "> " + plain_markdown(s, false));
                appended = "| ";
                candour::text::append_markdown_cell(appended, s);
                REQUIRE(appended == "| " + plain_markdown(s, true));
            }
        std::mt19937 rng(20261128);
        const std::string alphabet = "ab *_`<>[]\\|\n\r\xC3\xA9";
        for (int n = 0; n < 20000; ++n) {
            std::string s(rng() % 40, ' ');
            for (auto& c : s) c = alphabet[rng() % alphabet.size()];
            REQUIRE(candour::text::markdown(s) == plain_markdown(s, false));
            REQUIRE(candour::text::markdown_cell(s) == plain_markdown(s, true));
        }
    }

    TEST_CASE("number() writes what printf writes, rounded, without trailing zeros") {
        auto by_printf = [](double x, int decimals) {
            const double scale = std::pow(10.0, decimals);
            const double rounded = std::round(x * scale) / scale;
            char buf[64];
            std::snprintf(buf, sizeof buf, "%.*f", decimals, rounded == 0 ? 0.0 : rounded);
            std::string s(buf);
            while (!s.empty() && s.back() == '0') s.pop_back();
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        };
        std::mt19937_64 rng(20261128);
        std::uniform_real_distribution<double> any(-1.0, 1.0);
        for (int n = 0; n < 200000; ++n) {
            const double x = any(rng) * std::pow(10.0, static_cast<int>(rng() % 24) - 8);
            const int decimals = static_cast<int>(rng() % 10);
            REQUIRE_MESSAGE(candour::text::number(x, decimals) == by_printf(x, decimals), x << " to " << decimals);
        }
        for (double x : {0.0, -0.0, 0.005, -0.005, 2.675, 7.04, 5.0, 1e300, -1e300, 0.125, 1e-12})
            for (int decimals = 0; decimals <= 9; ++decimals) CHECK(candour::text::number(x, decimals) == by_printf(x, decimals));
        CHECK(candour::text::number(7.0449) == "7.04");
        CHECK(candour::text::number(0.8) == "0.8");
        CHECK(candour::text::number(5) == "5");
    }
}
