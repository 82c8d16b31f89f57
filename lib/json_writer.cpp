// The streaming JSON writer (json_writer.hpp).

#include "json_writer.hpp"
#include "byte_scan.hpp"

#include <candour/error.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ostream>
#include <system_error>

namespace candour::detail {
namespace {

constexpr std::size_t chunk = std::size_t{1} << 16; // passed to the sink in pieces of about this size

// What each byte needs inside a JSON string: 0 copy as it is, 1 a short escape, 2 \u00XX,
// 3 the lead byte of a multi-byte UTF-8 sequence (checked), 4 never valid in UTF-8.
constexpr std::array<unsigned char, 256> byte_kinds = [] {
    std::array<unsigned char, 256> t{};
    for (std::size_t c = 0; c < 0x20; ++c) t[c] = 2;
    for (char c : {'\b', '\t', '\n', '\f', '\r', '"', '\\'}) t[static_cast<unsigned char>(c)] = 1;
    for (std::size_t c = 0x80; c < 0x100; ++c) t[c] = 4; // continuation bytes, 0xC0, 0xC1, 0xF5..0xFF
    for (std::size_t c = 0xC2; c <= 0xF4; ++c) t[c] = 3;
    return t;
}();

// The length of the valid UTF-8 sequence starting at s[i] (lead byte already known to be
// 0xC2..0xF4), or 0 if it is not valid: overlong forms, surrogates and code points above
// U+10FFFF are rejected, as RFC 3629 requires.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char lead = at(i);
    const std::size_t n = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + n > s.size()) return 0;
    unsigned char lo = 0x80, hi = 0xBF; // the range of the second byte
    if (lead == 0xE0) lo = 0xA0;
    else if (lead == 0xED) hi = 0x9F;
    else if (lead == 0xF0) lo = 0x90;
    else if (lead == 0xF4) hi = 0x8F;
    if (at(i + 1) < lo || at(i + 1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((at(i + k) & 0xC0) != 0x80) return 0;
    return n;
}

// Whether some byte of `w` needs more than copying: a control character, '"', '\\' or a byte
// of a multi-byte UTF-8 sequence (to be checked).
bool needs_care(std::uint64_t w) {
    using namespace bytes;
    return (some_below(w, 0x20) | some_equal(w, '"') | some_equal(w, '\\') | some_high(w)) != 0;
}

// Bytes a key may hold to be written as it is: printable ASCII but '"' and '\\'.
constexpr std::array<bool, 256> key_bytes = [] {
    std::array<bool, 256> t{};
    for (std::size_t c = 0x20; c < 0x7F; ++c) t[c] = c != '"' && c != '\\';
    return t;
}();

bool plain_key(std::string_view k) {
    bool plain = true;
    for (char c : k) plain &= key_bytes[static_cast<unsigned char>(c)]; // no branch per byte
    return plain;
}

} // namespace

void append_json_string(std::string& out, std::string_view s) {
    out += '"';
    std::size_t run = 0; // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size() && !needs_care(bytes::load8(s.data() + i))) { // eight ordinary bytes
            i += 8;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const unsigned char kind = byte_kinds[c];
        if (kind == 0) {
            ++i;
            continue;
        }
        if (kind == 3) {
            const std::size_t n = utf8_sequence(s, i);
            if (n != 0) {
                i += n;
                continue;
            }
        }
        if (kind >= 3)
            throw render_error("R506", "text is not valid UTF-8 (byte " + std::to_string(i) + " of a " +
                                           std::to_string(s.size()) + "-byte string); JSON output needs UTF-8");
        out.append(s.data() + run, i - run);
        run = i + 1;
        ++i;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\f': out += "\\f"; break;
        case '\r': out += "\\r"; break;
        default: {
            static constexpr char hex[] = "0123456789abcdef";
            const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            out.append(u, sizeof u);
        }
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

void append_json_number(std::string& out, double x) {
    if (!std::isfinite(x)) {
        out += "null";
        return;
    }
    // Shortest round-trip digits, then laid out: plain decimals for exponents from -4 to 15
    // ("0.0001", "3.0", "1000000000000000.0"), scientific with a signed two-digit exponent
    // beyond ("1e-05", "1.5e+16").
    char sci[32];
    const auto [end, ec] = std::to_chars(sci, sci + sizeof sci, x, std::chars_format::scientific);
    (void)ec; // 32 bytes always hold a double
    std::string_view text(sci, static_cast<std::size_t>(end - sci));
    if (text.front() == '-') {
        out += '-';
        text.remove_prefix(1);
    }
    const auto e = text.find('e');
    std::string digits;
    digits += text[0];
    if (e > 1) digits.append(text.substr(2, e - 2)); // skip "d."
    int exponent = 0;
    std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1; // where the decimal point falls, counted in digits
    if (k <= n && n <= 15) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
        out += ".0";
    } else if (0 < n && n <= 15) {
        out.append(digits, 0, static_cast<std::size_t>(n));
        out += '.';
        out.append(digits, static_cast<std::size_t>(n));
    } else if (-4 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        const int shown = n - 1;
        out += shown < 0 ? '-' : '+';
        const int magnitude = shown < 0 ? -shown : shown;
        if (magnitude < 10) out += '0';
        out += std::to_string(magnitude);
    }
}

json_writer::json_writer(std::string& out, std::ostream* sink) : out_(out), sink_(sink) {}

void json_writer::newline_indent(std::size_t depth) {
    // One append of a ready-made line start for all but very deep nesting.
    static constexpr std::string_view line_start = "\n                                                                ";
    if (1 + 2 * depth <= line_start.size()) {
        out_.append(line_start.data(), 1 + 2 * depth);
        return;
    }
    out_ += '\n';
    out_.append(2 * depth, ' ');
}

void json_writer::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    auto& top = stack_.back();
    if (!top.empty) out_ += ',';
    top.empty = false;
    newline_indent(stack_.size());
}

