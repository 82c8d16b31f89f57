// The FOI evaluator: builds the justification graph for a case, in the order the law takes it,
// lets the engine label it, and reads the outcomes, flags and deadline off the result.
// docs/reasoning.md describes every statement and argument created here.

#include "case_checks.hpp"
#include "id_index.hpp"
#include "text_util.hpp"

#include <candour/error.hpp>
#include <candour/evaluate.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <numeric>
#include <set>
#include <span>
#include <string_view>
#include <tuple>
#include <unordered_map>

namespace candour {
namespace {

citation legislation(const provision& p) { return {source_kind::legislation, p.citation_text, p.uri}; }
citation case_fact(std::string label) { return {source_kind::case_fact, std::move(label), {}}; }

// The latest year of creation, within 400 years before `on`, for which `rule` has passed on
// `on` (for a record created on 31 December of that year). A year with a row in the rule's table
// (SI 2012/3029) is decided by its row, so each row is tried; every other year follows the
// period, which once passed stays passed for every earlier year, so the search for those stops
// at the first that passes (two years at most, past any rows). Not for a rule that also waits
// for a death (`after_death_years`): the record's age alone never passes it.
std::optional<int> latest_year_passed(const historical_rule& rule, date on) {
    const int last = on.year(), first = last - 399;
    auto passes = [&](int y) {
        const auto day = date::from_ymd(y, 12, 31);
        return day && rule.passed(*day, std::nullopt, on);
    };
    auto in_table = [&](int y) {
        return std::any_of(rule.schedule.begin(), rule.schedule.end(),
                           [&](const historical_schedule_entry& e) { return e.created == y; });
    };
    std::optional<int> latest;
    for (const auto& row : rule.schedule)
        if (row.created >= first && row.created <= last && (!latest || row.created > *latest) && passes(row.created))
            latest = row.created;
    for (int y = std::min(last, last - rule.years); y >= first && (!latest || y > *latest); --y)
        if (!in_table(y) && passes(y)) return y;
    return latest;
}

// One claim applied to the items that share the facts that matter for it.
struct claim_group {
    const claim* source = nullptr;
    const provision* rule = nullptr;
    std::vector<const item*> items;
    std::string key;         // statement key prefix
    std::string who;         // "items R12, R13 and R14", as the statements name them
    bool history_passed = false;
    bool public_domain = false;
    int age_band = -1;       // index into regime::weakening.age, -1 if none applies
    bool ncnd = false;       // the provision excludes the duty to confirm or deny
    std::uint64_t bars = 0;  // bit i: the items are of the kind rule->unavailable_for[i] bars
    std::vector<statement_id> barred; // "rule cannot be relied on for these items", one per bar that applies
    citation cite;           // the provision's, built once for the group's many arguments
    citation claim_cite;     // "the authority's claim c1": the source of what the claim itself says
    std::size_t finding = 0; // index in decision::claims
    statement_id applicable = 0, engaged = 0, exempt = 0;
    std::optional<statement_id> displaced; // "exempt under a provision this one is subsidiary to"
    std::vector<std::size_t> displaced_by; // the groups (by index) under such a provision sharing an item with it
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
        reserve_graph();
        for (auto& g : groups_) add_group_statements(g);
        for (auto& g : groups_) add_displacement(g);
        add_aggregates();
        add_items();
        add_notice_facts();
        d_.graph.evaluate();
        read_outcomes();
        find_alternatives();
        apply_extension();
        review_claims();
        review_exclusivity();
        review_alternatives();
        review_reasons_withheld();
        review_notice();
        find_counterfactuals();
        find_routes();
        return std::move(d_);
    }

private:
    // A key and a text composed from parts, each in a buffer kept for the whole evaluation: the
    // graph copies what it is given, so no std::string need be built per statement. Each result
    // is valid until the next call of the same function, so pass it straight to fact, derived or
    // argue, and never a part that is itself a result of the same function.
    std::string_view key(std::initializer_list<std::string_view> parts) { return compose(key_buffer_, parts); }
    std::string_view say(std::initializer_list<std::string_view> parts) { return compose(text_buffer_, parts); }
    static std::string_view compose(std::string& buffer, std::initializer_list<std::string_view> parts) {
        buffer.clear();
        for (auto part : parts) buffer += part;
        return buffer;
    }
    // As say(), with the first letter upper-cased as text::capitalise does.
    std::string_view say_capitalised(std::initializer_list<std::string_view> parts) {
        compose(text_buffer_, parts);
        if (!text_buffer_.empty() && text_buffer_[0] >= 'a' && text_buffer_[0] <= 'z')
            text_buffer_[0] = static_cast<char>(text_buffer_[0] - 'a' + 'A');
        return text_buffer_;
    }
    // A string the decision keeps (a message, a description), made from parts in one allocation
    // of the right size rather than by a chain of operator+ that reallocates as it grows.
    static std::string joined(std::initializer_list<std::string_view> parts) {
        std::size_t size = 0;
        for (auto part : parts) size += part.size();
        std::string out;
        out.reserve(size);
        for (auto part : parts) out += part;
        return out;
    }

