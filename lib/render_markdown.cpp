// The reviewer's decision record (Markdown), read off the evaluated justification graph and the
// findings that index into it. It is written in sections so that the HTML page can arrange the
// same text (render_html.cpp). The requester's notice is in render_notice.cpp.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <map>
#include <cctype>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace candour::detail {
namespace {

using text::markdown;
using text::markdown_cell;

// Pieces of a line of the record, appended in place by record_writer::line (building each line
// from chains of `+` allocated a string for every piece and every join): text as it is, text
// escaped for running Markdown (md) or for a table cell (cell), and a citation as a link.
struct md {
    std::string_view text;
};
struct cell {
    std::string_view text;
};
struct link_to {
    std::string_view label, uri;
    explicit link_to(const citation& c) : label(c.label), uri(c.uri) {}
    link_to(std::string_view l, std::string_view u) : label(l), uri(u) {}
};

void put(std::string& out, std::string_view s) { out += s; }
void put(std::string& out, md x) { text::append_markdown(out, x.text); }
void put(std::string& out, cell x) { text::append_markdown_cell(out, x.text); }
void put(std::string& out, const link_to& x) {
    if (x.uri.empty()) return put(out, md{x.label});
    out += '[';
    put(out, md{x.label});
    out += "](";
    out += x.uri;
    out += ')';
}

std::string link(const citation& c) {
    std::string out;
    put(out, link_to(c));
    return out;
}

const char* labelled(label l) {
    switch (l) {
    case label::accepted: return "Accepted";
    case label::rejected: return "Rejected";
    case label::undecided: return "Undecided";
    }
    return "Undecided";
}

const char* status_words(argument_status s) {
    switch (s) {
    case argument_status::applicable: return "counts";
    case argument_status::premise_rejected: return "does not count: a premise is not accepted";
    case argument_status::undercut: return "does not count: an exception holds";
    case argument_status::pending: return "undecided: a premise or exception is undecided";
    }
    return "";
}

const char* outcome_words(request_outcome o) {
    switch (o) {
    case request_outcome::full_disclosure: return "Full disclosure";
    case request_outcome::partial_disclosure: return "Partial disclosure";
    case request_outcome::refusal: return "Refusal";
    case request_outcome::neither_confirm_nor_deny: return "Neither confirm nor deny";
    case request_outcome::not_held: return "Information not held";
    case request_outcome::undecided: return "Undecided: a reviewer must resolve the open statements";
    }
    return "";
}

const char* item_outcome_words(item_outcome o) {
    switch (o) {
    case item_outcome::disclose: return "disclose";
    case item_outcome::withhold: return "withhold";
    case item_outcome::neither_confirm_nor_deny: return "neither confirm nor deny";
    case item_outcome::not_held: return "not held";
    case item_outcome::undecided: return "undecided";
    }
    return "";
}

class record_writer {
public:
    explicit record_writer(const decision& d) : d_(d), g_(d.graph), c_(*d.source), reg_(d.governing_regime()) {
        for (const auto& cl : c_.claims) claim_by_id_.emplace(cl.id, &cl); // once: schedules have many claims
    }

    std::vector<record_section> run() {
        header();
        assumptions();
        items();
        for (const auto& f : d_.claims) claim_section(f);
        for (const auto& a : d_.alternatives) alternative_section(a);
        for (const auto& a : d_.aggregates) aggregate_section(a);
        counterfactuals();
        flags();
        deadline();
        appendix();
        return std::move(sections_);
    }

    std::string item_reasoning(const item_finding& f) {
        sections_.push_back({});
        if (f.ncnd) statement_block(*f.ncnd);
        statement_block(f.exempt);
        statement_block(f.disclose);
        return std::move(sections_.back().markdown);
    }

private:
    // Appends one line, piece by piece (see put()).
    template <class... Pieces>
    void line(const Pieces&... pieces) {
        auto& out = sections_.back().markdown;
        (put(out, pieces), ...);
        out += '\n';
    }

