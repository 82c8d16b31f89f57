#include "test_helpers.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <set>

using namespace candour;

namespace {

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A random but structurally valid FOIA case whose withheld strings are random letters, so that
// no template text can contain them by accident.
disclosure_case random_case(std::mt19937& rng) {
    static const char* kinds[] = {"Firewall", "Router", "Payroll", "Contract", "Report", "Server", "Ledger", "Camera"};
    static const char* provisions[] = {"s.31(1)(a)", "s.43(2)", "s.38(1)(b)", "s.24(1)", "s.31(1)(b)"};
    auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    auto secret = [&] {
        std::string s = "Q";
        const int len = 8 + pick(12);
        for (int i = 0; i < len; ++i) s += static_cast<char>('a' + pick(26));
        return s;
    };
    disclosure_case c;
    c.id = "random";
    c.title = "Generated case";
    c.regime = "uk-foia-2000";
    c.authority.name = "Generated Authority";
    c.request.received = *date::parse("2019-05-01");
    c.request.wording = "Please send the records.";
    const int n = 1 + pick(8);
    for (int i = 0; i < n; ++i) {
        item it;
        it.id = "I" + std::to_string(i);
        it.description = std::string(kinds[pick(8)]) + " record " + std::to_string(i);
        if (pick(2)) it.withheld_content = {secret(), secret()};
        else it.content = "released text " + std::to_string(i);
        c.items.push_back(std::move(it));
    }
    const int claims = pick(3);
    for (int k = 0; k < claims; ++k) {
        claim cl;
        cl.id = "c" + std::to_string(k);
        cl.provision = provisions[pick(5)];
        for (const auto& it : c.items)
            if (pick(2)) cl.items.push_back(it.id);
        if (cl.items.empty()) cl.items.push_back(c.items[0].id);
        cl.harm = "Disclosure would cause harm.";
        cl.causal_chain = pick(4) ? "Release leads to the harm." : "";
        if (pick(2)) cl.likelihood = {pick(2) ? "would" : "would-be-likely-to"};
        cl.evidence.push_back({"A report.", pick(2) ? "generic" : "specific", {}});
        cl.class_facts = {"The information is of the class."};
        cl.factors.push_back({"m", pi_side::maintain, "preventing harm", pick(2) ? "strong" : "slight", "", "", {}, {}});
        cl.factors.push_back({"d", pi_side::disclose, "transparency", pick(2) ? "moderate" : "strong", "", "", {}, {}});
        c.claims.push_back(std::move(cl));
    }
    return c;
}

} // namespace

