#pragma once
// Private: small text helpers shared by the evaluator and the renderers.

#include <string>
#include <string_view>
#include <vector>

namespace candour::text {

/// "a", "a and b", "a, b and c".
std::string join_and(const std::vector<std::string>& words);
/// "a", "a or b", "a, b or c".
std::string join_or(const std::vector<std::string>& words);
std::string capitalise(std::string s);
/// A weight rounded to `decimals` places (at most 9), without trailing zeros: "7.04", "5", "0.8".
std::string number(double x, int decimals = 2);
/// "×0.8".
std::string multiplier(double x);
/// Escapes characters that Markdown would read as formatting in running text.
std::string markdown(std::string_view s);
/// markdown(s), appended to `out` (no temporary).
void append_markdown(std::string& out, std::string_view s);
/// Escapes a table cell: as markdown(), plus '|' and line breaks.
std::string markdown_cell(std::string_view s);
/// markdown_cell(s), appended to `out`.
void append_markdown_cell(std::string& out, std::string_view s);
/// Lower-cases ASCII letters, for case-insensitive matching.
std::string lower(std::string_view s);

} // namespace candour::text
