// The FOI evaluator: builds the justification graph for a case, in the order the law takes it,
// lets the engine label it, and reads the outcomes, flags and deadline off the result.
// docs/reasoning.md describes every statement and argument created here.

#include "case_checks.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>
#include <candour/evaluate.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace candour {
namespace {

citation legislation(const provision& p) { return {source_kind::legislation, p.citation_text, p.uri}; }
citation case_fact(std::string label) { return {source_kind::case_fact, std::move(label), {}}; }

// One claim applied to the items that share the facts that matter for it.
struct claim_group {
    const claim* source = nullptr;
    const provision* rule = nullptr;
    std::vector<const item*> items;
    std::string key;         // statement key prefix
    bool history_passed = false;
    std::size_t finding = 0; // index in decision::claims
    statement_id applicable = 0, engaged = 0, exempt = 0;
};

class evaluator {
public:
    evaluator(const rulebook& rules, std::shared_ptr<const disclosure_case> c, const evaluation_options& options)
        : rules_(rules), case_(*c), reg_(rules.get_regime(c->regime)), options_(options) {
        d_.rules = rules;
        d_.source = std::move(c);
    }

    decision run() {
        compute_deadline();
        choose_decision_date();
        form_groups();
        for (auto& g : groups_) add_group_statements(g);
        for (auto& g : groups_) add_displacement(g);
        add_items();
        add_notice_facts();
        d_.graph.evaluate();
        read_outcomes();
        review_claims();
        review_notice();
        return std::move(d_);
    }

private:
    statement_id fact(std::string key, std::string text, bool holds) {
        statement s;
        s.key = std::move(key);
        s.text = std::move(text);
        s.fact = holds ? label::accepted : label::rejected;
        return d_.graph.add_statement(std::move(s));
    }
    statement_id derived(std::string key, std::string text, proof_standard standard = proof_standard::scintilla()) {
        statement s;
        s.key = std::move(key);
        s.text = std::move(text);
        s.standard = standard;
        return d_.graph.add_statement(std::move(s));
    }
    argument_id argue(std::string key, std::string text, statement_id conclusion, direction dir,
                      std::vector<statement_id> premises, std::vector<statement_id> exceptions, double weight,
                      citation source) {
        argument a;
        a.key = std::move(key);
        a.text = std::move(text);
        a.conclusion = conclusion;
        a.dir = dir;
        a.premises = std::move(premises);
        a.exceptions = std::move(exceptions);
        a.weight = weight;
        a.source = std::move(source);
        return d_.graph.add_argument(std::move(a));
    }

    void compute_deadline() {
        const auto& limit = reg_.deadline;
        deadline_finding f;
        f.received = case_.request.received;
        f.period = limit.period;
        f.days = limit.days;
        f.source = limit.source;
        if (limit.days == day_count::working) {
            f.calendar = limit.calendar.id();
            f.due = limit.calendar.add_working_days(f.received, limit.period);
            f.calendar_covers = limit.calendar.covers(f.received) && limit.calendar.covers(f.due);
        } else {
            f.due = f.received.plus_days(limit.period);
        }
        if (case_.notice && case_.notice->sent) {
            f.sent = case_.notice->sent;
            if (*f.sent > f.due)
                f.days_late = limit.days == day_count::working
                                  ? limit.calendar.working_days_between(f.due, *f.sent)
                                  : static_cast<int>(f.sent->days() - f.due.days());
        }
        d_.deadline = f;
    }

    // Circumstances are assessed as at the refusal, within the time for compliance (Montague).
    void choose_decision_date() {
        if (options_.as_of) {
            d_.decision_date = *options_.as_of;
            d_.decision_date_basis = "the date given by the evaluation option as_of";
        } else if (case_.decision_date) {
            d_.decision_date = *case_.decision_date;
            d_.decision_date_basis = "the decision date recorded in the case";
        } else if (case_.notice && case_.notice->sent && d_.deadline && *case_.notice->sent <= d_.deadline->due) {
            d_.decision_date = *case_.notice->sent;
            d_.decision_date_basis = "the date of the refusal notice";
        } else {
            d_.decision_date = d_.deadline->due;
            d_.decision_date_basis = "the date by which the request had to be answered";
        }
    }

