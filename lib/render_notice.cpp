// The requester-facing notice, in Markdown (`notice`) and plain text (`notice-text`). Both are
// written from one document built here, so they always say the same thing. Every sentence comes
// from the regime's notice template (rules/.../templates/notice.LANG.yaml); this file decides
// only which sentences apply and in what order (FOIA s.17(1), (3), (4) and (7), and the
// equivalents of the other regimes). The notice shows no weights, scores, statement keys,
// withheld content or anything about the requester.

#include "render_parts.hpp"
#include "template.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace candour::detail {
namespace {

using spans = std::vector<text_span>;

struct block {
    enum class kind { heading, fields, paragraph, list, quote };
    kind type = kind::paragraph;
    int level = 0;            ///< headings: 1 (title) to 4
    std::vector<spans> lines; ///< paragraph: one; list: one per entry; quote: one per line; fields: label, value pairs
};

spans plain(std::string s) { return {text_span{std::move(s), false}}; }

// Appends `more` to `to`, after a space if `space`. Plain text joins the span before it (the
// outputs read the spans in order, so joining them changes nothing but the allocations).
void append(spans& to, spans more, bool space) {
    if (more.empty()) return;
    auto join = [&](text_span& x) {
        if (!x.url && !to.empty() && !to.back().url) to.back().text += x.text;
        else to.push_back(std::move(x));
    };
    if (space && !to.empty()) {
        text_span gap{" ", false};
        join(gap);
    }
    for (auto& x : more) join(x);
}

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        auto end = s.find('\n', start);
        if (end == std::string::npos) end = s.size();
        out.push_back(s.substr(start, end - start));
        start = end + 1;
    }
    while (!out.empty() && out.back().empty()) out.pop_back();
    return out;
}

class notice_builder {
public:
    notice_builder(const decision& d, const notice_wording& w)
        : d_(d), g_(d.graph), c_(*d.source), reg_(d.governing_regime()), w_(w) {
        common_ = {{"authority", c_.authority.name},
                   {"law", reg_.title},
                   {"law_short", reg_.short_title},
                   {"regulator", reg_.complaints.regulator}};
        // Indexes by id, built once: a schedule may hold many thousands of items and claims.
        item_index_.reserve(d_.items.size());
        for (std::size_t i = 0; i < d_.items.size(); ++i) item_index_.emplace(d_.items[i].item_id, i);
        for (const auto& x : c_.claims) claim_by_id_.emplace(x.id, &x);
    }

    std::vector<block> run() {
        heading(1, say("title"));
        block fields{block::kind::fields, 0, {}};
        if (!c_.authority.name.empty()) {
            fields.lines.push_back(say("from_label"));
            fields.lines.push_back(plain(c_.authority.name));
        }
        fields.lines.push_back(say("law_label"));
        fields.lines.push_back(plain(reg_.title));
        out_.push_back(std::move(fields));
        paragraph(say("thanks", {{"received", date_words(c_.request.received)}}));
        block quote{block::kind::quote, 0, {}};
        for (const auto& l : split_lines(c_.request.wording)) quote.lines.push_back(plain(l));
        if (!quote.lines.empty()) out_.push_back(std::move(quote));
        spans dealt = say("dealt_with");
        if (d_.deadline && late()) append(dealt, say("late", {{"deadline", date_words(d_.deadline->due)}}), true);
        paragraph(std::move(dealt));
        // When every item is neither confirmed nor denied, a section on what is (not) released
        // would only invite the inference the response must avoid; it is left out.
        const bool only_ncnd = !d_.items.empty() && std::all_of(d_.items.begin(), d_.items.end(), [](const item_finding& f) {
            return f.outcome == item_outcome::neither_confirm_nor_deny;
        });
        if (!only_ncnd) released();
        withheld();
        rights();
        return std::move(out_);
    }

private:
    // One sentence of the template, expanded with the common values and `extra`.
    spans say(const std::string& key, const template_values& extra = {}) const {
        const auto it = w_.sentences.find(key);
        if (it == w_.sentences.end())
            throw render_error("R504", "the notice wording in '" + w_.language + "' has no sentence '" + key + "'");
        template_values values = common_;
        values.set(extra);
        return expand_template(key, it->second, values);
    }

