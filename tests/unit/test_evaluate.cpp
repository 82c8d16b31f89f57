#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <thread>

using namespace candour;

namespace {

const review_flag* find_flag(const decision& d, const std::string& code) {
    auto it = std::find_if(d.flags.begin(), d.flags.end(), [&](const review_flag& f) { return f.code == code; });
    return it == d.flags.end() ? nullptr : &*it;
}

label label_of(const decision& d, const std::string& key) {
    const auto id = d.graph.find(key);
    REQUIRE_MESSAGE(id, "no statement " << key);
    return d.graph.label_of(*id);
}

decision run(const std::string& yaml, evaluation_options options = {}) {
    return evaluate(test::bundled(), test::parse(yaml), options);
}

} // namespace

TEST_SUITE("evaluate: the MOPAC case") {
    const decision d = evaluate(test::bundled(), test::mopac_case());

    TEST_CASE("the three security rows are withheld under s.31(1)(a), every other row is released") {
        CHECK(d.outcome == request_outcome::partial_disclosure);
        for (const auto& f : d.items) {
            const bool security = f.item_id == "R12" || f.item_id == "R13" || f.item_id == "R14";
            CHECK_MESSAGE(f.outcome == (security ? item_outcome::withhold : item_outcome::disclose), f.item_id);
            if (security) CHECK(f.provisions == std::vector<std::string>{"s.31(1)(a)"});
            else CHECK(f.provisions.empty());
        }
        CHECK(d.find_item("R01")->outcome == item_outcome::disclose); // the GIS software the request names
        CHECK(d.find_item("R02")->outcome == item_outcome::disclose); // the content management system
    }
    TEST_CASE("s.31(1)(a) is engaged at the lower threshold, because the notice named both") {
        REQUIRE(d.claims.size() == 1);
        const auto& f = d.claims[0];
        CHECK(d.graph.label_of(f.engaged) == label::accepted);
        CHECK(f.threshold_applied == "would-be-likely-to");
        REQUIRE(f.threshold_rule);
        CHECK(d.graph.label_of(*f.threshold_rule) == label::accepted);
        CHECK(d.graph.at(*f.threshold_rule).text == "The threshold applied is the lower one, 'would be likely to'");
        CHECK(label_of(d, "c1/threshold-unstated") == label::accepted);
        CHECK(d.graph.at(*d.graph.find("c1/threshold-unstated")).text ==
              "The authority names 'would' and 'would be likely to' without choosing between them");
        for (auto limb : f.limbs) CHECK(d.graph.label_of(limb) == label::accepted);
        CHECK(label_of(d, "c1/displaced") == label::rejected);
        CHECK(label_of(d, "c1/historical") == label::rejected);
    }
    TEST_CASE("the notice's public interest factors are weighed, with the tie rule stated") {
        const auto& f = d.claims[0];
        REQUIRE(f.public_interest);
        CHECK(d.graph.label_of(*f.public_interest) == label::accepted);
        CHECK(f.factors.size() == 6);
        const double maintain = d.graph.weight_of(*f.public_interest, direction::pro);
        const double disclose = d.graph.weight_of(*f.public_interest, direction::con);
        CHECK(maintain == doctest::Approx((4 + 3 + 4) * 0.8 * 0.8)); // lower threshold, generic evidence
        CHECK(disclose == doctest::Approx(2 + 2 + 1));
        CHECK(d.graph.at(*f.public_interest).standard.type == proof_standard::kind::balance);
        CHECK(d.graph.at(*f.public_interest).standard.tie == direction::con); // a tie means disclosure
        CHECK(f.evidence_grade == "generic");
    }
    TEST_CASE("the notice is flagged: threshold not chosen, no s.50 right, late") {
        REQUIRE(find_flag(d, "F101"));
        CHECK(find_flag(d, "F101")->name == "threshold-not-chosen");
        REQUIRE(find_flag(d, "F112"));
        CHECK(find_flag(d, "F112")->level == severity::error);
        CHECK(find_flag(d, "F112")->source.label == "FOIA s.17(7)(b)");
        CHECK(find_flag(d, "F112")->source.uri == "https://www.legislation.gov.uk/ukpga/2000/36/section/17");
        REQUIRE(find_flag(d, "F113"));
        CHECK(find_flag(d, "F113")->message.find("23 April 2018") != std::string::npos);
        CHECK(find_flag(d, "F103")); // generic evidence only
        CHECK(find_flag(d, "F111")); // internal review given only by a link
        CHECK_FALSE(find_flag(d, "F114"));
        for (const auto& flag : d.flags) CHECK(flag.where.line > 0);
    }
    TEST_CASE("the deadline is 20 working days after 22 March 2018, skipping Easter") {
        REQUIRE(d.deadline);
        CHECK(d.deadline->due.iso() == "2018-04-23");
        CHECK(d.deadline->period == 20);
        CHECK(d.deadline->calendar_covers);
        CHECK(d.decision_date.iso() == "2018-04-23");
    }
}

