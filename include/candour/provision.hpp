#pragma once
// A provision of a regime, modelled as a rule object: an exemption (s.31(1)(a)), a duty (s.1),
// or a procedural rule (s.17). Loaded provisions are immutable.

#include <candour/citation.hpp>
#include <candour/date.hpp>
#include <candour/factor.hpp>
#include <candour/source_location.hpp>

#include <optional>
#include <string>
#include <vector>

namespace candour {

enum class provision_role { exemption, duty, procedure, definition };

/// Absolute exemptions never reach the public interest test (FOIA s.2(3)).
enum class exemption_status { not_applicable, absolute, qualified };

/// How an exemption is engaged.
enum class engagement_test {
    not_applicable,
    class_based,        ///< the information falls in a described class
    prejudice,          ///< harm, causal link, likelihood (the three limbs)
    reasonable_opinion, ///< the reasonable opinion of a qualified person (FOIA s.36)
    necessity           ///< "required for the purpose of" (FOIA s.24)
};

/// Where a historical-record period starts counting.
enum class history_start {
    year_after_creation, ///< "beginning with the year following that in which it was created" (FOIA s.62(1))
    creation_date        ///< "beginning with the date on which the record is created" (FOISA s.57(1C)(a))
};

/// A record created in `created` stops being protected at the end of the year `ends`: one row
/// of a transitional table (SI 2012/3029, Schedule).
struct historical_schedule_entry {
    int created = 0;
    int ends = 0;
};

/// One version of a historical-record rule: when a provision stops applying to an old record.
struct historical_rule {
    int years = 0;   ///< the period, counted as `counts_from` says
    citation source;
    history_start counts_from = history_start::year_after_creation;
    /// If positive, the limit ends only at the later of the period above and this many years
    /// beginning with the date of the relevant death (FOIA s.63(2C); FOISA s.57(1C)).
    int after_death_years = 0;
    /// Rows that replace the period for records created in the years they name.
    std::vector<historical_schedule_entry> schedule;

    /// Whether the limit has passed on `on` for a record created on `created`. `relevant_death`
    /// matters only with after_death_years: without it, the period after the death has not begun.
    [[nodiscard]] bool passed(date created, std::optional<date> relevant_death, date on) const noexcept;
};

/// An earlier or transitional version of the rule, for decisions from `from` to `to` (both
/// included; either may be open).
struct historical_phase : historical_rule {
    std::optional<date> from;
    std::optional<date> to;
    bool verified = true;
    std::string note; ///< what is uncertain, when not verified
};

/// When a provision stops applying to an old record (FOIA s.63, FOISA s.58). The rule itself
/// (`years` after the end of the year the record was created, by default) applies to every
/// decision date that no phase covers.
struct historical_limit : historical_rule {
    std::vector<historical_phase> phases;

    /// The rule in force on `d`: the phase whose dates contain it, else the limit's own rule.
    [[nodiscard]] const historical_rule& on(date d) const noexcept;
    /// The phase in force on `d`, or nullptr when the limit's own rule applies.
    [[nodiscard]] const historical_phase* phase_on(date d) const noexcept;
};

/// A route to another rulebook: FOIA s.39 sends environmental information to the EIR 2004.
struct regime_route {
    std::string regime;    ///< the regime the information falls to be dealt with under: "uk-eir-2004"
    std::string provision; ///< optionally, the provision of that regime that takes it over
    source_location where;
};

/// A kind of information a provision cannot be relied on for, and the provision that says so:
/// EIR reg 12(9) bars reg 12(5)(d) to (g) for information on emissions.
struct information_bar {
    std::string kind; ///< matched against an item's `concerns`: "emissions"
    std::string by;   ///< the barring provision, in the same regime: "reg.12(9)"
};

struct provision {
    std::string id;          ///< as cited within its regime: "s.31(1)(a)"
    std::string regime;      ///< "uk-foia-2000"
    std::string title;       ///< "Law enforcement: prevention or detection of crime"
    std::string citation_text; ///< "Freedom of Information Act 2000, section 31(1)(a)"
    std::string uri;         ///< legislation.gov.uk address
    std::string text;        ///< the operative words, quoted
    provision_role role = provision_role::exemption;
    exemption_status status = exemption_status::not_applicable;
    engagement_test test = engagement_test::not_applicable;
    std::string protected_interest; ///< "the prevention or detection of crime"
    std::vector<std::string> class_conditions;
    std::string ncnd;                        ///< id of the provision excluding the duty to confirm or deny
    std::vector<std::string> subsidiary_to;  ///< applies only to information not exempt under these
    std::vector<std::string> exclusive_with; ///< cannot apply together with these
    std::vector<std::string> purposes;       ///< e.g. the s.31(2) purposes for s.31(1)(g)-(i)
    std::vector<information_bar> unavailable_for; ///< kinds of information it cannot be relied on for
    std::vector<regime_route> routes_to;     ///< other regimes the information falls to be dealt with under
    std::optional<historical_limit> history;
    std::optional<date> in_force_from;
    std::optional<date> in_force_to;
    std::vector<factor> default_factors;
    /// False where the regime's presumption in favour of disclosure (EIR reg 12(2)) is not weighed
    /// in this exemption's public interest test (the ICO's reading for EIR reg 13).
    bool presumption_applies = true;
    bool verified = false;
    std::string verification_note;
    source_location where;

    [[nodiscard]] bool in_force_on(date d) const noexcept {
        return (!in_force_from || *in_force_from <= d) && (!in_force_to || d <= *in_force_to);
    }
    /// The citation as used in running text: "section 31(1)(a)" style short form "s.31(1)(a)".
    [[nodiscard]] const std::string& short_citation() const noexcept { return id; }
};

[[nodiscard]] const char* to_string(provision_role r) noexcept;
[[nodiscard]] const char* to_string(exemption_status s) noexcept;
[[nodiscard]] const char* to_string(engagement_test t) noexcept;
[[nodiscard]] const char* to_string(history_start s) noexcept;

} // namespace candour