    std::string text_of(const std::string& key, const template_values& extra = {}) const {
        std::string s;
        for (const auto& x : say(key, extra)) s += x.text;
        return s;
    }

    std::string date_words(const date& when) const {
        std::string month = std::to_string(when.month());
        if (w_.months.size() == 12) month = w_.months[static_cast<std::size_t>(when.month() - 1)];
        return text_of("date", {{"day", std::to_string(when.day())},
                                {"month", month},
                                {"year", std::to_string(when.year())}});
    }

    // "s.31(1)(a)" -> "section 31(1)(a)" in the notice's language.
    std::string cite(const std::string& id) const {
        if (id.rfind("s.", 0) == 0) return text_of("cite_section", {{"number", std::string_view(id).substr(2)}});
        if (id.rfind("reg.", 0) == 0) return text_of("cite_regulation", {{"number", std::string_view(id).substr(4)}});
        return id;
    }

    void heading(int level, spans text) { out_.push_back({block::kind::heading, level, {std::move(text)}}); }
    void paragraph(spans text) {
        if (!text.empty()) out_.push_back({block::kind::paragraph, 0, {std::move(text)}});
    }
    void list(const std::vector<std::string>& entries) {
        if (entries.empty()) return;
        block b{block::kind::list, 0, {}};
        for (const auto& e : entries) b.lines.push_back(plain(e));
        out_.push_back(std::move(b));
    }

    bool late() const {
        const auto& dl = *d_.deadline;
        return dl.days_late.has_value() || (!dl.sent && c_.notice && c_.notice->acknowledges_delay);
    }

    std::vector<std::string> descriptions(item_outcome o) const {
        std::vector<std::string> out;
        for (const auto& f : d_.items)
            if (f.outcome == o) out.push_back(d_.item_of(f).description);
        return out;
    }

    void released() {
        heading(2, say("released_heading"));
        const auto out = descriptions(item_outcome::disclose);
        if (out.empty()) paragraph(say("released_none"));
        else {
            paragraph(say("released_intro"));
            list(out);
        }
        if (const auto not_held = descriptions(item_outcome::not_held); !not_held.empty()) {
            paragraph(say("not_held_intro"));
            list(not_held);
        }
        // Items a reviewer has still to decide are named, so that nothing the requester asked
        // for goes unmentioned. Items under neither-confirm-nor-deny are never named.
        if (const auto open = descriptions(item_outcome::undecided); !open.empty()) {
            paragraph(say("undecided_intro"));
            list(open);
        }
    }

    // What a section of the notice rests on: one claim, several claims weighed together, claims
    // pleaded in the alternative, or a claim that excludes the duty to confirm or deny.
    struct basis {
        enum class kind { claim, together, alternatives, ncnd };
        kind type = kind::claim;
        std::vector<const claim_finding*> findings; ///< claim, ncnd: one; together, alternatives: one per claim
        const aggregate_finding* aggregate = nullptr;
        std::vector<std::string> items;
    };

    item_outcome outcome_of(const std::string& id) const {
        const auto at = item_index_.find(id);
        return at == item_index_.end() ? item_outcome::undecided : d_.items[at->second].outcome;
    }

    // Appends x to `to` unless `seen` (the set of what `to` holds) has it already.
    static void add_unique(std::vector<std::string>& to, std::unordered_set<std::string_view>& seen, const std::string& x) {
        if (seen.insert(x).second) to.push_back(x);
    }

