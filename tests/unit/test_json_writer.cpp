// The streaming JSON writer behind `--format json` (lib/json_writer.hpp, internal). Its layout
// was nlohmann::ordered_json's dump(2) when the renderer built a tree; the JSON goldens hold it,
// and these tests check each piece against nlohmann (kept as a test-only dependency) directly.

#include "json_writer.hpp"
#include "test_helpers.hpp"

#include <candour/error.hpp>
#include <candour/evaluate.hpp>
#include <candour/render.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <random>
#include <sstream>
#include <vector>

using namespace candour;
using candour::detail::append_json_number;
using candour::detail::append_json_string;
using candour::detail::json_writer;

namespace {

std::string number(double x) {
    std::string s;
    append_json_number(s, x);
    return s;
}

std::string json_text(std::string_view x) {
    std::string s;
    append_json_string(s, x);
    return s;
}

} // namespace

TEST_SUITE("json writer") {
    TEST_CASE("numbers are written as the JSON library writes them") {
        for (double x : {0.0, -0.0, 1.0, 3.0, 0.8, 1.25, -2.5, 0.1, 0.0001, 0.00012, 1e-05, 1.5e-07, 123456.789,
                         1e15, 1e16, 1.5e16, 1e21, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                         0.3333, 100.0, 12.3456})
            CHECK_MESSAGE(number(x) == nlohmann::json(x).dump(), x);
        CHECK(number(std::nan("")) == "null");
        CHECK(number(INFINITY) == "null");

        // Random numbers, from weights (four decimals) to any magnitude: each is written in a
        // form that reads back as exactly the same double and is never longer than the library's;
        // nearly always the very same text. (The library's Grisu2 now and then writes more digits
        // than needed, e.g. -916231.5674000001 for -916231.5674, or, among equally short forms,
        // one further from the exact value.)
        std::mt19937_64 random(20261128);
        std::uniform_real_distribution<double> any(-1e6, 1e6);
        int same = 0;
        const int n = 200000;
        for (int i = 0; i < n; ++i) {
            double x = any(random) * std::pow(10.0, static_cast<int>(random() % 40) - 20);
            if (i % 2 == 0) x = std::round(x * 10000.0) / 10000.0;
            const std::string ours = number(x), theirs = nlohmann::json(x).dump();
            const bool ok = nlohmann::json::parse(ours).get<double>() == x && ours.size() <= theirs.size();
            if (!ok) {
                FAIL_CHECK("for " << theirs << " the writer gave " << ours);
                break;
            }
            same += ours == theirs;
        }
        CHECK(same > n * 99 / 100); // the layout (decimal or exponent, ".0", "e+XX") is the library's
    }

    TEST_CASE("strings are escaped as the JSON library escapes them") {
        for (int c = 1; c < 0x80; ++c) {
            const std::string s(1, static_cast<char>(c));
            CHECK_MESSAGE(json_text(s) == nlohmann::json(s).dump(), c);
        }
        CHECK(json_text(std::string("a\0b", 3)) == "\"a\\u0000b\"");
        for (const char* s : {"", "plain", "caf\xC3\xA9", "\xE2\x80\x94 dash", "\xF0\x9F\x98\x80", "tab\tquote\"back\\slash\n",
                              "\x7F", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF"})
            CHECK_MESSAGE(json_text(s) == nlohmann::json(s).dump(), s);
    }

    TEST_CASE("longer strings are escaped and checked the same wherever the byte that needs it falls") {
        // The writer passes over eight ordinary bytes at a time: each byte that needs escaping or
        // checking must still be found at every offset, inside a word and across two.
        for (int c = 1; c < 0x80; ++c)
            for (std::size_t at = 0; at < 20; ++at) {
                std::string s(20, 'x');
                s[at] = static_cast<char>(c);
                REQUIRE_MESSAGE(json_text(s) == nlohmann::json(s).dump(), c << " at " << at);
            }
        std::mt19937 rng(20261128);
        const char* pieces[] = {"a", "word ", "\"", "\\", "\n", "\x01", "\x1f", "\x7f", "caf\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80"};
        for (int n = 0; n < 20000; ++n) {
            std::string s;
            for (auto k = rng() % 24; k > 0; --k) s += pieces[rng() % std::size(pieces)];
            REQUIRE_MESSAGE(json_text(s) == nlohmann::json(s).dump(), s);
        }
        // Invalid UTF-8 after the first words is refused too.
        for (const char* bad : {"\x80", "\xC3", "\xE2\x82", "\xFF"})
            for (std::size_t at = 0; at < 20; ++at) {
                std::string s(20, 'x');
                s.replace(at, 1, bad);
                CHECK_THROWS_AS((void)json_text(s), render_error);
            }
    }

    TEST_CASE("keys are written as the JSON library writes them, whatever they hold, however long or deep") {
        // Short plain keys take a quicker path than the rest; both must give the library's bytes.
        std::string out;
        json_writer w(out);
        nlohmann::ordered_json expected = nlohmann::ordered_json::object();
        nlohmann::ordered_json* at = &expected;
        w.begin_object();
        for (int depth = 0; depth < 30; ++depth) {
            for (const std::string& k : std::vector<std::string>{"plain", "with \"quotes\"", "back\\slash", "caf\xC3\xA9", "tab\there",
                                                                 std::string(47, 'k'), std::string(48, 'l'), std::string(49, 'm'), ""}) {
                w.member(k, depth);
                (*at)[k] = depth;
            }
            w.key("next").begin_object();
            at = &((*at)["next"] = nlohmann::ordered_json::object());
        }
        for (int depth = 0; depth < 30; ++depth) w.end_object();
        w.end_object();
        CHECK(out == expected.dump(2));
    }

    TEST_CASE("text that is not UTF-8 is refused with R506, as the JSON library refuses it") {
        // A lone continuation byte, a truncated sequence, overlong forms, a surrogate, beyond U+10FFFF.
        for (const char* s : {"\x80", "ab\xC3", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "\xE2\x82"}) {
            CHECK_THROWS_AS((void)nlohmann::json(s).dump(), nlohmann::json::type_error);
            try {
                (void)json_text(s);
                FAIL("accepted invalid UTF-8");
            } catch (const render_error& e) {
                CHECK(e.code() == "R506");
            }
        }
    }

    TEST_CASE("the layout is two-space indented, with empty containers kept short") {
        std::string out;
        json_writer w(out);
        w.begin_object();
        w.member("a", 1).member("b", "x").key("empty").begin_array().end_array();
        w.key("none").begin_object().end_object();
        w.key("list").begin_array().value(true).null().value(0.5).begin_object().member("k", false).end_object().end_array();
        w.member("names", std::vector<std::string>{"p", "q"});
        w.end_object();
        const auto tree = nlohmann::ordered_json::parse(out);
        CHECK(out == tree.dump(2));
    }

    TEST_CASE("json streamed to an ostream is the same bytes as the string") {
        const auto& rules = test::bundled();
        const std::string yaml = test::small_case_yaml();
        const auto d = evaluate(rules, test::parse(yaml));
        std::ostringstream streamed;
        render(d, output_format::json, streamed);
        CHECK(streamed.str() == render(d, output_format::json));
        const auto parsed = nlohmann::ordered_json::parse(streamed.str());
        CHECK(streamed.str() == parsed.dump(2) + "\n");

        // Large enough that the writer hands the sink several chunks.

        disclosure_case schedule = test::parse(yaml);
        for (int i = 0; i < 400; ++i) {
            item row = schedule.items[1];
            row.id = "S" + std::to_string(i);
            schedule.items.push_back(row);
            schedule.claims[0].items.push_back(row.id);
        }
        const auto big = evaluate(rules, schedule);
        std::ostringstream big_streamed;
        render(big, output_format::json, big_streamed);
        CHECK(big_streamed.str().size() > (std::size_t{1} << 17));
        CHECK(big_streamed.str() == render(big, output_format::json));

        // Requester-facing formats go through the leak guard before anything is written.
        std::ostringstream notice;
        render(d, output_format::notice, notice);
        CHECK(notice.str() == render(d, output_format::notice));
    }
}
