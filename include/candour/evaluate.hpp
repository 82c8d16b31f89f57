#pragma once
// Evaluates a disclosure candidate under a rulebook, in the order the law takes it:
// applicability, engagement, public interest, outcome per item; then the review of the
// authority's notice and the statutory deadline.

#include <candour/date.hpp>
#include <candour/decision.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/rulebook.hpp>

#include <optional>

namespace candour {

struct evaluation_options {
    /// Assess circumstances as at this date instead of the case's decision date.
    std::optional<date> as_of;
};

/// Throws load_error (codes P3xx) if the case refers to a regime, provision or threshold the
/// rulebook does not have; never throws for a valid case.
[[nodiscard]] decision evaluate(const rulebook& rules, const disclosure_case& c, const evaluation_options& options = {});

} // namespace candour
