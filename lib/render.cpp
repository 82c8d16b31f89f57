// Output dispatch and the leak guard for requester-facing outputs.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>
#include <candour/render.hpp>

#include <ostream>

namespace candour {
namespace {

struct format_name {
    output_format format;
    const char* name;
};

constexpr format_name format_names[] = {
    {output_format::record, "record"}, {output_format::notice, "notice"}, {output_format::notice_text, "notice-text"},
    {output_format::json, "json"},     {output_format::dot, "dot"},       {output_format::svg, "svg"},
    {output_format::html, "html"},     {output_format::graphml, "graphml"},
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v'; }

bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// Lower-cased, with every run of white space as one space: what the leak guard compares.
std::string normalise(std::string_view s, bool drop_escapes) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (drop_escapes && c == '\\' && i + 1 < s.size() && is_ascii_punctuation(s[i + 1])) c = s[++i];
        if (is_space(c)) {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

} // namespace

std::optional<output_format> parse_output_format(std::string_view name) noexcept {
    for (const auto& f : format_names)
        if (name == f.name) return f.format;
    return std::nullopt;
}

const char* to_string(output_format f) noexcept {
    for (const auto& x : format_names)
        if (x.format == f) return x.name;
    return "record";
}

std::vector<output_format> all_output_formats() {
    std::vector<output_format> out;
    for (const auto& f : format_names) out.push_back(f.format);
    return out;
}

bool is_requester_facing(output_format f) noexcept { return f == output_format::notice || f == output_format::notice_text; }

std::vector<std::string> find_withheld_content(const decision& d, std::string_view text) {
    std::vector<std::string> found;
    // The text as written, and as read once Markdown escapes are resolved ("a\_b" shows "a_b").
    // Without a backslash the two readings are the same, and one search does.
    const bool escapes = text.find('\\') != std::string_view::npos;
    const std::string raw = normalise(text, false), unescaped = escapes ? normalise(text, true) : std::string();
    for (const auto& it : d.source->items) {
        for (const auto& w : it.withheld_content) {
            const std::string needle = normalise(w, false);
            if (needle.empty()) continue;
            if (raw.find(needle) != std::string::npos || (escapes && unescaped.find(needle) != std::string::npos))
                found.push_back(w);
        }
    }
    return found;
}

std::string render(const decision& d, output_format f) { return render(d, f, render_options{}); }

void render(const decision& d, output_format f, std::ostream& out, const render_options& options) {
    if (f == output_format::json) {
        detail::render_json(d, out); // reviewer-facing: no leak check, so it can stream
        return;
    }
    const std::string text = render(d, f, options);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

std::string render(const decision& d, output_format f, const render_options& options) {
    std::string out;
    switch (f) {
    case output_format::record: out = detail::render_record(d); break;
    case output_format::notice: out = detail::render_notice(d, options); break;
    case output_format::notice_text: out = detail::render_notice_text(d, options); break;
    case output_format::json: out = detail::render_json(d); break;
    case output_format::dot: out = detail::render_dot(d); break;
    case output_format::svg: out = detail::render_svg(d); break;
    case output_format::html: out = detail::render_html(d); break;
    case output_format::graphml: out = detail::render_graphml(d); break;
    }
    // Security property: a requester-facing output never carries withheld content, whatever
    // field it came through (an item description, the authority's reasoning quoted back).
    if (is_requester_facing(f)) {
        const auto leaked = find_withheld_content(d, out);
        if (!leaked.empty())
            throw render_error("R501", std::string("refusing to render the ") + to_string(f) + ": " +
                                           std::to_string(leaked.size()) +
                                           " withheld string(s) appear in requester-facing text (for example in an item "
                                           "description or the authority's reasoning); remove them from those fields");
    }
    return out;
}

} // namespace candour
