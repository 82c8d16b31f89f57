#pragma once
// An abstract argumentation framework (Dung 1995): arguments and a binary attack relation.
// Arguments are numbered 0..n-1 and keep the name they had in the input. The relation is
// stored twice in CSR form (who each argument attacks, and who attacks it) so semantics can
// walk it in either direction in O(arguments + attacks) without per-argument containers.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace candour::af {

/// Index of an argument, 0-based. ICCMA's i23 format numbers from 1; add 1 when printing.
using arg_id = std::uint32_t;

/// One attack: `first` attacks `second`.
using attack = std::pair<arg_id, arg_id>;

/// Largest number of arguments or attacks a framework can hold (ids and CSR offsets are 32-bit).
inline constexpr std::size_t max_size = 0xFFFF'FFFEu;

class framework {
public:
    /// The empty framework.
    framework() = default;

    /// Builds from names (one per argument, in id order) kept in one buffer, and attacks by id.
    /// Repeated attacks are stored once. Throws std::invalid_argument on an id >= names.size()
    /// and std::length_error above max_size; parsers check both first and report diagnostics.
    framework(std::span<const std::string_view> names, std::span<const attack> attacks);

    /// Takes over names stored back to back: argument i is names[offsets[i], offsets[i+1]).
    /// `offsets` has n + 1 entries, ascending, from 0 to names.size(). Throws
    /// std::invalid_argument when they do not fit, and as above for the attacks.
    framework(std::string names, std::vector<std::uint32_t> offsets, std::span<const attack> attacks);

    /// Same, with names "1".."n" as in ICCMA's i23 format.
    [[nodiscard]] static framework numbered(std::size_t n, std::span<const attack> attacks);

    [[nodiscard]] std::size_t size() const noexcept { return name_offsets_.size() - 1; }
    [[nodiscard]] bool empty() const noexcept { return size() == 0; }
    [[nodiscard]] std::size_t attack_count() const noexcept { return targets_.size(); }

    [[nodiscard]] std::string_view name(arg_id a) const noexcept {
        return std::string_view(names_).substr(name_offsets_[a], name_offsets_[a + 1] - name_offsets_[a]);
    }

    /// The arguments `a` attacks, in input order.
    [[nodiscard]] std::span<const arg_id> attacks_of(arg_id a) const noexcept {
        return {targets_.data() + out_offsets_[a], targets_.data() + out_offsets_[a + 1]};
    }

    /// The arguments attacking `a`, ascending.
    [[nodiscard]] std::span<const arg_id> attackers_of(arg_id a) const noexcept {
        return {sources_.data() + in_offsets_[a], sources_.data() + in_offsets_[a + 1]};
    }

    [[nodiscard]] bool attacks(arg_id from, arg_id to) const noexcept;

    /// Argument by name. A linear scan: fine for one query, build an index for many.
    [[nodiscard]] std::optional<arg_id> find(std::string_view name) const noexcept;

    /// Every attack, ordered by attacker then input order.
    [[nodiscard]] std::vector<attack> attack_list() const;

    /// Same arguments (by name, in the same order) and the same attack relation.
    friend bool operator==(const framework& a, const framework& b) noexcept;

private:
    void build_relation(std::span<const attack> attacks);

    std::string names_;                              // all names back to back
    std::vector<std::uint32_t> name_offsets_{0};     // n + 1 entries into names_
    std::vector<std::uint32_t> out_offsets_{0};      // n + 1 entries into targets_
    std::vector<arg_id> targets_;
    std::vector<std::uint32_t> in_offsets_{0};       // n + 1 entries into sources_
    std::vector<arg_id> sources_;
};

} // namespace candour::af
