// Graphviz DOT output of the justification graph, drawn left to right: premises on the left,
// what they support on the right. Statements are boxes coloured by label (facts square, derived
// statements rounded), arguments are small ellipses (green for, red against; dashed when they
// do not count), premises are solid edges and exceptions dashed "unless" edges. Each claim, the
// items and the facts about the authority's notice are boxed as groups, and the items'
// conclusions line up in one column. Every node carries its full text as a tooltip (shown on
// hover in the SVG and HTML outputs), so the labels can stay short.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <cstdio>
#include <map>
#include <string>

namespace candour::detail {
namespace {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        if (c == '\r') continue;
        out += c;
    }
    return out + "\"";
}

// Wraps long texts so boxes stay readable.
std::string wrap(std::string_view s, std::size_t width = 44) {
    std::string out;
    std::size_t line = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = s.find(' ', i);
        if (j == std::string_view::npos) j = s.size();
        const auto word = s.substr(i, j - i);
        if (line > 0 && line + 1 + word.size() > width) {
            out += '\n';
            line = 0;
        } else if (line > 0) {
            out += ' ';
            ++line;
        }
        out += word;
        line += word.size();
        i = j + 1;
    }
    return out;
}

// At most `limit` bytes, cut at a word and marked with an ellipsis; never splits a UTF-8 sequence.
std::string shorten(std::string s, std::size_t limit = 34) {
    if (s.size() <= limit) return s;
    std::size_t cut = s.rfind(' ', limit);
    if (cut == std::string::npos || cut < limit / 2) {
        cut = limit;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    }
    s.resize(cut);
    while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';')) s.pop_back();
    return s + "\xE2\x80\xA6";
}

// "Freedom of Information Act 2000, section 31(1)(a)" -> "FOIA s.31(1)(a)".
std::string short_source(const regime& reg, const std::string& label) {
    for (const auto& [long_form, short_form] : {std::pair<std::string, std::string>{", section ", " s."},
                                                std::pair<std::string, std::string>{", regulation ", " reg."}}) {
        const std::string prefix = reg.title + long_form;
        if (label.rfind(prefix, 0) == 0) return reg.short_title + short_form + label.substr(prefix.size());
    }
    return shorten(label);
}

const char* fill(label l) {
    switch (l) {
    case label::accepted: return "#d9f2d9";
    case label::rejected: return "#f8d7d7";
    case label::undecided: return "#fff3c4";
    }
    return "#ffffff";
}

std::string prefix_of(const std::string& key) { return key.substr(0, key.find('/')); }

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

    // Groups: the statements of each claim (keyed "c1/..." or "c1#2/..."), the exemptions weighed
    // together ("agg/..."), the items, the facts about the authority's notice, and anything else
    // by its key's first part.
    std::map<std::string, std::string> group_title;
    for (const auto& f : d.claims) {
        const auto& p = d.rules.get_provision(reg.id, f.provision_id);
        group_title[prefix_of(g.at(f.applicable).key)] =
            "Claim " + f.claim_id + ": " + p.id + ", " + (f.items.size() == 1 ? "item " : "items ") + text::join_and(f.items);
    }
    group_title["agg"] = "Exemptions weighed together";
    group_title["item"] = "Items";
    group_title["notice"] = "Facts about the authority's notice";
    std::vector<std::string> order;      // groups in order of first appearance
    std::map<std::string, std::string> body;
    auto group = [&](const std::string& prefix) -> std::string& {
        if (!body.count(prefix)) order.push_back(prefix);
        return body[prefix];
    };

    for (statement_id i = 0; i < g.statements().size(); ++i) {
        const auto& s = g.at(i);
        const auto l = g.label_of(i);
        group(prefix_of(s.key)) +=
            "    " + quote("s:" + s.key) + " [shape=box, style=" + (s.fact ? "\"filled\"" : "\"rounded,filled\"") +
            ", fillcolor=\"" + (s.fact ? std::string(l == label::accepted ? "#eeeeee" : "#f4eeee") : fill(l)) +
            "\", label=" + quote(wrap(s.text) + "\n[" + to_string(l) + (s.fact ? ", fact" : "") + "]") +
            ", tooltip=" + quote(s.key + ": " + s.text) + "];\n";
    }
    std::string edges;
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        const auto st = g.status_of(i);
        const bool counts = st == argument_status::applicable;
        const auto& conclusion = g.at(a.conclusion);
        const char* colour = a.dir == direction::pro ? "#2e7d32" : "#c62828";
        // The weight matters only where arguments meet on both sides of a statement.
        std::string head = a.dir == direction::pro ? "for" : "against";
        if (!conclusion.pro.empty() && !conclusion.con.empty()) {
            char weight[32];
            std::snprintf(weight, sizeof weight, " %.2f", a.weight);
            head += weight;
        }
        group(prefix_of(conclusion.key)) +=
            "    " + quote("a:" + a.key) + " [shape=ellipse, color=\"" + colour + "\", style=" +
            (counts ? "\"solid\"" : "\"dashed\"") + ", label=" +
            quote(head + "\n" + short_source(reg, a.source.label) + (counts ? std::string() : std::string("\n") + to_string(st))) +
            ", tooltip=" + quote(a.text + " (source: " + a.source.label + ")") + "];\n";
        for (auto p : a.premises) edges += "  " + quote("s:" + g.at(p).key) + " -> " + quote("a:" + a.key) + ";\n";
        for (auto e : a.exceptions)
            edges += "  " + quote("s:" + g.at(e).key) + " -> " + quote("a:" + a.key) +
                     " [style=dashed, color=\"#c62828\", arrowhead=tee, label=\"unless\"];\n";
        edges += "  " + quote("a:" + a.key) + " -> " + quote("s:" + conclusion.key) + " [color=\"" + colour + "\"];\n";
    }
    for (std::size_t n = 0; n < order.size(); ++n) {
        const auto& prefix = order[n];
        const auto title = group_title.count(prefix) ? group_title[prefix] : prefix;
        out += "  subgraph cluster_" + std::to_string(n) + " {\n    label=" + quote(title) +
               "; fontsize=11; style=rounded; color=\"#999999\";\n" + body[prefix] + "  }\n";
    }
    // The items' conclusions in one column, in case order.
    std::string column;
    for (const auto& f : d.items) column += " " + quote("s:" + g.at(f.disclose).key) + ";";
    if (!column.empty()) out += "  { rank=same;" + column + " }\n";
    out += edges;
    out += "}\n";
    return out;
}

} // namespace candour::detail
