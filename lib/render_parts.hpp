#pragma once
// Private: the individual renderers, dispatched by render().

#include <candour/decision.hpp>
#include <candour/render.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace candour::detail {

/// One section of the decision record, so the HTML page can arrange the same Markdown.
struct record_section {
    enum class kind { header, assumptions, items, claim, counterfactuals, flags, deadline, appendix };
    kind type = kind::header;
    std::string anchor;   ///< stable HTML id: "summary", "items", "claim-c1", "flags", ...
    std::string title;    ///< the heading's text, unescaped
    std::string markdown; ///< the section as Markdown, its heading first
};

std::vector<record_section> record_sections(const decision& d);
/// The statements that decide one item (is it exempt, must it be disclosed), as Markdown.
std::string record_item_reasoning(const decision& d, const item_finding& f);

std::string render_record(const decision& d);
std::string render_notice(const decision& d, const render_options& options);
std::string render_notice_text(const decision& d, const render_options& options);
std::string render_json(const decision& d);
/// The same JSON written to `sink` in pieces, never held whole (a schedule's may be hundreds of MB).
void render_json(const decision& d, std::ostream& sink);
std::string render_dot(const decision& d);
/// The justification graph as GraphML, with yEd's node and edge graphics (render_graphml.cpp).
std::string render_graphml(const decision& d);
/// The DOT drawn by Graphviz's `dot -Tsvg` (render_error R502 if it is not installed, R503
/// if it fails, R505 if the graph has more than max_drawn_nodes statements and arguments).
std::string render_svg(const decision& d);
inline constexpr std::size_t max_drawn_nodes = 1500;
std::string render_html(const decision& d);

/// One box of the diagrams (dot, graphml): a claim, the exemptions weighed together, the items,
/// the facts about the authority's notice, or the statements sharing their key's first part.
struct diagram_group {
    std::string title;
    std::vector<statement_id> statements; ///< by id
    std::vector<argument_id> arguments;   ///< those whose conclusion is in the group, by id
};
/// The groups in order of first appearance: the order in which both diagram formats write nodes.
std::vector<diagram_group> diagram_groups(const decision& d);
/// A statement's fill: green accepted, red rejected, yellow undecided; grey for facts.
const char* diagram_fill(const argument_graph& g, statement_id id);
/// An argument's colour: green for, red against.
const char* diagram_colour(direction dir);
/// The statement's text wrapped for a box, then "[accepted]" or "[accepted, fact]".
std::string diagram_statement_label(const argument_graph& g, statement_id id);
/// The same, appended to `out` (the DOT writer reuses one buffer for every label).
void append_diagram_statement_label(std::string& out, const argument_graph& g, statement_id id);
/// "for 0.53" (the weight only where arguments meet on both sides), the short source
/// ("FOIA s.31(1)(a)") and, when it does not count, why.
std::string diagram_argument_label(const regime& reg, const argument_graph& g, argument_id id);
/// The same, appended to `out`.
void append_diagram_argument_label(std::string& out, const regime& reg, const argument_graph& g, argument_id id);

/// Converts the Markdown subset the record uses (headings, paragraphs, nested lists, pipe
/// tables, block quotes, **strong**, *emphasis*, `code`, [links](https://...), <https://...>,
/// backslash escapes) to HTML. Every character of text is escaped; only http(s) and mailto
/// links become anchors.
std::string markdown_to_html(std::string_view markdown, int heading_offset = 0);
/// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string html_escape(std::string_view s);

/// Statements ordered so that premises and exceptions come before what they support
/// (a topological order of the statement dependency graph; cycles kept together).
std::vector<statement_id> reasoning_order(const argument_graph& g);

} // namespace candour::detail
