#pragma once
// Private: what a rulebook holds, and the checks run over it once everything is loaded.

#include <candour/diagnostic.hpp>
#include <candour/rulebook.hpp>

#include <string>
#include <unordered_map>
#include <vector>

namespace candour {

struct rulebook::data {
    std::vector<regime> regimes;
    std::vector<provision> provisions;
    std::unordered_map<std::string, std::size_t> by_key; ///< "regime\x1fid" -> index in provisions

    static std::string key(std::string_view regime_id, std::string_view id) {
        std::string k(regime_id);
        k += '\x1f';
        k += id;
        return k;
    }
};

namespace detail {
/// Reports reference cycles among `subsidiary_to` links (P303), using Boost.Graph.
void check_provision_cycles(const std::vector<provision>& provisions, std::vector<diagnostic>& out);
} // namespace detail

} // namespace candour