    // The historical-record limit as it stood on the decision date: the limit's own rule in the
    // words the record has always used, or the phase (SI 2012/3029; FOISA before 1 April 2014), the
    // table or the death rule that applied.
    std::string history_words(const historical_limit& h) const {
        const historical_rule& rule = h.on(d_.decision_date);
        const auto* phase = h.phase_on(d_.decision_date);
        std::string s = phase ? "Historical-record limit on the decision date: " : "Historical-record limit: ";
        s += std::to_string(rule.years) + " years";
        if (rule.counts_from == history_start::creation_date) s += " from the date the record was created";
        if (!rule.schedule.empty())
            s += " (for records created from " + std::to_string(rule.schedule.front().created) + " to " +
                 std::to_string(rule.schedule.back().created) + ", the year the transitional table gives)";
        if (rule.after_death_years > 0)
            s += ", or if later " + std::to_string(rule.after_death_years) + " years from the relevant death";
        s += " (" + link(rule.source) + ")";
        if (phase) {
            s += ", the rule for decisions";
            if (phase->from) s += " from " + phase->from->long_form();
            if (phase->to) s += " to " + phase->to->long_form();
            if (!phase->verified) s += " (*not verified: " + markdown(phase->note) + "*)";
        }
        return s + ".";
    }

    // Claims this one is pleaded in the alternative to (either side may say so), and the regimes
    // its provision routes the information to.
    void alternatives_and_routes(const claim_finding& f) {
        const claim& cl = *claim_by_id_.at(f.claim_id);
        std::vector<std::string> alt;
        for (const auto& other : c_.claims) {
            if (other.id == cl.id) continue;
            const bool named = std::find(cl.in_the_alternative_to.begin(), cl.in_the_alternative_to.end(), other.id) !=
                                   cl.in_the_alternative_to.end() ||
                               std::find(other.in_the_alternative_to.begin(), other.in_the_alternative_to.end(), cl.id) !=
                                   other.in_the_alternative_to.end();
            if (named) alt.push_back("claim " + markdown(other.id) + " (" + other.provision + ")");
        }
        if (!alt.empty()) {
            // Where the provisions cannot both apply, the section of that name below gives the
            // authority and which claim holds; here it is only pointed to.
            const std::size_t at = static_cast<std::size_t>(&f - d_.claims.data());
            const bool masked = std::any_of(d_.alternatives.begin(), d_.alternatives.end(), [&](const alternative_finding& a) {
                return std::find(a.findings.begin(), a.findings.end(), at) != a.findings.end();
            });
            line("**Pleaded in the alternative** to " + text::join_and(alt) +
                 (masked ? ": the authority relies on one or the other for the same information (see \"Pleaded in the "
                           "alternative\" below)."
                         : ": the authority relies on one or the other for the same information and need not say which "
                           "(FCDO v IC [2021] UKUT 248 (AAC)).") +
                 " Subsidiarity and mutual exclusivity are still applied below; review flags F117 and F122 are not raised "
                 "between these claims.");
            line();
        }
        for (const auto& r : d_.routes) {
            if (r.claim_id != f.claim_id || r.items != f.items) continue;
            const auto* target = d_.rules.find_regime(r.regime);
            std::string where = target ? "the " + markdown(target->title) + " (" + r.regime + ")" : r.regime;
            if (!r.target_provision.empty()) where += ", " + r.target_provision;
            const std::string who = (r.items.size() == 1 ? "item " : "items ") + text::join_and(r.items);
            line(r.routed ? "**Routed to another regime.** " + r.provision_id + " is engaged for " + who +
                                ", so the request for that information falls to be handled under " + where + "."
                          : "**Not routed.** " + r.provision_id + " is not shown to be engaged for " + who +
                                ", so this claim does not take the information to " + where + ".");
            line();
        }
    }

