#pragma once
// Private: the individual renderers, dispatched by render().

#include <candour/decision.hpp>

#include <string>
#include <vector>

namespace candour::detail {

std::string render_record(const decision& d);
std::string render_notice(const decision& d);
std::string render_json(const decision& d);
std::string render_dot(const decision& d);

/// Statements ordered so that premises and exceptions come before what they support
/// (a topological order of the statement dependency graph; cycles kept together).
std::vector<statement_id> reasoning_order(const argument_graph& g);

} // namespace candour::detail
