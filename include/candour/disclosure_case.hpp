#pragma once
// A disclosure candidate: the request, the information item by item, the authority's claims,
// and what the authority's notice did. Withheld content is held apart from every
// requester-safe field so that it can be kept out of requester-facing output.

#include <candour/date.hpp>
#include <candour/diagnostic.hpp>
#include <candour/factor.hpp>
#include <candour/rulebook.hpp>
#include <candour/source_location.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candour {

struct request {
    date received;
    std::string wording;
    source_location where;
};

/// One unit of requested information: a spreadsheet row, a document, a passage.
struct item {
    std::string id;
    std::string description;  ///< requester-safe: what the item is, never its withheld content
    bool held = true;
    std::string content;      ///< released content, if recorded (e.g. a product name released)
    std::vector<std::string> withheld_content; ///< text that must never reach the requester
    std::optional<date> created;
    bool public_domain = false; ///< already available to the public
    /// Kinds of information the item is, where a provision turns on it: "emissions" (EIR reg 12(9)).
    /// Each must be a kind some provision of the regime names in `unavailable_for`.
    std::vector<std::string> concerns;
    /// The death a historical-record limit may run from (FOIA s.63(2C); FOISA s.57(1C)(b)): the
    /// Sovereign's, or the member of the Royal Family's, the communication is with.
    std::optional<date> relevant_death;
    source_location where;

    [[nodiscard]] bool has_withheld_content() const noexcept { return !withheld_content.empty(); }
    [[nodiscard]] bool is_about(std::string_view kind) const noexcept {
        for (const auto& k : concerns)
            if (k == kind) return true;
        return false;
    }
};

struct evidence_item {
    std::string description;
    std::string grade; ///< a regime evidence grade: "specific", "generic", ...
    source_location where;
};

/// The authority's claim that a provision applies to some items.
struct claim {
    std::string id;
    std::string provision;           ///< provision id within the case's regime
    std::vector<std::string> items;  ///< item ids
    std::string harm;                ///< the prejudice claimed (prejudice-based provisions)
    std::string causal_chain;        ///< how disclosure would bring it about
    /// Likelihood thresholds the authority named: empty = not stated; two = named both.
    std::vector<std::string> likelihood;
    std::vector<evidence_item> evidence;
    std::vector<std::string> class_facts; ///< why the information is in the class (class-based)
    std::vector<std::string> purposes;    ///< purposes relied on, where the provision lists some (s.31(2))
    std::vector<factor> factors;
    /// The provision that lets the authority leave out its reasons because stating them would
    /// itself disclose exempt information (FOIA s.17(4)); empty when the reasons are given.
    std::string reasons_withheld;
    /// Claims this one is pleaded in the alternative to (FOIA s.23(1) "or, in the alternative,
    /// s.24(1)": FCDO v IC [2021] UKUT 248 (AAC)). Symmetric: naming it on either claim is enough.
    std::vector<std::string> in_the_alternative_to;
    source_location where;
};

enum class review_particulars { stated, by_reference, absent };

/// What the authority's notice did, so that the notice itself can be reviewed.
struct notice_record {
    std::optional<date> sent;
    bool acknowledges_delay = false;
    bool states_exemption = false;       ///< s.17(1)(a)
    bool specifies_subsection = false;   ///< s.17(1)(b), to the paragraph
    bool explains_engagement = false;    ///< s.17(1)(c)
    bool gives_pit_reasons = false;      ///< s.17(3)
    review_particulars internal_review = review_particulars::absent; ///< s.17(7)(a)
    bool states_complaint_right = false; ///< s.17(7)(b)
    std::string internal_review_reference; ///< e.g. the web page it points to
    bool confirms_held = true;           ///< the notice says (or shows) that information is held
    std::optional<date> extended_to;     ///< a public interest extension claimed (FOIA s.10(3)) to this date
    source_location where;
};

struct authority {
    std::string name;
    std::string address;      ///< where to ask for an internal review
    std::string review_contact;
    source_location where;
};

struct disclosure_case {
    std::string id;
    std::string title;
    std::string regime;        ///< regime id, e.g. "uk-foia-2000"
    candour::authority authority;
    std::vector<std::string> assumptions; ///< what the case author assumed where the source is silent
    candour::request request;
    std::vector<item> items;
    std::vector<claim> claims;
    std::optional<notice_record> notice;
    std::optional<date> decision_date; ///< when circumstances are assessed (Montague)
    source_location where;

    [[nodiscard]] const item* find_item(std::string_view id) const noexcept;
};

/// Loads a case file. Throws load_error with every diagnostic found. References to items are
/// checked here; references to provisions are checked against `rules` when one is given.
[[nodiscard]] disclosure_case load_case(const std::filesystem::path& file, const rulebook* rules = nullptr,
                                        const load_limits& limits = {});
/// The same from text; `name` is used as the file name in diagnostics.
[[nodiscard]] disclosure_case parse_case(std::string_view yaml, std::string_view name = "<string>",
                                         const rulebook* rules = nullptr, const load_limits& limits = {});

[[nodiscard]] const char* to_string(review_particulars r) noexcept;

} // namespace candour
