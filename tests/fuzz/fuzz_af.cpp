// Fuzz target: an ICCMA argumentation file parser (candour::af::parse). Built three times,
// with CANDOUR_FUZZ_AF_FORMAT set to apx, tgf or i23. A framework that parses must write back
// in the same format and parse to the same framework, and its grounded labelling must be a
// complete labelling.

#include "fuzz_common.hpp"

#include <candour/af/parse.hpp>
#include <candour/af/semantics.hpp>
#include <candour/error.hpp>

#include <cstdint>
#include <string_view>

#ifndef CANDOUR_FUZZ_AF_FORMAT
#error "define CANDOUR_FUZZ_AF_FORMAT as apx, tgf or i23"
#endif

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace candour;
    constexpr af::file_format format = af::file_format::CANDOUR_FUZZ_AF_FORMAT;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    af::framework f;
    try {
        f = af::parse(text, format, "fuzz");
    } catch (const load_error& e) {
        fuzz::require(!e.diagnostics().empty(), "a load_error carries a diagnostic");
        for (const auto& d : e.diagnostics())
            fuzz::require(d.code.size() == 4 && d.code[0] == 'A', "every diagnostic has an A code");
        return 0;
    }
    std::string written;
    try {
        written = af::write(f, format);
    } catch (const candour::error&) {
        return 0;  // a name that format cannot hold (documented)
    }
    const af::framework again = af::parse(written, format, "written");
    fuzz::require(again == f, "write then parse gives the same framework");
    const auto g = af::grounded(f);
    fuzz::require(g.labels.size() == f.size(), "one label per argument");
    fuzz::require(af::is_complete(f, g.labels), "the grounded labelling is complete");
    return 0;
}
