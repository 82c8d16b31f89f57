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
        CHECK(p.where.file.str().find("s31.yaml") != std::string::npos);
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
    TEST_CASE("a provision another names as its ncnd excludes the duty to confirm or deny") {
        const auto& rules = test::bundled();
        const auto& s31_3 = rules.get_provision("uk-foia-2000", "s.31(3)");
        CHECK(rules.excludes_duty_to_confirm(s31_3));
        CHECK_FALSE(rules.excludes_duty_to_confirm(rules.get_provision("uk-foia-2000", "s.31(1)(a)")));
        const provision copy = s31_3; // not one of the rulebook's own: answered by a search
        CHECK(rules.excludes_duty_to_confirm(copy));
        CHECK_FALSE(rulebook().excludes_duty_to_confirm(copy));
        // The index agrees with the definition for every provision.
        for (const auto& p : rules.provisions()) {
            const bool named = std::any_of(rules.provisions().begin(), rules.provisions().end(),
                                           [&](const provision& q) { return q.ncnd == p.id && q.regime == p.regime; });
            CHECK(rules.excludes_duty_to_confirm(p) == named);
        }
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
    TEST_CASE("'presumption: false' is for a qualified exemption of a regime that has a presumption") {
        const fs::path dir = fs::temp_directory_path() / "candour-test-presumption";
        fs::remove_all(dir);
        fs::create_directories(dir);
        const std::string regime = "regime:\n  id: r\n  title: T\n  uri: https://example.org\n  verified: true\n"
                                   "  balancing: {source: {label: s.2}, test: t, tie: disclose%s}\n"
                                   "  weights: [{name: moderate, value: 2}]\n"
                                   "  time_limit: {period: 30, days: calendar, source: {label: s.15}}\n";
        const auto with = [&](const std::string& presumption) {
            std::string r = regime;
            r.replace(r.find("%s"), 2, presumption);
            return r;
        };
        const std::string provisions = "provisions:\n"
                                       "  - {id: s.1, title: a, citation: c, uri: https://e.org, role: exemption, status: qualified,\n"
                                       "     test: class, verified: true, presumption: false}\n"
                                       "  - {id: s.3, title: b, citation: c, uri: https://e.org, role: exemption, status: absolute,\n"
                                       "     test: class, verified: true, presumption: false}\n";
        const auto p209 = [&] {
            std::vector<diagnostic> out;
            try {
                (void)rulebook::load(dir);
            } catch (const load_error& e) {
                for (const auto& d : e.diagnostics())
                    if (d.code == "P209") out.push_back(d);
            }
            return out;
        };
        std::ofstream(dir / "p.yaml") << provisions;
        std::ofstream(dir / "index.yaml") << with(", presumption: {weight: 1}");
        // With a presumption: only the absolute exemption is refused, at its 'presumption' value.
        auto found = p209();
        REQUIRE(found.size() == 1);
        CHECK(found[0].message.find("s.3 has none") != std::string::npos);
        CHECK(found[0].where.line == 5);
        // Without one, the qualified exemption is refused too: there is nothing to switch off.
        std::ofstream(dir / "index.yaml") << with("");
        found = p209();
        REQUIRE(found.size() == 2);
        CHECK(found[0].message == "'presumption: false', but regime 'r' has no presumption in favour of disclosure");
        // The qualified one alone, in a regime with a presumption, loads and keeps the setting.
        std::ofstream(dir / "p.yaml") << provisions.substr(0, provisions.find("  - {id: s.3"));
        std::ofstream(dir / "index.yaml") << with(", presumption: {weight: 1}");
        const auto rules = rulebook::load(dir);
        CHECK_FALSE(rules.get_provision("r", "s.1").presumption_applies);
        fs::remove_all(dir);
    }
    TEST_CASE("EIR reg 13's weighed conditions leave out the reg 12(2) presumption, which reg 12 keeps") {
        const auto& rules = test::bundled();
        CHECK(rules.get_regime("uk-eir-2004").balancing.presumption_weight > 0);
        CHECK_FALSE(rules.get_provision("uk-eir-2004", "reg.13(1)(b)").presumption_applies);
        CHECK_FALSE(rules.get_provision("uk-eir-2004", "reg.13(5A)-(5B)").presumption_applies);
        CHECK(rules.get_provision("uk-eir-2004", "reg.12(5)(e)").presumption_applies);
        CHECK(rules.get_provision("uk-eir-2004", "reg.12(4)(e)").presumption_applies);
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

TEST_SUITE("rulebook: historical limits by decision date") {
    const date d1990 = *date::parse("1990-06-30");

    TEST_CASE("a plain limit ends on 31 December of the year of creation plus its years") {
        historical_rule r;
        r.years = 20;
        CHECK_FALSE(r.passed(*date::parse("2000-06-30"), std::nullopt, *date::parse("2020-12-31")));
        CHECK(r.passed(*date::parse("2000-06-30"), std::nullopt, *date::parse("2021-01-01")));
    }
    TEST_CASE("a period counted from the date of creation ends the day before its anniversary") {
        historical_rule r;
        r.years = 20;
        r.counts_from = history_start::creation_date;
        CHECK_FALSE(r.passed(*date::parse("2000-03-01"), std::nullopt, *date::parse("2020-02-29")));
        CHECK(r.passed(*date::parse("2000-03-01"), std::nullopt, *date::parse("2020-03-01")));
        // A period beginning on 29 February: the day after it ends is 1 March.
        CHECK_FALSE(r.passed(*date::parse("2004-02-29"), std::nullopt, *date::parse("2024-02-28")));
        r.years = 21;
        CHECK_FALSE(r.passed(*date::parse("2004-02-29"), std::nullopt, *date::parse("2025-02-28")));
        CHECK(r.passed(*date::parse("2004-02-29"), std::nullopt, *date::parse("2025-03-01")));
    }
    TEST_CASE("a death rule waits for the later of the two periods, and for a recorded death") {
        historical_rule r;
        r.years = 20;
        r.after_death_years = 5;
        const date created = *date::parse("2000-06-30");
        const auto death = date::parse("2022-09-08");
        CHECK_FALSE(r.passed(created, std::nullopt, *date::parse("2040-01-01")));
        CHECK_FALSE(r.passed(created, death, *date::parse("2027-09-07")));
        CHECK(r.passed(created, death, *date::parse("2027-09-08")));
        // An early death: the 20 years are the later period.
        CHECK_FALSE(r.passed(created, date::parse("2001-01-01"), *date::parse("2020-12-31")));
        CHECK(r.passed(created, date::parse("2001-01-01"), *date::parse("2021-01-01")));
    }
    TEST_CASE("FOIA s.42(1): 30 years before 2013, the SI 2012/3029 table to 2022, 20 years after") {
        const auto& p = test::bundled().get_provision("uk-foia-2000", "s.42(1)");
        REQUIRE(p.history);
        const auto& h = *p.history;
        REQUIRE(h.phases.size() == 2);
        CHECK(h.phase_on(*date::parse("2012-12-31")) == &h.phases[0]);
        CHECK(h.phase_on(*date::parse("2013-01-01")) == &h.phases[1]);
        CHECK(h.phase_on(*date::parse("2023-01-01")) == nullptr);
        CHECK(&h.on(*date::parse("2023-01-01")) == static_cast<const historical_rule*>(&h));
        CHECK_FALSE(h.phases[1].verified); // the Schedule's rows are reconstructed
        auto passed = [&](const char* on) { const date d = *date::parse(on); return h.on(d).passed(d1990, std::nullopt, d); };
        CHECK_FALSE(passed("2012-06-01")); // 1990 + 30 = 2020
        CHECK_FALSE(passed("2016-12-31")); // the table: 1990 records historical from the end of 2016
        CHECK(passed("2017-01-01"));
        CHECK(passed("2024-01-01"));       // 1990 + 20 = 2010
        const date d2003 = *date::parse("2003-06-30");
        CHECK_FALSE(h.on(*date::parse("2023-12-31")).passed(d2003, std::nullopt, *date::parse("2023-12-31")));
        CHECK(h.on(*date::parse("2024-01-01")).passed(d2003, std::nullopt, *date::parse("2024-01-01")));
    }
    TEST_CASE("FOISA s.33(1)(b): 30 years to 31 March 2014, 15 years from 1 April 2014") {
        const auto& p = test::bundled().get_provision("scot-foisa-2002", "s.33(1)(b)");
        REQUIRE(p.history);
        const date d1995 = *date::parse("1995-06-30");
        const date before = *date::parse("2014-03-31"), after = *date::parse("2014-04-01");
        CHECK_FALSE(p.history->on(before).passed(d1995, std::nullopt, before));
        CHECK(p.history->on(after).passed(d1995, std::nullopt, after));
    }
}

TEST_SUITE("rulebook: exclusivity and routes") {
    TEST_CASE("FOIA s.39(1)(a) and (b) are exclusive with each other and route to the EIR") {
        const auto& rules = test::bundled();
        const auto& a = rules.get_provision("uk-foia-2000", "s.39(1)(a)");
        const auto& b = rules.get_provision("uk-foia-2000", "s.39(1)(b)");
        CHECK(a.exclusive_with == std::vector<std::string>{"s.39(1)(b)"});
        CHECK(b.exclusive_with == std::vector<std::string>{"s.39(1)(a)"});
        REQUIRE(a.routes_to.size() == 1);
        CHECK(a.routes_to[0].regime == "uk-eir-2004");
        CHECK(rules.find_regime(a.routes_to[0].regime));
        // Subsidiary pairs are not also marked exclusive (P307 would refuse it).
        CHECK(rules.get_provision("uk-foia-2000", "s.24(1)").exclusive_with.empty());
    }
    TEST_CASE("shared interests: provisions whose default maintain-side factors overlap") {
        const auto& rules = test::bundled();
        const auto ids = [&](const char* id) {
            std::vector<std::string> out;
            for (const auto& s : rules.shared_interests(rules.get_provision("uk-foia-2000", id)))
                out.push_back(s.provision_id + ":" + s.factor_ids.front() + "+" + std::to_string(s.factor_ids.size() - 1));
            return out;
        };
        // s.38(1)(a) and (b) share one list of factors (a YAML alias); the relation is symmetric.
        CHECK(ids("s.38(1)(a)") == std::vector<std::string>{"s.38(1)(b):protect-individuals+0"});
        CHECK(ids("s.38(1)(b)") == std::vector<std::string>{"s.38(1)(a):protect-individuals+0"});
        CHECK(ids("s.36(2)(b)(i)") == std::vector<std::string>{"s.36(2)(b)(ii):chilling-effect+1"});
        // Disclosure-side factors (transparency, accountability) are everyone's: not counted.
        CHECK(ids("s.31(1)(a)").empty());
        // Other regimes are not looked at.
        for (const auto& s : rules.shared_interests(rules.get_provision("scot-foisa-2002", "s.38(1)(a)")))
            CHECK(rules.find_provision("scot-foisa-2002", s.provision_id));
    }
    TEST_CASE("loading FOIA alone does not report its route to the EIR as dangling") {
        const auto diags = rulebook::check(bundled_rules_dir() / "uk" / "foia-2000");
        CHECK_FALSE(has_errors(diags));
    }
}
