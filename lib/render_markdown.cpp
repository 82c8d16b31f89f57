// Markdown outputs: the reviewer's decision record and the requester's notice. Both are read
// off the evaluated justification graph and the findings that index into it.

#include "render_parts.hpp"
#include "text_util.hpp"

#include <algorithm>
#include <set>

namespace candour::detail {
namespace {

using text::markdown;
using text::markdown_cell;

std::string link(const citation& c) {
    if (c.uri.empty()) return markdown(c.label);
    return "[" + markdown(c.label) + "](" + c.uri + ")";
}

std::string labelled(label l) {
    switch (l) {
    case label::accepted: return "Accepted";
    case label::rejected: return "Rejected";
    case label::undecided: return "Undecided";
    }
    return "Undecided";
}

std::string status_words(argument_status s) {
    switch (s) {
    case argument_status::applicable: return "counts";
    case argument_status::premise_rejected: return "does not count: a premise is not accepted";
    case argument_status::undercut: return "does not count: an exception holds";
    case argument_status::pending: return "undecided: a premise or exception is undecided";
    }
    return "";
}

std::string outcome_words(request_outcome o) {
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

std::string item_outcome_words(item_outcome o) {
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
    explicit record_writer(const decision& d) : d_(d), g_(d.graph), c_(*d.source), reg_(d.governing_regime()) {}

    std::string run() {
        header();
        assumptions();
        items();
        for (const auto& f : d_.claims) claim_section(f);
        flags();
        deadline();
        appendix();
        return out_;
    }

private:
    void line(const std::string& s = {}) { out_ += s + "\n"; }

    void header() {
        std::size_t disclosed = 0, withheld = 0, other = 0;
        for (const auto& i : d_.items) {
            if (i.outcome == item_outcome::disclose) ++disclosed;
            else if (i.outcome == item_outcome::withhold) ++withheld;
            else ++other;
        }
        line("# Decision record: " + markdown(c_.title.empty() ? c_.id : c_.title));
        line();
        line("| | |");
        line("|---|---|");
        line("| Case | `" + c_.id + "` |");
        line("| Regime | " + link({source_kind::legislation, reg_.title, reg_.uri}) + " (" + markdown(reg_.short_title) + ") |");
        if (!c_.authority.name.empty()) line("| Authority | " + markdown_cell(c_.authority.name) + " |");
        line("| Request received | " + c_.request.received.long_form() + " |");
        if (d_.deadline)
            line("| Statutory deadline | " + d_.deadline->due.long_form() + " (" + std::to_string(d_.deadline->period) +
                 (d_.deadline->days == day_count::working ? " working days, " : " days, ") + link(d_.deadline->source) + ") |");
        line("| Assessed as at | " + d_.decision_date.long_form() + ", " + markdown_cell(d_.decision_date_basis) + " |");
        std::string summary = "**" + outcome_words(d_.outcome) + "**: " + std::to_string(disclosed) + " of " +
                              std::to_string(d_.items.size()) + " items to be disclosed, " + std::to_string(withheld) + " withheld";
        if (other) summary += ", " + std::to_string(other) + " other";
        line("| Outcome | " + summary + " |");
        line("| Review flags | " + std::to_string(d_.flags.size()) + " |");
        line();
    }

    void assumptions() {
        if (c_.assumptions.empty()) return;
        line("## Assumptions made in encoding the case");
        line();
        for (const auto& a : c_.assumptions) line("- " + markdown(a));
        line();
    }

    void items() {
        line("## Outcome by item");
        line();
        line("| Item | Description | Outcome | Under |");
        line("|---|---|---|---|");
        for (const auto& f : d_.items) {
            const item* it = c_.find_item(f.item_id);
            line("| " + markdown_cell(f.item_id) + " | " + markdown_cell(it->description) + " | " +
                 item_outcome_words(f.outcome) + " | " + text::join_and(f.provisions) + " |");
        }
        line();
    }

    // A statement with its label, then each argument for and against it, with its premises.
    void statement_block(statement_id id) {
        const auto& s = g_.at(id);
        line("- **" + labelled(g_.label_of(id)) + ".** " + markdown(s.text) + " `" + s.key + "`");
        for (auto side : {direction::pro, direction::con}) {
            for (auto a_id : side == direction::pro ? s.pro : s.con) {
                const auto& a = g_.argument_at(a_id);
                std::string reason = a.text;
                while (!reason.empty() && (reason.back() == '.' || reason.back() == ' ')) reason.pop_back();
                line("  - *" + std::string(side == direction::pro ? "For" : "Against") + "* (" +
                     status_words(g_.status_of(a_id)) + "): " + markdown(reason) + ". Source: " + link(a.source) + ".");
                for (auto p : a.premises)
                    line("    - premise: " + markdown(g_.at(p).text) + ": *" + to_string(g_.label_of(p)) +
                         (g_.at(p).fact ? ", fact" : "") + "*");
                for (auto e : a.exceptions)
                    line("    - unless: " + markdown(g_.at(e).text) + ": *" + to_string(g_.label_of(e)) +
                         (g_.at(e).fact ? ", fact" : "") + "*");
            }
        }
    }

    void claim_section(const claim_finding& f) {
        const auto& p = d_.rules.get_provision(reg_.id, f.provision_id);
        line("## Claim " + markdown(f.claim_id) + ": " + p.id + " for " + (f.items.size() == 1 ? "item " : "items ") +
             text::join_and(f.items));
        line();
        std::string about = "**Provision.** " + link({source_kind::legislation, p.citation_text, p.uri}) + ": *" +
                            markdown(p.title) + "*. " + text::capitalise(to_string(p.status)) + " exemption; " +
                            (p.test == engagement_test::prejudice ? "prejudice-based" : std::string(to_string(p.test)) + " test") + ".";
        if (!p.subsidiary_to.empty()) about += " Applies only to information not exempt under " + text::join_or(p.subsidiary_to) + ".";
        if (!p.ncnd.empty()) about += " Neither confirm nor deny: " + p.ncnd + ".";
        if (p.history) about += " Historical-record limit: " + std::to_string(p.history->years) + " years (" + link(p.history->source) + ").";
        if (!p.verified) about += " *Rule not fully verified: " + markdown(p.verification_note) + "*";
        line(about);
        line();
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
            line(p.id + " is an absolute exemption, so no public interest test applies (" + link(reg_.balancing.source) + ").");
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
             (l == label::accepted ? ", maintain the exemption" : l == label::rejected ? ", disclose" : ""));
        line();
        line("Test: " + markdown(reg_.balancing.test) + " (" + link(reg_.balancing.source) + "). A tie goes to " +
             (reg_.balancing.tie == tie_rule::disclose ? "disclosure" : "withholding") + ".");
        line();
        line("| Side | Factor | Weight | Adjusted | Adjustments | Counted | Source |");
        line("|---|---|---|---|---|---|---|");
        for (const auto& a : f.factors) {
            const auto st = g_.status_of(a.argument);
            std::string counted = st == argument_status::applicable ? "yes" : "no";
            if (a.set_aside) counted = "no: set aside as irrelevant";
            line("| " + std::string(to_string(a.source_factor.side)) + " | " + markdown_cell(a.source_factor.description) + " | " +
                 markdown_cell(a.source_factor.weight) + " (" + text::number(a.base_weight) + ") | " + text::number(a.weight) +
                 " | " + markdown_cell(text::join_and(a.adjustments)) + " | " + counted + " | " +
                 link(g_.argument_at(a.argument).source) + " |");
        }
        line();
        const double maintain = g_.weight_of(pit, direction::pro), disclose = g_.weight_of(pit, direction::con);
        std::string verdict;
        if (l == label::accepted) verdict = "the public interest in maintaining the exemption outweighs the public interest in disclosure";
        else if (l == label::rejected)
            verdict = maintain > disclose ? "the balance favours withholding, but the regime's tie rule requires disclosure"
                                          : "the public interest in maintaining the exemption does not outweigh the public interest in disclosure";
        else verdict = "undecided, because a premise is undecided";
        line("**Balance.** Maintaining the exemption " + text::number(maintain) + ", disclosure " + text::number(disclose) + ": " +
             verdict + ". Had the two been equal, the information would have been " +
             (reg_.balancing.tie == tie_rule::disclose ? "disclosed" : "withheld") + " (" + link(reg_.balancing.source) + ").");
        line();
        std::vector<std::string> scale;
        for (const auto& w : reg_.weights) scale.push_back(w.name + " " + text::number(w.value));
        line("*Weights are ordinal (" + markdown(text::join_and(scale)) +
             "); the multipliers for likelihood and evidence are candour's calibration, declared in the " +
             markdown(reg_.short_title) + " rulebook. The law says only that a likelier, better-evidenced harm weighs more.*");
        line();
        for (const auto& a : f.factors) {
            if (!a.set_aside) continue;
            line("- Set aside: \"" + markdown(a.source_factor.description) + "\": " + markdown(a.set_aside_reason) + " (" +
                 link(a.set_aside_source) + ").");
        }
    }

    void flags() {
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
            line("| " + f.code + " " + f.name + " | " + to_string(f.level) + " | " + markdown_cell(f.message) + " | " +
                 link(f.source) + " | " + markdown_cell(to_string(f.where)) + " |");
        line();
    }

    void deadline() {
        if (!d_.deadline) return;
        const auto& dl = *d_.deadline;
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
        if (!reg_.deadline.extension_note.empty()) line("- Extension: " + markdown(reg_.deadline.extension_note));
        line();
    }

    void appendix() {
        line("## Appendix: the justification graph");
        line();
        line(std::to_string(g_.statements().size()) + " statements and " + std::to_string(g_.arguments().size()) +
             " arguments, listed premises first. Every conclusion above is one of these statements; `candour evaluate --format dot` draws them.");
        line();
        for (auto id : reasoning_order(g_)) {
            const auto& s = g_.at(id);
            line("- `" + s.key + "` *" + to_string(g_.label_of(id)) + (s.fact ? ", fact" : "") + "*: " + markdown(s.text));
        }
    }

    const decision& d_;
    const argument_graph& g_;
    const disclosure_case& c_;
    const regime& reg_;
    std::string out_;
};

class notice_writer {
public:
    explicit notice_writer(const decision& d) : d_(d), g_(d.graph), c_(*d.source), reg_(d.governing_regime()) {}

