#pragma once
// The source an argument rests on: a provision, a piece of guidance, a decision, or a fact
// of the case. Every argument in a justification carries one.

#include <string>

namespace candour {

enum class source_kind { legislation, guidance, decision, case_fact, calibration };

struct citation {
    source_kind kind = source_kind::legislation;
    std::string label; ///< as a lawyer writes it: "FOIA 2000 s.31(1)(a)", "ICO LTT13"
    std::string uri;   ///< empty when there is no stable public address

    friend bool operator==(const citation&, const citation&) = default;
};

[[nodiscard]] const char* to_string(source_kind kind) noexcept;

} // namespace candour
