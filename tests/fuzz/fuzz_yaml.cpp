// Fuzz target: the two YAML parsers (lib/yaml_document.hpp). Whatever text the fast subset
// parser takes, yaml-cpp must parse to the same tree: the same kinds, scalars, quoting and
// marks. Texts are first checked as the loaders check them (UTF-8, no NUL, nesting).

#include "yaml_document.hpp"
#include "yaml_reader.hpp"

#include "fuzz_common.hpp"

#include <yaml-cpp/exceptions.h>

#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace candour;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<diagnostic> diags;
    if (!detail::precheck_text(text, "fuzz.yaml", load_limits{}.max_depth, diags)) return 0;
    const auto fast = detail::parse_yaml_fast(text);
    if (!fast) return 0;
    std::unique_ptr<detail::yaml_document> full;
    try {
        full = detail::parse_yaml_full(text);
    } catch (const YAML::Exception&) {
        fuzz::require(false, "the fast parser took a text yaml-cpp refuses");
    }
    fuzz::require(full != nullptr, "the fast parser took a text yaml-cpp reads as empty");
    fuzz::require(detail::dump_yaml(fast->root()) == detail::dump_yaml(full->root()),
                  "the fast parser's tree differs from yaml-cpp's");
    return 0;
}
