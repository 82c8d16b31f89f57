// Decisions: Decision and what is read off it (item and claim findings, weighed factors, review
// flags, the deadline); the justification graph's classes are in register_graph.cpp. Every object
// here holds the decision by shared_ptr, so none can outlive it.

#include "bindings.hpp"

namespace candour::python {
namespace {

constexpr auto ref = py::return_value_policy::reference_internal;

using dptr = std::shared_ptr<const decision>;

const item_finding& finding(const item_finding_view& v) { return v.d->items.at(v.index); }
const claim_finding& finding(const claim_finding_view& v) { return v.d->claims.at(v.index); }
const factor_assessment& assessed(const factor_view& v) { return v.d->claims.at(v.index).factors.at(v.factor); }
const review_flag& flag_of(const flag_view& v) { return v.d->flags.at(v.index); }
const aggregate_finding& aggregate_of(const aggregate_view& v) { return v.d->aggregates.at(v.index); }
const alternative_finding& alternative_of(const alternative_view& v) { return v.d->alternatives.at(v.index); }
const counterfactual& counterfactual_of(const counterfactual_view& v) { return v.d->counterfactuals.at(v.index); }

std::vector<statement_view> statements_of(const dptr& d, const std::vector<statement_id>& ids) {
    const auto g = graph_of(d);
    std::vector<statement_view> out;
    out.reserve(ids.size());
    for (auto id : ids) out.push_back(statement_of(g, id));
    return out;
}
std::optional<statement_view> maybe_statement(const dptr& d, const std::optional<statement_id>& id) {
    if (id) return statement_of(d, *id);
    return std::nullopt;
}

std::string number(double x) { return py::repr(py::float_(x)).cast<std::string>(); }

/// The case's item a finding is about: item_of is constant time where find_item would scan.
const item& item_of(const item_finding_view& v) { return v.d->item_of(v.d->items.at(v.index)); }

} // namespace

void register_decision(py::module_& m) {
    py::class_<item_finding_view>(m, "ItemFinding", "The outcome for one item, read off the graph.")
        .def_property_readonly(
            "id", [](const item_finding_view& v) { return finding(v).item_id; }, "The item id.")
        .def_property_readonly(
            "item", [](const item_finding_view& v) -> const item& { return item_of(v); }, ref,
            "The case's Item this finding is about (it keeps the decision alive).")
        .def_property_readonly(
            "description", [](const item_finding_view& v) { return item_of(v).description; },
            "The item's requester-safe description.")
        .def_property_readonly(
            "outcome", [](const item_finding_view& v) { return to_string(finding(v).outcome); },
            "\"disclose\", \"withhold\", \"neither-confirm-nor-deny\", \"not-held\" or \"undecided\".")
        .def_property_readonly(
            "provisions", [](const item_finding_view& v) { return finding(v).provisions; },
            "Every provision id that carries a withholding.")
        .def_property_readonly(
            "has_withheld_content", [](const item_finding_view& v) { return item_of(v).has_withheld_content(); },
            "Whether the case records withheld content for it (never the content itself).")
        .def_property_readonly(
            "exempt", [](const item_finding_view& v) { return statement_of(v.d, finding(v).exempt); },
            "The Statement \"item X is exempt information\".")
        .def_property_readonly(
            "disclose", [](const item_finding_view& v) { return statement_of(v.d, finding(v).disclose); },
            "The Statement \"item X must be disclosed\".")
        .def_property_readonly(
            "ncnd", [](const item_finding_view& v) { return maybe_statement(v.d, finding(v).ncnd); },
            "The Statement \"the duty to confirm or deny does not arise for item X\", or None.")
        .def("__repr__", [](const item_finding_view& v) {
            return cat({"ItemFinding(id=", pyrepr(finding(v).item_id),
                        ", outcome=", pyrepr(to_string(finding(v).outcome)), ")"});
        });

    py::class_<factor_view>(m, "FactorAssessment", "One public interest factor as weighed for a claim.")
        .def_property_readonly(
            "factor", [](const factor_view& v) -> const factor& { return *assessed(v).source_factor; }, ref,
            "The Factor as argued (with defaults resolved).")
        .def_property_readonly(
            "id", [](const factor_view& v) { return assessed(v).source_factor->id; }, "The factor id.")
        .def_property_readonly(
            "side", [](const factor_view& v) { return to_string(assessed(v).source_factor->side); },
            "\"maintain\" or \"disclose\".")
        .def_property_readonly(
            "description", [](const factor_view& v) { return assessed(v).source_factor->description; },
            "The consideration.")
        .def_property_readonly(
            "weight_name", [](const factor_view& v) { return assessed(v).source_factor->weight; },
            "The named weight, e.g. \"strong\".")
        .def_property_readonly(
            "base_weight", [](const factor_view& v) { return assessed(v).base_weight; }, "The named weight's value.")
        .def_property_readonly(
            "weight", [](const factor_view& v) { return assessed(v).weight; },
            "The weight after the adjustments (unrounded; the JSON shows 4 decimals).")
        .def_property_readonly(
            "adjustments", [](const factor_view& v) { return assessed(v).adjustments; },
            "What scaled it, e.g. \"x0.8 likelihood 'would be likely to'\".")
        .def_property_readonly(
            "status", [](const factor_view& v) { return to_string(v.d->graph.status_of(assessed(v).argument)); },
            "The status of its argument: \"applicable\", \"undercut\", ...")
        .def_property_readonly(
            "set_aside", [](const factor_view& v) { return assessed(v).set_aside; },
            "True when irrelevant by law or guidance.")
        .def_property_readonly(
            "set_aside_reason", [](const factor_view& v) { return assessed(v).set_aside_reason; },
            "Why it was set aside, or \"\".")
        .def_property_readonly(
            "set_aside_source",
            [](const factor_view& v) -> const citation* {
                return assessed(v).set_aside ? &assessed(v).set_aside_source : nullptr;
            },
            ref, "The Citation for setting it aside, or None.")
        .def_property_readonly(
            "source",
            [](const factor_view& v) -> const citation& { return *v.d->graph.argument_at(assessed(v).argument).source; },
            ref, "The Citation its argument rests on.")
        .def_property_readonly(
            "argument", [](const factor_view& v) { return argument_of(v.d, assessed(v).argument); },
            "Its Argument in the graph.")
        .def("__repr__", [](const factor_view& v) {
            const auto& a = assessed(v);
            return cat({"FactorAssessment(id=", pyrepr(a.source_factor->id),
                        ", side=", pyrepr(to_string(a.source_factor->side)), ", weight=", number(a.weight),
                        ", status=", pyrepr(to_string(v.d->graph.status_of(a.argument))), ")"});
        });

    py::class_<claim_finding_view>(m, "ClaimFinding",
                                   "The findings for one claim: applicable, engaged and, for qualified exemptions, the "
                                   "public interest. Each names the statement that decides it.")
        .def_property_readonly(
            "claim", [](const claim_finding_view& v) { return finding(v).claim_id; }, "The claim id.")
        .def_property_readonly(
            "provision",
            [](const claim_finding_view& v) -> const provision& {
                return v.d->rules.get_provision(v.d->source->regime, finding(v).provision_id);
            },
            ref, "The Provision relied on.")
        .def_property_readonly(
            "items", [](const claim_finding_view& v) { return finding(v).items; }, "The item ids.")
        .def_property_readonly(
            "applicable", [](const claim_finding_view& v) { return statement_of(v.d, finding(v).applicable); },
            "The Statement that the provision can apply.")
        .def_property_readonly(
            "engaged", [](const claim_finding_view& v) { return statement_of(v.d, finding(v).engaged); },
            "The Statement that the provision is engaged.")
        .def_property_readonly(
            "exempt", [](const claim_finding_view& v) { return statement_of(v.d, finding(v).exempt); },
            "The Statement that the items are exempt under it.")
        .def_property_readonly(
            "public_interest",
            [](const claim_finding_view& v) { return maybe_statement(v.d, finding(v).public_interest); },
            "The public interest Statement (qualified exemptions), or None. Its pro_weight is the weight for "
            "maintaining the exemption, its con_weight the weight for disclosure.")
        .def_property_readonly(
            "limbs", [](const claim_finding_view& v) { return statements_of(v.d, finding(v).limbs); },
            "What engagement rests on: for a prejudice test, the class (only where the provision has class "
            "conditions), then interest, causal link, likelihood; for a class test, the class.")
        .def_property_readonly(
            "threshold_rule",
            [](const claim_finding_view& v) { return maybe_statement(v.d, finding(v).threshold_rule); },
            "The Statement of how the likelihood threshold was chosen, or None.")
        .def_property_readonly(
            "threshold_applied",
            [](const claim_finding_view& v) -> std::optional<std::string> {
                if (finding(v).threshold_applied.empty()) return std::nullopt;
                return finding(v).threshold_applied;
            },
            "The likelihood threshold id applied (prejudice-based), or None.")
        .def_property_readonly(
            "evidence_grade",
            [](const claim_finding_view& v) -> std::optional<std::string> {
                if (finding(v).evidence_grade.empty()) return std::nullopt;
                return finding(v).evidence_grade;
            },
            "The evidence grade applied, or None.")
        .def_property_readonly(
            "factors",
            [](const claim_finding_view& v) {
                std::vector<factor_view> out;
                for (std::size_t i = 0; i < finding(v).factors.size(); ++i) out.push_back({{v.d, v.index}, i});
                return out;
            },
            "The FactorAssessment objects, in order.")
        .def_property_readonly(
            "neither_confirm_nor_deny", [](const claim_finding_view& v) { return finding(v).neither_confirm_nor_deny; },
            "True when the provision also excludes the duty to confirm or deny.")
        .def_property_readonly(
            "harm_adjustments", [](const claim_finding_view& v) { return finding(v).harm_adjustments; },
            "The multipliers applied to the harm (public domain, age), in words.")
        .def_property_readonly(
            "harm_multiplier", [](const claim_finding_view& v) { return finding(v).harm_multiplier; },
            "Their product, applied to every maintain factor.")
        .def("__repr__", [](const claim_finding_view& v) {
            const auto& f = finding(v);
            return cat({"ClaimFinding(claim=", pyrepr(f.claim_id), ", provision=", pyrepr(f.provision_id),
                        ", exempt=", pyrepr(to_string(v.d->graph.label_of(f.exempt))), ")"});
        });

    py::class_<flag_view>(m, "Flag",
                          "A weakness in the authority's own handling: a missing notice element, a late response, ...")
        .def_property_readonly(
            "code", [](const flag_view& v) { return flag_of(v).code; }, "Stable code, e.g. \"F112\".")
        .def_property_readonly(
            "name", [](const flag_view& v) { return flag_of(v).name; }, "E.g. \"complaint-right-missing\".")
        .def_property_readonly(
            "severity", [](const flag_view& v) { return to_string(flag_of(v).level); },
            "\"error\" (the law was not met) or \"warning\" (weak practice).")
        .def_property_readonly(
            "message", [](const flag_view& v) { return flag_of(v).message; },
            "What is wrong and what the law or guidance requires.")
        .def_property_readonly(
            "source", [](const flag_view& v) -> const citation& { return flag_of(v).source; }, ref,
            "The Citation it rests on.")
        .def_property_readonly(
            "where", [](const flag_view& v) -> const source_location& { return flag_of(v).where; }, ref,
            "The SourceLocation in the case it concerns.")
        .def_property_readonly(
            "statement", [](const flag_view& v) { return maybe_statement(v.d, flag_of(v).statement); },
            "The Statement it rests on, or None.")
        .def("__repr__", [](const flag_view& v) {
            const auto& f = flag_of(v);
            return cat({"Flag(code=", pyrepr(f.code), ", name=", pyrepr(f.name),
                        ", severity=", pyrepr(to_string(f.level)), ")"});
        });

    py::class_<deadline_view>(m, "Deadline", "The statutory time limit for the response.")
        .def_property_readonly(
            "received", [](const deadline_view& v) { return v.d->deadline->received; },
            "When the request was received.")
        .def_property_readonly(
            "due", [](const deadline_view& v) { return v.d->deadline->due; }, "The last day for the response.")
        .def_property_readonly(
            "period", [](const deadline_view& v) { return v.d->deadline->period; },
            "How many days the law allows (counted as ``days`` says).")
        .def_property_readonly(
            "days", [](const deadline_view& v) { return to_string(v.d->deadline->days); },
            "How the period is counted: \"working\" or \"calendar\" days.")
        .def_property_readonly(
            "source", [](const deadline_view& v) -> const citation& { return v.d->deadline->source; }, ref,
            "The Citation of the time limit.")
        .def_property_readonly(
            "calendar",
            [](const deadline_view& v) -> std::optional<std::string> {
                if (v.d->deadline->days != day_count::working) return std::nullopt;
                return v.d->deadline->calendar;
            },
            "The working-day calendar's id, or None when calendar days are counted.")
        .def_property_readonly(
            "calendar_covers", [](const deadline_view& v) { return v.d->deadline->calendar_covers; },
            "False when the dates fall outside the calendar's data.")
        .def_property_readonly(
            "sent", [](const deadline_view& v) { return v.d->deadline->sent; }, "When the notice was sent, or None.")
        .def_property_readonly(
            "days_late", [](const deadline_view& v) { return v.d->deadline->days_late; },
            "Days late (counted as ``days`` says) when sent after the due date, else None.")
        .def_property_readonly(
            "extended_to", [](const deadline_view& v) { return v.d->deadline->extended_to; },
            "The date a public interest extension (FOIA s.10(3)) was claimed to, or None.")
        .def_property_readonly(
            "extension_counts", [](const deadline_view& v) { return v.d->deadline->extension_counts; },
            "Whether that extension counts (only when a qualified exemption is engaged).")
        .def("__repr__", [](const deadline_view& v) {
            return cat({"Deadline(received=", pyrepr(v.d->deadline->received.iso()),
                        ", due=", pyrepr(v.d->deadline->due.iso()), ")"});
        });

    py::class_<route_finding>(m, "RouteFinding",
                              "A claim under a provision that routes information to another regime (FOIA s.39 to "
                              "the EIR 2004).")
        .def_readonly("claim", &route_finding::claim_id, "The claim id.")
        .def_readonly("provision", &route_finding::provision_id, "The provision relied on.")
        .def_readonly("regime", &route_finding::regime, "The regime the information falls to be dealt with under.")
        .def_readonly("target_provision", &route_finding::target_provision, "Optionally, its provision, or \"\".")
        .def_readonly("items", &route_finding::items, "The item ids.")
        .def_readonly("routed", &route_finding::routed, "Whether the provision is engaged for them, so the route holds.")
        .def("__repr__", [](const route_finding& r) {
            return cat({"RouteFinding(claim=", pyrepr(r.claim_id), ", regime=", pyrepr(r.regime),
                        ", routed=", std::string_view(r.routed ? "True" : "False"), ")"});
        });

    py::class_<aggregate_view>(m, "AggregateFinding",
                               "The public interest in maintaining several engaged qualified exemptions, weighed "
                               "together (cumulative balancing, where the regime allows it).")
        .def_property_readonly(
            "claims", [](const aggregate_view& v) { return aggregate_of(v).claims; }, "The claim ids weighed together.")
        .def_property_readonly(
            "items", [](const aggregate_view& v) { return aggregate_of(v).items; }, "The item ids.")
        .def_property_readonly(
            "public_interest",
            [](const aggregate_view& v) { return statement_of(v.d, aggregate_of(v).public_interest); },
            "The combined public interest Statement.")
        .def_property_readonly(
            "exempt", [](const aggregate_view& v) { return statement_of(v.d, aggregate_of(v).exempt); },
            "The Statement that the items are exempt on the combined balance.")
        .def("__repr__", [](const aggregate_view& v) {
            std::string claims;
            for (const auto& c : aggregate_of(v).claims) {
                if (!claims.empty()) claims += ", ";
                claims += pyrepr(c);
            }
            return cat({"AggregateFinding(claims=[", claims, "])"});
        });

    py::class_<alternative_view>(m, "AlternativeFinding",
                                 "Claims pleaded in the alternative for the same items under provisions that cannot "
                                 "both apply (s.23(1) or, in the alternative, s.24(1)): the notice cites them "
                                 "together and never says which holds.")
        .def_property_readonly(
            "claims", [](const alternative_view& v) { return alternative_of(v).claims; },
            "The claim ids, in case order.")
        .def_property_readonly(
            "items", [](const alternative_view& v) { return alternative_of(v).items; },
            "The item ids two or more of those claims cover, in case order.")
        .def_property_readonly(
            "holding", [](const alternative_view& v) { return alternative_of(v).holding; },
            "The claim ids whose exemption holds for their items here (empty when none does on its own); the "
            "notice never says which.")
        .def_property_readonly(
            "findings",
            [](const alternative_view& v) {
                std::vector<claim_finding_view> out;
                for (auto i : alternative_of(v).findings) out.push_back({{v.d, i}});
                return out;
            },
            "The ClaimFinding objects it joins (a claim split into groups of items may give several), in order.")
        .def("__repr__", [](const alternative_view& v) {
            const auto list = [](const std::vector<std::string>& ids) {
                std::string out;
                for (const auto& id : ids) {
                    if (!out.empty()) out += ", ";
                    out += pyrepr(id);
                }
                return out;
            };
            const auto& a = alternative_of(v);
            return cat({"AlternativeFinding(claims=[", list(a.claims), "], items=[", list(a.items), "], holding=[",
                        list(a.holding), "])"});
        });

    py::class_<counterfactual_view>(m, "Counterfactual",
                                    "The smallest change to the case that would flip a finding, e.g. \"if the harm "
                                    "were 'would' rather than 'would be likely to'\".")
        .def_property_readonly(
            "claim", [](const counterfactual_view& v) { return counterfactual_of(v).claim_id; }, "The claim id.")
        .def_property_readonly(
            "finding", [](const counterfactual_view& v) { return statement_of(v.d, counterfactual_of(v).finding); },
            "The Statement that would flip.")
        .def_property_readonly(
            "now", [](const counterfactual_view& v) { return to_string(counterfactual_of(v).now); }, "Its label now.")
        .def_property_readonly(
            "would_be", [](const counterfactual_view& v) { return to_string(counterfactual_of(v).would_be); },
            "Its label after the change.")
        .def_property_readonly(
            "kind", [](const counterfactual_view& v) { return counterfactual_of(v).kind; },
            "\"threshold\", \"evidence\", \"factor-weight\", \"public-domain\", \"limb\", \"displacement\" or "
            "\"history\".")
        .def_property_readonly(
            "subject", [](const counterfactual_view& v) { return counterfactual_of(v).subject; },
            "What changes: a factor id, a limb statement key, ...")
        .def_property_readonly(
            "from_", [](const counterfactual_view& v) { return counterfactual_of(v).from; },
            "The value now (``from`` in C++; ``from`` is a Python keyword).")
        .def_property_readonly(
            "to", [](const counterfactual_view& v) { return counterfactual_of(v).to; }, "The value that flips it.")
        .def_property_readonly(
            "description", [](const counterfactual_view& v) { return counterfactual_of(v).description; },
            "The whole change in words.")
        .def("__repr__", [](const counterfactual_view& v) {
            const auto& c = counterfactual_of(v);
            return cat({"Counterfactual(claim=", pyrepr(c.claim_id), ", kind=", pyrepr(c.kind),
                        ", from_=", pyrepr(c.from), ", to=", pyrepr(c.to), ")"});
        });

    py::class_<decision_handle>(m, "Decision",
                                "The result of evaluating a case: the labelled justification graph and, read off it, "
                                "the outcome of every item and claim, the review flags and the deadline. Immutable.")
        .def_property_readonly(
            "outcome", [](const decision_handle& h) { return to_string(h.d->outcome); },
            "\"full\", \"partial\", \"refusal\", \"neither-confirm-nor-deny\", \"not-held\" or \"undecided\".")
        .def_property_readonly(
            "decision_date", [](const decision_handle& h) { return h.d->decision_date; },
            "When circumstances were assessed, a datetime.date.")
        .def_property_readonly(
            "decision_date_basis", [](const decision_handle& h) { return h.d->decision_date_basis; }, "Why that date.")
        .def_property_readonly(
            "items",
            [](const decision_handle& h) {
                std::vector<item_finding_view> out;
                for (std::size_t i = 0; i < h.d->items.size(); ++i) out.push_back({{h.d, i}});
                return out;
            },
            "The ItemFinding objects, in case order.")
        .def_property_readonly(
            "claims",
            [](const decision_handle& h) {
                std::vector<claim_finding_view> out;
                for (std::size_t i = 0; i < h.d->claims.size(); ++i) out.push_back({{h.d, i}});
                return out;
            },
            "The ClaimFinding objects, in case order.")
        .def_property_readonly(
            "flags",
            [](const decision_handle& h) {
                std::vector<flag_view> out;
                for (std::size_t i = 0; i < h.d->flags.size(); ++i) out.push_back({{h.d, i}});
                return out;
            },
            "The review Flag objects.")
        .def_property_readonly(
            "routes", [](const decision_handle& h) { return h.d->routes; },
            "The RouteFinding objects (FOIA s.39 to the EIR), possibly empty.")
        .def_property_readonly(
            "aggregates",
            [](const decision_handle& h) {
                std::vector<aggregate_view> out;
                for (std::size_t i = 0; i < h.d->aggregates.size(); ++i) out.push_back({{h.d, i}});
                return out;
            },
            "The AggregateFinding objects (cumulative balancing), possibly empty.")
        .def_property_readonly(
            "alternatives",
            [](const decision_handle& h) {
                std::vector<alternative_view> out;
                for (std::size_t i = 0; i < h.d->alternatives.size(); ++i) out.push_back({{h.d, i}});
                return out;
            },
            "The AlternativeFinding objects (claims the notice cites in the alternative), possibly empty.")
        .def_property_readonly(
            "counterfactuals",
            [](const decision_handle& h) {
                std::vector<counterfactual_view> out;
                for (std::size_t i = 0; i < h.d->counterfactuals.size(); ++i) out.push_back({{h.d, i}});
                return out;
            },
            "The Counterfactual objects: the smallest changes that would flip a finding.")
        .def_property_readonly(
            "deadline",
            [](const decision_handle& h) -> std::optional<deadline_view> {
                if (h.d->deadline) return deadline_view{h.d};
                return std::nullopt;
            },
            "The Deadline, or None.")
        .def_property_readonly(
            "graph",
            [](const decision_handle& h) {
                return graph_view{graph_of(h.d), nullptr};
            },
            "The justification Graph (read-only).")
        .def_property_readonly(
            "case", [](const decision_handle& h) { return case_handle{h.d->source}; }, "The Case as evaluated.")
        .def_property_readonly(
            "rules", [](const decision_handle& h) { return h.d->rules; }, "The Rulebook it was evaluated under.")
        .def_property_readonly(
            "regime", [](const decision_handle& h) -> const regime& { return h.d->governing_regime(); }, ref,
            "The governing Regime.")
        .def(
            "item",
            [](const decision_handle& h, std::string_view id) -> item_finding_view {
                for (std::size_t i = 0; i < h.d->items.size(); ++i)
                    if (h.d->items[i].item_id == id) return {{h.d, i}};
                throw py::key_error(std::string(id));
            },
            py::arg("id"), "The ItemFinding for this item id; raises KeyError.")
        .def(
            "render",
            [](const decision_handle& h, const std::string& format, std::string language) {
                const auto f = format_from_name(format);
                render_options options;
                options.language = std::move(language);
                std::string out;
                {
                    py::gil_scoped_release nogil;
                    out = render(*h.d, f, options);
                }
                return out;
            },
            py::arg("format") = "record", py::kw_only(), py::arg("language") = render_options{}.language,
            "Renders the decision as the CLI's --format does, in any format of OUTPUT_FORMATS: \"record\" "
            "(reviewer's decision record, Markdown), \"notice\" (requester-facing notice, Markdown), \"json\", "
            "\"dot\" (Graphviz), and the others this build of the library has.\n\n"
            "``language`` chooses the notice's wording, like the CLI's --language: the regime's "
            "templates/notice.LANG.yaml (see Regime.notice_templates); it only changes the notice formats.\n\n"
            "Raises ValueError for an unknown format and RenderError if the output cannot be produced safely: "
            "code R501 when withheld content would reach a requester-facing output, R504 when the regime has no "
            "notice wording in ``language``.")
        .def(
            "to_dict",
            [](const decision_handle& h) {
                std::string text;
                {
                    py::gil_scoped_release nogil;
                    text = render(*h.d, output_format::json);
                }
                return py::module_::import("json").attr("loads")(text);
            },
            "The decision as a dict: exactly json.loads(decision.render(\"json\")), schema candour.decision.")
        .def(
            "find_withheld_content",
            [](const decision_handle& h, std::string_view text) { return find_withheld_content(*h.d, text); },
            py::arg("text"), "The case's withheld strings that occur in ``text`` (case-insensitively); [] if none.")
        .def("__repr__", [](const decision_handle& h) {
            return cat({"Decision(case=", pyrepr(h.d->source->id), ", outcome=", pyrepr(to_string(h.d->outcome)),
                        ", items=", std::to_string(h.d->items.size()), ", flags=", std::to_string(h.d->flags.size()),
                        ")"});
        });
}

} // namespace candour::python