    // The graph copies each key, text and citation (see argument_graph.hpp): they may be
    // temporaries.
    statement_id fact(std::string_view key, std::string_view text, bool holds) {
        statement s;
        s.key = key;
        s.text = text;
        s.fact = holds ? label::accepted : label::rejected;
        return d_.graph.add_statement(s);
    }
    statement_id derived(std::string_view key, std::string_view text, proof_standard standard = proof_standard::scintilla()) {
        statement s;
        s.key = key;
        s.text = text;
        s.standard = standard;
        return d_.graph.add_statement(s);
    }
    // Statement ids as a braced list ({a, b}) or a vector, viewed until the graph copies them.
    struct statement_ids {
        statement_ids() = default;
        statement_ids(std::initializer_list<statement_id> list) : view(list.begin(), list.size()) {}
        statement_ids(const std::vector<statement_id>& list) : view(list) {}
        statement_ids(std::span<const statement_id> list) : view(list) {}
        std::span<const statement_id> view;
    };
    argument_id argue(std::string_view key, std::string_view text, statement_id conclusion, direction dir,
                      statement_ids premises, statement_ids exceptions, double weight, const citation& source) {
        argument a;
        a.key = key;
        a.text = text;
        a.conclusion = conclusion;
        a.dir = dir;
        a.premises = premises.view;
        a.exceptions = exceptions.view;
        a.weight = weight;
        a.source = &source;
        return d_.graph.add_argument(a);
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

    // FOIA s.63 (and the earlier or transitional rule in force on the decision date, such as
    // SI 2012/3029): has the record's limit passed?
    bool history_passed(const item& it, const provision& p) const {
        if (!p.history || !it.created) return false;
        return p.history->on(d_.decision_date).passed(*it.created, it.relevant_death, d_.decision_date);
    }

    // The historical-record rule in force on the decision date, in words: "The 20-year
    // historical-record limit (FOIA s.63(1))", as the record has always put it, with what a phase,
    // a table or a death rule adds.
    // Written into `s` (replacing what it held).
    void history_phrase(const historical_limit& h, std::string& s) const {
        const historical_rule& rule = h.on(d_.decision_date);
        s.assign("The ").append(std::to_string(rule.years)).append("-year historical-record limit (").append(rule.source.label);
        if (const auto* ph = h.phase_on(d_.decision_date)) {
            s += ", in force for decisions";
            if (ph->from) s.append(" from ").append(ph->from->long_form());
            if (ph->to) s.append(" to ").append(ph->to->long_form());
            if (!ph->verified) s += "; not verified";
        }
        s += ")";
        if (rule.counts_from == history_start::creation_date) s += ", counted from the date of creation";
        if (!rule.schedule.empty())
            s.append(" (for records created from ").append(std::to_string(rule.schedule.front().created)).append(" to ")
                .append(std::to_string(rule.schedule.back().created)).append(", the end of the year its table gives)");
        if (rule.after_death_years > 0)
            s.append(" (or, if later, the end of the period of ").append(std::to_string(rule.after_death_years))
                .append(" years beginning with the relevant death)");
    }

    // The age band of an item at the decision date: the last band it is older than.
    int age_band(const item& it) const {
        if (!it.created) return -1;
        int band = -1;
        for (std::size_t i = 0; i < reg_.weakening.age.size(); ++i) {
            const int years = reg_.weakening.age[i].older_than_years;
            if (it.created->plus_days(static_cast<std::int64_t>(years) * 365 + years / 4) < d_.decision_date) band = static_cast<int>(i);
        }
        return band;
    }

    void form_groups() {
        for (std::size_t i = 0; i < case_.items.size(); ++i) item_ids_.add(i);
        for (std::size_t k = 0; k < case_.claims.size(); ++k) claim_ids_.add(k);
        for (const auto& cl : case_.claims) {
            const provision& p = rules_.get_provision(reg_.id, cl.provision);
            // Items that differ in a fact the rule cares about are decided apart; identical ones
            // share one set of statements, however many there are.
            // Which claims under a provision this one is subsidiary to cover each item: s.31 is
            // displaced item by item, not for the whole claim.
            // Built once per provision, not per claim: a schedule may claim s.31 row by row.
            const auto& facts = provision_facts_of(p);
            const auto& displacing = facts.displacing;
            static const std::vector<std::size_t> none;
            std::map<std::tuple<bool, bool, int, std::uint64_t, std::vector<std::size_t>>, std::vector<const item*>> split;
            for (const auto& id : cl.items) {
                const item* it = &item_by_id(id);
                const auto by = displacing.find(it);
                split[{history_passed(*it, p), it->public_domain, age_band(*it), bars_for(*it, p),
                       by == displacing.end() ? none : by->second}]
                    .push_back(it);
            }
            std::size_t n = 0;
            for (auto& [signature, items] : split) {
                claim_group g;
                g.source = &cl;
                g.rule = &p;
                g.items = std::move(items);
                g.history_passed = std::get<0>(signature);
                g.public_domain = std::get<1>(signature);
                g.age_band = std::get<2>(signature);
                g.bars = std::get<3>(signature);
                g.ncnd = facts.ncnd;
                g.cite = legislation(p);
                g.claim_cite = case_fact("the authority's claim " + cl.id);
                g.key = split.size() == 1 ? cl.id : cl.id + "#" + std::to_string(++n);
                groups_.push_back(std::move(g));
            }
        }
        // Each item's groups, in group order, in one array (a schedule has an item per row).
        group_start_.assign(case_.items.size() + 1, 0);
        for (const auto& g : groups_)
            for (const item* it : g.items) ++group_start_[index_of(it) + 1];
        for (std::size_t i = 0; i < case_.items.size(); ++i) group_start_[i + 1] += group_start_[i];
        group_list_.resize(group_start_.back());
        std::vector<std::size_t> next(group_start_.begin(), group_start_.end() - 1);
        for (std::size_t k = 0; k < groups_.size(); ++k)
            for (const item* it : groups_[k].items) group_list_[next[index_of(it)]++] = k;
        // The groups under a provision each group is subsidiary to that share an item with it.
        for (auto& g : groups_) {
            const auto& targets = g.rule->subsidiary_to;
            if (targets.empty()) continue;
            std::set<std::size_t> overlapping;
            for (const item* x : g.items)
                for (auto k : groups_of(x))
                    if (std::find(targets.begin(), targets.end(), groups_[k].rule->id) != targets.end()) overlapping.insert(k);
            g.displaced_by.assign(overlapping.begin(), overlapping.end());
        }
    }

    // What the groups of every claim under a provision share, worked out once per provision (the
    // rulebook has hundreds; a schedule may claim s.31 row by row).
    struct provision_facts {
        bool ncnd = false; // a provision of the regime names it as excluding the duty to confirm or deny
        std::unordered_map<const item*, std::vector<std::size_t>> displacing; // per item, the claims (by index) under a provision it is subsidiary to
    };
    const provision_facts& provision_facts_of(const provision& p) {
        auto [at, fresh] = provision_facts_.try_emplace(&p);
        if (!fresh) return at->second;
        auto& facts = at->second;
        facts.ncnd = rules_.excludes_duty_to_confirm(p);
        if (!p.subsidiary_to.empty())
            for (std::size_t k = 0; k < case_.claims.size(); ++k) {
                const auto& other = case_.claims[k];
                if (std::find(p.subsidiary_to.begin(), p.subsidiary_to.end(), other.provision) == p.subsidiary_to.end()) continue;
                for (const auto& id : other.items) facts.displacing[&item_by_id(id)].push_back(k);
            }
        return facts;
    }

    // Which of the provision's bars (EIR reg 12(9)) the item's kind of information meets, as bits.
    static std::uint64_t bars_for(const item& it, const provision& p) {
        std::uint64_t bits = 0;
        for (std::size_t i = 0; i < p.unavailable_for.size() && i < 64; ++i)
            if (it.is_about(p.unavailable_for[i].kind)) bits |= std::uint64_t{1} << i;
        return bits;
    }

    // "item R01", "items R12, R13 and R14" (as text::join_and joins them).
    static std::string items_phrase(const claim_group& g) {
        const std::size_t n = g.items.size();
        std::string out = n == 1 ? "item " : "items ";
        for (std::size_t i = 0; i < n; ++i) {
            if (i > 0) out += i + 1 == n ? " and " : ", ";
            out += g.items[i]->id;
        }
        return out;
    }

    // What follows a threshold's phrase to name the harm: "would be likely to" + " prejudice";
    // thresholds that carry their own verb ("would adversely affect", "would prejudice
    // substantially") are used as they are.
    static std::string_view harm_suffix(const likelihood_threshold& th) {
        for (const char* verb : {"prejudice", "affect", "endanger", "inhibit", "harm", "damage"})
            if (th.phrase.find(verb) != std::string::npos) return {};
        return " prejudice";
    }
    // The public interest test's source: the balancing test's, or the neither-confirm-nor-deny
    // test's where the regime has one.
    const citation& balancing_source(bool ncnd) const {
        return ncnd && reg_.balancing.ncnd_source ? *reg_.balancing.ncnd_source : reg_.balancing.source;
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
        g.who = items_phrase(g);
        const std::string& who = g.who;
        claim_finding f;
        f.claim_id = cl.id;
        f.provision_id = p.id;
        f.items.reserve(g.items.size());
        for (const auto* it : g.items) f.items.push_back(it->id);

        // 1. Applicability: in force, not past the historical-record limit, not displaced.
        const auto in_force = fact(key({g.key, "/in-force"}), say({p.id, " was in force on ", d_.decision_date.long_form()}),
                                   p.in_force_on(d_.decision_date));
        std::vector<statement_id> exceptions;
        if (p.history) {
            history_phrase(*p.history, text_buffer_);
            text_buffer_.append(" has passed for ").append(who);
            exceptions.push_back(fact(key({g.key, "/historical"}), text_buffer_, g.history_passed));
        }
        if (!p.subsidiary_to.empty()) {
            // An exclusion of the duty to confirm or deny gives way to another exclusion, not to an
            // exemption (FOIA s.40(5B) covers "other information" than s.40(5A)).
            g.displaced = derived(key({g.key, "/displaced"}),
                                  g.ncnd ? say({"The duty to confirm or deny whether the authority holds ", who,
                                                " does not arise under ", text::join_or(p.subsidiary_to), ", to which ", p.id,
                                                " is subsidiary"})
                                         : say({"The information in ", who, " is exempt information under ",
                                                text::join_or(p.subsidiary_to), ", to which ", p.id, " is subsidiary"}));
            exceptions.push_back(*g.displaced);
        }
        // A kind of information the provision cannot be relied on for (EIR reg 12(9): emissions).
        for (std::size_t i = 0; i < p.unavailable_for.size() && i < 64; ++i) {
            if (!(g.bars >> i & 1)) continue;
            const auto& bar = p.unavailable_for[i];
            const auto is_kind = fact(key({g.key, "/concerns/", bar.kind}),
                                      say_capitalised({who, g.items.size() == 1 ? " concerns " : " concern ", bar.kind}), true);
            const auto barred = derived(key({g.key, "/barred/", bar.kind}),
                                        say({p.id, " cannot be relied on for ", who, ", which ",
                                             g.items.size() == 1 ? "concerns " : "concern ", bar.kind}));
            argue(key({g.key, "/barred/", bar.kind, "/rule"}),
                  say({bar.by, " bars reliance on ", p.id, " for information that concerns ", bar.kind}), barred,
                  direction::pro, {is_kind}, {}, 1, cite_provision(bar.by));
            exceptions.push_back(barred);
            g.barred.push_back(barred);
        }
        g.applicable = derived(key({g.key, "/applicable"}), say({p.id, " can apply to ", who}));
        argue(key({g.key, "/applicable/rule"}),
              say({p.id, " applies to information of this kind while it is in force, unless an exception below holds"}),
              g.applicable, direction::pro, {in_force}, exceptions, 1, g.cite);
        f.applicable = g.applicable;

        // 2. Engagement.
        std::vector<statement_id> limbs{g.applicable};
        if (p.test == engagement_test::prejudice) {
            // A prejudice test may also have conditions of kind, met or not before any harm is
            // weighed (EIR reg 12(5)(e): commercial information, confidential by law, protecting
            // a legitimate economic interest; the adverse effect is the fourth stage).
            std::optional<statement_id> in_class;
            if (!p.class_conditions.empty()) in_class = class_limb(g, p, cl, who);
            const auto interest = derived(key({g.key, "/interest"}), say({"The harm the authority describes relates to ",
                                                                         p.protected_interest, ", the interest ", p.id,
                                                                         " protects"}));
            std::vector<statement_id> interest_premises;
            if (!p.purposes.empty())
                interest_premises.push_back(fact(key({g.key, "/purpose"}),
                                                 say({"The authority names the purpose, among ", text::join_or(p.purposes),
                                                      ", for which the function is exercised"}),
                                                 !cl.purposes.empty()));
            if (!cl.harm.empty())
                argue(key({g.key, "/interest/claim"}), say({"The authority's claim: ", cl.harm}), interest, direction::pro,
                      interest_premises, {}, 1, g.claim_cite);
            const auto causal = derived(key({g.key, "/causal"}),
                                        say({"There is a causal link between ",
                                             g.ncnd ? "confirming or denying whether the authority holds " : "disclosing ", who,
                                             " and the harm, and the harm is real, actual or of substance"}));
            if (!cl.causal_chain.empty())
                argue(key({g.key, "/causal/claim"}), say({"The authority's account: ", cl.causal_chain}), causal, direction::pro, {}, {},
                      1, g.claim_cite);
            const auto* th = applied_threshold(cl);
            std::vector<statement_id> likely_premises;
            if (th && cl.likelihood.size() != 1) {
                statement_id unstated = 0;
                if (cl.likelihood.empty()) {
                    unstated = fact(key({g.key, "/threshold-unstated"}),
                                    "The authority does not say which likelihood threshold it relies on", true);
                } else {
                    // "The authority names 'a' and 'b' without ...", the names joined as text::join_and does.
                    const auto named = static_cast<std::size_t>(std::count_if(
                        cl.likelihood.begin(), cl.likelihood.end(), [&](const std::string& id) { return reg_.find_threshold(id); }));
                    std::string& s = text_buffer_;
                    s.assign("The authority names ");
                    std::size_t i = 0;
                    for (const auto& id : cl.likelihood)
                        if (const auto* t = reg_.find_threshold(id)) {
                            if (i > 0) s += i + 1 == named ? " and " : ", ";
                            s.append("'").append(t->phrase).append("'");
                            ++i;
                        }
                    s += " without choosing between them";
                    unstated = fact(key({g.key, "/threshold-unstated"}), s, true);
                }
                const auto rule = derived(key({g.key, "/threshold"}), say({"The threshold applied is the lower one, '", th->phrase, "'"}));
                argue(key({g.key, "/threshold/rule"}), reg_.unstated_threshold_rule, rule, direction::pro, {unstated}, {}, 1,
                      reg_.unstated_threshold_source);
                likely_premises.push_back(rule);
                f.threshold_rule = rule;
            }
            statement_id likely = 0;
            if (th) {
                likely = derived(key({g.key, "/likelihood"}),
                                 say({g.ncnd ? "Confirming or denying" : "Disclosure", " ", th->phrase, harm_suffix(*th), " ",
                                      p.protected_interest, " (", th->meaning, ")"}));
                argue(key({g.key, "/likelihood/claim"}),
                      say({"The authority's claim that ", g.ncnd ? "confirming or denying " : "disclosure ", th->phrase,
                           harm_suffix(*th), " ", p.protected_interest}),
                      likely, direction::pro, likely_premises, {}, 1, th->source);
                f.threshold_applied = th->id;
            } else {
                likely = derived(key({g.key, "/likelihood"}), say({"The likelihood of prejudice reaches a threshold of ", reg_.short_title}));
            }
            f.limbs = {interest, causal, likely};
            if (in_class) f.limbs.insert(f.limbs.begin(), *in_class);
            limbs.insert(limbs.end(), f.limbs.begin(), f.limbs.end());
            if (const auto* ev = best_evidence(cl)) f.evidence_grade = ev->id;
        } else if (p.test != engagement_test::not_applicable) {
            const auto in_class = class_limb(g, p, cl, who);
            f.limbs = {in_class};
            limbs.push_back(in_class);
        }
        g.engaged = derived(key({g.key, "/engaged"}), say({p.id, " is engaged for ", who}));
        argue(key({g.key, "/engaged/rule"}),
              p.test == engagement_test::prejudice
                  ? "Every limb of the prejudice test is met: the applicable interest, a real causal link, and the likelihood"
                  : "The information falls within the class the provision describes",
              g.engaged, direction::pro, limbs, {}, 1, g.cite);
        f.engaged = g.engaged;

        // 3. Public interest, for qualified exemptions only.
        std::vector<statement_id> exempt_premises{g.engaged};
        if (p.status == exemption_status::qualified) {
            const direction tie = reg_.balancing.tie == tie_rule::disclose ? direction::con : direction::pro;
            const std::string& test = g.ncnd && !reg_.balancing.ncnd_test.empty() ? reg_.balancing.ncnd_test : reg_.balancing.test;
            const auto pit = derived(key({g.key, "/public-interest"}), say({"For ", who, ", ", test}), proof_standard::balance(tie));
            compute_harm(g, f);
            add_factors(g, f, pit);
            f.public_interest = pit;
            exempt_premises.push_back(pit);
        }
        g.exempt = derived(key({g.key, "/exempt"}),
                           g.ncnd ? say({"The duty to confirm or deny whether the authority holds ", who, " does not arise, by ", p.id})
                                  : say_capitalised({who, g.items.size() == 1 ? " is" : " are", " exempt from disclosure under ", p.id}));
        f.neither_confirm_nor_deny = g.ncnd;
        if (p.status == exemption_status::qualified)
            argue(key({g.key, "/exempt/rule"}),
                  reg_.balancing.tie == tie_rule::withhold
                      ? "The exemption is engaged and the public interest in maintaining it is at least as great as the "
                        "public interest in disclosure"
                      : "The exemption is engaged and the public interest in maintaining it outweighs the public interest in disclosure",
                  g.exempt, direction::pro, exempt_premises, {}, 1, balancing_source(g.ncnd));
        else
            argue(key({g.key, "/exempt/rule"}), "The exemption is engaged and is absolute, so no public interest test applies",
                  g.exempt, direction::pro, exempt_premises, {}, 1, cite_provision_or(absolute_rule_id(g.ncnd), g.cite));
        f.exempt = g.exempt;
        g.finding = d_.claims.size();
        d_.claims.push_back(std::move(f));
    }

    // Room in the graph for the statements and arguments of the groups, the items and the
    // notice, counted as add_group_statements, add_items and add_notice_facts add them (at most:
    // a notice requirement candour does not know adds nothing), so that the arrays are allocated
    // once, before anything is freed. Aggregates reserve their own. A count short by one would
    // double an array that may hold a schedule's 300,000 statements: keep it in step.
    void reserve_graph() {
        auto one_if = [](bool b) -> std::size_t { return b ? 1 : 0; };
        std::size_t statements = notice_requirements_count(), arguments = 0;
        for (const auto& g : groups_) {
            const provision& p = *g.rule;
            const claim& cl = *g.source;
            const auto bars = static_cast<std::size_t>(std::popcount(g.bars));
            statements += 4 + 2 * bars + one_if(p.history.has_value()) + one_if(!p.subsidiary_to.empty()); // in force, applicable, engaged, exempt
            arguments += 3 + bars + g.displaced_by.size();                                              // their rules
            if (p.test == engagement_test::prejudice) {
                const auto* th = applied_threshold(cl);
                const bool unstated = th && cl.likelihood.size() != 1;
                statements += 3 + one_if(!p.purposes.empty()) + 2 * one_if(unstated) + one_if(!p.class_conditions.empty());
                arguments += one_if(!cl.harm.empty()) + one_if(!cl.causal_chain.empty()) + one_if(unstated) + one_if(th) +
                             (p.class_conditions.empty() ? 0 : cl.class_facts.size());
            } else if (p.test != engagement_test::not_applicable) {
                statements += 1;
                arguments += cl.class_facts.size();
            }
            if (p.status == exemption_status::qualified) {
                statements += 1;
                for (const auto& fac : cl.factors) statements += one_if(reg_.find_irrelevant(fac.category)); // set aside, with its reason
                arguments += cl.factors.size() + one_if(weighs_presumption(p));
            }
        }
        for (const auto& it : case_.items) {
            const auto& mine = groups_of(&it);
            const bool any_ncnd = std::any_of(mine.begin(), mine.end(), [&](std::size_t k) { return groups_[k].ncnd; });
            statements += any_ncnd ? 4 : 3;
            arguments += mine.size() + 1;
        }
        d_.graph.reserve(statements, arguments);
    }

    // What scales the harm side for this group: the likelihood and evidence of the prejudice
    // (ICO LTT13: a likelier, better-evidenced harm weighs more), availability in the public
    // domain and the age of the information (both weaken it).
    void compute_harm(const claim_group& g, claim_finding& f) const {
        const claim& cl = *g.source;
        auto scale = [&](double m, std::string_view why, std::string_view what = {}, std::string_view after = {}) {
            if (m == 1) return;
            f.harm_multiplier *= m;
            f.harm_adjustments.push_back(joined({text::multiplier(m), " ", why, what, after}));
        };
        if (g.rule->test == engagement_test::prejudice) {
            if (const auto* th = applied_threshold(cl)) scale(th->weight_multiplier, "likelihood '", th->phrase, "'");
            if (const auto* ev = best_evidence(cl)) scale(ev->weight_multiplier, "evidence '", ev->id, "'");
        }
        if (g.public_domain) scale(reg_.weakening.public_domain_multiplier, "already in the public domain");
        if (g.age_band >= 0) {
            const auto& band = reg_.weakening.age[static_cast<std::size_t>(g.age_band)];
            scale(band.weight_multiplier, "older than ", std::to_string(band.older_than_years), " years");
        }
    }

    // "The information falls within the class": the provision's conditions of kind, supported by
    // the facts the authority gives for them (none given: the limb is not met).
    statement_id class_limb(const claim_group& g, const provision& p, const claim& cl, std::string_view who) {
        const std::string conditions = p.class_conditions.empty() ? p.title : text::join_and(p.class_conditions);
        const auto in_class =
            derived(key({g.key, "/class"}), say({"The information in ", who, " falls within the class in ", p.id, ": ", conditions}));
        for (std::size_t i = 0; i < cl.class_facts.size(); ++i)
            argue(key({g.key, "/class/fact-", std::to_string(i + 1)}), say({"The authority's account: ", cl.class_facts[i]}),
                  in_class, direction::pro, {}, {}, 1, g.claim_cite);
        return in_class;
    }

    // A factor's weight: its named weight, scaled by the harm multiplier if it favours maintaining.
    factor_assessment assess(const factor& fac, const claim_finding& f) const {
        factor_assessment a;
        a.source_factor = &fac; // the case's, which the decision holds
        a.base_weight = reg_.weight_value(fac.weight).value_or(0);
        a.weight = a.base_weight;
        if (fac.side == pi_side::maintain) {
            a.weight *= f.harm_multiplier;
            a.adjustments = f.harm_adjustments;
        }
        if (const auto* irr = reg_.find_irrelevant(fac.category)) {
            a.set_aside = true;
            a.set_aside_reason = irr->description;
            a.set_aside_source = irr->source;
        }
        return a;
    }

    // Whether the regime's presumption in favour of disclosure is weighed in this exemption's
    // public interest test (EIR reg 12(2); not for reg 13, on the ICO's reading).
    bool weighs_presumption(const provision& p) const noexcept {
        return reg_.balancing.presumption_weight > 0 && p.presumption_applies;
    }

    void add_factors(const claim_group& g, claim_finding& f, statement_id pit) {
        const claim& cl = *g.source;
        const bool presumption = weighs_presumption(*g.rule);
        f.factors.reserve(cl.factors.size() + (presumption ? 1 : 0));
        for (const auto& fac : cl.factors) {
            factor_assessment a = assess(fac, f);
            std::vector<statement_id> exceptions;
            if (a.set_aside)
                exceptions.push_back(fact(key({g.key, "/irrelevant/", fac.id}),
                                          say({"The factor '", fac.description, "' is irrelevant: ", a.set_aside_reason}), true));
            const citation& source = fac.source.label.empty() ? g.claim_cite : fac.source;
            a.argument = argue(key({g.key, "/factor/", fac.id}), fac.description, pit,
                               fac.side == pi_side::maintain ? direction::pro : direction::con, {g.engaged}, exceptions,
                               a.weight, source);
            f.factors.push_back(std::move(a));
        }
        if (presumption) {
            factor_assessment a;
            a.source_factor = &reg_.balancing.presumption_factor; // the regime's: no case states it
            a.base_weight = a.weight = reg_.balancing.presumption_weight;
            a.argument = argue(key({g.key, "/factor/presumption"}), "The presumption in favour of disclosure", pit, direction::con,
                               {g.engaged}, {}, a.weight, a.source_factor->source);
            f.factors.push_back(std::move(a));
        }
    }

    // s.31 applies only to information not exempt under s.30: an engaged claim under a provision
    // this one is subsidiary to displaces it for the items both cover.
    void add_displacement(const claim_group& g) {
        if (!g.displaced) return;
        for (auto k : g.displaced_by) {
            const auto& other = groups_[k];
            argue(key({g.key, "/displaced/", other.key}), say({other.rule->id, " is engaged for the same information"}),
                  *g.displaced, direction::pro, {other.engaged}, {}, 1, g.cite);
        }
    }

    // Where the regime weighs the public interest cumulatively, items covered by several
    // qualified exemptions also get one balance over all their factors (DBT v IC [2025] UKSC 27;
    // Ofcom C-71/10). Aggregation is permitted, not required: each exemption's own balance still
    // stands, and the item is exempt if either succeeds.
    void add_aggregates() {
        const auto& bal = reg_.balancing;
        if (bal.aggregation != aggregation_mode::cumulative) return;
        if (bal.aggregation_since && d_.decision_date < *bal.aggregation_since) return;
        std::map<std::vector<std::size_t>, std::vector<const item*>> sets;
        for (const auto& it : case_.items) {
            std::vector<std::size_t> qualified;
            for (auto k : groups_of(&it))
                if (groups_[k].rule->status == exemption_status::qualified && !groups_[k].ncnd) qualified.push_back(k);
            if (qualified.size() >= 2) sets[qualified].push_back(&it);
        }
        // Room for each set's three statements and, at most, its arguments (reserve_graph left them out).
        std::size_t arguments = 0;
        for (const auto& [members, items] : sets)
            for (auto k : members) arguments += 2 + d_.claims[groups_[k].finding].factors.size();
        d_.graph.reserve(3 * sets.size(), arguments);
        const direction tie = bal.tie == tie_rule::disclose ? direction::con : direction::pro;
        for (const auto& [members, items] : sets) {
            aggregate_finding af;
            std::string key = "agg/";
            std::vector<std::string> provisions;
            for (auto k : members) {
                key += (key.size() > 4 ? "+" : "") + groups_[k].key;
                af.claims.push_back(groups_[k].source->id);
                provisions.push_back(groups_[k].rule->id);
            }
            for (const auto* it : items) af.items.push_back(it->id);
            const std::string who = (items.size() == 1 ? "item " : "items ") + text::join_and(af.items);
            const auto any = derived(key + "/engaged-any", "At least one of " + text::join_and(provisions) + " is engaged for " + who);
            for (auto k : members)
                argue(key + "/engaged-any/" + groups_[k].key, groups_[k].rule->id + " is engaged", any, direction::pro,
                      {groups_[k].engaged}, {}, 1, legislation(*groups_[k].rule));
            af.public_interest = derived(key + "/public-interest",
                                         "For " + who + ", taking " + text::join_and(provisions) + " together, " + bal.test,
                                         proof_standard::balance(tie));
            const citation authority = bal.aggregation_authority.value_or(bal.source);
            // Maintain factors by what they say, each with the claims that argue it: an interest
            // two exemptions protect alike (a default factor they share,
            // rulebook::shared_interests) is one interest, and weighing it twice would count one
            // harm twice.
            std::map<std::string, std::vector<std::pair<std::size_t, const factor_assessment*>>> maintain;
            for (auto k : members)
                for (const auto& a : d_.claims[groups_[k].finding].factors)
                    if (!a.set_aside && a.source_factor->side == pi_side::maintain)
                        maintain[text::lower(a.source_factor->description)].emplace_back(k, &a);
            std::set<std::string> disclose_seen, maintain_seen;
            for (auto k : members) {
                const auto& g = groups_[k];
                const auto& f = d_.claims[g.finding];
                for (const auto& a : f.factors) {
                    const auto& fac = *a.source_factor;
                    if (a.set_aside) continue; // already set aside, with its reason, in the claim's own balance
                    const auto said = text::lower(fac.description);
                    if (fac.side == pi_side::disclose) {
                        // The public interest in disclosure is one interest in this information:
                        // a consideration argued under several exemptions counts once.
                        if (!disclose_seen.insert(said).second) continue;
                        argue(key + "/factor/" + g.key + "/" + fac.id, fac.description, af.public_interest, direction::con,
                              {any}, {}, a.weight, *d_.graph.argument_at(a.argument).source);
                        continue;
                    }
                    if (!maintain_seen.insert(said).second) continue;
                    // One argument per claim arguing it, each undercut by the engagement of the
                    // claims before it, heaviest first: exactly one counts, the heaviest whose
                    // exemption is engaged. (Argued by one claim only, as usual.)
                    auto carriers = maintain[said];
                    std::stable_sort(carriers.begin(), carriers.end(),
                                     [](const auto& x, const auto& y) { return x.second->weight > y.second->weight; });
                    std::vector<statement_id> earlier;
                    for (const auto& [kc, ac] : carriers) {
                        const auto& gc = groups_[kc];
                        std::string label = ac->source_factor->description + " (" + gc.rule->id;
                        if (carriers.size() > 1) {
                            std::vector<std::string> others;
                            for (const auto& [k2, a2] : carriers)
                                if (k2 != kc) others.push_back(groups_[k2].rule->id);
                            label += "; one interest with " + text::join_and(others) + ", counted once";
                        }
                        argue(key + "/factor/" + gc.key + "/" + ac->source_factor->id, label + ")", af.public_interest,
                              direction::pro, {gc.engaged}, earlier, ac->weight, *d_.graph.argument_at(ac->argument).source);
                        earlier.push_back(gc.engaged);
                    }
                }
            }
            af.exempt = derived(key + "/exempt", text::capitalise(who) + (items.size() == 1 ? " is" : " are") +
                                                     " exempt from disclosure under " + text::join_and(provisions) +
                                                     ", weighed together");
            // Under a tie rule that withholds, an even balance also maintains them: the text says so.
            argue(key + "/exempt/rule",
                  reg_.balancing.tie == tie_rule::withhold
                      ? "Engaged qualified exemptions whose combined public interest is at least as great as the public "
                        "interest in disclosure"
                      : "Engaged qualified exemptions whose combined public interest outweighs disclosure",
                  af.exempt, direction::pro, {any, af.public_interest}, {}, 1, authority);
            for (const auto* it : items) {
                if (aggregate_of_.empty()) aggregate_of_.resize(case_.items.size());
                aggregate_of_[index_of(it)].push_back(d_.aggregates.size());
            }
            d_.aggregates.push_back(std::move(af));
        }
    }

    void add_items() {
        const provision* duty = rules_.find_provision(reg_.id, "s.1(1)(b)");
        const citation duty_source = duty ? legislation(*duty) : reg_.balancing.source;
        const citation& together = reg_.balancing.aggregation_authority ? *reg_.balancing.aggregation_authority
                                                                        : reg_.balancing.source;
        // With aggregates, room again for the items (with their arguments from the aggregates) and
        // the notice: the aggregates may have taken what reserve_graph set aside for them.
        if (!aggregate_of_.empty()) {
            std::size_t statements = notice_requirements_count(), arguments = 0;
            for (const auto& it : case_.items) {
                const auto& mine = groups_of(&it);
                const bool any_ncnd = std::any_of(mine.begin(), mine.end(), [&](std::size_t k) { return groups_[k].ncnd; });
                statements += any_ncnd ? 4 : 3;
                arguments += mine.size() + aggregates_of(&it).size() + 1;
            }
            d_.graph.reserve(statements, arguments);
        }
        d_.items.reserve(case_.items.size());
        std::string base;
        for (const auto& it : case_.items) {
            item_finding& f = d_.items.emplace_back(); // reserved above: stays where it is
            f.item_id = it.id;
            base.assign("item/").append(it.id);
            const auto held = fact(key({base, "/held"}), say({"The authority holds item ", it.id, " (", it.description, ")"}), it.held);
            f.exempt = derived(key({base, "/exempt"}), say({"Item ", it.id, " is exempt information"}));
            statement_id withheld_by[2] = {f.exempt, 0};
            std::size_t withheld_ways = 1;
            const auto& mine = groups_of(&it);
            const bool any_ncnd = std::any_of(mine.begin(), mine.end(), [&](std::size_t k) { return groups_[k].ncnd; });
            if (any_ncnd) {
                f.ncnd = derived(key({base, "/ncnd"}),
                                 say({"The duty to confirm or deny whether the authority holds item ", it.id, " does not arise"}));
                withheld_by[withheld_ways++] = *f.ncnd;
            }
            for (auto k : mine) {
                const auto& g = groups_[k];
                argue(key({base, g.ncnd ? "/ncnd/" : "/exempt/", g.key}), say({g.ncnd ? "Excluded by " : "Exempt under ", g.rule->id}),
                      g.ncnd ? *f.ncnd : f.exempt, direction::pro, {g.exempt}, {}, 1, g.cite);
            }
            for (auto a : aggregates_of(&it)) {
                const auto& af = d_.aggregates[a];
                argue(key({base, "/exempt/", d_.graph.at(af.exempt).key}), "Exempt under the exemptions weighed together",
                      f.exempt, direction::pro, {af.exempt}, {}, 1, together);
            }
            f.disclose = derived(key({base, "/disclose"}), say({"Item ", it.id, " must be communicated to the requester"}));
            argue(key({base, "/disclose/duty"}), "The duty to communicate information held, unless it is exempt", f.disclose,
                  direction::pro, {held}, std::span<const statement_id>(withheld_by, withheld_ways), 1, duty_source);
        }
    }

    // The groups and the aggregates covering an item, by index (none: an empty list).
    std::span<const std::size_t> groups_of(const item* it) const {
        const std::size_t i = index_of(it);
        return {group_list_.data() + group_start_[i], group_start_[i + 1] - group_start_[i]};
    }
    const std::vector<std::size_t>& aggregates_of(const item* it) const {
        static const std::vector<std::size_t> none;
        return aggregate_of_.empty() ? none : aggregate_of_[index_of(it)];
    }
    // An item's position in the case (the evaluator's item pointers are all into case_.items).
    std::size_t index_of(const item* it) const { return static_cast<std::size_t>(it - case_.items.data()); }

    // The statements add_notice_facts will add, at most.
    std::size_t notice_requirements_count() const { return case_.notice ? reg_.notice_requirements.size() : 0; }

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
            if (notice_facts_.empty()) notice_facts_.resize(reg_.notice_requirements.size());
            notice_facts_[static_cast<std::size_t>(&req - reg_.notice_requirements.data())] =
                fact(key({"notice/", req.id}), say({"The notice meets ", req.provision, ": it must ", req.description}), *met);
        }
    }

