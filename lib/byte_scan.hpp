#pragma once
// Private: tests on eight bytes at once, for the loops that escape or normalise text (JSON
// strings, DOT string literals, Markdown, the leak guard), which spend most of their time passing
// over bytes that need nothing. The some_* tests are exact about whether *some* byte of the word
// matches (they never say no when one does); which byte it was, the caller finds by looking at
// the bytes one at a time. equal_mask is exact for every byte.

#include <cstdint>
#include <cstring>

namespace candour::detail::bytes {

inline constexpr std::uint64_t ones = 0x0101010101010101, high = 0x8080808080808080;

/// The eight bytes at `p`, in one word (any alignment).
inline std::uint64_t load8(const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
}

/// Non-zero if some byte of `w` is below `n` (n at most 128).
constexpr std::uint64_t some_below(std::uint64_t w, unsigned char n) { return (w - ones * n) & ~w & high; }

/// Non-zero if some byte of `w` is `c`.
constexpr std::uint64_t some_equal(std::uint64_t w, char c) {
    return some_below(w ^ (ones * static_cast<unsigned char>(c)), 1);
}

/// 0x80 in exactly the bytes of `w` that are `c`, 0 elsewhere.
constexpr std::uint64_t equal_mask(std::uint64_t w, char c) {
    const std::uint64_t x = w ^ (ones * static_cast<unsigned char>(c));
    return ~(((x & ~high) + ~high) | x | ~high);
}

/// Non-zero if some byte of `w` is 0x80 or above (part of a multi-byte UTF-8 sequence).
constexpr std::uint64_t some_high(std::uint64_t w) { return w & high; }

} // namespace candour::detail::bytes
