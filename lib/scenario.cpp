// Scenarios beside the rules: loading (with diagnostics) and running.

#include "case_checks.hpp"
#include "yaml_reader.hpp"

#include <candour/error.hpp>
#include <candour/evaluate.hpp>
#include <candour/scenario.hpp>

#include <algorithm>

namespace candour {
namespace fs = std::filesystem;

std::optional<request_outcome> parse_request_outcome(std::string_view name) noexcept {
    for (auto o : {request_outcome::full_disclosure, request_outcome::partial_disclosure, request_outcome::refusal,
                   request_outcome::neither_confirm_nor_deny, request_outcome::not_held, request_outcome::undecided})
        if (name == to_string(o)) return o;
    return std::nullopt;
}

std::optional<item_outcome> parse_item_outcome(std::string_view name) noexcept {
    for (auto o : {item_outcome::disclose, item_outcome::withhold, item_outcome::neither_confirm_nor_deny,
                   item_outcome::not_held, item_outcome::undecided})
        if (name == to_string(o)) return o;
    return std::nullopt;
}

std::optional<label> parse_label(std::string_view name) noexcept {
    for (auto l : {label::accepted, label::rejected, label::undecided})
        if (name == to_string(l)) return l;
    return std::nullopt;
}

namespace {

template <class T, class Parse>
void read_map(detail::yaml_reader& r, const detail::yaml_node& n, std::string_view what, Parse parse, const char* expected,
              std::vector<std::pair<std::string, T>>& out) {
    if (!n.IsDefined() || !r.expect_map(n, what)) return;
    for (const auto& kv : n) {
        if (!kv.first.IsScalar() || !kv.second.IsScalar()) {
            r.error("P202", "expected 'key: value' pairs in " + std::string(what), kv.first);
            continue;
        }
        if (auto v = parse(kv.second.Scalar())) out.emplace_back(kv.first.Scalar(), *v);
        else r.error("P206", "'" + kv.second.Scalar() + "' is not valid here: expected " + expected, kv.second);
    }
}

void read_file(const fs::path& path, const rulebook& rules, const load_limits& limits, std::vector<scenario>& out,
               std::vector<diagnostic>& diags) {
    detail::yaml_reader r(path.lexically_normal().generic_string(), diags, limits);
    auto root = r.parse_file(path);
    if (!root || !r.check_keys(*root, "a scenario file", {"scenarios"}, {"scenarios"}) ||
        !r.expect_seq((*root)["scenarios"], "'scenarios'"))
        return;
    for (const auto& n : (*root)["scenarios"]) {
        if (!r.visit(n) || !r.check_keys(n, "a scenario", {"name", "covers", "as_of", "case", "expect"}, {"name", "case", "expect"}))
            continue;
        const auto before = r.error_count();
        scenario s;
        s.where = r.where(n);
        s.name = r.text(n, "name").value_or("");
        s.covers = r.text_list(n, "covers");
        s.as_of = r.day(n, "as_of");
        s.input = detail::read_case_node(r, n["case"], limits);
        if (r.error_count() == before) {
            detail::fill_factor_defaults(s.input, rules);
            detail::check_case(s.input, &rules, diags);
        }
        if (s.covers.empty())
            for (const auto& cl : s.input.claims) s.covers.push_back(cl.provision);
        const auto e = n["expect"];
        if (r.check_keys(e, "'expect'", {"outcome", "items", "statements", "flags", "no_flags"})) {
            if (auto o = r.text(e, "outcome")) {
                s.expect.outcome = parse_request_outcome(*o);
                if (!s.expect.outcome)
                    r.error("P206", "'" + *o + "' is not an outcome: expected full, partial, refusal, neither-confirm-nor-deny, "
                                               "not-held or undecided", e["outcome"]);
            }
            read_map<item_outcome>(r, e["items"], "'items'", parse_item_outcome,
                                   "disclose, withhold, neither-confirm-nor-deny, not-held or undecided", s.expect.items);
            read_map<label>(r, e["statements"], "'statements'", parse_label, "accepted, rejected or undecided",
                            s.expect.statements);
            s.expect.flags = r.text_list(e, "flags");
            s.expect.no_flags = r.text_list(e, "no_flags");
        }
        if (r.error_count() == before && !has_errors(diags)) out.push_back(std::move(s));
    }
}

} // namespace

std::vector<scenario> load_scenarios(const rulebook& rules, const fs::path& dir, const load_limits& limits) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto& p = it->path();
        if (!it->is_regular_file(ec) || p.extension() != ".yaml" || p.parent_path().filename() != "tests") continue;
        files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    std::vector<scenario> out;
    std::vector<diagnostic> diags;
    for (const auto& f : files) read_file(f, rules, limits, out, diags);
    if (has_errors(diags)) throw load_error(std::move(diags));
    return out;
}

scenario_result run_scenario(const rulebook& rules, const scenario& s) {
    scenario_result result{s.name, s.where, {}};
    try {
        evaluation_options options;
        options.as_of = s.as_of;
        const auto d = evaluate(rules, s.input, options);
        const auto& e = s.expect;
        if (e.outcome && d.outcome != *e.outcome)
            result.failures.push_back(std::string("outcome: expected ") + to_string(*e.outcome) + ", got " + to_string(d.outcome));
        for (const auto& [id, want] : e.items) {
            const auto* f = d.find_item(id);
            if (!f) result.failures.push_back("item " + id + ": no such item");
            else if (f->outcome != want)
                result.failures.push_back("item " + id + ": expected " + to_string(want) + ", got " + to_string(f->outcome));
        }
        for (const auto& [key, want] : e.statements) {
            const auto st = d.graph.find(key);
            if (!st) result.failures.push_back("statement " + key + ": no such statement");
            else if (d.graph.label_of(*st) != want)
                result.failures.push_back("statement " + key + ": expected " + to_string(want) + ", got " +
                                          to_string(d.graph.label_of(*st)));
        }
        auto raised = [&](const std::string& code) {
            return std::any_of(d.flags.begin(), d.flags.end(), [&](const review_flag& f) { return f.code == code; });
        };
        for (const auto& code : e.flags)
            if (!raised(code)) result.failures.push_back("flag " + code + ": expected, not raised");
        for (const auto& code : e.no_flags)
            if (raised(code)) result.failures.push_back("flag " + code + ": raised, but the scenario says it must not be");
    } catch (const error& ex) {
        result.failures.push_back(std::string("evaluation failed: ") + ex.what());
    }
    return result;
}

} // namespace candour
