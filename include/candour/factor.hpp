#pragma once
// A public interest factor: a consideration for maintaining an exemption or for disclosure.
// Rulebooks carry default factors per provision; a case lists the factors actually argued.

#include <candour/citation.hpp>
#include <candour/source_location.hpp>

#include <string>

namespace candour {

/// Which side of the public interest balance a factor sits on.
enum class pi_side { maintain, disclose };

struct factor {
    std::string id;          ///< stable within its provision or claim
    pi_side side = pi_side::maintain;
    std::string description; ///< requester-safe wording of the consideration
    std::string weight;      ///< a named weight from the regime's scale, e.g. "strong"
    std::string category;    ///< optional; matched against the regime's irrelevant factors
    std::string ref;         ///< optional: the provision default this factor adopts
    citation source;
    source_location where;
};

[[nodiscard]] const char* to_string(pi_side side) noexcept;

} // namespace candour
