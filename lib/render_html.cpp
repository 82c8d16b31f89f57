// HTML output: one self-contained page for reviewers. It holds the decision record (its Markdown
// converted here, every character of text escaped), a collapsible section for every item and
// every claim, the diagram inlined as SVG (or a note saying why it could not be drawn) and a
// print stylesheet so that the page prints to PDF with every section open. It loads nothing:
// no scripts, styles, fonts or images from elsewhere.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>
#include <candour/version.hpp>

#include <string>
#include <vector>

namespace candour::detail {

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        default: out += c;
        }
    }
    return out;
}

namespace {

bool is_punct(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

bool safe_url(std::string_view url) {
    for (std::string_view scheme : {"https://", "http://", "mailto:"})
        if (url.substr(0, scheme.size()) == scheme)
            return url.find_first_of(" \n\t\"<>") == std::string_view::npos;
    return false;
}

// Inline Markdown: escapes, `code`, **strong**, *emphasis*, [text](url) and <url>.
std::string inline_html(std::string_view s) {
    std::string out;
    std::vector<std::string> open; // tags to close, innermost last
    auto toggle = [&](const std::string& tag) {
        if (!open.empty() && open.back() == tag) {
            out += "</" + tag + ">";
            open.pop_back();
        } else {
            out += "<" + tag + ">";
            open.push_back(tag);
        }
    };
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size() && is_punct(s[i + 1])) {
            out += html_escape(s.substr(i + 1, 1));
            i += 2;
        } else if (c == '`') {
            const auto end = s.find('`', i + 1);
            if (end == std::string_view::npos) {
                out += "`";
                ++i;
                continue;
            }
            out += "<code>" + html_escape(s.substr(i + 1, end - i - 1)) + "</code>";
            i = end + 1;
        } else if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
            toggle("strong");
            i += 2;
        } else if (c == '*') {
            toggle("em");
            ++i;
        } else if (c == '[') {
            // The label runs to the matching unescaped ']', then "(url)" with balanced parentheses.
            std::size_t j = i + 1;
            int depth = 1;
            while (j < s.size() && depth > 0) {
                if (s[j] == '\\' && j + 1 < s.size()) j += 2;
                else {
                    if (s[j] == '[') ++depth;
                    if (s[j] == ']') --depth;
                    if (depth > 0) ++j;
                }
            }
            if (j >= s.size() || j + 1 >= s.size() || s[j + 1] != '(') {
                out += "[";
                ++i;
                continue;
            }
            std::size_t k = j + 2;
            int parens = 1;
            while (k < s.size()) {
                if (s[k] == '(') ++parens;
                if (s[k] == ')' && --parens == 0) break;
                ++k;
            }
            if (k >= s.size()) {
                out += "[";
                ++i;
                continue;
            }
            const auto label = inline_html(s.substr(i + 1, j - i - 1));
            const auto url = s.substr(j + 2, k - j - 2);
            if (safe_url(url)) out += "<a href=\"" + html_escape(url) + "\">" + label + "</a>";
            else out += label;
            i = k + 1;
        } else if (c == '<' && (s.substr(i + 1, 8) == "https://" || s.substr(i + 1, 7) == "http://")) {
            const auto end = s.find('>', i);
            const auto url = end == std::string_view::npos ? std::string_view() : s.substr(i + 1, end - i - 1);
            if (!url.empty() && safe_url(url)) {
                out += "<a href=\"" + html_escape(url) + "\">" + html_escape(url) + "</a>";
                i = end + 1;
            } else {
                out += "&lt;";
                ++i;
            }
        } else {
            out += html_escape(s.substr(i, 1));
            ++i;
        }
    }
    while (!open.empty()) {
        out += "</" + open.back() + ">";
        open.pop_back();
    }
    return out;
}

// Splits a table row on unescaped '|', trimming each cell; "\|" stays in the cell as "\|" for
// inline_html to unescape.
std::vector<std::string> cells(std::string_view row) {
    std::vector<std::string> out;
    std::string cell;
    std::size_t i = 0;
    while (i < row.size() && row[i] == ' ') ++i;
    if (i < row.size() && row[i] == '|') ++i;
    for (; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size()) {
            cell += row.substr(i, 2);
            ++i;
        } else if (row[i] == '|') {
            out.push_back(cell);
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    auto trim = [](std::string s) {
        while (!s.empty() && s.back() == ' ') s.pop_back();
        std::size_t b = 0;
        while (b < s.size() && s[b] == ' ') ++b;
        return s.substr(b);
    };
    if (!cell.empty() && cell.find_first_not_of(' ') != std::string::npos) out.push_back(cell);
    for (auto& c : out) c = trim(c);
    return out;
}

std::string plain_words(std::string_view markdown_cell) {
    std::string out;
    for (std::size_t i = 0; i < markdown_cell.size(); ++i) {
        if (markdown_cell[i] == '\\' && i + 1 < markdown_cell.size()) out += markdown_cell[++i];
        else if (markdown_cell[i] != '*' && markdown_cell[i] != '`') out += markdown_cell[i];
    }
    return out;
}

std::string css_class(std::string_view words) {
    std::string out;
    for (char c : words) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
}

} // namespace