    bool history_passed(const item& it, const provision& p) const {
        if (!p.history || !it.created) return false;
        // s.63: the period of N years beginning with the year after the record was created.
        return d_.decision_date.year() > it.created->year() + p.history->years;
    }

    void form_groups() {
        for (const auto& cl : case_.claims) {
            const provision& p = rules_.get_provision(reg_.id, cl.provision);
            // Items that differ in a fact the rule cares about are decided apart.
            std::map<std::pair<bool, bool>, std::vector<const item*>> split;
            for (const auto& id : cl.items) {
                const item* it = case_.find_item(id);
                split[{history_passed(*it, p), it->public_domain}].push_back(it);
            }
            std::size_t n = 0;
            for (auto& [signature, items] : split) {
                claim_group g;
                g.source = &cl;
                g.rule = &p;
                g.items = std::move(items);
                g.history_passed = signature.first;
                g.key = split.size() == 1 ? cl.id : cl.id + "#" + std::to_string(++n);
                groups_.push_back(std::move(g));
            }
        }
    }

    std::string items_phrase(const claim_group& g) const {
        std::vector<std::string> ids;
        for (const auto* it : g.items) ids.push_back(it->id);
        return (ids.size() == 1 ? "item " : "items ") + text::join_and(ids);
    }

    // The lowest threshold among those named, or the regime's lowest if none was named.
    const likelihood_threshold* applied_threshold(const claim& cl) const {
        if (reg_.thresholds.empty()) return nullptr;
        if (cl.likelihood.size() == 1) return reg_.find_threshold(cl.likelihood[0]);
        for (const auto& t : reg_.thresholds) {
            if (cl.likelihood.empty() || std::find(cl.likelihood.begin(), cl.likelihood.end(), t.id) != cl.likelihood.end())
                return &t;
        }
        return &reg_.thresholds.front();
    }

    const evidence_grade* best_evidence(const claim& cl) const {
        const evidence_grade* best = nullptr;
        for (const auto& e : cl.evidence) {
            const auto* g = reg_.find_evidence_grade(e.grade);
            if (g && (!best || g->weight_multiplier > best->weight_multiplier)) best = g;
        }
        if (!best) best = reg_.find_evidence_grade("none");
        return best;
    }

