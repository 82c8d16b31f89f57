#pragma once
// Invariants every evaluated decision must meet, shared by the case and evaluation targets.

#include "fuzz_common.hpp"

#include <candour/candour.hpp>

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace candour::fuzz {

/// What a reader of the notice sees: Markdown escapes dropped, line breaks and runs of spaces
/// folded to one space, ASCII lower-cased. A withheld string found in this form has reached the
/// requester even if the raw text holds it only escaped or split across lines.
inline std::string as_read(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\\' && i + 1 < text.size() && std::ispunct(static_cast<unsigned char>(text[i + 1]))) c = text[++i];
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
}

/// The first withheld string of the case readable in `text`, with where it was seen; empty if none.
inline std::string shows_withheld(const decision& d, std::string_view text) {
    const std::string seen = as_read(text);
    for (const auto& it : d.source->items)
        for (const auto& w : it.withheld_content) {
            const std::string needle = as_read(w);
            // A withheld string of blanks or one or two letters is no secret a text can avoid.
            if (needle.find_first_not_of(' ') == std::string::npos || needle.size() < 3) continue;
            if (const auto at = seen.find(needle); at != std::string::npos) {
                const auto from = at < 60 ? 0 : at - 60;
                return "withheld '" + w + "' of item " + it.id + " seen as: ..." + seen.substr(from, needle.size() + 120) + "...";
            }
        }
    return {};
}

/// Checks an evaluated decision. `injected` says the case put withheld text into a
/// requester-safe field on purpose, so the notice may be refused (R501); otherwise it must render.
/// `twice`: render every output a second time and compare (rendering is most of the cost, so the
/// targets ask for it on a share of their inputs, chosen by the input).
inline void check_decision(const decision& d, bool injected, bool twice = true) {
    const auto& c = *d.source;
    // Every item gets exactly one outcome, in case order.
    require(d.items.size() == c.items.size(), "one finding per item");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < d.items.size(); ++i) {
        require(d.items[i].item_id == c.items[i].id, "item findings in case order");
        require(seen.insert(d.items[i].item_id).second, "each item decided once");
    }
    // Every claim is decided: at least one finding (a claim's items may be split into groups
    // that share the facts that matter), and every finding belongs to a claim.
    for (const auto& cl : c.claims)
        require(std::any_of(d.claims.begin(), d.claims.end(), [&](const claim_finding& f) { return f.claim_id == cl.id; }),
                "every claim has a finding");
    for (const auto& f : d.claims)
        require(std::any_of(c.claims.begin(), c.claims.end(), [&](const claim& cl) { return cl.id == f.claim_id; }),
                "every finding belongs to a claim");

    // Every output renders, twice byte-identically; the requester-facing ones (the notice, in
    // Markdown and plain text) show no withheld string, or are refused with R501. svg and html
    // are left out: they run Graphviz's dot program (a process per render, far too slow here).
    static const bool raw_only = [] {
        // CANDOUR_FUZZ_LEAK_CHECK=raw checks only what render()'s own guard checks (the raw
        // text, ignoring case), to fuzz on past a known leak; the default is the strict check.
        const char* v = std::getenv("CANDOUR_FUZZ_LEAK_CHECK");
        return v && std::string_view(v) == "raw";
    }();
    for (const auto f : all_output_formats()) {
        if (f == output_format::svg || f == output_format::html) continue;
        std::string a;
        try {
            a = render(d, f);
        } catch (const render_error& e) {
            require(is_requester_facing(f), "only a requester-facing output is refused");
            require(e.code() == "R501", "the only render_error is R501");
            require(injected, "R501 only when withheld text was put in a requester-facing field");
            continue;
        }
        if (twice) require(render(d, f) == a, "rendering twice gives the same bytes");
        if (!is_requester_facing(f)) continue;
        if (raw_only) {
            require(find_withheld_content(d, a).empty(), "a requester-facing output holds no withheld string");
        } else if (const auto leak = shows_withheld(d, a); !leak.empty()) {
            std::fprintf(stderr, "%s: %s\n", to_string(f), leak.c_str());
            require(false, "a requester-facing output shows no withheld string (even escaped or split)");
        }
    }
}

} // namespace candour::fuzz
