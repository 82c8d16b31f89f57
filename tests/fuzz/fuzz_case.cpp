// Fuzz target: the case loader. The input is a case file, checked against the bundled rules;
// a case that loads is evaluated and rendered in every format under the decision invariants.

#include "fuzz_decision.hpp"

#include <candour/candour.hpp>

#include <cstdint>
#include <string_view>

namespace {
const candour::rulebook& rules() {
    static const candour::rulebook r = candour::rulebook::load_bundled();
    return r;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)rules();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace candour;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    disclosure_case c;
    try {
        c = parse_case(text, "fuzz.yaml", &rules());
    } catch (const load_error& e) {
        fuzz::require(has_errors(e.diagnostics()), "a load_error carries an error");
        for (const auto& d : e.diagnostics()) fuzz::require(d.code.size() == 4, "every diagnostic has a code");
        return 0;
    }
    const auto d = evaluate(rules(), c);
    // A case file may misplace withheld text (R501 allowed); rendered twice for a quarter of inputs.
    fuzz::check_decision(d, /*injected=*/true, /*twice=*/(size & 3) == 0);
    return 0;
}
