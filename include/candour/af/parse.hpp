#pragma once
// Reading and writing argumentation frameworks in the ICCMA file formats:
//   apx  `arg(a).` and `att(a,b).` facts (ASPARTIX); `%` comments, any whitespace
//   tgf  one argument name a line, a `#` line, then `a b` attack lines
//   i23  ICCMA 2023: `p af N`, then `a b` lines with ids 1..N; `#` starts a comment line
// Parsers throw candour::load_error with diagnostics coded A101..A199 (see docs/af.md).

#include <candour/af/framework.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace candour::af {

enum class file_format { apx, tgf, i23 };

/// "apx", "tgf" or "i23".
[[nodiscard]] std::string_view to_string(file_format f) noexcept;

/// The inverse of to_string; nullopt for anything else.
[[nodiscard]] std::optional<file_format> parse_file_format(std::string_view name) noexcept;

/// Guesses from the extension: .apx, .tgf, and .i23 or .af (ICCMA 2023 files end in .af).
[[nodiscard]] std::optional<file_format> file_format_from_path(const std::filesystem::path& path);

/// Parses `text`; `file` only names the input in diagnostics.
[[nodiscard]] framework parse(std::string_view text, file_format format, std::string_view file = "<input>");

/// Reads the whole file with one read and parses it. A missing or unreadable file is A101.
[[nodiscard]] framework load(const std::filesystem::path& path, file_format format);

/// Writes `af` in `format`. i23 numbers arguments by id (names are dropped); apx and tgf keep
/// names, which must then be valid in that format (throws candour::error when one is not).
[[nodiscard]] std::string write(const framework& af, file_format format);

} // namespace candour::af
