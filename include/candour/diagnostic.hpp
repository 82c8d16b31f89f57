#pragma once
// A problem found in an input file, with a stable code (listed in docs/errors.md).
// Loaders collect every diagnostic in a file instead of stopping at the first.

#include <candour/source_location.hpp>

#include <string>
#include <vector>

namespace candour {

enum class severity { error, warning, note };

struct diagnostic {
    severity level = severity::error;
    std::string code;     ///< stable, e.g. "P201"; tests assert codes, not wording
    std::string message;  ///< what was found and what was expected
    source_location where;
    std::vector<std::string> notes; ///< extra lines, e.g. "did you mean 'items'?"
};

[[nodiscard]] const char* to_string(severity level) noexcept;

/// GCC style: "rules/x.yaml:12:7: error: unknown key 'titel' [P203]", then one line per note.
[[nodiscard]] std::string format(const diagnostic& d);

[[nodiscard]] bool has_errors(const std::vector<diagnostic>& diagnostics) noexcept;

} // namespace candour
