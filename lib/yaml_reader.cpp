// Private: schema-checking over parsed YAML, with every problem reported as a diagnostic.

#include "yaml_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include <yaml-cpp/exceptions.h>

namespace candour::detail {
namespace {

const char* type_name(const yaml_node& n) {
    if (!n.IsDefined()) return "nothing";
    switch (n.Type()) {
    case yaml_kind::null: return "nothing";
    case yaml_kind::scalar: return "a single value";
    case yaml_kind::sequence: return "a list";
    case yaml_kind::map: return "a mapping";
    case yaml_kind::undefined: return "nothing";
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

// Where each YAML document in `text` has its first content, 1-based. yaml-cpp 0.7's LoadAll
// never returns on a document that begins with ',' (its parser yields an empty document without
// consuming the token, and starts the next one at the same place), so candour finds the
// documents itself and has yaml-cpp parse only the first. A line that begins "---" or "..."
// followed by a space or the end of the line is always a document marker: YAML forbids them
// inside scalars. Comments, blank lines and directives are not content.
struct document_start {
    source_location at;
    std::size_t offset = 0; // of its first content byte in the text
};

std::vector<document_start> document_contents(std::string_view text, const file_name& file) {
    std::vector<document_start> found;
    bool open_has_content = false; // the current document has content already
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3; // a byte-order mark
    for (std::uint32_t line = 1; start <= text.size(); ++line) {
        auto end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view l = text.substr(start, end - start);
        std::size_t col = 0;
        const auto marker_end = [&](std::string_view m) {
            return l.substr(0, 3) == m && (l.size() == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r');
        };
        if (marker_end("---") || marker_end("...")) {
            open_has_content = false;
            col = 3;
        } else if (!open_has_content && !l.empty() && l[0] == '%') {
            col = l.size(); // a directive
        }
        while (col < l.size() && (l[col] == ' ' || l[col] == '\t' || l[col] == '\r')) ++col;
        if (col < l.size() && l[col] != '#' && !open_has_content) {
            found.push_back({{file, line, static_cast<std::uint32_t>(col + 1)}, start + col});
            open_has_content = true;
        }
        if (end == text.size()) break;
        start = end + 1;
    }
    return found;
}


} // namespace

namespace {
constexpr std::size_t max_suggested_length = 64;
} // namespace

namespace {

// The length of the well-formed UTF-8 sequence starting at text[i] (no overlongs, surrogates
// or code points above U+10FFFF), or 0 if there is none.
std::size_t utf8_sequence(std::string_view text, std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > text.size()) return 0;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        const auto cc = static_cast<unsigned char>(text[i + k]);
        if ((cc >> 6) != 0x2) return 0;
        cp = (cp << 6) | (cc & 0x3Fu);
    }
    const std::uint32_t min_cp = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// `text` as well-formed UTF-8. yaml-cpp 0.7 decodes the escapes \N (U+0085) and \_ (U+00A0) in
// double-quoted text to the single bytes 0x85 and 0xA0, which are not UTF-8 (and make the JSON
// writer throw); the file itself was checked, so those are the only bytes that can be
// ill-formed in a value. They become their proper encodings; anything else U+FFFD.
std::string to_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size();) {
        if (const std::size_t len = utf8_sequence(text, i)) {
            out.append(text.substr(i, len));
            i += len;
            continue;
        }
        const auto c = static_cast<unsigned char>(text[i++]);
        if (c == 0x85 || c == 0xA0) {
            out.push_back('\xC2');
            out.push_back(static_cast<char>(c));
        } else {
            out.append("\xEF\xBF\xBD");
        }
    }
    return out;
}

bool is_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) { ++i; continue; }
        const std::size_t len = utf8_sequence(text, i);
        if (len == 0) return false;
        i += len;
    }
    return true;
}

} // namespace

std::string shown(std::string_view raw) {
    constexpr std::size_t most = 80;
    const std::string text = is_utf8(raw) ? std::string(raw) : to_utf8(raw);
    if (text.size() <= most) return text;
    std::size_t cut = most;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut; // not inside a UTF-8 sequence
    return text.substr(0, cut) + "... (" + std::to_string(raw.size()) + " bytes)";
}

namespace {
// How a wrong value is quoted back: ", found 'x'" (" in quotes" for a quoted one), or
// ", found a list" and the like.
std::string found_value(const yaml_node& n) {
    if (!n.IsScalar()) return std::string(", found ") + type_name(n);
    return ", found '" + shown(n.Scalar()) + "'" + (n.plain() ? "" : " in quotes");
}
} // namespace

