// Private: schema-checking over yaml-cpp, with every problem reported as a diagnostic.

#include "yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

namespace candour::detail {
namespace {

const char* type_name(const YAML::Node& n) {
    if (!n.IsDefined()) return "nothing";
    switch (n.Type()) {
    case YAML::NodeType::Null: return "nothing";
    case YAML::NodeType::Scalar: return "a single value";
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Undefined: return "nothing";
    }
    return "nothing";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

std::string join(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i) out += i + 1 == words.size() ? " or " : ", ";
        out += "'" + words[i] + "'";
    }
    return out;
}

// Quoted scalars carry the tag "!"; plain ones "?". "1" is text, 1 is a number.
bool is_plain(const YAML::Node& n) { return n.Tag() != "!"; }

} // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const auto d = edit_distance(word, c);
        if (d < best_distance) { best_distance = d; best = c; }
    }
    return best;
}

bool precheck_text(std::string_view text, const std::string& file, std::size_t max_depth, std::vector<diagnostic>& out) {
    std::uint32_t line = 1, column = 1;
    auto fail = [&](std::string code, std::string message) {
        out.push_back({severity::error, std::move(code), std::move(message), {file, line, column}, {}});
        return false;
    };
    // Encoding: no NUL bytes, and well-formed UTF-8 (no overlongs or surrogates).
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == 0) return fail("P104", "the file contains a NUL byte: expected UTF-8 text, not a binary file");
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len != 0 && i + len <= text.size();
        std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto cc = static_cast<unsigned char>(text[i + k]);
            ok = (cc >> 6) == 0x2;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (ok && len > 1) {
            const std::uint32_t min_cp = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
            ok = cp >= min_cp && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
        }
        if (!ok) return fail("P104", "invalid UTF-8 byte sequence: the file must be UTF-8 text");
        if (c == '\n') { ++line; column = 1; } else if ((c & 0xC0) != 0x80) ++column;
        i += len;
    }
    // Nesting: block indentation levels + open flow brackets + inline "- " markers. A guard
    // against stack exhaustion in the parser, not a YAML parser: it errs towards counting more.
    line = 1;
    std::vector<std::size_t> indents;
    std::size_t flow = 0;
    char quote = 0;
    std::size_t block_scalar_indent = std::string_view::npos;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        const std::string_view l = text.substr(pos, end - pos);
        const std::size_t indent = l.find_first_not_of(' ');
        const bool blank = indent == std::string_view::npos || l[indent] == '#' || l[indent] == '\r';
        if (block_scalar_indent != std::string_view::npos) {
            if (blank || indent > block_scalar_indent) { pos = end + 1; ++line; continue; }
            block_scalar_indent = std::string_view::npos;
        }
        if (!blank && quote == 0 && flow == 0) {
            while (!indents.empty() && indents.back() > indent) indents.pop_back();
            if (indents.empty() || indents.back() < indent) indents.push_back(indent);
        }
        std::size_t dashes = 0;
        std::size_t deepest = indents.size() + flow;
        char previous = ' ';
        for (std::size_t i = blank ? l.size() : indent; i < l.size(); ++i) {
            const char c = l[i];
            if (quote != 0) {
                if (quote == '"' && c == '\\') { ++i; continue; }
                if (c == quote) quote = 0;
                previous = c;
                continue;
            }
            if (c == '#' && (previous == ' ' || previous == '\t')) break;
            if ((c == '"' || c == '\'') && (previous == ' ' || previous == '[' || previous == '{' || previous == ',' ||
                                            previous == ':' || previous == '-' || i == indent)) {
                quote = c;
            } else if (c == '[' || c == '{') {
                ++flow;
                deepest = std::max(deepest, indents.size() + flow + dashes);
            } else if ((c == ']' || c == '}') && flow > 0) {
                --flow;
            } else if (c == '-' && flow == 0 && (i + 1 == l.size() || l[i + 1] == ' ') &&
                       (i == indent || l[i - 1] == ' ' || l[i - 1] == '\t')) {
                ++dashes;
                deepest = std::max(deepest, indents.size() + dashes);
            }
            if (c != ' ' && c != '\t') previous = c;
        }
        if (quote == 0 && flow == 0 && !blank) {
            const std::size_t last = l.find_last_not_of(" \r");
            if (last != std::string_view::npos) {
                const std::string_view tail = l.substr(0, last + 1);
                const std::size_t bar = tail.find_last_of("|>");
                if (bar != std::string_view::npos && bar > 0 && tail[bar - 1] == ' ' &&
                    tail.find_first_not_of("+-0123456789", bar + 1) == std::string_view::npos)
                    block_scalar_indent = indent;
            }
        }
        const std::size_t depth = std::max(deepest, indents.size() + flow + dashes);
        if (depth > max_depth) {
            column = static_cast<std::uint32_t>((blank ? 0 : indent) + 1);
            return fail("P105", "nesting is deeper than the limit of " + std::to_string(max_depth) + " levels");
        }
        if (end == text.size()) break;
        pos = end + 1;
        ++line;
    }
    return true;
}

