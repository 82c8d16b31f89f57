// The order the record lists the justification graph in (reasoning_order, lib/render_parts.hpp,
// internal), against a plain reading of what it promises: premises and exceptions before what
// they support, the statements of a cycle together in the order they were added, and among the
// statements (or cycles) ready to be listed the one added first. The reference below finds the
// cycles by reachability, which is slow but obviously right; reasoning_order takes a shortcut
// when there is no cycle and uses Boost's strong components when there is one.

#include "render_parts.hpp"

#include <candour/argument_graph.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

using namespace candour;

namespace {

std::vector<statement_id> plain_order(const argument_graph& g) {
    const std::size_t n = g.statements().size();
    std::vector<std::vector<bool>> reaches(n, std::vector<bool>(n, false));
    for (const auto& a : g.arguments()) {
        for (auto s : a.premises) reaches[s][a.conclusion] = true;
        for (auto s : a.exceptions) reaches[s][a.conclusion] = true;
    }
    for (std::size_t k = 0; k < n; ++k)
        for (std::size_t i = 0; i < n; ++i)
            if (reaches[i][k])
                for (std::size_t j = 0; j < n; ++j)
                    if (reaches[k][j]) reaches[i][j] = true;
    // A statement's group: itself and every statement on a cycle with it, in the order added.
    auto group_of = [&](std::size_t v) {
        std::vector<statement_id> m;
        for (std::size_t w = 0; w < n; ++w)
            if (w == v || (reaches[v][w] && reaches[w][v])) m.push_back(static_cast<statement_id>(w));
        return m;
    };
    std::vector<bool> listed(n, false);
    std::vector<statement_id> order;
    while (order.size() < n) {
        // The first statement not yet listed whose group waits on nothing outside itself.
        for (std::size_t v = 0; v < n; ++v) {
            if (listed[v]) continue;
            const auto m = group_of(v);
            bool ready = true;
            for (const auto& a : g.arguments())
                if (std::find(m.begin(), m.end(), a.conclusion) != m.end())
                    for (const auto& side : {a.premises, a.exceptions})
                        for (auto s : side)
                            if (!listed[s] && std::find(m.begin(), m.end(), s) == m.end()) ready = false;
            if (!ready) continue;
            for (auto w : m) listed[w] = true;
            order.insert(order.end(), m.begin(), m.end());
            break;
        }
    }
    return order;
}

argument_graph random_graph(std::mt19937& rng, bool acyclic) {
    argument_graph g;
    const std::size_t n = 1 + rng() % 14;
    for (std::size_t i = 0; i < n; ++i) {
        statement s;
        const std::string key = "s" + std::to_string(i);
        s.key = key;
        s.text = key;
        g.add_statement(std::move(s));
    }
    for (auto k = rng() % (2 * n); k > 0; --k) {
        argument a;
        const std::string key = "a" + std::to_string(g.arguments().size());
        a.key = key;
        a.conclusion = static_cast<statement_id>(rng() % n);
        std::vector<statement_id> premises, exceptions;
        for (auto p = rng() % 3; p > 0; --p) {
            // Acyclic: premises come from statements added after the conclusion (any order of
            // ids, so the shortcut is tested on more than ascending graphs).
            const auto s = static_cast<statement_id>(rng() % n);
            if (acyclic && s <= a.conclusion) continue;
            (rng() % 3 == 0 ? exceptions : premises).push_back(s);
        }
        a.premises = premises;
        a.exceptions = exceptions;
        g.add_argument(std::move(a));
    }
    return g;
}

} // namespace

TEST_SUITE("graph order") {
    TEST_CASE("the record's order of statements is the plain reading of its promise, with and without cycles") {
        std::mt19937 rng(20261128);
        int cyclic = 0;
        for (int n = 0; n < 4000; ++n) {
            const auto g = random_graph(rng, n % 2 == 0);
            const auto order = detail::reasoning_order(g);
            REQUIRE(order == plain_order(g));
            std::set<statement_id> all(order.begin(), order.end());
            REQUIRE(all.size() == g.statements().size());
            bool has_cycle = false;
            for (const auto& a : g.arguments())
                for (const auto& side : {a.premises, a.exceptions})
                    for (auto s : side)
                        if (std::find(order.begin(), order.end(), s) > std::find(order.begin(), order.end(), a.conclusion) ||
                            s == a.conclusion)
                            has_cycle = true;
            cyclic += has_cycle;
        }
        CHECK(cyclic > 500); // both kinds of graph were tried
    }
}