    void begin(record_section::kind k, std::string anchor, std::string title) {
        std::string id;
        for (char c : anchor) id += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
        std::string unique = id;
        for (int n = 2; std::any_of(sections_.begin(), sections_.end(), [&](const auto& s) { return s.anchor == unique; }); ++n)
            unique = id + "-" + std::to_string(n);
        sections_.push_back({k, std::move(unique), std::move(title), {}});
    }

    void header() {
        std::size_t disclosed = 0, withheld = 0, other = 0;
        for (const auto& i : d_.items) {
            if (i.outcome == item_outcome::disclose) ++disclosed;
            else if (i.outcome == item_outcome::withhold) ++withheld;
            else ++other;
        }
        const std::string title = "Decision record: " + (c_.title.empty() ? c_.id : c_.title);
        begin(record_section::kind::header, "summary", title);
        line("# Decision record: " + markdown(c_.title.empty() ? c_.id : c_.title));
        line();
        line("| | |");
        line("|---|---|");
        line("| Case | `", c_.id, "` |");
        line("| Regime | ", link_to(reg_.title, reg_.uri), " (", md{reg_.short_title}, ") |");
        if (!c_.authority.name.empty()) line("| Authority | ", cell{c_.authority.name}, " |");
        line("| Request received | " + c_.request.received.long_form() + " |");
        if (d_.deadline)
            line("| Statutory deadline | " + d_.deadline->due.long_form() + " (" + std::to_string(d_.deadline->period) +
                 (d_.deadline->days == day_count::working ? " working days, " : " days, ") + link(d_.deadline->source) + ") |");
        line("| Assessed as at | " + d_.decision_date.long_form() + ", " + markdown_cell(d_.decision_date_basis) + " |");
        std::string summary = std::string("**") + outcome_words(d_.outcome) + "**: " + std::to_string(disclosed) + " of " +
                              std::to_string(d_.items.size()) + " items to be disclosed, " + std::to_string(withheld) + " withheld";
        if (other) summary += ", " + std::to_string(other) + " other";
        line("| Outcome | " + summary + " |");
        line("| Review flags | " + std::to_string(d_.flags.size()) + " |");
        // FOIA s.39: environmental information falls to be dealt with under the EIR 2004.
        std::map<std::string, std::vector<std::string>> routed; // regime -> items, in case order
        for (const auto& r : d_.routes)
            if (r.routed)
                for (const auto& i : r.items)
                    if (auto& v = routed[r.regime]; std::find(v.begin(), v.end(), i) == v.end()) v.push_back(i);
        for (const auto& [regime, items] : routed) {
            const auto* target = d_.rules.find_regime(regime);
            line("| Handled under | " + (target ? link({source_kind::legislation, target->title, target->uri}) : markdown_cell(regime)) +
                 " for " + (items.size() == 1 ? "item " : "items ") + markdown_cell(text::join_and(items)) +
                 ": the request for that information falls to be handled under that regime, not this one |");
        }
        line();
    }

    void assumptions() {
        if (c_.assumptions.empty()) return;
        begin(record_section::kind::assumptions, "assumptions", "Assumptions made in encoding the case");
        line("## Assumptions made in encoding the case");
        line();
        for (const auto& a : c_.assumptions) line("- ", md{a});
        line();
    }

    void items() {
        begin(record_section::kind::items, "items", "Outcome by item");
        line("## Outcome by item");
        line();
        line("| Item | Description | Outcome | Under |");
        line("|---|---|---|---|");
        for (const auto& f : d_.items) {
            const item* it = &d_.item_of(f);
            line("| ", cell{f.item_id}, " | ", cell{it->description}, " | ", item_outcome_words(f.outcome), " | ",
                 text::join_and(f.provisions), " |");
        }
        line();
    }

