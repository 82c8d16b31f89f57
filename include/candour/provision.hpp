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

/// When a provision stops applying to an old record: `years` after the end of the year the
/// record was created (FOIA s.63).
struct historical_limit {
    int years = 0;
    citation source;
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
    std::optional<historical_limit> history;
    std::optional<date> in_force_from;
    std::optional<date> in_force_to;
    std::vector<factor> default_factors;
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

} // namespace candour