TEST_SUITE("render") {
    TEST_CASE("format names round-trip, only the notice is requester-facing") {
        for (auto f : {output_format::record, output_format::notice, output_format::json, output_format::dot})
            CHECK(parse_output_format(to_string(f)) == f);
        CHECK_FALSE(parse_output_format("xml"));
        CHECK(is_requester_facing(output_format::notice));
        CHECK_FALSE(is_requester_facing(output_format::record));
    }
    TEST_CASE("no output of the MOPAC decision contains withheld content") {
        const auto d = evaluate(test::bundled(), test::mopac_case());
        for (auto f : {output_format::record, output_format::notice, output_format::json, output_format::dot}) {
            const auto text = render(d, f);
            for (const auto& it : d.source->items)
                for (const auto& w : it.withheld_content) CHECK_MESSAGE(!contains(text, w), to_string(f) << ": " << w);
        }
    }
    TEST_CASE("the notice meets s.17: exemption to the paragraph, why, public interest, review and s.50") {
        const auto notice = render(evaluate(test::bundled(), test::mopac_case()), output_format::notice);
        CHECK(contains(notice, "section 31(1)(a) of the Freedom of Information Act 2000"));
        CHECK(contains(notice, "would be likely to prejudice the prevention or detection of crime"));
        CHECK(contains(notice, "the public interest in maintaining the exemption outweighs the public interest in disclosing"));
        CHECK(contains(notice, "If the two are evenly balanced, the information must be released"));
        CHECK(contains(notice, "internal review"));
        CHECK(contains(notice, "section 50 of the Freedom of Information Act 2000"));
        CHECK(contains(notice, "https://ico.org.uk/make-a-complaint/"));
        CHECK(contains(notice, "Geographic information system (GIS) software"));
        // Nothing internal reaches the requester: no weights, scores or statement keys.
        CHECK_FALSE(contains(notice, "7.04"));
        CHECK_FALSE(contains(notice, "2.56"));
        CHECK_FALSE(contains(notice, "c1/"));
        CHECK_FALSE(contains(notice, "strong (4)"));
    }
    TEST_CASE("withheld content that reaches a requester-facing field is refused (R501)") {
        auto c = test::mopac_case();
        c.items[12].description = "Firewall: Imaginary Bastion Firewall X";
        const auto d = evaluate(test::bundled(), c);
        try {
            (void)render(d, output_format::notice);
            FAIL("expected a render_error");
        } catch (const render_error& e) {
            CHECK(e.code() == "R501");
            CHECK_FALSE(contains(e.what(), "Bastion")); // the error does not repeat the secret
        }
        auto quoted = test::mopac_case();
        quoted.claims[0].harm = "naming madeup shieldware av would help attackers"; // case-insensitive match
        CHECK_THROWS_AS((void)render(evaluate(test::bundled(), quoted), output_format::notice), render_error);
        CHECK(find_withheld_content(d, "nothing secret here").empty());
    }
    TEST_CASE("property: 10,000 generated cases never put a withheld string in the notice") {
        std::mt19937 rng(20261128);
        int rendered = 0;
        for (int i = 0; i < 10000; ++i) {
            const auto c = random_case(rng);
            const auto d = evaluate(test::bundled(), c);
            const auto notice = render(d, output_format::notice);
            ++rendered;
            for (const auto& it : c.items)
                for (const auto& w : it.withheld_content) REQUIRE_MESSAGE(!contains(notice, w), "case " << i);
            // Every item gets exactly one outcome.
            REQUIRE(d.items.size() == c.items.size());
        }
        CHECK(rendered == 10000);
    }
    TEST_CASE("property: find_withheld_content finds what a plain reading of its contract finds") {
        // The contract (render.hpp), read as plainly as possible: both readings of the text (as
        // written, and with Markdown's backslash escapes resolved) lower-cased with white space
        // collapsed, each searched for each withheld string. The guard makes one reading for most
        // texts; random texts over small alphabets of letters, capitals, white space, backslashes
        // and punctuation check that it finds exactly the same strings.
        auto plain_normalise = [](std::string_view s, bool drop_escapes) {
            auto punct = [](char c) { return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~'); };
            std::string out;
            bool space = false;
            for (std::size_t i = 0; i < s.size(); ++i) {
                char c = s[i];
                if (drop_escapes && c == '\\' && i + 1 < s.size() && punct(s[i + 1])) c = s[++i];
                if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
                    space = true;
                    continue;
                }
                if (space && !out.empty()) out += ' ';
                space = false;
                out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            }
            return out;
        };
        std::mt19937 rng(20261128);
        // Mostly letters, capitals and single spaces (which the guard reads eight at a time),
        // with white space, backslashes, punctuation, NUL and bytes above 0x7F among them.
        const std::string plain = "abcxyzABCXYZ@[` \xC1\xDA", awkward = std::string("aB \n\t\\_*\\x\0", 10);
        auto random_text = [&](std::size_t max) {
            std::string s(1 + rng() % max, ' ');
            for (auto& c : s) c = rng() % 5 != 0 ? plain[rng() % plain.size()] : awkward[rng() % awkward.size()];
            return s;
        };
        // The same text written differently: other white space, other case, Markdown escapes.
        auto rewritten = [&](const std::string& s) {
            static const char* spaces[] = {" ", "  ", "\n", " \t", "\n\n", "\r\n"};
            std::string out;
            for (char c : s) {
                if (c == ' ' && rng() % 2) out += spaces[rng() % std::size(spaces)];
                else if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && rng() % 2) out += static_cast<char>(c ^ 0x20);
                else if ((c == '@' || c == '[' || c == '`' || c == '_' || c == '*') && rng() % 3 == 0) (out += '\\') += c;
                else out += c;
            }
            return out;
        };
        for (int round = 0; round < 40; ++round) {
            // Withheld strings cut from one text, looked for in that text written many ways and in
            // unrelated texts.
            const auto base = random_text(80);
            auto c = test::mopac_case();
            for (auto& it : c.items) {
                it.withheld_content.clear();
                for (auto k = rng() % 3; k > 0; --k) {
                    const auto from = rng() % base.size();
                    it.withheld_content.push_back(base.substr(from, 2 + rng() % 12));
                }
            }
            const auto d = evaluate(test::bundled(), c);
            for (int n = 0; n < 250; ++n) {
                const auto text = n % 2 ? rewritten(base) : random_text(60);
                const auto as_written = plain_normalise(text, false), as_shown = plain_normalise(text, true);
                std::vector<std::string> expected;
                for (const auto& it : c.items)
                    for (const auto& w : it.withheld_content) {
                        const auto needle = plain_normalise(w, false);
                        if (!needle.empty() && (contains(as_written, needle) || contains(as_shown, needle))) expected.push_back(w);
                    }
                REQUIRE(find_withheld_content(d, text) == expected);
            }
        }
    }
    TEST_CASE("output is deterministic: the same input gives byte-identical output") {
        const auto c = test::mopac_case();
        const rulebook fresh = rulebook::load(CANDOUR_RULES); // a separate load of the same rules
        for (auto f : {output_format::record, output_format::notice, output_format::json, output_format::dot}) {
            const auto a = render(evaluate(test::bundled(), c), f);
            const auto b = render(evaluate(fresh, c), f);
            CHECK(a == b);
        }
    }
    TEST_CASE("the JSON is valid, versioned and mirrors the decision") {
        const auto d = evaluate(test::bundled(), test::mopac_case());
        const auto j = nlohmann::json::parse(render(d, output_format::json));
        CHECK(j["schema"] == "candour.decision");
        CHECK(j["schema_version"] == "0.1.0");
        CHECK(j["outcome"] == "partial");
        CHECK(j["items"].size() == 14);
        CHECK(j["items"][11]["outcome"] == "withhold");
        CHECK(j["items"][11]["has_withheld_content"] == true);
        CHECK(j["claims"][0]["public_interest"]["maintain_weight"] == doctest::Approx(7.04));
        CHECK(j["deadline"]["due"] == "2018-04-23");
        CHECK(j["graph"]["statements"].size() == d.graph.statements().size());
        CHECK(j["graph"]["arguments"].size() == d.graph.arguments().size());
        std::set<std::string> codes;
        for (const auto& f : j["flags"]) codes.insert(f["code"].get<std::string>());
        CHECK(codes.count("F101"));
        CHECK(codes.count("F112"));
        CHECK(codes.count("F113"));
    }
    TEST_CASE("the record shows every step, the factor table, the flags and the graph") {
        const auto record = render(evaluate(test::bundled(), test::mopac_case()), output_format::record);
        for (const char* heading : {"### 1. Applicability: accepted", "### 2. Engagement: accepted",
                                    "### 3. Public interest test: accepted, maintain the exemption", "### 4. Conclusion: accepted",
                                    "## Review flags", "## Time for compliance", "## Appendix: the justification graph"})
            CHECK_MESSAGE(contains(record, heading), heading);
        CHECK(contains(record, "| maintain | there is a strong public interest in preventing crime | strong (4) | 2.56 |"));
        CHECK(contains(record, "Maintaining the exemption 7.04, disclosure 5"));
        CHECK(contains(record, "F112 complaint-right-missing"));
    }
    TEST_CASE("the DOT graph has a node per statement and argument and a legend") {
        const auto d = evaluate(test::bundled(), test::mopac_case());
        const auto dot = render(d, output_format::dot);
        CHECK(dot.rfind("digraph justification {", 0) == 0);
        CHECK(contains(dot, "cluster_legend"));
        CHECK(contains(dot, "\"s:c1/engaged\""));
        CHECK(contains(dot, "\"a:c1/factor/crime\""));
        CHECK(std::count(dot.begin(), dot.end(), '\n') > static_cast<long>(d.graph.statements().size() + d.graph.arguments().size()));
    }
    TEST_CASE("DOT string literals escape quotes, backslashes and line breaks wherever they fall") {
        // The writer passes over eight ordinary bytes at a time; a byte to escape must be found at
        // every offset. Quotes and backslashes are escaped, \n is written "\n", \r is dropped.
        auto c = test::mopac_case();
        for (char special : {'"', '\\', '\n', '\r'})
            for (std::size_t at = 0; at < 20; ++at) {
                c.title = std::string(20, 'x');
                c.title[at] = special;
                std::string expected = "label=\"Justification: " + c.title.substr(0, at);
                expected += special == '\n' ? "\\n" : special == '\r' ? "" : std::string{'\\', special};
                expected += c.title.substr(at + 1) + "\", labelloc=t";
                const auto dot = render(evaluate(test::bundled(), c), output_format::dot);
                REQUIRE_MESSAGE(contains(dot, expected), static_cast<int>(special) << " at " << at);
            }
    }
}