    // A statement with its label, then each argument for and against it, with its premises.
    void statement_block(statement_id id) {
        const auto& s = g_.at(id);
        line("- **", labelled(g_.label_of(id)), ".** ", md{s.text}, " `", s.key, "`");
        for (auto side : {direction::pro, direction::con}) {
            for (auto a_id : side == direction::pro ? s.pro : s.con) {
                const auto& a = g_.argument_at(a_id);
                std::string_view reason = a.text;
                while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.remove_suffix(1);
                line("  - *", side == direction::pro ? "For" : "Against", "* (", status_words(g_.status_of(a_id)), "): ",
                     md{reason}, ". Source: ", link_to(*a.source), ".");
                for (auto p : a.premises)
                    line("    - premise: ", md{g_.at(p).text}, ": *", to_string(g_.label_of(p)), g_.at(p).fact ? ", fact" : "", "*");
                for (auto e : a.exceptions)
                    line("    - unless: ", md{g_.at(e).text}, ": *", to_string(g_.label_of(e)), g_.at(e).fact ? ", fact" : "", "*");
            }
        }
    }

    void claim_section(const claim_finding& f) {
        const auto& p = d_.rules.get_provision(reg_.id, f.provision_id);
        const std::string title = "Claim " + f.claim_id + ": " + p.id + " for " + (f.items.size() == 1 ? "item " : "items ") +
                                  text::join_and(f.items);
        const auto& key = g_.at(f.applicable).key;
        begin(record_section::kind::claim, "claim-" + std::string(key.substr(0, key.find('/'))), title);
        line("## Claim " + markdown(f.claim_id) + ": " + p.id + " for " + (f.items.size() == 1 ? "item " : "items ") +
             text::join_and(f.items));
        line();
        std::string about = "**Provision.** " + link({source_kind::legislation, p.citation_text, p.uri}) + ": *" +
                            markdown(p.title) + "*. " + text::capitalise(to_string(p.status)) + " exemption; " +
                            (p.test == engagement_test::prejudice ? "prejudice-based" : std::string(to_string(p.test)) + " test") + ".";
        if (!p.subsidiary_to.empty())
            about += (f.neither_confirm_nor_deny ? " Applies only where the duty to confirm or deny does not already fall away under "
                                                 : " Applies only to information not exempt under ") +
                     text::join_or(p.subsidiary_to) + ".";
        if (!p.ncnd.empty()) about += " Neither confirm nor deny: " + p.ncnd + ".";
        if (!p.exclusive_with.empty()) about += " Mutually exclusive with " + text::join_and(p.exclusive_with) + ".";
        if (!p.presumption_applies && reg_.balancing.presumption_weight > 0)
            about += " The presumption in favour of disclosure (" + markdown(reg_.balancing.presumption_factor.source.label) +
                     ") is not weighed in its public interest test.";
        if (p.history) about += " " + history_words(*p.history);
        if (!p.verified) about += " *Rule not fully verified: " + markdown(p.verification_note) + "*";
        if (f.neither_confirm_nor_deny)
            about += " **Claimed to neither confirm nor deny:** the question is whether the duty to confirm or deny "
                     "whether the information is held arises, not whether the information is released.";
        line(about);
        line();
        alternatives_and_routes(f);
        if (const claim* found = claim_by_id_.at(f.claim_id); !found->reasons_withheld.empty()) {
            const claim& cl = *found;
            std::string reasons = "**Reasons withheld from the requester.** The claim relies on ";
            if (const auto* r = d_.rules.find_provision(reg_.id, cl.reasons_withheld))
                reasons += link({source_kind::legislation, r->citation_text, r->uri}) + " (*" + markdown(r->title) + "*)";
            else reasons += markdown(cl.reasons_withheld);
            line(reasons + ": the notice says that the reasons for engaging " + p.id +
                 (p.status == exemption_status::qualified ? " and for the public interest conclusion" : "") +
                 " are not stated because stating them would itself disclose exempt information, and gives no "
                 "reasons. The reasoning below is for the reviewer only.");
            line();
        }
        line(std::string("### 1. Applicability: ") + to_string(g_.label_of(f.applicable)));
        line();
        statement_block(f.applicable);
        line();
        line(std::string("### 2. Engagement: ") + to_string(g_.label_of(f.engaged)));
        line();
        if (f.threshold_rule) statement_block(*f.threshold_rule);
        for (auto s : f.limbs) statement_block(s);
        statement_block(f.engaged);
        if (!f.evidence_grade.empty()) {
            if (const auto* ev = reg_.find_evidence_grade(f.evidence_grade))
                line("\nEvidence of the prejudice is graded *" + ev->id + "*: " + markdown(ev->meaning) + ".");
        }
        line();
        if (f.public_interest) public_interest(f, *f.public_interest);
        else if (p.status == exemption_status::absolute) {
            line("### 3. Public interest test: not applicable");
            line();
            // Cited as the evaluator cited the rule (FOIA s.2(2)(a)), not the balancing test (s.2(2)(b)).
            const auto& rule = g_.at(f.exempt).pro;
            const citation why = rule.empty() ? citation{source_kind::legislation, p.citation_text, p.uri}
                                              : *g_.argument_at(rule.front()).source;
            line(p.id + " is an absolute exemption, so no public interest test applies (" + link(why) + ").");
            line();
        }
        line("### 4. Conclusion: " + std::string(to_string(g_.label_of(f.exempt))));
        line();
        statement_block(f.exempt);
        line();
    }

