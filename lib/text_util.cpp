// Private: small text helpers.

#include "text_util.hpp"

#include <cmath>
#include <cstdio>

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

std::string number(double x) {
    char buf[64];
    const double rounded = std::round(x * 100.0) / 100.0;
    std::snprintf(buf, sizeof buf, "%.2f", rounded == 0 ? 0.0 : rounded);
    std::string s(buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s;
}

std::string multiplier(double x) { return "\xC3\x97" + number(x); }

std::string markdown(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string markdown_cell(std::string_view s) {
    std::string out;
    for (char c : markdown(s)) {
        if (c == '|') out += "\\|";
        else if (c == '\n' || c == '\r') out += ' ';
        else out += c;
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace candour::text