    // The fact add_notice_facts stated for the requirement `id` (the last, if the regime lists
    // the id twice).
    std::optional<statement_id> notice_fact(std::string_view id) const {
        for (std::size_t i = notice_facts_.size(); i-- > 0;)
            if (notice_facts_[i] && reg_.notice_requirements[i].id == id) return notice_facts_[i];
        return std::nullopt;
    }

    void read_outcomes() {
        const auto& g = d_.graph;
        std::size_t disclosed = 0, withheld = 0, ncnd = 0, undecided = 0;
        for (std::size_t i = 0; i < d_.items.size(); ++i) {
            auto& f = d_.items[i];
            const item* it = &case_.items[i];
            if (f.ncnd && g.label_of(*f.ncnd) == label::accepted) f.outcome = item_outcome::neither_confirm_nor_deny;
            else if (!it->held) f.outcome = item_outcome::not_held;
            else if (g.label_of(f.exempt) == label::accepted) f.outcome = item_outcome::withhold;
            else if (g.label_of(f.disclose) == label::accepted) f.outcome = item_outcome::disclose;
            else f.outcome = item_outcome::undecided;
            if (f.outcome == item_outcome::withhold || f.outcome == item_outcome::neither_confirm_nor_deny) {
                auto name = [&](const std::string& id) {
                    if (std::find(f.provisions.begin(), f.provisions.end(), id) == f.provisions.end()) f.provisions.push_back(id);
                };
                const bool want_ncnd = f.outcome == item_outcome::neither_confirm_nor_deny;
                for (auto k : groups_of(it))
                    if (groups_[k].ncnd == want_ncnd && g.label_of(groups_[k].exempt) == label::accepted) name(groups_[k].rule->id);
                if (!want_ncnd)
                    for (auto a : aggregates_of(it)) {
                        if (g.label_of(d_.aggregates[a].exempt) != label::accepted) continue;
                        for (const auto& cid : d_.aggregates[a].claims) name(claim_by_id(cid).provision);
                    }
            }
            switch (f.outcome) {
            case item_outcome::disclose: ++disclosed; break;
            case item_outcome::withhold: ++withheld; break;
            case item_outcome::neither_confirm_nor_deny: ++ncnd; break;
            case item_outcome::not_held: break;
            case item_outcome::undecided: ++undecided; break;
            }
        }
        if (undecided > 0) d_.outcome = request_outcome::undecided;
        else if (ncnd > 0 && ncnd == d_.items.size()) d_.outcome = request_outcome::neither_confirm_nor_deny;
        else if (withheld + ncnd == 0 && disclosed > 0) d_.outcome = request_outcome::full_disclosure;
        else if (withheld + ncnd > 0 && disclosed > 0) d_.outcome = request_outcome::partial_disclosure;
        else if (withheld + ncnd > 0) d_.outcome = request_outcome::refusal;
        else d_.outcome = request_outcome::not_held;
    }

