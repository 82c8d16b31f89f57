#pragma once
// Evaluates a disclosure candidate under a rulebook, in the order the law takes it:
// applicability, engagement, public interest, outcome per item; then the review of the
// authority's notice and the statutory deadline.

#include <candour/date.hpp>
#include <candour/decision.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/rulebook.hpp>

#include <memory>
#include <optional>

namespace candour {

struct evaluation_options {
    /// Assess circumstances as at this date instead of the case's decision date.
    std::optional<date> as_of;
};

/// Throws load_error (codes P3xx) if the case refers to a regime, provision or threshold the
/// rulebook does not have; never throws for a valid case. The decision keeps the case it was
/// made on (`decision::source`): this overload copies `c`.
[[nodiscard]] decision evaluate(const rulebook& rules, const disclosure_case& c, const evaluation_options& options = {});
/// As above, taking the case over instead of copying it (a large schedule's case is tens of MB).
[[nodiscard]] decision evaluate(const rulebook& rules, disclosure_case&& c, const evaluation_options& options = {});
/// As above, sharing a case that the caller keeps too; it must not change while shared.
[[nodiscard]] decision evaluate(const rulebook& rules, std::shared_ptr<const disclosure_case> c,
                                const evaluation_options& options = {});

} // namespace candour
