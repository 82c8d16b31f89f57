#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

using namespace candour;
namespace fs = std::filesystem;

TEST_SUITE("rulebook") {
    TEST_CASE("the bundled rules hold the FOIA regime with its balancing rule") {
        const auto& rules = test::bundled();
        const auto& foia = rules.get_regime("uk-foia-2000");
        CHECK(foia.title == "Freedom of Information Act 2000");
        CHECK(foia.balancing.tie == tie_rule::disclose);
        CHECK(foia.balancing.source.label == "FOIA 2000 s.2(2)(b)");
        CHECK(foia.balancing.aggregation == aggregation_mode::cumulative);
        REQUIRE(foia.balancing.aggregation_since);
        CHECK(foia.balancing.aggregation_since->iso() == "2025-07-23");
        REQUIRE(foia.thresholds.size() == 2);
        CHECK(foia.thresholds[0].id == "would-be-likely-to"); // lowest first
        CHECK(foia.thresholds[0].weight_multiplier < foia.thresholds[1].weight_multiplier);
        CHECK(foia.weight_value("strong") == 4);
        CHECK_FALSE(foia.weight_value("enormous"));
        CHECK(foia.find_irrelevant("requester-identity"));
        CHECK(foia.complaints.right.uri == "https://www.legislation.gov.uk/ukpga/2000/36/section/50");
    }
    TEST_CASE("s.31(1)(a) is a complete rule object") {
        const auto& p = test::bundled().get_provision("uk-foia-2000", "s.31(1)(a)");
        CHECK(p.role == provision_role::exemption);
        CHECK(p.status == exemption_status::qualified);
        CHECK(p.test == engagement_test::prejudice);
        CHECK(p.protected_interest == "the prevention or detection of crime");
        CHECK(p.ncnd == "s.31(3)");
        CHECK(p.subsidiary_to == std::vector<std::string>{"s.30(1)", "s.30(2)"});
        REQUIRE(p.history);
        CHECK(p.history->years == 100);
        CHECK(p.uri == "https://www.legislation.gov.uk/ukpga/2000/36/section/31");
        CHECK(p.in_force_on(*date::parse("2018-04-23")));
        CHECK_FALSE(p.in_force_on(*date::parse("2004-12-31")));
        CHECK(p.verified);
        CHECK(p.where.file.find("s31.yaml") != std::string::npos);
        CHECK(p.where.line > 0);
        CHECK_FALSE(p.default_factors.empty());
    }
    TEST_CASE("every paragraph of s.31(1), the s.31(2) purposes and s.31(3) exist") {
        const auto& rules = test::bundled();
        for (char c = 'a'; c <= 'i'; ++c) CHECK(rules.find_provision("uk-foia-2000", std::string("s.31(1)(") + c + ")"));
        for (char c = 'a'; c <= 'j'; ++c) CHECK(rules.find_provision("uk-foia-2000", std::string("s.31(2)(") + c + ")"));
        CHECK(rules.get_provision("uk-foia-2000", "s.31(1)(g)").purposes.size() == 10);
        CHECK(rules.find_provision("uk-foia-2000", "s.31(3)"));
        CHECK(rules.find_provision("uk-foia-2000", "s.1(1)(a)"));
        CHECK(rules.find_provision("uk-foia-2000", "s.2(2)(b)"));
    }
    TEST_CASE("unknown ids are reported, not defaulted") {
        const auto& rules = test::bundled();
        CHECK_FALSE(rules.find_provision("uk-foia-2000", "s.31(1)(z)"));
        CHECK_FALSE(rules.find_regime("uk-foia-2001"));
        CHECK_THROWS_AS((void)rules.get_provision("uk-foia-2000", "s.31(1)(z)"), lookup_error);
        CHECK_THROWS_AS((void)rules.get_regime("nowhere"), lookup_error);
    }
    TEST_CASE("a rulebook is cheap to copy and shares its immutable data") {
        const rulebook copy = test::bundled();
        CHECK(&copy.provisions() == &test::bundled().provisions());
    }
    TEST_CASE("loading a broken folder reports every error, with locations") {
        const fs::path dir = fs::temp_directory_path() / "candour-test-rules";
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(dir / "index.yaml") << "regime:\n  id: r\n  title: T\n  uri: https://example.org\n  verified: true\n"
                                             "  balancing: {source: {label: s.2}, test: t, tie: disclose}\n"
                                             "  weights: [{name: moderate, value: 2}]\n"
                                             "  time_limit: {period: 30, days: calendar, source: {label: s.15}}\n";
        std::ofstream(dir / "p.yaml") << "provisions:\n  - id: s.1\n    titel: x\n    citation: c\n    uri: https://e.org\n"
                                         "    role: exemption\n    status: qualified\n    test: class\n    verified: true\n"
                                         "  - id: s.2\n    title: y\n    citation: c\n    uri: https://e.org\n    role: exemption\n"
                                         "    status: qualified\n    test: class\n    ncnd: s.9\n    verified: true\n";
        try {
            (void)rulebook::load(dir);
            FAIL("expected a load_error");
        } catch (const load_error& e) {
            std::vector<std::string> codes;
            for (const auto& d : e.diagnostics()) codes.push_back(d.code);
            CHECK(std::count(codes.begin(), codes.end(), "P203") == 1); // titel
            CHECK(std::count(codes.begin(), codes.end(), "P205") == 1); // title missing
            CHECK(std::count(codes.begin(), codes.end(), "P302") == 1); // ncnd s.9
            const auto& unknown = *std::find_if(e.diagnostics().begin(), e.diagnostics().end(),
                                                [](const diagnostic& d) { return d.code == "P203"; });
            CHECK(unknown.where.line == 3);
            CHECK(unknown.where.column == 5);
            REQUIRE_FALSE(unknown.notes.empty());
            CHECK(unknown.notes[0] == "did you mean 'title'?");
        }
        // A calendar-day regime needs no holiday calendar.
        std::ofstream(dir / "p.yaml") << "provisions: []\n";
        const auto rules = rulebook::load(dir);
        CHECK(rules.get_regime("r").deadline.days == day_count::calendar);
        CHECK(rules.get_regime("r").deadline.period == 30);
        fs::remove_all(dir);
    }
    TEST_CASE("file size limits are enforced and configurable") {
        load_limits tiny;
        tiny.max_file_bytes = 100;
        try {
            (void)rulebook::load(CANDOUR_RULES, tiny);
            FAIL("expected a load_error");
        } catch (const load_error& e) {
            CHECK(std::any_of(e.diagnostics().begin(), e.diagnostics().end(), [](const diagnostic& d) { return d.code == "P103"; }));
        }
    }
    TEST_CASE("check() returns diagnostics instead of throwing") {
        const auto diags = rulebook::check(CANDOUR_RULES);
        CHECK_FALSE(has_errors(diags));
        const auto missing = rulebook::check("/nonexistent/rules");
        REQUIRE(missing.size() == 1);
        CHECK(missing[0].code == "P102");
    }
}
