// Unit tests for candour::af: framework, parsers, semantics and ICCMA answers.

#include <candour/af/framework.hpp>
#include <candour/af/iccma.hpp>
#include <candour/af/parse.hpp>
#include <candour/af/semantics.hpp>
#include <candour/error.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace candour::af;

namespace {

framework apx(std::string_view text) { return parse(text, file_format::apx, "t.apx"); }

// Names of an extension's members, sorted, for readable comparisons.
std::vector<std::string> names(const framework& af, const extension& e) {
    std::vector<std::string> out;
    for (arg_id a : e) out.emplace_back(af.name(a));
    std::sort(out.begin(), out.end());
    return out;
}

std::set<std::vector<std::string>> name_sets(const framework& af, const std::vector<extension>& exts) {
    std::set<std::vector<std::string>> out;
    for (const auto& e : exts) out.insert(names(af, e));
    return out;
}

using strings = std::vector<std::string>;

// The diagnostics `parse` reports for `text`; fails the test if it parses.
std::vector<candour::diagnostic> errors_of(std::string_view text, file_format format) {
    try {
        (void)parse(text, format, "bad.af");
    } catch (const candour::load_error& e) {
        return e.diagnostics();
    }
    FAIL("expected a load_error");
    return {};
}

// One diagnostic with this code at line:column.
void check_error(std::string_view text, file_format format, const char* code, std::uint32_t line,
                 std::uint32_t column) {
    const auto ds = errors_of(text, format);
    CAPTURE(text);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == code);
    CHECK(ds[0].where.file == "bad.af");
    CHECK(ds[0].where.line == line);
    CHECK(ds[0].where.column == column);
}

framework chain(std::uint32_t n) {
    std::vector<attack> at;
    at.reserve(n);
    for (std::uint32_t a = 0; a + 1 < n; ++a) at.emplace_back(a, a + 1);
    return framework::numbered(n, at);
}

struct lcg {
    std::uint64_t s;
    std::uint32_t below(std::uint32_t n) {
        s = s * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>((s >> 33) % n);
    }
};

framework random_framework(std::uint32_t n, std::uint32_t m, lcg& rng) {
    std::vector<attack> at;
    for (std::uint32_t i = 0; i < m; ++i) at.emplace_back(rng.below(n), rng.below(n));
    return framework::numbered(n, at);
}

// Every complete labelling by trying all 3^n labellings: the oracle for the search.
std::vector<labelling> brute_force_complete(const framework& af) {
    const std::size_t n = af.size();
    std::vector<labelling> found;
    labelling l(n, label::in);
    while (true) {
        if (is_complete(af, l)) found.push_back(l);
        std::size_t i = 0;
        while (i < n && l[i] == label::undec) l[i++] = label::in;
        if (i == n) break;
        l[i] = l[i] == label::in ? label::out : label::undec;
    }
    return found;
}