TEST_SUITE("evaluate: variations") {
    TEST_CASE("a small case with a chosen threshold and specific evidence") {
        const auto d = run(test::small_case_yaml());
        CHECK(d.outcome == request_outcome::partial_disclosure);
        CHECK(d.claims[0].threshold_applied == "would");
        CHECK_FALSE(d.claims[0].threshold_rule);
        CHECK_FALSE(find_flag(d, "F101"));
        CHECK_FALSE(find_flag(d, "F103"));
        CHECK(d.flags.empty());
        CHECK(d.decision_date.iso() == "2018-04-20"); // the refusal notice, sent in time
    }
    TEST_CASE("'would' weighs more than 'would be likely to'") {
        const auto would = run(test::small_case_yaml());
        const auto likely = run(test::replace(test::small_case_yaml(), "likelihood: would", "likelihood: would-be-likely-to"));
        const auto pit_w = *would.claims[0].public_interest, pit_l = *likely.claims[0].public_interest;
        CHECK(would.graph.weight_of(pit_w, direction::pro) > likely.graph.weight_of(pit_l, direction::pro));
    }
    TEST_CASE("a dated late response counts working days late") {
        const auto d = run(test::replace(test::small_case_yaml(), "sent: 2018-04-20", "sent: 2018-05-01"));
        REQUIRE(d.deadline->days_late);
        CHECK(*d.deadline->days_late == 6);
        REQUIRE(find_flag(d, "F113"));
        CHECK(find_flag(d, "F113")->message.find("6 working days after the deadline of 23 April 2018") != std::string::npos);
        CHECK(d.decision_date.iso() == "2018-04-23"); // Montague: the time for compliance, not the late reply
    }
    TEST_CASE("with no causal link the exemption is not engaged and the row is released") {
        const auto d = run(test::replace(test::small_case_yaml(),
                                         "      causal_chain: Knowing the product lets an attacker look up its published weaknesses.\n", ""));
        CHECK(d.graph.label_of(d.claims[0].engaged) == label::rejected);
        CHECK(d.find_item("R02")->outcome == item_outcome::disclose);
        CHECK(d.outcome == request_outcome::full_disclosure);
        REQUIRE(find_flag(d, "F114"));
        CHECK(find_flag(d, "F114")->message.find("not shown to be engaged") != std::string::npos);
    }
    TEST_CASE("an even balance means disclosure (s.2(2)(b))") {
        auto yaml = test::replace(test::small_case_yaml(), "          - id: crime\n            ref: crime-prevention",
                                  "          - id: crime\n            description: preventing crime\n            weight: moderate");
        yaml = test::replace(yaml, "          - id: transparency\n            ref: transparency",
                             "          - id: transparency\n            description: transparency\n            weight: moderate");
        const auto d = run(yaml);
        const auto pit = *d.claims[0].public_interest;
        CHECK(d.graph.weight_of(pit, direction::pro) == doctest::Approx(d.graph.weight_of(pit, direction::con)));
        CHECK(d.graph.label_of(pit) == label::rejected);
        CHECK(d.find_item("R02")->outcome == item_outcome::disclose);
        CHECK(find_flag(d, "F114"));
    }
    TEST_CASE("an irrelevant factor is set aside, named and sourced") {
        const auto d = run(test::replace(test::small_case_yaml(), "          - id: crime\n            ref: crime-prevention",
                                         "          - id: crime\n            ref: crime-prevention\n"
                                         "          - id: motive\n            description: the requester is a journalist\n"
                                         "            weight: very-strong\n            category: requester-identity"));
        const auto& f = d.claims[0];
        const auto it = std::find_if(f.factors.begin(), f.factors.end(), [](const factor_assessment& a) { return a.source_factor->id == "motive"; });
        REQUIRE(it != f.factors.end());
        CHECK(it->set_aside);
        CHECK(d.graph.status_of(it->argument) == argument_status::undercut);
        CHECK(it->set_aside_source.label.find("LTT48") != std::string::npos);
        CHECK(d.graph.weight_of(*f.public_interest, direction::pro) == doctest::Approx(4)); // only 'strong' counts
        REQUIRE(find_flag(d, "F105"));
        CHECK(find_flag(d, "F105")->level == severity::error);
    }
    TEST_CASE("s.31 is displaced where s.30 is engaged for the same information") {
        const auto yaml = test::small_case_yaml() + R"(    - id: c2
      provision: s.30(1)
      items: [R02]
      class_facts:
        - The product list was held for a criminal investigation the authority has a duty to conduct.
      factors:
        maintain:
          - id: investigation
            description: protecting the investigation
            weight: very-strong
)";
        auto text = yaml;
        // The claims list continues after c1: move the notice block to the end.
        const auto notice_at = text.find("  notice:");
        const auto notice = text.substr(notice_at, text.find("    - id: c2") - notice_at);
        text.erase(notice_at, notice.size());
        text += notice;
        const auto d = run(text);
        CHECK(label_of(d, "c1/displaced") == label::accepted);
        CHECK(label_of(d, "c1/applicable") == label::rejected);
        CHECK(label_of(d, "c1/exempt") == label::rejected);
        CHECK(d.find_item("R02")->outcome == item_outcome::withhold);
        CHECK(d.find_item("R02")->provisions == std::vector<std::string>{"s.30(1)"});
    }
    TEST_CASE("an absolute exemption is not weighed, and arguing factors for it is flagged") {
        auto yaml = test::replace(test::small_case_yaml(), "provision: s.31(1)(a)", "provision: s.41(1)");
        yaml = test::replace(yaml, "          - id: crime\n            ref: crime-prevention",
                             "          - id: crime\n            description: confidence\n            weight: strong");
        yaml = test::replace(yaml, "          - id: transparency\n            ref: transparency",
                             "          - id: transparency\n            description: transparency\n            weight: moderate");
        yaml = test::replace(yaml, "      harm: Attackers could target known weaknesses.\n",
                             "      class_facts:\n        - The supplier gave the product details in confidence.\n");
        const auto d = run(yaml);
        CHECK_FALSE(d.claims[0].public_interest);
        CHECK(d.find_item("R02")->outcome == item_outcome::withhold);
        CHECK(find_flag(d, "F104"));
    }
    TEST_CASE("the historical-record limit ends the exemption") {
        const auto d = run(test::replace(test::small_case_yaml(), "      withheld_content: Zeta Secret Wall",
                                         "      withheld_content: Zeta Secret Wall\n      created: 1900-06-01"));
        CHECK(label_of(d, "c1/historical") == label::accepted);
        CHECK(label_of(d, "c1/applicable") == label::rejected);
        CHECK(d.find_item("R02")->outcome == item_outcome::disclose);
    }
    TEST_CASE("as_of moves the date on which circumstances are assessed") {
        evaluation_options early;
        early.as_of = date::parse("2004-06-01");
        const auto d = run(test::small_case_yaml(), early);
        CHECK(d.decision_date.iso() == "2004-06-01");
        CHECK(label_of(d, "c1/in-force") == label::rejected); // Part II in force from 1 January 2005
        CHECK(d.find_item("R02")->outcome == item_outcome::disclose);
    }
    TEST_CASE("items not held are reported as such") {
        const auto d = run(test::replace(test::small_case_yaml(), "      content: Placeholder Payroll", "      held: false"));
        CHECK(d.find_item("R01")->outcome == item_outcome::not_held);
        CHECK(d.outcome == request_outcome::refusal);
    }
    TEST_CASE("a regime counting calendar days sets the deadline in calendar days") {
        const auto* au = test::bundled().find_regime("au-foi-1982");
        REQUIRE(au);
        CHECK(au->deadline.days == day_count::calendar);
        disclosure_case c;
        c.id = "au";
        c.regime = "au-foi-1982";
        c.request.received = *date::parse("2024-09-22");
        item d1;
        d1.id = "D1";
        d1.description = "A document";
        c.items.push_back(d1);
        const auto d = evaluate(test::bundled(), c);
        CHECK(d.deadline->due.iso() == "2024-10-22");
        CHECK(d.outcome == request_outcome::full_disclosure);
    }
    TEST_CASE("cases built in C++ are checked like loaded ones") {
        disclosure_case c = test::parse(test::small_case_yaml());
        c.claims[0].provision = "s.31(1)(z)";
        try {
            (void)evaluate(test::bundled(), c);
            FAIL("expected a load_error");
        } catch (const load_error& e) {
            CHECK(e.diagnostics()[0].code == "P302");
        }
    }
    TEST_CASE("a loaded case handed over as a shared_ptr is kept, not copied") {
        // Its factors' defaults were filled when it was loaded; some defaults have no category,
        // which must not count as something still to fill.
        const auto c = std::make_shared<const disclosure_case>(test::mopac_case());
        const auto d = evaluate(test::bundled(), c);
        CHECK(d.source.get() == c.get());
        // Each weighed factor is the case's own, shared rather than copied.
        REQUIRE(!d.claims.empty());
        REQUIRE(d.claims[0].factors.size() >= c->claims[0].factors.size());
        for (std::size_t i = 0; i < c->claims[0].factors.size(); ++i)
            CHECK(d.claims[0].factors[i].source_factor.get() == &c->claims[0].factors[i]);
    }
    TEST_CASE("one rulebook serves many threads, each getting the same decision") {
        const auto c = test::mopac_case();
        const auto expected = render(evaluate(test::bundled(), c), output_format::json);
        std::vector<std::string> results(4);
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] {
                for (int k = 0; k < 20; ++k) results[i] = render(evaluate(test::bundled(), c), output_format::json);
            });
        for (auto& t : threads) t.join();
        for (const auto& r : results) CHECK(r == expected);
    }
}

