#pragma once
// Renders an evaluated decision. Every output is read off the decision's justification graph;
// no renderer recomputes the law. Requester-facing outputs are checked for withheld content
// and refused (render_error R501) if any reaches them. docs/outputs.md describes each format.

#include <candour/decision.hpp>

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candour {

enum class output_format {
    record,      ///< reviewer-facing decision record, Markdown
    notice,      ///< requester-facing notice, Markdown
    notice_text, ///< requester-facing notice, plain text (the same content, wrapped at 72 columns)
    json,        ///< the whole decision, for systems (docs/schema/decision.schema.json)
    dot,         ///< the justification graph, for Graphviz
    svg,         ///< the justification graph drawn by Graphviz's `dot` program
    html,        ///< one self-contained page: the record, the diagram, collapsible sections
    graphml      ///< the justification graph as GraphML, with yEd's graphics, for graph tools
};

/// Names as on the command line: "record", "notice", "notice-text", "json", "dot", "svg", "html",
/// "graphml".
[[nodiscard]] std::optional<output_format> parse_output_format(std::string_view name) noexcept;
[[nodiscard]] const char* to_string(output_format f) noexcept;
/// Every format, in the order above.
[[nodiscard]] std::vector<output_format> all_output_formats();
/// True for outputs a requester may see (both notice formats): these must never contain
/// withheld content, internal weights or scores.
[[nodiscard]] bool is_requester_facing(output_format f) noexcept;

struct render_options {
    /// The notice's language: the regime's templates/notice.LANG.yaml. A regime with no
    /// templates has only "en" (candour's built-in wording). Unknown: render_error R504.
    std::string language = "en";
};

/// Throws render_error: R501 withheld content would reach a requester-facing output; R502 the
/// `dot` program (svg) is not installed; R503 `dot` failed; R504 no notice wording in the
/// language asked for (or a template names a placeholder the renderer does not know); R505 the
/// graph is too large to draw (svg; more than 1,500 statements and arguments); R506 text in the
/// decision is not valid UTF-8 (json; only a case built through the API can have such text). The html page
/// never fails for R502, R503 or R505: it says in the page why the diagram is missing.
[[nodiscard]] std::string render(const decision& d, output_format f);
[[nodiscard]] std::string render(const decision& d, output_format f, const render_options& options);
/// The same bytes written to `out`. The JSON is written as it is produced, never held whole,
/// so a schedule of many thousands of items needs no more memory than the decision itself;
/// other formats are rendered (and, if requester-facing, checked) first, then written. On an
/// error nothing has been written, except for JSON, whose only error (R506, text that is not
/// UTF-8) can come part-way.
void render(const decision& d, output_format f, std::ostream& out, const render_options& options = {});

/// The withheld strings of `d`'s case that occur in `text`; empty if none. The match ignores
/// ASCII case, treats every run of white space as one space (so wrapping cannot hide a
/// string) and also looks through Markdown backslash escapes.
[[nodiscard]] std::vector<std::string> find_withheld_content(const decision& d, std::string_view text);

} // namespace candour
