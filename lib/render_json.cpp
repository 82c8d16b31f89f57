// JSON output: the whole decision for case systems, written as it goes by json_writer (no
// document tree). Members keep a fixed order so the same decision always gives the same bytes.
// Schema: docs/schema/decision.schema.json.

#include "json_writer.hpp"
#include "render_parts.hpp"

#include <candour/version.hpp>

#include <cmath>
#include <cstdint>
#include <ostream>
#include <string_view>
#include <unordered_map>

namespace candour::detail {
namespace {

// Weights are shown to four decimals: enough to check a balance, free of binary noise.
double tidy(double x) { return std::round(x * 10000.0) / 10000.0; }

void cite(json_writer& w, const citation& c) {
    w.begin_object();
    w.member("kind", to_string(c.kind));
    w.member("label", c.label);
    if (!c.uri.empty()) w.member("uri", c.uri);
    w.end_object();
}

void where(json_writer& w, const source_location& at) {
    w.begin_object();
    w.member("file", at.file);
    w.member("line", static_cast<std::int64_t>(at.line));
    w.member("column", static_cast<std::int64_t>(at.column));
    w.end_object();
}

// The members "statement" and "label" of a reference; the caller opens and closes the object,
// since some references carry more members.
void statement_ref_members(json_writer& w, const argument_graph& g, statement_id id) {
    w.member("statement", g.at(id).key);
    w.member("label", to_string(g.label_of(id)));
}

void statement_ref(json_writer& w, const argument_graph& g, statement_id id) {
    w.begin_object();
    statement_ref_members(w, g, id);
    w.end_object();
}

const char* standard_name(const proof_standard& s) {
    switch (s.type) {
    case proof_standard::kind::scintilla: return "scintilla";
    case proof_standard::kind::balance: return "balance";
    case proof_standard::kind::threshold: return "threshold";
    }
    return "balance";
}

// A balance: its statement, both sides' weights, the tie rule, the test and its source.
void public_interest(json_writer& w, const argument_graph& g, statement_id pit, const regime& reg, const std::string& test,
                     const citation& source) {
    w.begin_object();
    statement_ref_members(w, g, pit);
    w.member("maintain_weight", tidy(g.weight_of(pit, direction::pro)));
    w.member("disclose_weight", tidy(g.weight_of(pit, direction::con)));
    w.member("tie_goes_to", to_string(reg.balancing.tie));
    w.member("test", test);
    w.key("source");
    cite(w, source);
    w.end_object();
}

void write_decision(json_writer& w, const decision& d) {
    const auto& c = *d.source;
    const auto& g = d.graph;
    const auto& reg = d.governing_regime();
    w.begin_object();
    w.member("schema", "candour.decision");
    w.member("schema_version", "0.1.0");
    w.member("candour_version", version_string);

    w.key("case").begin_object();
    w.member("id", c.id);
    w.member("title", c.title);
    w.key("regime").begin_object().member("id", reg.id).member("title", reg.title).member("uri", reg.uri).end_object();
    w.key("authority").begin_object().member("name", c.authority.name).end_object();
    w.member("assumptions", c.assumptions);
    w.key("request").begin_object().member("received", c.request.received.iso()).member("wording", c.request.wording).end_object();
    w.end_object();
    w.member("decision_date", d.decision_date.iso());
    w.member("decision_date_basis", d.decision_date_basis);
    w.member("outcome", to_string(d.outcome));

    w.key("items").begin_array();
    for (const auto& f : d.items) {
        const item& it = d.item_of(f);
        w.begin_object();
        w.member("id", f.item_id);
        w.member("description", it.description);
        w.member("outcome", to_string(f.outcome));
        w.member("provisions", f.provisions);
        w.member("has_withheld_content", it.has_withheld_content()); // never the content itself
        w.key("exempt");
        statement_ref(w, g, f.exempt);
        w.key("disclose");
        statement_ref(w, g, f.disclose);
        if (f.ncnd) {
            w.key("ncnd");
            statement_ref(w, g, *f.ncnd);
        }
        w.end_object();
    }
    w.end_array();

    std::unordered_map<std::string_view, const claim*> claim_by_id; // once: schedules have many claims
    for (const auto& cl : c.claims) claim_by_id.emplace(cl.id, &cl);
    w.key("claims").begin_array();
    for (const auto& f : d.claims) {
        const auto& p = d.rules.get_provision(reg.id, f.provision_id);
        w.begin_object();
        w.member("claim", f.claim_id);
        w.key("provision").begin_object();
        w.member("id", p.id).member("citation", p.citation_text).member("uri", p.uri).member("title", p.title);
        w.member("status", to_string(p.status)).member("test", to_string(p.test));
        w.end_object();
        w.member("items", f.items);
        w.member("neither_confirm_nor_deny", f.neither_confirm_nor_deny);
        w.key("applicable");
        statement_ref(w, g, f.applicable);
        w.key("engaged");
        statement_ref(w, g, f.engaged);
        w.key("limbs").begin_array();
        for (auto s : f.limbs) statement_ref(w, g, s);
        w.end_array();
        if (!f.threshold_applied.empty()) w.member("threshold_applied", f.threshold_applied);
        if (f.threshold_rule) {
            w.key("threshold_rule");
            statement_ref(w, g, *f.threshold_rule);
        }
        if (!f.evidence_grade.empty()) w.member("evidence_grade", f.evidence_grade);
        if (const claim* cl = claim_by_id.at(f.claim_id); !cl->reasons_withheld.empty())
            w.member("reasons_withheld_under", cl->reasons_withheld);
        if (const claim* cl = claim_by_id.at(f.claim_id); !cl->in_the_alternative_to.empty())
            w.member("in_the_alternative_to", cl->in_the_alternative_to);
        w.member("harm_multiplier", tidy(f.harm_multiplier));
        w.member("harm_adjustments", f.harm_adjustments);
        if (f.public_interest) {
            const bool ncnd = f.neither_confirm_nor_deny && !reg.balancing.ncnd_test.empty();
            w.key("public_interest");
            public_interest(w, g, *f.public_interest, reg, ncnd ? reg.balancing.ncnd_test : reg.balancing.test,
                            ncnd ? reg.balancing.ncnd_source.value_or(reg.balancing.source) : reg.balancing.source);
        }
        w.key("factors").begin_array();
        for (const auto& a : f.factors) {
            w.begin_object();
            w.member("id", a.source_factor->id);
            w.member("side", to_string(a.source_factor->side));
            w.member("description", a.source_factor->description);
            w.member("weight_name", a.source_factor->weight);
            w.member("base_weight", tidy(a.base_weight));
            w.member("weight", tidy(a.weight));
            w.member("adjustments", a.adjustments);
            w.member("status", to_string(g.status_of(a.argument)));
            if (a.set_aside) {
                w.key("set_aside").begin_object().member("reason", a.set_aside_reason).key("source");
                cite(w, a.set_aside_source);
                w.end_object();
            }
            w.key("source");
            cite(w, *g.argument_at(a.argument).source);
            w.member("argument", g.argument_at(a.argument).key);
            w.end_object();
        }
        w.end_array();
        w.key("exempt");
        statement_ref(w, g, f.exempt);
        w.end_object();
    }
    w.end_array();

    w.key("aggregates").begin_array();
    for (const auto& a : d.aggregates) {
        w.begin_object();
        w.member("claims", a.claims);
        w.member("items", a.items);
        w.key("public_interest");
        public_interest(w, g, a.public_interest, reg, reg.balancing.test,
                        reg.balancing.aggregation_authority.value_or(reg.balancing.source));
        w.key("exempt");
        statement_ref(w, g, a.exempt);
        w.end_object();
    }
    w.end_array();

    // Only when some claims are pleaded in the alternative under provisions that cannot both
    // apply, so that the output of every other case is unchanged.
    if (!d.alternatives.empty()) {
        w.key("alternatives").begin_array();
        for (const auto& a : d.alternatives) {
            w.begin_object();
            w.member("claims", a.claims);
            w.member("items", a.items);
            w.member("holding", a.holding);
            w.end_object();
        }
        w.end_array();
    }

    // Only when some claim routes information to another regime (FOIA s.39 to the EIR), so that
    // the output of every other case is unchanged.
    if (!d.routes.empty()) {
        w.key("routes").begin_array();
        for (const auto& r : d.routes) {
            w.begin_object();
            w.member("claim", r.claim_id);
            w.member("provision", r.provision_id);
            w.member("regime", r.regime);
            if (!r.target_provision.empty()) w.member("target_provision", r.target_provision);
            w.member("items", r.items);
            w.member("engaged", g.at(r.engaged).key);
            w.member("routed", r.routed);
            w.end_object();
        }
        w.end_array();
    }

    w.key("counterfactuals").begin_array();
    for (const auto& cf : d.counterfactuals) {
        w.begin_object();
        w.member("claim", cf.claim_id);
        w.member("finding", g.at(cf.finding).key);
        w.member("now", to_string(cf.now));
        w.member("would_be", to_string(cf.would_be));
        w.member("kind", cf.kind);
        w.member("subject", cf.subject);
        w.member("from", cf.from);
        w.member("to", cf.to);
        w.member("description", cf.description);
        w.end_object();
    }
    w.end_array();

    w.key("flags").begin_array();
    for (const auto& f : d.flags) {
        w.begin_object();
        w.member("code", f.code);
        w.member("name", f.name);
        w.member("severity", to_string(f.level));
        w.member("message", f.message);
        w.key("source");
        cite(w, f.source);
        w.key("where");
        where(w, f.where);
        if (f.statement) w.member("statement", g.at(*f.statement).key);
        w.end_object();
    }
    w.end_array();

    if (d.deadline) {
        const auto& dl = *d.deadline;
        w.key("deadline").begin_object();
        w.member("received", dl.received.iso());
        w.member("period", dl.period);
        w.member("days", to_string(dl.days));
        w.member("due", dl.due.iso());
        w.key("source");
        cite(w, dl.source);
        w.key("calendar");
        if (dl.days == day_count::working) w.value(dl.calendar);
        else w.null();
        w.member("calendar_covers", dl.calendar_covers);
        w.key("sent");
        if (dl.sent) w.value(dl.sent->iso());
        else w.null();
        w.key("days_late");
        if (dl.days_late) w.value(*dl.days_late);
        else w.null();
        w.key("extended_to");
        if (dl.extended_to) w.value(dl.extended_to->iso());
        else w.null();
        w.member("extension_counts", dl.extension_counts);
        w.end_object();
    }

    w.key("graph").begin_object();
    w.key("statements").begin_array();
    for (statement_id i = 0; i < g.statements().size(); ++i) {
        const auto& s = g.at(i);
        w.begin_object();
        w.member("id", s.key);
        w.member("text", s.text);
        w.member("label", to_string(g.label_of(i)));
        w.member("fact", s.fact.has_value());
        w.member("standard", standard_name(s.standard));
        if (s.standard.type == proof_standard::kind::balance) w.member("tie_goes_to", to_string(s.standard.tie));
        w.end_object();
    }
    w.end_array();
    w.key("arguments").begin_array();
    for (argument_id i = 0; i < g.arguments().size(); ++i) {
        const auto& a = g.argument_at(i);
        w.begin_object();
        w.member("id", a.key);
        w.member("text", a.text);
        w.member("conclusion", g.at(a.conclusion).key);
        w.member("direction", to_string(a.dir));
        w.key("premises").begin_array();
        for (auto s : a.premises) w.value(g.at(s).key);
        w.end_array();
        w.key("exceptions").begin_array();
        for (auto s : a.exceptions) w.value(g.at(s).key);
        w.end_array();
        w.member("weight", tidy(a.weight));
        w.member("status", to_string(g.status_of(i)));
        w.key("source");
        cite(w, *a.source);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
}

} // namespace

std::string render_json(const decision& d) {
    std::string out;
    // About what each part takes (MOPAC, and a 5,000-row schedule), so that the text is not
    // copied as it grows: 52 KB for MOPAC, whose 14 items would have given 40 KB at 2,600 a row.
    out.reserve(16384 + 400 * d.items.size() + 256 * d.graph.statements().size() + 576 * d.graph.arguments().size());
    json_writer w(out);
    write_decision(w, d);
    out += '\n';
    return out;
}

void render_json(const decision& d, std::ostream& sink) {
    std::string buffer;
    json_writer w(buffer, &sink);
    write_decision(w, d);
    buffer += '\n';
    w.flush();
}

} // namespace candour::detail