    void add_group_statements(claim_group& g) {
        const provision& p = *g.rule;
        const claim& cl = *g.source;
        const std::string who = items_phrase(g);
        claim_finding f;
        f.claim_id = cl.id;
        f.provision_id = p.id;
        for (const auto* it : g.items) f.items.push_back(it->id);

        // 1. Applicability: in force, not past the historical-record limit, not displaced.
        const auto in_force = fact(g.key + "/in-force",
                                   p.id + " was in force on " + d_.decision_date.long_form(), p.in_force_on(d_.decision_date));
        std::vector<statement_id> exceptions;
        if (p.history) {
            const std::string limit = std::to_string(p.history->years) + "-year historical-record limit (" +
                                      p.history->source.label + ")";
            exceptions.push_back(fact(g.key + "/historical", "The " + limit + " has passed for " + who, g.history_passed));
        }
        if (!p.subsidiary_to.empty()) {
            displaced_[g.key] = derived(g.key + "/displaced",
                                        "The information in " + who + " is exempt information under " +
                                            text::join_or(p.subsidiary_to) + ", to which " + p.id + " is subsidiary");
            exceptions.push_back(displaced_[g.key]);
        }
        g.applicable = derived(g.key + "/applicable", p.id + " can apply to " + who);
        argue(g.key + "/applicable/rule", p.id + " applies to information of this kind while it is in force, unless an exception below holds",
              g.applicable, direction::pro, {in_force}, exceptions, 1, legislation(p));
        f.applicable = g.applicable;

        // 2. Engagement.
        std::vector<statement_id> limbs{g.applicable};
        if (p.test == engagement_test::prejudice) {
            const auto interest = derived(g.key + "/interest", "The harm the authority describes relates to " +
                                                                   p.protected_interest + ", the interest " + p.id + " protects");
            std::vector<statement_id> interest_premises;
            if (!p.purposes.empty())
                interest_premises.push_back(fact(g.key + "/purpose",
                                                 "The authority names the purpose, among " + text::join_or(p.purposes) +
                                                     ", for which the function is exercised",
                                                 !cl.purposes.empty()));
            if (!cl.harm.empty())
                argue(g.key + "/interest/claim", "The authority's claim: " + cl.harm, interest, direction::pro,
                      interest_premises, {}, 1, case_fact("the authority's claim " + cl.id));
            const auto causal = derived(g.key + "/causal", "There is a causal link between disclosing " + who +
                                                               " and the harm, and the harm is real, actual or of substance");
            if (!cl.causal_chain.empty())
                argue(g.key + "/causal/claim", "The authority's account: " + cl.causal_chain, causal, direction::pro, {}, {},
                      1, case_fact("the authority's claim " + cl.id));
            const auto* th = applied_threshold(cl);
            std::vector<statement_id> likely_premises;
            if (th && cl.likelihood.size() != 1) {
                std::vector<std::string> named;
                for (const auto& id : cl.likelihood)
                    if (const auto* t = reg_.find_threshold(id)) named.push_back("'" + t->phrase + "'");
                const auto unstated = fact(g.key + "/threshold-unstated",
                                           cl.likelihood.empty()
                                               ? "The authority does not say which likelihood threshold it relies on"
                                               : "The authority names " + text::join_and(named) + " without choosing between them",
                                           true);
                const auto rule = derived(g.key + "/threshold", "The threshold applied is the lower one, '" + th->phrase + "'");
                argue(g.key + "/threshold/rule", reg_.unstated_threshold_rule, rule, direction::pro, {unstated}, {}, 1,
                      reg_.unstated_threshold_source);
                likely_premises.push_back(rule);
                f.threshold_rule = rule;
            }
            statement_id likely = 0;
            if (th) {
                likely = derived(g.key + "/likelihood", "Disclosure " + th->phrase + " prejudice " + p.protected_interest +
                                                            " (" + th->meaning + ")");
                argue(g.key + "/likelihood/claim", "The authority's claim that the prejudice " + th->phrase + " occur",
                      likely, direction::pro, likely_premises, {}, 1, th->source);
                f.threshold_applied = th->id;
            } else {
                likely = derived(g.key + "/likelihood", "The likelihood of prejudice reaches a threshold of " + reg_.short_title);
            }
            f.limbs = {interest, causal, likely};
            limbs.insert(limbs.end(), {interest, causal, likely});
            if (const auto* ev = best_evidence(cl)) f.evidence_grade = ev->id;
        } else if (p.test != engagement_test::not_applicable) {
            const std::string conditions = p.class_conditions.empty() ? p.title : text::join_and(p.class_conditions);
            const auto in_class = derived(g.key + "/class", "The information in " + who + " falls within the class in " + p.id +
                                                                ": " + conditions);
            for (std::size_t i = 0; i < cl.class_facts.size(); ++i)
                argue(g.key + "/class/fact-" + std::to_string(i + 1), "The authority's account: " + cl.class_facts[i],
                      in_class, direction::pro, {}, {}, 1, case_fact("the authority's claim " + cl.id));
            f.limbs = {in_class};
            limbs.push_back(in_class);
        }
        g.engaged = derived(g.key + "/engaged", p.id + " is engaged for " + who);
        argue(g.key + "/engaged/rule",
              p.test == engagement_test::prejudice
                  ? "Every limb of the prejudice test is met: the applicable interest, a real causal link, and the likelihood"
                  : "The information falls within the class the provision describes",
              g.engaged, direction::pro, limbs, {}, 1, legislation(p));
        f.engaged = g.engaged;

        // 3. Public interest, for qualified exemptions only.
        std::vector<statement_id> exempt_premises{g.engaged};
        if (p.status == exemption_status::qualified) {
            const direction tie = reg_.balancing.tie == tie_rule::disclose ? direction::con : direction::pro;
            const auto pit = derived(g.key + "/public-interest",
                                     "For " + who + ", " + reg_.balancing.test, proof_standard::balance(tie));
            add_factors(g, f, pit);
            f.public_interest = pit;
            exempt_premises.push_back(pit);
        }
        g.exempt = derived(g.key + "/exempt", text::capitalise(who) + (g.items.size() == 1 ? " is" : " are") +
                                                  " exempt from disclosure under " + p.id);
        argue(g.key + "/exempt/rule",
              p.status == exemption_status::qualified
                  ? "The exemption is engaged and the public interest in maintaining it outweighs the public interest in disclosure"
                  : "The exemption is engaged and is absolute, so no public interest test applies",
              g.exempt, direction::pro, exempt_premises, {}, 1,
              p.status == exemption_status::qualified ? reg_.balancing.source : legislation(p));
        f.exempt = g.exempt;
        g.finding = d_.claims.size();
        d_.claims.push_back(std::move(f));
    }