TEST_SUITE("evaluate: routes to another regime and claims in the alternative") {
    const std::string s39 = R"(case:
  id: s39-route
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: Please send the river readings.}
  items:
    - {id: Q1, description: River water quality readings}
    - {id: Q2, description: Staff rota}
  claims:
    - id: c1
      provision: s.39(1)(a)
      items: [Q1]
      class_facts: [The readings are environmental information on the state of water.]
    - id: c2
      provision: s.39(1)(b)
      items: [Q1, Q2]
)";
    TEST_CASE("an engaged s.39 claim routes its items to the EIR, one not engaged does not") {
        const auto d = run(s39);
        REQUIRE(d.routes.size() == 2);
        CHECK(d.routes[0].claim_id == "c1");
        CHECK(d.routes[0].regime == "uk-eir-2004");
        CHECK(d.routes[0].items == std::vector<std::string>{"Q1"});
        CHECK(d.routes[0].routed);
        CHECK(d.graph.at(d.routes[0].engaged).key == "c1/engaged");
        CHECK_FALSE(d.routes[1].routed);
        const auto record = render(d, output_format::record);
        CHECK(record.find("| Handled under | [Environmental Information Regulations 2004]") != std::string::npos);
        CHECK(record.find("for item Q1: the request for that information falls to be handled under that regime") != std::string::npos);
    }
    TEST_CASE("F122 names the shared items once, and pleading in the alternative silences it") {
        const auto d = run(s39);
        const auto* f = find_flag(d, "F122");
        REQUIRE(f);
        CHECK(f->message.find("for item Q1,") != std::string::npos); // Q2 is claimed under one of them only
        CHECK(std::count_if(d.flags.begin(), d.flags.end(), [](const review_flag& x) { return x.code == "F122"; }) == 1);
        const auto alt = run(test::replace(s39, "      items: [Q1, Q2]\n", "      items: [Q1, Q2]\n      in_the_alternative_to: [c1]\n"));
        CHECK_FALSE(find_flag(alt, "F122"));
    }
    TEST_CASE("cases without routes keep their JSON unchanged: no 'routes' member") {
        const auto d = evaluate(test::bundled(), test::mopac_case());
        CHECK(d.routes.empty());
        CHECK(render(d, output_format::json).find("\"routes\"") == std::string::npos);
        CHECK(render(run(s39), output_format::json).find("\"routes\": [") != std::string::npos);
    }
}