    void public_interest(const claim_finding& f, statement_id pit) {
        const auto l = g_.label_of(pit);
        line("### 3. Public interest test: " + std::string(to_string(l)) +
             (not_reached(pit)        ? ", not reached"
              : l == label::accepted ? ", maintain the exemption"
              : l == label::rejected ? ", disclose"
                                     : ""));
        line();
        // A neither-confirm-nor-deny claim has its own test (FOIA s.2(1)(b)).
        const bool ncnd = f.neither_confirm_nor_deny && !reg_.balancing.ncnd_test.empty();
        const std::string& test = ncnd ? reg_.balancing.ncnd_test : reg_.balancing.test;
        const citation& test_source = ncnd ? reg_.balancing.ncnd_source.value_or(reg_.balancing.source) : reg_.balancing.source;
        line("Test: " + markdown(test) + " (" + link(test_source) + "). A tie goes to " +
             (reg_.balancing.tie == tie_rule::disclose ? "disclosure" : "withholding") + ".");
        line();
        line("| Side | Factor | Weight | Adjusted | Adjustments | Counted | Source |");
        line("|---|---|---|---|---|---|---|");
        for (const auto& a : f.factors) {
            const auto st = g_.status_of(a.argument);
            const char* counted = a.set_aside                         ? "no: set aside as irrelevant"
                                  : st == argument_status::applicable ? "yes"
                                                                      : "no";
            line("| ", to_string(a.source_factor->side), " | ", cell{a.source_factor->description}, " | ",
                 cell{a.source_factor->weight}, " (", text::number(a.base_weight), ") | ", text::number(a.weight), " | ",
                 cell{text::join_and(a.adjustments)}, " | ", counted, " | ", link_to(*g_.argument_at(a.argument).source), " |");
        }
        line();
        line(balance(pit, ncnd ? "the exclusion of the duty to confirm or deny" : "the exemption", ncnd, test_source));
        line();
        std::vector<std::string> scale;
        for (const auto& w : reg_.weights) scale.push_back(w.name + " " + text::number(w.value));
        line("*Weights are ordinal (" + markdown(text::join_and(scale)) +
             "); the multipliers for likelihood and evidence are candour's calibration, declared in the " +
             markdown(reg_.short_title) + " rulebook. The law says only that a likelier, better-evidenced harm weighs more.*");
        line();
        for (const auto& a : f.factors) {
            if (!a.set_aside) continue;
            line("- Set aside: \"", md{a.source_factor->description}, "\": ", md{a.set_aside_reason}, " (",
                 link_to(a.set_aside_source), ").");
        }
    }