    void add_factors(const claim_group& g, claim_finding& f, statement_id pit) {
        const claim& cl = *g.source;
        const provision& p = *g.rule;
        const auto* th = p.test == engagement_test::prejudice ? applied_threshold(cl) : nullptr;
        const auto* ev = p.test == engagement_test::prejudice ? best_evidence(cl) : nullptr;
        for (const auto& fac : cl.factors) {
            factor_assessment a;
            a.source_factor = fac;
            a.base_weight = reg_.weight_value(fac.weight).value_or(0);
            a.weight = a.base_weight;
            // The harm weighs more the likelier and the better evidenced it is (ICO LTT13).
            if (fac.side == pi_side::maintain && th) {
                a.weight *= th->weight_multiplier;
                a.adjustments.push_back(text::multiplier(th->weight_multiplier) + " likelihood '" + th->phrase + "'");
            }
            if (fac.side == pi_side::maintain && ev) {
                a.weight *= ev->weight_multiplier;
                a.adjustments.push_back(text::multiplier(ev->weight_multiplier) + " evidence '" + ev->id + "'");
            }
            std::vector<statement_id> exceptions;
            if (const auto* irr = reg_.find_irrelevant(fac.category)) {
                a.set_aside = true;
                a.set_aside_reason = irr->description;
                a.set_aside_source = irr->source;
                exceptions.push_back(fact(g.key + "/irrelevant/" + fac.id,
                                          "The factor '" + fac.description + "' is irrelevant: " + irr->description, true));
            }
            citation source = fac.source.label.empty() ? case_fact("the authority's claim " + cl.id) : fac.source;
            a.argument = argue(g.key + "/factor/" + fac.id, fac.description, pit,
                               fac.side == pi_side::maintain ? direction::pro : direction::con, {g.engaged}, exceptions,
                               a.weight, source);
            f.factors.push_back(std::move(a));
        }
        if (reg_.balancing.presumption_weight > 0) {
            factor_assessment a;
            a.source_factor.id = "presumption";
            a.source_factor.side = pi_side::disclose;
            a.source_factor.description = "the presumption in favour of disclosure";
            a.source_factor.source = reg_.balancing.presumption_source.value_or(reg_.balancing.source);
            a.base_weight = a.weight = reg_.balancing.presumption_weight;
            a.argument = argue(g.key + "/factor/presumption", "The presumption in favour of disclosure", pit, direction::con,
                               {g.engaged}, {}, a.weight, a.source_factor.source);
            f.factors.push_back(std::move(a));
        }
    }

