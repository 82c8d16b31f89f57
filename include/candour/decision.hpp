#pragma once
// The result of evaluating a case: the labelled justification graph and, read off it, the
// outcome of every item and claim, the review flags and the deadline. Renderers read only this.

#include <candour/argument_graph.hpp>
#include <candour/date.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/factor.hpp>
#include <candour/review_flag.hpp>
#include <candour/rulebook.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace candour {

enum class item_outcome { disclose, withhold, neither_confirm_nor_deny, not_held, undecided };
enum class request_outcome { full_disclosure, partial_disclosure, refusal, neither_confirm_nor_deny, not_held, undecided };

/// One public interest factor as weighed: its base weight, what scaled it, and whether it counted.
struct factor_assessment {
    /// The factor as argued (defaults filled), never null: the case's (`decision::source`), or
    /// the regime's presumption (`balancing_rule::presumption_factor`). It lives as long as the
    /// decision; a plain pointer, so that evaluating a case on many threads at once shares no
    /// reference count.
    const factor* source_factor = nullptr;
    double base_weight = 0;
    double weight = 0;                    ///< after the multipliers below
    std::vector<std::string> adjustments; ///< e.g. "x0.8, threshold 'would be likely to'"
    argument_id argument = 0;
    bool set_aside = false;               ///< irrelevant by law or guidance
    std::string set_aside_reason;
    citation set_aside_source;
};

/// The findings for one claim: is the provision applicable, engaged, and (if qualified) does
/// the public interest favour maintaining it. Each field names the statement that decides it.
struct claim_finding {
    std::string claim_id;
    std::string provision_id;
    std::vector<std::string> items;
    statement_id applicable = 0;
    statement_id engaged = 0;
    statement_id exempt = 0;
    std::optional<statement_id> public_interest; ///< qualified exemptions only
    /// What engagement rests on: for a prejudice test, the class (only where the provision has
    /// class conditions), then interest, causal link, likelihood; for a class test, the class.
    std::vector<statement_id> limbs;
    bool neither_confirm_nor_deny = false;       ///< the provision excludes the duty to confirm or deny
    std::optional<statement_id> threshold_rule;  ///< how the threshold was chosen
    std::string threshold_applied;               ///< likelihood threshold id, if prejudice-based
    std::string evidence_grade;
    std::vector<factor_assessment> factors;
    std::vector<std::string> harm_adjustments;   ///< multipliers applied to the harm, in words
    double harm_multiplier = 1;                  ///< their product, applied to every maintain factor
};

/// The public interest in maintaining several engaged qualified exemptions weighed together
/// (EIR, Ofcom C-71/10; FOIA since DBT v IC [2025] UKSC 27).
struct aggregate_finding {
    std::vector<std::string> claims;   ///< claim ids weighed together
    std::vector<std::string> items;
    statement_id public_interest = 0;
    statement_id exempt = 0;
};

/// Claims pleaded in the alternative to each other (`claim::in_the_alternative_to`), for the same
/// items, under provisions that can never both apply (one is `subsidiary_to` the other, or they
/// are `exclusive_with` each other), none of them a claim to neither confirm nor deny. Naming the
/// one that holds would tell the requester what the pleading keeps back (for s.23(1) and s.24(1):
/// whether a security body is involved), so the notice cites them together and never says which
/// holds (FCDO v IC, Williams, Wickham-Jones and Lownie [2021] UKUT 248 (AAC)).
struct alternative_finding {
    std::vector<std::string> claims;   ///< claim ids, in case order, each once
    std::vector<std::string> items;    ///< the items two or more of those claims cover, in case order
    std::vector<std::string> holding;  ///< the claims whose exemption holds for their items here (the notice never says which)
    std::vector<std::size_t> findings; ///< the claim findings it joins, as positions in decision::claims, in order
};

/// The smallest change to the case that would flip a finding: "if the harm were 'would' rather
/// than 'would be likely to'", "if factor X weighed moderate rather than strong".
struct counterfactual {
    std::string claim_id;
    statement_id finding = 0;       ///< the statement that would flip
    label now = label::undecided;   ///< its label now
    label would_be = label::undecided;
    std::string kind;               ///< "threshold", "evidence", "factor-weight", "public-domain", "limb", "displacement", "history"
    std::string subject;            ///< what changes: a factor id, a limb statement key, ...
    std::string from, to;           ///< the value now and the value that flips it
    std::string description;        ///< the whole change in words
};

struct item_finding {
    std::string item_id;
    item_outcome outcome = item_outcome::undecided;
    std::vector<std::string> provisions; ///< every provision that carries a withholding
    statement_id exempt = 0;             ///< "item X is exempt information"
    statement_id disclose = 0;           ///< "item X must be disclosed"
    std::optional<statement_id> ncnd;    ///< "the duty to confirm or deny does not arise for item X"
};

/// A claim under a provision that routes the information to another regime (FOIA s.39 to the
/// EIR 2004): whether it does, for which items, and on which finding it rests.
struct route_finding {
    std::string claim_id;
    std::string provision_id;
    std::string regime;            ///< the regime the information falls to be dealt with under
    std::string target_provision;  ///< optionally, the provision of that regime
    std::vector<std::string> items;
    statement_id engaged = 0;      ///< the claim's engagement: the route holds when it is accepted
    bool routed = false;           ///< the engagement was accepted
};

struct deadline_finding {
    date received;
    date due;
    int period = 0;                          ///< days allowed
    day_count days = day_count::working;     ///< how they are counted
    citation source;
    std::string calendar;
    bool calendar_covers = true; ///< false when the dates fall outside the calendar's data
    std::optional<date> sent;
    std::optional<int> days_late; ///< set when sent after the deadline in force, counted as `days`
    /// A public interest extension the authority claimed (FOIA s.10(3)); it counts only when a
    /// qualified exemption is engaged.
    std::optional<date> extended_to;
    bool extension_counts = false;
};

struct decision {
    rulebook rules;                                 ///< shared, immutable
    std::shared_ptr<const disclosure_case> source;  ///< the case as evaluated
    date decision_date;                             ///< when circumstances were assessed
    std::string decision_date_basis;                ///< why that date
    argument_graph graph;                           ///< evaluated
    std::vector<item_finding> items;                ///< in case order
    std::vector<claim_finding> claims;              ///< in case order
    std::vector<aggregate_finding> aggregates;      ///< cumulative balancing, where the regime allows it
    std::vector<alternative_finding> alternatives;  ///< claims the notice cites together, masking which holds
    std::vector<review_flag> flags;
    std::vector<counterfactual> counterfactuals;
    std::vector<route_finding> routes;              ///< claims that route information to another regime
    std::optional<deadline_finding> deadline;
    request_outcome outcome = request_outcome::undecided;

    [[nodiscard]] const regime& governing_regime() const { return rules.get_regime(source->regime); }
    /// A linear search: to walk every item, read `items` and `item_of` instead.
    [[nodiscard]] const item_finding* find_item(std::string_view id) const noexcept;
    /// The case's item a finding is about, in constant time (`items` is in case order).
    [[nodiscard]] const item& item_of(const item_finding& f) const noexcept;
};

[[nodiscard]] const char* to_string(item_outcome o) noexcept;
[[nodiscard]] const char* to_string(request_outcome o) noexcept;

} // namespace candour