    // s.10(3): more time to consider the public interest, only once a qualified exemption is
    // engaged (ICO decision IC-155171-G3W9). A valid extension moves the deadline the late
    // check uses; an invalid one is flagged and ignored.
    void apply_extension() {
        if (!case_.notice || !case_.notice->extended_to || !d_.deadline) return;
        auto& dl = *d_.deadline;
        dl.extended_to = case_.notice->extended_to;
        dl.extension_counts = std::any_of(groups_.begin(), groups_.end(), [&](const claim_group& g) {
            return g.rule->status == exemption_status::qualified && d_.graph.label_of(g.engaged) == label::accepted;
        });
        if (!dl.extension_counts || !dl.sent) return;
        const date due = std::max(dl.due, *dl.extended_to);
        dl.days_late.reset();
        if (*dl.sent > due)
            dl.days_late = dl.days == day_count::working ? reg_.deadline.calendar.working_days_between(due, *dl.sent)
                                                         : static_cast<int>(dl.sent->days() - due.days());
    }

    // The citation by value: most are made for the flag (cite_provision) and are moved in.
    void flag(std::string_view code, std::string_view name, severity level, std::string message, citation source,
              const source_location& where, std::optional<statement_id> st = std::nullopt) {
        // Braces, not emplace_back(fields...): Clang 14 has no aggregate initialisation with parentheses.
        d_.flags.push_back({std::string(code), std::string(name), level, std::move(message), std::move(source), where, st});
    }

