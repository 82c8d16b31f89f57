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
/// Builds the rule graph (Boost.Graph): provisions and regimes as vertices; `subsidiary_to`,
/// `exclusive_with` and `routes_to` as typed edges. Reports cycles of subsidiarity (P303);
/// exclusivity that is one-sided, names the provision itself, or repeats a subsidiarity (P307);
/// routes to the provision's own regime (P307), and to a regime or provision that does not
/// exist (P302; a regime is checked only when `whole_tree` was loaded).
void check_rule_graph(const rulebook::data& d, bool whole_tree, std::vector<diagnostic>& out);
} // namespace detail

} // namespace candour
