// Fuzz target: a regime's index.yaml, or (when the input starts "calendar:") the working-day
// calendar it names, in a scratch rules folder beside a fixed, valid provision file.

#include "fuzz_rules_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace candour::fuzz;
    static const rules_scratch scratch;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const bool calendar = text.substr(0, 9) == "calendar:";
    write_file(calendar ? scratch.calendar_file() : scratch.index_file(), text);
    scratch.load_and_check();
    // Put the fixed files back for the next input.
    if (calendar) write_file(scratch.calendar_file(), rules_scratch::fixed_calendar);
    else write_file(scratch.index_file(), rules_scratch::fixed_index);
    return 0;
}
