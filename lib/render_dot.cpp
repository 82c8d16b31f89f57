// Graphviz DOT output of the justification graph, drawn left to right: premises on the left,
// what they support on the right. Statements are boxes coloured by label (facts square, derived
// statements rounded), arguments are small ellipses (green for, red against; dashed when they
// do not count), premises are solid edges and exceptions dashed "unless" edges. Each claim, the
// items and the facts about the authority's notice are boxed as groups, and the items'
// conclusions line up in one column. Every node carries its full text as a tooltip (shown on
// hover in the SVG and HTML outputs), so the labels can stay short. The groups, colours and
// labels are shared with the GraphML output (render_diagram.cpp).

#include "render_parts.hpp"

#include <initializer_list>
#include <string>
#include <string_view>

namespace candour::detail {
namespace {

// A DOT string literal of the parts, one after another. Runs of ordinary characters are copied
// at once: quoting is most of the work of drawing a graph (callgrind: 55% of render_dot when done
// a character at a time).
std::string quote(std::initializer_list<std::string_view> parts) {
    std::size_t size = 8;
    for (auto s : parts) size += s.size();
    std::string out;
    out.reserve(size);
    out += '"';
    for (auto s : parts) {
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (c != '"' && c != '\\' && c != '\n' && c != '\r') continue;
            out.append(s.data() + run, i - run);
            run = i + 1;
            if (c == '\n') out += "\\n";
            else if (c != '\r') {
                out += '\\';
                out += c;
            }
        }
        out.append(s.data() + run, s.size() - run);
    }
    out += '"';
    return out;
}
std::string quote(std::string_view s) { return quote({s}); }

} // namespace

std::string render_dot(const decision& d) {
    const auto& g = d.graph;
    const auto& reg = d.governing_regime();
    std::string out;
    out += "digraph justification {\n";
    out += "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", label=" + quote("Justification: " + d.source->title) +
           ", labelloc=t, nodesep=0.25, ranksep=0.4];\n";
    out += "  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n";
    out += "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; color=\"#999999\";\n"
           "    legend_accepted [shape=box, style=\"rounded,filled\", fillcolor=\"#d9f2d9\", label=\"accepted statement\"];\n"
           "    legend_rejected [shape=box, style=\"rounded,filled\", fillcolor=\"#f8d7d7\", label=\"rejected statement\"];\n"
           "    legend_undecided [shape=box, style=\"rounded,filled\", fillcolor=\"#fff3c4\", label=\"undecided statement\"];\n"
           "    legend_fact [shape=box, style=\"filled\", fillcolor=\"#eeeeee\", label=\"fact of the case\"];\n"
           "    legend_argument [shape=ellipse, label=\"argument for (weight)\", color=\"#2e7d32\"];\n"
           "    legend_against [shape=ellipse, label=\"argument against\", color=\"#c62828\"];\n"
           "    legend_idle [shape=ellipse, style=dashed, label=\"argument that does not count\"];\n"
           "    { rank=same; legend_accepted; legend_rejected; legend_undecided; legend_fact; legend_argument; legend_against; "
           "legend_idle; }\n  }\n";

    // Nodes in the groups both diagram formats draw (render_diagram.cpp); edges after them.
    const auto groups = diagram_groups(d);
    for (std::size_t n = 0; n < groups.size(); ++n) {
        out += "  subgraph cluster_" + std::to_string(n) + " {\n    label=" + quote(groups[n].title) +
               "; fontsize=11; style=rounded; color=\"#999999\";\n";
        for (auto i : groups[n].statements) {
            const auto& s = g.at(i);
            out += "    " + quote({"s:", s.key}) + " [shape=box, style=" + (s.fact ? "\"filled\"" : "\"rounded,filled\"") +
                   ", fillcolor=\"" + diagram_fill(g, i) + "\", label=" + quote(diagram_statement_label(g, i)) +
                   ", tooltip=" + quote({s.key, ": ", s.text}) + "];\n";
        }
        for (auto i : groups[n].arguments) {
            const auto& a = g.argument_at(i);
            const bool counts = g.status_of(i) == argument_status::applicable;
            out += "    " + quote({"a:", a.key}) + " [shape=ellipse, color=\"" + diagram_colour(a.dir) + "\", style=" +
                   (counts ? "\"solid\"" : "\"dashed\"") + ", label=" + quote(diagram_argument_label(reg, g, i)) +
                   ", tooltip=" + quote({a.text, " (source: ", a.source->label, ")"}) + "];\n";
        }
        out += "  }\n";
    }
    std::string edges;
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        for (auto p : a.premises) edges += "  " + quote({"s:", g.at(p).key}) + " -> " + quote({"a:", a.key}) + ";\n";
        for (auto e : a.exceptions)
            edges += "  " + quote({"s:", g.at(e).key}) + " -> " + quote({"a:", a.key}) +
                     " [style=dashed, color=\"#c62828\", arrowhead=tee, label=\"unless\"];\n";
        edges += "  " + quote({"a:", a.key}) + " -> " + quote({"s:", g.at(a.conclusion).key}) + " [color=\"" +
                 diagram_colour(a.dir) + "\"];\n";
    }
    // The items' conclusions in one column, in case order.
    std::string column;
    for (const auto& f : d.items) column += " " + quote({"s:", g.at(f.disclose).key}) + ";";
    if (!column.empty()) out += "  { rank=same;" + column + " }\n";
    out += edges;
    out += "}\n";
    return out;
}

} // namespace candour::detail