std::filesystem::path temp_file(const std::string& name, std::string_view content) {
    auto path = std::filesystem::temp_directory_path() / ("candour_test_af_" + name);
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

// ---------------------------------------------------------------------------------------------

TEST_CASE("framework: names and attacks in both directions") {
    const std::string_view ns[] = {"a", "b", "c"};
    const attack at[] = {{0, 1}, {2, 1}, {1, 2}, {0, 1}, {2, 2}};  // one repeat
    const framework af(ns, at);
    CHECK(af.size() == 3);
    CHECK(af.attack_count() == 4);
    CHECK(af.name(0) == "a");
    CHECK(af.name(2) == "c");
    CHECK(std::vector<arg_id>(af.attacks_of(0).begin(), af.attacks_of(0).end()) == std::vector<arg_id>{1});
    CHECK(std::vector<arg_id>(af.attackers_of(1).begin(), af.attackers_of(1).end()) == std::vector<arg_id>{0, 2});
    CHECK(std::vector<arg_id>(af.attackers_of(2).begin(), af.attackers_of(2).end()) == std::vector<arg_id>{1, 2});
    CHECK(af.attackers_of(0).empty());
    CHECK(af.attacks(2, 2));
    CHECK_FALSE(af.attacks(1, 0));
    CHECK(af.find("b") == arg_id{1});
    CHECK_FALSE(af.find("z").has_value());
    CHECK(af.attack_list() == std::vector<attack>{{0, 1}, {1, 2}, {2, 1}, {2, 2}});
}

TEST_CASE("framework: numbered names, equality, bad input") {
    const attack at[] = {{1, 0}};
    const auto af = framework::numbered(12, at);
    CHECK(af.name(0) == "1");
    CHECK(af.name(11) == "12");
    CHECK(af == framework::numbered(12, at));
    CHECK_FALSE(af == framework::numbered(12, {}));
    CHECK(framework() == framework::numbered(0, {}));
    CHECK(framework().empty());
    const attack bad[] = {{0, 12}};
    CHECK_THROWS_AS((void)framework::numbered(12, bad), std::invalid_argument);
}

// ---------------------------------------------------------------------------------------------
// grounded

TEST_CASE("grounded: textbook shapes") {
    SUBCASE("empty framework") {
        const auto g = grounded(framework());
        CHECK(g.in.empty());
        CHECK(g.labels.empty());
    }
    SUBCASE("isolated arguments are all in") {
        const auto af = apx("arg(a). arg(b). arg(c).");
        const auto g = grounded(af);
        CHECK(names(af, g.in) == strings{"a", "b", "c"});
    }
    SUBCASE("self-attack is undec and so is what it attacks") {
        const auto af = apx("arg(a). arg(b). att(a,a). att(a,b).");
        const auto g = grounded(af);
        CHECK(g.in.empty());
        CHECK(g.labels == labelling{label::undec, label::undec});
    }
    SUBCASE("even cycle: mutual attack") {
        const auto af = apx("arg(a). arg(b). att(a,b). att(b,a).");
        CHECK(grounded(af).labels == labelling{label::undec, label::undec});
    }
    SUBCASE("odd cycle of three") {
        const auto af = apx("arg(a). arg(b). arg(c). att(a,b). att(b,c). att(c,a).");
        CHECK(grounded(af).labels == labelling(3, label::undec));
    }
    SUBCASE("even cycle of four") {
        const auto af = apx("arg(a). arg(b). arg(c). arg(d). att(a,b). att(b,c). att(c,d). att(d,a).");
        CHECK(grounded(af).in.empty());
    }
    SUBCASE("chain: in, out, in, out") {
        const auto af = apx("arg(a). arg(b). arg(c). arg(d). att(a,b). att(b,c). att(c,d).");
        const auto g = grounded(af);
        CHECK(g.labels == labelling{label::in, label::out, label::in, label::out});
        CHECK(names(af, g.in) == strings{"a", "c"});
    }
    SUBCASE("an unattacked attacker breaks an odd cycle") {
        const auto af = apx("arg(x). arg(a). arg(b). arg(c). att(x,a). att(a,b). att(b,c). att(c,a).");
        const auto g = grounded(af);
        CHECK(names(af, g.in) == strings{"b", "x"});
        CHECK(g.labels == labelling{label::in, label::out, label::in, label::out});
    }
    SUBCASE("reinstatement needs every attacker out") {
        // c is attacked by b (out) and by d (undec, in a 2-cycle): c stays undec.
        const auto af = apx("arg(a). arg(b). arg(c). arg(d). arg(e). att(a,b). att(b,c). att(d,c). att(d,e). att(e,d).");
        const auto g = grounded(af);
        CHECK(g.labels == labelling{label::in, label::out, label::undec, label::undec, label::undec});
    }
}

TEST_CASE("grounded: a chain of 10^6 arguments needs no recursion") {
    constexpr std::uint32_t n = 1'000'000;
    const auto af = chain(n);
    const auto g = grounded(af);
    REQUIRE(g.in.size() == n / 2);
    CHECK(g.in.front() == 0);
    CHECK(g.in.back() == n - 2);
    CHECK(g.labels[n - 1] == label::out);
    CHECK(std::adjacent_find(g.in.begin(), g.in.end(), [](arg_id a, arg_id b) { return b != a + 2; }) == g.in.end());
}

TEST_CASE("grounded: a long chain read from every format") {
    // Also exercises the parsers at size: 10^5 lines each.
    std::string i23 = "p af 100000\n";
    for (int a = 1; a < 100000; ++a) i23 += std::to_string(a) + " " + std::to_string(a + 1) + "\n";
    const auto af = parse(i23, file_format::i23);
    const auto again = parse(write(af, file_format::apx), file_format::apx);
    CHECK(again == af);
    CHECK(grounded(again).in.size() == 50000);
}

TEST_CASE("grounded: the labelling is complete and the least one (random frameworks)") {
    lcg rng{42};
    for (int round = 0; round < 200; ++round) {
        const auto af = random_framework(1 + rng.below(60), rng.below(120), rng);
        const auto g = grounded(af);
        REQUIRE(is_complete(af, g.labels));
        CHECK(g.in == in_set(g.labels));
        // Every complete extension contains grounded.
        for_each_complete(af, false, {}, [&](const labelling& l) {
            for (arg_id a : g.in) CHECK(l[a] == label::in);
            return true;
        });
    }
}

// ---------------------------------------------------------------------------------------------
// complete, preferred, stable

TEST_CASE("complete / preferred / stable: textbook shapes") {
    SUBCASE("mutual attack") {
        const auto af = apx("arg(a). arg(b). att(a,b). att(b,a).");
        using S = std::set<strings>;
        CHECK(name_sets(af, extensions(af, semantics::complete)) == S{{}, {"a"}, {"b"}});
        CHECK(name_sets(af, extensions(af, semantics::preferred)) == S{{"a"}, {"b"}});
        CHECK(name_sets(af, extensions(af, semantics::stable)) == S{{"a"}, {"b"}});
        CHECK(extensions(af, semantics::grounded) == std::vector<extension>{{}});
    }
    SUBCASE("odd cycle has no stable extension") {
        const auto af = apx("arg(a). arg(b). arg(c). att(a,b). att(b,c). att(c,a).");
        CHECK(extensions(af, semantics::complete) == std::vector<extension>{{}});
        CHECK(extensions(af, semantics::preferred) == std::vector<extension>{{}});
        CHECK(extensions(af, semantics::stable).empty());
        CHECK_FALSE(some_extension(af, semantics::stable).has_value());
    }
    SUBCASE("self-attack next to a 2-cycle (ASPARTIX sst)") {
        const auto af = apx("arg(1). arg(2). arg(3). arg(4). arg(5). att(1,2). att(2,1). att(2,3). att(3,3). att(5,4). att(5,5).");
        using S = std::set<strings>;
        CHECK(name_sets(af, extensions(af, semantics::complete)) == S{{}, {"1"}, {"2"}});
        CHECK(name_sets(af, extensions(af, semantics::preferred)) == S{{"1"}, {"2"}});
        CHECK(extensions(af, semantics::stable).empty());
    }
    SUBCASE("floating acceptance: d is skeptically preferred but not grounded") {
        const auto af = apx("arg(a). arg(b). arg(c). arg(d). att(a,b). att(b,a). att(a,c). att(b,c). att(c,d).");
        const arg_id d = *af.find("d"), a = *af.find("a"), c = *af.find("c");
        CHECK(name_sets(af, extensions(af, semantics::preferred)) == std::set<strings>{{"a", "d"}, {"b", "d"}});
        CHECK(skeptically_accepted(af, semantics::preferred, d));
        CHECK(skeptically_accepted(af, semantics::stable, d));
        CHECK_FALSE(skeptically_accepted(af, semantics::grounded, d));
        CHECK_FALSE(skeptically_accepted(af, semantics::complete, d));
        CHECK(credulously_accepted(af, semantics::complete, d));
        CHECK(credulously_accepted(af, semantics::preferred, a));
        CHECK_FALSE(skeptically_accepted(af, semantics::preferred, a));
        CHECK_FALSE(credulously_accepted(af, semantics::stable, c));
        CHECK_FALSE(credulously_accepted(af, semantics::grounded, d));
    }
    SUBCASE("no stable extension makes every argument skeptically stable") {
        const auto af = apx("arg(a). arg(b). att(a,a).");
        CHECK(skeptically_accepted(af, semantics::stable, 0));
        CHECK_FALSE(credulously_accepted(af, semantics::stable, 1));
    }
    SUBCASE("pins narrow the search") {
        const auto af = apx("arg(a). arg(b). att(a,b). att(b,a).");
        const pin p[] = {{0, label::out}};
        int seen = 0;
        for_each_complete(af, false, p, [&](const labelling& l) {
            ++seen;
            CHECK(l == labelling{label::out, label::in});
            return true;
        });
        CHECK(seen == 1);
        const pin impossible[] = {{0, label::in}, {1, label::in}};
        CHECK(for_each_complete(af, false, impossible, [](const labelling&) { return true; }));
    }
}

TEST_CASE("complete / preferred / stable agree with brute force on random frameworks") {
    lcg rng{7};
    for (int round = 0; round < 300; ++round) {
        const std::uint32_t n = 1 + rng.below(7);
        const auto af = random_framework(n, rng.below(3 * n), rng);
        const auto oracle = brute_force_complete(af);
        std::set<extension> want_co, want_st;
        for (const auto& l : oracle) {
            want_co.insert(in_set(l));
            if (std::find(l.begin(), l.end(), label::undec) == l.end()) want_st.insert(in_set(l));
        }
        std::set<extension> want_pr;
        for (const auto& e : want_co)
            if (std::none_of(want_co.begin(), want_co.end(), [&](const extension& f) {
                    return f.size() > e.size() && std::includes(f.begin(), f.end(), e.begin(), e.end());
                }))
                want_pr.insert(e);

        std::vector<labelling> visited;
        for_each_complete(af, false, {}, [&](const labelling& l) {
            visited.push_back(l);
            return true;
        });
        CHECK(visited.size() == oracle.size());  // each found once
        for (const auto& l : visited) CHECK(is_complete(af, l));

        const auto co = extensions(af, semantics::complete);
        const auto pr = extensions(af, semantics::preferred);
        const auto st = extensions(af, semantics::stable);
        CHECK(std::set<extension>(co.begin(), co.end()) == want_co);
        CHECK(std::set<extension>(pr.begin(), pr.end()) == want_pr);
        CHECK(std::set<extension>(st.begin(), st.end()) == want_st);
        CHECK(std::is_sorted(co.begin(), co.end()));

        const auto one_pr = some_extension(af, semantics::preferred);
        REQUIRE(one_pr.has_value());
        CHECK(want_pr.count(*one_pr) == 1);
        CHECK(some_extension(af, semantics::stable).has_value() == !want_st.empty());

        for (arg_id a = 0; a < n; ++a) {
            auto in_all = [&](const std::set<extension>& s) {
                return std::all_of(s.begin(), s.end(), [&](const extension& e) { return std::binary_search(e.begin(), e.end(), a); });
            };
            auto in_some = [&](const std::set<extension>& s) {
                return std::any_of(s.begin(), s.end(), [&](const extension& e) { return std::binary_search(e.begin(), e.end(), a); });
            };
            CHECK(credulously_accepted(af, semantics::complete, a) == in_some(want_co));
            CHECK(credulously_accepted(af, semantics::preferred, a) == in_some(want_pr));
            CHECK(credulously_accepted(af, semantics::stable, a) == in_some(want_st));
            CHECK(skeptically_accepted(af, semantics::complete, a) == in_all(want_co));
            CHECK(skeptically_accepted(af, semantics::preferred, a) == in_all(want_pr));
            CHECK(skeptically_accepted(af, semantics::stable, a) == in_all(want_st));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// parsers: accepted input

TEST_CASE("apx: whitespace, comments, quoting, order") {
    const auto af = apx("% a comment\r\n"
                        "arg( a ) .arg(b).   arg(\"c d\").\n"
                        "%* block\n comment *%\n"
                        "att(b , \"c d\").\n"
                        "att(a,later).  % attack before its argument is declared\n"
                        "arg(later).\n"
                        "att(a,b).");  // no final newline
    CHECK(af.size() == 4);
    CHECK(af.name(2) == "\"c d\"");
    CHECK(af.attack_count() == 3);
    CHECK(af.attacks(*af.find("a"), *af.find("later")));
    CHECK(af.attacks(*af.find("b"), *af.find("\"c d\"")));
    CHECK(apx("").empty());
    CHECK(apx("  % only a comment").empty());
}

TEST_CASE("tgf: names, blank lines, CRLF, no attacks") {
    const auto af = parse("a1\r\n\r\nb\nc\n#\na1 b\r\n  b   c  \n\n", file_format::tgf);
    CHECK(af.size() == 3);
    CHECK(af.attack_list() == std::vector<attack>{{0, 1}, {1, 2}});
    CHECK(parse("x\ny\n", file_format::tgf).attack_count() == 0);
    CHECK(parse("", file_format::tgf).empty());
}

TEST_CASE("i23: header, comments, blank lines, CRLF") {
    const auto af = parse("# made by hand\np af 4\r\n1 2\n\n  # still a comment\n2 3\r\n4\t4", file_format::i23);
    CHECK(af.size() == 4);
    CHECK(af.name(3) == "4");
    CHECK(af.attack_list() == std::vector<attack>{{0, 1}, {1, 2}, {3, 3}});
    CHECK(parse("p af 0\n", file_format::i23).empty());
    CHECK(parse("p  af   3", file_format::i23).size() == 3);
}

TEST_CASE("load reads a file, and a missing one is A101") {
    const auto path = temp_file("load.apx", "arg(a).\natt(a,a).\n");
    const auto af = load(path, file_format::apx);
    CHECK(af.size() == 1);
    std::filesystem::remove(path);
    try {
        (void)load(path, file_format::apx);
        FAIL("expected a load_error");
    } catch (const candour::load_error& e) {
        REQUIRE(e.diagnostics().size() == 1);
        CHECK(e.diagnostics()[0].code == "A101");
        CHECK(e.diagnostics()[0].where.file == path.string());
    }
    CHECK_THROWS_AS((void)load(std::filesystem::temp_directory_path(), file_format::apx), candour::load_error);
}

// ---------------------------------------------------------------------------------------------
// parsers: every error code with its position

TEST_CASE("A102: malformed syntax") {
    check_error("arg(a).\nfoo(b).\n", file_format::apx, "A102", 2, 1);
    check_error("arg(a)\narg(b).\n", file_format::apx, "A102", 2, 1);          // missing '.'
    check_error("att(a b).\n", file_format::apx, "A102", 1, 7);                // missing ','
    check_error("arg().\n", file_format::apx, "A102", 1, 5);                   // empty name
    check_error("arg(\"a).\n", file_format::apx, "A102", 1, 5);                // open quote
    check_error("arg(a). %* never closed\n", file_format::apx, "A102", 1, 9);
    check_error("argument(a).\n", file_format::apx, "A102", 1, 1);
    check_error("a\nb c\n#\n", file_format::tgf, "A102", 2, 3);                // two names, no '#'
    check_error("a\n#\n#\n", file_format::tgf, "A102", 3, 1);                  // second '#'
    check_error("p af 3\n1 x\n", file_format::i23, "A102", 2, 3);
    check_error("p af 3\n1 -2\n", file_format::i23, "A102", 2, 3);
    check_error("p af 3\n1 2 # no trailing comments\n", file_format::i23, "A102", 2, 5);
}

TEST_CASE("A103: an attack names an undeclared argument") {
    check_error("arg(a).\natt(a,b).\n", file_format::apx, "A103", 2, 7);
    check_error("arg(a).\natt( zz ,a).\n", file_format::apx, "A103", 2, 6);
    check_error("a\n#\na q\n", file_format::tgf, "A103", 3, 3);
}

TEST_CASE("A104: an argument declared twice") {
    check_error("arg(a).\narg(b). arg(a).\n", file_format::apx, "A104", 2, 13);
    const auto ds = errors_of("a\nb\n a\n", file_format::tgf);
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].code == "A104");
    CHECK(ds[0].where.line == 3);
    CHECK(ds[0].where.column == 2);
    REQUIRE(ds[0].notes.size() == 1);
    CHECK(ds[0].notes[0] == "first declared at line 1, column 1");
}

TEST_CASE("A105: missing or malformed i23 header") {
    check_error("", file_format::i23, "A105", 1, 1);
    check_error("# only comments\n", file_format::i23, "A105", 1, 1);
    check_error("# comment\n1 2\n", file_format::i23, "A105", 2, 1);
    check_error("p aff 3\n", file_format::i23, "A105", 1, 1);
    check_error("p af\n", file_format::i23, "A105", 1, 1);
    check_error("p af x\n", file_format::i23, "A105", 1, 1);
    check_error("p af 3 4\n", file_format::i23, "A105", 1, 8);
    check_error("p af 3\n1 2\np af 3\n", file_format::i23, "A105", 3, 1);
}

TEST_CASE("A106: i23 id out of range") {
    check_error("p af 3\n0 1\n", file_format::i23, "A106", 2, 1);
    check_error("p af 3\n1 4\n", file_format::i23, "A106", 2, 3);
    check_error("p af 3\n99999999999999999999999 1\n", file_format::i23, "A106", 2, 1);
}

TEST_CASE("A107: an attack line with the wrong number of arguments") {
    check_error("p af 3\n1\n", file_format::i23, "A107", 2, 2);
    check_error("p af 3\n1 2 3\n", file_format::i23, "A107", 2, 5);
    check_error("a\nb\n#\na\n", file_format::tgf, "A107", 4, 1);
    check_error("a\nb\n#\na b a\n", file_format::tgf, "A107", 4, 5);
}

TEST_CASE("A108: counts out of range") {
    check_error("p af 99999999999\n", file_format::i23, "A108", 1, 6);
    check_error("p af 4294967295\n", file_format::i23, "A108", 1, 6);
}

TEST_CASE("errors are collected in file order, up to a limit") {
    const auto ds = errors_of("att(x,a).\narg(a).\nbad\narg(a).\n", file_format::apx);
    REQUIRE(ds.size() == 3);
    CHECK(ds[0].code == "A103");
    CHECK(ds[0].where.line == 1);
    CHECK(ds[1].code == "A102");
    CHECK(ds[1].where.line == 3);
    CHECK(ds[2].code == "A104");
    CHECK(ds[2].where.line == 4);

    std::string many = "p af 2\n";
    for (int i = 0; i < 100; ++i) many += "1 3\n";
    const auto capped = errors_of(many, file_format::i23);
    CHECK(capped.size() == 20);
    CHECK_FALSE(capped.back().notes.empty());
}

// ---------------------------------------------------------------------------------------------
// writing and round trips

TEST_CASE("formats round-trip") {
    lcg rng{99};
    for (int round = 0; round < 20; ++round) {
        const auto numbered = random_framework(1 + rng.below(200), rng.below(600), rng);
        for (auto f : {file_format::apx, file_format::tgf, file_format::i23}) {
            CAPTURE(to_string(f));
            CHECK(parse(write(numbered, f), f) == numbered);
        }
        // Named arguments survive apx <-> tgf; i23 keeps the relation and renumbers.
        const auto named = parse(write(numbered, file_format::apx), file_format::apx);
        const auto via_tgf = parse(write(named, file_format::tgf), file_format::tgf);
        CHECK(via_tgf == named);
        CHECK(parse(write(via_tgf, file_format::i23), file_format::i23).attack_list() == named.attack_list());
    }
    CHECK(write(apx("arg(a). arg(b). att(a,b)."), file_format::tgf) == "a\nb\n#\na b\n");
    CHECK(write(apx("arg(a). arg(b). att(a,b)."), file_format::i23) == "p af 2\n1 2\n");
    CHECK(write(apx("arg(\"x y\")."), file_format::apx) == "arg(\"x y\").\n");
    CHECK_THROWS_AS((void)write(apx("arg(\"x y\")."), file_format::tgf), candour::error);
}

TEST_CASE("file format names and extensions") {
    for (auto f : {file_format::apx, file_format::tgf, file_format::i23}) CHECK(parse_file_format(to_string(f)) == f);
    CHECK_FALSE(parse_file_format("APX").has_value());
    CHECK(file_format_from_path("x/y.af") == file_format::i23);
    CHECK(file_format_from_path("y.i23") == file_format::i23);
    CHECK(file_format_from_path("y.tgf") == file_format::tgf);
    CHECK(file_format_from_path("y.apx") == file_format::apx);
    CHECK_FALSE(file_format_from_path("y.txt").has_value());
}

// ---------------------------------------------------------------------------------------------
// ICCMA answers

TEST_CASE("problems: names round-trip") {
    CHECK(supported_problems().size() >= 3);
    CHECK(to_string(supported_problems()[0]) == "SE-GR");
    CHECK(to_string(supported_problems()[1]) == "DC-GR");
    CHECK(to_string(supported_problems()[2]) == "DS-GR");
    for (const auto& p : supported_problems()) CHECK(parse_problem(to_string(p)) == p);
    CHECK_FALSE(parse_problem("SE-XX").has_value());
    CHECK_FALSE(parse_problem("se-gr").has_value());
    CHECK_FALSE(parse_problem("EE-GR").has_value());
    CHECK(needs_argument(*parse_problem("DC-GR")));
    CHECK_FALSE(needs_argument(*parse_problem("SE-GR")));
}

TEST_CASE("answers in each format") {
    const auto af = apx("arg(a). arg(b). arg(c). att(a,b). att(b,c).");
    CHECK(solve(af, {task::single, semantics::grounded}, file_format::apx) == "[a,c]\n");
    CHECK(solve(af, {task::single, semantics::grounded}, file_format::tgf) == "[a,c]\n");
    CHECK(solve(af, {task::single, semantics::grounded}, file_format::i23) == "w 1 3\n");
    CHECK(solve(af, {task::credulous, semantics::grounded}, file_format::i23, 2) == "YES\n");
    CHECK(solve(af, {task::skeptical, semantics::grounded}, file_format::apx, 1) == "NO\n");
    CHECK(solve(af, {task::enumerate, semantics::complete}, file_format::apx) == "[[a,c]]\n");
    CHECK_THROWS_AS((void)solve(af, {task::credulous, semantics::grounded}, file_format::apx), candour::error);
    CHECK_THROWS_AS((void)solve(af, {task::credulous, semantics::grounded}, file_format::apx, 3), candour::lookup_error);

    CHECK(solve(framework(), {task::single, semantics::grounded}, file_format::i23) == "w\n");
    CHECK(solve(framework(), {task::single, semantics::grounded}, file_format::apx) == "[]\n");

    const auto odd = apx("arg(a). arg(b). arg(c). att(a,b). att(b,c). att(c,a).");
    CHECK(solve(odd, {task::single, semantics::stable}, file_format::apx) == "NO\n");
    CHECK(solve(odd, {task::single, semantics::stable}, file_format::i23) == "NO\n");
    CHECK(solve(odd, {task::enumerate, semantics::stable}, file_format::apx) == "[]\n");
    CHECK(solve(odd, {task::enumerate, semantics::stable}, file_format::i23) == "NO\n");
    CHECK(solve(odd, {task::enumerate, semantics::preferred}, file_format::apx) == "[[]]\n");
    CHECK(solve(odd, {task::skeptical, semantics::stable}, file_format::apx, 0) == "YES\n");

    const auto two = apx("arg(a). arg(b). att(a,b). att(b,a).");
    CHECK(solve(two, {task::enumerate, semantics::preferred}, file_format::apx) == "[[a],[b]]\n");
    CHECK(solve(two, {task::enumerate, semantics::preferred}, file_format::i23) == "w 1\nw 2\n");
    CHECK(solve(two, {task::enumerate, semantics::complete}, file_format::apx) == "[[],[a],[b]]\n");
    CHECK(solve(two, {task::credulous, semantics::preferred}, file_format::apx, 0) == "YES\n");
    CHECK(solve(two, {task::skeptical, semantics::preferred}, file_format::apx, 0) == "NO\n");
    CHECK(format_extension(two, std::vector<arg_id>{0, 1}, file_format::i23) == "w 1 2");
    CHECK(format_acceptance(true) == "YES");
}
