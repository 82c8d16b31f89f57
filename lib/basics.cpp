// Small value types: locations, diagnostics, exceptions and enum names.

#include <candour/argument_graph.hpp>
#include <candour/citation.hpp>
#include <candour/decision.hpp>
#include <candour/diagnostic.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/error.hpp>
#include <candour/factor.hpp>
#include <candour/provision.hpp>
#include <candour/regime.hpp>
#include <candour/source_location.hpp>

#include <algorithm>

namespace candour {

file_name::file_name(std::string name)
    : name_(name.empty() ? nullptr : std::make_shared<const std::string>(std::move(name))) {}

const std::string& file_name::str() const noexcept {
    static const std::string none;
    return name_ ? *name_ : none;
}

std::string to_string(const source_location& where) {
    std::string out = where.file.empty() ? std::string("<input>") : where.file.str();
    if (where.line != 0) {
        out += ':' + std::to_string(where.line);
        if (where.column != 0) out += ':' + std::to_string(where.column);
    }
    return out;
}

const char* to_string(severity level) noexcept {
    switch (level) {
    case severity::error: return "error";
    case severity::warning: return "warning";
    case severity::note: return "note";
    }
    return "error";
}

std::string format(const diagnostic& d) {
    const std::string where = to_string(d.where);
    std::string out;
    out.append(where).append(": ").append(to_string(d.level)).append(": ").append(d.message);
    if (!d.code.empty()) out.append(" [").append(d.code).append("]");
    for (const auto& note : d.notes) out.append("\n").append(where).append(": note: ").append(note);
    return out;
}

bool has_errors(const std::vector<diagnostic>& diagnostics) noexcept {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const diagnostic& d) { return d.level == severity::error; });
}

namespace {
std::string summarise(const std::vector<diagnostic>& diagnostics) {
    std::size_t errors = 0;
    for (const auto& d : diagnostics) errors += d.level == severity::error ? 1 : 0;
    std::string out = std::to_string(errors) + (errors == 1 ? " error" : " errors");
    for (const auto& d : diagnostics) {
        if (d.level == severity::error) { out += ": " + format(d); break; }
    }
    return out;
}
} // namespace

load_error::load_error(std::vector<diagnostic> diagnostics)
    : error(summarise(diagnostics)), diagnostics_(std::move(diagnostics)) {}

render_error::render_error(std::string code, const std::string& message)
    : error(message + " [" + code + "]"), code_(std::move(code)) {}

const char* to_string(source_kind kind) noexcept {
    switch (kind) {
    case source_kind::legislation: return "legislation";
    case source_kind::guidance: return "guidance";
    case source_kind::decision: return "decision";
    case source_kind::case_fact: return "case-fact";
    case source_kind::calibration: return "calibration";
    }
    return "legislation";
}

const char* to_string(pi_side side) noexcept { return side == pi_side::maintain ? "maintain" : "disclose"; }

const char* to_string(provision_role r) noexcept {
    switch (r) {
    case provision_role::exemption: return "exemption";
    case provision_role::duty: return "duty";
    case provision_role::procedure: return "procedure";
    case provision_role::definition: return "definition";
    }
    return "exemption";
}

const char* to_string(exemption_status s) noexcept {
    switch (s) {
    case exemption_status::not_applicable: return "not-applicable";
    case exemption_status::absolute: return "absolute";
    case exemption_status::qualified: return "qualified";
    }
    return "not-applicable";
}

const char* to_string(engagement_test t) noexcept {
    switch (t) {
    case engagement_test::not_applicable: return "not-applicable";
    case engagement_test::class_based: return "class";
    case engagement_test::prejudice: return "prejudice";
    case engagement_test::reasonable_opinion: return "reasonable-opinion";
    case engagement_test::necessity: return "necessity";
    }
    return "not-applicable";
}

const char* to_string(history_start s) noexcept {
    return s == history_start::creation_date ? "creation-date" : "year-after-creation";
}