std::string markdown_to_html(std::string_view md, int heading_offset) {
    std::vector<std::string> lines;
    for (std::size_t start = 0; start < md.size();) {
        auto end = md.find('\n', start);
        if (end == std::string_view::npos) end = md.size();
        lines.emplace_back(md.substr(start, end - start));
        start = end + 1;
    }
    std::string out;
    std::vector<std::string> para;
    int list_depth = 0; // open <ul> levels
    auto close_para = [&] {
        if (para.empty()) return;
        std::string text;
        for (std::size_t i = 0; i < para.size(); ++i) {
            std::string l = para[i];
            const bool hard = l.size() >= 2 && l.compare(l.size() - 2, 2, "  ") == 0;
            while (!l.empty() && l.back() == ' ') l.pop_back();
            text += inline_html(l);
            if (i + 1 < para.size()) text += hard ? "<br>\n" : "\n";
        }
        out += "<p>" + text + "</p>\n";
        para.clear();
    };
    auto close_lists = [&](int to) {
        while (list_depth > to) {
            out += "</li>\n</ul>\n";
            --list_depth;
        }
    };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& l = lines[i];
        std::size_t indent = 0;
        while (indent < l.size() && l[indent] == ' ') ++indent;
        const std::string_view rest = std::string_view(l).substr(indent);
        if (rest.empty()) {
            close_para();
            close_lists(0);
            continue;
        }
        if (rest.substr(0, 2) == "- ") {
            close_para();
            const int depth = static_cast<int>(indent / 2) + 1;
            if (depth > list_depth) {
                while (list_depth < depth) {
                    out += list_depth == 0 ? "<ul>\n" : "\n<ul>\n";
                    ++list_depth;
                }
            } else {
                close_lists(depth);
                out += "</li>\n";
            }
            out += "<li>" + inline_html(rest.substr(2));
            continue;
        }
        close_lists(0);
        if (indent == 0 && rest[0] == '#') {
            std::size_t level = 0;
            while (level < rest.size() && rest[level] == '#') ++level;
            if (level <= 6 && level < rest.size() && rest[level] == ' ') {
                close_para();
                const auto h = std::to_string(std::min<int>(6, static_cast<int>(level) + heading_offset));
                out += "<h" + h + ">" + inline_html(rest.substr(level + 1)) + "</h" + h + ">\n";
                continue;
            }
        }
        if (indent == 0 && rest[0] == '|' && i + 1 < lines.size() && lines[i + 1].rfind("|---", 0) == 0) {
            close_para();
            const auto head = cells(rest);
            bool any_head = false;
            for (const auto& c : head) any_head = any_head || !c.empty();
            int outcome_column = -1;
            for (std::size_t k = 0; k < head.size(); ++k)
                if (head[k] == "Outcome") outcome_column = static_cast<int>(k);
            out += "<table>\n";
            if (any_head) {
                out += "<thead><tr>";
                for (const auto& c : head) out += "<th>" + inline_html(c) + "</th>";
                out += "</tr></thead>\n";
            }
            out += "<tbody>\n";
            i += 2;
            for (; i < lines.size() && !lines[i].empty() && lines[i][0] == '|'; ++i) {
                const auto row = cells(lines[i]);
                out += "<tr>";
                for (std::size_t k = 0; k < row.size(); ++k) {
                    if (!any_head && k == 0) {
                        out += "<th scope=\"row\">" + inline_html(row[k]) + "</th>";
                        continue;
                    }
                    if (static_cast<int>(k) == outcome_column && !row[k].empty())
                        out += "<td class=\"outcome outcome-" + css_class(plain_words(row[k])) + "\">" + inline_html(row[k]) + "</td>";
                    else out += "<td>" + inline_html(row[k]) + "</td>";
                }
                out += "</tr>\n";
            }
            --i;
            out += "</tbody>\n</table>\n";
            continue;
        }
        if (indent == 0 && (rest == ">" || rest.substr(0, 2) == "> ")) {
            close_para();
            std::string quote;
            for (; i < lines.size() && (lines[i] == ">" || lines[i].rfind("> ", 0) == 0); ++i)
                quote += (quote.empty() ? "" : "\n") + inline_html(lines[i].size() > 2 ? std::string_view(lines[i]).substr(2) : "");
            --i;
            out += "<blockquote><p>" + quote + "</p></blockquote>\n";
            continue;
        }
        para.push_back(l);
    }
    close_para();
    close_lists(0);
    return out;
}

