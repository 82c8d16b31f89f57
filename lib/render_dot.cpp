// Graphviz DOT output of the justification graph: statements as boxes coloured by label,
// arguments as small nodes, premises solid, exceptions dashed, pro green and con red.

#include "render_parts.hpp"

#include <string>

namespace candour::detail {
namespace {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') { out += "\\n"; continue; }
        out += c;
    }
    return out + "\"";
}

// Wraps long statement texts so boxes stay readable.
std::string wrap(std::string_view s, std::size_t width = 48) {
    std::string out;
    std::size_t line = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        const auto word = s.substr(i, j - i);
        if (line > 0 && line + 1 + word.size() > width) { out += '\n'; line = 0; }
        else if (line > 0) { out += ' '; ++line; }
        out += word;
        line += word.size();
        i = j + 1;
    }
    return out;
}

const char* fill(label l) {
    switch (l) {
    case label::accepted: return "#d9f2d9";
    case label::rejected: return "#f8d7d7";
    case label::undecided: return "#fff3c4";
    }
    return "#ffffff";
}

} // namespace

std::string render_dot(const decision& d) {
    const auto& g = d.graph;
    std::string out;
    out += "digraph justification {\n";
    out += "  graph [rankdir=BT, fontname=\"Helvetica\", label=" + quote("Justification: " + d.source->title) +
           ", labelloc=t, nodesep=0.3, ranksep=0.5];\n";
    out += "  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n";
    out += "  subgraph cluster_legend {\n    label=\"Legend\"; fontsize=10; color=\"#999999\";\n"
           "    legend_accepted [shape=box, style=\"rounded,filled\", fillcolor=\"#d9f2d9\", label=\"accepted statement\"];\n"
           "    legend_rejected [shape=box, style=\"rounded,filled\", fillcolor=\"#f8d7d7\", label=\"rejected statement\"];\n"
           "    legend_undecided [shape=box, style=\"rounded,filled\", fillcolor=\"#fff3c4\", label=\"undecided statement\"];\n"
           "    legend_fact [shape=box, style=\"filled\", fillcolor=\"#eeeeee\", label=\"fact of the case\"];\n"
           "    legend_argument [shape=ellipse, label=\"argument (weight)\"];\n"
           "    legend_accepted -> legend_rejected [style=invis];\n"
           "    legend_rejected -> legend_undecided [style=invis];\n"
           "    legend_undecided -> legend_fact [style=invis];\n"
           "    legend_fact -> legend_argument [style=invis];\n  }\n";
    for (statement_id i = 0; i < g.statements().size(); ++i) {
        const auto& s = g.at(i);
        const auto l = g.label_of(i);
        out += "  " + quote("s:" + s.key) + " [shape=box, style=" + (s.fact ? "\"filled\"" : "\"rounded,filled\"") +
               ", fillcolor=\"" + (s.fact ? std::string(l == label::accepted ? "#eeeeee" : "#f4eeee") : fill(l)) +
               "\", label=" + quote(wrap(s.text) + "\n[" + to_string(l) + "]") + "];\n";
    }
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        const auto st = g.status_of(i);
        const bool counts = st == argument_status::applicable;
        const char* colour = a.dir == direction::pro ? "#2e7d32" : "#c62828";
        char weight[32];
        std::snprintf(weight, sizeof weight, "%.2f", a.weight);
        out += "  " + quote("a:" + a.key) + " [shape=ellipse, color=\"" + colour + "\", style=" +
               (counts ? "\"solid\"" : "\"dashed\"") + ", label=" +
               quote(std::string(a.dir == direction::pro ? "for" : "against") + " (" + weight + ")\n" + a.source.label +
                     (counts ? std::string() : std::string("\n") + to_string(st))) +
               "];\n";
        for (auto p : a.premises) out += "  " + quote("s:" + g.at(p).key) + " -> " + quote("a:" + a.key) + ";\n";
        for (auto e : a.exceptions)
            out += "  " + quote("s:" + g.at(e).key) + " -> " + quote("a:" + a.key) +
                   " [style=dashed, color=\"#c62828\", arrowhead=tee, label=\"unless\"];\n";
        out += "  " + quote("a:" + a.key) + " -> " + quote("s:" + g.at(a.conclusion).key) + " [color=\"" + colour + "\"];\n";
    }
    out += "}\n";
    return out;
}

} // namespace candour::detail
