// Graph algorithms over rules and justifications, with Boost.Graph kept inside lib/.

#include "rulebook_data.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>

namespace candour::detail {

void check_provision_cycles(const std::vector<provision>& provisions, std::vector<diagnostic>& out) {
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    graph g(provisions.size());
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < provisions.size(); ++i) index[rulebook::data::key(provisions[i].regime, provisions[i].id)] = i;
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        for (const auto& t : provisions[i].subsidiary_to) {
            auto it = index.find(rulebook::data::key(provisions[i].regime, t));
            if (it != index.end()) boost::add_edge(i, it->second, g);
        }
    }
    std::vector<std::size_t> component(provisions.size());
    const auto count = boost::strong_components(g, component.data());
    std::vector<std::vector<std::size_t>> members(count);
    for (std::size_t i = 0; i < provisions.size(); ++i) members[component[i]].push_back(i);
    for (const auto& m : members) {
        bool self_loop = false;
        if (m.size() == 1) {
            const auto& p = provisions[m[0]];
            self_loop = std::find(p.subsidiary_to.begin(), p.subsidiary_to.end(), p.id) != p.subsidiary_to.end();
        }
        if (m.size() < 2 && !self_loop) continue;
        std::string names;
        for (auto i : m) names += (names.empty() ? "" : ", ") + provisions[i].id;
        out.push_back({severity::error, "P303",
                       "'subsidiary_to' forms a cycle among " + names +
                           ": each would displace the other, so none could ever apply",
                       provisions[m[0]].where, {}});
    }
}

} // namespace candour::detail

#include "render_parts.hpp"

#include <functional>
#include <queue>

namespace candour::detail {

std::vector<statement_id> reasoning_order(const argument_graph& ag) {
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    const std::size_t n = ag.statements().size();
    graph g(n);
    for (const auto& a : ag.arguments()) {
        for (auto s : a.premises) boost::add_edge(s, a.conclusion, g);
        for (auto s : a.exceptions) boost::add_edge(s, a.conclusion, g);
    }
    // Cycles are possible in general graphs: order the strongly connected components, and keep
    // each component's statements together in the order they were added.
    std::vector<std::size_t> component(n);
    const std::size_t count = n == 0 ? 0 : boost::strong_components(g, component.data());
    std::vector<std::vector<statement_id>> members(count);
    for (std::size_t v = 0; v < n; ++v) members[component[v]].push_back(static_cast<statement_id>(v));
    std::vector<std::vector<std::size_t>> next(count);
    std::vector<std::size_t> waiting(count, 0);
    for (std::size_t v = 0; v < n; ++v) {
        for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) {
            const auto w = boost::target(*e, g);
            if (component[v] == component[w]) continue;
            next[component[v]].push_back(component[w]);
            ++waiting[component[w]];
        }
    }
    // Kahn's algorithm, always taking the ready component whose first statement came first, so
    // the order follows the case (facts before findings, claims in case order).
    using entry = std::pair<statement_id, std::size_t>;
    std::priority_queue<entry, std::vector<entry>, std::greater<>> ready;
    for (std::size_t c = 0; c < count; ++c)
        if (waiting[c] == 0) ready.emplace(members[c].front(), c);
    std::vector<statement_id> order;
    order.reserve(n);
    while (!ready.empty()) {
        const auto c = ready.top().second;
        ready.pop();
        order.insert(order.end(), members[c].begin(), members[c].end());
        for (auto w : next[c])
            if (--waiting[w] == 0) ready.emplace(members[w].front(), w);
    }
    return order;
}

} // namespace candour::detail
