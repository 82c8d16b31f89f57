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
            CHECK(d.claims[0].factors[i].source_factor == &c->claims[0].factors[i]);
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

TEST_SUITE("evaluate: claims pleaded in the alternative that the notice masks") {
    // s.23(1) or, in the alternative, s.24(1) for one annex. `security_body` says whether the case
    // shows facts engaging s.23(1) (then s.24(1) is displaced); `maintain` and `disclose` are the
    // named weights of s.24(1)'s two factors.
    std::string s23_s24(bool security_body, const std::string& maintain = "very-strong", const std::string& disclose = "moderate") {
        return std::string(R"(case:
  id: alt-masked
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: Please send the port security review and its annex.}
  items:
    - {id: R1, description: The press notice on the review}
    - {id: R2, description: The annex assessing threats to the port, withheld_content: [Placeholder threat level TL-9]}
  claims:
    - id: c1
      provision: s.23(1)
      items: [R2]
)") + (security_body ? "      class_facts: [The annex was supplied by the Security Service.]\n" : "") +
               R"(    - id: c2
      provision: s.24(1)
      items: [R2]
      in_the_alternative_to: [c1]
      class_facts: [Withholding the annex is reasonably necessary to safeguard national security.]
      factors:
        maintain: [{id: security, description: Safeguarding the port against attack, weight: )" + maintain + R"(}]
        disclose: [{id: openness, description: Openness about port security, weight: )" + disclose + R"(}]
)";
    }

    std::size_t count_flags(const decision& d, const std::string& code) {
        return static_cast<std::size_t>(std::count_if(d.flags.begin(), d.flags.end(), [&](const review_flag& f) { return f.code == code; }));
    }

    TEST_CASE("the example: s.23(1) and s.24(1) are one finding, s.23(1) holds, and s.24(1)'s own factors favour maintaining it") {
        const auto path = std::string(CANDOUR_EXAMPLES) + "/alternative-s23-s24/case.yaml";
        const auto d = evaluate(test::bundled(), load_case(path, &test::bundled()));
        REQUIRE(d.alternatives.size() == 1);
        const auto& a = d.alternatives[0];
        CHECK(a.claims == std::vector<std::string>{"c1", "c2"});
        CHECK(a.items == std::vector<std::string>{"R2"});
        CHECK(a.holding == std::vector<std::string>{"c1"});
        REQUIRE(a.findings == std::vector<std::size_t>{0, 1});
        CHECK(d.claims[a.findings[0]].provision_id == "s.23(1)");
        CHECK(d.claims[a.findings[1]].provision_id == "s.24(1)");
        // s.24(1) is displaced; weighed as if engaged, 5 (very strong) against 2 (moderate).
        CHECK(label_of(d, "c2/displaced") == label::accepted);
        CHECK_FALSE(find_flag(d, "F123"));
        CHECK_FALSE(find_flag(d, "F124"));
    }

    TEST_CASE("no finding when the claims could both apply, are not pleaded in the alternative, or nothing is pleaded") {
        // s.41(1) and s.43(2) can both apply to the same information: nothing to mask.
        const auto both = run(test::alternatives_that_can_both_apply_yaml());
        CHECK(both.alternatives.empty());
        CHECK(both.items[0].outcome == item_outcome::withhold);
        // s.23(1) and s.24(1) relied on together, not in the alternative: F117, no masking.
        const auto plain = run(test::replace(s23_s24(true), "      in_the_alternative_to: [c1]\n", ""));
        CHECK(plain.alternatives.empty());
        CHECK(find_flag(plain, "F117"));
        CHECK(evaluate(test::bundled(), test::mopac_case()).alternatives.empty());
    }

    TEST_CASE("a claim split into groups of items is joined group by group, and sets with the same claims are one finding") {
        // R3 is in the public domain, so each claim has two groups (c1#1, c1#2, c2#1, c2#2).
        const auto d = run(test::alternative_split_annexes_yaml(true));
        REQUIRE(d.claims.size() == 5);
        REQUIRE(d.alternatives.size() == 1);
        const auto& a = d.alternatives[0];
        CHECK(a.claims == std::vector<std::string>{"c1", "c2"});
        CHECK(a.items == std::vector<std::string>{"R2", "R3"}); // R4 is claimed under s.24(1) alone
        CHECK(a.holding == std::vector<std::string>{"c1"});
        // Every group sharing an item with an alternative, not only the first group of each claim.
        REQUIRE(a.findings.size() == 4);
        for (auto i : a.findings) CHECK(d.claims[i].items != std::vector<std::string>{"R4"});
    }

    TEST_CASE("F123: the displaced s.24(1)'s own factors do not favour maintaining it, so the notice's conclusion is not reached") {
        const auto d = run(s23_s24(true, "slight", "strong"));
        REQUIRE(d.alternatives.size() == 1);
        CHECK(d.alternatives[0].holding == std::vector<std::string>{"c1"});
        REQUIRE(count_flags(d, "F123") == 1);
        const auto* f = find_flag(d, "F123");
        CHECK(f->name == "masked-alternative-not-weighed");
        CHECK(f->level == severity::warning);
        CHECK(f->message.find("where s.24(1) applies, the public interest in maintaining it outweighs") != std::string::npos);
        CHECK(f->message.find("s.24(1) is displaced for item R2 because s.23(1), pleaded in the alternative, is engaged") !=
              std::string::npos);
        CHECK(f->message.find("(maintaining 1, disclosure 4)") != std::string::npos);
        CHECK(f->source.label == "FOIA 2000 s.2(2)(b)");
        REQUIRE(f->statement);
        CHECK(d.graph.at(*f->statement).key == "c2/public-interest");
        CHECK(f->where == d.source->claims[1].where);
        CHECK(f->where.line > 0);
        // The item is withheld under s.23(1) all the same, and nothing else is said about s.24(1).
        CHECK(d.items[1].outcome == item_outcome::withhold);
        CHECK_FALSE(find_flag(d, "F114"));
        CHECK_FALSE(find_flag(d, "F117"));
    }

    TEST_CASE("F123 follows the regime's tie rule and is not raised when the factors favour maintaining") {
        // Equal sides: FOIA gives an even balance to disclosure, so the conclusion is not reached.
        const auto even = run(s23_s24(true, "moderate", "moderate"));
        REQUIRE(find_flag(even, "F123"));
        CHECK(find_flag(even, "F123")->message.find("(maintaining 2, disclosure 2; an even balance goes to disclosure)") !=
              std::string::npos);
        // Maintaining outweighs disclosure, as the notice says.
        CHECK_FALSE(find_flag(run(s23_s24(true, "significant", "moderate")), "F123"));
        // Not pleaded in the alternative: no masking, no F123 (F117 says what is wrong instead).
        CHECK_FALSE(find_flag(run(test::replace(s23_s24(true, "slight", "strong"), "      in_the_alternative_to: [c1]\n", "")), "F123"));
    }

    TEST_CASE("F123 is not raised for the alternative that holds, or when none holds") {
        // s.23(1) not shown: s.24(1) is engaged and its own balance decides (5 against 2, maintained).
        const auto s24 = run(s23_s24(false));
        REQUIRE(s24.alternatives.size() == 1);
        CHECK(s24.alternatives[0].holding == std::vector<std::string>{"c2"});
        CHECK_FALSE(find_flag(s24, "F123"));
        // s.24(1)'s balance fails and s.23(1) is not shown: nothing holds, R2 is released, and the
        // notice cites neither; F114 says so, F123 has nothing to add.
        const auto none = run(s23_s24(false, "slight", "strong"));
        REQUIRE(none.alternatives.size() == 1);
        CHECK(none.alternatives[0].holding.empty());
        CHECK(none.items[1].outcome == item_outcome::disclose);
        CHECK(find_flag(none, "F114"));
        CHECK_FALSE(find_flag(none, "F123"));
    }

    TEST_CASE("F125: an engaged alternative whose own balance favours disclosure, while the other holds") {
        // s.39(1)(a) and s.39(1)(b) are exclusive, both qualified; the facts argued engage both.
        // (a)'s balance is maintained, so the item is withheld; (b)'s favours disclosure, yet the
        // notice would say that, where (b) applies, maintaining it outweighs disclosure.
        const auto s39 = [](const std::string& b_maintain) {
            return R"(case:
  id: alt-s39
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: Please send the river survey.}
  items:
    - {id: E1, description: The river survey, withheld_content: [Placeholder reading RS-42]}
  claims:
    - id: c1
      provision: s.39(1)(a)
      items: [E1]
      class_facts: [The survey is environmental information the authority must make available under the EIR.]
      factors:
        maintain: [{id: regime, description: Dealing with the request under the EIR, weight: strong}]
        disclose: [{id: openness, description: Openness about river quality, weight: slight}]
    - id: c2
      provision: s.39(1)(b)
      items: [E1]
      in_the_alternative_to: [c1]
      class_facts: [The survey would be available under the EIR but for an exception.]
      factors:
        maintain: [{id: regime, description: Dealing with the request under the EIR, weight: )" + b_maintain + R"(}]
        disclose: [{id: openness, description: Openness about river quality, weight: strong}]
)";
        };
        const auto d = run(s39("slight"));
        REQUIRE(d.alternatives.size() == 1);
        CHECK(d.alternatives[0].holding == std::vector<std::string>{"c1"});
        CHECK(d.items[0].outcome == item_outcome::withhold);
        REQUIRE(count_flags(d, "F125") == 1);
        const auto* f = find_flag(d, "F125");
        CHECK(f->name == "masked-alternative-weighed-against");
        CHECK(f->level == severity::warning);
        CHECK(f->message.find("where s.39(1)(b) applies, the public interest in maintaining it outweighs") != std::string::npos);
        CHECK(f->message.find("s.39(1)(b) is engaged for item E1 and its public interest test, weighed, does not favour "
                              "maintaining it (maintaining 1, disclosure 4)") != std::string::npos);
        REQUIRE(f->statement);
        CHECK(d.graph.at(*f->statement).key == "c2/public-interest");
        CHECK(f->where == d.source->claims[1].where);
        CHECK_FALSE(find_flag(d, "F123")); // weighed, not unweighed
        // Both balances maintained: what the notice says is what the decision says.
        const auto both = run(s39("very-strong"));
        CHECK(both.alternatives[0].holding == std::vector<std::string>{"c1", "c2"});
        CHECK_FALSE(find_flag(both, "F125"));
    }

    TEST_CASE("F123 for a qualified alternative that is not shown to be engaged while the other holds") {
        // s.31(1)(a) carries the records; s.30(1), pleaded in the alternative, has no class facts,
        // so its public interest test is never reached, and its factors favour disclosure.
        const auto d = run(R"(case:
  id: alt-s30-s31
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: Please send the trading standards file.}
  items:
    - {id: T1, description: Witness statements in the trading standards file, withheld_content: [Placeholder witness W-7]}
  claims:
    - id: c1
      provision: s.30(1)
      items: [T1]
      factors:
        maintain: [{id: investigation, description: Protecting the investigation, weight: slight}]
        disclose: [{id: accountability, description: Accountability for the investigation, weight: strong}]
    - id: c2
      provision: s.31(1)(a)
      items: [T1]
      in_the_alternative_to: [c1]
      harm: Disclosure would prejudice the detection of crime.
      causal_chain: Those under investigation could approach the witnesses.
      likelihood: would
      evidence: [{description: The investigating officer's account., grade: specific}]
      factors:
        maintain: [{id: crime, description: Preventing crime, weight: strong}]
        disclose: [{id: accountability, description: Accountability for the investigation, weight: moderate}]
)");
        REQUIRE(d.alternatives.size() == 1);
        CHECK(d.alternatives[0].holding == std::vector<std::string>{"c2"});
        REQUIRE(count_flags(d, "F123") == 1);
        const auto* f = find_flag(d, "F123");
        CHECK(f->message.find("s.30(1) is not shown to be engaged for item T1, so its public interest test was not weighed") !=
              std::string::npos);
        CHECK(f->message.find("(maintaining 1, disclosure 4)") != std::string::npos);
        CHECK(d.graph.at(*f->statement).key == "c1/public-interest");
    }
}

