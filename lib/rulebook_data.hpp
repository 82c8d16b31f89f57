#pragma once
// Private: what a rulebook holds, and the checks run over it once everything is loaded.

#include <candour/diagnostic.hpp>
#include <candour/rulebook.hpp>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace candour {

struct rulebook::data {
    /// A provision's key, "regime\x1fid", as its two parts: found in `by_key` without joining
    /// them into a string (the evaluator looks provisions up many times per case).
    struct key_parts {
        std::string_view regime, id;
    };
    /// FNV-1a over the key's bytes, so that a key and its parts hash alike.
    struct key_hash {
        using is_transparent = void;
        static std::size_t add(std::size_t h, std::string_view bytes) noexcept {
            for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3u;
            return h;
        }
        std::size_t operator()(std::string_view key) const noexcept { return add(0xcbf29ce484222325u, key); }
        std::size_t operator()(const key_parts& k) const noexcept {
            return add(add(add(0xcbf29ce484222325u, k.regime), "\x1f"), k.id);
        }
    };
    struct key_equal {
        using is_transparent = void;
        static bool same(std::string_view key, const key_parts& k) noexcept {
            return key.size() == k.regime.size() + 1 + k.id.size() && key.starts_with(k.regime) &&
                   key[k.regime.size()] == '\x1f' && key.ends_with(k.id);
        }
        bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
        bool operator()(const key_parts& a, std::string_view b) const noexcept { return same(b, a); }
        bool operator()(std::string_view a, const key_parts& b) const noexcept { return same(a, b); }
    };

    std::vector<regime> regimes;
    std::vector<provision> provisions;
    std::unordered_map<std::string, std::size_t, key_hash, key_equal> by_key; ///< "regime\x1fid" -> index in provisions
    /// By provision: another provision of its regime names it as its `ncnd` (set by index_ncnd).
    std::vector<bool> names_as_ncnd;

    /// Fills names_as_ncnd, once every provision is loaded.
    void index_ncnd() {
        names_as_ncnd.assign(provisions.size(), false);
        for (const auto& q : provisions)
            if (!q.ncnd.empty())
                if (const auto it = by_key.find(key_parts{q.regime, q.ncnd}); it != by_key.end()) names_as_ncnd[it->second] = true;
    }

    static std::string key(std::string_view regime_id, std::string_view id) {
        std::string k(regime_id);
        k += '\x1f';
        k += id;
        return k;
    }
};

namespace detail {
/// Builds the rule graph (Boost.Graph): provisions and regimes as vertices; `subsidiary_to`,
/// `exclusive_with` and `routes_to` as typed edges. Reports cycles of subsidiarity (P303);
/// exclusivity that is one-sided, names the provision itself, or repeats a subsidiarity (P307);
/// routes to the provision's own regime (P307), and to a regime or provision that does not
/// exist (P302; a regime is checked only when `whole_tree` was loaded).
void check_rule_graph(const rulebook::data& d, bool whole_tree, std::vector<diagnostic>& out);
} // namespace detail

} // namespace candour
