// Tests for `candour af` (bindings/cli/af_command.cpp), called in-process.

#include "af_command.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct result {
    int status;
    std::string out, err;
};

result run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int status = candour::cli::run_af(args, out, err);
    return {status, out.str(), err.str()};
}

// A file under the temp directory, removed when the test ends.
struct temp_file {
    std::filesystem::path path;
    temp_file(const std::string& name, const std::string& content)
        : path(std::filesystem::temp_directory_path() / ("candour_test_af_cli_" + name)) {
        std::ofstream(path, std::ios::binary) << content;
    }
    ~temp_file() { std::filesystem::remove(path); }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    [[nodiscard]] std::string str() const { return path.string(); }
};

} // namespace

TEST_CASE("candour af: listings and help") {
    CHECK(run({"--formats"}).out == "[apx,tgf,i23]\n");
    const auto problems = run({"--problems"});
    CHECK(problems.status == 0);
    CHECK(problems.out.rfind("[SE-GR,DC-GR,DS-GR,", 0) == 0);
    CHECK(problems.out.find("EE-PR") != std::string::npos);
    CHECK(problems.out.back() == '\n');
    const auto help = run({"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("-fo FORMAT") != std::string::npos);
    const auto bare = run({});
    CHECK(bare.status == 0);
    CHECK(bare.out.rfind("candour af ", 0) == 0);
}

TEST_CASE("candour af: solves each format") {
    temp_file apx("chain.apx", "arg(a).arg(b).arg(c).\natt(a,b).\natt(b,c).\n");
    temp_file tgf("chain.tgf", "a\nb\nc\n#\na b\nb c\n");
    temp_file i23("chain.i23", "p af 3\n1 2\n2 3\n");
    temp_file af("chain.af", "p af 3\n1 2\n2 3\n");

    auto se = run({"-p", "SE-GR", "-f", apx.str(), "-fo", "apx"});
    CHECK(se.status == 0);
    CHECK(se.out == "[a,c]\n");
    CHECK(se.err.empty());
    CHECK(run({"-p", "SE-GR", "-f", tgf.str(), "-fo", "tgf"}).out == "[a,c]\n");
    CHECK(run({"-p", "SE-GR", "-f", i23.str(), "-fo", "i23"}).out == "w 1 3\n");
    CHECK(run({"-f", af.str(), "-p", "SE-GR"}).out == "w 1 3\n");  // format from .af
    CHECK(run({"-p", "DC-GR", "-f", apx.str(), "-fo", "apx", "-a", "c"}).out == "YES\n");
    CHECK(run({"-p", "DS-GR", "-f", apx.str(), "-fo", "apx", "-a", "b"}).out == "NO\n");
    CHECK(run({"-p", "DC-GR", "-f", i23.str(), "-fo", "i23", "-a", "3"}).out == "YES\n");
    CHECK(run({"-p", "DS-GR", "-f", i23.str(), "-fo", "i23", "-a", "2"}).out == "NO\n");
    CHECK(run({"-p", "EE-PR", "-f", tgf.str(), "-fo", "tgf"}).out == "[[a,c]]\n");
}

TEST_CASE("candour af: usage errors exit 2") {
    temp_file apx("u.apx", "arg(a).\n");
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"-p", "SE-GR"},                                              // no -f
             {"-f", apx.str()},                                            // no -p
             {"-p", "SE-XX", "-f", apx.str()},                             // unknown problem
             {"-p", "SE-GR", "-f", apx.str(), "-fo", "xml"},               // unknown format
             {"-p", "SE-GR", "-f", "noext"},                               // format not guessable
             {"-p", "DC-GR", "-f", apx.str()},                             // DC needs -a
             {"-p", "SE-GR", "-f", apx.str(), "-a", "a"},                  // SE takes no -a
             {"-p", "SE-GR", "-p", "SE-GR", "-f", apx.str()},              // repeated
             {"-p"},                                                       // missing value
             {"--frobnicate"},
         }) {
        CAPTURE(args.size());
        const auto r = run(args);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.find("candour af: error:") != std::string::npos);
    }
}

TEST_CASE("candour af: input errors exit 1 with GCC-style diagnostics") {
    const auto missing = run({"-p", "SE-GR", "-f", "/nonexistent/x.apx"});
    CHECK(missing.status == 1);
    CHECK(missing.err.find("[A101]") != std::string::npos);

    temp_file bad("bad.i23", "p af 2\n1 3\n");
    const auto r = run({"-p", "SE-GR", "-f", bad.str(), "-fo", "i23"});
    CHECK(r.status == 1);
    CHECK(r.out.empty());
    CHECK(r.err.rfind(bad.str() + ":2:3: error: ", 0) == 0);
    CHECK(r.err.find("[A106]") != std::string::npos);

    temp_file ok("ok.apx", "arg(a).\n");
    const auto unknown = run({"-p", "DC-GR", "-f", ok.str(), "-a", "zz"});
    CHECK(unknown.status == 1);
    CHECK(unknown.err.find("[A110]") != std::string::npos);
    temp_file ok23("ok.i23", "p af 2\n");
    CHECK(run({"-p", "DC-GR", "-f", ok23.str(), "-a", "3"}).status == 1);
    CHECK(run({"-p", "DC-GR", "-f", ok23.str(), "-a", "0"}).status == 1);
    CHECK(run({"-p", "DC-GR", "-f", ok23.str(), "-a", "2"}).out == "YES\n");
}
