#pragma once
// The result of evaluating a case: the labelled justification graph and, read off it, the
// outcome of every item and claim, the review flags and the deadline. Renderers read only this.

#include <candour/argument_graph.hpp>
#include <candour/date.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/factor.hpp>
#include <candour/review_flag.hpp>
#include <candour/rulebook.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace candour {

enum class item_outcome { disclose, withhold, neither_confirm_nor_deny, not_held, undecided };
enum class request_outcome { full_disclosure, partial_disclosure, refusal, neither_confirm_nor_deny, not_held, undecided };

/// One public interest factor as weighed: its base weight, what scaled it, and whether it counted.
struct factor_assessment {
    factor source_factor;
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
    std::vector<statement_id> limbs;             ///< interest, causal link, likelihood (prejudice)
    std::optional<statement_id> threshold_rule;  ///< how the threshold was chosen
    std::string threshold_applied;               ///< likelihood threshold id, if prejudice-based
    std::string evidence_grade;
    std::vector<factor_assessment> factors;
};

struct item_finding {
    std::string item_id;
    item_outcome outcome = item_outcome::undecided;
    std::vector<std::string> provisions; ///< every provision that carries a withholding
    statement_id exempt = 0;             ///< "item X is exempt information"
    statement_id disclose = 0;           ///< "item X must be disclosed"
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
    std::optional<int> days_late; ///< set when sent after `due`, counted as `days`
};

struct decision {
    rulebook rules;                                 ///< shared, immutable
    std::shared_ptr<const disclosure_case> source;  ///< the case as evaluated
    date decision_date;                             ///< when circumstances were assessed
    std::string decision_date_basis;                ///< why that date
    argument_graph graph;                           ///< evaluated
    std::vector<item_finding> items;                ///< in case order
    std::vector<claim_finding> claims;              ///< in case order
    std::vector<review_flag> flags;
    std::optional<deadline_finding> deadline;
    request_outcome outcome = request_outcome::undecided;

    [[nodiscard]] const regime& governing_regime() const { return rules.get_regime(source->regime); }
    [[nodiscard]] const item_finding* find_item(std::string_view id) const noexcept;
};

[[nodiscard]] const char* to_string(item_outcome o) noexcept;
[[nodiscard]] const char* to_string(request_outcome o) noexcept;

} // namespace candour