std::optional<YAML::Node> yaml_reader::parse_file(const std::filesystem::path& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) {
        error_at("P102", "cannot read the file: it does not exist", {file_, 0, 0});
        return std::nullopt;
    }
    if (!std::filesystem::is_regular_file(status)) {
        error_at("P102", "cannot read the file: it is not a regular file", {file_, 0, 0});
        return std::nullopt;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > limits_.max_file_bytes) {
        error_at("P103", "the file is " + std::to_string(size) + " bytes, over the limit of " +
                             std::to_string(limits_.max_file_bytes) + " bytes",
                 {file_, 1, 1});
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error_at("P102", "cannot read the file: permission denied or I/O error", {file_, 0, 0});
        return std::nullopt;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return parse_text(buffer.str());
}

std::optional<YAML::Node> yaml_reader::parse_text(std::string_view text) {
    if (text.size() > limits_.max_file_bytes) {
        error_at("P103", "the text is " + std::to_string(text.size()) + " bytes, over the limit of " +
                             std::to_string(limits_.max_file_bytes) + " bytes",
                 {file_, 1, 1});
        return std::nullopt;
    }
    const auto before = out_.size();
    if (!precheck_text(text, file_, limits_.max_depth, out_)) {
        errors_ += out_.size() - before;
        return std::nullopt;
    }
    try {
        YAML::Node root = YAML::Load(std::string(text));
        if (root.IsNull() || !root.IsDefined()) {
            error_at("P107", "the file is empty: expected a YAML document", {file_, 1, 1});
            return std::nullopt;
        }
        return root;
    } catch (const YAML::Exception& e) {
        // yaml-cpp marks are 0-based; ours are 1-based. Its generic "bad file" means it gave up
        // on the structure (for example, its own depth guard).
        std::string message = e.msg == "bad file" ? std::string("the YAML could not be parsed") : e.msg;
        error_at("P101", "YAML syntax error: " + message,
                 {file_, static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1)});
        return std::nullopt;
    } catch (const std::exception& e) {
        error_at("P101", std::string("YAML syntax error: ") + e.what(), {file_, 1, 1});
        return std::nullopt;
    }
}

source_location yaml_reader::where(const YAML::Node& n) const {
    if (!n.IsDefined()) return {file_, 0, 0};
    const auto mark = n.Mark();
    if (mark.line < 0) return {file_, 0, 0};
    return {file_, static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

void yaml_reader::add(severity level, std::string code, std::string message, source_location at,
                      std::vector<std::string> notes) {
    if (level == severity::error) ++errors_;
    out_.push_back({level, std::move(code), std::move(message), std::move(at), std::move(notes)});
}

void yaml_reader::error(std::string code, std::string message, const YAML::Node& at, std::vector<std::string> notes) {
    add(severity::error, std::move(code), std::move(message), where(at), std::move(notes));
}
void yaml_reader::error_at(std::string code, std::string message, source_location at, std::vector<std::string> notes) {
    add(severity::error, std::move(code), std::move(message), std::move(at), std::move(notes));
}
void yaml_reader::warning(std::string code, std::string message, const YAML::Node& at, std::vector<std::string> notes) {
    add(severity::warning, std::move(code), std::move(message), where(at), std::move(notes));
}

bool yaml_reader::expect_map(const YAML::Node& n, std::string_view what) {
    if (!n.IsDefined()) return false; // a missing key: reported by check_keys when required
    if (n.IsMap()) return true;
    error("P202", "expected a mapping for " + std::string(what) + ", found " + type_name(n), n);
    return false;
}
bool yaml_reader::expect_seq(const YAML::Node& n, std::string_view what) {
    if (!n.IsDefined()) return false; // a missing key: reported by check_keys when required
    if (n.IsSequence()) return true;
    error("P202", "expected a list for " + std::string(what) + ", found " + type_name(n), n);
    return false;
}
bool yaml_reader::expect_scalar(const YAML::Node& n, std::string_view what) {
    if (!n.IsDefined()) return false; // a missing key: reported by check_keys when required
    if (n.IsScalar()) return true;
    error("P202", "expected a single value for " + std::string(what) + ", found " + type_name(n), n);
    return false;
}

bool yaml_reader::check_keys(const YAML::Node& map, std::string_view what, std::initializer_list<std::string_view> allowed,
                             std::initializer_list<std::string_view> required) {
    if (!expect_map(map, what)) return false;
    std::vector<std::string> seen;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    for (const auto& kv : map) {
        if (!kv.first.IsScalar()) {
            error("P202", "expected a plain key in " + std::string(what) + ", found " + type_name(kv.first), kv.first);
            continue;
        }
        const auto key = kv.first.Scalar();
        if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
            error("P204", "duplicate key '" + key + "' in " + std::string(what), kv.first,
                  {"each key may appear once; the later value would silently replace the earlier one"});
            continue;
        }
        seen.push_back(key);
        if (std::find(names.begin(), names.end(), key) == names.end()) {
            std::vector<std::string> notes;
            if (auto guess = did_you_mean(key, names)) notes.push_back("did you mean '" + *guess + "'?");
            else notes.push_back("expected one of: " + join(names));
            error("P203", "unknown key '" + key + "' in " + std::string(what), kv.first, std::move(notes));
        }
    }
    for (auto key : required) {
        if (std::find(seen.begin(), seen.end(), std::string(key)) == seen.end())
            error("P205", "missing required key '" + std::string(key) + "' in " + std::string(what), map);
    }
    return true;
}

std::optional<std::string> yaml_reader::scalar_text(const YAML::Node& n, std::string_view what) {
    if (!n.IsDefined()) return std::nullopt;
    if (!n.IsScalar()) {
        error("P202", "expected text for " + std::string(what) + ", found " + type_name(n), n);
        return std::nullopt;
    }
    return n.Scalar();
}

std::optional<std::string> yaml_reader::text(const YAML::Node& map, std::string_view key) {
    const auto n = map[std::string(key)];
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsNull()) {
        error("P202", "expected text for '" + std::string(key) + "', found nothing", n);
        return std::nullopt;
    }
    return scalar_text(n, "'" + std::string(key) + "'");
}