namespace {
// The day on which a period of `years` years beginning with `start` has ended: its anniversary
// (a period beginning on 29 February ends with 28 February, so the next day is 1 March).
date anniversary(date start, int years) noexcept {
    if (auto d = date::from_ymd(start.year() + years, start.month(), start.day())) return *d;
    return date::from_ymd(start.year() + years, 3, 1).value_or(start);
}
} // namespace

bool historical_rule::passed(date created, std::optional<date> relevant_death, date on) const noexcept {
    bool by_age = false;
    const int year = created.year();
    const auto row = std::find_if(schedule.begin(), schedule.end(),
                                  [&](const historical_schedule_entry& e) { return e.created == year; });
    if (row != schedule.end()) by_age = on.year() > row->ends; // historical "from the end of" that year
    else if (counts_from == history_start::creation_date) by_age = on >= anniversary(created, years);
    else by_age = on.year() > year + years; // N years beginning with the next 1 January
    if (after_death_years <= 0) return by_age;
    // The later of the two periods: with no death recorded, the second has not begun.
    return by_age && relevant_death && on >= anniversary(*relevant_death, after_death_years);
}

const historical_phase* historical_limit::phase_on(date d) const noexcept {
    for (const auto& p : phases)
        if ((!p.from || *p.from <= d) && (!p.to || d <= *p.to)) return &p;
    return nullptr;
}

const historical_rule& historical_limit::on(date d) const noexcept {
    if (const auto* p = phase_on(d)) return *p;
    return *this;
}

const char* to_string(tie_rule t) noexcept { return t == tie_rule::disclose ? "disclose" : "withhold"; }
const char* to_string(aggregation_mode m) noexcept {
    return m == aggregation_mode::per_exemption ? "per-exemption" : "cumulative";
}

const char* to_string(day_count d) noexcept { return d == day_count::working ? "working" : "calendar"; }

const char* to_string(review_particulars r) noexcept {
    switch (r) {
    case review_particulars::stated: return "stated";
    case review_particulars::by_reference: return "by-reference";
    case review_particulars::absent: return "absent";
    }
    return "absent";
}

const char* to_string(item_outcome o) noexcept {
    switch (o) {
    case item_outcome::disclose: return "disclose";
    case item_outcome::withhold: return "withhold";
    case item_outcome::neither_confirm_nor_deny: return "neither-confirm-nor-deny";
    case item_outcome::not_held: return "not-held";
    case item_outcome::undecided: return "undecided";
    }
    return "undecided";
}

const char* to_string(request_outcome o) noexcept {
    switch (o) {
    case request_outcome::full_disclosure: return "full";
    case request_outcome::partial_disclosure: return "partial";
    case request_outcome::refusal: return "refusal";
    case request_outcome::neither_confirm_nor_deny: return "neither-confirm-nor-deny";
    case request_outcome::not_held: return "not-held";
    case request_outcome::undecided: return "undecided";
    }
    return "undecided";
}

// ---- regime look-ups -------------------------------------------------------------------

const likelihood_threshold* regime::find_threshold(std::string_view want) const noexcept {
    for (const auto& t : thresholds) if (t.id == want) return &t;
    return nullptr;
}
const evidence_grade* regime::find_evidence_grade(std::string_view want) const noexcept {
    for (const auto& g : evidence_grades) if (g.id == want) return &g;
    return nullptr;
}
std::optional<double> regime::weight_value(std::string_view name) const noexcept {
    for (const auto& w : weights) if (w.name == name) return w.value;
    return std::nullopt;
}
const irrelevant_factor* regime::find_irrelevant(std::string_view category) const noexcept {
    if (category.empty()) return nullptr;
    for (const auto& f : irrelevant_factors) if (f.category == category) return &f;
    return nullptr;
}

const item* disclosure_case::find_item(std::string_view want) const noexcept {
    for (const auto& i : items) if (i.id == want) return &i;
    return nullptr;
}

const item_finding* decision::find_item(std::string_view want) const noexcept {
    for (const auto& i : items) if (i.item_id == want) return &i;
    return nullptr;
}

const item& decision::item_of(const item_finding& f) const noexcept {
    return source->items[static_cast<std::size_t>(&f - items.data())];
}

} // namespace candour
