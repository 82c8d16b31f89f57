// Graph algorithms over rules and justifications, with Boost.Graph kept inside lib/.

#include "rulebook_data.hpp"
#include "yaml_reader.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <map>
#include <optional>

namespace candour::detail {

namespace {

enum class rule_edge { subsidiary, exclusive, route };

struct rule_graph {
    using graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property, rule_edge>;
    graph g;
    std::size_t provisions = 0;               // vertices [0, provisions) are provisions, the rest regimes
    std::map<std::string, std::size_t> regime_vertex;

    bool has_edge(std::size_t from, std::size_t to, rule_edge kind) const {
        for (auto [e, end] = boost::out_edges(from, g); e != end; ++e)
            if (boost::target(*e, g) == to && g[*e] == kind) return true;
        return false;
    }
};

// The subsidiarity edges alone (Boost's filters must be default-constructible, so no lambda).
struct only_subsidiary {
    const rule_graph::graph* g = nullptr;
    bool operator()(const rule_graph::graph::edge_descriptor& e) const { return (*g)[e] == rule_edge::subsidiary; }
};

} // namespace

void check_rule_graph(const rulebook::data& d, bool whole_tree, std::vector<diagnostic>& out) {
    const auto& provisions = d.provisions;
    rule_graph rg;
    rg.provisions = provisions.size();
    rg.g = rule_graph::graph(provisions.size() + d.regimes.size());
    for (std::size_t i = 0; i < d.regimes.size(); ++i) rg.regime_vertex[d.regimes[i].id] = provisions.size() + i;
    auto vertex = [&](const std::string& regime, const std::string& id) -> std::optional<std::size_t> {
        const auto it = d.by_key.find(rulebook::data::key_parts{regime, id});
        if (it == d.by_key.end()) return std::nullopt;
        return it->second;
    };
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        const auto& p = provisions[i];
        for (const auto& t : p.subsidiary_to)
            if (auto v = vertex(p.regime, t)) boost::add_edge(i, *v, rule_edge::subsidiary, rg.g);
        for (const auto& t : p.exclusive_with)
            if (auto v = vertex(p.regime, t)) boost::add_edge(i, *v, rule_edge::exclusive, rg.g);
        for (const auto& r : p.routes_to) {
            if (r.regime == p.regime) {
                out.push_back({severity::error, "P307",
                               "'routes_to' of " + p.id + " names its own regime '" + r.regime +
                                   "': a route leads to another rulebook",
                               r.where, {}});
                continue;
            }
            const auto reg = rg.regime_vertex.find(r.regime);
            if (reg == rg.regime_vertex.end()) {
                if (!whole_tree) continue; // outside the folder loaded: not checked
                std::vector<std::string> names;
                for (const auto& g : d.regimes) names.push_back(g.id);
                std::vector<std::string> notes;
                if (auto guess = did_you_mean(r.regime, names)) notes.push_back("did you mean '" + *guess + "'?");
                out.push_back({severity::error, "P302", "unknown regime '" + r.regime + "' in 'routes_to' of " + p.id,
                               r.where, std::move(notes)});
                continue;
            }
            if (r.provision.empty()) {
                boost::add_edge(i, reg->second, rule_edge::route, rg.g);
                continue;
            }
            if (auto v = vertex(r.regime, r.provision)) {
                boost::add_edge(i, *v, rule_edge::route, rg.g);
                continue;
            }
            std::vector<std::string> names;
            for (const auto& q : provisions) if (q.regime == r.regime) names.push_back(q.id);
            std::vector<std::string> notes;
            if (auto guess = did_you_mean(r.provision, names)) notes.push_back("did you mean '" + *guess + "'?");
            out.push_back({severity::error, "P302",
                           "unknown provision '" + r.provision + "' of " + r.regime + " in 'routes_to' of " + p.id, r.where,
                           std::move(notes)});
        }
    }

    // Exclusivity is symmetric: two provisions that cannot both apply say so of each other. It
    // is not subsidiarity, which already makes a pair exclusive and says which one gives way.
    for (std::size_t i = 0; i < provisions.size(); ++i) {
        const auto& p = provisions[i];
        for (const auto& t : p.exclusive_with) {
            if (t == p.id) {
                out.push_back({severity::error, "P307", p.id + " is 'exclusive_with' itself", p.where, {}});
                continue;
            }
            const auto v = vertex(p.regime, t);
            if (!v) continue; // reported as P302
            if (!rg.has_edge(*v, i, rule_edge::exclusive))
                out.push_back({severity::error, "P307",
                               p.id + " is 'exclusive_with' " + t + ", but " + t + " does not name " + p.id +
                                   ": mutual exclusivity must be written on both provisions",
                               p.where, {"add " + p.id + " to the 'exclusive_with' of " + t + " at " + to_string(provisions[*v].where)}});
            if (rg.has_edge(i, *v, rule_edge::subsidiary) || rg.has_edge(*v, i, rule_edge::subsidiary))
                out.push_back({severity::error, "P307",
                               p.id + " and " + t + " are both 'exclusive_with' and 'subsidiary_to' each other: subsidiarity "
                                   "already keeps them apart and says which gives way; keep only 'subsidiary_to'",
                               p.where, {}});
        }
    }

    // Cycles of subsidiarity: each provision would displace the other, so none could apply.
    const boost::filtered_graph<rule_graph::graph, only_subsidiary> filtered(rg.g, only_subsidiary{&rg.g});
    std::vector<std::size_t> component(boost::num_vertices(rg.g));
    const auto count = boost::strong_components(filtered, component.data());
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

namespace {

// The order when the statements have no cycle, which is the usual case: Kahn's algorithm over
// the statements themselves, always taking the ready statement that came first. That is what
// the general order below gives when every component is one statement, without building a
// Boost graph and its components (two thirds of the record's ordering cost). Returns nothing if
// there is a cycle.
std::optional<std::vector<statement_id>> acyclic_order(const argument_graph& ag) {
    const std::size_t n = ag.statements().size();
    // Each statement's edges to the conclusions it supports or opposes, as one array by statement.
    std::vector<std::size_t> first(n + 1, 0);
    std::vector<std::size_t> waiting(n, 0);
    for (const auto& a : ag.arguments()) {
        for (auto s : a.premises) ++first[s + 1];
        for (auto s : a.exceptions) ++first[s + 1];
        waiting[a.conclusion] += a.premises.size() + a.exceptions.size();
    }
    for (std::size_t v = 0; v < n; ++v) first[v + 1] += first[v];
    std::vector<statement_id> target(first[n]);
    std::vector<std::size_t> fill(first.begin(), first.end() - 1);
    for (const auto& a : ag.arguments()) {
        for (auto s : a.premises) target[fill[s]++] = a.conclusion;
        for (auto s : a.exceptions) target[fill[s]++] = a.conclusion;
    }
    std::priority_queue<statement_id, std::vector<statement_id>, std::greater<>> ready;
    for (std::size_t v = 0; v < n; ++v)
        if (waiting[v] == 0) ready.push(static_cast<statement_id>(v));
    std::vector<statement_id> order;
    order.reserve(n);
    while (!ready.empty()) {
        const auto v = ready.top();
        ready.pop();
        order.push_back(v);
        for (std::size_t e = first[v]; e < first[v + 1]; ++e)
            if (--waiting[target[e]] == 0) ready.push(target[e]);
    }
    if (order.size() != n) return std::nullopt; // a cycle: some statements never became ready
    return order;
}

} // namespace

std::vector<statement_id> reasoning_order(const argument_graph& ag) {
    if (auto order = acyclic_order(ag)) return std::move(*order);
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
