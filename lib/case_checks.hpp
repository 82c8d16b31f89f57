#pragma once
// Private: the checks of a case against a rulebook, shared by the case loader (which reports
// them with the rest of the file's diagnostics) and evaluate() (for cases built in C++).

#include <candour/diagnostic.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/rulebook.hpp>

#include <vector>

namespace candour::detail {

class yaml_reader;
class yaml_node;

/// Reads the mapping under a `case:` key (a case file's, or a scenario's inline case).
disclosure_case read_case_node(yaml_reader& r, const yaml_node& n, const load_limits& limits);

/// Fills each factor that adopts a provision's default factor (`ref`) with the default's
/// description, weight, category and source, where the case leaves them empty.
void fill_factor_defaults(disclosure_case& c, const rulebook& rules);
/// True if fill_factor_defaults would change `c`.
[[nodiscard]] bool needs_factor_defaults(const disclosure_case& c, const rulebook& rules);

/// Checks references within the case (items, claims, dates) and, when `rules` is given, to the
/// regime and its provisions, thresholds, evidence grades and weights. Run fill_factor_defaults
/// first: the weights checked are the filled ones.
void check_case(const disclosure_case& c, const rulebook* rules, std::vector<diagnostic>& out);

} // namespace candour::detail
