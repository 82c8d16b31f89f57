#pragma once
// Private: a schema-checking walker over yaml-cpp nodes. It turns every problem into a
// diagnostic with a 1-based file:line:column, so that loaders report all errors in a file and
// no yaml-cpp exception or type escapes the library.

#include <candour/date.hpp>
#include <candour/diagnostic.hpp>
#include <candour/rulebook.hpp>

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <initializer_list>
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

    /// Reads and parses a file; on any failure adds a diagnostic and returns nothing.
    std::optional<YAML::Node> parse_file(const std::filesystem::path& path);
    std::optional<YAML::Node> parse_text(std::string_view text);

    [[nodiscard]] const std::string& file() const noexcept { return file_; }
    [[nodiscard]] source_location where(const YAML::Node& n) const;

    void error(std::string code, std::string message, const YAML::Node& at, std::vector<std::string> notes = {});
    void error_at(std::string code, std::string message, source_location at, std::vector<std::string> notes = {});
    void warning(std::string code, std::string message, const YAML::Node& at, std::vector<std::string> notes = {});
    [[nodiscard]] std::size_t error_count() const noexcept { return errors_; }

    /// Type checks; each reports P202 naming what was expected and what was found.
    bool expect_map(const YAML::Node& n, std::string_view what);
    bool expect_seq(const YAML::Node& n, std::string_view what);
    bool expect_scalar(const YAML::Node& n, std::string_view what);

    /// Reports unknown keys (P203, with a suggestion), duplicate keys (P204) and missing
    /// required keys (P205). Returns false if `map` is not a mapping.
    bool check_keys(const YAML::Node& map, std::string_view what, std::initializer_list<std::string_view> allowed,
                    std::initializer_list<std::string_view> required = {});

    /// The value under `key` in `map`: the same node as `map[key]`, found without yaml-cpp's
    /// per-lookup costs (a std::string decoded for every key compared, a std::stringstream for
    /// every missing key). Keys of the mapping last looked into are indexed once. An absent key
    /// gives an undefined node (IsDefined() is false). Not a mapping: exactly `map[key]`.
    [[nodiscard]] const YAML::Node get(const YAML::Node& map, std::string_view key);

    /// Typed values. An absent key gives nothing with no diagnostic; a present value of the
    /// wrong type gives nothing and a diagnostic.
    std::optional<std::string> text(const YAML::Node& map, std::string_view key);
    std::optional<bool> boolean(const YAML::Node& map, std::string_view key);
    std::optional<double> number(const YAML::Node& map, std::string_view key);
    std::optional<int> integer(const YAML::Node& map, std::string_view key);
    std::optional<date> day(const YAML::Node& map, std::string_view key);
    std::vector<std::string> text_list(const YAML::Node& map, std::string_view key);

    /// One of a fixed set of words (P206 lists the choices otherwise).
    template <class E>
    std::optional<E> choice(const YAML::Node& map, std::string_view key,
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
    bool visit(const YAML::Node& n);

    /// Scalar conversions for values not under a key.
    std::optional<std::string> scalar_text(const YAML::Node& n, std::string_view what);

private:
    void report_bad_choice(const YAML::Node& at, std::string_view key, const std::string& word,
                           const std::vector<std::string>& names);
    void add(severity level, std::string code, std::string message, source_location at, std::vector<std::string> notes);

    std::string file_;
    std::vector<diagnostic>& out_;
    const load_limits& limits_;
    std::size_t visited_ = 0;
    std::size_t errors_ = 0;
    bool budget_reported_ = false;
    std::size_t text_bytes_ = 0;      // text copied out of the document (max_text_bytes)
    bool text_budget_reported_ = false;
    std::size_t reported_ = 0;        // diagnostics added (max_errors)
    // get(): the mapping whose keys are indexed, its scalar keys in order (views into nodes the
    // index keeps alive) with their values, and the node returned for an absent key.
    std::optional<YAML::Node> indexed_;
    std::vector<std::pair<std::string_view, YAML::Node>> index_;
    const YAML::Node absent_{YAML::NodeType::Undefined};
};

/// Checks raw text before yaml-cpp sees it: NUL bytes and invalid UTF-8 (P104) and nesting
/// deeper than the limit (P105). Returns false and adds a diagnostic on the first problem.
bool precheck_text(std::string_view text, const std::string& file, std::size_t max_depth, std::vector<diagnostic>& out);

} // namespace candour::detail