    // True when the test has considerations and every one rests on a premise that is not accepted
    // (the exemption is not engaged): the balance is not reached, and 0 against 0 is no tie.
    bool not_reached(statement_id pit) const {
        const auto& s = g_.at(pit);
        if (s.pro.empty() && s.con.empty()) return false;
        for (const auto* side : {&s.pro, &s.con})
            for (auto a : *side)
                if (g_.status_of(a) != argument_status::premise_rejected) return false;
        return true;
    }

    // The balance of one public interest test in words. A tie is detected as the engine detects it
    // (within rounding) and described by the regime's own tie rule, which may go either way, with
    // the test's own source (s.2(1)(b) for the duty to confirm or deny, s.2(2)(b) otherwise).
    std::string balance(statement_id pit, const std::string& maintained, bool ncnd, const citation& source) const {
        const auto l = g_.label_of(pit);
        const double maintain = g_.weight_of(pit, direction::pro), disclose = g_.weight_of(pit, direction::con);
        const bool to_disclosure = reg_.balancing.tie == tie_rule::disclose;
        const bool tie = std::abs(maintain - disclose) <= 1e-9 * std::max({1.0, std::abs(maintain), std::abs(disclose)}) &&
                         l == (to_disclosure ? label::rejected : label::accepted);
        const std::string in_maintaining = "the public interest in maintaining " + maintained;
        const std::string in_disclosure = ncnd ? "the public interest in confirming or denying whether the information is held"
                                               : "the public interest in disclosure";
        std::string s = "**Balance.** Maintaining " + maintained + " " + text::number(maintain) + ", " +
                        (ncnd ? "confirming or denying " : "disclosure ") + text::number(disclose) + ": ";
        if (l == label::undecided) return s + "undecided, because a premise is undecided.";
        if (not_reached(pit))
            return "**Balance.** Not reached: no consideration on either side counts, because each rests on a premise that "
                   "is not accepted, so there is nothing to weigh.";
        // The side an even balance goes to, named as the test names the two sides.
        const std::string tie_side = to_disclosure ? (ncnd ? "confirming or denying" : "disclosure") : "maintaining " + maintained;
        if (tie) return s + "the two are equal, and the regime's tie rule gives an even balance to " + tie_side + " (" + link(source) + ").";
        s += in_maintaining + (l == label::accepted ? " outweighs " : " does not outweigh ") + in_disclosure;
        return s + ". Had the two been equal, the regime's tie rule would have given the balance to " + tie_side + " (" +
               link(source) + ").";
    }

    void flags() {
        begin(record_section::kind::flags, "flags", "Review flags");
        line("## Review flags");
        line();
        if (d_.flags.empty()) {
            line("None.");
            line();
            return;
        }
        line("| Code | Severity | Finding | Rests on | Where |");
        line("|---|---|---|---|---|");
        for (const auto& f : d_.flags)
            line("| ", f.code, " ", f.name, " | ", to_string(f.level), " | ", cell{f.message}, " | ", link_to(f.source), " | ",
                 cell{to_string(f.where)}, " |");
        line();
    }

