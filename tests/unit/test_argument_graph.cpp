#include <candour/argument_graph.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <span>
#include <stdexcept>
#include <vector>

using namespace candour;

namespace {

statement_id add(argument_graph& g, const std::string& key, proof_standard ps = proof_standard::scintilla(),
                 std::optional<label> fact = std::nullopt) {
    statement s;
    s.key = key;
    s.text = key;
    s.standard = ps;
    s.fact = fact;
    return g.add_statement(s);
}

argument_id argue(argument_graph& g, statement_id to, direction dir, std::vector<statement_id> premises,
                  std::vector<statement_id> exceptions = {}, double weight = 1, std::uint8_t category = 0) {
    argument a;
    a.category = category;
    const std::string key = "a" + std::to_string(g.arguments().size()); // the graph copies it
    a.key = key;
    a.conclusion = to;
    a.dir = dir;
    a.premises = premises; // the graph copies both
    a.exceptions = exceptions;
    a.weight = weight;
    return g.add_argument(a);
}

} // namespace

TEST_SUITE("argument_graph") {
    TEST_CASE("facts are fixed, unsupported statements are rejected") {
        argument_graph g;
        const auto yes = add(g, "yes", proof_standard::scintilla(), label::accepted);
        const auto no = add(g, "no", proof_standard::scintilla(), label::rejected);
        const auto bare = add(g, "bare");
        g.evaluate();
        CHECK(g.label_of(yes) == label::accepted);
        CHECK(g.label_of(no) == label::rejected);
        CHECK(g.label_of(bare) == label::rejected);
    }
    TEST_CASE("an argument counts only when every premise is accepted and no exception holds") {
        argument_graph g;
        const auto p = add(g, "p", proof_standard::scintilla(), label::accepted);
        const auto q = add(g, "q", proof_standard::scintilla(), label::rejected);
        const auto e = add(g, "e", proof_standard::scintilla(), label::accepted);
        const auto c1 = add(g, "c1"), c2 = add(g, "c2"), c3 = add(g, "c3");
        const auto a1 = argue(g, c1, direction::pro, {p});
        const auto a2 = argue(g, c2, direction::pro, {p, q});
        const auto a3 = argue(g, c3, direction::pro, {p}, {e});
        g.evaluate();
        CHECK(g.label_of(c1) == label::accepted);
        CHECK(g.status_of(a1) == argument_status::applicable);
        CHECK(g.label_of(c2) == label::rejected);
        CHECK(g.status_of(a2) == argument_status::premise_rejected);
        CHECK(g.label_of(c3) == label::rejected);
        CHECK(g.status_of(a3) == argument_status::undercut);
    }
    TEST_CASE("balance: the tie goes where the standard says, never left open") {
        for (auto tie : {direction::con, direction::pro}) {
            argument_graph g;
            const auto s = add(g, "pit", proof_standard::balance(tie));
            argue(g, s, direction::pro, {}, {}, 2.4);
            argue(g, s, direction::con, {}, {}, 1.2);
            argue(g, s, direction::con, {}, {}, 1.2);
            g.evaluate();
            CHECK(g.label_of(s) == (tie == direction::pro ? label::accepted : label::rejected));
        }
        // Sums that are equal in decimal but not in binary are still a tie.
        argument_graph g;
        const auto s = add(g, "pit", proof_standard::balance(direction::con));
        argue(g, s, direction::pro, {}, {}, 0.1 * 3);
        argue(g, s, direction::con, {}, {}, 0.3);
        g.evaluate();
        CHECK(g.label_of(s) == label::rejected);
    }
    TEST_CASE("balance with weights: heavier side wins, strongest-argument weighing differs from sum") {
        argument_graph g;
        const auto sum = add(g, "sum", proof_standard::balance(direction::con, weighing::sum));
        const auto max = add(g, "max", proof_standard::balance(direction::con, weighing::strongest));
        for (auto s : {sum, max}) {
            argue(g, s, direction::pro, {}, {}, 3);
            argue(g, s, direction::con, {}, {}, 2);
            argue(g, s, direction::con, {}, {}, 2);
        }
        g.evaluate();
        CHECK(g.label_of(sum) == label::rejected); // 3 < 4
        CHECK(g.label_of(max) == label::accepted); // 3 > 2
        CHECK(g.weight_of(sum, direction::con) == doctest::Approx(4));
        CHECK(g.weight_of(max, direction::con) == doctest::Approx(2));
    }
    TEST_CASE("criteria weighing: the most important category with a difference decides") {
        argument_graph g;
        const auto crit = add(g, "crit", proof_standard::balance(direction::con, weighing::criteria));
        const auto sum = add(g, "sum", proof_standard::balance(direction::con, weighing::sum));
        for (auto s : {crit, sum}) {
            argue(g, s, direction::pro, {}, {}, 1, 2);  // a legal requirement
            argue(g, s, direction::con, {}, {}, 10, 1); // a policy preference
        }
        g.evaluate();
        CHECK(g.label_of(crit) == label::accepted); // category 2: 1 > 0
        CHECK(g.label_of(sum) == label::rejected);  // 1 < 10
        // Equal in the top category, the next one decides; equal everywhere is a tie.
        argument_graph h;
        const auto t = add(h, "t", proof_standard::balance(direction::con, weighing::criteria));
        argue(h, t, direction::pro, {}, {}, 2, 3);
        argue(h, t, direction::con, {}, {}, 2, 3);
        h.evaluate();
        CHECK(h.label_of(t) == label::rejected); // a tie in every category goes to con
        argue(h, t, direction::pro, {}, {}, 0.5, 0);
        h.evaluate();
        CHECK(h.label_of(t) == label::accepted);
    }
    TEST_CASE("threshold standards: 'more probable than not' is strictly over one half") {
        argument_graph g;
        const auto over = add(g, "over", proof_standard::threshold(0.5, true));
        const auto at = add(g, "at", proof_standard::threshold(0.5, true));
        const auto at_inclusive = add(g, "at-inclusive", proof_standard::threshold(0.5, false));
        argue(g, over, direction::pro, {}, {}, 0.6);
        argue(g, at, direction::pro, {}, {}, 0.5);
        argue(g, at_inclusive, direction::pro, {}, {}, 0.5);
        g.evaluate();
        CHECK(g.label_of(over) == label::accepted);
        CHECK(g.label_of(at) == label::rejected);
        CHECK(g.label_of(at_inclusive) == label::accepted);
    }
    TEST_CASE("cycles stay undecided, and so does what depends on them") {
        argument_graph g;
        const auto a = add(g, "a"), b = add(g, "b"), c = add(g, "c");
        argue(g, a, direction::pro, {b});
        argue(g, b, direction::pro, {a});
        argue(g, c, direction::pro, {a});
        g.evaluate();
        CHECK(g.label_of(a) == label::undecided);
        CHECK(g.label_of(b) == label::undecided);
        CHECK(g.label_of(c) == label::undecided);
    }
    TEST_CASE("a statement is decided when no outcome of its open arguments could change it") {
        argument_graph g;
        const auto a = add(g, "a"), b = add(g, "b");
        argue(g, a, direction::pro, {b});
        argue(g, b, direction::pro, {a}); // a and b: an undecided cycle
        const auto known = add(g, "known", proof_standard::scintilla(), label::accepted);
        const auto pit = add(g, "pit", proof_standard::balance(direction::con));
        argue(g, pit, direction::pro, {known}, {}, 5);
        argue(g, pit, direction::con, {a}, {}, 1); // open, but can add at most 1
        g.evaluate();
        CHECK(g.label_of(pit) == label::accepted);
        const auto close = add(g, "close", proof_standard::balance(direction::con));
        argue(g, close, direction::pro, {known}, {}, 1);
        argue(g, close, direction::con, {a}, {}, 1); // would tie if it counted: undecided
        g.evaluate();
        CHECK(g.label_of(close) == label::undecided);
    }
    TEST_CASE("a long chain is labelled without recursion") {
        argument_graph g;
        auto previous = add(g, "s0", proof_standard::scintilla(), label::accepted);
        for (int i = 1; i <= 200000; ++i) {
            const auto next = add(g, "s" + std::to_string(i));
            argue(g, next, direction::pro, {previous});
            previous = next;
        }
        g.evaluate();
        CHECK(g.label_of(previous) == label::accepted);
    }
    TEST_CASE("explanations name the deciding and losing arguments with reasons") {
        argument_graph g;
        const auto yes = add(g, "yes", proof_standard::scintilla(), label::accepted);
        const auto no = add(g, "no", proof_standard::scintilla(), label::rejected);
        const auto pit = add(g, "pit", proof_standard::balance(direction::con));
        const auto strong = argue(g, pit, direction::pro, {yes}, {}, 3);
        const auto weak = argue(g, pit, direction::con, {yes}, {}, 2);
        const auto cut = argue(g, pit, direction::con, {yes}, {yes}, 9);
        const auto off = argue(g, pit, direction::con, {no}, {}, 9);
        g.evaluate();
        const auto e = explain(g, pit);
        CHECK(e.result == label::accepted);
        CHECK(e.pro_weight == doctest::Approx(3));
        CHECK(e.con_weight == doctest::Approx(2));
        REQUIRE(e.deciding.size() == 1);
        CHECK(e.deciding[0].argument == strong);
        REQUIRE(e.losing.size() == 3);
        CHECK(e.losing[0].argument == weak);
        CHECK(e.losing[0].outweighed);
        CHECK(e.losing[1].argument == cut);
        CHECK(e.losing[1].status == argument_status::undercut);
        CHECK(e.losing[2].argument == off);
        CHECK(e.losing[2].status == argument_status::premise_rejected);
    }
    TEST_CASE("the graph keeps its own copy of every text and each repeated argument text and citation once") {
        auto g = std::make_unique<argument_graph>();
        std::string key = "c1/engaged", text = "s.31(1)(a) is engaged";
        statement s;
        s.key = key;
        s.text = text;
        const auto st = g->add_statement(s);
        key.assign(key.size(), 'x'); // the caller's strings change: the graph's do not
        text.clear();
        const citation foia{source_kind::legislation, "FOIA 2000 s.31(1)(a)", "https://example.org/s31"};
        std::vector<argument_id> ids;
        for (int i = 0; i < 3; ++i) {
            const std::string akey = "a" + std::to_string(i), reason = "Exempt under s.31(1)(a)";
            citation copy = foia; // equal, not the same object
            argument a;
            a.key = akey;
            a.text = reason;
            a.conclusion = st;
            a.source = &copy;
            ids.push_back(g->add_argument(a));
            if (i == 1) g->evaluate(); // the indexes of repeats are dropped here and rebuilt on the next add
        }
        const auto& a0 = g->argument_at(ids[0]);
        for (auto id : ids) {
            CHECK(g->argument_at(id).text.data() == a0.text.data());
            CHECK(g->argument_at(id).source == a0.source);
        }
        CHECK(*a0.source == foia);
        CHECK(g->argument_at(ids[2]).key == "a2");
        argument bare; // no citation given: an empty one
        bare.conclusion = st;
        CHECK(*g->argument_at(g->add_argument(bare)).source == citation{});

        g->evaluate();
        const argument_graph copy = *g;
        g.reset(); // the copy views texts of its own
        CHECK(copy.evaluated());
        CHECK(copy.at(st).key == "c1/engaged");
        CHECK(copy.at(st).text == "s.31(1)(a) is engaged");
        CHECK(copy.label_of(st) == label::accepted);
        CHECK(copy.argument_at(ids[1]).text == "Exempt under s.31(1)(a)");
        CHECK(copy.argument_at(ids[1]).source == copy.argument_at(ids[2]).source);
        CHECK(*copy.argument_at(ids[1]).source == foia);
    }
    TEST_CASE("pro and con list a statement's arguments in order, in a graph and in its copies") {
        argument_graph g;
        const auto s = add(g, "s"), t = add(g, "t");
        std::vector<argument_id> pro, con, t_pro;
        // Interleaved, so that the lists grow past each other's room.
        for (int i = 0; i < 9; ++i) {
            pro.push_back(argue(g, s, direction::pro, {}));
            if (i % 2 == 0) con.push_back(argue(g, s, direction::con, {}));
            t_pro.push_back(argue(g, t, direction::pro, {}));
        }
        auto same = [](std::span<const argument_id> a, const std::vector<argument_id>& b) {
            return std::vector<argument_id>(a.begin(), a.end()) == b;
        };
        const auto early = g.at(s).pro; // a view taken now keeps what it showed
        CHECK(same(g.at(s).pro, pro));
        CHECK(same(g.at(s).con, con));
        CHECK(same(g.at(t).pro, t_pro));
        CHECK(g.at(t).con.empty());

        argument_graph copy = g;
        const auto extra = argue(copy, s, direction::pro, {}); // the copy's lists have room of their own
        pro.push_back(argue(g, s, direction::pro, {}));
        CHECK(same(g.at(s).pro, pro));
        CHECK(same(early, std::vector<argument_id>(pro.begin(), pro.end() - 1)));
        auto copied = std::vector<argument_id>(pro.begin(), pro.end() - 1);
        copied.push_back(extra);
        CHECK(same(copy.at(s).pro, copied));
        CHECK(same(copy.at(t).pro, t_pro));

        statement given; // lists passed to add_statement are ignored
        given.key = "u";
        given.pro = pro;
        CHECK(g.at(g.add_statement(given)).pro.empty());
    }
    TEST_CASE("arguments must refer to statements that exist") {
        argument_graph g;
        const auto s = add(g, "s");
        argument a;
        a.conclusion = s;
        const std::vector<statement_id> missing{s + 5};
        a.premises = missing;
        CHECK_THROWS_AS(g.add_argument(a), std::out_of_range);
        CHECK(g.find("s") == s);
        CHECK_FALSE(g.find("missing"));
    }
}