    // s.31 applies only to information not exempt under s.30: an engaged claim under a provision
    // this one is subsidiary to displaces it for the items both cover.
    void add_displacement(const claim_group& g) {
        auto it = displaced_.find(g.key);
        if (it == displaced_.end()) return;
        for (const auto& other : groups_) {
            if (&other == &g) continue;
            const auto& targets = g.rule->subsidiary_to;
            if (std::find(targets.begin(), targets.end(), other.rule->id) == targets.end()) continue;
            const bool overlaps = std::any_of(g.items.begin(), g.items.end(), [&](const item* x) {
                return std::find(other.items.begin(), other.items.end(), x) != other.items.end();
            });
            if (!overlaps) continue;
            argue(g.key + "/displaced/" + other.key, other.rule->id + " is engaged for the same information", it->second,
                  direction::pro, {other.engaged}, {}, 1, legislation(*g.rule));
        }
    }

    void add_items() {
        const provision* duty = rules_.find_provision(reg_.id, "s.1(1)(b)");
        const citation duty_source = duty ? legislation(*duty) : reg_.balancing.source;
        for (const auto& it : case_.items) {
            item_finding f;
            f.item_id = it.id;
            const auto held = fact("item/" + it.id + "/held", "The authority holds item " + it.id + " (" + it.description + ")", it.held);
            f.exempt = derived("item/" + it.id + "/exempt", "Item " + it.id + " is exempt information");
            for (const auto& g : groups_) {
                if (std::find(g.items.begin(), g.items.end(), &it) == g.items.end()) continue;
                argue("item/" + it.id + "/exempt/" + g.key, "Exempt under " + g.rule->id, f.exempt, direction::pro, {g.exempt}, {}, 1,
                      legislation(*g.rule));
            }
            f.disclose = derived("item/" + it.id + "/disclose", "Item " + it.id + " must be communicated to the requester");
            argue("item/" + it.id + "/disclose/duty", "The duty to communicate information held, unless it is exempt",
                  f.disclose, direction::pro, {held}, {f.exempt}, 1, duty_source);
            d_.items.push_back(std::move(f));
        }
    }

    void add_notice_facts() {
        if (!case_.notice) return;
        const auto& n = *case_.notice;
        for (const auto& req : reg_.notice_requirements) {
            std::optional<bool> met;
            if (req.id == "states-exemption") met = n.states_exemption;
            else if (req.id == "specifies-subsection") met = n.specifies_subsection;
            else if (req.id == "explains-engagement") met = n.explains_engagement;
            else if (req.id == "pit-reasons") met = n.gives_pit_reasons;
            else if (req.id == "internal-review") met = n.internal_review != review_particulars::absent;
            else if (req.id == "complaint-right") met = n.states_complaint_right;
            if (!met) continue;
            notice_facts_[req.id] = fact("notice/" + req.id, "The notice meets " + req.provision + ": it must " + req.description, *met);
        }
    }

    void read_outcomes() {
        const auto& g = d_.graph;
        std::size_t disclosed = 0, withheld = 0, not_held = 0, undecided = 0;
        for (auto& f : d_.items) {
            const item* it = case_.find_item(f.item_id);
            if (!it->held) f.outcome = item_outcome::not_held;
            else if (g.label_of(f.exempt) == label::accepted) f.outcome = item_outcome::withhold;
            else if (g.label_of(f.disclose) == label::accepted) f.outcome = item_outcome::disclose;
            else f.outcome = item_outcome::undecided;
            if (f.outcome == item_outcome::withhold) {
                for (const auto& grp : groups_) {
                    if (std::find(grp.items.begin(), grp.items.end(), it) != grp.items.end() &&
                        g.label_of(grp.exempt) == label::accepted &&
                        std::find(f.provisions.begin(), f.provisions.end(), grp.rule->id) == f.provisions.end())
                        f.provisions.push_back(grp.rule->id);
                }
            }
            switch (f.outcome) {
            case item_outcome::disclose: ++disclosed; break;
            case item_outcome::withhold: ++withheld; break;
            case item_outcome::not_held: ++not_held; break;
            default: ++undecided; break;
            }
        }
        if (undecided > 0) d_.outcome = request_outcome::undecided;
        else if (withheld == 0 && disclosed > 0) d_.outcome = request_outcome::full_disclosure;
        else if (withheld > 0 && disclosed > 0) d_.outcome = request_outcome::partial_disclosure;
        else if (withheld > 0) d_.outcome = request_outcome::refusal;
        else d_.outcome = request_outcome::not_held;
    }

