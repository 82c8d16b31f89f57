#pragma once
// Private: finds an element of an array the caller keeps (items by id, a graph's texts and
// citations) by a key. The index holds only positions and hashes, in one array with open
// addressing, so adding an element allocates nothing (std::unordered_map allocates a node for
// each), and the keys stay where they are. The caller hashes a key and says whether the element
// at a position has it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace candour::detail {

class position_index {
public:
    /// Room for `count` positions without growing.
    void reserve(std::size_t count) {
        if (count * 2 > slots_.size()) rehash(count * 2);
    }
    void clear() noexcept {
        slots_.clear();
        size_ = 0;
    }

    /// The position whose element has the key, if any: `same(position)` says whether it has.
    template <class Same>
    [[nodiscard]] std::optional<std::uint32_t> find(std::size_t hash, Same&& same) const {
        if (slots_.empty()) return std::nullopt;
        const auto h = static_cast<std::uint32_t>(hash);
        for (std::size_t i = h & mask();; i = (i + 1) & mask()) {
            const slot& s = slots_[i];
            if (s.position == empty) return std::nullopt;
            if (s.hash == h && same(s.position)) return s.position;
        }
    }

    /// Adds a position whose key is not in the index yet.
    void insert(std::size_t hash, std::uint32_t position) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        place(static_cast<std::uint32_t>(hash), position);
        ++size_;
    }

private:
    static constexpr std::uint32_t empty = UINT32_MAX;
    struct slot {
        std::uint32_t hash = 0;
        std::uint32_t position = empty;
    };

    std::size_t mask() const noexcept { return slots_.size() - 1; }
    void place(std::uint32_t hash, std::uint32_t position) {
        std::size_t i = hash & mask();
        while (slots_[i].position != empty) i = (i + 1) & mask();
        slots_[i] = {hash, position};
    }
    // At most half full, with a power of two slots: probes stay short.
    void rehash(std::size_t at_least) {
        std::size_t n = 16;
        while (n < at_least) n *= 2;
        std::vector<slot> old(n);
        old.swap(slots_);
        for (const slot& s : old)
            if (s.position != empty) place(s.hash, s.position);
    }

    std::vector<slot> slots_;
    std::size_t size_ = 0;
};

} // namespace candour::detail
