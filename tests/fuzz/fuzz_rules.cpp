// Fuzz target: the rules loader. The input is written as a provision file into a scratch
// regime folder with a fixed, valid index.yaml, and the folder is loaded and checked.
// fuzz_regime.cpp does the same for the regime index and the working-day calendar.

#include "fuzz_rules_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace candour::fuzz;
    static const rules_scratch scratch;
    write_file(scratch.provision_file(), std::string_view(reinterpret_cast<const char*>(data), size));
    scratch.load_and_check();
    return 0;
}
