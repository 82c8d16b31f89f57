#pragma once
// Private: a schema-checking walker over parsed YAML (yaml_document.hpp). It turns every
// problem into a diagnostic with a 1-based file:line:column, so that loaders report all errors
// in a file and no yaml-cpp exception or type escapes the library.

#include <candour/date.hpp>
#include <candour/diagnostic.hpp>
#include <candour/rulebook.hpp>

#include "yaml_document.hpp"

#include <filesystem>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace candour::detail {

/// The closest candidate to `word` by edit distance, if it is close enough to be a likely typo.
/// Cheap for long words (none is suggested) and for candidates of very different length.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

/// Input text as quoted in a message: at most 80 bytes, then "... (N bytes)".
std::string shown(std::string_view text);

class yaml_reader {
public:
    yaml_reader(std::string file, std::vector<diagnostic>& out, const load_limits& limits)
        : file_(std::move(file)), out_(out), limits_(limits) {}

    /// Reads and parses a file; on any failure adds a diagnostic and returns nothing. The nodes
    /// returned live as long as the reader.
    std::optional<yaml_node> parse_file(const std::filesystem::path& path);
    std::optional<yaml_node> parse_text(std::string_view text);

    [[nodiscard]] const std::string& file() const noexcept { return file_.str(); }
    [[nodiscard]] source_location where(const yaml_node& n) const;

    void error(std::string code, std::string message, const yaml_node& at, std::vector<std::string> notes = {});
    void error_at(std::string code, std::string message, source_location at, std::vector<std::string> notes = {});
    void warning(std::string code, std::string message, const yaml_node& at, std::vector<std::string> notes = {});
    [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }

    /// Type checks; each reports P202 naming what was expected and what was found.
    bool expect_map(const yaml_node& n, std::string_view what);
    bool expect_seq(const yaml_node& n, std::string_view what);
    bool expect_scalar(const yaml_node& n, std::string_view what);

    /// Reports unknown keys (P203, with a suggestion), duplicate keys (P204) and missing
    /// required keys (P205). Returns false if `map` is not a mapping.
    bool check_keys(const yaml_node& map, std::string_view what, std::initializer_list<std::string_view> allowed,
                    std::initializer_list<std::string_view> required = {});

    /// The value under `key` in `map` (an undefined node if absent or not a mapping).
    [[nodiscard]] yaml_node get(const yaml_node& map, std::string_view key) const { return map[key]; }

    /// Typed values. An absent key gives nothing with no diagnostic; a present value of the
    /// wrong type gives nothing and a diagnostic.
    std::optional<std::string> text(const yaml_node& map, std::string_view key);
    std::optional<bool> boolean(const yaml_node& map, std::string_view key);
    std::optional<double> number(const yaml_node& map, std::string_view key);
    std::optional<int> integer(const yaml_node& map, std::string_view key);
    std::optional<date> day(const yaml_node& map, std::string_view key);
    std::vector<std::string> text_list(const yaml_node& map, std::string_view key);

    /// One of a fixed set of words (P206 lists the choices otherwise).
    template <class E>
    std::optional<E> choice(const yaml_node& map, std::string_view key,
                            std::initializer_list<std::pair<std::string_view, E>> choices) {
        auto word = text(map, key);
        if (!word) return std::nullopt;
        std::vector<std::string> names;
        for (const auto& [name, value] : choices) {
            if (name == *word) return value;
            names.emplace_back(name);
        }
        report_bad_choice(get(map, key), key, *word, names);
        return std::nullopt;
    }

    /// Counts a visited node against the node budget (alias bombs); false once exhausted.
    bool visit(const yaml_node& n);

    /// Scalar conversions for values not under a key.
    std::optional<std::string> scalar_text(const yaml_node& n, std::string_view what);

private:
    void report_bad_choice(const yaml_node& at, std::string_view key, const std::string& word,
                           const std::vector<std::string>& names);
    void add(severity level, std::string code, std::string message, source_location at, std::vector<std::string> notes);

    file_name file_; // one for the file, shared by every location the reader gives
    std::vector<diagnostic>& out_;
    const load_limits& limits_;
    std::size_t visited_ = 0;
    std::size_t errors_ = 0;
    bool budget_reported_ = false;
    std::size_t text_bytes_ = 0;      // text copied out of the document (max_text_bytes)
    bool text_budget_reported_ = false;
    std::size_t reported_ = 0;        // diagnostics added (max_errors)
    std::vector<std::unique_ptr<yaml_document>> documents_; // what the nodes handed out point into
};

/// Checks raw text before it is parsed: NUL bytes and invalid UTF-8 (P104). Returns false and
/// adds a diagnostic on the first problem.
bool check_encoding(std::string_view text, const file_name& file, std::vector<diagnostic>& out);
/// Checks that nesting is no deeper than the limit (P105), before yaml-cpp's recursive parser
/// sees the text.
bool check_nesting(std::string_view text, const file_name& file, std::size_t max_depth, std::vector<diagnostic>& out);
/// Both checks.
bool precheck_text(std::string_view text, const file_name& file, std::size_t max_depth, std::vector<diagnostic>& out);

} // namespace candour::detail
