// Full decisions: counterfactuals, aggregation, NCND, extensions, weakening of the harm, and
// shared work for identical items.
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace candour;

namespace {

const review_flag* find_flag(const decision& d, const std::string& code) {
    auto it = std::find_if(d.flags.begin(), d.flags.end(), [&](const review_flag& f) { return f.code == code; });
    return it == d.flags.end() ? nullptr : &*it;
}

std::vector<const counterfactual*> of_kind(const decision& d, const std::string& kind) {
    std::vector<const counterfactual*> out;
    for (const auto& c : d.counterfactuals) if (c.kind == kind) out.push_back(&c);
    return out;
}

decision run(const std::string& yaml) { return evaluate(test::bundled(), test::parse(yaml)); }

// Appends claims to a case, keeping its notice block last.
std::string with_extra_claims(std::string text, const std::string& claims) {
    const auto at = text.find("  notice:");
    const std::string notice = text.substr(at);
    text.erase(at);
    return text + claims + notice;
}

} // namespace

TEST_SUITE("decisions: what would change the outcome") {
    const decision mopac = evaluate(test::bundled(), test::mopac_case());

    TEST_CASE("the MOPAC balance flips if the information were public, or if a disclosure factor weighed very strong") {
        const auto pd = of_kind(mopac, "public-domain");
        REQUIRE(pd.size() == 1);
        CHECK(pd[0]->now == label::accepted);
        CHECK(pd[0]->would_be == label::rejected);
        CHECK(pd[0]->description == "if the information were already in the public domain, the public interest would favour disclosure");
        const auto weights = of_kind(mopac, "factor-weight");
        const auto transparency = std::find_if(weights.begin(), weights.end(), [](auto* c) { return c->subject == "transparency"; });
        REQUIRE(transparency != weights.end());
        CHECK((*transparency)->from == "moderate");
        CHECK((*transparency)->to == "very-strong"); // moderate -> strong (7 < 7.04) is not enough
        // Raising the threshold to 'would' only strengthens maintenance: no flip.
        CHECK(of_kind(mopac, "threshold").empty());
        // Even with no evidence at all (x0.6) maintenance still wins, 5.28 to 5.
        CHECK(of_kind(mopac, "evidence").empty());
    }
    TEST_CASE("engagement findings name the single facts that would defeat them") {
        const auto limbs = of_kind(mopac, "limb");
        CHECK(limbs.size() == 2); // the harm and the causal chain
        const auto displacement = of_kind(mopac, "displacement");
        REQUIRE(displacement.size() == 1);
        const auto history = of_kind(mopac, "history");
        REQUIRE(history.size() == 1);
        CHECK(history[0]->to == "created in 1917 or earlier"); // 2018 - 100 - 1
        // Both are matters of applicability: that is the finding they flip, engagement only through it.
        CHECK(mopac.graph.at(displacement[0]->finding).key == "c1/applicable");
        CHECK(mopac.graph.at(history[0]->finding).key == "c1/applicable");
        for (const auto* c : of_kind(mopac, "limb")) CHECK(mopac.graph.at(c->finding).key == "c1/engaged");
    }
    TEST_CASE("a disclosure outcome names what would have justified withholding") {
        auto yaml = test::replace(test::small_case_yaml(), "likelihood: would", "likelihood: would-be-likely-to");
        yaml = test::replace(yaml, "grade: specific", "grade: generic");
        yaml = test::replace(yaml, "          - id: transparency\n            ref: transparency",
                             "          - id: transparency\n            ref: transparency\n            weight: significant");
        const auto d = run(yaml); // maintain 4 x 0.8 x 0.8 = 2.56 against 3
        REQUIRE(d.claims[0].public_interest);
        CHECK(d.graph.label_of(*d.claims[0].public_interest) == label::rejected);
        const auto threshold = of_kind(d, "threshold");
        REQUIRE(threshold.size() == 1);
        CHECK(threshold[0]->to == "would"); // 4 x 0.8 = 3.2 > 3
        CHECK(of_kind(d, "evidence").size() == 1);
        CHECK(of_kind(d, "evidence")[0]->to == "specific");
    }
}

