// What the two diagram formats (dot, graphml) share, so that they always draw the same thing:
// how the justification graph's nodes are grouped and ordered, their colours and short labels.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <charconv>
#include <cstdio>
#include <map>
#include <string_view>
#include <system_error>
#include <utility>

namespace candour::detail {
namespace {

// Appends `s` wrapped at `width` characters, so boxes stay readable.
void append_wrapped(std::string& out, std::string_view s, std::size_t width = 44) {
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

// Appends "FOIA s.31(1)(a)" for "Freedom of Information Act 2000, section 31(1)(a)".
void append_short_source(std::string& out, const regime& reg, std::string_view label) {
    constexpr std::pair<std::string_view, std::string_view> forms[] = {{", section ", " s."}, {", regulation ", " reg."}};
    for (const auto& [long_form, short_form] : forms) {
        if (label.starts_with(reg.title) && label.substr(reg.title.size()).starts_with(long_form)) {
            out += reg.short_title;
            out += short_form;
            out += label.substr(reg.title.size() + long_form.size());
            return;
        }
    }
    out += shorten(std::string(label));
}

std::string prefix_of(std::string_view key) { return std::string(key.substr(0, key.find('/'))); }

} // namespace

std::vector<diagram_group> diagram_groups(const decision& d) {
    const auto& g = d.graph;
    const auto& reg = d.governing_regime();
    // Statements are grouped by their key's first part: each claim ("c1/..." or "c1#2/..."), the
    // exemptions weighed together ("agg/..."), the items, the facts about the authority's notice.
    std::map<std::string, std::string> title;
    for (const auto& f : d.claims) {
        const auto& p = d.rules.get_provision(reg.id, f.provision_id);
        title[prefix_of(g.at(f.applicable).key)] = "Claim " + f.claim_id + ": " + p.id + ", " +
                                                   (f.items.size() == 1 ? "item " : "items ") + text::join_and(f.items);
    }
    title["agg"] = "Exemptions weighed together";
    title["item"] = "Items";
    title["notice"] = "Facts about the authority's notice";
    std::vector<diagram_group> out;
    std::map<std::string, std::size_t> index; // prefix -> position in `out`, in order of first appearance
    auto group = [&](const std::string& prefix) -> diagram_group& {
        const auto [it, added] = index.try_emplace(prefix, out.size());
        if (added) out.push_back({title.count(prefix) ? title[prefix] : prefix, {}, {}});
        return out[it->second];
    };
    for (statement_id i = 0; i < g.statements().size(); ++i) group(prefix_of(g.at(i).key)).statements.push_back(i);
    // An argument is drawn with the statement it supports or opposes.
    for (argument_id i = 0; i < g.arguments().size(); ++i)
        group(prefix_of(g.at(g.argument_at(i).conclusion).key)).arguments.push_back(i);
    return out;
}

const char* diagram_fill(const argument_graph& g, statement_id id) {
    const auto l = g.label_of(id);
    if (g.at(id).fact) return l == label::accepted ? "#eeeeee" : "#f4eeee";
    switch (l) {
    case label::accepted: return "#d9f2d9";
    case label::rejected: return "#f8d7d7";
    case label::undecided: return "#fff3c4";
    }
    return "#ffffff";
}

const char* diagram_colour(direction dir) { return dir == direction::pro ? "#2e7d32" : "#c62828"; }

void append_diagram_statement_label(std::string& out, const argument_graph& g, statement_id id) {
    const auto& s = g.at(id);
    append_wrapped(out, s.text);
    out += "\n[";
    out += to_string(g.label_of(id));
    if (s.fact) out += ", fact";
    out += ']';
}

std::string diagram_statement_label(const argument_graph& g, statement_id id) {
    std::string out;
    append_diagram_statement_label(out, g, id);
    return out;
}

void append_diagram_argument_label(std::string& out, const regime& reg, const argument_graph& g, argument_id id) {
    const auto& a = g.argument_at(id);
    const auto& conclusion = g.at(a.conclusion);
    const auto st = g.status_of(id);
    out += a.dir == direction::pro ? "for" : "against";
    // The weight matters only where arguments meet on both sides of a statement: " 0.53", as
    // printf's "%.2f" writes it (to_chars with a precision is specified to write the same).
    if (!conclusion.pro.empty() && !conclusion.con.empty()) {
        char weight[32];
        const auto [end, ec] = std::to_chars(weight, weight + sizeof weight, a.weight, std::chars_format::fixed, 2);
        if (ec == std::errc()) {
            out += ' ';
            out.append(weight, end);
        } else { // too long for the buffer: cut as printf cuts it
            std::snprintf(weight, sizeof weight, " %.2f", a.weight);
            out += weight;
        }
    }
    out += '\n';
    append_short_source(out, reg, a.source->label);
    if (st != argument_status::applicable) {
        out += '\n';
        out += to_string(st);
    }
}

std::string diagram_argument_label(const regime& reg, const argument_graph& g, argument_id id) {
    std::string out;
    append_diagram_argument_label(out, reg, g, id);
    return out;
}

} // namespace candour::detail
