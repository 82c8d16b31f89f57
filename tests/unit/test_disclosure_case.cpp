#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace candour;

namespace {

std::vector<diagnostic> errors_of(const std::string& yaml) {
    try {
        (void)test::parse(yaml);
    } catch (const load_error& e) {
        return e.diagnostics();
    }
    FAIL("expected a load_error");
    return {};
}

const diagnostic& only(const std::vector<diagnostic>& diags, const std::string& code) {
    auto it = std::find_if(diags.begin(), diags.end(), [&](const diagnostic& d) { return d.code == code; });
    REQUIRE_MESSAGE(it != diags.end(), "no diagnostic " << code);
    return *it;
}

} // namespace

TEST_SUITE("disclosure_case") {
    TEST_CASE("the MOPAC case loads with its items, claim and notice") {
        const auto c = test::mopac_case();
        CHECK(c.regime == "uk-foia-2000");
        CHECK(c.request.received.iso() == "2018-03-22");
        CHECK(c.items.size() == 14);
        CHECK(c.find_item("R01")->description == "Geographic information system (GIS) software");
        CHECK(c.find_item("R02")->description == "Website content management system");
        const auto* ids = c.find_item("R12");
        REQUIRE(ids);
        CHECK(ids->has_withheld_content());
        CHECK_FALSE(c.find_item("R01")->has_withheld_content());
        REQUIRE(c.claims.size() == 1);
        const auto& cl = c.claims[0];
        CHECK(cl.provision == "s.31(1)(a)");
        CHECK(cl.items == std::vector<std::string>{"R12", "R13", "R14"});
        CHECK(cl.likelihood == std::vector<std::string>{"would", "would-be-likely-to"});
        CHECK(cl.factors.size() == 6);
        REQUIRE(c.notice);
        CHECK_FALSE(c.notice->sent);
        CHECK(c.notice->acknowledges_delay);
        CHECK_FALSE(c.notice->states_complaint_right);
        CHECK(c.notice->internal_review == review_particulars::by_reference);
        CHECK_FALSE(c.assumptions.empty());
    }
    TEST_CASE("factors adopted by reference take the provision's defaults") {
        const auto c = test::parse(test::small_case_yaml());
        const auto& f = c.claims[0].factors[0];
        CHECK(f.ref == "crime-prevention");
        CHECK(f.weight == "strong");
        CHECK(f.description == "the public interest inherent in the prevention and detection of crime");
        CHECK(f.source.kind == source_kind::guidance);
    }
    TEST_CASE("a scalar likelihood and 'not-stated' are accepted") {
        CHECK(test::parse(test::small_case_yaml()).claims[0].likelihood == std::vector<std::string>{"would"});
        const auto c = test::parse(test::replace(test::small_case_yaml(), "likelihood: would", "likelihood: not-stated"));
        CHECK(c.claims[0].likelihood.empty());
    }
    TEST_CASE("errors carry codes and 1-based locations") {
        const auto yaml = test::small_case_yaml();
        CHECK(only(errors_of(test::replace(yaml, "2018-03-22", "2018-02-30")), "P207").where.line == 9);
        CHECK(only(errors_of(test::replace(yaml, "2018-03-22", "2018-02-30")), "P207").where.column == 15);
        CHECK(only(errors_of(test::replace(yaml, "items: [R02]", "items: [R09]")), "P302").message ==
              "claim 'c1' names unknown item 'R09'");
        CHECK(only(errors_of(test::replace(yaml, "      content: Placeholder Payroll", "      contents: x")), "P203").notes[0] ==
              "did you mean 'content'?");
        CHECK(only(errors_of(test::replace(yaml, "  regime: uk-foia-2000\n", "")), "P205").where.line == 2);
        CHECK(only(errors_of(test::replace(yaml, "grade: specific", "grade: overwhelming")), "P304").where.line > 0);
        CHECK(only(errors_of(test::replace(yaml, "sent: 2018-04-20", "sent: 2018-03-01")), "P401").level == severity::error);
    }
    TEST_CASE("every error in a file is reported, not just the first") {
        auto yaml = test::replace(test::small_case_yaml(), "2018-03-22", "2018-13-01");
        yaml = test::replace(yaml, "      content: Placeholder Payroll", "      colour: red");
        yaml = test::replace(yaml, "internal_review: stated", "internal_review: sometimes");
        const auto diags = errors_of(yaml);
        CHECK(std::count_if(diags.begin(), diags.end(), [](const diagnostic& d) { return d.level == severity::error; }) >= 3);
        only(diags, "P207");
        only(diags, "P203");
        only(diags, "P206");
    }
    TEST_CASE("syntax errors and hostile text never escape as yaml-cpp exceptions") {
        CHECK(only(errors_of("case: [unclosed\n"), "P101").where.line >= 1);
        CHECK(only(errors_of(""), "P107").code == "P107");
        CHECK(only(errors_of(std::string("case:\n  id: a\0b\n", 17)), "P104").where.line == 2);
        CHECK(only(errors_of("case:\n  id: \xff\n"), "P104").where.line == 2);
        CHECK(only(errors_of("case: " + std::string(5000, '[') + std::string(5000, ']')), "P105").code == "P105");
        CHECK(only(errors_of("- just a list\n"), "P202").code == "P202");
        CHECK(only(errors_of("case:\n  id: x\n  request: {received: 2018-01-01}\n"), "P205").code == "P205");
    }
    TEST_CASE("item limits are enforced and configurable") {
        load_limits tight;
        tight.max_items = 1;
        try {
            (void)parse_case(test::small_case_yaml(), "t.yaml", &test::bundled(), tight);
            FAIL("expected a load_error");
        } catch (const load_error& e) {
            CHECK(only(e.diagnostics(), "P403").message.find("2 items") != std::string::npos);
        }
    }
    TEST_CASE("without a rulebook only the case's own references are checked") {
        const auto c = parse_case(test::replace(test::small_case_yaml(), "s.31(1)(a)", "s.99"), "t.yaml");
        CHECK(c.claims[0].provision == "s.99");
        CHECK_THROWS_AS((void)evaluate(test::bundled(), c), load_error);
    }
}