TEST_SUITE("decisions: the harm is weakened by publicity and age") {
    TEST_CASE("information already in the public domain halves the harm, and is decided apart") {
        const auto d = run(test::replace(test::small_case_yaml(), "      withheld_content: Zeta Secret Wall",
                                         "      withheld_content: Zeta Secret Wall\n      public_domain: true"));
        REQUIRE(d.claims.size() == 1);
        CHECK(d.claims[0].harm_multiplier == doctest::Approx(0.5));
        CHECK(d.graph.weight_of(*d.claims[0].public_interest, direction::pro) == doctest::Approx(2));
        CHECK(std::find(d.claims[0].harm_adjustments.begin(), d.claims[0].harm_adjustments.end(),
                        "\xC3\x97" "0.5 already in the public domain") != d.claims[0].harm_adjustments.end());
    }
    TEST_CASE("older information weighs less") {
        const auto d = run(test::replace(test::small_case_yaml(), "      withheld_content: Zeta Secret Wall",
                                         "      withheld_content: Zeta Secret Wall\n      created: 1995-01-01"));
        CHECK(d.claims[0].harm_multiplier == doctest::Approx(0.75)); // older than 20 years in 2018
    }
}

TEST_SUITE("decisions: many items, shared work") {
    TEST_CASE("identical items share one set of statements") {
        std::string yaml = test::small_case_yaml();
        std::string items, ids;
        for (int i = 0; i < 500; ++i) {
            items += "    - id: F" + std::to_string(i) + "\n      description: \"Firewall " + std::to_string(i) +
                     ": the product used\"\n      withheld_content: Secret " + std::to_string(i) + "\n";
            ids += ", F" + std::to_string(i);
        }
        yaml = test::replace(yaml, "  claims:\n", items + "  claims:\n");
        yaml = test::replace(yaml, "items: [R02]", "items: [R02" + ids + "]");
        const auto d = run(yaml);
        CHECK(d.claims.size() == 1); // one group for 501 identical rows
        std::size_t claim_statements = 0;
        for (const auto& s : d.graph.statements()) claim_statements += s.key.rfind("c1", 0) == 0 ? 1u : 0u;
        CHECK(claim_statements < 20);
        CHECK(std::count_if(d.items.begin(), d.items.end(), [](const item_finding& f) { return f.outcome == item_outcome::withhold; }) == 501);
    }
    TEST_CASE("items that differ in a relevant fact are decided apart") {
        auto yaml = test::replace(test::small_case_yaml(), "      withheld_content: Zeta Secret Wall",
                                  "      withheld_content: Zeta Secret Wall\n    - id: R03\n      description: \"Router: the product used\"\n"
                                  "      withheld_content: Omega Router\n      public_domain: true");
        yaml = test::replace(yaml, "items: [R02]", "items: [R02, R03]");
        const auto d = run(yaml);
        REQUIRE(d.claims.size() == 2);
        CHECK(d.graph.find("c1#1/engaged"));
        CHECK(d.graph.find("c1#2/engaged"));
    }
}