    void flag(std::string code, std::string name, severity level, std::string message, citation source,
              source_location where, std::optional<statement_id> st = std::nullopt) {
        d_.flags.push_back({std::move(code), std::move(name), level, std::move(message), std::move(source), std::move(where), st});
    }

    void review_claims() {
        const auto& g = d_.graph;
        std::set<const claim*> seen;
        for (const auto& grp : groups_) {
            const claim& cl = *grp.source;
            const provision& p = *grp.rule;
            const auto& f = d_.claims[grp.finding];
            if (!seen.insert(&cl).second) continue; // claim-level flags once per claim
            const auto* applied = reg_.find_threshold(f.threshold_applied);
            // Only a regime with more than one threshold asks the authority to choose.
            if (p.test == engagement_test::prejudice && applied && reg_.thresholds.size() > 1) {
                if (cl.likelihood.size() > 1)
                    flag("F101", "threshold-not-chosen", severity::warning,
                         "The authority names more than one likelihood threshold without choosing, so only the lower, '" +
                             applied->phrase + "', can be applied; a higher threshold would carry more weight in the "
                             "public interest test",
                         reg_.unstated_threshold_source, cl.where, f.threshold_rule);
                else if (cl.likelihood.empty())
                    flag("F102", "threshold-not-stated", severity::warning,
                         "The authority does not say which likelihood threshold it relies on, so the lower one, '" +
                             applied->phrase + "', is applied",
                         reg_.unstated_threshold_source, cl.where, f.threshold_rule);
            }
            if (p.test == engagement_test::prejudice) {
                const bool specific = std::any_of(cl.evidence.begin(), cl.evidence.end(),
                                                  [](const evidence_item& e) { return e.grade == "specific"; });
                if (!specific)
                    flag("F103", "prejudice-not-evidenced", severity::warning,
                         cl.evidence.empty()
                             ? "The prejudice is asserted with no evidence; the harm must be real, actual or of substance and "
                               "causally linked to disclosure of this information"
                             : "The evidence for the prejudice is general (it would apply to any organisation's systems) and "
                               "none is specific to the information withheld; the public interest weight of the harm is reduced",
                         reg_.unstated_threshold_source, cl.where, f.limbs.size() > 1 ? std::optional(f.limbs[1]) : std::nullopt);
            }
            if (p.status == exemption_status::absolute && !cl.factors.empty())
                flag("F104", "pit-for-absolute-exemption", severity::warning,
                     p.id + " is an absolute exemption: no public interest test applies, and the factors argued are not weighed",
                     reg_.balancing.source, cl.where);
            for (const auto& a : f.factors) {
                if (a.set_aside)
                    flag("F105", "irrelevant-factor", severity::error,
                         "The authority relies on an irrelevant factor ('" + a.source_factor.description + "'): " + a.set_aside_reason,
                         a.set_aside_source, a.source_factor.where);
            }
            if (g.label_of(f.exempt) != label::accepted) {
                const bool engaged = g.label_of(f.engaged) == label::accepted;
                flag("F114", "withholding-not-supported", severity::error,
                     engaged ? "The public interest in maintaining " + p.id + " does not outweigh the public interest in disclosure, "
                               "so the information it covers must be disclosed"
                             : p.id + " is not shown to be engaged for " + items_phrase(grp),
                     engaged ? reg_.balancing.source : legislation(p), cl.where, f.exempt);
            }
        }
    }

