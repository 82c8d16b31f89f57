// Private: the document tree, and the general parser: yaml-cpp's event interface feeding the
// tree, for every text the fast parser does not take.

#include "yaml_document.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace candour::detail {

std::uint32_t yaml_document::builder::scalar(std::string text, bool plain, yaml_mark at) {
    const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
    doc_.nodes_.push_back({yaml_kind::scalar, plain, at, static_cast<std::uint32_t>(doc_.scalars_.size()), 0});
    doc_.scalars_.push_back(std::move(text));
    attach(index);
    return index;
}

std::uint32_t yaml_document::builder::null(yaml_mark at) {
    const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
    doc_.nodes_.push_back({yaml_kind::null, true, at, 0, 0});
    attach(index);
    return index;
}

void yaml_document::builder::open(yaml_kind kind, yaml_mark at) {
    const auto index = static_cast<std::uint32_t>(doc_.nodes_.size());
    doc_.nodes_.push_back({kind, true, at, 0, 0});
    attach(index);
    open_.push_back({index, pending_.size()});
}

void yaml_document::builder::close() {
    const auto [node, from] = open_.back();
    open_.pop_back();
    auto& d = doc_.nodes_[node];
    d.first = static_cast<std::uint32_t>(doc_.children_.size());
    d.count = static_cast<std::uint32_t>(pending_.size() - from);
    doc_.children_.insert(doc_.children_.end(), pending_.begin() + static_cast<std::ptrdiff_t>(from), pending_.end());
    pending_.resize(from);
}

void yaml_document::builder::attach(std::uint32_t index) {
    if (!open_.empty()) {
        pending_.push_back(index);
    } else if (!has_root_) {
        doc_.root_ = index;
        has_root_ = true;
    }
}

namespace {

// A read-only stream buffer over text that outlives it: yaml-cpp reads from a stream.
class view_buffer : public std::streambuf {
public:
    explicit view_buffer(std::string_view text) {
        char* p = const_cast<char*>(text.data()); // never written: the buffer only reads
        setg(p, p, p + text.size());
    }
};

yaml_mark to_mark(const YAML::Mark& m) {
    return {static_cast<std::uint32_t>(m.line < 0 ? 0 : m.line), static_cast<std::uint32_t>(m.column < 0 ? 0 : m.column)};
}

// Builds the tree from yaml-cpp's events, as its own NodeBuilder builds YAML::Node: the same
// marks, quoted scalars tagged "!", aliases resolved to their anchored node.
class tree_builder final : public YAML::EventHandler {
public:
    explicit tree_builder(yaml_document& doc) : doc_(doc), build_(doc) {}
    bool finished() const noexcept { return build_.finished(); }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override { remember(anchor, build_.null(to_mark(mark))); }
    void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
        if (anchor < anchors_.size()) build_.alias(anchors_[anchor]);
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
        remember(anchor, build_.scalar(value, tag != "!", to_mark(mark)));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(yaml_kind::sequence, mark, anchor);
    }
    void OnSequenceEnd() override { build_.close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value) override {
        open(yaml_kind::map, mark, anchor);
    }
    void OnMapEnd() override { build_.close(); }

private:
    void open(yaml_kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
        // The collection's index is the next node's: remember it before its children come.
        remember(anchor, static_cast<std::uint32_t>(doc_.node_count()));
        build_.open(kind, to_mark(mark));
    }
    void remember(YAML::anchor_t anchor, std::uint32_t index) {
        if (anchor == 0) return;
        if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, 0);
        anchors_[anchor] = index;
    }
    const yaml_document& doc_;
    yaml_document::builder build_;
    std::vector<std::uint32_t> anchors_; // by yaml-cpp's anchor number
};

} // namespace

namespace {
void dump_into(const yaml_node& n, std::string& out, int depth, std::size_t max_bytes) {
    out.append(static_cast<std::size_t>(depth) * 2, ' ');
    if (depth > 400 || out.size() > max_bytes) {
        out += "...\n";
        return;
    }
    const auto m = n.Mark();
    out += std::to_string(m.line) + ":" + std::to_string(m.column) + " ";
    switch (n.Type()) {
    case yaml_kind::undefined: out += "undefined\n"; return;
    case yaml_kind::null: out += "null\n"; return;
    case yaml_kind::scalar:
        out += n.plain() ? "plain [" : "quoted [";
        out += n.Scalar();
        out += "]\n";
        return;
    case yaml_kind::sequence:
        out += "seq " + std::to_string(n.size()) + "\n";
        for (const auto& e : n) dump_into(e, out, depth + 1, max_bytes);
        return;
    case yaml_kind::map:
        out += "map " + std::to_string(n.size()) + "\n";
        for (const auto& kv : n) {
            dump_into(kv.first, out, depth + 1, max_bytes);
            dump_into(kv.second, out, depth + 2, max_bytes);
        }
        return;
    }
}
} // namespace

std::string dump_yaml(const yaml_node& n, std::size_t max_bytes) {
    std::string out;
    dump_into(n, out, 0, max_bytes);
    return out;
}

std::unique_ptr<yaml_document> parse_yaml_full(std::string_view text) {
    auto doc = std::make_unique<yaml_document>();
    view_buffer buffer(text);
    std::istream stream(&buffer);
    YAML::Parser parser(stream);
    tree_builder events(*doc);
    parser.HandleNextDocument(events);
    if (!events.finished()) return nullptr;
    return doc;
}

} // namespace candour::detail
