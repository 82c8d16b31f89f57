// af_reference_check FILE.apx SOLUTION TASK
// Solves TASK (SE-GR, EE-CO, EE-PR, EE-ST) on FILE through candour::af::solve, then compares
// the printed answer with an ASPARTIX reference answer as sets of sets of names: extensions
// and their members come in no fixed order. Exit 0 on a match, 1 on a mismatch, 2 on misuse.

#include <candour/af/iccma.hpp>
#include <candour/af/parse.hpp>
#include <candour/diagnostic.hpp>
#include <candour/error.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// A reference answer is a name or a bracketed, comma-separated list of answers.
struct node {
    bool is_list = false;
    std::string name;
    std::vector<node> items;
};

class list_parser {
public:
    explicit list_parser(std::string text) : s_(std::move(text)) {}

    node parse() {
        node n = value();
        skip();
        if (i_ != s_.size()) fail("unexpected text after the answer");
        return n;
    }

private:
    void skip() {
        while (i_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    }
    [[noreturn]] void fail(const std::string& why) {
        throw std::runtime_error(why + " at offset " + std::to_string(i_));
    }
    node value() {
        skip();
        node n;
        if (i_ < s_.size() && s_[i_] == '[') {
            ++i_;
            n.is_list = true;
            skip();
            if (i_ < s_.size() && s_[i_] == ']') {
                ++i_;
                return n;
            }
            while (true) {
                n.items.push_back(value());
                skip();
                if (i_ < s_.size() && s_[i_] == ',') {
                    ++i_;
                    continue;
                }
                if (i_ < s_.size() && s_[i_] == ']') {
                    ++i_;
                    return n;
                }
                fail("expected ',' or ']'");
            }
        }
        const std::size_t start = i_;
        while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '[' && s_[i_] != ']' &&
               !std::isspace(static_cast<unsigned char>(s_[i_])))
            ++i_;
        if (i_ == start) fail("expected a name or '['");
        n.name = s_.substr(start, i_ - start);
        return n;
    }

    std::string s_;
    std::size_t i_ = 0;
};

using ext_set = std::set<std::string>;

ext_set names_of(const node& list) {
    ext_set e;
    for (const auto& item : list.items) {
        if (item.is_list) throw std::runtime_error("an extension holds a nested list");
        e.insert(item.name);
    }
    return e;
}

// Extensions as listed (duplicates kept, so a solver printing one twice is caught).
std::vector<ext_set> extensions_of(const node& answer, bool single) {
    if (!answer.is_list) throw std::runtime_error("answer '" + answer.name + "' is not a list");
    std::vector<ext_set> out;
    const bool all_lists = !answer.items.empty() &&
                           std::all_of(answer.items.begin(), answer.items.end(), [](const node& n) { return n.is_list; });
    if (single && !all_lists) {  // SE: `[a,b]`; `[]` is the empty extension
        out.push_back(names_of(answer));
        return out;
    }
    for (const auto& item : answer.items) {  // EE, or SE written as `[[a,b]]`
        if (!item.is_list) throw std::runtime_error("expected a list of extensions");
        out.push_back(names_of(item));
    }
    if (single && out.size() != 1) throw std::runtime_error("expected exactly one extension");
    return out;
}

std::string show(const ext_set& e) {
    std::string s = "[";
    for (const auto& n : e) s += (s.size() > 1 ? "," : "") + n;
    return s + "]";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::cerr << "usage: af_reference_check FILE.apx SOLUTION TASK\n";
        return 2;
    }
    const auto problem = candour::af::parse_problem(argv[3]);
    if (!problem || problem->kind == candour::af::task::credulous || problem->kind == candour::af::task::skeptical) {
        std::cerr << "af_reference_check: task must be SE-* or EE-*, not " << argv[3] << "\n";
        return 2;
    }
    const bool single = problem->kind == candour::af::task::single;
    try {
        const auto fw = candour::af::load(argv[1], candour::af::file_format::apx);
        const std::string ours = candour::af::solve(fw, *problem, candour::af::file_format::apx);

        std::ifstream ref_file(argv[2]);
        if (!ref_file) {
            std::cerr << "af_reference_check: cannot read " << argv[2] << "\n";
            return 2;
        }
        std::stringstream ref_text;
        ref_text << ref_file.rdbuf();

        const auto expected = extensions_of(list_parser(ref_text.str()).parse(), single);
        const auto got = extensions_of(list_parser(ours).parse(), single);
        const std::set<ext_set> want(expected.begin(), expected.end());
        const std::set<ext_set> have(got.begin(), got.end());
        bool ok = want == have && got.size() == have.size();
        if (got.size() != have.size()) std::cerr << "candour printed an extension more than once\n";
        for (const auto& e : want)
            if (!have.count(e)) std::cerr << "missing:    " << show(e) << "\n";
        for (const auto& e : have)
            if (!want.count(e)) std::cerr << "unexpected: " << show(e) << "\n";
        std::cout << argv[3] << " " << argv[1] << ": " << have.size() << " extension(s), "
                  << (ok ? "match" : "MISMATCH") << "\n";
        return ok ? 0 : 1;
    } catch (const candour::load_error& e) {
        for (const auto& d : e.diagnostics()) std::cerr << candour::format(d) << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "af_reference_check: " << e.what() << "\n";
        return 1;
    }
}
