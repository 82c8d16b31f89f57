// Framework construction (CSR) and the apx / tgf / i23 readers and writers.
// The readers scan one in-memory buffer with pointers; names stay string_views into it until
// the framework copies them into its single name buffer.

#include <candour/af/framework.hpp>
#include <candour/af/parse.hpp>

#include <candour/diagnostic.hpp>
#include <candour/error.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <stdexcept>
#include <system_error>

namespace candour::af {

// ---------------------------------------------------------------------------------------------
// framework

namespace {

constexpr std::uint32_t no_arg = std::numeric_limits<std::uint32_t>::max();

// Turns per-slot counts at offsets[1..n] into start offsets.
void prefix_sum(std::vector<std::uint32_t>& offsets) {
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
}

// A stable counting sort into CSR form: `each(emit)` calls emit(key, value) for `m` pairs with
// keys below `n`, and may be called twice; `offsets` gets n + 1 entries and `values` the values
// grouped by key, in the order they were emitted.
//
// Done directly, each pass writes all over `offsets` and `values` at random: beyond the caches
// (10^6 arguments and 3 * 10^6 attacks is ~30 MB of them) every pair costs a cache and TLB
// miss. So for large n the pairs are first grouped by blocks of 4096 keys, with one sequential
// stream per block, and each block is then counted and placed within its own slice of the
// arrays, which stays in cache: 22% less CPU time at 10^6 arguments, 25% more at 2 * 10^5
// (where the direct passes still hit the caches), hence the threshold.
template <class ForEach>
void stable_csr(std::size_t n, std::size_t m, ForEach&& each, std::vector<std::uint32_t>& offsets,
                std::vector<arg_id>& values) {
    offsets.assign(n + 1, 0);
    values.resize(m);
    constexpr unsigned block_bits = 12;
    if (n <= (std::size_t{1} << 19)) {  // measured: below ~500,000 arguments the grouping costs more than it saves
        each([&](arg_id key, arg_id) { ++offsets[key + 1]; });
        prefix_sum(offsets);
        std::vector<std::uint32_t> cursor(offsets.begin(), offsets.end() - 1);
        each([&](arg_id key, arg_id value) { values[cursor[key]++] = value; });
        return;
    }
    const std::size_t blocks = ((n - 1) >> block_bits) + 1;
    std::vector<std::uint32_t> block_start(blocks + 1, 0);
    each([&](arg_id key, arg_id) { ++block_start[(key >> block_bits) + 1]; });
    for (std::size_t b = 1; b <= blocks; ++b) block_start[b] += block_start[b - 1];
    std::vector<attack> grouped(m);  // (key, value), by block, in emitted order within each
    {
        std::vector<std::uint32_t> cursor(block_start.begin(), block_start.end() - 1);
        each([&](arg_id key, arg_id value) { grouped[cursor[key >> block_bits]++] = {key, value}; });
    }
    for (const auto& [key, value] : grouped) ++offsets[key + 1];  // each block's keys are together
    prefix_sum(offsets);
    std::vector<std::uint32_t> cursor(std::size_t{1} << block_bits);
    for (std::size_t b = 0; b < blocks; ++b) {
        const std::size_t lo = b << block_bits;
        const std::size_t hi = std::min(n, lo + (std::size_t{1} << block_bits));
        std::copy(offsets.begin() + static_cast<std::ptrdiff_t>(lo), offsets.begin() + static_cast<std::ptrdiff_t>(hi),
                  cursor.begin());
        for (std::uint32_t k = block_start[b]; k < block_start[b + 1]; ++k)
            values[cursor[grouped[k].first - lo]++] = grouped[k].second;
    }
}

} // namespace

framework::framework(std::span<const std::string_view> names, std::span<const attack> attacks) {
    if (names.size() > max_size) throw std::length_error("candour::af::framework: too many arguments");
    std::size_t total = 0;
    for (auto n : names) total += n.size();
    if (total > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("candour::af::framework: argument names too long");
    names_.reserve(total);
    name_offsets_.reserve(names.size() + 1);
    for (auto n : names) {
        names_.append(n);
        name_offsets_.push_back(static_cast<std::uint32_t>(names_.size()));
    }
    build_relation(attacks);
}

framework::framework(std::string names, std::vector<std::uint32_t> offsets, std::span<const attack> attacks) {
    if (offsets.empty() || offsets.front() != 0 || offsets.back() != names.size() ||
        !std::is_sorted(offsets.begin(), offsets.end()))
        throw std::invalid_argument("candour::af::framework: name offsets do not fit the name buffer");
    if (offsets.size() - 1 > max_size) throw std::length_error("candour::af::framework: too many arguments");
    names_ = std::move(names);
    name_offsets_ = std::move(offsets);
    build_relation(attacks);
}

framework framework::numbered(std::size_t n, std::span<const attack> attacks) {
    if (n > max_size) throw std::length_error("candour::af::framework: too many arguments");
    std::string names;
    names.reserve(n * 7);
    std::vector<std::uint32_t> offsets;
    offsets.reserve(n + 1);
    offsets.push_back(0);
    // "1".."n" by incrementing a decimal counter in place, not a conversion per number.
    char digits[24];
    char* const last = digits + sizeof digits - 1;
    char* first = last;
    *last = '0';
    for (std::size_t i = 1; i <= n; ++i) {
        char* d = last;
        while (d >= first && *d == '9') *d-- = '0';
        if (d < first) *(first = d) = '1';
        else ++*d;
        names.append(first, static_cast<std::size_t>(last - first + 1));
        offsets.push_back(static_cast<std::uint32_t>(names.size()));
    }
    return framework(std::move(names), std::move(offsets), attacks);
}

void framework::build_relation(std::span<const attack> attacks) {
    const std::size_t n = size();
    if (attacks.size() > max_size) throw std::length_error("candour::af::framework: too many attacks");
    for (const auto& [from, to] : attacks)
        if (from >= n || to >= n) throw std::invalid_argument("candour::af::framework: attack names no argument");

    // By attacker, each list in input order.
    stable_csr(n, attacks.size(), [&](auto&& emit) {
        for (const auto& [from, to] : attacks) emit(from, to);
    }, out_offsets_, targets_);

    // Drop repeated attacks in place, keeping the first. A short list (the usual case) is
    // checked against what it has kept so far, in cache; a long one through a per-target mark.
    std::vector<std::uint32_t> seen;  // last attacker seen per target, for long lists only
    std::uint32_t write = 0;
    for (std::size_t s = 0; s < n; ++s) {
        const std::uint32_t begin = out_offsets_[s];
        const std::uint32_t end = out_offsets_[s + 1];
        const std::uint32_t first = write;
        out_offsets_[s] = write;
        if (end - begin <= 16) {
            for (std::uint32_t k = begin; k < end; ++k) {
                const arg_id t = targets_[k];
                if (std::find(targets_.begin() + first, targets_.begin() + write, t) == targets_.begin() + write)
                    targets_[write++] = t;
            }
            continue;
        }
        if (seen.empty()) seen.assign(n, no_arg);
        for (std::uint32_t k = begin; k < end; ++k) {
            const arg_id t = targets_[k];
            if (seen[t] != s) {
                seen[t] = static_cast<std::uint32_t>(s);
                targets_[write++] = t;
            }
        }
    }
    out_offsets_[n] = write;
    if (write != targets_.size()) {
        targets_.resize(write);
        targets_.shrink_to_fit();
    }

    // Reverse relation; walking attackers in id order leaves each attacker list ascending.
    stable_csr(n, targets_.size(), [&](auto&& emit) {
        for (std::size_t s = 0; s < n; ++s)
            for (std::uint32_t k = out_offsets_[s]; k < out_offsets_[s + 1]; ++k) emit(targets_[k], static_cast<arg_id>(s));
    }, in_offsets_, sources_);
}

bool framework::attacks(arg_id from, arg_id to) const noexcept {
    auto in = attackers_of(to);
    return std::binary_search(in.begin(), in.end(), from);
}

std::optional<arg_id> framework::find(std::string_view wanted) const noexcept {
    for (std::size_t i = 0; i < size(); ++i)
        if (name(static_cast<arg_id>(i)) == wanted) return static_cast<arg_id>(i);
    return std::nullopt;
}

std::vector<attack> framework::attack_list() const {
    std::vector<attack> list;
    list.reserve(attack_count());
    for (std::size_t s = 0; s < size(); ++s)
        for (arg_id t : attacks_of(static_cast<arg_id>(s))) list.emplace_back(static_cast<arg_id>(s), t);
    return list;
}

bool operator==(const framework& a, const framework& b) noexcept {
    // Attacker lists are sorted, so the reverse CSR is a canonical form of the relation.
    return a.names_ == b.names_ && a.name_offsets_ == b.name_offsets_ && a.in_offsets_ == b.in_offsets_ &&
           a.sources_ == b.sources_;
}

// ---------------------------------------------------------------------------------------------
// formats

std::string_view to_string(file_format f) noexcept {
    switch (f) {
    case file_format::apx: return "apx";
    case file_format::tgf: return "tgf";
    case file_format::i23: return "i23";
    }
    return "?";
}

std::optional<file_format> parse_file_format(std::string_view name) noexcept {
    if (name == "apx") return file_format::apx;
    if (name == "tgf") return file_format::tgf;
    if (name == "i23") return file_format::i23;
    return std::nullopt;
}

std::optional<file_format> file_format_from_path(const std::filesystem::path& path) {
    const auto ext = path.extension().string();
    if (ext == ".apx") return file_format::apx;
    if (ext == ".tgf") return file_format::tgf;
    if (ext == ".i23" || ext == ".af") return file_format::i23;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// parsing

namespace {

// Stop collecting after this many errors: a wrong -fo would otherwise report every line.
constexpr std::size_t max_errors = 20;

// Thrown internally to unwind once enough has been collected; converted to load_error.
struct stop_parsing {};

class reporter {
public:
    reporter(std::string_view text, std::string_view file) : text_(text), file_(file) {}

    // 1-based line and column of `p`, found by counting newlines: errors only, so not hot.
    [[nodiscard]] source_location locate(const char* p) const {
        source_location loc;
        loc.file = std::string(file_);
        const char* begin = text_.data();
        const char* line_start = begin;
        std::uint32_t line = 1;
        for (const char* q = begin; q < p; ++q)
            if (*q == '\n') {
                ++line;
                line_start = q + 1;
            }
        loc.line = line;
        loc.column = static_cast<std::uint32_t>(p - line_start + 1);
        return loc;
    }

    void error(const char* at, const char* code, std::string message, std::vector<std::string> notes = {}) {
        diagnostic d;
        d.level = severity::error;
        d.code = code;
        d.message = std::move(message);
        d.where = locate(at);
        d.notes = std::move(notes);
        diagnostics_.push_back(std::move(d));
        if (diagnostics_.size() >= max_errors) {
            diagnostics_.back().notes.push_back("too many errors; stopped reading " + std::string(file_));
            throw stop_parsing{};
        }
    }

    [[nodiscard]] bool failed() const noexcept { return !diagnostics_.empty(); }

    [[noreturn]] void raise() {
        std::stable_sort(diagnostics_.begin(), diagnostics_.end(), [](const diagnostic& a, const diagnostic& b) {
            return a.where.line != b.where.line ? a.where.line < b.where.line : a.where.column < b.where.column;
        });
        throw load_error(std::move(diagnostics_));
    }

private:
    std::string_view text_;
    std::string_view file_;
    std::vector<diagnostic> diagnostics_;
};

std::string quote(std::string_view s) {
    constexpr std::size_t shown = 40;
    std::string out = "'";
    out.append(s.substr(0, shown));
    if (s.size() > shown) out.append("...");
    out.push_back('\'');
    return out;
}

// Character classes by table: the scanners test every byte of the input.
enum : std::uint8_t { blank_bit = 1, space_bit = 2, name_bit = 4 };
constexpr std::array<std::uint8_t, 256> char_classes = [] {
    std::array<std::uint8_t, 256> t{};
    for (char c : {' ', '\t', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] |= blank_bit | space_bit;
    t[static_cast<unsigned char>('\n')] |= space_bit;
    for (std::size_t c = 0; c < 256; ++c)  // apx: anything but whitespace and ( ) , . % "
        if (!(t[c] & space_bit) && c != '(' && c != ')' && c != ',' && c != '.' && c != '%' && c != '"') t[c] |= name_bit;
    return t;
}();
constexpr bool is_blank(char c) noexcept { return char_classes[static_cast<unsigned char>(c)] & blank_bit; }
constexpr bool is_space(char c) noexcept { return char_classes[static_cast<unsigned char>(c)] & space_bit; }

// How many of the 8 bytes at `p` are decimal digits before the first that is not (8 if all
// are), and for 1..7 their value: eight bytes tested and converted at once (SWAR), about a fifth
// of the instructions of a loop per digit. Every byte before the first non-digit is '0'..'9',
// so the +6 in the test carries only out of bytes after it, which are not looked at.
unsigned leading_digits(const char* p, std::uint64_t& value) noexcept {
    std::uint64_t w;
    std::memcpy(&w, p, 8);  // little-endian: the first character is the lowest byte
    const std::uint64_t high = 0xF0F0F0F0F0F0F0F0ull;
    const std::uint64_t m = ((w & high) | (((w + 0x0606060606060606ull) & high) >> 4)) ^ 0x3333333333333333ull;
    if (m == 0) return 8;
    const unsigned len = static_cast<unsigned>(std::countr_zero(m)) / 8;
    if (len == 0) return 0;
    std::uint64_t d = (w << (8 * (8 - len))) & 0x0F0F0F0F0F0F0F0Full;  // digits, with leading zeros
    d = (d * 2561) >> 8;                                                // pairs
    d = ((d & 0x00FF00FF00FF00FFull) * 6553601) >> 16;                  // fours
    d = ((d & 0x0000FFFF0000FFFFull) * 42949672960001ull) >> 32;        // eight
    value = d;
    return len;
}

// Upper bound on facts or attack lines, so the attack vector is allocated once.
std::size_t count_lines(std::string_view text) {
    // A plain loop the compiler vectorises (std::count's predicate form is not, at 3 instructions a byte).
    std::size_t n = 1;
    for (const char c : text) n += c == '\n';
    return n;
}

// Names declared so far, in one buffer that becomes the framework's, indexed by an
// open-addressing table of 64-bit slots: a hash fingerprint in the high half, id + 1 in the
// low half (0 = empty). A probe reads a name only when the fingerprint matches, so a lookup
// costs about one cache miss; that miss, not parsing, is what bounds apx and tgf speed.
class name_index {
public:
    explicit name_index(std::size_t expected) {
        slots_.assign(std::bit_ceil(std::max<std::size_t>(64, expected * 2)), 0);
        mask_ = slots_.size() - 1;
        offsets_.push_back(0);
    }

    // Names are short ("a123456"): eight bytes at a time, then a 64-bit finaliser (murmur3's
    // fmix64) so that both the slot (low bits) and the fingerprint (high half) are well mixed.
    // About a quarter of the cost of std::hash<std::string_view> on such names.
    static std::uint64_t hash(std::string_view s) noexcept {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        const char* p = s.data();
        std::size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
            h ^= h >> 29;
        }
        // The last 0..7 bytes: two overlapping 4-byte loads, or three single bytes (wyhash's tail).
        std::uint64_t w = 0;
        if (n >= 4) {
            std::uint32_t lo, hi;
            std::memcpy(&lo, p, 4);
            std::memcpy(&hi, p + n - 4, 4);
            w = (std::uint64_t{hi} << 32) | lo;
        } else if (n > 0) {
            w = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
                (std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8) | static_cast<unsigned char>(p[n - 1]);
        }
        h ^= w;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDull;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ull;
        h ^= h >> 33;
        return h;
    }

    void prefetch(std::uint64_t h) const noexcept { __builtin_prefetch(&slots_[h & mask_]); }

    [[nodiscard]] std::size_t size() const noexcept { return offsets_.size() - 1; }
    [[nodiscard]] std::size_t bytes() const noexcept { return names_.size(); }

    [[nodiscard]] std::string_view name(arg_id id) const noexcept {
        return std::string_view(names_).substr(offsets_[id], offsets_[id + 1] - offsets_[id]);
    }

    [[nodiscard]] std::optional<arg_id> find(std::string_view name, std::uint64_t h) const noexcept {
        const std::uint64_t fp = h >> 32;
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const std::uint64_t slot = slots_[i];
            if (slot == 0) return std::nullopt;
            const auto id = static_cast<arg_id>((slot & 0xFFFF'FFFFu) - 1);
            if ((slot >> 32) == fp && this->name(id) == name) return id;
        }
    }
    [[nodiscard]] std::optional<arg_id> find(std::string_view name) const noexcept { return find(name, hash(name)); }

    // The new id, or nullopt when `name` is declared already. The caller checks the limits.
    std::optional<arg_id> declare(std::string_view name) {
        if ((size() + 1) * 2 > slots_.size()) grow();
        const std::uint64_t h = hash(name);
        std::size_t i = h & mask_;
        for (; slots_[i] != 0; i = (i + 1) & mask_) {
            const auto id = static_cast<arg_id>((slots_[i] & 0xFFFF'FFFFu) - 1);
            if ((slots_[i] >> 32) == (h >> 32) && this->name(id) == name) return std::nullopt;
        }
        const auto id = static_cast<arg_id>(size());
        slots_[i] = ((h >> 32) << 32) | (std::uint64_t{id} + 1);
        names_.append(name);
        offsets_.push_back(static_cast<std::uint32_t>(names_.size()));
        return id;
    }

    // Hands the name buffer to a framework.
    framework build(std::span<const attack> attacks) && {
        slots_ = {};
        return framework(std::move(names_), std::move(offsets_), attacks);
    }

private:
    void grow() {
        slots_.assign(slots_.size() * 2, 0);
        mask_ = slots_.size() - 1;
        for (std::size_t id = 0; id < size(); ++id) {
            const std::uint64_t h = hash(name(static_cast<arg_id>(id)));
            std::size_t i = h & mask_;
            while (slots_[i] != 0) i = (i + 1) & mask_;
            slots_[i] = ((h >> 32) << 32) | (std::uint64_t{id} + 1);
        }
    }

    std::string names_;
    std::vector<std::uint32_t> offsets_;
    std::vector<std::uint64_t> slots_;
    std::size_t mask_ = 0;
};

// A guess to size the name table: frameworks usually have a few attacks per argument, and
// the table grows if the guess is low.
std::size_t expected_arguments(std::size_t lines) { return 1024 + lines / 3; }

// Shared by apx and tgf: arguments by name, and attacks by name resolved in batches (hash
// and prefetch a batch's slots, then look them up) so the cache misses overlap.
class named_builder {
public:
    explicit named_builder(std::size_t lines) : index_(expected_arguments(lines)) {
        attacks_.reserve(lines);
    }

    // False (after reporting A104 or A108) when the name cannot be declared.
    bool declare(std::string_view name, reporter& rep) {
        if (index_.size() >= max_size || index_.bytes() + name.size() > std::numeric_limits<std::uint32_t>::max()) {
            rep.error(name.data(), "A108", "too many arguments or too long names (at most " +
                                               std::to_string(max_size) + " arguments, 4 GiB of names)");
            rep.raise();
        }
        if (index_.declare(name)) {
            declared_at_.push_back(name.data());
            return true;
        }
        const auto first = declared_at_[*index_.find(name)];
        rep.error(name.data(), "A104", "argument " + quote(name) + " is declared twice",
                  {"first declared at " + line_and_column(rep.locate(first))});
        return false;
    }

    void add_attack(std::string_view from, std::string_view to, reporter& rep) {
        if (attacks_.size() >= max_size) {
            rep.error(from.data(), "A108", "too many attacks (at most " + std::to_string(max_size) + ")");
            rep.raise();
        }
        batch_[batched_++] = {from, to, attacks_.size()};
        attacks_.emplace_back(0, 0);
        if (batched_ == batch_.size()) flush();
    }

    // Resolves what is left; attacks on names never declared are A103.
    framework finish(reporter& rep, file_format format) {
        flush();
        for (const auto& u : unresolved_) {
            const auto a = index_.find(u.from);
            const auto b = index_.find(u.to);
            for (const auto& [found, name] : {std::pair{a.has_value(), u.from}, std::pair{b.has_value(), u.to}}) {
                if (found) continue;
                std::string note = format == file_format::apx
                                       ? "declare it with arg(" + std::string(name) + ")."
                                       : "declare it on a line of its own before the '#' line";
                rep.error(name.data(), "A103", "attack names an undeclared argument " + quote(name), {std::move(note)});
            }
            if (a && b) attacks_[u.index] = {*a, *b};
        }
        if (rep.failed()) rep.raise();
        return std::move(index_).build(attacks_);
    }

private:
    struct pending {
        std::string_view from, to;
        std::size_t index;  // into attacks_
    };

    void flush() {
        std::array<std::uint64_t, 2 * batch_capacity> h;
        for (std::size_t i = 0; i < batched_; ++i) {
            h[2 * i] = name_index::hash(batch_[i].from);
            h[2 * i + 1] = name_index::hash(batch_[i].to);
            index_.prefetch(h[2 * i]);
            index_.prefetch(h[2 * i + 1]);
        }
        for (std::size_t i = 0; i < batched_; ++i) {
            const auto a = index_.find(batch_[i].from, h[2 * i]);
            const auto b = index_.find(batch_[i].to, h[2 * i + 1]);
            if (a && b) {
                attacks_[batch_[i].index] = {*a, *b};
            } else {
                unresolved_.push_back(batch_[i]);  // apx may declare it later; settled in finish()
            }
        }
        batched_ = 0;
    }

    static std::string line_and_column(const source_location& loc) {
        return "line " + std::to_string(loc.line) + ", column " + std::to_string(loc.column);
    }

    static constexpr std::size_t batch_capacity = 32;
    name_index index_;
    std::vector<const char*> declared_at_;  // where each argument was declared, for A104 notes
    std::vector<attack> attacks_;
    std::array<pending, batch_capacity> batch_{};
    std::size_t batched_ = 0;
    std::vector<pending> unresolved_;
};

// ---- apx ------------------------------------------------------------------------------------

class apx_parser {
public:
    apx_parser(std::string_view text, std::string_view file)
        : apx_parser(text, file, count_lines(text)) {}

    apx_parser(std::string_view text, std::string_view file, std::size_t lines)
        : text_(text), p_(text.data()), end_(text.data() + text.size()), rep_(text, file), b_(lines) {}

    framework run() {
        try {
            while (skip_space_and_comments(), p_ < end_) {
                if (!fact()) recover();
            }
            return b_.finish(rep_, file_format::apx);
        } catch (const stop_parsing&) {
        }
        rep_.raise();
    }

private:
    // Whitespace, `% line` and `%* block *%` comments.
    void skip_space_and_comments() {
        while (p_ < end_) {
            if (is_space(*p_)) {
                ++p_;
            } else if (*p_ == '%') {
                if (p_ + 1 < end_ && p_[1] == '*') {
                    const char* open = p_;
                    const auto close = text_.find("*%", static_cast<std::size_t>(p_ + 2 - text_.data()));
                    if (close == std::string_view::npos) {
                        rep_.error(open, "A102", "block comment '%*' is never closed with '*%'");
                        p_ = end_;
                    } else {
                        p_ = text_.data() + close + 2;
                    }
                } else {
                    while (p_ < end_ && *p_ != '\n') ++p_;
                }
            } else {
                return;
            }
        }
    }

    void skip_blanks() {
        while (p_ < end_ && is_space(*p_)) ++p_;
    }

    // After an error: resume on the next line.
    void recover() {
        while (p_ < end_ && *p_ != '\n') ++p_;
    }

    // Inline for the usual case (the punctuation right there); the rest out of line.
    bool expect(char c, const char* what) {
        if (p_ < end_ && *p_ == c) [[likely]] {
            ++p_;
            return true;
        }
        return expect_slow(c, what);
    }

    [[gnu::noinline]] bool expect_slow(char c, const char* what) {
        skip_blanks();
        if (p_ < end_ && *p_ == c) {
            ++p_;
            return true;
        }
        rep_.error(p_, "A102", std::string("expected '") + c + "' " + what + ", found " + found());
        return false;
    }

    std::string found() const {
        if (p_ >= end_) return "end of file";
        if (*p_ == '\n') return "end of line";
        const char* q = p_;
        while (q < end_ && !is_space(*q) && q - p_ < 20) ++q;
        return quote(std::string_view(p_, static_cast<std::size_t>(q - p_)));
    }

    static constexpr bool is_name_char(char c) noexcept { return char_classes[static_cast<unsigned char>(c)] & name_bit; }

    // A bare name (`a1`, `-3`, `x_y`) or a quoted one (`"a b"`, kept with its quotes).
    std::optional<std::string_view> name(const char* what) {
        skip_blanks();
        const char* start = p_;
        if (p_ < end_ && *p_ == '"') {
            ++p_;
            while (p_ < end_ && *p_ != '"' && *p_ != '\n') p_ += (*p_ == '\\' && p_ + 1 < end_ && p_[1] != '\n') ? 2 : 1;
            if (p_ >= end_ || *p_ != '"') {
                rep_.error(start, "A102", "quoted argument name is not closed on its line");
                return std::nullopt;
            }
            ++p_;
        } else {
            const char* q = p_;  // a local cursor: through the member, every step is a store
            while (q < end_ && is_name_char(*q)) ++q;
            p_ = q;
            if (p_ == start) {
                rep_.error(p_, "A102", std::string("expected ") + what + ", found " + found());
                return std::nullopt;
            }
        }
        return std::string_view(start, static_cast<std::size_t>(p_ - start));
    }

    // `word` as a whole token: `arg(` matches "arg", `argx(` does not.
    bool keyword(std::string_view word) const {
        const auto left = static_cast<std::size_t>(end_ - p_);
        return left >= word.size() && std::string_view(p_, word.size()) == word &&
               (left == word.size() || !is_name_char(p_[word.size()]));
    }

    bool fact() {
        const char* start = p_;
        if (keyword("arg")) {
            p_ += 3;
            if (!expect('(', "after 'arg'")) return false;
            auto n = name("an argument name");
            if (!n || !expect(')', "after the argument name") || !expect('.', "to end the fact")) return false;
            b_.declare(*n, rep_);
            return true;
        }
        if (keyword("att")) {
            p_ += 3;
            if (!expect('(', "after 'att'")) return false;
            auto from = name("the attacking argument");
            if (!from || !expect(',', "between the two arguments of 'att'")) return false;
            auto to = name("the attacked argument");
            if (!to || !expect(')', "after the attacked argument") || !expect('.', "to end the fact")) return false;
            b_.add_attack(*from, *to, rep_);  // apx facts come in any order: resolved later
            return true;
        }
        rep_.error(start, "A102", "expected 'arg(...).' or 'att(...,...).', found " + found());
        return false;
    }

    std::string_view text_;
    const char* p_;
    const char* end_;
    reporter rep_;
    named_builder b_;
};

// ---- line-based helpers for tgf and i23 -----------------------------------------------------

struct line_cursor {
    const char* p;
    const char* end;

    // The next line without its '\n' (and without a trailing '\r'); false at end of input.
    bool next(std::string_view& line, const char*& line_start) {
        if (p >= end) return false;
        line_start = p;
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* stop = nl ? nl : end;
        line = std::string_view(p, static_cast<std::size_t>(stop - p));
        p = nl ? nl + 1 : end;
        return true;
    }
};

// Splits on blanks into at most `max` tokens; returns how many there were (up to max + 1).
std::size_t tokens(std::string_view line, std::string_view* out, std::size_t max) {
    std::size_t n = 0;
    const char* p = line.data();
    const char* end = p + line.size();
    while (true) {
        while (p < end && is_blank(*p)) ++p;
        if (p == end) return n;
        const char* start = p;
        while (p < end && !is_blank(*p)) ++p;
        if (n == max) return n + 1;
        out[n++] = std::string_view(start, static_cast<std::size_t>(p - start));
    }
}

// ---- tgf ------------------------------------------------------------------------------------

framework parse_tgf(std::string_view text, std::string_view file) {
    reporter rep(text, file);
    named_builder b(count_lines(text));
    line_cursor cur{text.data(), text.data() + text.size()};
    std::string_view line;
    const char* line_start = nullptr;
    bool in_attacks = false;
    try {
        while (cur.next(line, line_start)) {
            std::string_view tok[2];
            const std::size_t n = tokens(line, tok, 2);
            if (n == 0) continue;
            if (tok[0] == "#") {
                if (n > 1) {
                    rep.error(tok[1].data(), "A102", "unexpected text after the '#' line");
                } else if (in_attacks) {
                    rep.error(tok[0].data(), "A102", "second '#' line; tgf has one, between arguments and attacks");
                }
                in_attacks = true;
                continue;
            }
            if (!in_attacks) {
                if (n > 1) {
                    rep.error(tok[1].data(), "A102", "an argument line holds one name, found more",
                              {"is the '#' line before the attacks missing?"});
                    continue;
                }
                b.declare(tok[0], rep);
                continue;
            }
            if (n != 2) {
                const char* at = tok[0].data();
                if (n > 2) {  // point at the first name too many
                    at = tok[1].data() + tok[1].size();
                    while (is_blank(*at)) ++at;
                }
                rep.error(at, "A107", "an attack line holds two names, 'attacker attacked'; found " +
                                          std::string(n > 2 ? "more" : "one"));
                continue;
            }
            b.add_attack(tok[0], tok[1], rep);
        }
        return b.finish(rep, file_format::tgf);
    } catch (const stop_parsing&) {
    }
    rep.raise();
}

// ---- i23 ------------------------------------------------------------------------------------

// Hot loop: one pass, from_chars on each id, no allocation beyond the attack vector.
framework parse_i23(std::string_view text, std::string_view file) {
    reporter rep(text, file);
    const char* p = text.data();
    const char* const end = p + text.size();
    std::uint64_t n = 0;
    bool have_header = false;
    std::vector<attack> attacks;

    auto skip_blanks = [&] {
        while (p < end && is_blank(*p)) ++p;
    };
    auto skip_line = [&] {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        p = nl ? static_cast<const char*>(nl) + 1 : end;
    };
    auto at_line_end = [&] { return p == end || *p == '\n'; };
    auto token_end = [&](const char* q) {
        while (q < end && !is_space(*q)) ++q;
        return q;
    };
    // An id 1..n; on failure reports at the token and returns 0.
    auto read_id = [&](const char* what) -> std::uint64_t {
        skip_blanks();
        const char* start = p;
        if (at_line_end()) {
            rep.error(start, "A107", std::string("an attack line holds two ids, 'attacker attacked'; ") + what +
                                         " is missing");
            return 0;
        }
        // The usual case, up to 19 digits then whitespace: read inline, 8 bytes at once where
        // there are 8 (std::from_chars costs several times as much). Anything else takes
        // from_chars and its diagnostics.
        std::uint64_t v = 0;
        if (end - p >= 8) {
            const unsigned len = leading_digits(p, v);
            if (len > 0 && len < 8 && is_space(p[len])) {
                p += len;
                if (v != 0 && v <= n) return v;
                rep.error(start, "A106", "argument id " + std::to_string(v) + " is out of range 1.." + std::to_string(n));
                return 0;
            }
            v = 0;
        }
        const char* q = p;
        for (const char* stop = end - p > 19 ? p + 19 : end; q < stop; ++q) {
            const unsigned digit = static_cast<unsigned char>(*q) - unsigned{'0'};
            if (digit > 9) break;
            v = v * 10 + digit;
        }
        if (q > p && (q == end || is_space(*q))) {
            p = q;
            if (v != 0 && v <= n) return v;
            rep.error(start, "A106", "argument id " + std::to_string(v) + " is out of range 1.." + std::to_string(n));
            return 0;
        }
        v = 0;
        auto r = std::from_chars(p, end, v);
        if (r.ec == std::errc() && (r.ptr == end || is_space(*r.ptr))) {
            p = r.ptr;
            if (v != 0 && v <= n) return v;
            rep.error(start, "A106", "argument id " + std::to_string(v) + " is out of range 1.." + std::to_string(n));
            return 0;
        }
        const char* stop = token_end(p);
        const std::string_view token(start, static_cast<std::size_t>(stop - start));
        if (r.ec == std::errc::result_out_of_range && r.ptr == stop) {
            rep.error(start, "A106", "argument id " + quote(token) + " is out of range 1.." + std::to_string(n));
        } else {
            rep.error(start, "A102", std::string("expected ") + what + " (a positive integer), found " + quote(token));
        }
        return 0;
    };

    try {
        while (p < end) {
            const char* line_start = p;
            skip_blanks();
            if (at_line_end()) {  // blank line
                if (p < end) ++p;
                continue;
            }
            if (*p == '#') {
                skip_line();
                continue;
            }
            if (*p == 'p') {
                const char* header = p;
                if (have_header) {
                    rep.error(header, "A105", "second 'p af' header; an i23 file has one, on its first line");
                    skip_line();
                    continue;
                }
                ++p;
                std::string_view word;
                skip_blanks();
                const char* w = p;
                p = token_end(p);
                word = std::string_view(w, static_cast<std::size_t>(p - w));
                skip_blanks();
                const char* num = p;
                std::uint64_t count = 0;
                auto r = std::from_chars(p, end, count);
                const char* stop = token_end(p);
                if (word != "af" || r.ec == std::errc::invalid_argument || r.ptr != stop || num == stop) {
                    rep.error(header, "A105", "malformed header; expected 'p af N' with N the number of arguments");
                    rep.raise();  // without N no id can be checked
                }
                if (r.ec == std::errc::result_out_of_range || count > max_size) {
                    rep.error(num, "A108", "too many arguments: " + std::string(num, stop) + " (at most " +
                                               std::to_string(max_size) + ")");
                    rep.raise();
                }
                // Memory follows N, not the file: "p af 2000000000" alone would take some 40 GB.
                // So N is bounded by what the file could describe: 2^20 arguments, or 8 per byte
                // of the file, whichever is more (a real framework's attack lines take far more).
                if (const std::uint64_t most = std::max<std::uint64_t>(std::uint64_t{1} << 20, 8 * std::uint64_t{text.size()});
                    count > most) {
                    rep.error(num, "A108", "too many arguments for a file of " + std::to_string(text.size()) + " bytes: " +
                                               std::string(num, stop) + " (at most " + std::to_string(most) +
                                               ", the larger of 1048576 and 8 per byte of the file)");
                    rep.raise();
                }
                p = stop;
                skip_blanks();
                if (!at_line_end()) {
                    rep.error(p, "A105", "unexpected text after 'p af N'");
                    rep.raise();
                }
                n = count;
                have_header = true;
                // Every remaining line is at most one attack.
                attacks.reserve(std::min<std::size_t>(count_lines(std::string_view(p, static_cast<std::size_t>(end - p))),
                                                      max_size));
                continue;
            }
            if (!have_header) {
                rep.error(line_start, "A105", "missing header; an i23 file starts with 'p af N'");
                rep.raise();
            }
            const std::uint64_t a = read_id("the attacker's id");
            if (a == 0) {
                skip_line();
                continue;
            }
            const std::uint64_t b = read_id("the attacked argument's id");
            if (b == 0) {
                skip_line();
                continue;
            }
            skip_blanks();
            if (!at_line_end()) {
                if (*p == '#') {
                    rep.error(p, "A102", "a comment must be on its own line");
                } else {
                    rep.error(p, "A107", "an attack line holds two ids, 'attacker attacked'; found more");
                }
                skip_line();
                continue;
            }
            if (p < end) ++p;
            if (attacks.size() == max_size) {
                rep.error(line_start, "A108", "too many attacks (at most " + std::to_string(max_size) + ")");
                rep.raise();
            }
            attacks.emplace_back(static_cast<arg_id>(a - 1), static_cast<arg_id>(b - 1));
        }
        if (!have_header) {
            rep.error(text.data(), "A105", "missing header; an i23 file starts with 'p af N'");
        }
    } catch (const stop_parsing&) {
    }
    if (rep.failed()) rep.raise();
    return framework::numbered(static_cast<std::size_t>(n), attacks);
}

} // namespace

framework parse(std::string_view text, file_format format, std::string_view file) {
    switch (format) {
    case file_format::apx: return apx_parser(text, file).run();
    case file_format::tgf: return parse_tgf(text, file);
    case file_format::i23: return parse_i23(text, file);
    }
    throw std::invalid_argument("candour::af::parse: unknown format");
}

framework load(const std::filesystem::path& path, file_format format) {
    const std::string file = path.string();
    auto fail = [&](const std::string& why) -> load_error {
        diagnostic d;
        d.code = "A101";
        d.message = "cannot read " + quote(file) + ": " + why;
        d.where.file = file;
        return load_error({std::move(d)});
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) throw fail("it is a directory");
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!f) throw fail(std::generic_category().message(errno));
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw fail(ec.message());
    // One read of the whole file; a file that grew since file_size() is read to the old size.
    auto buffer = std::make_unique_for_overwrite<char[]>(size + 1);
    const std::size_t got = size == 0 ? 0 : std::fread(buffer.get(), 1, size, f.get());
    if (got != size && std::ferror(f.get())) throw fail("read error");
    return parse(std::string_view(buffer.get(), got), format, file);
}

// ---------------------------------------------------------------------------------------------
// writing

namespace {

bool valid_apx_name(std::string_view s) {
    if (s.empty()) return false;
    if (s.front() == '"')
        return s.size() >= 2 && s.back() == '"' && s.find('\n') == std::string_view::npos;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return !is_space(c) && c != '(' && c != ')' && c != ',' && c != '.' && c != '%' && c != '"';
    });
}

bool valid_tgf_name(std::string_view s) {
    return !s.empty() && s != "#" && std::none_of(s.begin(), s.end(), is_space);
}

void append_number(std::string& out, std::uint64_t v) {
    char digits[24];
    auto r = std::to_chars(digits, digits + sizeof digits, v);
    out.append(digits, r.ptr);
}

} // namespace

std::string write(const framework& af, file_format format) {
    const auto n = static_cast<arg_id>(af.size());
    std::string out;
    if (format == file_format::i23) {
        out.reserve(16 + af.attack_count() * 14);
        out.append("p af ");
        append_number(out, n);
        out.push_back('\n');
        for (arg_id s = 0; s < n; ++s)
            for (arg_id t : af.attacks_of(s)) {
                append_number(out, std::uint64_t{s} + 1);
                out.push_back(' ');
                append_number(out, std::uint64_t{t} + 1);
                out.push_back('\n');
            }
        return out;
    }
    const bool apx = format == file_format::apx;
    for (arg_id a = 0; a < n; ++a)
        if (!(apx ? valid_apx_name(af.name(a)) : valid_tgf_name(af.name(a))))
            throw error("argument name " + quote(af.name(a)) + " cannot be written in " + std::string(to_string(format)));
    for (arg_id a = 0; a < n; ++a) {
        if (apx) out.append("arg(");
        out.append(af.name(a));
        out.append(apx ? ").\n" : "\n");
    }
    if (!apx) out.append("#\n");
    for (arg_id s = 0; s < n; ++s)
        for (arg_id t : af.attacks_of(s)) {
            if (apx) out.append("att(");
            out.append(af.name(s));
            out.push_back(apx ? ',' : ' ');
            out.append(af.name(t));
            out.append(apx ? ").\n" : "\n");
        }
    return out;
}

} // namespace candour::af