    // Each claim whose exemption (or exclusion of the duty to confirm or deny) holds, with the
    // items of every group of that claim for which it holds and whose outcome it explains, in the
    // order of the claims (claims pleaded in the alternative: one basis citing them all); then
    // the exemptions weighed together, for withheld items that no single exemption explains.
    std::vector<basis> bases(bool ncnd) const {
        const item_outcome shown = ncnd ? item_outcome::neither_confirm_nor_deny : item_outcome::withhold;
        std::vector<basis> out;
        std::unordered_map<std::size_t, std::size_t> basis_of_claim; // claim finding (or set of alternatives) -> basis
        std::vector<std::unordered_set<std::string_view>> held; // the items of each basis in `out`
        // Claims pleaded in the alternative share one section, whichever of them holds (the
        // evaluator found them: decision::alternatives). A finding's section is its own position,
        // or, in the k-th set of alternatives, the number of findings plus k. Never NCND claims.
        const std::size_t n = d_.claims.size();
        std::vector<std::size_t> section;
        if (!ncnd && !d_.alternatives.empty()) {
            section.resize(n);
            for (std::size_t i = 0; i < n; ++i) section[i] = i;
            for (std::size_t k = 0; k < d_.alternatives.size(); ++k)
                for (auto i : d_.alternatives[k].findings) section[i] = n + k;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const auto& f = d_.claims[i];
            if (f.neither_confirm_nor_deny != ncnd || g_.label_of(f.exempt) != label::accepted) continue;
            const std::size_t key = section.empty() ? i : section[i];
            const auto [at, fresh] = basis_of_claim.emplace(key, out.size());
            if (fresh) {
                basis b{ncnd ? basis::kind::ncnd : basis::kind::claim, {&f}, nullptr, {}};
                if (key >= n) {
                    // Every claim of the set, once each, whichever of them holds.
                    b.type = basis::kind::alternatives;
                    b.findings.clear();
                    for (auto k : d_.alternatives[key - n].findings)
                        if (b.findings.empty() || b.findings.back()->claim_id != d_.claims[k].claim_id)
                            b.findings.push_back(&d_.claims[k]);
                }
                out.push_back(std::move(b));
                held.emplace_back();
            }
            for (const auto& item : f.items)
                if (outcome_of(item) == shown) add_unique(out[at->second].items, held[at->second], item);
        }
        std::erase_if(out, [](const basis& b) { return b.items.empty(); });
        if (ncnd) return out;
        // Items some single claim (or group of alternatives) already explains.
        std::unordered_set<std::string_view> explained;
        for (const auto& x : out) explained.insert(x.items.begin(), x.items.end());
        for (const auto& a : d_.aggregates) {
            if (g_.label_of(a.exempt) != label::accepted) continue;
            basis b{basis::kind::together, {}, &a, {}};
            std::unordered_set<std::string_view> seen;
            for (const auto& i : a.items)
                if (outcome_of(i) == shown && !explained.contains(i)) add_unique(b.items, seen, i);
            for (const auto& id : a.claims)
                for (const auto& f : d_.claims)
                    if (f.claim_id == id && std::find_first_of(f.items.begin(), f.items.end(), a.items.begin(), a.items.end()) !=
                                                f.items.end()) {
                        b.findings.push_back(&f);
                        break;
                    }
            if (!b.items.empty() && !b.findings.empty()) out.push_back(std::move(b));
        }
        return out;
    }

    const claim* claim_of(const claim_finding& f) const {
        const auto at = claim_by_id_.find(f.claim_id);
        return at == claim_by_id_.end() ? nullptr : at->second;
    }

    // The values of every sentence about one claim. The values are views: `cited` keeps the
    // provision's name in the notice's words ("section 31(1)(a)") alive while they are used.
    template_values claim_values(const provision& p, std::string& cited) const {
        cited = cite(p.id);
        return {{"provision", cited}, {"provision_title", p.title}};
    }

    static template_values plus(template_values base, const template_values& extra) {
        base.set(extra);
        return base;
    }

    // "section 43(2) and section 41(1)" with `join` "join_and", the notice's own word for "and";
    // "join_or" and "join_alternative" ("or, in the alternative,") likewise.
    std::string joined(const std::vector<std::string>& names, const std::string& join) const {
        if (names.size() == 1) return names[0];
        std::string list;
        for (std::size_t i = 0; i + 1 < names.size(); ++i) list += (i ? ", " : "") + names[i];
        return text_of(join, {{"list", list}, {"last", names.back()}});
    }