    std::string run() {
        const std::string who = c_.authority.name.empty() ? "the authority" : c_.authority.name;
        line("# Response to your request for information");
        line();
        line("**From:** " + markdown(who) + "  ");
        line("**Law:** " + markdown(reg_.title));
        line();
        line("Thank you for your request, which we received on " + c_.request.received.long_form() + ". You asked:");
        line();
        for (const auto& l : split_lines(c_.request.wording)) line("> " + markdown(l));
        line();
        line("We have dealt with your request under the " + markdown(reg_.title) + ".");
        if (d_.deadline && late())
            line("We are sorry that we did not reply within the time the law allows, which ended on " +
                 d_.deadline->due.long_form() + ".");
        line();
        released();
        withheld();
        rights();
        return out_;
    }

private:
    void line(const std::string& s = {}) { out_ += s + "\n"; }

    static std::vector<std::string> split_lines(const std::string& s) {
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

    bool late() const {
        const auto& dl = *d_.deadline;
        return dl.days_late.has_value() || (!dl.sent && c_.notice && c_.notice->acknowledges_delay);
    }

    void released() {
        std::vector<const item*> out, not_held;
        for (const auto& f : d_.items) {
            if (f.outcome == item_outcome::disclose) out.push_back(c_.find_item(f.item_id));
            if (f.outcome == item_outcome::not_held) not_held.push_back(c_.find_item(f.item_id));
        }
        line("## The information we are releasing");
        line();
        if (out.empty()) line("We are not releasing any of the information you asked for.");
        else {
            line("We hold information within the scope of your request. We are releasing the following:");
            line();
            for (const auto* it : out) line("- " + markdown(it->description));
        }
        line();
        if (!not_held.empty()) {
            line("We do not hold the following information:");
            line();
            for (const auto* it : not_held) line("- " + markdown(it->description));
            line();
        }
    }

    void withheld() {
        bool any = false;
        for (const auto& f : d_.items) any = any || f.outcome == item_outcome::withhold;
        if (!any) return;
        line("## The information we are withholding");
        line();
        // One section per provision relied on, in the order of the claims.
        std::set<std::string> done;
        for (const auto& f : d_.claims) {
            if (g_.label_of(f.exempt) != label::accepted || !done.insert(f.claim_id + "\x1f" + f.provision_id).second) continue;
            exemption(f);
        }
    }

    void exemption(const claim_finding& f) {
        const auto& p = d_.rules.get_provision(reg_.id, f.provision_id);
        const claim* cl = nullptr;
        for (const auto& x : c_.claims) if (x.id == f.claim_id) cl = &x;
        std::vector<std::string> what;
        for (const auto& id : f.items) what.push_back(c_.find_item(id)->description);
        line("We are withholding the following information:");
        line();
        for (const auto& w : what) line("- " + markdown(w));
        line();
        line("This information is exempt under " + section_words(p) + " of the " + markdown(reg_.title) + " (" +
             markdown(p.title) + "). This notice is our refusal notice for that information.");
        line();
        if (!p.text.empty()) {
            line("### What the law says");
            line();
            line("> " + markdown(p.text));
            line();
        }
        line("### Why the exemption applies");
        line();
        if (p.test == engagement_test::prejudice) {
            const auto* th = reg_.find_threshold(f.threshold_applied);
            if (th)
                line("We consider that disclosing this information " + th->phrase + " prejudice " + markdown(p.protected_interest) +
                     ". By \"" + th->phrase + "\" we mean " + markdown(th->meaning) + ".");
            if (cl && !cl->harm.empty()) { line(); line(markdown(cl->harm)); }
            if (cl && !cl->causal_chain.empty()) { line(); line(markdown(cl->causal_chain)); }
        } else if (cl) {
            for (const auto& fact : cl->class_facts) { line(markdown(fact)); line(); }
        }
        line();
        if (f.public_interest) {
            line("### The public interest test");
            line();
            line(text::capitalise(section_words(p)) + " is a qualified exemption. We must therefore decide whether, in all the "
                 "circumstances of the case, " + markdown(reg_.balancing.test) + " (" + markdown(reg_.balancing.source.label) +
                 "). If the two are evenly balanced, the information must be " +
                 (reg_.balancing.tie == tie_rule::disclose ? "released" : "withheld") + ".");
            line();
            factors(f, pi_side::disclose, "In favour of disclosure we took into account:");
            factors(f, pi_side::maintain, "In favour of maintaining the exemption we took into account:");
            const auto l = g_.label_of(*f.public_interest);
            if (l == label::accepted)
                line("Having weighed these considerations, we have concluded that the public interest in maintaining the "
                     "exemption outweighs the public interest in disclosing the information.");
            line();
        }
    }

    void factors(const claim_finding& f, pi_side side, const std::string& intro) {
        std::vector<std::string> lines;
        for (const auto& a : f.factors) {
            if (a.source_factor.side != side || a.set_aside) continue;
            lines.push_back("- " + markdown(a.source_factor.description));
        }
        if (lines.empty()) return;
        line(intro);
        line();
        for (const auto& l : lines) line(l);
        line();
    }

    static std::string section_words(const provision& p) {
        // "s.31(1)(a)" -> "section 31(1)(a)"
        if (p.id.rfind("s.", 0) == 0) return "section " + p.id.substr(2);
        if (p.id.rfind("reg.", 0) == 0) return "regulation " + p.id.substr(4);
        return p.id;
    }

    void rights() {
        line("## Your right to ask for a review and to complain");
        line();
        std::string review = "If you are unhappy with how we have dealt with your request, you may ask us for " +
                             markdown(reg_.complaints.review.empty() ? std::string("an internal review") : reg_.complaints.review) + ".";
        if (!c_.authority.review_contact.empty()) review += " Please write to " + markdown(c_.authority.review_contact) + ".";
        else if (!c_.authority.address.empty()) review += " Please write to " + markdown(c_.authority.address) + ".";
        line(review);
        line();
        std::string complain = "If you are still unhappy after the internal review, you have the right to complain to " +
                               markdown(reg_.complaints.regulator) + " under " + markdown(reg_.complaints.right.label) + ".";
        if (!reg_.complaints.regulator_uri.empty()) complain += " You can do so at <" + reg_.complaints.regulator_uri + ">.";
        line(complain);
    }

    const decision& d_;
    const argument_graph& g_;
    const disclosure_case& c_;
    const regime& reg_;
    std::string out_;
};

} // namespace

std::string render_record(const decision& d) { return record_writer(d).run(); }
std::string render_notice(const decision& d) { return notice_writer(d).run(); }

} // namespace candour::detail
