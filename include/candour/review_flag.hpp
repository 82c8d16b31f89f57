#pragma once
// A weakness found in the authority's own handling of the request: a missing notice element,
// an unchosen threshold, a late response. Codes are stable (docs/errors.md#review-flags).

#include <candour/argument_graph.hpp>
#include <candour/citation.hpp>
#include <candour/diagnostic.hpp>
#include <candour/source_location.hpp>

#include <optional>
#include <string>

namespace candour {

struct review_flag {
    std::string code;     ///< "F103"
    std::string name;     ///< "complaint-right-missing"
    severity level = severity::warning; ///< error: the law was not met; warning: weak practice
    std::string message;  ///< what is wrong and what the law or guidance requires
    citation source;      ///< the provision or guidance it rests on
    source_location where; ///< the place in the case it concerns
    std::optional<statement_id> statement; ///< the statement in the justification it rests on
};

} // namespace candour