    std::string joined_provisions(const basis& b, const std::string& join) const {
        std::vector<std::string> names;
        for (const auto* f : b.findings) names.push_back(cite(f->provision_id));
        return joined(names, join);
    }

    std::vector<std::string> descriptions_of(const std::vector<std::string>& ids) const {
        std::vector<std::string> out;
        for (const auto& id : ids) out.push_back(c_.items[item_index_.at(id)].description); // findings are in case order
        return out;
    }

    void withheld() {
        for (bool ncnd : {false, true}) {
            const auto all = bases(ncnd);
            if (all.empty()) continue;
            heading(2, say(ncnd ? "ncnd_heading" : "withheld_heading"));
            for (const auto& b : all) {
                if (b.type == basis::kind::together) together(b, all.size() > 1);
                else if (b.type == basis::kind::alternatives) alternatives(b, all.size() > 1);
                else exemption(b, all.size() > 1);
            }
        }
    }

    // Why the provision applies (s.17(1)(c)), or that the reasons are left out (s.17(4)).
    void why(const claim_finding& f, const provision& p, bool ncnd) {
        const claim* cl = claim_of(f);
        std::string cited;
        const template_values v = claim_values(p, cited);
        if (cl && !cl->reasons_withheld.empty()) {
            // FOIA s.17(4): the reasons are left out because stating them would disclose exempt
            // information; the notice says so instead.
            paragraph(say("reasons_withheld", plus(v, {{"reasons_provision", cite(cl->reasons_withheld)}})));
        } else if (p.test == engagement_test::prejudice) {
            // Conditions of kind come first (EIR reg 12(5)(e)'s first three stages), then the harm.
            if (cl && !p.class_conditions.empty() && !cl->class_facts.empty()) {
                paragraph(say("why_class", v));
                list(cl->class_facts);
            }
            if (const auto* th = reg_.find_threshold(f.threshold_applied)) {
                spans s = say(ncnd ? "ncnd_why_prejudice" : "why_prejudice",
                              plus(v, {{"threshold", th->phrase}, {"protected_interest", p.protected_interest}}));
                append(s, say("threshold_meaning", plus(v, {{"threshold", th->phrase}, {"threshold_meaning", th->meaning}})), true);
                paragraph(std::move(s));
            }
            if (cl && !cl->harm.empty()) paragraph(plain(cl->harm));
            if (cl && !cl->causal_chain.empty()) paragraph(plain(cl->causal_chain));
        } else if (cl && !cl->class_facts.empty()) {
            paragraph(say("why_class", v));
            list(cl->class_facts);
        }
        if (p.status == exemption_status::absolute) paragraph(say("absolute", v));
    }

    bool balanced(statement_id pit) const {
        const double maintain = g_.weight_of(pit, direction::pro), disclose = g_.weight_of(pit, direction::con);
        return std::abs(maintain - disclose) <= 1e-9 * std::max({1.0, std::abs(maintain), std::abs(disclose)});
    }

    // Whether any of these public interest tests weighed the regime's presumption in favour of
    // disclosure (EIR reg 12(2)): a provision may leave it out (reg 13, on the ICO's reading).
    bool weighed_presumption(const std::vector<const claim_finding*>& findings) const noexcept {
        for (const auto* f : findings)
            for (const auto& a : f->factors)
                if (a.source_factor == &reg_.balancing.presumption_factor) return true;
        return false;
    }

    // The presumption is stated where the test weighed it, and only there: the sentences that
    // conclude a test do not mention it.
    spans and_presumption(spans intro, const template_values& v, bool presumption) const {
        if (presumption && reg_.balancing.presumption_source)
            append(intro, say("pit_presumption", plus(v, {{"presumption_source", reg_.balancing.presumption_source->label}})), true);
        return intro;
    }
    spans tie_and_presumption(spans intro, const template_values& v, bool presumption) const {
        append(intro, say(reg_.balancing.tie == tie_rule::disclose ? "pit_tie_disclose" : "pit_tie_withhold", v), true);
        return and_presumption(std::move(intro), v, presumption);
    }

