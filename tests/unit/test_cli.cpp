#include "cli.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {
namespace fs = std::filesystem;
struct result {
    int code;
    std::string out, err;
};
result run(std::vector<std::string> args) {
    std::ostringstream out, err;
    const int code = candour::cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    return text.replace(at, from.size(), to);
}
} // namespace

TEST_SUITE("cli") {
    TEST_CASE("help and version succeed, no command is a usage error") {
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
    TEST_CASE("input errors exit 1 with diagnostics on stderr, usage errors exit 2") {
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
    TEST_CASE("rules show prints a provision with its edges in the rule graph") {
        const auto s38 = run({"rules", "show", "uk-foia-2000:s.38(1)(a)", CANDOUR_RULES});
        CHECK(s38.code == 0);
        CHECK(s38.out.find("# s.38(1)(a): ") == 0);
        CHECK(s38.out.find("- Citation: [Freedom of Information Act 2000, section 38(1)(a)](https://www.legislation.gov.uk/ukpga/2000/36/section/38)") !=
              std::string::npos);
        CHECK(s38.out.find("- Shares factors with s.38(1)(b): protect-individuals\n") != std::string::npos);
        const auto s27 = run({"rules", "show", "uk-foia-2000:s.27(1)(a)", CANDOUR_RULES});
        CHECK(s27.out.find("- Shares factors with s.27(1)(b): international-relations\n- Shares factors with s.27(1)(c)") !=
              std::string::npos);
        const auto s39 = run({"rules", "show", "uk-foia-2000:s.39(1)(a)", CANDOUR_RULES});
        CHECK(s39.out.find("- Mutually exclusive with: s.39(1)(b)\n") != std::string::npos);
        CHECK(s39.out.find("- Routes to: ") != std::string::npos);
        CHECK(s39.out.find("(uk-eir-2004)") != std::string::npos);
        CHECK(run({"rules", "show", "s.38(1)(a)", CANDOUR_RULES}).code == 2); // in two regimes
        CHECK(run({"rules", "show", "s.999", CANDOUR_RULES}).code == 1);
    }
    TEST_CASE("evaluate --batch renders each case as the single-case path does, --language included") {
        // A scratch copy of tests/cli/good-rules with Welsh wording only (the FOIA template, its
        // language and title changed), and one case under it.
        const fs::path root = fs::temp_directory_path() / "candour-test-cli-batch-language";
        fs::remove_all(root);
        fs::create_directories(root);
        const fs::path rules = root / "rules", cases = root / "cases", out = root / "out";
        fs::copy(fs::path(CANDOUR_RULES).parent_path() / "tests" / "cli" / "good-rules", rules, fs::copy_options::recursive);
        fs::create_directories(rules / "templates");
        fs::create_directories(cases);
        auto cy = replaced(read(fs::path(CANDOUR_RULES) / "uk" / "foia-2000" / "templates" / "notice.en.yaml"), "language: en",
                           "language: cy");
        cy = replaced(cy, "title: Response to your request for information", "title: Ymateb i'ch cais am wybodaeth");
        std::ofstream(rules / "templates" / "notice.cy.yaml") << cy;
        std::ofstream(cases / "a.yaml") << R"(case:
  id: a
  regime: test-regime
  authority: {name: Example Body}
  request: {received: 2018-06-01, wording: Please send the report.}
  items:
    - {id: A, description: The report}
  claims:
    - id: c1
      provision: s.1
      items: [A]
      class_facts: [The report is of the class the section describes.]
      factors:
        maintain:
          - {id: m, description: keeping such reports confidential, weight: moderate}
)";
        const auto single = run({"evaluate", (cases / "a.yaml").string(), "--rules", rules.string(), "--format", "notice",
                                 "--language", "cy"});
        REQUIRE(single.code == 0);
        CHECK(single.out.rfind("# Ymateb i'ch cais am wybodaeth\n", 0) == 0);
        const std::vector<std::string> batch{"evaluate", "--batch", cases.string(), "--rules", rules.string(), "--format",
                                             "notice", "--out", out.string(), "--jobs", "1", "--language"};
        auto welsh = batch;
        welsh.push_back("cy");
        const auto done = run(welsh);
        CHECK(done.code == 0);
        CHECK(read(out / "a.notice.md") == single.out);
        // A language the regime lacks fails the case as it fails a single case (R504), instead of
        // quietly writing the notice in another language.
        auto french = batch;
        french.push_back("fr");
        const auto failed = run(french);
        CHECK(failed.code == 1);
        CHECK_FALSE(fs::exists(out / "a.notice.md"));
        CHECK(read(out / "a.diagnostics.txt").find("[R504]") != std::string::npos);
        // --no-sync skips the flush to disk, not the whole-file-or-nothing write: same bytes.
        auto quick = batch;
        quick.push_back("cy");
        quick.push_back("--no-sync");
        fs::remove_all(out);
        CHECK(run(quick).code == 0);
        CHECK(read(out / "a.notice.md") == single.out);
        CHECK(std::distance(fs::directory_iterator(out), fs::directory_iterator()) == 1); // no temporary left
        // It belongs to --batch.
        const auto misuse = run({"evaluate", (cases / "a.yaml").string(), "--rules", rules.string(), "--no-sync"});
        CHECK(misuse.code == 2);
        CHECK(misuse.err.find("--no-sync apply to --batch only") != std::string::npos);
        fs::remove_all(root);
    }
}