TEST_SUITE("evaluate: an alternative weighed together with another exemption") {
    // s.23(1) or s.24(1) for the annex, and s.31(1)(a) too (test::alternative_weighed_together_yaml).
    using test::alternative_weighed_together_yaml;
    TEST_CASE("F124: the item is withheld only by s.24(1) and s.31(1)(a) weighed together, which names s.24(1) alone") {
        const auto d = run(alternative_weighed_together_yaml(false));
        REQUIRE(d.aggregates.size() == 1);
        CHECK(d.aggregates[0].claims == std::vector<std::string>{"c2", "c3"});
        CHECK(label_of(d, "c2/exempt") == label::rejected);
        CHECK(label_of(d, "c3/exempt") == label::rejected);
        CHECK(d.graph.label_of(d.aggregates[0].exempt) == label::accepted);
        CHECK(d.items[1].outcome == item_outcome::withhold);
        REQUIRE(d.alternatives.size() == 1);
        CHECK(d.alternatives[0].holding.empty());
        REQUIRE(std::count_if(d.flags.begin(), d.flags.end(), [](const review_flag& f) { return f.code == "F124"; }) == 1);
        const auto* f = find_flag(d, "F124");
        CHECK(f->name == "alternative-revealed-by-aggregation");
        CHECK(f->level == severity::warning);
        CHECK(f->message.find("s.24(1) is pleaded in the alternative to s.23(1), but item R2 is withheld by weighing s.24(1) "
                              "and s.31(1)(a) together") != std::string::npos);
        CHECK(f->message.find("names s.24(1) without s.23(1)") != std::string::npos);
        CHECK(f->source.label == "FOIA s.17(1)(b)");
        CHECK(f->source.uri == "https://www.legislation.gov.uk/ukpga/2000/36/section/17");
        REQUIRE(f->statement);
        CHECK(*f->statement == d.aggregates[0].exempt);
        CHECK(f->where == d.source->claims[1].where);
        CHECK_FALSE(find_flag(d, "F123")); // s.24(1) is engaged: its own balance was weighed
    }

    TEST_CASE("F124 when every alternative is weighed together: the notice says they apply together, not in the alternative") {
        // s.30(1) or, in the alternative, s.31(1)(a), and s.38(1)(a), all qualified. s.30(1) is not
        // shown; s.31(1)(a) and s.38(1)(a) each fail alone and succeed weighed together (with
        // s.30(1), which adds nothing). Had s.30(1) held on its own, the notice would have cited the
        // alternatives instead.
        const std::string yaml = R"(case:
  id: alt-all-weighed
  regime: uk-foia-2000
  request: {received: 2025-09-01, wording: Please send the trading standards file.}
  items:
    - {id: T1, description: Witness statements in the trading standards file, withheld_content: [Placeholder witness W-7]}
  claims:
    - id: c1
      provision: s.30(1)
      items: [T1]
      factors:
        maintain: [{id: investigation, description: Protecting the investigation, weight: strong}]
        disclose: [{id: accountability, description: Accountability for the investigation, weight: significant}]
    - id: c2
      provision: s.31(1)(a)
      items: [T1]
      in_the_alternative_to: [c1]
      harm: Disclosure would prejudice the detection of crime.
      causal_chain: Those under investigation could approach the witnesses.
      likelihood: would
      evidence: [{description: The investigating officer's account., grade: specific}]
      factors:
        maintain: [{id: crime, description: Preventing crime, weight: moderate}]
        disclose: [{id: accountability, description: Accountability for the investigation, weight: significant}]
    - id: c3
      provision: s.38(1)(a)
      items: [T1]
      harm: Disclosure would endanger the witnesses' mental health.
      causal_chain: The witnesses would be identified and harassed.
      likelihood: would
      evidence: [{description: The witnesses' letters to the council., grade: specific}]
      factors:
        maintain: [{id: health, description: Protecting the witnesses' health, weight: moderate}]
        disclose: [{id: accountability, description: Accountability for the investigation, weight: significant}]
)";
        const auto d = run(yaml);
        REQUIRE(d.aggregates.size() == 1);
        CHECK(d.aggregates[0].claims == std::vector<std::string>{"c1", "c2", "c3"});
        CHECK(d.graph.label_of(d.aggregates[0].exempt) == label::accepted);
        CHECK(label_of(d, "c2/exempt") == label::rejected);
        CHECK(d.items[0].outcome == item_outcome::withhold);
        REQUIRE(std::count_if(d.flags.begin(), d.flags.end(), [](const review_flag& f) { return f.code == "F124"; }) == 1);
        const auto* f = find_flag(d, "F124");
        CHECK(f->message.find("s.30(1) and s.31(1)(a) are pleaded in the alternative, but item T1 is withheld by weighing "
                              "s.30(1), s.31(1)(a) and s.38(1)(a) together") != std::string::npos);
        CHECK(f->message.find("as exemptions that apply together, not in the alternative") != std::string::npos);
        CHECK(f->where == d.source->claims[0].where);
        // s.30(1) shown: it holds on its own (4 against 3), and the notice cites the alternatives.
        const auto s30 = run(test::replace(yaml, "      items: [T1]\n      factors:\n        maintain: [{id: investigation",
                                           "      items: [T1]\n      class_facts: [The file is held for a criminal investigation.]\n"
                                           "      factors:\n        maintain: [{id: investigation"));
        CHECK(s30.alternatives.at(0).holding == std::vector<std::string>{"c1"});
        CHECK_FALSE(find_flag(s30, "F124"));
    }

    TEST_CASE("F124 is not raised when an alternative holds on its own, when nothing is pleaded, or before DBT v IC") {
        // s.23(1) engaged: R2 is withheld under the alternatives, and s.24(1) is displaced, so the
        // combined balance counts s.31(1)(a) alone and fails.
        const auto s23 = run(alternative_weighed_together_yaml(true));
        CHECK(s23.items[1].outcome == item_outcome::withhold);
        CHECK(s23.alternatives.at(0).holding == std::vector<std::string>{"c1"});
        CHECK_FALSE(find_flag(s23, "F124"));
        CHECK(find_flag(s23, "F123")); // s.24(1)'s own factors: 2 against 3
        // Not pleaded in the alternative: naming s.24(1) masks nothing.
        const auto plain = run(alternative_weighed_together_yaml(false, false));
        CHECK(plain.items[1].outcome == item_outcome::withhold);
        CHECK(plain.alternatives.empty());
        CHECK_FALSE(find_flag(plain, "F124"));
        // Decided before 23 July 2025: no weighing together, so R2 is released and nothing is named.
        evaluation_options before;
        before.as_of = date::from_ymd(2025, 7, 1);
        const auto old = run(alternative_weighed_together_yaml(false), before);
        CHECK(old.aggregates.empty());
        CHECK(old.items[1].outcome == item_outcome::disclose);
        CHECK_FALSE(find_flag(old, "F124"));
    }
}
