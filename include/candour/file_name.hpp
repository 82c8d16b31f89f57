#pragma once
// The name of an input file, as a source_location holds it. The text is immutable and shared:
// the loader makes one per file and every location in the file copies it, so copying a location
// (or a whole case, with a location for each item, claim and factor) copies no text.

#include <memory>
#include <string>
#include <string_view>

namespace candour {

class file_name {
public:
    /// No name: "" (a value built in C++ rather than loaded).
    file_name() noexcept = default;
    file_name(std::string name);
    file_name(std::string_view name) : file_name(std::string(name)) {}
    file_name(const char* name) : file_name(std::string(name)) {}

    /// The name as given to the loader; "" when there is none.
    [[nodiscard]] const std::string& str() const noexcept;
    operator std::string_view() const noexcept { return str(); }
    [[nodiscard]] bool empty() const noexcept { return !name_ || name_->empty(); }

    /// Names compare by their text, whether or not they share it.
    friend bool operator==(const file_name& a, const file_name& b) noexcept { return a.name_ == b.name_ || a.str() == b.str(); }
    friend bool operator==(const file_name& a, std::string_view b) noexcept { return a.str() == b; }
    friend bool operator==(const file_name& a, const std::string& b) noexcept { return a.str() == b; }
    friend bool operator==(const file_name& a, const char* b) noexcept { return a.str() == b; }

private:
    std::shared_ptr<const std::string> name_; // null for ""
};

} // namespace candour