    // s.17(4): reasons may be left out of a notice only where stating them would disclose
    // information that is itself exempt. Not so if the claim's exemption is not engaged for any
    // of its information; and pointless if every item it covers is released anyway.
    void review_reasons_withheld() {
        if (std::none_of(case_.claims.begin(), case_.claims.end(), [](const claim& cl) { return !cl.reasons_withheld.empty(); }))
            return;
        const auto& g = d_.graph;
        const citation source = rules_.find_provision(reg_.id, "s.17(4)")
                                    ? cite_provision("s.17(4)")
                                    : citation{source_kind::legislation, reg_.short_title, reg_.uri};
        std::map<const claim*, std::vector<const claim_group*>> groups_of;
        for (const auto& grp : groups_) groups_of[grp.source].push_back(&grp);
        for (const auto& cl : case_.claims) {
            if (cl.reasons_withheld.empty()) continue;
            const auto& mine = groups_of[&cl];
            const bool engaged = std::any_of(mine.begin(), mine.end(), [&](const claim_group* grp) {
                return g.label_of(d_.claims[grp->finding].engaged) == label::accepted;
            });
            const bool all_released = std::all_of(cl.items.begin(), cl.items.end(), [&](const std::string& id) {
                return finding_of(&item_by_id(id)).outcome == item_outcome::disclose;
            });
            if (!engaged)
                flag("F119", "reasons-withheld-without-exemption", severity::error,
                     joined({"The notice leaves out the reasons for relying on ", cl.provision, " (", cl.reasons_withheld,
                             ") because stating them would disclose exempt information, but ", cl.provision,
                             " is not engaged for any of the information claimed, so that information is not exempt and "
                             "the reasons must be given"}),
                     source, cl.where);
            else if (all_released)
                flag("F120", "reasons-withheld-for-released-information", severity::warning,
                     joined({"The notice leaves out the reasons for relying on ", cl.provision, " (", cl.reasons_withheld,
                             "), but every item the claim covers is released, so stating the reasons would disclose "
                             "nothing the requester is not given"}),
                     source, cl.where);
        }
    }

