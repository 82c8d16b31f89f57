// Private: small text helpers.

#include "text_util.hpp"
#include "byte_scan.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <system_error>

namespace candour::text {
namespace {
std::string join_with(const std::vector<std::string>& words, const char* last) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? last : ", ";
        out += words[i];
    }
    return out;
}
} // namespace

std::string join_and(const std::vector<std::string>& words) { return join_with(words, " and "); }
std::string join_or(const std::vector<std::string>& words) { return join_with(words, " or "); }

std::string capitalise(std::string s) {
    if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
    return s;
}

std::string number(double x, int decimals) {
    char buf[64];
    const double scale = std::pow(10.0, decimals);
    const double rounded = std::round(x * scale) / scale;
    // to_chars with a precision writes what printf's "%.*f" writes (as specified), without
    // printf's parsing and locale; a number too long for the buffer is cut as snprintf cut it.
    const double shown = rounded == 0 ? 0.0 : rounded;
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf - 1, shown, std::chars_format::fixed, decimals);
    if (ec == std::errc()) *end = '\0';
    else std::snprintf(buf, sizeof buf, "%.*f", decimals, shown);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string multiplier(double x) { return "\xC3\x97" + number(x); }

namespace {
// What markdown() escapes, and what markdown_cell() also changes, by byte.
enum : unsigned char { plain = 0, escaped = 1, cell_escaped = 2, cell_space = 3 };
constexpr std::array<unsigned char, 256> markdown_classes = [] {
    std::array<unsigned char, 256> t{};
    for (char c : {'*', '_', '`', '<', '>', '[', ']', '\\'}) t[static_cast<unsigned char>(c)] = escaped;
    t[static_cast<unsigned char>('|')] = cell_escaped;
    t[static_cast<unsigned char>('\n')] = cell_space;
    t[static_cast<unsigned char>('\r')] = cell_space;
    return t;
}();

// Whether some byte of `w` is one that markdown() (or, with `cell`, markdown_cell()) changes.
bool has_markdown_special(std::uint64_t w, bool cell) {
    using namespace detail::bytes;
    std::uint64_t found = some_equal(w, '*') | some_equal(w, '_') | some_equal(w, '`') | some_equal(w, '<') |
                          some_equal(w, '>') | some_equal(w, '[') | some_equal(w, ']') | some_equal(w, '\\');
    if (cell) found |= some_equal(w, '|') | some_equal(w, '\n') | some_equal(w, '\r');
    return found != 0;
}

// One pass, copying runs of plain bytes at once (most text has no character to escape), and
// passing over eight of them at a time.
void escape_markdown(std::string& out, std::string_view s, bool cell) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        while (i + 8 <= s.size() && !has_markdown_special(detail::bytes::load8(s.data() + i), cell)) i += 8;
        if (i >= s.size()) break;
        const unsigned char kind = markdown_classes[static_cast<unsigned char>(s[i])];
        if (kind == plain || (!cell && kind != escaped)) continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        if (kind == cell_space) {
            out += ' ';
        } else {
            out += '\\';
            out += s[i];
        }
    }
    out.append(s.data() + run, s.size() - run);
}

std::string escape_markdown(std::string_view s, bool cell) {
    std::string out;
    out.reserve(s.size() + 8);
    escape_markdown(out, s, cell);
    return out;
}
} // namespace

std::string markdown(std::string_view s) { return escape_markdown(s, false); }

void append_markdown(std::string& out, std::string_view s) { escape_markdown(out, s, false); }

// As markdown(), then '|' escaped and line breaks made spaces; markdown() never adds either.
std::string markdown_cell(std::string_view s) { return escape_markdown(s, true); }

void append_markdown_cell(std::string& out, std::string_view s) { escape_markdown(out, s, true); }

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace candour::text
