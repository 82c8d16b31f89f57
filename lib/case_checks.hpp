#pragma once
// Private: the checks of a case against a rulebook, shared by the case loader (which reports
// them with the rest of the file's diagnostics) and evaluate() (for cases built in C++).

#include <candour/diagnostic.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/rulebook.hpp>

#include <vector>

namespace candour::detail {

/// Checks references within the case (items, claims, dates) and, when `rules` is given, to the
/// regime and its provisions, thresholds, evidence grades and weights. Resolves factor `ref`s
/// against the provisions' default factors.
void check_case(disclosure_case& c, const rulebook* rules, std::vector<diagnostic>& out);

} // namespace candour::detail