    // Claims pleaded in the alternative that the notice cites together: which they are, why they
    // cannot both apply, and which of them holds, which the notice keeps back.
    void alternative_section(const alternative_finding& a) {
        std::vector<const provision*> rules;
        std::vector<std::string> named;
        for (const auto& id : a.claims) {
            const claim& cl = *claim_by_id_.at(id);
            rules.push_back(&d_.rules.get_provision(reg_.id, cl.provision));
            named.push_back("claim " + markdown(id) + " (" + cl.provision + ")");
        }
        std::string cited; // "s.23(1) or, in the alternative, s.24(1)", as the notice puts it
        for (std::size_t i = 0; i < rules.size(); ++i)
            cited += (i == 0 ? "" : i + 1 == rules.size() ? " or, in the alternative, " : ", ") + rules[i]->id;
        // What makes them exclusive, as the rulebook says it.
        std::vector<std::string> why;
        const auto names = [](const std::vector<std::string>& ids, const std::string& id) {
            return std::find(ids.begin(), ids.end(), id) != ids.end();
        };
        for (std::size_t i = 0; i < rules.size(); ++i)
            for (std::size_t j = 0; j < rules.size(); ++j) {
                const provision& p = *rules[i];
                const provision& q = *rules[j];
                if (names(p.subsidiary_to, q.id)) why.push_back(p.id + " applies only to information not exempt under " + q.id);
                else if (i < j && (names(p.exclusive_with, q.id) || names(q.exclusive_with, p.id)))
                    why.push_back(p.id + " and " + q.id + " are mutually exclusive");
            }
        const std::string who = (a.items.size() == 1 ? "item " : "items ") + text::join_and(a.items);
        std::vector<std::string> ids;
        for (const auto* p : rules) ids.push_back(p->id);
        const std::string title = "Pleaded in the alternative: " + text::join_or(ids) + " for " + who;
        begin(record_section::kind::claim, "alternatives-" + std::to_string(&a - d_.alternatives.data() + 1), title);
        line("## " + markdown(title));
        line();
        std::string about = text::capitalise(text::join_and(named)) + " are pleaded in the alternative for " + markdown(who) +
                            ", under provisions that cannot both apply to the same information";
        if (!why.empty()) about += ": " + text::join_and(why);
        line(about + ". The requester's notice cites them together (\"" + cited +
             "\") and does not say which of them applies, or why (FCDO v IC [2021] UKUT 248 (AAC)).");
        line();
        if (a.holding.empty()) {
            line("**Holds here:** none of them on its own, so the notice has no section citing them together.");
        } else {
            std::vector<std::string> holding;
            for (const auto& id : a.holding) holding.push_back("claim " + markdown(id) + " (" + claim_by_id_.at(id)->provision + ")");
            line("**Holds here:** " + text::join_and(holding) + ". The notice does not say so; this is for the reviewer only.");
        }
        line();
    }

    // Several engaged qualified exemptions weighed together (cumulative balancing).
    void aggregate_section(const aggregate_finding& a) {
        std::vector<std::string> provisions;
        for (const auto& id : a.claims) provisions.push_back(claim_by_id_.at(id)->provision);
        const std::string title = "Weighed together: " + text::join_and(provisions) + " for " +
                                  (a.items.size() == 1 ? "item " : "items ") + text::join_and(a.items);
        const auto& key = g_.at(a.exempt).key;
        begin(record_section::kind::claim, "together-" + std::to_string(&a - d_.aggregates.data() + 1), title);
        line("## " + markdown(title));
        line();
        std::string why = "Claims " + markdown(text::join_and(a.claims)) + " rely on qualified exemptions engaged for the same "
                          "information, so the public interest in maintaining them is also weighed together";
        if (reg_.balancing.aggregation_authority) why += " (" + link(*reg_.balancing.aggregation_authority) + ")";
        line(why + ". Each exemption's own balance above still stands; the information is exempt if either succeeds. "
                   "A consideration for disclosure argued under several exemptions counts once. `" + std::string(key) + "`");
        line();
        const auto pit = a.public_interest;
        const auto l = g_.label_of(pit);
        line(std::string("### Public interest, taken together: ") + to_string(l) +
             (not_reached(pit)        ? ", not reached"
              : l == label::accepted ? ", maintain the exemptions"
              : l == label::rejected ? ", disclose"
                                     : ""));
        line();
        line("| Side | Factor | Adjusted | Counted | Source |");
        line("|---|---|---|---|---|");
        for (auto side : {direction::pro, direction::con})
            for (auto id : side == direction::pro ? g_.at(pit).pro : g_.at(pit).con) {
                const auto& arg = g_.argument_at(id);
                line("| ", side == direction::pro ? "maintain" : "disclose", " | ", cell{arg.text}, " | ", text::number(arg.weight),
                     " | ", g_.status_of(id) == argument_status::applicable ? "yes" : "no", " | ", link_to(*arg.source), " |");
            }
        line();
        line(balance(pit, "the exemptions", false, reg_.balancing.source));
        line();
        line(std::string("### Conclusion: ") + to_string(g_.label_of(a.exempt)));
        line();
        statement_block(a.exempt);
        line();
    }