    void review_claims() {
        const auto& g = d_.graph;
        std::set<const claim*> seen;
        for (const auto& grp : groups_) {
            const claim& cl = *grp.source;
            const provision& p = *grp.rule;
            const auto& f = d_.claims[grp.finding];
            // Flags about the claim as a whole are raised once, with its first group; flags about
            // some of its items (displacement, bars, withholding that fails) for every group.
            const bool first = seen.insert(&cl).second;
            const auto* applied = reg_.find_threshold(f.threshold_applied);
            // Only a regime with more than one threshold asks the authority to choose.
            if (first && p.test == engagement_test::prejudice && applied && reg_.thresholds.size() > 1) {
                if (cl.likelihood.size() > 1)
                    flag("F101", "threshold-not-chosen", severity::warning,
                         joined({"The authority names more than one likelihood threshold without choosing, so only the lower, '",
                                 applied->phrase, "', can be applied; a higher threshold would carry more weight in the "
                                 "public interest test"}),
                         reg_.unstated_threshold_source, cl.where, f.threshold_rule);
                else if (cl.likelihood.empty())
                    flag("F102", "threshold-not-stated", severity::warning,
                         joined({"The authority does not say which likelihood threshold it relies on, so the lower one, '",
                                 applied->phrase, "', is applied"}),
                         reg_.unstated_threshold_source, cl.where, f.threshold_rule);
            }
            if (first && p.test == engagement_test::prejudice) {
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
            // A claim pleaded in the alternative to the claims that displace it is what the
            // authority meant: "s.23(1) or, in the alternative, s.24(1)" (FCDO v IC [2021] UKUT 248 (AAC)).
            const auto pleaded_alternatively = [&] {
                bool any = false;
                for (auto k : grp.displaced_by) {
                    if (g.label_of(groups_[k].engaged) != label::accepted) continue;
                    if (!alternatives(cl, *groups_[k].source)) return false;
                    any = true;
                }
                return any;
            };
            if (grp.displaced && g.label_of(*grp.displaced) == label::accepted && !pleaded_alternatively())
                flag("F117", "subsidiary-provision-relied-on", severity::error,
                     joined({p.id,
                             grp.ncnd ? " is relied on where the duty to confirm or deny does not arise under "
                                      : " is relied on for information that is exempt under ",
                             text::join_or(p.subsidiary_to), ", to which ", p.id, " is subsidiary: the claim should rest on that provision"}),
                     grp.cite, cl.where, grp.displaced);
            if (first && grp.ncnd && case_.notice && case_.notice->confirms_held)
                flag("F115", "ncnd-but-confirmed", severity::error,
                     joined({"The notice relies on ", p.id, " to neither confirm nor deny, but it confirms that the information is "
                             "held, which defeats the exclusion"}),
                     grp.cite, case_.notice->where, grp.exempt);
            if (first && p.status == exemption_status::absolute && !cl.factors.empty())
                flag("F104", "pit-for-absolute-exemption", severity::warning,
                     joined({p.id, " is an absolute exemption: no public interest test applies, and the factors argued are not weighed"}),
                     cite_provision_or(absolute_rule_id(grp.ncnd), grp.cite), cl.where);
            for (const auto& a : f.factors) {
                if (first && a.set_aside)
                    flag("F105", "irrelevant-factor", severity::error,
                         joined({"The authority relies on an irrelevant factor ('", a.source_factor->description, "'): ",
                                 a.set_aside_reason}),
                         a.set_aside_source, a.source_factor->where);
            }
            for (std::size_t i = 0, k = 0; i < p.unavailable_for.size() && i < 64; ++i)
                if (grp.bars >> i & 1)
                    flag("F121", "barred-for-this-information", severity::error,
                         joined({p.id, " is relied on for ", grp.who, ", which ", grp.items.size() == 1 ? "concerns " : "concern ",
                                 p.unavailable_for[i].kind, ", but ", p.unavailable_for[i].by,
                                 " bars reliance on it for such information"}),
                         cite_provision(p.unavailable_for[i].by), cl.where, grp.barred[k++]);
            const bool was_displaced = grp.displaced && g.label_of(*grp.displaced) == label::accepted;
            // Items may still be withheld another way (another exemption, or exemptions weighed
            // together): the authority's withholding fails only for items that are released.
            const bool released = std::any_of(grp.items.begin(), grp.items.end(), [&](const item* it) {
                return finding_of(it).outcome == item_outcome::disclose;
            });
            if (g.label_of(f.exempt) != label::accepted && !was_displaced && grp.bars == 0 && released) {
                const bool engaged = g.label_of(f.engaged) == label::accepted;
                flag("F114", "withholding-not-supported", severity::error,
                     engaged ? joined({"The public interest in maintaining ", p.id, " does not outweigh the public interest in "
                                       "disclosure, so the information it covers must be disclosed"})
                             : joined({p.id, " is not shown to be engaged for ", grp.who}),
                     engaged ? balancing_source(grp.ncnd) : grp.cite, cl.where, f.exempt);
            }
        }
    }

    // Whether the authority pleads the two claims in the alternative (either may name the other).
    static bool alternatives(const claim& a, const claim& b) {
        auto names = [](const claim& x, const claim& y) {
            return std::find(x.in_the_alternative_to.begin(), x.in_the_alternative_to.end(), y.id) != x.in_the_alternative_to.end();
        };
        return names(a, b) || names(b, a);
    }

    // Two claims for the same items under provisions that are mutually exclusive (`exclusive_with`):
    // the same information cannot fall within both, so one of them is wrong, unless the authority
    // pleads them in the alternative. Raised once per pair of claims, naming the items they share.
    void review_exclusivity() {
        const auto& g = d_.graph;
        std::map<std::pair<std::size_t, std::size_t>, std::vector<const item*>> pairs; // group indices, first < second
        for (const auto& it : case_.items) {
            const auto& mine = groups_of(&it);
            for (std::size_t i = 0; i < mine.size(); ++i)
                for (std::size_t j = i + 1; j < mine.size(); ++j) {
                    const auto& a = groups_[mine[i]];
                    const auto& b = groups_[mine[j]];
                    if (a.source == b.source) continue;
                    const auto& ex = a.rule->exclusive_with;
                    if (std::find(ex.begin(), ex.end(), b.rule->id) == ex.end()) continue;
                    pairs[{std::min(mine[i], mine[j]), std::max(mine[i], mine[j])}].push_back(&it);
                }
        }
        std::set<std::pair<const claim*, const claim*>> raised;
        for (const auto& [key, items] : pairs) {
            const auto& a = groups_[key.first];
            const auto& b = groups_[key.second];
            if (alternatives(*a.source, *b.source) || !raised.insert({a.source, b.source}).second) continue;
            std::vector<std::string> ids;
            for (const auto& [k2, its] : pairs)
                if (groups_[k2.first].source == a.source && groups_[k2.second].source == b.source)
                    for (const auto* x : its)
                        if (std::find(ids.begin(), ids.end(), x->id) == ids.end()) ids.push_back(x->id);
            const bool both = g.label_of(a.engaged) == label::accepted && g.label_of(b.engaged) == label::accepted;
            flag("F122", "mutually-exclusive-provisions", severity::warning,
                 a.rule->id + " and " + b.rule->id + " are both relied on for " + (ids.size() == 1 ? "item " : "items ") +
                     text::join_and(ids) + ", but they are mutually exclusive: the same information cannot fall within both" +
                     (both ? ", yet the case's facts engage both, so the facts of one claim cannot be right" : "") +
                     ". Rely on the one that applies, or plead one in the alternative to the other",
                 legislation(*b.rule), b.source->where, b.engaged);
        }
    }

    // Whether two provisions can never both apply to the same information: one gives way to the
    // other (subsidiary_to), or the rulebook says they are exclusive.
    static bool cannot_both_apply(const provision& a, const provision& b) {
        const auto names = [](const std::vector<std::string>& ids, const std::string& id) {
            return std::find(ids.begin(), ids.end(), id) != ids.end();
        };
        return names(a.subsidiary_to, b.id) || names(b.subsidiary_to, a.id) || names(a.exclusive_with, b.id) ||
               names(b.exclusive_with, a.id);
    }

    // Claims pleaded in the alternative to each other, for the same items, under provisions that
    // cannot both apply ("section 23(1) or, in the alternative, section 24(1)"): the notice cites
    // them together, since citing only the one that holds would tell the requester what the
    // pleading keeps back (FCDO v IC [2021] UKUT 248 (AAC)). Groups of items are joined, not whole
    // claims: a claim split into groups joins each group to the groups of the other claims that
    // share an item with it. Each set of joined groups is one finding (sets with the same claims
    // are one), in the order of its first group. A case that pleads nothing in the alternative,
    // the usual one, pays one scan of its claims.
    void find_alternatives() {
        if (std::none_of(case_.claims.begin(), case_.claims.end(),
                         [](const claim& cl) { return !cl.in_the_alternative_to.empty(); }))
            return;
        const std::size_t n = groups_.size();
        std::vector<std::size_t> root(n);
        std::iota(root.begin(), root.end(), std::size_t{0});
        const auto find = [&](std::size_t i) {
            while (root[i] != i) i = root[i] = root[root[i]];
            return i;
        };
        // Each group of a claim that names others, with every group of a named claim that covers
        // one of its items (read off the per-item index, so the cost is linear in the items).
        for (std::size_t a = 0; a < n; ++a) {
            const auto& ga = groups_[a];
            const auto& named = ga.source->in_the_alternative_to;
            if (named.empty() || ga.ncnd) continue;
            for (const item* it : ga.items)
                for (auto b : groups_of(it)) {
                    const auto& gb = groups_[b];
                    if (gb.source == ga.source || gb.ncnd || find(a) == find(b)) continue;
                    if (std::find(named.begin(), named.end(), gb.source->id) == named.end()) continue;
                    if (!cannot_both_apply(*ga.rule, *gb.rule)) continue;
                    const auto x = find(a), y = find(b);
                    root[std::max(x, y)] = std::min(x, y); // named by its first group
                }
        }
        std::vector<std::size_t> members(n, 0);
        for (std::size_t a = 0; a < n; ++a) ++members[find(a)];
        const auto joined_to_another = [&](std::size_t a) { return members[find(a)] > 1; };
        // A claim's groups are consecutive, so a claim already listed is the last one listed.
        const auto add_claim = [](std::vector<std::string>& to, const std::string& id) {
            if (to.empty() || to.back() != id) to.push_back(id);
        };
        // The claims of each set, by its first group.
        std::vector<std::vector<std::string>> claims_of(n);
        for (std::size_t a = 0; a < n; ++a)
            if (joined_to_another(a)) add_claim(claims_of[find(a)], groups_[a].source->id);
        // Sets with the same claims are one finding, with one section in the notice: claims split
        // into groups of items that differ in a fact (one item in the public domain) are joined
        // group by group, and the requester should not read the same citation twice.
        constexpr std::size_t none = static_cast<std::size_t>(-1);
        alternative_of_.assign(n, none);
        for (std::size_t r = 0; r < n; ++r) {
            if (find(r) != r || members[r] < 2) continue;
            const auto same = std::find_if(d_.alternatives.begin(), d_.alternatives.end(),
                                           [&](const alternative_finding& x) { return x.claims == claims_of[r]; });
            alternative_of_[r] = static_cast<std::size_t>(same - d_.alternatives.begin());
            if (same == d_.alternatives.end()) d_.alternatives.emplace_back().claims = std::move(claims_of[r]);
        }
        const auto& g = d_.graph;
        for (std::size_t a = 0; a < n; ++a) {
            if (!joined_to_another(a)) continue;
            alternative_of_[a] = alternative_of_[find(a)];
            auto& alt = d_.alternatives[alternative_of_[a]];
            const auto& grp = groups_[a];
            alt.findings.push_back(grp.finding);
            if (g.label_of(grp.exempt) == label::accepted) add_claim(alt.holding, grp.source->id);
        }
        // The items two or more of the joined groups cover (a claim's groups never share an item).
        std::vector<std::size_t> covered;
        for (auto& alt : d_.alternatives) {
            covered.clear();
            for (auto k : alt.findings)
                for (const item* it : groups_[k].items) covered.push_back(index_of(it));
            std::sort(covered.begin(), covered.end());
            for (std::size_t i = 0; i + 1 < covered.size(); ++i)
                if (covered[i] == covered[i + 1] && (alt.items.empty() || alt.items.back() != case_.items[covered[i]].id))
                    alt.items.push_back(case_.items[covered[i]].id);
        }
    }

    // The review of claims pleaded in the alternative that the notice cites together (F123, F124).
    void review_alternatives() {
        if (d_.alternatives.empty()) return;
        for (std::size_t k = 0; k < d_.alternatives.size(); ++k) review_unweighed_alternatives(k);
        review_alternatives_weighed_together();
    }

    // F123: the notice says that, where a qualified alternative applies, the public interest in
    // maintaining it outweighs the public interest in disclosure (FOIA s.17(3)). When that
    // alternative is not engaged (displaced by the alternative that holds, or not shown), its
    // public interest test was never weighed, and the statement is not a conclusion the
    // authority has reached. Its own factors are weighed here as they would have been had it been
    // engaged (the same weights after multipliers, the same set-asides, the regime's tie rule);
    // only when they do not favour maintaining it is the statement flagged.
    void review_unweighed_alternatives(std::size_t k) {
        const auto& alt = d_.alternatives[k];
        if (alt.holding.empty()) return; // no claim holds: the notice does not cite them
        const auto& g = d_.graph;
        for (auto fi : alt.findings) {
            const auto& f = d_.claims[fi];
            const auto& grp = groups_[fi]; // one finding per group, in order
            if (!f.public_interest) continue;
            if (g.label_of(f.engaged) == label::accepted) {
                review_weighed_alternative(f, grp);
                continue;
            }
            if (g.label_of(f.engaged) != label::rejected) continue;
            double maintain = 0, disclose = 0;
            bool any_maintain = false;
            for (const auto& a : f.factors) {
                if (a.set_aside) continue;
                if (a.source_factor->side == pi_side::maintain) {
                    maintain += a.weight;
                    any_maintain = true;
                } else {
                    disclose += a.weight;
                }
            }
            const auto& standard = g.at(*f.public_interest).standard;
            if (standard.satisfied(maintain, disclose, any_maintain)) continue;
            // Why it was not weighed: displaced by an engaged alternative, or not shown to be engaged.
            const claim_group* by = nullptr;
            if (grp.displaced && g.label_of(*grp.displaced) == label::accepted)
                for (auto d : grp.displaced_by)
                    if (alternative_of_[d] == k && g.label_of(groups_[d].engaged) == label::accepted) {
                        by = &groups_[d];
                        break;
                    }
            const std::string_view id = grp.rule->id;
            // Not favouring maintenance with equal sides means the tie goes to disclosure.
            const bool even = std::abs(maintain - disclose) <= 1e-9 * std::max({1.0, std::abs(maintain), std::abs(disclose)});
            flag("F123", "masked-alternative-not-weighed", severity::warning,
                 joined({"The notice cites ", id, " in the alternative and says that, where ", id,
                         " applies, the public interest in maintaining it outweighs the public interest in disclosure. The "
                         "authority has not reached that conclusion: ",
                         by ? joined({id, " is displaced for ", grp.who, " because ", by->rule->id,
                                      ", pleaded in the alternative, is engaged, so its public interest test was not weighed"})
                            : joined({id, " is not shown to be engaged for ", grp.who,
                                      ", so its public interest test was not weighed"}),
                         ", and the factors argued for it, weighed as if it were engaged, do not favour maintaining it "
                         "(maintaining ", text::number(maintain), ", disclosure ", text::number(disclose),
                         even ? "; an even balance goes to disclosure" : "", "). Weigh the public interest in ", id,
                         " before the notice is sent, or do not state that conclusion"}),
                 balancing_source(false), grp.source->where, f.public_interest);
        }
    }

    // F125: an engaged qualified alternative whose own public interest test was weighed and does
    // not favour maintaining it, while another alternative holds. The notice still says that,
    // where it applies, maintaining it outweighs disclosure: the decision says the opposite.
    // (Alternatives that can both be engaged are exclusive ones, e.g. s.39(1)(a) and (b), where
    // the facts argued for each are not reconciled.)
    void review_weighed_alternative(const claim_finding& f, const claim_group& grp) {
        const auto& g = d_.graph;
        if (g.label_of(*f.public_interest) == label::accepted) return;
        const std::string_view id = grp.rule->id;
        flag("F125", "masked-alternative-weighed-against", severity::warning,
             joined({"The notice cites ", id, " in the alternative and says that, where ", id,
                     " applies, the public interest in maintaining it outweighs the public interest in disclosure. But ",
                     id, " is engaged for ", grp.who, " and its public interest test, weighed, does not favour maintaining it "
                     "(maintaining ", text::number(g.weight_of(*f.public_interest, direction::pro)), ", disclosure ",
                     text::number(g.weight_of(*f.public_interest, direction::con)),
                     "): the notice would state the opposite of the decision. Reconsider the factors, or rely on ", id,
                     " only if it holds"}),
             balancing_source(false), grp.source->where, f.public_interest);
    }

    // F124: where the public interest in several exemptions is weighed together, an item withheld
    // only by that combined balance gets a section of the notice naming each of them and saying
    // why each applies. If one of them is a claim pleaded in the alternative, that section names
    // it without the other alternatives (or, if they are weighed too, as applying together rather
    // than in the alternative), and the notice differs from the one written where an alternative
    // holds on its own: it tells the requester which applies. The notice cannot avoid this and
    // still read the same whichever holds (the combined balance exists only where that alternative
    // is engaged), so the reviewer is told before it is sent. Once per set of alternatives touched.
    void review_alternatives_weighed_together() {
        const auto& g = d_.graph;
        constexpr std::size_t none = static_cast<std::size_t>(-1);
        std::vector<std::string> only_together, named, left_out;
        std::vector<std::size_t> touched;
        for (const auto& af : d_.aggregates) {
            if (g.label_of(af.exempt) != label::accepted || af.items.empty()) continue;
            // Items that no single claim (and no set of alternatives) withholds: the notice names
            // the exemptions weighed together for them.
            only_together.clear();
            for (const auto& id : af.items) {
                const item* it = &item_by_id(id);
                if (finding_of(it).outcome != item_outcome::withhold) continue;
                const auto mine = groups_of(it);
                if (std::none_of(mine.begin(), mine.end(), [&](std::size_t x) {
                        return !groups_[x].ncnd && g.label_of(groups_[x].exempt) == label::accepted;
                    }))
                    only_together.push_back(id);
            }
            if (only_together.empty()) continue;
            // The groups weighed together are the qualified ones covering each of its items.
            touched.clear();
            for (auto m : groups_of(&item_by_id(af.items.front()))) {
                const auto& grp = groups_[m];
                if (grp.rule->status != exemption_status::qualified || grp.ncnd || alternative_of_[m] == none) continue;
                if (std::find(touched.begin(), touched.end(), alternative_of_[m]) == touched.end()) touched.push_back(alternative_of_[m]);
            }
            std::vector<std::string> together;
            if (!touched.empty())
                for (const auto& id : af.claims) together.push_back(claim_by_id(id).provision);
            for (auto k : touched) {
                const auto& alt = d_.alternatives[k];
                named.clear();
                left_out.clear();
                const claim* first = nullptr;
                for (const auto& id : alt.claims) {
                    const claim& cl = claim_by_id(id);
                    const bool weighed = std::find(af.claims.begin(), af.claims.end(), id) != af.claims.end();
                    (weighed ? named : left_out).push_back(cl.provision);
                    if (weighed && !first) first = &cl;
                }
                const std::string who = joined({only_together.size() == 1 ? "item " : "items ", text::join_and(only_together),
                                                only_together.size() == 1 ? " is" : " are"});
                const std::string how =
                    left_out.empty()
                        ? joined({"cites ", text::join_and(named), " as exemptions that apply together, not in the alternative, "
                                  "and says why each applies, so it reads differently from the notice written where one of them "
                                  "holds on its own"})
                        : joined({"names ", text::join_and(named), " without ", text::join_or(left_out),
                                  ", and so tells the requester which alternative applies"});
                flag("F124", "alternative-revealed-by-aggregation", severity::warning,
                     joined({text::join_and(named), left_out.empty() ? " are" : " is", " pleaded in the alternative",
                             left_out.empty() ? "" : " to ", text::join_or(left_out), ", but ", who, " withheld by weighing ",
                             text::join_and(together), " together. The notice's section on the exemptions weighed together ",
                             how, ", which pleading in the alternative keeps back (FCDO v IC [2021] UKUT 248 (AAC)). candour "
                             "cannot word that section so that it reads the same whichever alternative holds; review the "
                             "notice before it is sent"}),
                     specification_source(), first->where, af.exempt);
            }
        }
    }

    // The provision that requires a refusal notice to specify the exemption (FOIA s.17(1)(b)),
    // or the Act where the regime has no s.17(1).
    citation specification_source() const {
        return rules_.find_provision(reg_.id, "s.17(1)") ? cite_provision("s.17(1)(b)")
                                                         : citation{source_kind::legislation, reg_.short_title, reg_.uri};
    }

    // A claim under a provision that sends the information to another regime (FOIA s.39 to the
    // EIR): the route holds for the claim's items when the provision is engaged for them.
    void find_routes() {
        const auto& g = d_.graph;
        for (const auto& grp : groups_)
            for (const auto& r : grp.rule->routes_to) {
                route_finding f;
                f.claim_id = grp.source->id;
                f.provision_id = grp.rule->id;
                f.regime = r.regime;
                f.target_provision = r.provision;
                for (const auto* it : grp.items) f.items.push_back(it->id);
                f.engaged = grp.engaged;
                f.routed = g.label_of(grp.engaged) == label::accepted;
                d_.routes.push_back(std::move(f));
            }
    }

    // The item and the claim with an id: check_case has made sure that there is one.
    const item& item_by_id(std::string_view id) const { return *item_ids_.find(id); }
    const claim& claim_by_id(std::string_view id) const { return *claim_ids_.find(id); }

    // d_.items is in case order, so an item's finding is found by its position.
    const item_finding& finding_of(const item* it) const {
        return d_.items[index_of(it)];
    }

    // The provision that makes absolute exemptions skip the public interest test, if the
    // rulebook has it (FOIA s.2(2)(a)); other regimes state it in their own terms.
    // FOIA s.2(1)(a) for the duty to confirm or deny, s.2(2)(a) for the duty to communicate.
    std::string_view absolute_rule_id(bool ncnd = false) const {
        const char* id = ncnd ? "s.2(1)(a)" : "s.2(2)(a)";
        return rules_.find_provision(reg_.id, id) ? id : "";
    }

    citation cite_provision_or(std::string_view id, const citation& fallback) const {
        if (id.empty()) return fallback;
        return cite_provision(id);
    }

    // The citation of a provision by id; a paragraph not modelled on its own ("s.17(7)(b)") is
    // cited with the address of the nearest enclosing provision the rulebook has ("s.17(7)").
    citation cite_provision(std::string_view id) const {
        citation c{source_kind::legislation, joined({reg_.short_title, " ", id}), {}};
        for (std::string_view probe = id; !probe.empty();) {
            if (const auto* p = rules_.find_provision(reg_.id, probe)) {
                c.uri = p->uri;
                return c;
            }
            const auto open = probe.rfind('(');
            if (open == std::string_view::npos) break;
            probe = probe.substr(0, open);
        }
        c.uri = reg_.uri;
        return c;
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
            if (!refuses || (req.qualified_only && !qualified)) continue;
            const auto met = notice_fact(req.id);
            if (!met || d_.graph.label_of(*met) == label::accepted) continue;
            for (const auto& r : rules) {
                if (req.id != r.id) continue;
                flag(r.code, r.name, severity::error, joined({"The notice does not ", req.description, ", as ", req.provision, " requires"}),
                     cite_provision(req.provision), n.where, met);
            }
        }
        const auto review_req = std::find_if(reg_.notice_requirements.begin(), reg_.notice_requirements.end(),
                                             [](const notice_requirement& q) { return q.id == "internal-review"; });
        if (n.internal_review == review_particulars::by_reference && review_req != reg_.notice_requirements.end())
            flag("F111", "internal-review-by-reference", severity::warning,
                 joined({"The notice gives no particulars of the internal review procedure itself, only a reference to ",
                         n.internal_review_reference.empty() ? std::string_view("another document") : n.internal_review_reference,
                         "; the particulars should be in the notice"}),
                 cite_provision(review_req->provision), n.where, notice_fact("internal-review"));
        const auto& dl = *d_.deadline;
        if (dl.extended_to && !dl.extension_counts)
            flag("F116", "extension-without-qualified-exemption", severity::error,
                 joined({"The authority extended the time to ", dl.extended_to->long_form(),
                         " to consider the public interest, but no qualified exemption is engaged, so no extension was "
                         "available and the deadline stays ", dl.due.long_form()}),
                 cite_provision("s.10(3)"), n.where);
        if (dl.extended_to && dl.extension_counts && dl.days == day_count::working &&
            reg_.deadline.calendar.working_days_between(dl.due, *dl.extended_to) > reg_.deadline.period)
            flag("F118", "extension-too-long", severity::warning,
                 joined({"The public interest extension to ", dl.extended_to->long_form(), " is more than ",
                         std::to_string(reg_.deadline.period), " further working days after the deadline of ", dl.due.long_form(),
                         "; the ICO expects no more than that"}),
                 cite_provision("s.10(3)"), n.where);
        if (dl.days_late) {
            flag("F113", "late-response", severity::error,
                 joined({"The response was sent on ", dl.sent->long_form(), ", ", std::to_string(*dl.days_late),
                         dl.days == day_count::working ? " working day" : " day", *dl.days_late == 1 ? "" : "s",
                         " after the deadline of ",
                         (dl.extended_to && dl.extension_counts ? std::max(dl.due, *dl.extended_to) : dl.due).long_form()}),
                 dl.source, n.where);
        } else if (!dl.sent && n.acknowledges_delay) {
            flag("F113", "late-response", severity::error,
                 joined({"The notice apologises for the delay in replying, so it was sent after the deadline of ", dl.due.long_form(),
                         "; it is undated, so the number of working days late cannot be computed"}),
                 dl.source, n.where);
        }
    }

