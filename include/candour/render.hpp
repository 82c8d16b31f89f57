#pragma once
// Renders an evaluated decision. Every output is read off the decision's justification graph;
// no renderer recomputes the law. Requester-facing outputs are checked for withheld content
// and refused (render_error R501) if any reaches them.

#include <candour/decision.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace candour {

enum class output_format {
    record, ///< reviewer-facing decision record, Markdown
    notice, ///< requester-facing notice, Markdown
    json,   ///< the whole decision, for systems
    dot     ///< the justification graph, for Graphviz
};

[[nodiscard]] std::optional<output_format> parse_output_format(std::string_view name) noexcept;
[[nodiscard]] const char* to_string(output_format f) noexcept;
/// True for outputs a requester may see: these must never contain withheld content.
[[nodiscard]] bool is_requester_facing(output_format f) noexcept;

[[nodiscard]] std::string render(const decision& d, output_format f);

/// The withheld strings of `d`'s case that occur in `text` (case-insensitively); empty if none.
[[nodiscard]] std::vector<std::string> find_withheld_content(const decision& d, std::string_view text);

} // namespace candour
