// Output dispatch and the leak guard for requester-facing outputs.

#include "byte_scan.hpp"
#include "render_parts.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>
#include <candour/render.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <functional>
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

bool is_ascii_punctuation(char c) {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

// Each byte as the leak guard compares it: white space (' ', \n, \r, \t, \f, \v) as a space,
// ASCII capitals lower-cased, any other byte as it is.
constexpr std::array<char, 256> compared_as = [] {
    std::array<char, 256> t{};
    for (std::size_t c = 0; c < 256; ++c) t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    for (char c : {'\n', '\r', '\t', '\f', '\v'}) t[static_cast<unsigned char>(c)] = ' ';
    return t;
}();

// Eight bytes that normalise to themselves lower-cased, wherever they stand: no control
// character or white space other than a space, no two spaces together, no backslash.
bool plain_word(std::uint64_t w) {
    using namespace detail::bytes;
    const std::uint64_t spaces = equal_mask(w, ' ');
    return (some_below(w, 0x20) | some_equal(w, '\\') | (spaces & (spaces << 8))) == 0;
}

// The eight bytes of `w` with ASCII capitals lower-cased.
std::uint64_t lower_ascii(std::uint64_t w) {
    using namespace detail::bytes;
    const std::uint64_t low7 = w & ~high; // each byte's seven low bits: adding below never carries out
    const std::uint64_t at_least_A = low7 + ones * (0x80 - 'A'), above_Z = low7 + ones * (0x80 - 'Z' - 1);
    const std::uint64_t capitals = at_least_A & ~above_Z & ~w & high; // 0x80 in each byte from 'A' to 'Z'
    return w | (capitals >> 2);                                       // 0x80 >> 2 is the case bit, 0x20
}

// Lower-cased, with every run of white space as one space and none at either end: what the
// leak guard compares. With `drop_escapes`, a backslash before ASCII punctuation is dropped, as
// Markdown reads it. A notice is normalised on every render, so runs of eight plain bytes are
// lower-cased and copied at once; otherwise each byte is written and the write kept unless it is
// a second space.
void normalise(std::string_view s, bool drop_escapes, std::string& out) {
    out.resize(s.size());
    char* const begin = out.data();
    char* to = begin;
    bool after_space = true; // at the start, as after a space: leading white space is dropped
    for (std::size_t i = 0; i < s.size(); ++i) {
        while (i + 8 <= s.size() && !(after_space && s[i] == ' ')) {
            const auto w = detail::bytes::load8(s.data() + i);
            if (!plain_word(w)) break;
            const auto lowered = lower_ascii(w);
            std::memcpy(to, &lowered, sizeof lowered);
            to += 8;
            after_space = s[i + 7] == ' ';
            i += 8;
        }
        if (i >= s.size()) break;
        if (s[i] == '\\' && drop_escapes && i + 1 < s.size() && is_ascii_punctuation(s[i + 1])) {
            *to++ = s[++i]; // punctuation: neither white space nor a capital
            after_space = false;
            continue;
        }
        const char c = compared_as[static_cast<unsigned char>(s[i])];
        const bool space = c == ' ';
        *to = c;
        to += !(space && after_space);
        after_space = space;
    }
    if (to != begin && to[-1] == ' ') --to;
    out.resize(static_cast<std::size_t>(to - begin));
}

// Whether `needle` occurs in `text`. Boyer-Moore-Horspool skips most of the text: withheld
// strings are rarely short, and a plain find stops at every occurrence of their first letter.
bool contains(std::string_view text, std::string_view needle) {
    return std::search(text.begin(), text.end(), std::boyer_moore_horspool_searcher(needle.begin(), needle.end())) !=
           text.end();
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
    // The text is read twice over: as written, and as shown once Markdown escapes are resolved
    // ("a\_b" shows "a_b"); a withheld string found in either is reported. The reading as shown
    // is the reading as written with some backslashes taken out (each one before punctuation, so
    // no white space moves), so a withheld string with no backslash that occurs as written also
    // occurs as shown. Only a withheld string with a backslash in it needs the reading as
    // written; it is made for the first such string, so most notices are normalised once.
    std::string shown, written, needle;
    normalise(text, true, shown);
    const bool escapes = text.find('\\') != std::string_view::npos;
    bool have_written = false;
    for (const auto& it : d.source->items) {
        for (const auto& w : it.withheld_content) {
            normalise(w, false, needle);
            if (needle.empty()) continue;
            bool leaked = contains(shown, needle);
            if (!leaked && escapes && needle.find('\\') != std::string::npos) {
                if (!have_written) normalise(text, false, written);
                have_written = true;
                leaked = contains(written, needle);
            }
            if (leaked) found.push_back(w);
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