void json_writer::maybe_flush() {
    if (sink_ && out_.size() >= chunk) flush();
}

void json_writer::flush() {
    if (!sink_) return;
    sink_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
}

json_writer& json_writer::begin_object() {
    before_value();
    out_ += '{';
    stack_.push_back({true, true});
    return *this;
}

json_writer& json_writer::begin_array() {
    before_value();
    out_ += '[';
    stack_.push_back({false, true});
    return *this;
}

json_writer& json_writer::end_object() {
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline_indent(stack_.size());
    out_ += '}';
    maybe_flush();
    return *this;
}

json_writer& json_writer::end_array() { 
    const bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline_indent(stack_.size());
    out_ += ']';
    maybe_flush();
    return *this;
}

json_writer& json_writer::key(std::string_view k) {
    // Every key candour writes is a short word of plain ASCII: then the comma, the line start,
    // the quoted key and ": " go in one append (they were five, and a scan of the key).
    constexpr std::size_t longest_key = 48, deepest = 24;
    const std::size_t depth = stack_.size();
    if (!after_key_ && depth > 0 && depth <= deepest && k.size() <= longest_key && plain_key(k)) {
        char line[2 + 2 * deepest + 1 + longest_key + 3];
        std::size_t n = 0;
        auto& top = stack_.back();
        if (!top.empty) line[n++] = ',';
        top.empty = false;
        line[n++] = '\n';
        static constexpr char indent[2 * deepest + 1] = "                                                ";
        std::memcpy(line + n, indent, 2 * deepest); // all of it, which is quicker than the part needed
        n += 2 * depth;
        line[n++] = '"';
        std::memcpy(line + n, k.data(), k.size());
        n += k.size();
        for (char c : {'"', ':', ' '}) line[n++] = c;
        out_.append(line, n);
        after_key_ = true;
        return *this;
    }
    before_value();
    append_json_string(out_, k);
    out_ += ": ";
    after_key_ = true;
    return *this;
}

json_writer& json_writer::value(std::string_view s) {
    before_value();
    append_json_string(out_, s);
    return *this;
}

json_writer& json_writer::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

template <class Integer>
void json_writer::integer(Integer n) {
    before_value();
    char buf[24]; // holds any 64-bit integer
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    (void)ec;
    out_.append(buf, end);
}

json_writer& json_writer::value(std::int64_t n) {
    integer(n);
    return *this;
}

json_writer& json_writer::value(std::size_t n) {
    integer(n);
    return *this;
}

json_writer& json_writer::value(double x) {
    before_value();
    append_json_number(out_, x);
    return *this;
}

json_writer& json_writer::null() {
    before_value();
    out_ += "null";
    return *this;
}

json_writer& json_writer::value(const std::vector<std::string>& xs) {
    begin_array();
    for (const auto& x : xs) value(x);
    return end_array();
}

} // namespace candour::detail