    // The smallest single changes to the case that would flip a finding.
    void counterfactuals() {
        if (d_.counterfactuals.empty()) return;
        begin(record_section::kind::counterfactuals, "counterfactuals", "What would change the outcome");
        line("## What would change the outcome");
        line();
        line("Each line is one change to the case, on its own, that would flip the finding named; the balance is "
             "recomputed with the regime's own test and tie rule. Changes that flip nothing are not listed.");
        line();
        for (const auto& c : d_.counterfactuals)
            line("- Claim ", md{c.claim_id}, ", `", g_.at(c.finding).key, "` (", to_string(c.now), ", would be ",
                 to_string(c.would_be), "): ", md{c.description}, ". *", md{c.kind}, ": ", md{c.from}, " \xE2\x86\x92 ", md{c.to},
                 "*");
        line();
    }

    void deadline() {
        if (!d_.deadline) return;
        const auto& dl = *d_.deadline;
        begin(record_section::kind::deadline, "deadline", "Time for compliance");
        line("## Time for compliance");
        line();
        line("- Received: " + dl.received.long_form() + ".");
        if (dl.days == day_count::working)
            line("- Deadline: " + dl.due.long_form() + ", " + std::to_string(dl.period) + " working days after receipt (" +
                 link(dl.source) + "), counted on the `" + dl.calendar + "` calendar.");
        else
            line("- Deadline: " + dl.due.long_form() + ", " + std::to_string(dl.period) + " days after receipt (" +
                 link(dl.source) + ").");
        if (!dl.calendar_covers)
            line("- *The calendar has no holiday data for these dates: weekends alone were excluded.*");
        if (dl.sent)
            line("- Sent: " + dl.sent->long_form() +
                 (dl.days_late ? ", " + std::to_string(*dl.days_late) +
                                     (dl.days == day_count::working ? " working days late." : " days late.")
                               : ", in time."));
        else line("- Sent: the date is not recorded.");
        if (dl.extended_to)
            line("- Extension claimed by the authority: to " + dl.extended_to->long_form() +
                 (dl.extension_counts ? " (it counts: a qualified exemption is engaged)."
                                      : " (it does not count: no qualified exemption is engaged)."));
        if (!reg_.deadline.extension_note.empty()) line("- Extension: " + markdown(reg_.deadline.extension_note));
        line();
    }

    void appendix() {
        begin(record_section::kind::appendix, "graph", "Appendix: the justification graph");
        line("## Appendix: the justification graph");
        line();
        line(std::to_string(g_.statements().size()) + " statements and " + std::to_string(g_.arguments().size()) +
             " arguments, listed premises first. Every conclusion above is one of these statements; `candour evaluate --format dot` draws them.");
        line();
        for (auto id : reasoning_order(g_)) {
            const auto& s = g_.at(id);
            line("- `", s.key, "` *", to_string(g_.label_of(id)), s.fact ? ", fact" : "", "*: ", md{s.text});
        }
    }

    const decision& d_;
    const argument_graph& g_;
    const disclosure_case& c_;
    std::unordered_map<std::string_view, const claim*> claim_by_id_;
    const regime& reg_;
    std::vector<record_section> sections_;
};

} // namespace

std::vector<record_section> record_sections(const decision& d) { return record_writer(d).run(); }

std::string record_item_reasoning(const decision& d, const item_finding& f) { return record_writer(d).item_reasoning(f); }

std::string render_record(const decision& d) {
    const auto sections = record_sections(d);
    std::size_t size = 0;
    for (const auto& s : sections) size += s.markdown.size();
    std::string out;
    out.reserve(size);
    for (const auto& s : sections) out += s.markdown;
    return out;
}

} // namespace candour::detail