std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    // A typo is short: no suggestion for a long word, whose edit distances would cost its
    // length times each candidate's (a hostile file can repeat a 1 MiB key).
    if (word.size() > max_suggested_length) return best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        // The lengths alone bound the distance from below: skip what cannot be closer.
        if ((c.size() > word.size() ? c.size() - word.size() : word.size() - c.size()) >= best_distance) continue;
        const auto d = edit_distance(word, c);
        if (d < best_distance) { best_distance = d; best = c; }
    }
    return best;
}

bool check_encoding(std::string_view text, const file_name& file, std::vector<diagnostic>& out) {
    // No NUL bytes, and well-formed UTF-8 (no overlongs or surrogates). Nearly every byte is
    // ASCII: eight at a time are skipped when none is NUL or above 0x7F.
    const char* p = text.data();
    const std::size_t n = text.size();
    std::size_t i = 0;
    const char* problem = nullptr;
    while (i < n) {
        if (i + 8 <= n) {
            std::uint64_t w;
            std::memcpy(&w, p + i, 8);
            // A zero byte borrows into its top bit; so may a byte after it (false alarms only).
            if ((((w - 0x0101010101010101ull) | w) & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(p[i]);
        if (c == 0) {
            problem = "the file contains a NUL byte: expected UTF-8 text, not a binary file";
            break;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        const std::size_t len = utf8_sequence(text, i);
        if (len == 0) {
            problem = "invalid UTF-8 byte sequence: the file must be UTF-8 text";
            break;
        }
        i += len;
    }
    if (!problem) return true;
    // Where: lines counted from 1, columns in characters.
    std::uint32_t line = 1, column = 1;
    for (std::size_t k = 0; k < i; ++k) {
        const auto c = static_cast<unsigned char>(p[k]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    out.push_back({severity::error, "P104", problem, {file, line, column}, {}});
    return false;
}

bool check_nesting(std::string_view text, const file_name& file, std::size_t max_depth, std::vector<diagnostic>& out) {
    std::uint32_t line = 1, column = 1;
    auto fail = [&](std::string code, std::string message) {
        out.push_back({severity::error, std::move(code), std::move(message), {file, line, column}, {}});
        return false;
    };
    // Block indentation levels + open flow brackets + inline "- " markers. A guard against
    // stack exhaustion in yaml-cpp's recursive parser, not a YAML parser: it errs towards
    // counting more.
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
            const char before = i > 0 ? l[i - 1] : ' ';
            if (c == '#' && (before == ' ' || before == '\t')) break; // a comment
            // A quoted scalar starts a token: at the line's start, right after '[', '{' or ',', or
            // after a blank that follows ':', '-', '?', ',', '[' or '{'. (Not in "-'x" or "a:'x",
            // which are plain text: taking them for quotes would hide the brackets after them.)
            const bool token_start =
                i == indent || before == '[' || before == '{' || before == ',' ||
                ((before == ' ' || before == '\t') && (previous == ' ' || previous == ':' || previous == '-' ||
                                                       previous == '?' || previous == ',' || previous == '[' ||
                                                       previous == '{'));
            if ((c == '"' || c == '\'') && token_start) {
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

bool precheck_text(std::string_view text, const file_name& file, std::size_t max_depth, std::vector<diagnostic>& out) {
    return check_encoding(text, file, out) && check_nesting(text, file, max_depth, out);
}

std::optional<yaml_node> yaml_reader::parse_file(const std::filesystem::path& path) {
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
    // One read into a buffer of the file's size (a file that changed size meanwhile is read
    // to its end all the same).
    std::string text(ec ? 0 : static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (in) {
        std::ostringstream rest;
        rest << in.rdbuf();
        text += rest.str();
    }
    return parse_text(text);
}

std::optional<yaml_node> yaml_reader::parse_text(std::string_view text) {
    if (text.size() > limits_.max_file_bytes) {
        error_at("P103", "the text is " + std::to_string(text.size()) + " bytes, over the limit of " +
                             std::to_string(limits_.max_file_bytes) + " bytes",
                 {file_, 1, 1});
        return std::nullopt;
    }
    const auto before = out_.size();
    if (!check_encoding(text, file_, out_)) {
        errors_ += out_.size() - before;
        return std::nullopt;
    }
    try {
        // The fast parser takes what candour's own files are written in; yaml-cpp the rest,
        // and every file with a mistake in it. (The fast parser never takes a file with a
        // second document, or an empty one: the checks for those are the fallback's.)
        auto doc = parse_yaml_fast(text, limits_.max_depth);
        if (!doc) {
            // A second document is refused rather than silently ignored (a reviewer reading
            // the file would read it as part of the input); only the first is parsed.
            const auto documents = document_contents(text, file_);
            if (documents.size() > 1) {
                error_at("P110", "a second YAML document (after '---'): a file holds one document", documents[1].at);
                return std::nullopt;
            }
            // yaml-cpp's parser recurses: the nesting is checked before it runs. (The fast
            // parser keeps to the same limit itself.)
            if (!check_nesting(text, file_, limits_.max_depth, out_)) {
                errors_ += out_.size() - before;
                return std::nullopt;
            }
            doc = parse_yaml_full(text);
            if (!doc || doc->root().IsNull()) {
                // yaml-cpp reads a document that starts with ',' as empty instead of failing.
                if (!documents.empty() && text[documents.front().offset] == ',') {
                    error_at("P101", "YAML syntax error: unexpected ',' where the document should begin", documents.front().at);
                    return std::nullopt;
                }
            }
        }
        const yaml_node root = doc ? doc->root() : yaml_node{};
        if (root.IsNull() || !root.IsDefined()) {
            error_at("P107", "the file is empty: expected a YAML document", {file_, 1, 1});
            return std::nullopt;
        }
        documents_.push_back(std::move(doc));
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

source_location yaml_reader::where(const yaml_node& n) const {
    if (!n.IsDefined()) return {file_, 0, 0};
    const auto mark = n.Mark();
    return {file_, mark.line + 1, mark.column + 1};
}

void yaml_reader::add(severity level, std::string code, std::string message, source_location at,
                      std::vector<std::string> notes) {
    if (level == severity::error) ++errors_;
    // A file with a mistake repeated on every line would otherwise give millions of messages.
    if (reported_ == limits_.max_errors) {
        ++reported_;
        out_.push_back({severity::error, "P109",
                        "too many problems: stopped reporting after " + std::to_string(limits_.max_errors) +
                            " (the rest of the file was still checked)",
                        std::move(at), {}});
        return;
    }
    if (reported_ > limits_.max_errors) return;
    ++reported_;
    out_.push_back({level, std::move(code), std::move(message), std::move(at), std::move(notes)});
}

void yaml_reader::error(std::string code, std::string message, const yaml_node& at, std::vector<std::string> notes) {
    add(severity::error, std::move(code), std::move(message), where(at), std::move(notes));
}
void yaml_reader::error_at(std::string code, std::string message, source_location at, std::vector<std::string> notes) {
    add(severity::error, std::move(code), std::move(message), std::move(at), std::move(notes));
}
void yaml_reader::warning(std::string code, std::string message, const yaml_node& at, std::vector<std::string> notes) {
    add(severity::warning, std::move(code), std::move(message), where(at), std::move(notes));
}

bool yaml_reader::expect_map(const yaml_node& n, std::string_view what) {
    if (!n.IsDefined()) return false; // a missing key: reported by check_keys when required
    if (n.IsMap()) return true;
    error("P202", "expected a mapping for " + std::string(what) + ", found " + type_name(n), n);
    return false;
}
bool yaml_reader::expect_seq(const yaml_node& n, std::string_view what) {
    if (!n.IsDefined()) return false; // a missing key: reported by check_keys when required
    if (n.IsSequence()) return true;
    error("P202", "expected a list for " + std::string(what) + ", found " + type_name(n), n);
    return false;
}
bool yaml_reader::expect_scalar(const yaml_node& n, std::string_view what) {
    if (!n.IsDefined()) return false; // a missing key: reported by check_keys when required
    if (n.IsScalar()) return true;
    error("P202", "expected a single value for " + std::string(what) + ", found " + type_name(n), n);
    return false;
}

bool yaml_reader::check_keys(const yaml_node& map, std::string_view what, std::initializer_list<std::string_view> allowed,
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
            error("P204", "duplicate key '" + shown(key) + "' in " + std::string(what), kv.first,
                  {"each key may appear once; the later value would silently replace the earlier one"});
            continue;
        }
        seen.push_back(key);
        if (std::find(names.begin(), names.end(), key) == names.end()) {
            std::vector<std::string> notes;
            if (auto guess = did_you_mean(key, names)) notes.push_back("did you mean '" + *guess + "'?");
            else notes.push_back("expected one of: " + join(names));
            error("P203", "unknown key '" + shown(key) + "' in " + std::string(what), kv.first, std::move(notes));
        }
    }
    for (auto key : required) {
        if (std::find(seen.begin(), seen.end(), std::string(key)) == seen.end())
            error("P205", "missing required key '" + std::string(key) + "' in " + std::string(what), map);
    }
    return true;
}

std::optional<std::string> yaml_reader::scalar_text(const yaml_node& n, std::string_view what) {
    if (!n.IsDefined()) return std::nullopt;
    if (!n.IsScalar()) {
        error("P202", "expected text for " + std::string(what) + ", found " + type_name(n), n);
        return std::nullopt;
    }
    const std::size_t size = n.Scalar().size();
    if (size > limits_.max_string_bytes) {
        error("P108", "the text for " + std::string(what) + " is " + std::to_string(size) + " bytes, over the limit of " +
                          std::to_string(limits_.max_string_bytes) + " bytes",
              n);
        return std::nullopt;
    }
    // Every use of an alias copies its value again: budget the bytes copied, not the file.
    text_bytes_ += size;
    if (text_bytes_ > limits_.max_text_bytes) {
        if (!text_budget_reported_) {
            text_budget_reported_ = true;
            error("P106", "more than " + std::to_string(limits_.max_text_bytes) +
                              " bytes of text (counting each use of an alias): the file is too large or expands an alias bomb",
                  n);
        }
        return std::nullopt;
    }
    const std::string& value = n.Scalar();
    if (value.find('\0') != std::string::npos) {
        error("P104", "the text for " + std::string(what) + " holds a NUL character (the escape \\0): text cannot hold one", n);
        return std::nullopt;
    }
    return is_utf8(value) ? value : to_utf8(value);
}

std::optional<std::string> yaml_reader::text(const yaml_node& map, std::string_view key) {
    const auto n = get(map, key);
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsNull()) {
        error("P202", "expected text for '" + std::string(key) + "', found nothing", n);
        return std::nullopt;
    }
    return scalar_text(n, "'" + std::string(key) + "'");
}

std::optional<bool> yaml_reader::boolean(const yaml_node& map, std::string_view key) {
    const auto n = get(map, key);
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsScalar() && n.plain()) {
        if (n.Scalar() == "true") return true;
        if (n.Scalar() == "false") return false;
    }
    error("P208", "expected true or false for '" + std::string(key) + "'" + found_value(n), n);
    return std::nullopt;
}

std::optional<double> yaml_reader::number(const yaml_node& map, std::string_view key) {
    const auto n = get(map, key);
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsScalar() && n.plain()) {
        const auto& s = n.Scalar();
        double value = 0;
        auto res = std::from_chars(s.data(), s.data() + s.size(), value);
        // Finite only: "inf" and "nan" are no weight or multiplier.
        if (res.ec == std::errc{} && res.ptr == s.data() + s.size() && std::isfinite(value)) return value;
    }
    error("P208", "expected a number for '" + std::string(key) + "'" + found_value(n), n);
    return std::nullopt;
}

std::optional<int> yaml_reader::integer(const yaml_node& map, std::string_view key) {
    const auto n = get(map, key);
    if (!n.IsDefined()) return std::nullopt;
    if (n.IsScalar() && n.plain()) {
        const auto& s = n.Scalar();
        int value = 0;
        auto res = std::from_chars(s.data(), s.data() + s.size(), value);
        if (res.ec == std::errc{} && res.ptr == s.data() + s.size()) return value;
    }
    error("P208", "expected a whole number for '" + std::string(key) + "'" + found_value(n), n);
    return std::nullopt;
}

std::optional<date> yaml_reader::day(const yaml_node& map, std::string_view key) {
    const auto n = get(map, key);
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
                 : "expected a date written YYYY-MM-DD for '" + std::string(key) + "', found '" + shown(s) + "'",
          n);
    return std::nullopt;
}

std::vector<std::string> yaml_reader::text_list(const yaml_node& map, std::string_view key) {
    std::vector<std::string> out;
    const auto n = get(map, key);
    if (!n.IsDefined()) return out;
    if (!expect_seq(n, "'" + std::string(key) + "'")) return out;
    for (const auto& element : n) {
        if (!visit(element)) break;
        if (auto s = scalar_text(element, "an entry of '" + std::string(key) + "'")) out.push_back(*s);
    }
    return out;
}

void yaml_reader::report_bad_choice(const yaml_node& at, std::string_view key, const std::string& word,
                                    const std::vector<std::string>& names) {
    std::vector<std::string> notes;
    if (auto guess = did_you_mean(word, names)) notes.push_back("did you mean '" + *guess + "'?");
    error("P206", "'" + shown(word) + "' is not a valid value for '" + std::string(key) + "': expected " + join(names), at,
          std::move(notes));
}

bool yaml_reader::visit(const yaml_node& n) {
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
