#pragma once
// Private: a parsed YAML document as a compact, read-only tree, and the node handle the loaders
// walk. Two parsers fill it (docs/performance.md, "Loading YAML"):
//  - a fast parser for the block-style subset candour's own files are written in
//    (yaml_fast_parser.cpp). It never reports an error: on anything outside the subset, or
//    anything wrong, it gives up and
//  - yaml-cpp parses the text instead, through its event interface (yaml_document.cpp), so
//    every file yaml-cpp accepts is read, and every error message is yaml-cpp's.
// Both give the same tree (tests/unit/test_yaml_document.cpp and the yaml_differential fuzz
// target compare them): kinds, scalar text, plain-or-quoted, and 0-based line and column marks.
//
// The node handle mirrors the part of YAML::Node's interface the loaders use (IsMap(),
// Scalar(), Mark(), iteration with .first/.second), so the schema code reads the same.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace candour::detail {

enum class yaml_kind : std::uint8_t { undefined, null, scalar, sequence, map };

/// A node's position: 0-based, as yaml-cpp's Mark (yaml_reader::where adds one).
struct yaml_mark {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

class yaml_document;

/// A handle on one node of a document that outlives it; cheap to copy. A default-constructed
/// handle is undefined (an absent key).
class yaml_node {
public:
    yaml_node() = default;
    yaml_node(const yaml_document* doc, std::uint32_t index) : doc_(doc), index_(index) {}

    [[nodiscard]] yaml_kind Type() const noexcept;
    [[nodiscard]] bool IsDefined() const noexcept { return doc_ != nullptr; }
    [[nodiscard]] bool IsNull() const noexcept { return Type() == yaml_kind::null; }
    [[nodiscard]] bool IsScalar() const noexcept { return Type() == yaml_kind::scalar; }
    [[nodiscard]] bool IsSequence() const noexcept { return Type() == yaml_kind::sequence; }
    [[nodiscard]] bool IsMap() const noexcept { return Type() == yaml_kind::map; }
    /// A scalar's text; empty for any other node.
    [[nodiscard]] const std::string& Scalar() const noexcept;
    /// True for a plain (unquoted) scalar: `1` is a number, `"1"` text.
    [[nodiscard]] bool plain() const noexcept;
    [[nodiscard]] yaml_mark Mark() const noexcept;
    /// Entries of a sequence, key-value pairs of a mapping; 0 for anything else.
    [[nodiscard]] std::size_t size() const noexcept;
    /// The value under a scalar `key` of a mapping (the first, if the key is repeated), as
    /// yaml-cpp's lookup; undefined if absent or if this is not a mapping.
    [[nodiscard]] yaml_node operator[](std::string_view key) const noexcept;
    /// The same node of the same document.
    [[nodiscard]] bool is(const yaml_node& other) const noexcept { return doc_ == other.doc_ && index_ == other.index_; }

    class iterator;
    [[nodiscard]] iterator begin() const noexcept;
    [[nodiscard]] iterator end() const noexcept;

private:
    const yaml_document* doc_ = nullptr;
    std::uint32_t index_ = 0;
};

/// What iterating yields: the element of a sequence (the entry itself), or a mapping's pair
/// (`first` the key, `second` the value), as yaml-cpp's iterators do.
struct yaml_entry : yaml_node {
    yaml_node first, second;
};

class yaml_node::iterator {
public:
    using value_type = yaml_entry;
    using difference_type = std::ptrdiff_t;
    iterator() = default;
    iterator(const yaml_document* doc, const std::uint32_t* at, bool pairs) : doc_(doc), at_(at), pairs_(pairs) {}
    yaml_entry operator*() const noexcept;
    iterator& operator++() noexcept { at_ += pairs_ ? 2 : 1; return *this; }
    bool operator==(const iterator& o) const noexcept { return at_ == o.at_; }

private:
    const yaml_document* doc_ = nullptr;
    const std::uint32_t* at_ = nullptr;
    bool pairs_ = false;
};

/// The nodes of one document, in one array; the children of a collection are a contiguous run
/// of node indices (keys and values alternating for a mapping). An alias is the anchored
/// node's index again, so an alias bomb stays as small as its text.
class yaml_document {
public:
    struct node_data {
        yaml_kind kind = yaml_kind::null;
        bool plain = true;
        yaml_mark mark;
        std::uint32_t first = 0; // scalar: index into scalars_; collection: into children_
        std::uint32_t count = 0; // children (twice the pairs for a mapping)
    };

    [[nodiscard]] yaml_node root() const noexcept { return nodes_.empty() ? yaml_node{} : yaml_node{this, root_}; }
    [[nodiscard]] const node_data& at(std::uint32_t i) const noexcept { return nodes_[i]; }
    [[nodiscard]] const std::string& scalar(std::uint32_t i) const noexcept { return scalars_[i]; }
    [[nodiscard]] const std::uint32_t* children(std::uint32_t first) const noexcept { return children_.data() + first; }
    [[nodiscard]] std::size_t node_count() const noexcept { return nodes_.size(); }

