#pragma once
// Private: the notice templates. A template is text with {placeholders}; the expander is a
// single pass that copies literal text and substitutes named values. It never evaluates
// anything and never re-reads a substituted value, so a value that itself contains "{x}" stays
// literal. Syntax: {name} inserts a value; {Name} inserts it with its first letter capitalised;
// {{ and }} are literal braces. Anything else with a brace is a syntax error.

#include <candour/diagnostic.hpp>
#include <candour/regime.hpp>
#include <candour/rulebook.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candour::detail {

struct template_piece {
    std::string text;         ///< literal text, or a placeholder's name as written (without braces)
    bool placeholder = false;
    std::size_t offset = 0;   ///< where the piece starts in the template text (bytes)
};

struct parsed_template {
    std::vector<template_piece> pieces;
    std::string error;        ///< empty when the text is well formed
    std::size_t error_offset = 0;
};

[[nodiscard]] parsed_template parse_template(std::string_view text);

/// A value for a placeholder: its name and its text, both viewed, so the caller keeps them alive
/// while the template is expanded. A URL is rendered as a link where the format has links.
struct template_value {
    std::string_view name;
    std::string_view text;
    bool url = false;
};

/// The values one sentence may name. A sentence names at most a dozen, so they are kept in a small
/// array searched in order: building them allocates nothing (a map of strings per sentence was
/// half of the notice's cost). A value set again replaces the one of the same name.
class template_values {
public:
    static constexpr std::size_t capacity = 16;

    template_values() = default;
    template_values(std::initializer_list<template_value> values) {
        for (const auto& v : values) set(v);
    }

    /// Adds `v`, or replaces the value of the same name. Throws std::length_error beyond capacity.
    void set(const template_value& v);
    /// set() for each of `more`, in order.
    void set(const template_values& more);
    [[nodiscard]] const template_value* begin() const noexcept { return values_.data(); }
    [[nodiscard]] const template_value* end() const noexcept { return values_.data() + size_; }

private:
    std::array<template_value, capacity> values_{};
    std::size_t size_ = 0;
};

/// A run of expanded text: literal template text, a substituted value, or a URL.
struct text_span {
    std::string text;
    bool url = false;
};

/// Expands `text` (the template for `key`). Throws render_error R504 for a syntax error or an
/// unknown placeholder (a load checks both, so this only happens for wording built in C++).
[[nodiscard]] std::vector<text_span> expand_template(std::string_view key, std::string_view text,
                                                     const template_values& values);

/// The sentence keys of the notice, in the order the notice uses them.
[[nodiscard]] const std::vector<std::string>& notice_template_keys();
/// The placeholders the sentence `key` may use; nullptr for an unknown key.
[[nodiscard]] const std::vector<std::string>* notice_template_placeholders(std::string_view key);

/// Loads every templates/notice.LANG.yaml in `dir` (which may be absent). Problems become
/// diagnostics in `out` with file:line:column; only files without errors are returned.
[[nodiscard]] std::vector<notice_wording> load_notice_templates(const std::filesystem::path& dir,
                                                                const std::string& shown_dir,
                                                                const load_limits& limits,
                                                                std::vector<diagnostic>& out);

/// Parses one template file's text; `language` is the LANG of its name.
[[nodiscard]] std::optional<notice_wording> parse_notice_wording(std::string_view text, const std::string& shown_as,
                                                                 std::string_view language, const load_limits& limits,
                                                                 std::vector<diagnostic>& out);

/// candour's built-in wording: rules/uk/foia-2000/templates/notice.en.yaml, compiled in, used
/// for regimes that have no templates of their own.
[[nodiscard]] const notice_wording& builtin_notice_wording();

} // namespace candour::detail