    // The citation of a provision by id; a paragraph not modelled on its own ("s.17(7)(b)") is
    // cited with the address of the nearest enclosing provision the rulebook has ("s.17(7)").
    citation cite_provision(const std::string& id) const {
        const std::string label = reg_.short_title + " " + id;
        for (std::string probe = id; !probe.empty();) {
            if (const auto* p = rules_.find_provision(reg_.id, probe)) return {source_kind::legislation, label, p->uri};
            const auto open = probe.rfind('(');
            if (open == std::string::npos) break;
            probe.resize(open);
        }
        return {source_kind::legislation, label, reg_.uri};
    }

    void review_notice() {
        if (!case_.notice) return;
        const auto& n = *case_.notice;
        const bool qualified = std::any_of(groups_.begin(), groups_.end(),
                                           [](const claim_group& g) { return g.rule->status == exemption_status::qualified; });
        const bool refuses = d_.outcome == request_outcome::partial_disclosure || d_.outcome == request_outcome::refusal ||
                             !case_.claims.empty();
        struct rule { const char* id; const char* code; const char* name; };
        static constexpr rule rules[] = {
            {"states-exemption", "F107", "exemption-not-stated"},
            {"specifies-subsection", "F106", "subsection-not-specified"},
            {"explains-engagement", "F108", "engagement-not-explained"},
            {"pit-reasons", "F109", "pit-reasons-missing"},
            {"internal-review", "F110", "internal-review-missing"},
            {"complaint-right", "F112", "complaint-right-missing"},
        };
        for (const auto& req : reg_.notice_requirements) {
            auto it = notice_facts_.find(req.id);
            if (it == notice_facts_.end() || !refuses || (req.qualified_only && !qualified)) continue;
            if (d_.graph.label_of(it->second) == label::accepted) continue;
            for (const auto& r : rules) {
                if (req.id != r.id) continue;
                flag(r.code, r.name, severity::error, "The notice does not " + req.description + ", as " + req.provision + " requires",
                     cite_provision(req.provision), n.where, it->second);
            }
        }
        const auto review_req = std::find_if(reg_.notice_requirements.begin(), reg_.notice_requirements.end(),
                                             [](const notice_requirement& q) { return q.id == "internal-review"; });
        if (n.internal_review == review_particulars::by_reference && review_req != reg_.notice_requirements.end())
            flag("F111", "internal-review-by-reference", severity::warning,
                 "The notice gives no particulars of the internal review procedure itself, only a reference to " +
                     (n.internal_review_reference.empty() ? std::string("another document") : n.internal_review_reference) +
                     "; the particulars should be in the notice",
                 cite_provision(review_req->provision), n.where, notice_facts_.count("internal-review") ? std::optional(notice_facts_["internal-review"]) : std::nullopt);
        const auto& dl = *d_.deadline;
        if (dl.days_late) {
            flag("F113", "late-response", severity::error,
                 "The response was sent on " + dl.sent->long_form() + ", " + std::to_string(*dl.days_late) +
                     (dl.days == day_count::working ? " working day" : " day") + (*dl.days_late == 1 ? "" : "s") +
                     " after the deadline of " + dl.due.long_form(),
                 dl.source, n.where);
        } else if (!dl.sent && n.acknowledges_delay) {
            flag("F113", "late-response", severity::error,
                 "The notice apologises for the delay in replying, so it was sent after the deadline of " + dl.due.long_form() +
                     "; it is undated, so the number of working days late cannot be computed",
                 dl.source, n.where);
        }
    }

    const rulebook& rules_;
    const disclosure_case& case_;
    const regime& reg_;
    const evaluation_options& options_;
    decision d_;
    std::vector<claim_group> groups_;
    std::map<std::string, statement_id> displaced_;
    std::map<std::string, statement_id> notice_facts_;
};

} // namespace

decision evaluate(const rulebook& rules, const disclosure_case& input, const evaluation_options& options) {
    auto c = std::make_shared<disclosure_case>(input);
    std::vector<diagnostic> diags;
    detail::check_case(*c, &rules, diags);
    if (has_errors(diags)) throw load_error(std::move(diags));
    return evaluator(rules, std::move(c), options).run();
}

} // namespace candour
