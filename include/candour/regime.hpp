#pragma once
// A regime is one access-to-information law (FOIA 2000, EIR 2004, FOISA 2002, ...). It fixes
// what every one of its provisions shares: the balancing and tie rule, the likelihood
// vocabulary, the factors that are irrelevant by law, the time limit and the notice rules.

#include <candour/calendar.hpp>
#include <candour/citation.hpp>
#include <candour/date.hpp>
#include <candour/factor.hpp>
#include <candour/source_location.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candour {

/// Who wins when the public interest is evenly balanced.
enum class tie_rule { disclose, withhold };

/// Whether the public interest in several engaged exemptions is weighed together.
enum class aggregation_mode { per_exemption, cumulative };

struct balancing_rule {
    citation source;       ///< FOIA s.2(2)(b)
    std::string test;      ///< "the public interest in maintaining the exemption outweighs ..."
    tie_rule tie = tie_rule::disclose;
    aggregation_mode aggregation = aggregation_mode::per_exemption;
    std::optional<citation> aggregation_authority; ///< DBT v IC [2025] UKSC 27
    std::optional<date> aggregation_since;
    /// The test for the duty to confirm or deny (FOIA s.2(1)(b)); empty if the regime has none.
    std::string ncnd_test;
    std::optional<citation> ncnd_source;
    /// Weight added to the disclosure side by a statutory presumption (EIR reg 12(2)); 0 if none.
    double presumption_weight = 0;
    std::optional<citation> presumption_source;
    /// The presumption as the factor each public interest test weighs: id "presumption", for
    /// disclosure, cited to `presumption_source` (else `source`). The loader fills it when
    /// `presumption_weight` > 0; a decision's factor_assessment points at it.
    factor presumption_factor;
};

/// One rung of the likelihood vocabulary ("would be likely to", "would").
struct likelihood_threshold {
    std::string id;      ///< "would-be-likely-to"
    std::string phrase;  ///< "would be likely to"
    std::string meaning; ///< "a real and significant risk, more than hypothetical or remote"
    double weight_multiplier = 1; ///< scales the harm in the public interest balance
    citation source;
};

/// How strongly the evidence for a prejudice ties the harm to this information.
struct evidence_grade {
    std::string id;      ///< "specific", "generic", "none"
    std::string meaning;
    double weight_multiplier = 1;
};

/// A consideration the law says must not be weighed.
/// Scales the harm when the information is older than `older_than_years` at the decision date.
struct age_weakening {
    int older_than_years = 0;
    double weight_multiplier = 1;
};

/// What weakens the harm side of the balance: availability in the public domain and age. The
/// law says both reduce the harm; the multipliers are candour's calibration.
struct harm_weakening {
    double public_domain_multiplier = 1;
    std::vector<age_weakening> age; ///< ascending by years
    std::optional<citation> source;
};

struct irrelevant_factor {
    std::string category; ///< "requester-identity", "embarrassment", ...
    std::string description;
    citation source;
};

struct named_weight {
    std::string name; ///< "moderate"
    double value = 0;
};

/// An element that a refusal notice must contain (FOIA s.17(1)(a) ... s.17(7)(b)).
struct notice_requirement {
    std::string id;        ///< "complaint-right"
    std::string provision; ///< "s.17(7)(b)"
    std::string description;
    bool qualified_only = false; ///< only when a qualified exemption is relied on (s.17(3))
};

/// How a statutory period is counted.
enum class day_count { working, calendar };

struct time_limit {
    int period = 20;                       ///< how many days
    day_count days = day_count::working;   ///< FOIA counts working days; the AU FOI Act calendar days
    citation source;            ///< FOIA s.10(1)
    working_day_calendar calendar; ///< holidays of the regions that count (FOIA s.10(6): any part of the UK)
    std::vector<std::string> calendar_regions;
    std::string extension_note; ///< s.10(3), how far the limit may be extended
};

struct complaint_route {
    std::string review;     ///< the internal review, e.g. "internal review (s.45 Code of Practice)"
    std::string regulator;  ///< "the Information Commissioner"
    citation right;         ///< FOIA s.50
    std::string regulator_uri;
};

/// The wording of the requester-facing notice in one language: every sentence by key, with
/// {placeholders} that the renderer fills from the case and the rulebook (docs/outputs.md).
/// Loaded from the regime's templates/notice.LANG.yaml; checked when loaded, so an unknown key
/// or placeholder is a load error with its file:line:column.
struct notice_wording {
    std::string language;                         ///< "en", "cy": the LANG of the file name
    std::map<std::string, std::string> sentences; ///< key ("thanks", "pit_intro", ...) -> template text
    std::vector<std::string> months;              ///< the twelve month names, January first
    source_location where;                        ///< the file
};

struct regime {
    std::string id;           ///< "uk-foia-2000"
    std::string title;        ///< "Freedom of Information Act 2000"
    std::string short_title;  ///< "FOIA"
    std::string jurisdiction; ///< "United Kingdom"
    std::string uri;
    balancing_rule balancing;
    std::vector<likelihood_threshold> thresholds; ///< lowest first
    std::vector<evidence_grade> evidence_grades;
    harm_weakening weakening;
    std::vector<named_weight> weights;            ///< lightest first
    std::vector<irrelevant_factor> irrelevant_factors;
    time_limit deadline;
    std::vector<notice_requirement> notice_requirements;
    complaint_route complaints;
    std::string unstated_threshold_rule; ///< what applies when no threshold is chosen
    citation unstated_threshold_source;  ///< ICO LTT13
    /// The notice's wording, one entry per language, sorted by language. Empty: the notice uses
    /// candour's built-in English wording (the FOIA 2000 template) with this regime's names.
    std::vector<notice_wording> notice_templates;
    bool verified = false;
    std::string verification_note;
    source_location where;

    /// The notice wording in `language`, or nullptr if this regime has none in it.
    [[nodiscard]] const notice_wording* find_notice_wording(std::string_view language) const noexcept;
    [[nodiscard]] const likelihood_threshold* find_threshold(std::string_view id) const noexcept;
    [[nodiscard]] const evidence_grade* find_evidence_grade(std::string_view id) const noexcept;
    [[nodiscard]] std::optional<double> weight_value(std::string_view name) const noexcept;
    [[nodiscard]] const irrelevant_factor* find_irrelevant(std::string_view category) const noexcept;
};

[[nodiscard]] const char* to_string(tie_rule t) noexcept;
[[nodiscard]] const char* to_string(aggregation_mode m) noexcept;
[[nodiscard]] const char* to_string(day_count d) noexcept;

} // namespace candour
