// The bundled example cases (examples/*/case.yaml): each is evaluated as a whole and checked for
// the outcome the law gives, the statements that carry it, the review flags it is meant to show,
// and that no requester-facing output contains withheld content.
#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace candour;

namespace {

std::string example_path(const std::string& name) { return std::string(CANDOUR_EXAMPLES) + "/" + name + "/case.yaml"; }

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in, "cannot read " << path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

decision run_example(const std::string& name) {
    const auto& rules = test::bundled();
    return evaluate(rules, load_case(example_path(name), &rules));
}

decision run_yaml(const std::string& yaml) { return evaluate(test::bundled(), test::parse(yaml)); }

label label_of(const decision& d, const std::string& key) {
    const auto id = d.graph.find(key);
    REQUIRE_MESSAGE(id.has_value(), "no statement '" << key << "'");
    return d.graph.label_of(*id);
}

double weight_of(const decision& d, const std::string& key, direction side) {
    const auto id = d.graph.find(key);
    REQUIRE_MESSAGE(id.has_value(), "no statement '" << key << "'");
    return d.graph.weight_of(*id, side);
}

item_outcome outcome_of(const decision& d, const std::string& item) {
    const auto* f = d.find_item(item);
    REQUIRE_MESSAGE(f != nullptr, "no item '" << item << "'");
    return f->outcome;
}

std::vector<std::string> provisions_of(const decision& d, const std::string& item) {
    const auto* f = d.find_item(item);
    REQUIRE(f != nullptr);
    auto out = f->provisions;
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t flag_count(const decision& d, const std::string& code) {
    return static_cast<std::size_t>(
        std::count_if(d.flags.begin(), d.flags.end(), [&](const review_flag& f) { return f.code == code; }));
}

std::vector<std::string> flag_codes(const decision& d) {
    std::vector<std::string> out;
    for (const auto& f : d.flags) out.push_back(f.code);
    std::sort(out.begin(), out.end());
    return out;
}

std::size_t count_outcome(const decision& d, item_outcome o) {
    return static_cast<std::size_t>(
        std::count_if(d.items.begin(), d.items.end(), [&](const item_finding& f) { return f.outcome == o; }));
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// Every requester-facing output renders, and none contains any withheld string, in any case.
void check_requester_outputs_are_safe(const decision& d) {
    std::size_t withheld_strings = 0;
    for (const auto& it : d.source->items) withheld_strings += it.withheld_content.size();
    CHECK(withheld_strings > 0);
    for (const char* name : {"notice", "notice-text"}) {
        const auto format = parse_output_format(name);
        if (!format || !is_requester_facing(*format)) continue; // notice-text is newer than some builds
        const std::string text = render(d, *format);
        CHECK_FALSE(text.empty());
        CHECK(find_withheld_content(d, text).empty());
        const std::string folded = lower(text);
        for (const auto& it : d.source->items)
            for (const auto& w : it.withheld_content) {
                INFO(name << " must not contain the withheld content of " << it.id << ": " << w);
                CHECK(folded.find(lower(w)) == std::string::npos);
            }
    }
}

} // namespace

TEST_SUITE("examples") {

    TEST_CASE("eir-aggregation: each reg 12(5) exception fails alone, together they are maintained (Ofcom C-71/10)") {
        const auto d = run_example("eir-aggregation");
        CHECK(d.outcome == request_outcome::partial_disclosure);
        CHECK(outcome_of(d, "E01") == item_outcome::disclose);
        CHECK(outcome_of(d, "E02") == item_outcome::withhold);
        CHECK(outcome_of(d, "E03") == item_outcome::withhold);
        CHECK(provisions_of(d, "E02") == std::vector<std::string>{"reg.12(5)(e)", "reg.12(5)(f)"});

        // Both exceptions are engaged, and each one's own balance is even (5 against 5, the reg
        // 12(2) presumption making up the difference), so each alone favours disclosure.
        for (const std::string c : {"c1", "c2"}) {
            INFO("claim " << c);
            CHECK(label_of(d, c + "/engaged") == label::accepted);
            CHECK(label_of(d, c + "/public-interest") == label::rejected);
            CHECK(label_of(d, c + "/exempt") == label::rejected);
            CHECK(weight_of(d, c + "/public-interest", direction::pro) == doctest::Approx(5));
            CHECK(weight_of(d, c + "/public-interest", direction::con) == doctest::Approx(5));
        }
        // The presumption is weighed as the regime's factor, the same object for every claim.
        const factor& presumption = d.governing_regime().balancing.presumption_factor;
        CHECK(presumption.id == "presumption");
        CHECK(presumption.side == pi_side::disclose);
        CHECK(presumption.source.label.find("12(2)") != std::string::npos);
        for (const auto& f : d.claims) {
            INFO("claim " << f.claim_id);
            CHECK(std::count_if(f.factors.begin(), f.factors.end(),
                                [&](const factor_assessment& a) { return a.source_factor == &presumption; }) == 1);
        }
        // Weighed together: 10 against 5. The shared disclosure factors and the presumption count once.
        REQUIRE(d.aggregates.size() == 1);
        CHECK(d.aggregates[0].items == std::vector<std::string>{"E02", "E03"});
        CHECK(label_of(d, "agg/c1+c2/engaged-any") == label::accepted);
        CHECK(label_of(d, "agg/c1+c2/public-interest") == label::accepted);
        CHECK(label_of(d, "agg/c1+c2/exempt") == label::accepted);
        CHECK(weight_of(d, "agg/c1+c2/public-interest", direction::pro) == doctest::Approx(10));
        CHECK(weight_of(d, "agg/c1+c2/public-interest", direction::con) == doctest::Approx(5));
        CHECK(label_of(d, "item/E02/exempt") == label::accepted);

        // A real decision date, in time (deadline 2 October 2023).
        CHECK(d.decision_date == *date::from_ymd(2023, 9, 29));
        REQUIRE(d.deadline);
        CHECK(d.deadline->due == *date::from_ymd(2023, 10, 2));
        CHECK_FALSE(d.deadline->days_late.has_value());
        CHECK(flag_count(d, "F113") == 0);
        check_requester_outputs_are_safe(d);
    }

    TEST_CASE("ncnd-informant: neither confirm nor deny under s.30(3) and s.40(5B)(a)") {
        const auto d = run_example("ncnd-informant");
        CHECK(d.outcome == request_outcome::neither_confirm_nor_deny);
        for (const std::string item : {"N01", "N02"}) {
            INFO("item " << item);
            CHECK(outcome_of(d, item) == item_outcome::neither_confirm_nor_deny);
            CHECK(provisions_of(d, item) == std::vector<std::string>{"s.30(3)", "s.40(5B)(a)"});
            CHECK(label_of(d, "item/" + item + "/ncnd") == label::accepted);
        }
        REQUIRE(d.claims.size() == 2);
        CHECK(d.claims[0].neither_confirm_nor_deny);
        CHECK(d.claims[1].neither_confirm_nor_deny);
        CHECK(label_of(d, "c1/engaged") == label::accepted);
        CHECK(label_of(d, "c1/public-interest") == label::accepted); // s.30(3) is qualified: its own test
        CHECK(label_of(d, "c1/exempt") == label::accepted);
        CHECK(label_of(d, "c2/exempt") == label::accepted);
        CHECK_FALSE(d.claims[1].public_interest.has_value()); // s.40(5B)(a) is absolute
        CHECK(d.aggregates.empty());                           // NCND balances are not aggregated

        // The notice does not confirm that anything is held, so no F115; nothing else is wrong.
        CHECK(d.source->notice.has_value());
        CHECK_FALSE(d.source->notice->confirms_held);
        CHECK(d.flags.empty());
        check_requester_outputs_are_safe(d);
        CHECK(render(d, output_format::notice).find("We hold information") == std::string::npos);

        const std::string yaml = read_text(example_path("ncnd-informant"));
        SUBCASE("the response is the same whether or not the information is held") {
            auto not_held = test::replace(yaml, "    - id: N01\n", "    - id: N01\n      held: false\n");
            not_held = test::replace(not_held, "    - id: N02\n", "    - id: N02\n      held: false\n");
            const auto e = run_yaml(not_held);
            CHECK(e.outcome == request_outcome::neither_confirm_nor_deny);
            CHECK(outcome_of(e, "N01") == item_outcome::neither_confirm_nor_deny);
            CHECK(outcome_of(e, "N02") == item_outcome::neither_confirm_nor_deny);
        }
        SUBCASE("a notice that confirmed the information is held would defeat the exclusion (F115)") {
            const auto e = run_yaml(test::replace(yaml, "confirms_held: false", "confirms_held: true"));
            CHECK(flag_count(e, "F115") == 2);
        }
    }

    TEST_CASE("subsidiarity-s30-s31: s.30(1) is engaged, so s.31(1)(a) is displaced (F117)") {
        const auto d = run_example("subsidiarity-s30-s31");
        CHECK(d.outcome == request_outcome::partial_disclosure);
        CHECK(outcome_of(d, "T01") == item_outcome::disclose);
        for (const std::string item : {"T02", "T03", "T04"}) {
            INFO("item " << item);
            CHECK(outcome_of(d, item) == item_outcome::withhold);
            CHECK(provisions_of(d, item) == std::vector<std::string>{"s.30(1)"}); // rests on s.30(1) alone
        }
        CHECK(label_of(d, "c1/engaged") == label::accepted);
        CHECK(label_of(d, "c1/public-interest") == label::accepted);
        CHECK(weight_of(d, "c1/public-interest", direction::pro) == doctest::Approx(7));
        CHECK(weight_of(d, "c1/public-interest", direction::con) == doctest::Approx(3));
        CHECK(label_of(d, "c1/exempt") == label::accepted);

        CHECK(label_of(d, "c2/displaced") == label::accepted);
        CHECK(label_of(d, "c2/applicable") == label::rejected);
        CHECK(label_of(d, "c2/engaged") == label::rejected);
        CHECK(label_of(d, "c2/exempt") == label::rejected);
        // The s.31 limbs are made out on their own terms; only displacement defeats the claim.
        CHECK(label_of(d, "c2/interest") == label::accepted);
        CHECK(label_of(d, "c2/causal") == label::accepted);
        CHECK(flag_count(d, "F117") == 1);
        CHECK(flag_count(d, "F114") == 0); // displaced, not unsupported: F117 says why
        CHECK(d.aggregates.empty()); // decided in 2024, before FOIA aggregation (DBT v IC [2025] UKSC 27)
        check_requester_outputs_are_safe(d);
    }

    TEST_CASE("s42-legal-advice: live legal advice withheld under s.42(1), the fact advice was sought released") {
        const auto d = run_example("s42-legal-advice");
        CHECK(d.outcome == request_outcome::partial_disclosure);
        CHECK(outcome_of(d, "L01") == item_outcome::disclose);
        CHECK(outcome_of(d, "L02") == item_outcome::withhold);
        CHECK(outcome_of(d, "L03") == item_outcome::withhold);
        CHECK(label_of(d, "c1/class") == label::accepted);
        CHECK(label_of(d, "c1/engaged") == label::accepted);
        CHECK(label_of(d, "c1/public-interest") == label::accepted);
        CHECK(label_of(d, "c1/exempt") == label::accepted);
        // The very strong inbuilt interest (5) and the advice being live (3), adopted by ref,
        // against the money and people involved (2) and public understanding (2).
        REQUIRE(d.claims.size() == 1);
        const auto& factors = d.claims[0].factors;
        const auto inbuilt = std::find_if(factors.begin(), factors.end(),
                                          [](const factor_assessment& a) { return a.source_factor->id == "inbuilt"; });
        REQUIRE(inbuilt != factors.end());
        CHECK(inbuilt->source_factor->weight == "very-strong");
        CHECK(inbuilt->weight == doctest::Approx(5));
        CHECK(weight_of(d, "c1/public-interest", direction::pro) == doctest::Approx(8));
        CHECK(weight_of(d, "c1/public-interest", direction::con) == doctest::Approx(4));
        CHECK(d.flags.empty());
        check_requester_outputs_are_safe(d);
    }

    TEST_CASE("s41-confidence: absolute s.41(1), no public interest test, factors argued anyway raise F104") {
        const auto d = run_example("s41-confidence");
        CHECK(d.outcome == request_outcome::partial_disclosure);
        CHECK(outcome_of(d, "S01") == item_outcome::disclose);
        CHECK(outcome_of(d, "S02") == item_outcome::withhold);
        CHECK(outcome_of(d, "S03") == item_outcome::not_held);
        CHECK(label_of(d, "c1/class") == label::accepted);
        CHECK(label_of(d, "c1/engaged") == label::accepted);
        CHECK(label_of(d, "c1/exempt") == label::accepted);
        REQUIRE(d.claims.size() == 1);
        CHECK_FALSE(d.claims[0].public_interest.has_value());
        CHECK_FALSE(d.graph.find("c1/public-interest").has_value());
        CHECK(d.claims[0].factors.empty()); // argued, but not weighed
        CHECK(flag_codes(d) == std::vector<std::string>{"F104"});
        check_requester_outputs_are_safe(d);
    }

    TEST_CASE("foisa-substantial-prejudice: s.35(1)(a) maintained, late on the Scottish working-day calendar") {
        const auto d = run_example("foisa-substantial-prejudice");
        CHECK(d.outcome == request_outcome::partial_disclosure);
        CHECK(outcome_of(d, "P01") == item_outcome::disclose);
        CHECK(outcome_of(d, "P02") == item_outcome::disclose);
        CHECK(outcome_of(d, "P03") == item_outcome::withhold);
        CHECK(outcome_of(d, "P04") == item_outcome::withhold);
        REQUIRE(d.claims.size() == 1);
        CHECK(d.claims[0].threshold_applied == "would-be-likely-to-prejudice-substantially");
        CHECK(d.claims[0].evidence_grade == "specific");
        CHECK(label_of(d, "c1/likelihood") == label::accepted);
        CHECK(label_of(d, "c1/engaged") == label::accepted);
        CHECK(label_of(d, "c1/public-interest") == label::accepted);
        CHECK(weight_of(d, "c1/public-interest", direction::pro) == doctest::Approx(5.6)); // (4 + 3) x 0.8
        CHECK(weight_of(d, "c1/public-interest", direction::con) == doctest::Approx(3));

        // Received Wednesday 13 March 2024. Good Friday is not a Scottish working day; Easter
        // Monday and St Patrick's Day are. Due Thursday 11 April; sent 25 April, 10 working days late.
        REQUIRE(d.deadline);
        CHECK(d.deadline->due == *date::from_ymd(2024, 4, 11));
        REQUIRE(d.deadline->days_late.has_value());
        CHECK(*d.deadline->days_late == 10);
        CHECK(d.decision_date == *date::from_ymd(2024, 4, 11)); // late, so assessed as at the deadline
        CHECK(flag_codes(d) == std::vector<std::string>{"F113"});
        check_requester_outputs_are_safe(d);

        // The same day of receipt under FOIA, where a holiday anywhere in the UK counts: 15 April.
        auto foia = test::replace(test::small_case_yaml(), "received: 2018-03-22", "received: 2024-03-13");
        foia = test::replace(foia, "sent: 2018-04-20", "sent: 2024-04-12");
        const auto f = run_yaml(foia);
        REQUIRE(f.deadline);
        CHECK(f.deadline->due == *date::from_ymd(2024, 4, 15));
    }

    TEST_CASE("schedule-5000: 5,000 rows, mixed outcomes, identical rows decided together") {
        const auto d = run_example("schedule-5000");
        REQUIRE(d.items.size() == 5000);
        // The counts generate.py prints for its fixed seed (README.md).
        CHECK(count_outcome(d, item_outcome::disclose) == 4367);
        CHECK(count_outcome(d, item_outcome::withhold) == 539);
        CHECK(count_outcome(d, item_outcome::not_held) == 94);
        CHECK(count_outcome(d, item_outcome::undecided) == 0);
        CHECK(d.outcome == request_outcome::partial_disclosure);

        // Three claims, four groups: s.31(1)(a) splits only on publicity.
        REQUIRE(d.claims.size() == 4);
        std::size_t security = 0, security_public = 0;
        for (const auto& c : d.claims) {
            if (c.provision_id != "s.31(1)(a)") continue;
            REQUIRE(c.public_interest);
            if (d.graph.label_of(*c.public_interest) == label::accepted) security = c.items.size();
            else security_public = c.items.size();
        }
        CHECK(security == 240);
        CHECK(security_public == 25);
        CHECK(label_of(d, "c1#1/public-interest") != label_of(d, "c1#2/public-interest"));
        CHECK(label_of(d, "c2/engaged") == label::accepted);
        CHECK(label_of(d, "c2/public-interest") == label::rejected); // 3 x 0.8 x 0.6 = 1.44 against 3
        CHECK(weight_of(d, "c2/public-interest", direction::pro) == doctest::Approx(1.44));
        CHECK(label_of(d, "c3/exempt") == label::accepted);

        // Claim statements are per group, not per row: a handful for 5,000 rows.
        std::size_t claim_statements = 0;
        for (const auto& s : d.graph.statements()) claim_statements += s.key.rfind("item/", 0) == 0 ? 0u : 1u;
        CHECK(claim_statements < 80);
        // F114 for each group whose withholding fails: s.31(1)(a) for the rows already public
        // (c1#2), and s.43(2).
        CHECK(flag_codes(d) == std::vector<std::string>{"F102", "F103", "F114", "F114"});
        check_requester_outputs_are_safe(d);
    }

    TEST_CASE("schedule-5000: the committed case is small enough to keep in the repository") {
        CHECK(read_text(example_path("schedule-5000")).size() < 1'500'000);
    }
}

TEST_SUITE("examples") {
    // evaluate() counts the statements and arguments it will add and reserves the graph once: a
    // count that falls short doubles the arrays (a 100,000-row schedule's are tens of MB), one that
    // runs over wastes the difference in every decision.
    TEST_CASE("every example's graph is reserved to its size, not doubled") {
        for (const auto& entry : std::filesystem::directory_iterator(CANDOUR_EXAMPLES)) {
            if (!std::filesystem::exists(entry.path() / "case.yaml")) continue;
            const std::string name = entry.path().filename().string();
            CAPTURE(name);
            const auto d = run_example(name);
            const auto& g = d.graph;
            CHECK(g.statements().capacity() <= g.statements().size() + 2);
            CHECK(g.arguments().capacity() == g.arguments().size());
        }
    }
}
