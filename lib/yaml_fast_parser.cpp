// Private: a fast parser for the block-style YAML subset that rulebooks, cases and schedules are
// written in. yaml-cpp's scanner costs about 80 ns a byte; this parser reads each byte about
// once. It is deliberately narrow: whatever it is not certain of (tags, multi-document
// files, tabs, CRs, empty values, keys in quotes, anchors in brackets, scalars over several lines in brackets, folded text with more-indented lines, escapes
// other than the common ones, flow collections over several lines...) makes it give up, and
// yaml-cpp parses the text instead. It never reports an error: an invalid file is always
// yaml-cpp's to describe. See yaml_document.hpp for the contract both parsers keep.

#include "yaml_document.hpp"

#include <cstring>
#include <map>
#include <optional>

namespace candour::detail {
namespace {

struct unsupported {}; // thrown to give the text to yaml-cpp

constexpr std::size_t max_key_length = 1024; // YAML's limit on an implicit key

bool is_null_word(std::string_view s) { return s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Characters that cannot begin a plain scalar here (YAML's c-indicator, less '-' which may).
bool is_indicator(char c) {
    switch (c) {
    case '?': case ':': case ',': case '[': case ']': case '{': case '}': case '#': case '&':
    case '*': case '!': case '|': case '>': case '\'': case '"': case '%': case '@': case '`':
        return true;
    default:
        return false;
    }
}

bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

class fast_parser {
public:
    fast_parser(std::string_view text, std::size_t max_depth, yaml_document& doc)
        : t_(text), doc_(doc), build_(doc), max_depth_(max_depth) {}

    void parse() {
        // Tabs, CRs and characters YAML does not allow in a stream (C0 and C1 controls, DEL, a
        // byte-order mark inside the text, U+FFFE and U+FFFF): yaml-cpp's to accept or refuse.
        for (std::size_t i = 0; i < t_.size(); ++i) {
            const auto c = static_cast<unsigned char>(t_[i]);
            if (c >= 0x20 && c < 0x7F) continue;
            if (c == '\n') continue;
            if (c < 0x80) throw unsupported{};
            const auto next = i + 1 < t_.size() ? static_cast<unsigned char>(t_[i + 1]) : 0;
            if (c == 0xC2 && next < 0xA0) throw unsupported{}; // U+0080 to U+009F
            if (c == 0xEF && (next == 0xBB || next == 0xBF)) throw unsupported{}; // U+FEC0 to U+FEFF and U+FFC0 to U+FFFF: the BOM, U+FFFE, U+FFFF
        }
        if (!t_.empty() && t_.back() != '\n') throw unsupported{}; // keeps end-of-text cases out
        if (!skip_to_content()) throw unsupported{};                 // empty: yaml-cpp's message
        block_node_here(-1);
        if (skip_to_content()) throw unsupported{}; // something after the root node
        if (!build_.finished()) throw unsupported{};
    }

private:
    // --- positions --------------------------------------------------------------------------
    [[nodiscard]] bool at_end() const noexcept { return pos_ >= t_.size(); }
    [[nodiscard]] char peek(std::size_t ahead = 0) const noexcept {
        return pos_ + ahead < t_.size() ? t_[pos_ + ahead] : '\n';
    }
    [[nodiscard]] int column() const noexcept { return static_cast<int>(pos_ - line_start_); }
    [[nodiscard]] yaml_mark mark() const noexcept {
        return {line_, static_cast<std::uint32_t>(pos_ - line_start_)};
    }
    static bool blank_or_break(char c) noexcept { return c == ' ' || c == '\n'; }
    // The mark of the node about to be made: yaml-cpp marks an anchored node at its anchor.
    [[nodiscard]] yaml_mark node_mark() noexcept {
        if (!anchor_mark_) return mark();
        const auto m = *anchor_mark_;
        anchor_mark_.reset();
        return m;
    }

    // Past the '\n' ending the current line.
    void next_line() {
        const auto nl = t_.find('\n', pos_);
        pos_ = nl == std::string_view::npos ? t_.size() : nl + 1;
        ++line_;
        line_start_ = pos_;
    }

    void skip_spaces() {
        while (pos_ < t_.size() && t_[pos_] == ' ') ++pos_;
    }

    // The rest of the line after a value: spaces, then a comment or the end of the line.
    void end_of_line() {
        const auto before = pos_;
        skip_spaces();
        if (peek() == '#' && pos_ > before) {
            next_line();
            return;
        }
        if (peek() != '\n') throw unsupported{};
        next_line();
    }

    // Skips blank and comment lines; leaves pos_ on the first content character of the next
    // content line. False at the end of the text. Document markers are not in the subset.
    bool skip_to_content() {
        while (!at_end()) {
            if (pos_ == line_start_ && (t_.substr(pos_, 3) == "---" || t_.substr(pos_, 3) == "...")) throw unsupported{};
            if (pos_ == line_start_ && t_[pos_] == '%') throw unsupported{}; // a directive
            skip_spaces();
            if (at_end()) return false;
            if (t_[pos_] == '\n' || t_[pos_] == '#') {
                next_line();
                continue;
            }
            return true;
        }
        return false;
    }

    [[nodiscard]] bool entry_dash_here() const noexcept { return peek() == '-' && blank_or_break(peek(1)); }

    // --- block structure --------------------------------------------------------------------

    // One more level of collections while it lives; past the limit the text is yaml-cpp's
    // (whose nesting check then reports it). The parser recurses once a level.
    struct nested {
        explicit nested(fast_parser& p) : p_(p) {
            if (++p_.depth_ > p_.max_depth_) throw unsupported{};
        }
        ~nested() { --p_.depth_; }
        nested(const nested&) = delete;
        nested& operator=(const nested&) = delete;
        fast_parser& p_;
    };

    // A block collection starting at the first content character of a line, more indented
    // than its parent.
    void block_node_here(int parent_indent) {
        if (column() <= parent_indent) throw unsupported{};
        if (entry_dash_here()) return block_sequence(column());
        if (key_length_here()) return block_map(column());
        throw unsupported{}; // a scalar on a line of its own
    }

    // The length of a plain key at pos_ (up to its ':'), or 0 if the line does not start with
    // one. Only plain keys on one line, without flow indicators.
    [[nodiscard]] std::size_t key_length_here() const {
        const char first = peek();
        if (first == '\n' || is_indicator(first) || (first == '-' && blank_or_break(peek(1)))) return 0;
        for (std::size_t i = pos_; i < t_.size() && i - pos_ <= max_key_length; ++i) {
            const char c = t_[i];
            if (c == '\n') return 0;
            if (c == ':' && (i + 1 == t_.size() || blank_or_break(t_[i + 1]))) return i - pos_;
            if (c == '#' && t_[i - 1] == ' ') return 0;
            if (is_flow_indicator(c)) return 0;
        }
        return 0;
    }

    void block_map(int indent) {
        const nested level(*this);
        build_.open(yaml_kind::map, node_mark());
        for (;;) {
            const auto length = key_length_here();
            if (length == 0) throw unsupported{};
            std::string_view key = t_.substr(pos_, length);
            while (!key.empty() && key.back() == ' ') key.remove_suffix(1);
            if (is_null_word(key)) throw unsupported{};
            build_.scalar(std::string(key), true, mark());
            pos_ += length + 1; // past the ':'
            skip_spaces();
            if (peek() == '\n' || peek() == '#') value_below(indent, true);
            else inline_value(indent, true);
            if (!skip_to_content() || column() < indent) break;
            if (column() > indent) throw unsupported{};
        }
        build_.close();
    }

    void block_sequence(int indent) {
        const nested level(*this);
        build_.open(yaml_kind::sequence, node_mark());
        for (;;) {
            ++pos_; // the '-'
            skip_spaces();
            if (peek() == '\n' || peek() == '#') {
                value_below(indent, false);
            } else if (entry_dash_here()) {
                throw unsupported{}; // "- - a"
            } else if (key_length_here()) {
                block_map(column()); // "- key: value", the mapping at the key's column
            } else {
                inline_value(indent, false);
            }
            if (!skip_to_content() || column() < indent) break;
            if (column() > indent) throw unsupported{};
            if (!entry_dash_here()) break; // the mapping this sequence is the value of goes on
        }
        build_.close();
    }

    // A mapping's value or a sequence's entry on the lines below its key or '-', which is at
    // column `indent`. A mapping's value may be a sequence at the key's own column.
    void value_below(int indent, bool in_map) {
        next_line();
        if (!skip_to_content()) throw unsupported{}; // an empty value
        if (column() > indent) block_node_here(indent);
        else if (in_map && column() == indent && entry_dash_here()) block_sequence(indent); // "key:\n- a"
        else throw unsupported{}; // an empty value
    }

    // A value that starts on the line of its key or '-'. `indent` is that line's structure's
    // column: continuation lines must be indented more. Leaves pos_ at a line start.
    void inline_value(int indent, bool in_map) {
        if (peek() == '*') return alias();
        if (peek() == '&') return anchored(indent, in_map);
        switch (peek()) {
        case '"':
        case '\'':
            quoted_scalar(indent, false);
            return end_of_line();
        case '[':
        case '{':
            flow_node(indent);
            return end_of_line();
        case '|':
        case '>':
            return block_scalar(indent);
        default:
            break;
        }
        if (is_indicator(peek()) || (peek() == '-' && blank_or_break(peek(1)))) throw unsupported{};
        plain_block_scalar(indent);
    }

    // "&name value", or "&name" with the value on the lines below.
    void anchored(int indent, bool in_map) {
        const auto at = mark();
        const auto name = anchor_name();
        skip_spaces();
        const auto index = static_cast<std::uint32_t>(doc_.node_count());
        anchor_mark_ = at;
        if (peek() == '\n' || peek() == '#') value_below(indent, in_map);
        else if (peek() == '&' || peek() == '*' || peek() == '!') throw unsupported{};
        else inline_value(indent, in_map);
        anchors_.insert_or_assign(std::string(name), index);
    }

    // "*name": the anchored node again.
    void alias() {
        const auto name = anchor_name();
        const auto found = anchors_.find(name);
        if (found == anchors_.end()) throw unsupported{}; // unknown, or inside its own anchor
        build_.alias(found->second);
        end_of_line();
    }

    // The name after '&' or '*': up to a space or the end of the line.
    std::string_view anchor_name() {
        const auto start = ++pos_;
        while (!blank_or_break(peek())) {
            if (is_flow_indicator(peek())) throw unsupported{};
            ++pos_;
        }
        if (pos_ == start) throw unsupported{};
        return t_.substr(start, pos_ - start);
    }

    // A plain scalar in block context, perhaps folded over several more-indented lines.
    void plain_block_scalar(int indent) {
        const auto at = node_mark();
        std::string text;
        bool first = true;
        for (;;) {
            // One line of it: up to a comment or the end of the line.
            const auto start = pos_;
            while (peek() != '\n' && !(peek() == '#' && t_[pos_ - 1] == ' ')) {
                if (peek() == ':' && blank_or_break(peek(1))) throw unsupported{}; // "a: b: c"
                ++pos_;
            }
            std::string_view part = t_.substr(start, pos_ - start);
            while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
            text.append(part);
            const bool comment = peek() == '#';
            next_line();
            // A continuation: the next content line, more indented, after no comment.
            std::size_t breaks = 0;
            const auto save_pos = pos_, save_start = line_start_;
            const auto save_line = line_;
            while (!at_end()) {
                skip_spaces();
                if (peek() != '\n') break;
                ++breaks;
                next_line();
            }
            if (at_end() || column() <= indent || peek() == '#') {
                pos_ = save_pos, line_start_ = save_start, line_ = save_line;
                break;
            }
            if (comment) throw unsupported{}; // text after a comment line
            if (is_indicator(peek()) || (peek() == '-' && blank_or_break(peek(1)))) throw unsupported{};
            if (t_.substr(pos_, 3) == "---" || t_.substr(pos_, 3) == "...") throw unsupported{};
            text.append(breaks == 0 ? std::string(" ") : std::string(breaks, '\n'));
            first = false;
        }
        if (first && is_null_word(text)) {
            build_.null(at);
            return;
        }
        build_.scalar(std::move(text), true, at);
    }

    // After a line break inside quotes: folds the break and any empty lines after it, and
    // skips the next line's indentation (which must be deeper than `indent`).
    void fold_quoted_break(std::string& text, std::size_t keep, int indent) {
        text.resize(keep); // trailing spaces before a break are not content
        next_line();
        std::size_t empty = 0;
        for (;;) {
            if (at_end()) throw unsupported{};
            skip_spaces();
            if (peek() != '\n') break;
            ++empty;
            next_line();
        }
        if (column() <= indent) throw unsupported{};
        if (column() == 0 || t_.substr(line_start_, 3) == "---" || t_.substr(line_start_, 3) == "...") throw unsupported{};
        text.append(empty == 0 ? std::string(" ") : std::string(empty, '\n'));
    }

    static void append_utf8(std::string& out, std::uint32_t cp) {
        if (cp < 0x80) {
            out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }

    // A double- or single-quoted scalar: '' is a quote in single quotes, the common escapes in
    // double quotes; line breaks fold as in plain text.
    void quoted_scalar(int indent, bool one_line) {
        const auto at = node_mark();
        const char quote = t_[pos_++];
        std::string text;
        std::size_t keep = 0; // text before trailing literal spaces
        for (;;) {
            if (at_end()) throw unsupported{};
            const char c = t_[pos_];
            if (c == quote) {
                if (quote == '\'' && peek(1) == '\'') {
                    text.push_back('\'');
                    pos_ += 2;
                    keep = text.size();
                    continue;
                }
                ++pos_;
                break;
            }
            if (c == '\n') {
                if (one_line) throw unsupported{};
                fold_quoted_break(text, keep, indent);
                keep = text.size();
                continue;
            }
            if (c == '\\' && quote == '"') {
                escape(text);
                keep = text.size();
                continue;
            }
            text.push_back(c);
            ++pos_;
            if (c != ' ') keep = text.size();
        }
        build_.scalar(std::move(text), false, at);
    }

    // The escape at pos_ (a backslash) in double quotes: the common ones only.
    void escape(std::string& text) {
        const char e = peek(1);
        pos_ += 2;
        switch (e) {
        case '\\': text.push_back('\\'); break;
        case '"': text.push_back('"'); break;
        case '/': text.push_back('/'); break;
        case 'n': text.push_back('\n'); break;
        case 't': text.push_back('\t'); break;
        case 'u': {
            if (pos_ + 4 > t_.size()) throw unsupported{};
            std::uint32_t cp = 0;
            for (int k = 0; k < 4; ++k) {
                const char h = t_[pos_ + static_cast<std::size_t>(k)];
                const int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                if (v < 0) throw unsupported{};
                cp = cp * 16 + static_cast<std::uint32_t>(v);
            }
            if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) throw unsupported{};
            append_utf8(text, cp);
            pos_ += 4;
            break;
        }
        default: throw unsupported{};
        }
    }

    // A literal (|) or folded (>) block scalar, clipped or stripped (-), its indentation found
    // from its first line. Kept (+), explicitly indented, or folded with more-indented lines:
    // not in the subset.
    void block_scalar(int indent) {
        const auto at = node_mark();
        const bool folded = peek() == '>';
        ++pos_;
        bool strip = false;
        if (peek() == '-') {
            strip = true;
            ++pos_;
        }
        if (peek() != ' ' && peek() != '\n') throw unsupported{}; // '+', an indentation digit
        end_of_line();
        // The content's indentation: the first line's; no empty lines before it.
        skip_spaces();
        if (at_end() || peek() == '\n') throw unsupported{};
        const int content_indent = column();
        if (content_indent <= indent) throw unsupported{}; // an empty block scalar
        std::string text;
        std::size_t pending_breaks = 0; // empty lines since the last content line
        bool any = false;
        for (;;) {
            // pos_ is at content_indent on a content line.
            const auto start = pos_;
            const auto nl = t_.find('\n', pos_);
            const std::string_view line = t_.substr(start, nl - start);
            if (folded && !line.empty() && line.front() == ' ') throw unsupported{}; // more indented
            if (any) {
                if (folded) text.append(pending_breaks == 0 ? std::string(" ") : std::string(pending_breaks, '\n'));
                else text.append(pending_breaks + 1, '\n');
            }
            text.append(line);
            any = true;
            pos_ = nl;
            next_line();
            // Empty lines, then the next line's indentation.
            pending_breaks = 0;
            std::size_t line_begin = pos_;
            for (;;) {
                if (at_end()) break;
                line_begin = pos_;
                skip_spaces();
                if (peek() == '\n') {
                    if (pos_ != line_begin) throw unsupported{}; // a line of spaces only
                    ++pending_breaks;
                    next_line();
                    continue;
                }
                break;
            }
            if (at_end() || column() < content_indent) {
                pos_ = line_begin; // the caller reads the rest from this line's start
                break;
            }
            if (column() > content_indent) {
                if (folded) throw unsupported{};
                pos_ = line_start_ + static_cast<std::size_t>(content_indent); // literal keeps the rest
            }
        }
        if (!strip) text.push_back('\n');
        build_.scalar(std::move(text), false, at);
    }

    // --- flow collections ---------------------------------------------------------------------
    // They may run over several lines, each indented more than the block structure they are in
    // (`indent`); the scalars in them are each on one line.

    void flow_node(int indent) {
        switch (peek()) {
        case '[': return flow_collection(yaml_kind::sequence, ']', indent);
        case '{': return flow_collection(yaml_kind::map, '}', indent);
        case '"':
        case '\'': return quoted_scalar(-1, true);
        default: return flow_plain();
        }
    }

    // Spaces, comments and line breaks between the tokens of a flow collection.
    void skip_flow_space(int indent) {
        for (;;) {
            const auto before = pos_;
            skip_spaces();
            if (peek() == '#' && (pos_ > before || pos_ == line_start_)) {
                pos_ = t_.find('\n', pos_);
                if (pos_ == std::string_view::npos) throw unsupported{};
            }
            if (peek() != '\n') return;
            next_line();
            if (at_end()) throw unsupported{}; // never closed
            skip_spaces();
            // A closing bracket may stand at the block's own column, as yaml-cpp allows.
            const bool closing = peek() == ']' || peek() == '}';
            if (peek() != '\n' && peek() != '#' && (column() < indent || (column() == indent && !closing))) throw unsupported{};
            pos_ = line_start_;
        }
    }

    void flow_collection(yaml_kind kind, char close, int indent) {
        const nested level(*this);
        build_.open(kind, node_mark());
        ++pos_;
        skip_flow_space(indent);
        if (peek() == close) {
            ++pos_;
            build_.close();
            return;
        }
        for (;;) {
            flow_node(indent);
            skip_flow_space(indent);
            if (kind == yaml_kind::map) {
                if (peek() != ':' || !blank_or_break(peek(1))) throw unsupported{}; // "{a}", "{a:b}"
                ++pos_;
                skip_spaces();
                if (peek() == ',' || peek() == close || peek() == '\n') throw unsupported{}; // an empty value
                flow_node(indent);
                skip_flow_space(indent);
            }
            if (peek() == ',') {
                ++pos_;
                skip_flow_space(indent);
                if (peek() == close) throw unsupported{}; // a trailing comma
                continue;
            }
            if (peek() == close) {
                ++pos_;
                break;
            }
            throw unsupported{};
        }
        build_.close();
    }

    void flow_plain() {
        const char first = peek();
        if (first == '\n' || is_indicator(first) || (first == '-' && blank_or_break(peek(1)))) throw unsupported{};
        const auto at = node_mark();
        const auto start = pos_;
        for (;;) {
            const char c = peek();
            if (c == '\n' || is_flow_indicator(c) || c == '?') break; // yaml-cpp ends a scalar in brackets at '?' too
            if (c == ':' && (blank_or_break(peek(1)) || is_flow_indicator(peek(1)))) break;
            if (c == '#' && t_[pos_ - 1] == ' ') throw unsupported{}; // a comment right after a scalar
            ++pos_;
        }
        std::string_view text = t_.substr(start, pos_ - start);
        while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
        if (text.empty()) throw unsupported{};
        if (peek() == ':' && !blank_or_break(peek(1))) throw unsupported{}; // "a:]" and the like
        if (is_null_word(text)) build_.null(at);
        else build_.scalar(std::string(text), true, at);
    }

    std::string_view t_;
    const yaml_document& doc_;
    std::size_t pos_ = 0;
    std::size_t line_start_ = 0;
    std::uint32_t line_ = 0;
    yaml_document::builder build_;
    std::optional<yaml_mark> anchor_mark_; // the next node's mark: where its '&anchor' is
    std::map<std::string, std::uint32_t, std::less<>> anchors_;
    std::size_t max_depth_;
    std::size_t depth_ = 0;
};

} // namespace

std::unique_ptr<yaml_document> parse_yaml_fast(std::string_view text, std::size_t max_depth) {
    auto doc = std::make_unique<yaml_document>();
    try {
        fast_parser(text, max_depth, *doc).parse();
    } catch (const unsupported&) {
        return nullptr;
    }
    return doc;
}

} // namespace candour::detail