    // One claim: s.17(1)(a), (b) and (c), and (3) for a qualified exemption; or, for a claim to
    // neither confirm nor deny, the same about the exclusion of that duty.
    void exemption(const basis& b, bool several) {
        const auto& f = *b.findings[0];
        const bool ncnd = b.type == basis::kind::ncnd;
        const auto& p = d_.rules.get_provision(reg_.id, f.provision_id);
        const claim* cl = claim_of(f);
        const bool reasons_withheld = cl && !cl->reasons_withheld.empty();
        std::string cited;
        const template_values v = claim_values(p, cited);
        const int sub = several ? 4 : 3;
        if (several) heading(3, say("claim_heading", v));
        paragraph(say(ncnd ? "ncnd_intro" : "withheld_intro", v));
        list(descriptions_of(b.items));
        if (ncnd) {
            spans under = say("ncnd_under", v);
            append(under, say("ncnd_neutral", v), true);
            paragraph(std::move(under));
        } else {
            paragraph(say("exempt_under", v));
        }
        if (!p.text.empty()) {
            heading(sub, say("law_heading", v));
            out_.push_back({block::kind::quote, 0, {plain(p.text)}});
        }
        heading(sub, say(ncnd ? "ncnd_why_heading" : "why_heading", v));
        why(f, p, ncnd);
        if (!f.public_interest) return;
        heading(sub, say("pit_heading", v));
        const bool own_test = ncnd && !reg_.balancing.ncnd_test.empty();
        const std::string& test = own_test ? reg_.balancing.ncnd_test : reg_.balancing.test;
        const std::string& source = own_test ? reg_.balancing.ncnd_source.value_or(reg_.balancing.source).label
                                             : reg_.balancing.source.label;
        // The tie rule is part of the neither-confirm-nor-deny wording: an even balance means
        // confirming or denying, not releasing.
        spans intro = say(ncnd ? "ncnd_pit_intro" : "pit_intro", plus(v, {{"test", test}, {"test_source", source}}));
        const bool presumption = weighed_presumption({&f});
        paragraph(ncnd ? and_presumption(std::move(intro), v, presumption) : tie_and_presumption(std::move(intro), v, presumption));
        if (!reasons_withheld) {
            factors({&f}, pi_side::disclose, say("pit_for_disclosure", v));
            factors({&f}, pi_side::maintain, say("pit_for_maintaining", v));
        }
        // The conclusion with the statutory test. The exemption is relied on, so the public
        // interest statement is accepted: either maintaining outweighs disclosure, or the two are
        // equal and the regime's tie rule favours withholding.
        spans conclusion = say(balanced(*f.public_interest) ? "pit_conclusion_balanced" : ncnd ? "ncnd_pit_conclusion" : "pit_conclusion", v);
        if (reasons_withheld)
            append(conclusion, say("pit_reasons_withheld", plus(v, {{"reasons_provision", cite(cl->reasons_withheld)}})), true);
        paragraph(std::move(conclusion));
    }

    // Several qualified exemptions whose public interest is weighed together (DBT v IC [2025]
    // UKSC 27; Ofcom C-71/10): each is engaged, and together they outweigh disclosure.
    void together(const basis& b, bool several) {
        const std::string provisions = joined_provisions(b, "join_and");
        const template_values v{{"provisions", provisions}, {"provision", provisions}, {"provision_title", ""}};
        const int sub = open_section(b, several, "aggregate_heading", "aggregate_exempt_under", v);
        const claim* reasons_from = nullptr;
        for (const auto* f : b.findings) {
            const auto& p = d_.rules.get_provision(reg_.id, f->provision_id);
            std::string cited;
            heading(sub, say("aggregate_why_heading", plus(v, claim_values(p, cited))));
            why(*f, p, false);
            if (const claim* cl = claim_of(*f); cl && !cl->reasons_withheld.empty() && !reasons_from) reasons_from = cl;
        }
        heading(sub, say("pit_heading", v));
        const citation& authority = reg_.balancing.aggregation_authority.value_or(reg_.balancing.source);
        paragraph(tie_and_presumption(say("aggregate_pit_intro", plus(v, {{"test", reg_.balancing.test},
                                                                          {"test_source", reg_.balancing.source.label},
                                                                          {"aggregation_source", authority.label}})),
                                      v, weighed_presumption(b.findings)));
        weighed(b.findings, reasons_from,
                say(balanced(b.aggregate->public_interest) ? "pit_conclusion_balanced" : "aggregate_pit_conclusion", v), v);
    }

