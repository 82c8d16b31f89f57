#pragma once
// ICCMA problems (`SE-GR`, `DC-PR`, ...) and answers printed the way ICCMA solvers print them:
//   i23       an extension is `w 1 2 3` (ids, 1-based); no extension at all is `NO`
//   apx, tgf  an extension is `[a1,a2]`, a list of them `[[a1],[a2,a3]]` (ICCMA 2019)
//   DC / DS   `YES` or `NO` in every format

#include <candour/af/framework.hpp>
#include <candour/af/parse.hpp>
#include <candour/af/semantics.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace candour::af {

enum class task : std::uint8_t {
    single,     ///< SE: some extension
    enumerate,  ///< EE: every extension
    credulous,  ///< DC: is the argument in some extension?
    skeptical,  ///< DS: is the argument in every extension?
};

struct problem {
    task kind = task::single;
    semantics sem = semantics::grounded;
    friend bool operator==(const problem&, const problem&) = default;
};

/// "SE-GR", "DS-PR", ...
[[nodiscard]] std::string to_string(problem p);

/// The inverse of to_string for supported problems; nullopt otherwise.
[[nodiscard]] std::optional<problem> parse_problem(std::string_view text) noexcept;

/// Every problem `solve` accepts, in the order `candour af --problems` lists them.
[[nodiscard]] std::span<const problem> supported_problems() noexcept;

/// DC and DS ask about one argument.
[[nodiscard]] constexpr bool needs_argument(problem p) noexcept {
    return p.kind == task::credulous || p.kind == task::skeptical;
}

/// One extension: `w 1 3` for i23, `[a,c]` otherwise. No trailing newline.
[[nodiscard]] std::string format_extension(const framework& af, std::span<const arg_id> ext, file_format format);

/// Several extensions: one `w` line each for i23 (`NO` for none), `[[a],[b,c]]` otherwise.
[[nodiscard]] std::string format_extensions(const framework& af, std::span<const extension> exts,
                                            file_format format);

[[nodiscard]] constexpr std::string_view format_acceptance(bool accepted) noexcept {
    return accepted ? "YES" : "NO";
}

/// Solves `p` and returns the whole answer, ending in a newline. DC and DS need `query`
/// (throws candour::error without one). SE on a framework with no stable extension gives `NO`.
[[nodiscard]] std::string solve(const framework& af, problem p, file_format format,
                                std::optional<arg_id> query = std::nullopt);

} // namespace candour::af