std::optional<bool> yaml_reader::boolean(const YAML::Node& map, std::string_view key) {
    const auto n = map[std::string(key)];
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsScalar() && is_plain(n)) {
        if (n.Scalar() == "true") return true;
        if (n.Scalar() == "false") return false;
    }
    error("P208", "expected true or false for '" + std::string(key) + "'" +
                      (n.IsScalar() ? ", found '" + n.Scalar() + "'" : std::string(", found ") + type_name(n)),
          n);
    return std::nullopt;
}

std::optional<double> yaml_reader::number(const YAML::Node& map, std::string_view key) {
    const auto n = map[std::string(key)];
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsScalar() && is_plain(n)) {
        const auto& s = n.Scalar();
        double value = 0;
        auto res = std::from_chars(s.data(), s.data() + s.size(), value);
        if (res.ec == std::errc{} && res.ptr == s.data() + s.size() && value == value) return value;
    }
    error("P208", "expected a number for '" + std::string(key) + "'" +
                      (n.IsScalar() ? ", found '" + n.Scalar() + "'" : std::string(", found ") + type_name(n)),
          n);
    return std::nullopt;
}

std::optional<int> yaml_reader::integer(const YAML::Node& map, std::string_view key) {
    const auto n = map[std::string(key)];
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsScalar() && is_plain(n)) {
        const auto& s = n.Scalar();
        int value = 0;
        auto res = std::from_chars(s.data(), s.data() + s.size(), value);
        if (res.ec == std::errc{} && res.ptr == s.data() + s.size()) return value;
    }
    error("P208", "expected a whole number for '" + std::string(key) + "'" +
                      (n.IsScalar() ? ", found '" + n.Scalar() + "'" : std::string(", found ") + type_name(n)),
          n);
    return std::nullopt;
}

std::optional<date> yaml_reader::day(const YAML::Node& map, std::string_view key) {
    const auto n = map[std::string(key)];
    if (!n.IsDefined()) return std::nullopt;
    if (!n.IsScalar()) {
        error("P207", "expected a date (YYYY-MM-DD) for '" + std::string(key) + "', found " + type_name(n), n);
        return std::nullopt;
    }
    if (auto d = date::parse(n.Scalar())) return d;
    const auto& s = n.Scalar();
    const bool shaped = s.size() == 10 && s[4] == '-' && s[7] == '-';
    error("P207",
          shaped ? "'" + s + "' is not a real date (check the month and day; year 0 does not exist)"
                 : "expected a date written YYYY-MM-DD for '" + std::string(key) + "', found '" + s + "'",
          n);
    return std::nullopt;
}

std::vector<std::string> yaml_reader::text_list(const YAML::Node& map, std::string_view key) {
    std::vector<std::string> out;
    const auto n = map[std::string(key)];
    if (!n.IsDefined()) return out;
    if (!expect_seq(n, "'" + std::string(key) + "'")) return out;
    for (const auto& element : n) {
        if (!visit(element)) break;
        if (auto s = scalar_text(element, "an entry of '" + std::string(key) + "'")) out.push_back(*s);
    }
    return out;
}

void yaml_reader::report_bad_choice(const YAML::Node& at, std::string_view key, const std::string& word,
                                    const std::vector<std::string>& names) {
    std::vector<std::string> notes;
    if (auto guess = did_you_mean(word, names)) notes.push_back("did you mean '" + *guess + "'?");
    error("P206", "'" + word + "' is not a valid value for '" + std::string(key) + "': expected " + join(names), at,
          std::move(notes));
}

bool yaml_reader::visit(const YAML::Node& n) {
    if (++visited_ <= limits_.max_nodes) return true;
    if (!budget_reported_) {
        budget_reported_ = true;
        error("P106", "more than " + std::to_string(limits_.max_nodes) +
                          " values (counting each use of an alias): the file is too large or expands an alias bomb",
              n);
    }
    return false;
}

} // namespace candour::detail
