#pragma once
// Where something came from in an input file. Lines and columns are 1-based, as editors
// show them; 0 means "not known" (for example, a value built in C++ rather than loaded).

#include <candour/file_name.hpp>

#include <cstdint>
#include <string>

namespace candour {

struct source_location {
    file_name file; ///< shared by every location in the file: copying a location copies no text
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    [[nodiscard]] bool known() const noexcept { return line != 0; }
    friend bool operator==(const source_location&, const source_location&) = default;
};

/// "file:line:column", or as much of it as is known.
[[nodiscard]] std::string to_string(const source_location& where);

} // namespace candour