namespace {

const char* stylesheet = R"css(
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5a5a5a; --rule: #d0d0d0; --accent: #1d4f91;
        --yes: #d9f2d9; --no: #f8d7d7; --open: #fff3c4; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header, main, footer, nav { max-width: 72rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 1.5rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.25rem; }
h3 { font-size: 1.08rem; margin: 1.5rem 0 0.5rem; }
a { color: var(--accent); }
code { font: 0.85em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: #f3f3f3; padding: 0 0.25em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: 0.75rem 0 1.25rem; font-size: 0.92rem; }
th, td { border: 1px solid var(--rule); padding: 0.35rem 0.55rem; text-align: left; vertical-align: top; }
thead th { background: #f2f4f7; }
tbody th { background: #fafafa; width: 14rem; font-weight: 600; }
td.outcome { font-weight: 600; white-space: nowrap; }
td.outcome-disclose { background: var(--yes); }
td.outcome-withhold { background: var(--no); }
td.outcome-undecided { background: var(--open); }
blockquote { margin: 0.75rem 0; padding: 0.25rem 1rem; border-left: 4px solid var(--rule); color: var(--muted); }
ul { padding-left: 1.4rem; }
li { margin: 0.2rem 0; }
nav.contents { margin-top: 0.5rem; }
nav.contents ol { columns: 2; padding-left: 1.4rem; margin: 0.25rem 0 0; }
nav.contents h2 { font-size: 1rem; border: 0; margin: 1rem 0 0; }
details { border: 1px solid var(--rule); border-radius: 6px; margin: 0.75rem 0; padding: 0 1rem; }
details[open] { padding-bottom: 0.5rem; }
summary { cursor: pointer; padding: 0.55rem 0; font-weight: 600; }
summary h2 { display: inline; border: 0; font-size: 1.15rem; margin: 0; padding: 0; }
details.item summary { font-weight: 500; }
.badge { display: inline-block; padding: 0 0.45em; border-radius: 4px; font-size: 0.85em; font-weight: 600; margin-left: 0.35em; }
.badge-disclose { background: var(--yes); } .badge-withhold { background: var(--no); } .badge-undecided { background: var(--open); }
.badge-not-held, .badge-neither-confirm-nor-deny { background: #e6e6e6; }
.diagram { overflow: auto; max-height: 85vh; border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem; background: #fff; }
.diagram svg { display: block; }
.note { background: var(--open); border: 1px solid #e5d38a; border-radius: 6px; padding: 0.6rem 0.9rem; }
footer { color: var(--muted); font-size: 0.85rem; margin: 2.5rem auto 2rem; border-top: 1px solid var(--rule); padding-top: 0.75rem; }
@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; line-height: 1.4; }
  header, main, footer { max-width: none; padding: 0; }
  nav.contents { display: none; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  table, blockquote, li { break-inside: avoid; }
  details { border: 0; padding: 0; }
  details::details-content { content-visibility: visible; display: block; }
  summary { list-style: none; }
  summary::-webkit-details-marker { display: none; }
  .diagram { overflow: visible; max-height: none; border: 0; padding: 0; }
  .diagram svg { width: 100%; height: auto; }
  #diagram { break-before: page; }
  td.outcome-disclose, td.outcome-withhold, td.outcome-undecided, .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
)css";

// Open every section for printing, and close again those the reader had closed.
const char* print_script = R"js(
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details:not([open])").forEach(function (d) { d.setAttribute("data-print", ""); d.open = true; });
});
window.addEventListener("afterprint", function () {
  document.querySelectorAll("details[data-print]").forEach(function (d) { d.removeAttribute("data-print"); d.open = false; });
});
)js";

// The <svg> element of Graphviz's output, without the XML declaration, DOCTYPE and comments
// before it (the DOCTYPE names an external DTD, which a page must not refer to).
std::string inline_svg(const std::string& svg) {
    const auto start = svg.find("<svg");
    const auto end = svg.rfind("</svg>");
    if (start == std::string::npos || end == std::string::npos) return {};
    return svg.substr(start, end + 6 - start);
}

std::string strip_first_line(const std::string& md) {
    const auto nl = md.find('\n');
    return nl == std::string::npos ? std::string() : md.substr(nl + 1);
}

} // namespace

std::string render_html(const decision& d) {
    const auto sections = record_sections(d);
    const auto& c = *d.source;
    std::string title = "Decision record: " + (c.title.empty() ? c.id : c.title);
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"candour " + std::string(version_string) + "\">\n"
           "<title>" + html_escape(title) + "</title>\n<style>" + stylesheet + "</style>\n</head>\n<body>\n";

    // The diagram first, so that the contents can say whether it is there.
    std::string diagram;
    try {
        diagram = "<div class=\"diagram\" role=\"img\" aria-label=\"The justification graph\">\n" + inline_svg(render_svg(d)) +
                  "\n</div>\n";
    } catch (const render_error& e) {
        diagram = "<p class=\"note\">The diagram could not be drawn: " + html_escape(e.what()) +
                  ". Every statement of the graph is listed in the appendix, and <code>candour evaluate --format dot</code> "
                  "gives the graph for Graphviz.</p>\n";
    }

    std::vector<std::pair<std::string, std::string>> contents;
    for (const auto& s : sections) {
        if (s.type == record_section::kind::header) continue;
        if (s.type == record_section::kind::appendix) contents.push_back({"diagram", "Diagram of the justification"});
        contents.push_back({s.anchor, s.title});
    }

    out += "<header id=\"summary\">\n";
    for (const auto& s : sections)
        if (s.type == record_section::kind::header) out += markdown_to_html(s.markdown);
    out += "</header>\n<nav class=\"contents\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n";
    for (const auto& [anchor, text] : contents)
        out += "<li><a href=\"#" + html_escape(anchor) + "\">" + html_escape(text) + "</a></li>\n";
    out += "</ol>\n</nav>\n<main>\n";

    for (const auto& s : sections) {
        switch (s.type) {
        case record_section::kind::header: break;
        case record_section::kind::items: {
            out += "<section id=\"" + html_escape(s.anchor) + "\">\n" + markdown_to_html(s.markdown);
            out += "<h3>Reasoning by item</h3>\n";
            for (const auto& f : d.items) {
                const item* it = &d.item_of(f);
                const std::string outcome = to_string(f.outcome);
                out += "<details class=\"item\" id=\"item-" + html_escape(css_class(f.item_id)) + "\">\n<summary>" +
                       html_escape(f.item_id) + ": " + html_escape(it ? it->description : std::string()) +
                       " <span class=\"badge badge-" + css_class(outcome) + "\">" + html_escape(outcome) +
                       (f.provisions.empty() ? std::string() : " under " + html_escape(text::join_and(f.provisions))) +
                       "</span></summary>\n" + markdown_to_html(record_item_reasoning(d, f)) + "</details>\n";
            }
            out += "</section>\n";
            break;
        }
        case record_section::kind::claim:
            out += "<details class=\"claim\" id=\"" + html_escape(s.anchor) + "\" open>\n<summary><h2>" + html_escape(s.title) +
                   "</h2></summary>\n" + markdown_to_html(strip_first_line(s.markdown)) + "</details>\n";
            break;
        case record_section::kind::appendix:
            out += "<section id=\"diagram\">\n<h2>Diagram of the justification</h2>\n<p>Premises on the left, what they "
                   "support on the right. Green boxes are accepted statements, red rejected, yellow undecided, grey "
                   "facts of the case; dashed arguments do not count. Hover over a box for its full text.</p>\n" +
                   diagram + "</section>\n";
            out += "<details id=\"" + html_escape(s.anchor) + "\">\n<summary><h2>" + html_escape(s.title) + "</h2></summary>\n" +
                   markdown_to_html(strip_first_line(s.markdown)) + "</details>\n";
            break;
        default: out += "<section id=\"" + html_escape(s.anchor) + "\">\n" + markdown_to_html(s.markdown) + "</section>\n";
        }
    }
    out += "</main>\n<footer>\n<p>Decision record of case <code>" + html_escape(c.id) + "</code>, produced by candour " +
           html_escape(version_string) +
           ". For the reviewer: it shows the reasoning, weights and flags and is not a notice to the requester.</p>\n"
           "</footer>\n<script>" + print_script + "</script>\n</body>\n</html>\n";
    return out;
}

} // namespace candour::detail