    /// Builds a document in document order: scalars and nulls as they come, collections
    /// between open() and close(). `alias` repeats a node already added.
    class builder;

private:
    std::vector<node_data> nodes_;
    std::vector<std::string> scalars_;
    std::vector<std::uint32_t> children_;
    std::uint32_t root_ = 0;
};

class yaml_document::builder {
public:
    explicit builder(yaml_document& doc) : doc_(doc) {}
    std::uint32_t scalar(std::string text, bool plain, yaml_mark at);
    std::uint32_t null(yaml_mark at);
    void open(yaml_kind kind, yaml_mark at);
    void close();
    /// Repeats node `index` (an alias) where the next node goes.
    void alias(std::uint32_t index) { attach(index); }
    /// The document is complete: exactly one root, every collection closed.
    [[nodiscard]] bool finished() const noexcept { return open_.empty() && has_root_; }

private:
    void attach(std::uint32_t index);
    yaml_document& doc_;
    std::vector<std::uint32_t> pending_;  // children of the open collections, innermost last
    struct open_collection {
        std::uint32_t node;
        std::size_t pending_from;
    };
    std::vector<open_collection> open_;
    bool has_root_ = false;
};

/// Parses `text` (already checked as UTF-8 without NUL bytes) with the fast subset parser.
/// Nothing if the text is outside the subset, not valid YAML, or nests collections deeper than
/// `max_depth`: the caller then parses it with yaml-cpp.
std::unique_ptr<yaml_document> parse_yaml_fast(std::string_view text, std::size_t max_depth = 64);

/// Parses the first document in `text` with yaml-cpp. Throws YAML::Exception on a syntax
/// error, as YAML::Load does. Nothing for an empty document.
std::unique_ptr<yaml_document> parse_yaml_full(std::string_view text);

/// The tree under `n` as indented text, one node a line: mark, kind, plain or quoted, value.
/// Two trees are the same iff their dumps are (the parsers' tests compare them). Cut short at a
/// depth of 400 or after `max_bytes`: an alias may make a cycle, an alias bomb a huge tree.
std::string dump_yaml(const yaml_node& n, std::size_t max_bytes = std::size_t{16} << 20);

// --- inline definitions ---------------------------------------------------------------------

inline yaml_kind yaml_node::Type() const noexcept { return doc_ ? doc_->at(index_).kind : yaml_kind::undefined; }
inline bool yaml_node::plain() const noexcept { return doc_ ? doc_->at(index_).plain : true; }
inline yaml_mark yaml_node::Mark() const noexcept { return doc_ ? doc_->at(index_).mark : yaml_mark{}; }

inline const std::string& yaml_node::Scalar() const noexcept {
    static const std::string none;
    if (!IsScalar()) return none;
    return doc_->scalar(doc_->at(index_).first);
}

inline std::size_t yaml_node::size() const noexcept {
    const auto k = Type();
    if (k == yaml_kind::sequence) return doc_->at(index_).count;
    if (k == yaml_kind::map) return doc_->at(index_).count / 2;
    return 0;
}

inline yaml_node yaml_node::operator[](std::string_view key) const noexcept {
    if (!IsMap()) return {};
    const auto& d = doc_->at(index_);
    const std::uint32_t* kv = doc_->children(d.first);
    for (std::uint32_t i = 0; i < d.count; i += 2) {
        const auto& k = doc_->at(kv[i]);
        if (k.kind == yaml_kind::scalar && doc_->scalar(k.first) == key) return {doc_, kv[i + 1]};
    }
    return {};
}

inline yaml_node::iterator yaml_node::begin() const noexcept {
    const auto k = Type();
    if (k != yaml_kind::sequence && k != yaml_kind::map) return {};
    const auto& d = doc_->at(index_);
    return {doc_, doc_->children(d.first), k == yaml_kind::map};
}

inline yaml_node::iterator yaml_node::end() const noexcept {
    const auto k = Type();
    if (k != yaml_kind::sequence && k != yaml_kind::map) return {};
    const auto& d = doc_->at(index_);
    return {doc_, doc_->children(d.first) + d.count, k == yaml_kind::map};
}

inline yaml_entry yaml_node::iterator::operator*() const noexcept {
    yaml_entry e;
    if (pairs_) {
        e.first = yaml_node{doc_, at_[0]};
        e.second = yaml_node{doc_, at_[1]};
    } else {
        static_cast<yaml_node&>(e) = yaml_node{doc_, at_[0]};
    }
    return e;
}

} // namespace candour::detail
