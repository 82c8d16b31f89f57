// JSON output: the whole decision for case systems. Keys keep a fixed order (ordered_json) so
// the same decision always gives the same bytes. Schema: docs/schema/decision.schema.json.

#include "render_parts.hpp"

#include <candour/version.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

namespace candour::detail {
namespace {

using json = nlohmann::ordered_json;

// Weights are shown to four decimals: enough to check a balance, free of binary noise.
double tidy(double x) { return std::round(x * 10000.0) / 10000.0; }

json cite(const citation& c) {
    json j;
    j["kind"] = to_string(c.kind);
    j["label"] = c.label;
    if (!c.uri.empty()) j["uri"] = c.uri;
    return j;
}

json where(const source_location& w) {
    json j;
    j["file"] = w.file;
    j["line"] = w.line;
    j["column"] = w.column;
    return j;
}

json statement_ref(const argument_graph& g, statement_id id) {
    json j;
    j["statement"] = g.at(id).key;
    j["label"] = to_string(g.label_of(id));
    return j;
}

const char* standard_name(const proof_standard& s) {
    switch (s.type) {
    case proof_standard::kind::scintilla: return "scintilla";
    case proof_standard::kind::balance: return "balance";
    case proof_standard::kind::threshold: return "threshold";
    }
    return "balance";
}

} // namespace

std::string render_json(const decision& d) {
    const auto& c = *d.source;
    const auto& g = d.graph;
    const auto& reg = d.governing_regime();
    json j;
    j["schema"] = "candour.decision";
    j["schema_version"] = "0.1.0";
    j["candour_version"] = version_string;

    json cj;
    cj["id"] = c.id;
    cj["title"] = c.title;
    cj["regime"] = {{"id", reg.id}, {"title", reg.title}, {"uri", reg.uri}};
    cj["authority"] = {{"name", c.authority.name}};
    cj["assumptions"] = c.assumptions;
    cj["request"] = {{"received", c.request.received.iso()}, {"wording", c.request.wording}};
    j["case"] = cj;
    j["decision_date"] = d.decision_date.iso();
    j["decision_date_basis"] = d.decision_date_basis;
    j["outcome"] = to_string(d.outcome);

    json items = json::array();
    for (const auto& f : d.items) {
        const item* it = c.find_item(f.item_id);
        json x;
        x["id"] = f.item_id;
        x["description"] = it->description;
        x["outcome"] = to_string(f.outcome);
        x["provisions"] = f.provisions;
        x["has_withheld_content"] = it->has_withheld_content(); // never the content itself
        x["exempt"] = statement_ref(g, f.exempt);
        x["disclose"] = statement_ref(g, f.disclose);
        if (f.ncnd) x["ncnd"] = statement_ref(g, *f.ncnd);
        items.push_back(std::move(x));
    }
    j["items"] = std::move(items);

    json claims = json::array();
    for (const auto& f : d.claims) {
        const auto& p = d.rules.get_provision(reg.id, f.provision_id);
        json x;
        x["claim"] = f.claim_id;
        x["provision"] = {{"id", p.id}, {"citation", p.citation_text}, {"uri", p.uri}, {"title", p.title},
                          {"status", to_string(p.status)}, {"test", to_string(p.test)}};
        x["items"] = f.items;
        x["neither_confirm_nor_deny"] = f.neither_confirm_nor_deny;
        x["applicable"] = statement_ref(g, f.applicable);
        x["engaged"] = statement_ref(g, f.engaged);
        json limbs = json::array();
        for (auto s : f.limbs) limbs.push_back(statement_ref(g, s));
        x["limbs"] = std::move(limbs);
        if (!f.threshold_applied.empty()) x["threshold_applied"] = f.threshold_applied;
        if (f.threshold_rule) x["threshold_rule"] = statement_ref(g, *f.threshold_rule);
        if (!f.evidence_grade.empty()) x["evidence_grade"] = f.evidence_grade;
        for (const auto& cl : c.claims)
            if (cl.id == f.claim_id && !cl.reasons_withheld.empty()) x["reasons_withheld_under"] = cl.reasons_withheld;
        x["harm_multiplier"] = tidy(f.harm_multiplier);
        x["harm_adjustments"] = f.harm_adjustments;
        if (f.public_interest) {
            json pit = statement_ref(g, *f.public_interest);
            pit["maintain_weight"] = tidy(g.weight_of(*f.public_interest, direction::pro));
            pit["disclose_weight"] = tidy(g.weight_of(*f.public_interest, direction::con));
            pit["tie_goes_to"] = to_string(reg.balancing.tie);
            const bool ncnd = f.neither_confirm_nor_deny && !reg.balancing.ncnd_test.empty();
            pit["test"] = ncnd ? reg.balancing.ncnd_test : reg.balancing.test;
            pit["source"] = cite(ncnd ? reg.balancing.ncnd_source.value_or(reg.balancing.source) : reg.balancing.source);
            x["public_interest"] = std::move(pit);
        }
        json factors = json::array();
        for (const auto& a : f.factors) {
            json y;
            y["id"] = a.source_factor.id;
            y["side"] = to_string(a.source_factor.side);
            y["description"] = a.source_factor.description;
            y["weight_name"] = a.source_factor.weight;
            y["base_weight"] = tidy(a.base_weight);
            y["weight"] = tidy(a.weight);
            y["adjustments"] = a.adjustments;
            y["status"] = to_string(g.status_of(a.argument));
            if (a.set_aside) y["set_aside"] = {{"reason", a.set_aside_reason}, {"source", cite(a.set_aside_source)}};
            y["source"] = cite(g.argument_at(a.argument).source);
            y["argument"] = g.argument_at(a.argument).key;
            factors.push_back(std::move(y));
        }
        x["factors"] = std::move(factors);
        x["exempt"] = statement_ref(g, f.exempt);
        claims.push_back(std::move(x));
    }
    j["claims"] = std::move(claims);

    json aggregates = json::array();
    for (const auto& a : d.aggregates) {
        json x;
        x["claims"] = a.claims;
        x["items"] = a.items;
        json pit = statement_ref(g, a.public_interest);
        pit["maintain_weight"] = tidy(g.weight_of(a.public_interest, direction::pro));
        pit["disclose_weight"] = tidy(g.weight_of(a.public_interest, direction::con));
        pit["tie_goes_to"] = to_string(reg.balancing.tie);
        pit["test"] = reg.balancing.test;
        pit["source"] = cite(reg.balancing.aggregation_authority.value_or(reg.balancing.source));
        x["public_interest"] = std::move(pit);
        x["exempt"] = statement_ref(g, a.exempt);
        aggregates.push_back(std::move(x));
    }
    j["aggregates"] = std::move(aggregates);

    json counterfactuals = json::array();
    for (const auto& cf : d.counterfactuals) {
        json x;
        x["claim"] = cf.claim_id;
        x["finding"] = g.at(cf.finding).key;
        x["now"] = to_string(cf.now);
        x["would_be"] = to_string(cf.would_be);
        x["kind"] = cf.kind;
        x["subject"] = cf.subject;
        x["from"] = cf.from;
        x["to"] = cf.to;
        x["description"] = cf.description;
        counterfactuals.push_back(std::move(x));
    }
    j["counterfactuals"] = std::move(counterfactuals);

    json flags = json::array();
    for (const auto& f : d.flags) {
        json x;
        x["code"] = f.code;
        x["name"] = f.name;
        x["severity"] = to_string(f.level);
        x["message"] = f.message;
        x["source"] = cite(f.source);
        x["where"] = where(f.where);
        if (f.statement) x["statement"] = g.at(*f.statement).key;
        flags.push_back(std::move(x));
    }
    j["flags"] = std::move(flags);

    if (d.deadline) {
        const auto& dl = *d.deadline;
        json x;
        x["received"] = dl.received.iso();
        x["period"] = dl.period;
        x["days"] = to_string(dl.days);
        x["due"] = dl.due.iso();
        x["source"] = cite(dl.source);
        x["calendar"] = dl.days == day_count::working ? json(dl.calendar) : json(nullptr);
        x["calendar_covers"] = dl.calendar_covers;
        x["sent"] = dl.sent ? json(dl.sent->iso()) : json(nullptr);
        x["days_late"] = dl.days_late ? json(*dl.days_late) : json(nullptr);
        x["extended_to"] = dl.extended_to ? json(dl.extended_to->iso()) : json(nullptr);
        x["extension_counts"] = dl.extension_counts;
        j["deadline"] = std::move(x);
    }

    json statements = json::array();
    for (statement_id i = 0; i < g.statements().size(); ++i) {
        const auto& s = g.at(i);
        json x;
        x["id"] = s.key;
        x["text"] = s.text;
        x["label"] = to_string(g.label_of(i));
        x["fact"] = s.fact.has_value();
        x["standard"] = standard_name(s.standard);
        if (s.standard.type == proof_standard::kind::balance) x["tie_goes_to"] = to_string(s.standard.tie);
        statements.push_back(std::move(x));
    }
    json arguments = json::array();
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        json x;
        x["id"] = a.key;
        x["text"] = a.text;
        x["conclusion"] = g.at(a.conclusion).key;
        x["direction"] = to_string(a.dir);
        json premises = json::array(), exceptions = json::array();
        for (auto s : a.premises) premises.push_back(g.at(s).key);
        for (auto s : a.exceptions) exceptions.push_back(g.at(s).key);
        x["premises"] = std::move(premises);
        x["exceptions"] = std::move(exceptions);
        x["weight"] = tidy(a.weight);
        x["status"] = to_string(g.status_of(i));
        x["source"] = cite(a.source);
        arguments.push_back(std::move(x));
    }
    j["graph"] = {{"statements", std::move(statements)}, {"arguments", std::move(arguments)}};
    return j.dump(2) + "\n";
}

} // namespace candour::detail
