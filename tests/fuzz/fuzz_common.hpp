#pragma once
// Shared by the fuzz targets and by their replay driver (tests/fuzz/replay): a small byte
// decoder in the style of LLVM's FuzzedDataProvider (which only clang ships), invariant
// checks that abort with a message, and a private scratch folder for targets that need files.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace candour::fuzz {

/// Takes integers, choices and strings off the front of the fuzz input. Past the end it
/// returns zeros and empty strings, so every input decodes to something.
class byte_reader {
public:
    byte_reader(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}

    [[nodiscard]] bool empty() const noexcept { return p_ == end_; }

    std::uint8_t byte() noexcept { return p_ < end_ ? *p_++ : 0; }

    /// A value in [lo, hi], from as few bytes as the range needs.
    std::uint64_t range(std::uint64_t lo, std::uint64_t hi) noexcept {
        if (hi <= lo) return lo;
        const std::uint64_t span = hi - lo;
        std::uint64_t v = 0;
        for (std::uint64_t seen = 0; seen < span && p_ < end_; seen = (seen << 8) | 0xFF) v = (v << 8) | byte();
        return lo + (span == ~std::uint64_t{0} ? v : v % (span + 1));
    }
    int integer(int lo, int hi) noexcept {
        return static_cast<int>(static_cast<std::int64_t>(lo) +
                                static_cast<std::int64_t>(range(0, static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo))));
    }
    bool boolean() noexcept { return (byte() & 1) != 0; }

    template <class T, std::size_t N>
    const T& pick(const T (&choices)[N]) noexcept {
        return choices[range(0, N - 1)];
    }

    /// Up to `max` bytes; a backslash followed by anything but a backslash ends the string
    /// early (as FuzzedDataProvider::ConsumeRandomLengthString does).
    std::string text(std::size_t max) {
        std::string s;
        while (s.size() < max && p_ < end_) {
            char c = static_cast<char>(*p_++);
            if (c == '\\' && p_ < end_) {
                c = static_cast<char>(*p_++);
                if (c != '\\') break;
            }
            s.push_back(c);
        }
        return s;
    }

private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
};

/// Aborts (a crash the fuzzer records) when an invariant does not hold.
inline void require(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::fflush(stderr);
    std::abort();
}

/// A private folder under $TMPDIR (or /tmp), removed at exit. Targets that must write files
/// (the rules loader reads a folder) create theirs once and reuse it.
class scratch_folder {
public:
    scratch_folder() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/candour-fuzz-XXXXXX";
        if (!mkdtemp(pattern.data())) {
            std::perror("candour fuzz: mkdtemp");
            std::abort();
        }
        path_ = pattern;
        owner_ = getpid();
    }
    ~scratch_folder() {
        if (getpid() != owner_) return; // a forked child (libFuzzer -fork) leaves it to the parent
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    scratch_folder(const scratch_folder&) = delete;
    scratch_folder& operator=(const scratch_folder&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

private:
    std::filesystem::path path_;
    pid_t owner_ = 0;
};

inline void write_file(const std::filesystem::path& p, std::string_view text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    require(static_cast<bool>(out), "could not write a scratch file");
}

} // namespace candour::fuzz
