// Loads a disclosure candidate (docs/case-format.md) and checks it against a rulebook.

#include "case_checks.hpp"
#include "id_index.hpp"
#include "yaml_reader.hpp"

#include <candour/error.hpp>

#include <algorithm>
#include <string_view>

namespace candour {
using detail::id_index;
using detail::yaml_node;
using detail::yaml_reader;

namespace {

// The checks after reading report at most this many problems for a case (as the reader does,
// load_limits::max_errors): a claim that names a million unknown items is one mistake.
constexpr std::size_t max_case_problems = 1000;

void add(std::vector<diagnostic>& out, severity level, std::string code, std::string message, source_location where,
         std::vector<std::string> notes = {}) {
    if (out.size() > max_case_problems) return;
    if (out.size() == max_case_problems) {
        out.push_back({severity::error, "P109",
                       "too many problems: stopped reporting after " + std::to_string(max_case_problems) +
                           " (the rest of the case was still checked)",
                       std::move(where), {}});
        return;
    }
    out.push_back({level, std::move(code), std::move(message), std::move(where), std::move(notes)});
}

std::vector<std::string> list_or_single(yaml_reader& r, const yaml_node& map, std::string_view key) {
    const auto n = r.get(map, key);
    if (n.IsDefined() && n.IsScalar()) {
        // Through scalar_text, so the length and alias budgets apply (load_limits).
        if (auto s = r.scalar_text(n, "'" + std::string(key) + "'")) return {std::move(*s)};
        return {};
    }
    return r.text_list(map, key);
}

factor read_case_factor(yaml_reader& r, const yaml_node& n, pi_side side) {
    factor f;
    f.where = r.where(n);
    f.side = side;
    if (!r.check_keys(n, "a public interest factor", {"id", "description", "weight", "category", "source", "ref"}, {"id"}))
        return f;
    f.id = r.text(n, "id").value_or("");
    f.description = r.text(n, "description").value_or("");
    f.weight = r.text(n, "weight").value_or("");
    f.category = r.text(n, "category").value_or("");
    f.ref = r.text(n, "ref").value_or("");
    if (const auto s = r.get(n, "source"); s.IsDefined() && r.check_keys(s, "a citation", {"label", "uri", "kind"}, {"label"})) {
        f.source.kind = source_kind::case_fact;
        f.source.label = r.text(s, "label").value_or("");
        f.source.uri = r.text(s, "uri").value_or("");
    }
    if (!r.get(n, "ref").IsDefined()) {
        if (f.description.empty()) r.error("P205", "missing required key 'description' in a factor without 'ref'", n);
        if (f.weight.empty()) r.error("P205", "missing required key 'weight' in a factor without 'ref'", n);
    }
    return f;
}

} // namespace

disclosure_case detail::read_case_node(yaml_reader& r, const yaml_node& n, const load_limits& limits) {
    disclosure_case c;
    c.where = r.where(n);
    if (!r.check_keys(n, "the case",
                      {"id", "title", "regime", "authority", "assumptions", "request", "items", "claims", "notice",
                       "decision_date"},
                      {"id", "regime", "request", "items"}))
        return c;
    c.id = r.text(n, "id").value_or("");
    c.title = r.text(n, "title").value_or("");
    c.regime = r.text(n, "regime").value_or("");
    c.assumptions = r.text_list(n, "assumptions");
    c.decision_date = r.day(n, "decision_date");
    if (const auto a = n["authority"]; a.IsDefined() &&
                                       r.check_keys(a, "'authority'", {"name", "address", "review_contact"}, {"name"})) {
        c.authority.where = r.where(a);
        c.authority.name = r.text(a, "name").value_or("");
        c.authority.address = r.text(a, "address").value_or("");
        c.authority.review_contact = r.text(a, "review_contact").value_or("");
    }
    if (const auto q = n["request"]; r.check_keys(q, "'request'", {"received", "wording"}, {"received", "wording"})) {
        c.request.where = r.where(q);
        c.request.received = r.day(q, "received").value_or(date{});
        c.request.wording = r.text(q, "wording").value_or("");
    }
    if (const auto items = n["items"]; r.expect_seq(items, "'items'")) {
        if (items.size() > limits.max_items)
            r.error("P403", "the case has " + std::to_string(items.size()) + " items, over the limit of " +
                                std::to_string(limits.max_items), items);
        else
            c.items.reserve(items.size());
        for (const auto& x : items) {
            if (c.items.size() >= limits.max_items || !r.visit(x)) break;
            if (!r.check_keys(x, "an item",
                              {"id", "description", "held", "content", "withheld_content", "created", "public_domain", "concerns",
                               "relevant_death"},
                              {"id", "description"}))
                continue;
            item it;
            it.where = r.where(x);
            it.id = r.text(x, "id").value_or("");
            it.description = r.text(x, "description").value_or("");
            it.held = r.boolean(x, "held").value_or(true);
            it.content = r.text(x, "content").value_or("");
            it.withheld_content = list_or_single(r, x, "withheld_content");
            for (const auto& w : it.withheld_content)
                if (w.empty()) r.error("P208", "'withheld_content' entries must not be empty", x["withheld_content"]);
            it.created = r.day(x, "created");
            it.public_domain = r.boolean(x, "public_domain").value_or(false);
            it.concerns = r.text_list(x, "concerns");
            it.relevant_death = r.day(x, "relevant_death");
            c.items.push_back(std::move(it));
        }
    }
    if (const auto claims = n["claims"]; claims.IsDefined() && r.expect_seq(claims, "'claims'")) {
        for (const auto& x : claims) {
            if (!r.visit(x)) break;
            if (!r.check_keys(x, "a claim",
                              {"id", "provision", "items", "harm", "causal_chain", "likelihood", "evidence",
                               "class_facts", "purposes", "factors", "reasons_withheld_under", "in_the_alternative_to"},
                              {"id", "provision", "items"}))
                continue;
            claim cl;
            cl.where = r.where(x);
            cl.id = r.text(x, "id").value_or("");
            cl.provision = r.text(x, "provision").value_or("");
            cl.items = r.text_list(x, "items");
            cl.harm = r.text(x, "harm").value_or("");
            cl.causal_chain = r.text(x, "causal_chain").value_or("");
            cl.likelihood = list_or_single(r, x, "likelihood");
            if (cl.likelihood.size() == 1 && cl.likelihood[0] == "not-stated") cl.likelihood.clear();
            cl.class_facts = r.text_list(x, "class_facts");
            cl.purposes = r.text_list(x, "purposes");
            cl.reasons_withheld = r.text(x, "reasons_withheld_under").value_or("");
            cl.in_the_alternative_to = r.text_list(x, "in_the_alternative_to");
            if (const auto ev = r.get(x, "evidence"); ev.IsDefined() && r.expect_seq(ev, "'evidence'")) {
                for (const auto& e : ev) {
                    if (!r.visit(e) || !r.check_keys(e, "an item of evidence", {"description", "grade"}, {"description", "grade"}))
                        continue;
                    cl.evidence.push_back({r.text(e, "description").value_or(""), r.text(e, "grade").value_or(""), r.where(e)});
                }
            }
            if (const auto fs = r.get(x, "factors"); fs.IsDefined() &&
                                              r.check_keys(fs, "'factors'", {"maintain", "disclose"}, {})) {
                for (auto [key, side] : {std::pair{"maintain", pi_side::maintain}, std::pair{"disclose", pi_side::disclose}}) {
                    const auto list = r.get(fs, key);
                    if (!list.IsDefined() || !r.expect_seq(list, std::string("'") + key + "'")) continue;
                    for (const auto& f : list) {
                        if (!r.visit(f)) break;
                        cl.factors.push_back(read_case_factor(r, f, side));
                    }
                }
            }
            c.claims.push_back(std::move(cl));
        }
    }
    if (const auto x = n["notice"]; x.IsDefined() &&
                                    r.check_keys(x, "'notice'",
                                                 {"sent", "acknowledges_delay", "states_exemption", "specifies_subsection",
                                                  "explains_engagement", "gives_pit_reasons", "internal_review",
                                                  "internal_review_reference", "states_complaint_right",
                                                  "confirms_held", "extended_to"},
                                                 {"states_exemption", "specifies_subsection", "explains_engagement",
                                                  "gives_pit_reasons", "internal_review", "states_complaint_right"})) {
        notice_record nr;
        nr.where = r.where(x);
        nr.sent = r.day(x, "sent");
        nr.acknowledges_delay = r.boolean(x, "acknowledges_delay").value_or(false);
        nr.states_exemption = r.boolean(x, "states_exemption").value_or(false);
        nr.specifies_subsection = r.boolean(x, "specifies_subsection").value_or(false);
        nr.explains_engagement = r.boolean(x, "explains_engagement").value_or(false);
        nr.gives_pit_reasons = r.boolean(x, "gives_pit_reasons").value_or(false);
        nr.internal_review = r.choice<review_particulars>(x, "internal_review",
                                                          {{"stated", review_particulars::stated},
                                                           {"by-reference", review_particulars::by_reference},
                                                           {"absent", review_particulars::absent}})
                                 .value_or(review_particulars::absent);
        nr.internal_review_reference = r.text(x, "internal_review_reference").value_or("");
        nr.states_complaint_right = r.boolean(x, "states_complaint_right").value_or(false);
        nr.confirms_held = r.boolean(x, "confirms_held").value_or(true);
        nr.extended_to = r.day(x, "extended_to");
        c.notice = nr;
    }
    return c;
}

namespace detail {

namespace {
// Calls visit(factor, default) for each factor whose `ref` names a default factor of its claim's
// provision. Unknown regimes, provisions and refs are skipped here; check_case reports them.
template <class Case, class Visit>
void visit_factor_refs(Case& c, const rulebook& rules, Visit visit) {
    const regime* reg = rules.find_regime(c.regime);
    if (!reg) return;
    for (auto& cl : c.claims) {
        const provision* p = rules.find_provision(reg->id, cl.provision);
        if (!p) continue;
        for (auto& f : cl.factors) {
            if (f.ref.empty()) continue;
            const auto def = std::find_if(p->default_factors.begin(), p->default_factors.end(),
                                          [&](const factor& d) { return d.id == f.ref; });
            if (def != p->default_factors.end()) visit(f, *def);
        }
    }
}
} // namespace

bool needs_factor_defaults(const disclosure_case& c, const rulebook& rules) {
    // Only what fill_factor_defaults would change: a default left empty (many have no category)
    // fills nothing, so a loaded case (already filled) is not copied again by evaluate().
    bool needs = false;
    visit_factor_refs(c, rules, [&](const factor& f, const factor& def) {
        needs = needs || (f.description.empty() && !def.description.empty()) || (f.weight.empty() && !def.weight.empty()) ||
                (f.category.empty() && !def.category.empty()) || (f.source.label.empty() && f.source != def.source);
    });
    return needs;
}

void fill_factor_defaults(disclosure_case& c, const rulebook& rules) {
    visit_factor_refs(c, rules, [](factor& f, const factor& def) {
        if (f.description.empty()) f.description = def.description;
        if (f.weight.empty()) f.weight = def.weight;
        if (f.category.empty()) f.category = def.category;
        if (f.source.label.empty()) f.source = def.source;
    });
}

void check_case(const disclosure_case& c, const rulebook* rules, std::vector<diagnostic>& out) {
    // The ids in `c.items`, hashed: a 100,000-item schedule is checked in linear time.
    id_index<item> item_ids(c.items);
    for (std::size_t i = 0; i < c.items.size(); ++i) {
        const auto& it = c.items[i];
        if (it.id.empty()) add(out, severity::error, "P205", "an item has an empty 'id'", it.where);
        else if (item_ids.add(i) != i)
            add(out, severity::error, "P301", "duplicate item id '" + it.id + "'", it.where);
        if (it.created && it.created > c.request.received)
            add(out, severity::warning, "P402",
                "item '" + it.id + "' was created after the request was received; FOIA s.1(4) looks to the "
                "information held when the request was received",
                it.where);
    }
    id_index<claim> claim_ids(c.claims);
    const regime* reg = rules ? rules->find_regime(c.regime) : nullptr;
    if (rules && !reg) {
        std::vector<std::string> names;
        for (const auto& g : rules->regimes()) names.push_back(g.id);
        std::vector<std::string> notes;
        if (auto guess = did_you_mean(c.regime, names)) notes.push_back("did you mean '" + *guess + "'?");
        add(out, severity::error, "P302", "unknown regime '" + c.regime + "'", c.where, std::move(notes));
    }
    // An item's `concerns` must be kinds of information the regime's provisions turn on. (The
    // kinds are gathered from every provision only when some item names one: evaluate() runs
    // these checks again on every case.)
    if (reg && std::any_of(c.items.begin(), c.items.end(), [](const item& it) { return !it.concerns.empty(); })) {
        std::vector<std::string> kinds;
        for (const auto& p : rules->provisions())
            if (p.regime == reg->id)
                for (const auto& b : p.unavailable_for)
                    if (std::find(kinds.begin(), kinds.end(), b.kind) == kinds.end()) kinds.push_back(b.kind);
        for (const auto& it : c.items)
            for (const auto& k : it.concerns)
                if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) {
                    std::vector<std::string> notes;
                    if (auto guess = did_you_mean(k, kinds)) notes.push_back("did you mean '" + *guess + "'?");
                    std::string known;
                    for (const auto& x : kinds) known += (known.empty() ? "'" : ", '") + x + "'";
                    notes.push_back(known.empty() ? reg->id + " has no provision that turns on the kind of information"
                                                  : "expected one of: " + known);
                    add(out, severity::error, "P302", "item '" + it.id + "' concerns unknown kind of information '" + k + "'",
                        it.where, std::move(notes));
                }
    }
    // Suggesting an item id scans every item: offered for the first unknown references only, so
    // that many unknown references to many items cost linear time, not quadratic.
    std::vector<std::string> item_names;
    std::size_t item_suggestions = 0;
    for (std::size_t k = 0; k < c.claims.size(); ++k) {
        const auto& cl = c.claims[k];
        if (claim_ids.add(k) != k)
            add(out, severity::error, "P301", "duplicate claim id '" + cl.id + "'", cl.where);
        if (cl.items.empty()) add(out, severity::error, "P205", "claim '" + cl.id + "' names no items", cl.where);
        for (const auto& i : cl.items) {
            if (!item_ids.find(i)) {
                std::vector<std::string> notes;
                if (item_suggestions < 100) {
                    ++item_suggestions;
                    if (item_names.empty()) {
                        for (const auto& x : c.items)
                            if (!x.id.empty()) item_names.push_back(x.id);
                        std::sort(item_names.begin(), item_names.end()); // suggestions in id order, ties to the first
                        item_names.erase(std::unique(item_names.begin(), item_names.end()), item_names.end());
                    }
                    if (auto guess = did_you_mean(i, item_names)) notes.push_back("did you mean '" + *guess + "'?");
                }
                add(out, severity::error, "P302", "claim '" + cl.id + "' names unknown item '" + i + "'", cl.where,
                    std::move(notes));
            }
        }
        if (!reg) continue;
        const provision* p = rules->find_provision(reg->id, cl.provision);
        if (!p) {
            std::vector<std::string> names;
            for (const auto& q : rules->provisions()) if (q.regime == reg->id && q.role == provision_role::exemption) names.push_back(q.id);
            std::vector<std::string> notes;
            if (auto guess = did_you_mean(cl.provision, names)) notes.push_back("did you mean '" + *guess + "'?");
            add(out, severity::error, "P302", "claim '" + cl.id + "' relies on unknown provision '" + cl.provision +
                                                  "' of " + reg->id, cl.where, std::move(notes));
            continue;
        }
        if (p->role != provision_role::exemption)
            add(out, severity::error, "P302", "claim '" + cl.id + "' relies on " + p->id + ", which is not an exemption",
                cl.where);
        for (const auto& t : cl.likelihood) {
            if (!reg->find_threshold(t)) {
                std::string choices;
                for (const auto& th : reg->thresholds) choices += (choices.empty() ? "'" : ", '") + th.id + "'";
                add(out, severity::error, "P304", "unknown likelihood '" + t + "' in claim '" + cl.id + "'", cl.where,
                    {"expected one of: " + choices + ", or 'not-stated'"});
            }
        }
        for (const auto& e : cl.evidence)
            if (!reg->find_evidence_grade(e.grade))
                add(out, severity::error, "P304", "unknown evidence grade '" + e.grade + "'", e.where);
        if (!cl.reasons_withheld.empty()) {
            // The provision that excuses the reasons must be one of the regime's (FOIA s.17(4)).
            if (!rules->find_provision(reg->id, cl.reasons_withheld)) {
                std::vector<std::string> names;
                for (const auto& q : rules->provisions())
                    if (q.regime == reg->id && q.role != provision_role::exemption) names.push_back(q.id);
                std::vector<std::string> notes;
                if (auto guess = did_you_mean(cl.reasons_withheld, names)) notes.push_back("did you mean '" + *guess + "'?");
                add(out, severity::error, "P302", "claim '" + cl.id + "' withholds its reasons under unknown provision '" +
                                                      cl.reasons_withheld + "' of " + reg->id, cl.where, std::move(notes));
            }
        }
        for (const auto& purpose : cl.purposes) {
            if (std::find(p->purposes.begin(), p->purposes.end(), purpose) == p->purposes.end())
                add(out, severity::error, "P302", "'" + purpose + "' is not a purpose of " + p->id, cl.where);
        }
        for (const auto& f : cl.factors) {
            if (!f.ref.empty()) {
                auto def = std::find_if(p->default_factors.begin(), p->default_factors.end(),
                                        [&](const factor& d) { return d.id == f.ref; });
                if (def == p->default_factors.end()) {
                    add(out, severity::error, "P302", "factor '" + f.id + "' adopts unknown default factor '" + f.ref +
                                                          "' of " + p->id, f.where);
                    continue;
                }
                if (def->side != f.side)
                    add(out, severity::error, "P302", "factor '" + f.id + "' is listed under '" + to_string(f.side) +
                                                          "' but " + p->id + "'s '" + f.ref + "' is a '" +
                                                          to_string(def->side) + "' factor", f.where);
            }
            if (!f.weight.empty() && !reg->weight_value(f.weight)) {
                std::string choices;
                for (const auto& w : reg->weights) choices += (choices.empty() ? "'" : ", '") + w.name + "'";
                add(out, severity::error, "P304", "unknown weight '" + f.weight + "' for factor '" + f.id + "'", f.where,
                    {"expected one of: " + choices});
            }
        }
    }
    // A claim pleaded in the alternative names other claims of the case (not itself).
    {
        std::vector<std::string> names; // the claim ids, sorted, made when a suggestion is wanted
        for (const auto& cl : c.claims)
            for (const auto& other : cl.in_the_alternative_to) {
                if (other == cl.id)
                    add(out, severity::error, "P208", "claim '" + cl.id + "' is pleaded in the alternative to itself", cl.where,
                        {"name the other claim(s) relied on for the same information"});
                else if (!claim_ids.find(other)) {
                    if (names.empty()) {
                        for (const auto& x : c.claims) names.push_back(x.id);
                        std::sort(names.begin(), names.end());
                        names.erase(std::unique(names.begin(), names.end()), names.end());
                    }
                    std::vector<std::string> notes;
                    if (auto guess = did_you_mean(other, names)) notes.push_back("did you mean '" + *guess + "'?");
                    add(out, severity::error, "P302", "claim '" + cl.id + "' is pleaded in the alternative to unknown claim '" +
                                                          other + "'", cl.where, std::move(notes));
                }
            }
    }
    if (c.notice && c.notice->sent && *c.notice->sent < c.request.received)
        add(out, severity::error, "P401", "the notice was sent (" + c.notice->sent->iso() + ") before the request was received (" +
                                               c.request.received.iso() + ")", c.notice->where);
    if (c.notice && c.notice->extended_to && *c.notice->extended_to < c.request.received)
        add(out, severity::error, "P401", "the extended deadline (" + c.notice->extended_to->iso() +
                                               ") is before the request was received (" + c.request.received.iso() + ")",
            c.notice->where);
    if (c.decision_date && *c.decision_date < c.request.received)
        add(out, severity::error, "P401", "the decision date (" + c.decision_date->iso() +
                                               ") is before the request was received (" + c.request.received.iso() + ")",
            c.where);
}

} // namespace detail

namespace {
disclosure_case finish(yaml_reader& r, std::optional<yaml_node> root, const rulebook* rules, const load_limits& limits,
                       std::vector<diagnostic>& diags) {
    disclosure_case c;
    if (root && r.check_keys(*root, "a case file", {"case"}, {"case"})) c = detail::read_case_node(r, (*root)["case"], limits);
    if (!has_errors(diags)) {
        if (rules) detail::fill_factor_defaults(c, *rules);
        detail::check_case(c, rules, diags);
    }
    if (has_errors(diags)) throw load_error(std::move(diags));
    return c;
}
} // namespace

disclosure_case load_case(const std::filesystem::path& file, const rulebook* rules, const load_limits& limits) {
    std::vector<diagnostic> diags;
    yaml_reader r(file.lexically_normal().generic_string(), diags, limits);
    auto root = r.parse_file(file);
    return finish(r, std::move(root), rules, limits, diags);
}

disclosure_case parse_case(std::string_view yaml, std::string_view name, const rulebook* rules, const load_limits& limits) {
    std::vector<diagnostic> diags;
    yaml_reader r(std::string(name), diags, limits);
    auto root = r.parse_text(yaml);
    return finish(r, std::move(root), rules, limits, diags);
}

} // namespace candour
