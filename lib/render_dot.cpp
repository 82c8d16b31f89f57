// Graphviz DOT output of the justification graph, drawn left to right: premises on the left,
// what they support on the right. Statements are boxes coloured by label (facts square, derived
// statements rounded), arguments are small ellipses (green for, red against; dashed when they
// do not count), premises are solid edges and exceptions dashed "unless" edges. Each claim, the
// items and the facts about the authority's notice are boxed as groups, and the items'
// conclusions line up in one column. Every node carries its full text as a tooltip (shown on
// hover in the SVG and HTML outputs), so the labels can stay short. The groups, colours and
// labels are shared with the GraphML output (render_diagram.cpp).

#include "byte_scan.hpp"
#include "render_parts.hpp"

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace candour::detail {
namespace {

// Whether some byte of `w` is one a DOT string literal escapes or drops.
bool needs_escape(std::uint64_t w) {
    using namespace bytes;
    return (some_equal(w, '"') | some_equal(w, '\\') | some_equal(w, '\n') | some_equal(w, '\r')) != 0;
}

// DOT string literals: runs of ordinary characters are copied at once, and passed over eight
// bytes at a time (callgrind: quoting was 55% of render_dot when done a character at a time).
// Appends the parts to `out` as one DOT string literal. Written in place: building each literal
// and each line as temporaries, then copying them into the output, was most of the cost.
void quoted(std::string& out, std::initializer_list<std::string_view> parts) {
    out += '"';
    for (auto s : parts) {
        std::size_t run = 0;
        for (std::size_t i = 0; i < s.size();) {
            if (i + 8 <= s.size() && !needs_escape(bytes::load8(s.data() + i))) {
                i += 8;
                continue;
            }
            const char c = s[i++];
            if (c != '"' && c != '\\' && c != '\n' && c != '\r') continue;
            out.append(s.data() + run, i - 1 - run);
            run = i;
            if (c == '\n') out += "\\n";
            else if (c != '\r') {
                out += '\\';
                out += c;
            }
        }
        out.append(s.data() + run, s.size() - run);
    }
    out += '"';
}

// Appends `  "from" -> "to"` (an edge line without its attributes and terminator).
void edge(std::string& out, std::initializer_list<std::string_view> from, std::initializer_list<std::string_view> to) {
    out += "  ";
    quoted(out, from);
    out += " -> ";
    quoted(out, to);
}

// Appends each part as it is.
void put(std::string& out, std::initializer_list<std::string_view> parts) {
    for (auto s : parts) out.append(s);
}

} // namespace

std::string render_dot(const decision& d) {
    const auto& g = d.graph;
    const auto& reg = d.governing_regime();
    std::string out;
    out += "digraph justification {\n";
    out += "  graph [rankdir=LR, newrank=true, fontname=\"Helvetica\", label=";
    quoted(out, {"Justification: ", d.source->title});
    out += ", labelloc=t, nodesep=0.25, ranksep=0.4];\n";
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
    std::string label; // each node's label, in one buffer reused
    out.reserve(out.size() + 384 * (g.statements().size() + g.arguments().size()));
    for (std::size_t n = 0; n < groups.size(); ++n) {
        put(out, {"  subgraph cluster_", std::to_string(n), " {\n    label="});
        quoted(out, {groups[n].title});
        out += "; fontsize=11; style=rounded; color=\"#999999\";\n";
        for (auto i : groups[n].statements) {
            const auto& s = g.at(i);
            out += "    ";
            quoted(out, {"s:", s.key});
            put(out, {" [shape=box, style=", s.fact ? "\"filled\"" : "\"rounded,filled\"", ", fillcolor=\"", diagram_fill(g, i),
                      "\", label="});
            label.clear();
            append_diagram_statement_label(label, g, i);
            quoted(out, {label});
            out += ", tooltip=";
            quoted(out, {s.key, ": ", s.text});
            out += "];\n";
        }
        for (auto i : groups[n].arguments) {
            const auto& a = g.argument_at(i);
            const bool counts = g.status_of(i) == argument_status::applicable;
            out += "    ";
            quoted(out, {"a:", a.key});
            put(out, {" [shape=ellipse, color=\"", diagram_colour(a.dir), "\", style=", counts ? "\"solid\"" : "\"dashed\"",
                      ", label="});
            label.clear();
            append_diagram_argument_label(label, reg, g, i);
            quoted(out, {label});
            out += ", tooltip=";
            quoted(out, {a.text, " (source: ", a.source->label, ")"});
            out += "];\n";
        }
        out += "  }\n";
    }
    // The items' conclusions in one column, in case order; then the edges.
    if (!d.items.empty()) {
        out += "  { rank=same;";
        for (const auto& f : d.items) {
            out += ' ';
            quoted(out, {"s:", g.at(f.disclose).key});
            out += ';';
        }
        out += " }\n";
    }
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        for (auto p : a.premises) {
            edge(out, {"s:", g.at(p).key}, {"a:", a.key});
            out += ";\n";
        }
        for (auto e : a.exceptions) {
            edge(out, {"s:", g.at(e).key}, {"a:", a.key});
            out += " [style=dashed, color=\"#c62828\", arrowhead=tee, label=\"unless\"];\n";
        }
        edge(out, {"a:", a.key}, {"s:", g.at(a.conclusion).key});
        put(out, {" [color=\"", diagram_colour(a.dir), "\"];\n"});
    }
    out += "}\n";
    return out;
}

} // namespace candour::detail