    // The start of a section resting on several claims: its heading (when the notice has several
    // sections), the items withheld and the sentence naming the provisions. Returns the level of
    // the section's subheadings.
    int open_section(const basis& b, bool several, const char* heading_key, const char* under_key, const template_values& v) {
        if (several) heading(3, say(heading_key, v));
        paragraph(say("withheld_intro", v));
        list(descriptions_of(b.items));
        paragraph(say(under_key, v));
        return several ? 4 : 3;
    }

    // The considerations weighed for several claims and the conclusion; when one of the claims
    // keeps its reasons back (s.17(4)), the considerations are left out and the notice says why.
    void weighed(const std::vector<const claim_finding*>& findings, const claim* reasons_from, spans conclusion,
                 const template_values& v) {
        if (!reasons_from) {
            factors(findings, pi_side::disclose, say("pit_for_disclosure", v));
            factors(findings, pi_side::maintain, say("pit_for_maintaining", v));
        } else {
            append(conclusion, say("pit_reasons_withheld", plus(v, {{"reasons_provision", cite(reasons_from->reasons_withheld)}})), true);
        }
        paragraph(std::move(conclusion));
    }

    // Claims pleaded in the alternative under provisions that cannot both apply. The section
    // cites every one of them and reads the same whichever holds: the law of each, why none is
    // singled out, and the public interest of the qualified ones, stated for the case in which
    // one of them is the provision that applies. Nothing here depends on which claim carries the
    // items (their facts, their limbs or the outcome of their own public interest test).
    void alternatives(const basis& b, bool several) {
        const std::string provisions = joined_provisions(b, "join_alternative");
        const template_values v{{"provisions", provisions}, {"provision", provisions}, {"provision_title", ""}};
        const int sub = open_section(b, several, "alternative_heading", "alternative_exempt_under", v);
        std::vector<const claim_finding*> qualified;
        std::vector<std::string> qualified_names;
        const claim* reasons_from = nullptr;
        bool law_heading = false;
        for (const auto* f : b.findings) {
            const auto& p = d_.rules.get_provision(reg_.id, f->provision_id);
            if (f->public_interest) {
                qualified.push_back(f);
                qualified_names.push_back(cite(p.id));
            }
            if (const claim* cl = claim_of(*f); cl && !cl->reasons_withheld.empty() && !reasons_from) reasons_from = cl;
            if (p.text.empty()) continue;
            if (!std::exchange(law_heading, true)) heading(sub, say("law_heading", v));
            std::string cited;
            paragraph(say("alternative_law", claim_values(p, cited)));
            out_.push_back({block::kind::quote, 0, {plain(p.text)}});
        }
        heading(sub, say("why_heading", v));
        paragraph(say("alternative_why", v));
        for (const auto* f : b.findings)
            if (const auto& p = d_.rules.get_provision(reg_.id, f->provision_id); p.status == exemption_status::absolute) {
                std::string cited;
                paragraph(say("absolute", claim_values(p, cited)));
            }
        if (qualified.empty()) return;
        const std::string qualified_list = joined(qualified_names, "join_or");
        const template_values q = plus(v, {{"qualified", qualified_list}});
        heading(sub, say("pit_heading", v));
        paragraph(tie_and_presumption(
            say("alternative_pit_intro", plus(q, {{"test", reg_.balancing.test}, {"test_source", reg_.balancing.source.label}})), v,
            weighed_presumption(qualified)));
        weighed(qualified, reasons_from, say("alternative_pit_conclusion", q), v);
    }

