#include "cli.hpp"

#include <doctest/doctest.h>

#include <sstream>

namespace {
struct result {
    int code;
    std::string out, err;
};
result run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = candour::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}
} // namespace

TEST_SUITE("cli") {
    TEST_CASE("help and version succeed; no command is a usage error") {
        CHECK(run({"--help"}).code == 0);
        CHECK(run({"--version"}).out == "candour 0.1.0\n");
        const auto none = run({});
        CHECK(none.code == 2);
        CHECK(none.err.find("Usage: candour") == 0);
        CHECK(run({"frobnicate"}).code == 2);
    }
    TEST_CASE("evaluate writes the decision to stdout and nothing to stderr") {
        const auto r = run({"evaluate", std::string(CANDOUR_EXAMPLES) + "/mopac-it-systems/case.yaml", "--format", "notice"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(r.out.find("# Response to your request for information") == 0);
    }
    TEST_CASE("input errors exit 1 with diagnostics on stderr; usage errors exit 2") {
        const auto missing = run({"evaluate", "/nonexistent/case.yaml"});
        CHECK(missing.code == 1);
        CHECK(missing.out.empty());
        CHECK(missing.err.find("[P102]") != std::string::npos);
        CHECK(run({"evaluate", "a.yaml", "--format", "pdf"}).code == 2);
        CHECK(run({"evaluate", "a.yaml", "--no-such-option"}).code == 2);
        CHECK(run({"evaluate", "a.yaml", "b.yaml"}).code == 2);
        CHECK(run({"evaluate", "a.yaml", "--as-of", "2018-02-30"}).code == 2);
        CHECK(run({"rules"}).code == 2);
    }
    TEST_CASE("rules check reports the bundled rules clean") {
        const auto r = run({"rules", "check", CANDOUR_RULES});
        CHECK(r.code == 0);
        CHECK(r.out.find(" 0 error(s)") != std::string::npos);
    }
}