TEST_SUITE("decisions: aggregation, NCND, extensions, subsidiarity") {
    TEST_CASE("under FOIA since DBT v IC, exemptions that fail alone can succeed together") {
        // s.31(1)(a): maintain 4 (strong) vs disclose 4 (strong): a tie, so disclosure.
        // s.43(2): maintain 2 vs disclose 4 (the same disclosure interest): disclosure.
        // Together: 6 against 4 (the shared disclosure factor counts once): withhold.
        auto yaml = test::replace(test::small_case_yaml(), "          - id: transparency\n            ref: transparency",
                                  "          - id: transparency\n            ref: transparency\n            weight: strong");
        yaml = with_extra_claims(yaml, R"(    - id: c2
      provision: s.43(2)
      items: [R02]
      harm: Disclosure would prejudice the supplier's commercial interests.
      causal_chain: Competitors would learn the product's pricing and configuration.
      likelihood: would
      evidence:
        - description: The supplier's letter.
          grade: specific
      factors:
        maintain:
          - id: commercial
            description: protecting the supplier's commercial interests
            weight: moderate
        disclose:
          - id: transparency
            description: transparency about how the authority works and the systems it relies on
            weight: strong
)");
        evaluation_options after;
        after.as_of = date::parse("2025-09-01");
        const auto d = evaluate(test::bundled(), test::parse(yaml), after);
        REQUIRE(d.claims.size() == 2);
        CHECK(d.graph.label_of(*d.claims[0].public_interest) == label::rejected);
        CHECK(d.graph.label_of(*d.claims[1].public_interest) == label::rejected);
        REQUIRE(d.aggregates.size() == 1);
        const auto& agg = d.aggregates[0];
        CHECK(agg.claims == std::vector<std::string>{"c1", "c2"});
        CHECK(d.graph.weight_of(agg.public_interest, direction::pro) == doctest::Approx(6));
        CHECK(d.graph.weight_of(agg.public_interest, direction::con) == doctest::Approx(4));
        CHECK(d.graph.label_of(agg.exempt) == label::accepted);
        CHECK(d.find_item("R02")->outcome == item_outcome::withhold);
        CHECK(d.find_item("R02")->provisions == std::vector<std::string>{"s.31(1)(a)", "s.43(2)"});
        // Assessed before the Supreme Court's decision (the regime's aggregation date), each
        // exemption stood alone.
        evaluation_options before;
        before.as_of = date::parse("2024-01-10");
        const auto old = evaluate(test::bundled(), test::parse(yaml), before);
        CHECK(old.aggregates.empty());
        CHECK(old.find_item("R02")->outcome == item_outcome::disclose);
    }
    TEST_CASE("neither confirm nor deny: the exclusion is its own decision, and a notice that confirms is flagged") {
        auto yaml = test::replace(test::small_case_yaml(), "provision: s.31(1)(a)", "provision: s.31(3)");
        yaml = test::replace(yaml, "          - id: crime\n            ref: crime-prevention",
                             "          - id: crime\n            description: not revealing the authority's defences\n            weight: strong");
        yaml = test::replace(yaml, "          - id: transparency\n            ref: transparency",
                             "          - id: transparency\n            description: transparency\n            weight: moderate");
        const auto d = run(yaml);
        CHECK(d.find_item("R02")->outcome == item_outcome::neither_confirm_nor_deny);
        CHECK(d.find_item("R01")->outcome == item_outcome::disclose);
        CHECK(d.claims[0].neither_confirm_nor_deny);
        CHECK(d.graph.at(*d.claims[0].public_interest).text.find("exclusion of the duty to confirm or deny") != std::string::npos);
        CHECK(find_flag(d, "F115")); // the notice (by default) confirms the information is held
        const auto quiet = run(test::replace(yaml, "    internal_review: stated", "    internal_review: stated\n    confirms_held: false"));
        CHECK_FALSE(find_flag(quiet, "F115"));
    }
    TEST_CASE("a public interest extension counts only with an engaged qualified exemption") {
        auto yaml = test::replace(test::small_case_yaml(), "sent: 2018-04-20", "sent: 2018-05-10\n    extended_to: 2018-05-18");
        const auto d = run(yaml);
        CHECK(d.deadline->extension_counts);
        CHECK_FALSE(d.deadline->days_late);
        CHECK_FALSE(find_flag(d, "F113"));
        CHECK_FALSE(find_flag(d, "F116"));
        const auto none = run(test::replace(yaml, "      causal_chain: Knowing the product lets an attacker look up its published weaknesses.\n", ""));
        CHECK_FALSE(none.deadline->extension_counts);
        CHECK(find_flag(none, "F116"));
        CHECK(find_flag(none, "F113")); // late against the unextended deadline
    }
    TEST_CASE("displacement is decided item by item") {
        auto yaml = test::replace(test::small_case_yaml(), "      withheld_content: Zeta Secret Wall",
                                  "      withheld_content: Zeta Secret Wall\n    - id: R03\n      description: \"Router: the product used\"\n"
                                  "      withheld_content: Omega Router");
        yaml = test::replace(yaml, "items: [R02]", "items: [R02, R03]");
        const auto d = run(with_extra_claims(yaml, R"(    - id: c2
      provision: s.30(1)
      items: [R02]
      class_facts:
        - The firewall record was held for a criminal investigation.
      factors:
        maintain:
          - id: investigation
            description: protecting the investigation
            weight: very-strong
)"));
        CHECK(d.find_item("R02")->provisions == std::vector<std::string>{"s.30(1)"});
        CHECK(d.find_item("R03")->provisions == std::vector<std::string>{"s.31(1)(a)"}); // not covered by s.30: not displaced
        CHECK(d.find_item("R03")->outcome == item_outcome::withhold);
    }
    TEST_CASE("relying on s.31 where s.30 applies is flagged") {
        const auto d = run(with_extra_claims(test::small_case_yaml(), R"(    - id: c2
      provision: s.30(1)
      items: [R02]
      class_facts:
        - The list was held for a criminal investigation.
      factors:
        maintain:
          - id: investigation
            description: protecting the investigation
            weight: very-strong
)"));
        REQUIRE(find_flag(d, "F117"));
        CHECK(find_flag(d, "F117")->message.find("s.31(1)(a) is relied on for information that is exempt under s.30(1) or s.30(2)") == 0);
    }
    TEST_CASE("an exclusion of the duty to confirm or deny gives way to another, and is described as one (s.40(5B) under s.40(5A))") {
        const auto d = run(R"(case:
  id: s40-5a-5b
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: "Has my neighbour complained about me?"}
  items:
    - {id: K1, description: Any complaint about the requester from the neighbour named in the request}
  claims:
    - id: c1
      provision: s.40(5A)
      items: [K1]
      class_facts: [Any such complaint would be the requester's own personal data.]
    - id: c2
      provision: s.40(5B)(a)
      items: [K1]
      class_facts: [Confirming would reveal something about the neighbour.]
)");
        CHECK(d.find_item("K1")->outcome == item_outcome::neither_confirm_nor_deny);
        const auto displaced = d.graph.find("c2/displaced");
        REQUIRE(displaced);
        CHECK(d.graph.label_of(*displaced) == label::accepted);
        CHECK(d.graph.at(*displaced).text ==
              "The duty to confirm or deny whether the authority holds item K1 does not arise under s.40(5A), to which s.40(5B)(a) is subsidiary");
        REQUIRE(find_flag(d, "F117"));
        CHECK(find_flag(d, "F117")->message.find("s.40(5B)(a) is relied on where the duty to confirm or deny does not arise under s.40(5A)") == 0);
        const auto record = render(d, output_format::record);
        CHECK(record.find("Applies only where the duty to confirm or deny does not already fall away under s.40(5A).") != std::string::npos);
        CHECK(record.find("not exempt under s.40(5A)") == std::string::npos);
    }
}

TEST_SUITE("decisions: reasons left out of the notice (s.17(4))") {
    std::string with_reasons_withheld() {
        return test::replace(test::small_case_yaml(), "      provision: s.31(1)(a)\n",
                             "      provision: s.31(1)(a)\n      reasons_withheld_under: s.17(4)\n");
    }

    TEST_CASE("withholding reasons for an exemption that is engaged and upheld raises nothing") {
        const auto d = evaluate(test::bundled(), test::parse(with_reasons_withheld()));
        REQUIRE(d.items[1].outcome == item_outcome::withhold);
        CHECK_FALSE(find_flag(d, "F119"));
        CHECK_FALSE(find_flag(d, "F120"));
    }

    TEST_CASE("F119: the exemption is not engaged, so the reasons cannot disclose exempt information") {
        // No causal chain: the prejudice test fails, so nothing is exempt information.
        const auto yaml = test::replace(with_reasons_withheld(),
                                        "      causal_chain: Knowing the product lets an attacker look up its published weaknesses.\n", "");
        const auto d = evaluate(test::bundled(), test::parse(yaml));
        REQUIRE(d.items[1].outcome == item_outcome::disclose);
        const auto* f = find_flag(d, "F119");
        REQUIRE(f);
        CHECK(f->level == severity::error);
        CHECK(f->source.label == "FOIA s.17(4)");
        CHECK(f->source.uri == "https://www.legislation.gov.uk/ukpga/2000/36/section/17");
        CHECK(f->where.line > 0);
        CHECK_FALSE(find_flag(d, "F120"));
    }

    TEST_CASE("F120: engaged, but the public interest favours disclosure, so every item is released") {
        const auto yaml = test::replace(with_reasons_withheld(), "            ref: transparency\n",
                                        "            ref: transparency\n            weight: very-strong\n"
                                        "          - id: accountability\n            description: Scrutiny of IT spending.\n"
                                        "            weight: very-strong\n");
        const auto d = evaluate(test::bundled(), test::parse(yaml));
        REQUIRE(d.items[1].outcome == item_outcome::disclose);
        REQUIRE(d.graph.label_of(d.claims[0].engaged) == label::accepted);
        const auto* f = find_flag(d, "F120");
        REQUIRE(f);
        CHECK(f->level == severity::warning);
        CHECK_FALSE(find_flag(d, "F119"));
    }
}
