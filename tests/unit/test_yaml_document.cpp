// The two YAML parsers behind every loader (lib/yaml_document.hpp, internal): the fast subset
// parser must give exactly yaml-cpp's tree whenever it takes a text, and give up otherwise.
// Every YAML file in the repository is parsed both ways; hand-written texts pin down each
// construct of the subset and each thing it must leave to yaml-cpp.

#include "yaml_document.hpp"
#include "yaml_reader.hpp"

#include <doctest/doctest.h>
#include <yaml-cpp/exceptions.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using candour::detail::dump_yaml;
using candour::detail::parse_yaml_fast;
using candour::detail::parse_yaml_full;
using candour::detail::yaml_kind;
using candour::detail::yaml_node;

namespace {

struct both {
    bool fast_took = false;
    bool full_ok = false;
    std::string fast, full;
};

both parse_both(std::string_view text) {
    both b;
    if (auto d = parse_yaml_fast(text)) {
        b.fast_took = true;
        b.fast = dump_yaml(d->root());
    }
    try {
        if (auto d = parse_yaml_full(text)) {
            b.full_ok = true;
            b.full = dump_yaml(d->root());
        }
    } catch (const YAML::Exception&) {
    }
    return b;
}

// The fast parser takes `text` and agrees with yaml-cpp.
void taken(std::string_view text) {
    INFO("text: ", text);
    const auto b = parse_both(text);
    REQUIRE(b.full_ok);
    REQUIRE(b.fast_took);
    CHECK(b.fast == b.full);
}

// The fast parser leaves `text` to yaml-cpp.
void left(std::string_view text) {
    INFO("text: ", text);
    CHECK_FALSE(parse_both(text).fast_took);
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("the fast YAML parser agrees with yaml-cpp on every YAML file in the repository") {
    std::size_t files = 0, fast = 0, bundled = 0, bundled_fast = 0;
    for (const char* dir : {CANDOUR_RULES, CANDOUR_EXAMPLES, CANDOUR_TESTS}) {
        for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
            if (!e.is_regular_file()) continue;
            const auto ext = e.path().extension();
            if (ext != ".yaml" && ext != ".yml") continue;
            const auto text = read(e.path());
            // What the loaders parse: text that passed the encoding and nesting checks.
            std::vector<candour::diagnostic> diags;
            if (!candour::detail::precheck_text(text, "f", candour::load_limits{}.max_depth, diags)) continue;
            const auto b = parse_both(text);
            ++files;
            const bool is_bundled = std::string_view(dir) == CANDOUR_RULES;
            bundled += is_bundled;
            if (!b.fast_took) {
                if (is_bundled) MESSAGE("left to yaml-cpp: ", e.path().string());
                continue;
            }
            ++fast;
            bundled_fast += is_bundled;
            INFO("file: ", e.path().string());
            REQUIRE(b.full_ok); // the fast parser never takes what yaml-cpp refuses
            CHECK(b.fast == b.full);
        }
    }
    MESSAGE("fast parser took ", fast, " of ", files, " files; ", bundled_fast, " of ", bundled, " bundled rule files");
    CHECK(files > 100);
    // Every bundled rulebook, scenario and template is in the subset: rules load at the fast
    // parser's speed (docs/performance.md). A rule file outside it still loads, slower.
    CHECK(bundled_fast == bundled);
}

TEST_CASE("the fast YAML parser: block mappings and sequences") {
    taken("a: b\n");
    taken("a: b\nc: d\n");
    taken("a:\n  b: c\n  d: e\nf: g\n");
    taken("a:\n  - x\n  - y\n");
    taken("a:\n- x\n- y\nb: z\n"); // a sequence as indented as its key
    taken("- a\n- b\n");
    taken("- a: 1\n  b: 2\n- c: 3\n"); // mappings inside entries
    taken("- \n  a: 1\n");
    taken("-\n  - x\n");
    taken("a: b # comment\n# a comment line\n\nc: d\n");
    taken("  a: 1\n  b: 2\n"); // an indented root
    taken("a: ~\nb: null\nc: Null\nd: NULL\n");
    taken("a b : c\n");
    taken("a: b\na: c\n"); // repeated keys are kept, in order
    taken("key-with.dots(1)(a): v\n");
}

TEST_CASE("the fast YAML parser: scalars") {
    taken("a: plain text, with (punctuation) [and] {brackets}\n");
    taken("a: http://example.com/x?y=1#frag\n");
    taken("a: text#not-a-comment\n");
    taken("a: -5\nb: 1.5e3\nc: true\n");
    taken("a: folded\n  plain text\n\n  over lines\nb: c\n");
    taken("a: \"double \\\"quoted\\\" \\\\ \\/ \\n \\t \\u00e9 \\u2014\"\n");
    taken("a: 'single ''quoted'' text'\n");
    taken("a: \"over\n  two lines\n\n  and a break\"\n");
    taken("a: 'over   \n   two lines'\n");
    taken("a: \"\"\nb: ''\n");
    taken("a: \"trailing  \"\n");
    taken("- \"entry\"\n- 'entry'\n");
    taken("a: \"caf\xC3\xA9\"\nb: \xC3\xA9t\xC3\xA9\n");
}

TEST_CASE("the fast YAML parser: block scalars") {
    taken("a: >-\n  folded\n  text\n\n  paragraph\nb: c\n");
    taken("a: >\n  folded\n  text\nb: c\n");
    taken("a: |\n  literal\n    indented\n  text\nb: c\n");
    taken("a: |-\n  literal\n\n\n  text\n\n\nb: c\n");
    taken("a: >-\n    deeper\n    text\n");
    taken("- >-\n  entry text\n- |\n  x\n");
    taken("a: > # a comment\n  text\n");
    taken("a:\n  b: >-\n    # not a comment\n    text\n  c: d\n");
}

TEST_CASE("the fast YAML parser: flow collections") {
    taken("a: [\n  x, y,\n  z\n  ]\nb: c\n");
    taken("a: [ # comment\n    {k: 1}, {k: 2},\n\n    {k: 3}\n  ]\n");
    taken("- {a: [1,\n    2], b: c}\n");
    taken("k:\n  a: [\n    x\n  ]\n  b: c\n"); // the closing bracket at the key's column
    taken("a: [x, y, z]\n");
    taken("a: []\nb: {}\n");
    taken("a: {label: x, uri: \"https://e.g/x\", kind: guidance}\n");
    taken("a: [{x: 1}, [2, 3], 'q', \"r\"]\n");
    taken("a: [s.30(1), s.30(2)]\n");
    taken("a: {k: ~, j: null}\n");
    taken("a: [  x  ,  y  ]  # comment\n");
    taken("a: {\"quoted key\": v}\n");
    taken("a: [caf\xC3\xA9, \xC3\xA9]\n");
}

TEST_CASE("the fast YAML parser: anchors and aliases") {
    taken("a: &x\n  - p: 1\n  - q: 2\nb: *x\n");
    taken("a: &x\n- p\nb: *x # again\n");
    taken("a: &x text\nb: [1]\nc: *x\n");
    taken("a: &x {k: v}\nb:\n  - *x\n  - *x\n");
    taken("a: &x 1\nb: &x 2\nc: *x\n"); // the later anchor wins
    taken("- &e \"q\"\n- *e\n");
}

TEST_CASE("the fast YAML parser leaves everything else to yaml-cpp") {
    left("");
    left("# only a comment\n");
    left("a: b"); // no final line break
    left("a: *x\n");             // an unknown alias
    left("a: &x [*x]\n");        // an alias inside its own anchor
    left("a: [&x b, *x]\n");     // anchors in brackets
    left("a: !!str 1\n");
    left("---\na: b\n");
    left("%YAML 1.2\n---\na: b\n");
    left("a:\tb\n");
    left("a: b\r\n");
    left("a: b\x04" "c\n");     // a control character
    left("a: b\x7F\n");
    left("a: \xC2\x85\n");       // U+0085
    left("a: x\xEF\xBB\xBF\n");   // a byte-order mark inside
    left("\xEF\xBB\xBF" "a: b\n");
    left("a:\n");                 // an empty value
    left("a:\nb: c\n");           // an empty value
    left("- \n- b\n");            // an empty entry
    left("\"a\": b\n");           // a key in quotes
    left("? a\n: b\n");           // a complex key
    left("a: b: c\n");            // invalid
    left("a: b\n c: d\n");        // invalid
    left("a: [x,\ny]\n");         // a flow line not indented
    left("a: [x\n  y]\n");        // a scalar over two lines in brackets
    left("a: [x, 'y\n  z']\n");
    left("a: [x,\n");             // never closed
    left("a: [x, ]\n");           // a trailing comma
    left("a: {x}\n");
    left("a: {k: a?b}\n");       // yaml-cpp ends a scalar in brackets at '?', then fails
    left("a: |+\n  keep\n\n");
    left("a: |2\n   indented\n");
    left("a: >\n  text\n    more indented\n"); // folded, more indented
    left("a: \"\\x41\"\n");       // an escape outside the common ones
    left("a: \"\\N\"\n");
    left("a: \"line\\\n  joined\"\n");
    left("a: \"unterminated\n");
    left("- - a\n");
    left("a: 1\n- b\n");
    left("scalar\n");
    left("[a, b]\n");
    left("a: b\n# c\n  d\n");
    left("a: >-\n\n  leading empty line\n");
}

TEST_CASE("the fast YAML parser keeps to the nesting limit") {
    std::string deep;
    for (int i = 0; i < 70; ++i) deep += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
    deep += std::string(140, ' ') + "k: v\n";
    CHECK(parse_yaml_fast(deep, 100) != nullptr);
    CHECK(parse_yaml_fast(deep, 64) == nullptr); // 71 levels: yaml-cpp's, after the nesting check
    CHECK(parse_yaml_fast("a: [[[[x]]]]\n", 5) != nullptr);
    CHECK(parse_yaml_fast("a: [[[[x]]]]\n", 4) == nullptr);
}

TEST_CASE("yaml-cpp's tree keeps aliases as the anchored node") {
    const auto d = parse_yaml_full("a: &x [1, 2]\nb: *x\n");
    REQUIRE(d);
    const auto root = d->root();
    REQUIRE(root.IsMap());
    CHECK(root["b"].IsSequence());
    CHECK(root["b"].is(root["a"]));
    CHECK(root["b"].size() == 2);
    CHECK_FALSE(root["c"].IsDefined());
}