    // The considerations weighed, each once (a consideration argued under several exemptions is
    // one consideration to the requester).
    void factors(const std::vector<const claim_finding*>& findings, pi_side side, spans intro) {
        std::vector<std::string> lines, seen;
        for (const auto* f : findings)
            for (const auto& a : f->factors) {
                // Factors set aside as irrelevant in law (the requester's identity or motive, ...)
                // are not put to the requester as reasons.
                if (a.source_factor->side != side || a.set_aside) continue;
                const auto key = text::lower(a.source_factor->description);
                if (std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
                seen.push_back(key);
                lines.push_back(a.source_factor->description);
            }
        if (lines.empty()) return;
        paragraph(std::move(intro));
        list(lines);
    }

    void rights() {
        // s.17(7): a regime that declares no review or regulator gives nothing to say here.
        if (reg_.complaints.review.empty() && reg_.complaints.regulator.empty()) return;
        heading(2, say("rights_heading"));
        if (!reg_.complaints.review.empty()) {
            const template_values review{{"review", reg_.complaints.review}};
            spans s = say("review", review);
            const std::string& contact = !c_.authority.review_contact.empty() ? c_.authority.review_contact : c_.authority.address;
            if (!contact.empty()) {
                template_values with_contact = review;
                with_contact.set({"review_contact", contact});
                append(s, say("review_contact", with_contact), true);
            }
            paragraph(std::move(s));
        }
        if (!reg_.complaints.regulator.empty()) {
            spans s = say("complain", {{"review", reg_.complaints.review}, {"complaint_right", reg_.complaints.right.label}});
            if (!reg_.complaints.regulator_uri.empty())
                append(s, say("complain_where", {{"regulator_uri", reg_.complaints.regulator_uri, true}}), true);
            paragraph(std::move(s));
        }
    }

    const decision& d_;
    const argument_graph& g_;
    const disclosure_case& c_;
    const regime& reg_;
    const notice_wording& w_;
    template_values common_;
    std::vector<block> out_;
    std::unordered_map<std::string_view, std::size_t> item_index_;      // item id -> index in d_.items
    std::unordered_map<std::string_view, const claim*> claim_by_id_;
};

const notice_wording& wording_for(const decision& d, const render_options& options) {
    const auto& reg = d.governing_regime();
    if (const auto* w = reg.find_notice_wording(options.language)) return *w;
    if (reg.notice_templates.empty() && options.language == "en") return builtin_notice_wording();
    std::string available;
    for (const auto& w : reg.notice_templates) available += (available.empty() ? "" : ", ") + w.language;
    if (reg.notice_templates.empty()) available = "en";
    throw render_error("R504", "the " + reg.short_title + " rulebook has no notice wording in '" + options.language +
                                   "' (available: " + available + "); add templates/notice." + options.language +
                                   ".yaml to the regime's folder");
}

// ---- Markdown -------------------------------------------------------------------------------

// Writes the spans as Markdown onto the end of `out`.
void put_markdown(std::string& out, const spans& s) {
    for (const auto& x : s) {
        if (x.url && x.text.find_first_of(" <>\n") == std::string::npos) {
            out += '<';
            out += x.text;
            out += '>';
        } else {
            text::append_markdown(out, x.text);
        }
    }
}

std::string to_markdown(const std::vector<block>& blocks) {
    std::string out;
    out.reserve(8192); // a notice is a few KB; written in place, without temporaries
    for (const auto& b : blocks) {
        if (!out.empty()) out += '\n';
        switch (b.type) {
        case block::kind::heading:
            out.append(static_cast<std::size_t>(b.level), '#');
            out += ' ';
            put_markdown(out, b.lines[0]);
            out += '\n';
            break;
        case block::kind::fields:
            for (std::size_t i = 0; i + 1 < b.lines.size(); i += 2) {
                out += "**";
                put_markdown(out, b.lines[i]);
                out += "** ";
                put_markdown(out, b.lines[i + 1]);
                out += i + 2 < b.lines.size() ? "  \n" : "\n";
            }
            break;
        case block::kind::paragraph:
            put_markdown(out, b.lines[0]);
            out += '\n';
            break;
        case block::kind::list:
            for (const auto& l : b.lines) {
                out += "- ";
                put_markdown(out, l);
                out += '\n';
            }
            break;
        case block::kind::quote:
            for (const auto& l : b.lines) {
                if (l.empty() || l[0].text.empty()) {
                    out += ">\n";
                } else {
                    out += "> ";
                    put_markdown(out, l);
                    out += '\n';
                }
            }
            break;
        }
    }
    return out;
}

// ---- Plain text -----------------------------------------------------------------------------

constexpr std::size_t text_width = 72;

// Width in characters of UTF-8 text (continuation bytes do not count).
std::size_t width(std::string_view s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string joined(const spans& s) {
    std::string out;
    for (const auto& x : s) out += x.text;
    return out;
}

// Fills words into lines of at most text_width characters; a word longer than a line (a URL)
// stands on its own line and is never broken.
std::string wrap(std::string_view text, std::string_view first_prefix, std::string_view prefix) {
    std::string out(first_prefix);
    std::size_t col = width(first_prefix);
    bool line_empty = true;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\t')) ++i;
        if (i >= text.size()) break;
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\n' && text[j] != '\t') ++j;
        const auto word = text.substr(i, j - i);
        const auto w = width(word);
        if (!line_empty && col + 1 + w > text_width) {
            out += "\n";
            out += prefix;
            col = width(prefix);
            line_empty = true;
        }
        if (!line_empty) {
            out += ' ';
            ++col;
        }
        out += word;
        col += w;
        line_empty = false;
        i = j;
    }
    return out + "\n";
}

std::string to_text(const std::vector<block>& blocks) {
    std::string out;
    for (const auto& b : blocks) {
        if (!out.empty()) out += "\n";
        switch (b.type) {
        case block::kind::heading: {
            // Wrapped like a paragraph and underlined as wide as its longest line.
            const auto t = wrap(joined(b.lines[0]), "", "");
            std::size_t longest = 0;
            for (std::size_t start = 0; start < t.size();) {
                const auto end = t.find('\n', start);
                longest = std::max(longest, width(std::string_view(t).substr(start, end - start)));
                start = end + 1;
            }
            out += t + std::string(longest, b.level == 1 ? '=' : b.level == 2 ? '-' : b.level == 3 ? '~' : '.') + "\n";
            break;
        }
        case block::kind::fields:
            for (std::size_t i = 0; i + 1 < b.lines.size(); i += 2)
                out += wrap(joined(b.lines[i]) + " " + joined(b.lines[i + 1]), "", "    ");
            break;
        case block::kind::paragraph: out += wrap(joined(b.lines[0]), "", ""); break;
        case block::kind::list:
            for (const auto& l : b.lines) out += wrap(joined(l), "- ", "  ");
            break;
        case block::kind::quote: {
            // Read as Markdown reads it: lines run on into one paragraph until a blank line; each
            // paragraph is wrapped within the indented quote.
            std::string para;
            bool first = true;
            auto flush = [&] {
                if (para.empty()) return;
                out += (first ? "" : "\n") + wrap(para, "    ", "    ");
                first = false;
                para.clear();
            };
            for (const auto& l : b.lines) {
                const auto t = joined(l);
                if (t.find_first_not_of(' ') == std::string::npos) flush();
                else para += (para.empty() ? "" : " ") + t;
            }
            flush();
            break;
        }
        }
    }
    return out;
}

} // namespace

std::string render_notice(const decision& d, const render_options& options) {
    return to_markdown(notice_builder(d, wording_for(d, options)).run());
}

std::string render_notice_text(const decision& d, const render_options& options) {
    return to_text(notice_builder(d, wording_for(d, options)).run());
}

} // namespace candour::detail