    // What would change the outcome: for each engagement finding and each public interest test,
    // the single changes to the case that would flip it, smallest first. The balance is
    // recomputed with the same proof standard the engine used, so a tie goes where the law says.
    void find_counterfactuals() {
        const auto& g = d_.graph;
        for (const auto& grp : groups_) {
            const auto& f = d_.claims[grp.finding];
            const claim& cl = *grp.source;
            const provision& p = *grp.rule;
            // The description is given in parts, joined once.
            auto add = [&](statement_id st, std::string_view kind, std::string_view subject, std::string_view from,
                           std::string_view to, std::initializer_list<std::string_view> description) {
                counterfactual& c = d_.counterfactuals.emplace_back();
                c.claim_id = cl.id;
                c.finding = st;
                c.now = g.label_of(st);
                c.would_be = c.now == label::accepted ? label::rejected : label::accepted;
                c.kind = kind;
                c.subject = subject;
                c.from = from;
                c.to = to;
                c.description = joined(description);
            };
            const label engaged = g.label_of(f.engaged);
            if (engaged == label::accepted) {
                for (auto limb : f.limbs) {
                    const auto& key = g.at(limb).key;
                    if (key.ends_with("/interest"))
                        add(f.engaged, "limb", key, "harm stated", "no harm stated",
                            {"if the authority had described no harm to ", p.protected_interest, ", ", p.id, " would not be engaged"});
                    else if (key.ends_with("/causal"))
                        add(f.engaged, "limb", key, "causal chain stated", "no causal chain",
                            {"if the authority had shown no causal link between disclosure and the harm, ", p.id, " would not be engaged"});
                    else if (key.ends_with("/class"))
                        add(f.engaged, "limb", key, "class facts stated", "no class facts",
                            {"if the authority had shown no facts putting the information in the class, ", p.id, " would not be engaged"});
                }
                if (grp.displaced && g.label_of(*grp.displaced) == label::rejected) {
                    const std::string targets = text::join_or(p.subsidiary_to);
                    // Displacement and the historical limit are matters of applicability (step 1): the
                    // finding they flip first is `applicable`, and engagement only through it.
                    if (grp.ncnd)
                        add(f.applicable, "displacement", g.at(*grp.displaced).key, joined({"duty not excluded by ", targets}),
                            joined({"duty excluded by ", targets}),
                            {"if the duty to confirm or deny did not arise under ", targets, ", ", p.id, " could not apply"});
                    else
                        add(f.applicable, "displacement", g.at(*grp.displaced).key, joined({"not exempt under ", targets}),
                            joined({"exempt under ", targets}), {"if the information were exempt under ", targets, ", ", p.id, " could not apply"});
                }
                if (p.history && !grp.history_passed) {
                    const historical_rule& rule = p.history->on(d_.decision_date);
                    // A limit that also waits for a death is not moved by the age of the record alone.
                    const std::optional<int> latest =
                        rule.after_death_years <= 0 ? latest_year_passed(rule, d_.decision_date) : std::nullopt;
                    if (latest) {
                        const std::string year = std::to_string(*latest);
                        add(f.applicable, "history", rule.source.label, joined({"created after ", year}),
                            joined({"created in ", year, " or earlier"}),
                            {"if the records had been created in ", year, " or earlier, the ", std::to_string(rule.years),
                             "-year limit (", rule.source.label, ") would have passed"});
                    }
                }
            } else if (engaged == label::rejected) {
                // A single missing limb is the smallest change; with two or more, no single change flips it.
                std::vector<statement_id> missing;
                for (auto limb : f.limbs) if (g.label_of(limb) != label::accepted) missing.push_back(limb);
                if (g.label_of(f.applicable) == label::accepted && missing.size() == 1) {
                    const auto& key = g.at(missing[0]).key;
                    const bool interest = key.ends_with("/interest");
                    const std::string_view what = interest                   ? "described a harm to "
                                                  : key.ends_with("/causal") ? "shown a causal link between disclosure and the harm"
                                                                             : "shown the facts the exemption requires";
                    add(f.engaged, "limb", key, "not shown", "shown",
                        {"if the authority had ", what, interest ? std::string_view(p.protected_interest) : std::string_view(), ", ",
                         p.id, " would be engaged"});
                }
            }
            if (f.public_interest && engaged == label::accepted && g.label_of(*f.public_interest) != label::undecided)
                balance_counterfactuals(grp, f, add);
        }
    }

