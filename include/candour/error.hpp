#pragma once
// Exceptions thrown at the API boundary. Nothing from yaml-cpp or Boost escapes the library.

#include <candour/diagnostic.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace candour {

/// Base of every exception candour throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A file (or several) could not be loaded; carries every diagnostic found.
class load_error : public error {
public:
    explicit load_error(std::vector<diagnostic> diagnostics);
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept { return diagnostics_; }

private:
    std::vector<diagnostic> diagnostics_;
};

/// A value was looked up by an id that does not exist (for example, an unknown provision).
class lookup_error : public error {
public:
    using error::error;
};

/// An output could not be produced safely, e.g. withheld content reached a requester-facing text.
class render_error : public error {
public:
    render_error(std::string code, const std::string& message);
    [[nodiscard]] const std::string& code() const noexcept { return code_; }

private:
    std::string code_;
};

} // namespace candour