    template <class Add>
    void balance_counterfactuals(const claim_group& grp, const claim_finding& f, Add& add) {
        const auto& g = d_.graph;
        const statement_id pit = *f.public_interest;
        const auto& standard = g.at(pit).standard;
        const bool now = g.label_of(pit) == label::accepted;
        double base_maintain = 0, disclose = 0;
        for (const auto& a : f.factors) {
            if (a.set_aside) continue;
            if (a.source_factor->side == pi_side::maintain) base_maintain += a.base_weight;
            else disclose += a.weight;
        }
        auto flips = [&](double maintain, double against) {
            return standard.satisfied(maintain, against, maintain > 0) != now;
        };
        const std::string_view result =
            now ? "the public interest would favour disclosure" : "the public interest would favour maintaining the exemption";
        if (grp.rule->test == engagement_test::prejudice) {
            const auto* applied = reg_.find_threshold(f.threshold_applied);
            for (const auto& t : reg_.thresholds) {
                if (!applied || t.id == applied->id) continue;
                const double m = f.harm_multiplier / applied->weight_multiplier * t.weight_multiplier;
                if (flips(base_maintain * m, disclose))
                    add(pit, "threshold", f.claim_id, applied->id, t.id,
                        {"if the harm were '", t.phrase, "' rather than '", applied->phrase, "', ", result});
            }
            const auto* current = reg_.find_evidence_grade(f.evidence_grade);
            for (const auto& e : reg_.evidence_grades) {
                if (!current || e.id == current->id) continue;
                const double m = f.harm_multiplier / current->weight_multiplier * e.weight_multiplier;
                if (flips(base_maintain * m, disclose))
                    add(pit, "evidence", f.claim_id, current->id, e.id,
                        {"if the evidence of the prejudice were '", e.id, "' (", e.meaning, ") rather than '", current->id,
                         "', ", result});
            }
        }
        if (!grp.public_domain && reg_.weakening.public_domain_multiplier != 1 &&
            flips(base_maintain * f.harm_multiplier * reg_.weakening.public_domain_multiplier, disclose))
            add(pit, "public-domain", f.claim_id, "not in the public domain", "in the public domain",
                {"if the information were already in the public domain, ", result});
        // Each factor moved along the regime's scale: the smallest move that flips the balance.
        for (const auto& a : f.factors) {
            if (a.set_aside || a.source_factor->weight.empty()) continue;
            const auto& scale = reg_.weights;
            const auto here = std::find_if(scale.begin(), scale.end(), [&](const named_weight& w) { return w.name == a.source_factor->weight; });
            if (here == scale.end()) continue;
            const auto at = here - scale.begin();
            for (std::ptrdiff_t step = 1; step < static_cast<std::ptrdiff_t>(scale.size()); ++step) {
                const named_weight* found = nullptr;
                for (auto candidate : {at - step, at + step}) {
                    if (candidate < 0 || candidate >= static_cast<std::ptrdiff_t>(scale.size())) continue;
                    const auto& w = scale[static_cast<std::size_t>(candidate)];
                    const bool maintain = a.source_factor->side == pi_side::maintain;
                    const double m = maintain ? (base_maintain - a.base_weight + w.value) * f.harm_multiplier : base_maintain * f.harm_multiplier;
                    const double d = maintain ? disclose : disclose - a.weight + w.value;
                    if (flips(m, d)) { found = &w; break; }
                }
                if (found) {
                    add(pit, "factor-weight", a.source_factor->id, a.source_factor->weight, found->name,
                        {"if '", a.source_factor->description, "' weighed ", found->name, " rather than ",
                         a.source_factor->weight, ", ", result});
                    break;
                }
            }
        }
    }

    const rulebook& rules_;
    const disclosure_case& case_;
    const regime& reg_;
    const evaluation_options& options_;
    decision d_;
    std::vector<claim_group> groups_;
    detail::id_index<item> item_ids_{case_.items};
    detail::id_index<claim> claim_ids_{case_.claims};
    std::vector<std::size_t> group_start_, group_list_; // see groups_of(): the groups covering each item
    std::unordered_map<const provision*, provision_facts> provision_facts_; // see provision_facts_of()
    std::vector<std::size_t> alternative_of_; // by group: its position in d_.alternatives, or -1 (empty if none)
    std::vector<std::vector<std::size_t>> aggregate_of_; // by item position: the aggregates covering it (empty if none)
    std::vector<std::optional<statement_id>> notice_facts_; // by position in reg_.notice_requirements
    std::string key_buffer_, text_buffer_; // see key() and say()
};

} // namespace

namespace {
decision evaluate_checked(const rulebook& rules, std::shared_ptr<const disclosure_case> c, const evaluation_options& options) {
    std::vector<diagnostic> diags;
    detail::check_case(*c, &rules, diags);
    if (has_errors(diags)) throw load_error(std::move(diags));
    return evaluator(rules, std::move(c), options).run();
}

decision evaluate_owned(const rulebook& rules, std::shared_ptr<disclosure_case> c, const evaluation_options& options) {
    detail::fill_factor_defaults(*c, rules);
    return evaluate_checked(rules, std::move(c), options);
}
} // namespace

decision evaluate(const rulebook& rules, std::shared_ptr<const disclosure_case> c, const evaluation_options& options) {
    if (!c) throw error("evaluate: no case (a null std::shared_ptr)");
    // A case loaded against these rules has its default factors filled already; one built by
    // hand may not, and the caller's case is not changed: a filled copy is evaluated instead.
    if (detail::needs_factor_defaults(*c, rules)) return evaluate_owned(rules, std::make_shared<disclosure_case>(*c), options);
    return evaluate_checked(rules, std::move(c), options);
}

decision evaluate(const rulebook& rules, const disclosure_case& input, const evaluation_options& options) {
    return evaluate_owned(rules, std::make_shared<disclosure_case>(input), options);
}

decision evaluate(const rulebook& rules, disclosure_case&& input, const evaluation_options& options) {
    return evaluate_owned(rules, std::make_shared<disclosure_case>(std::move(input)), options);
}

} // namespace candour
