// Loads rulebooks: regimes (index.yaml), provision files and working-day calendars.
// Format: docs/rules-format.md. Every problem becomes a diagnostic; see docs/errors.md.

#include "rulebook_data.hpp"
#include "template.hpp"
#include "yaml_reader.hpp"

#include <candour/error.hpp>
#include <candour/scenario.hpp>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <fstream>

namespace candour {
namespace fs = std::filesystem;
using detail::yaml_node;
using detail::yaml_reader;

namespace {

std::string display_path(const fs::path& p) { return p.lexically_normal().generic_string(); }

std::optional<citation> read_citation(yaml_reader& r, const yaml_node& parent, std::string_view key,
                                      source_kind default_kind = source_kind::legislation) {
    const auto n = parent[std::string(key)];
    if (!n.IsDefined()) return std::nullopt;
    if (!r.check_keys(n, "a citation", {"label", "uri", "kind"}, {"label"})) return std::nullopt;
    citation c;
    c.kind = r.choice<source_kind>(n, "kind",
                                   {{"legislation", source_kind::legislation},
                                    {"guidance", source_kind::guidance},
                                    {"decision", source_kind::decision},
                                    {"case-fact", source_kind::case_fact},
                                    {"calibration", source_kind::calibration}})
                 .value_or(default_kind);
    c.label = r.text(n, "label").value_or("");
    c.uri = r.text(n, "uri").value_or("");
    return c;
}

std::optional<factor> read_factor(yaml_reader& r, const yaml_node& n) {
    if (!r.check_keys(n, "a public interest factor",
                      {"id", "side", "description", "weight", "category", "source", "ref"}, {"id"}))
        return std::nullopt;
    factor f;
    f.where = r.where(n);
    f.id = r.text(n, "id").value_or("");
    f.side = r.choice<pi_side>(n, "side", {{"maintain", pi_side::maintain}, {"disclose", pi_side::disclose}})
                 .value_or(pi_side::maintain);
    f.description = r.text(n, "description").value_or("");
    f.weight = r.text(n, "weight").value_or("");
    f.category = r.text(n, "category").value_or("");
    f.ref = r.text(n, "ref").value_or("");
    if (auto c = read_citation(r, n, "source", source_kind::guidance)) f.source = *c;
    return f;
}

struct calendar_file {
    std::string id;
    date from, to;
    std::vector<holiday> holidays;
};

std::optional<calendar_file> read_calendar(const fs::path& path, const std::string& shown_as, std::vector<diagnostic>& out,
                                           const load_limits& limits) {
    yaml_reader r(shown_as, out, limits);
    auto root = r.parse_file(path);
    if (!root || !r.check_keys(*root, "a calendar file", {"calendar"}, {"calendar"})) return std::nullopt;
    const auto c = (*root)["calendar"];
    if (!r.check_keys(c, "the calendar",
                      {"id", "title", "covers", "regions", "sources", "verified", "note", "holidays"},
                      {"id", "covers", "holidays"}))
        return std::nullopt;
    calendar_file cal;
    cal.id = r.text(c, "id").value_or("");
    const auto regions = r.text_list(c, "regions");
    if (r.check_keys(c["covers"], "'covers'", {"from", "to"}, {"from", "to"})) {
        cal.from = r.day(c["covers"], "from").value_or(date{});
        cal.to = r.day(c["covers"], "to").value_or(date{});
    }
    if (r.expect_seq(c["holidays"], "'holidays'")) {
        for (const auto& h : c["holidays"]) {
            if (!r.visit(h)) break;
            if (!r.check_keys(h, "a holiday", {"date", "name", "kind", "regions", "projected", "source"},
                              {"date", "name", "regions"}))
                continue;
            holiday day;
            auto d = r.day(h, "date");
            day.name = r.text(h, "name").value_or("");
            day.regions = r.text_list(h, "regions");
            day.projected = r.boolean(h, "projected").value_or(false);
            for (const auto& region : day.regions) {
                if (!regions.empty() && std::find(regions.begin(), regions.end(), region) == regions.end())
                    r.error("P302", "unknown region '" + region + "': the calendar declares " +
                                        std::to_string(regions.size()) + " regions", h["regions"]);
            }
            if (d) {
                day.date = *d;
                cal.holidays.push_back(std::move(day));
            }
        }
    }
    if (r.error_count() > 0) return std::nullopt;
    return cal;
}

// Resolves a path written in a rule file, refusing anything that leaves the rules folder.
std::optional<fs::path> resolve_inside(const fs::path& root, const fs::path& base_dir, const std::string& written) {
    std::error_code ec;
    const fs::path target = fs::weakly_canonical(base_dir / written, ec);
    const fs::path top = fs::weakly_canonical(root, ec);
    if (ec) return std::nullopt;
    auto [mismatch, _] = std::mismatch(top.begin(), top.end(), target.begin(), target.end());
    if (mismatch != top.end()) return std::nullopt;
    return target;
}

struct regime_folder {
    fs::path dir;
    fs::path index;
};

class loader {
public:
    loader(fs::path dir, const load_limits& limits, std::vector<diagnostic>& out)
        : dir_(std::move(dir)), root_(rules_root(dir_)), limits_(limits), out_(out) {}

    // Paths in rule files may reach anywhere inside the whole rules tree: the highest folder
    // above `dir` that still has an index.yaml (so loading rules/uk/foia-2000 alone can use
    // rules/uk/calendars), and nothing outside it.
    static fs::path rules_root(const fs::path& dir) {
        std::error_code ec;
        fs::path root = fs::weakly_canonical(dir, ec);
        if (ec) return dir;
        while (root.has_parent_path() && root.parent_path() != root &&
               fs::is_regular_file(root.parent_path() / "index.yaml", ec))
            root = root.parent_path();
        return root;
    }

    std::shared_ptr<rulebook::data> run() {
        auto d = std::make_shared<rulebook::data>();
        std::error_code ec;
        if (!fs::is_directory(dir_, ec)) {
            out_.push_back({severity::error, "P102", "cannot read the rules folder: it does not exist or is not a folder",
                            {display_path(dir_), 0, 0}, {}});
            return d;
        }
        auto folders = find_regime_folders();
        if (folders.empty()) {
            out_.push_back({severity::error, "P201",
                            "no regime found: expected an index.yaml with a 'regime:' mapping in this folder or below",
                            {display_path(dir_), 0, 0}, {}});
        }
        for (const auto& folder : folders) load_regime_folder(folder, folders, *d);
        validate(*d);
        d->index_ncnd();
        return d;
    }

private:
    // Folders under the root (or the root itself) whose index.yaml declares a regime.
    std::vector<regime_folder> find_regime_folders() {
        std::vector<regime_folder> found;
        auto consider = [&](const fs::path& dir) {
            const auto index = dir / "index.yaml";
            std::error_code ec;
            if (!fs::is_regular_file(index, ec)) return;
            if (declares_regime(index)) found.push_back({dir, index});
        };
        consider(dir_);
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(dir_, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            if (it->is_directory(ec) && !it->is_symlink(ec)) consider(it->path());
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.dir < b.dir; });
        return found;
    }

    // A cheap textual test: the real parse (with diagnostics) happens in load_regime_folder.
    // A file over the size limit counts as declaring one, so that loading it reports P103
    // instead of this test reading a huge line into memory.
    bool declares_regime(const fs::path& index) const {
        std::error_code ec;
        if (const auto size = fs::file_size(index, ec); !ec && size > limits_.max_file_bytes) return true;
        std::ifstream in(index);
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("regime:", 0) == 0) return true;
        }
        return false;
    }

    void load_regime_folder(const regime_folder& folder, const std::vector<regime_folder>& all, rulebook::data& d) {
        std::vector<diagnostic> local;
        yaml_reader r(display_path(folder.index), local, limits_);
        auto root = r.parse_file(folder.index);
        std::optional<regime> reg;
        if (root && r.check_keys(*root, "a regime index", {"regime"}, {"regime"})) reg = read_regime(r, (*root)["regime"], folder);
        append(local);
        if (!reg) return;
        if (std::any_of(d.regimes.begin(), d.regimes.end(), [&](const regime& x) { return x.id == reg->id; })) {
            out_.push_back({severity::error, "P301", "duplicate regime id '" + reg->id + "'", reg->where, {}});
            return;
        }
        // Provision files: every .yaml in the folder tree except index.yaml files, tests/ and
        // templates/ folders and folders that belong to another (nested) regime.
        std::vector<fs::path> files;
        std::error_code ec;
        for (auto it = fs::recursive_directory_iterator(folder.dir, fs::directory_options::skip_permission_denied, ec);
             it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (ec) break;
            const auto& p = it->path();
            if (it->is_directory(ec)) {
                const bool nested = std::any_of(all.begin(), all.end(), [&](const regime_folder& f) { return f.dir == p; });
                if (p.filename() == "tests" || p.filename() == "templates" || nested || it->is_symlink(ec))
                    it.disable_recursion_pending();
                continue;
            }
            if (p.extension() != ".yaml" || p.filename() == "index.yaml") continue;
            // A calendar the regime uses may sit beside its provisions.
            const auto canonical = fs::weakly_canonical(p, ec);
            if (std::find(calendar_files_.begin(), calendar_files_.end(), canonical) != calendar_files_.end()) continue;
            files.push_back(p);
        }
        std::sort(files.begin(), files.end());
        for (const auto& f : files) load_provision_file(f, *reg, d);
        // The requester-facing notice's wording, one file per language (docs/outputs.md).
        reg->notice_templates = detail::load_notice_templates(folder.dir / "templates", display_path(folder.dir / "templates"),
                                                              limits_, out_);
        d.regimes.push_back(std::move(*reg));
    }

    std::optional<regime> read_regime(yaml_reader& r, const yaml_node& n, const regime_folder& folder) {
        if (!r.check_keys(n, "the regime",
                          {"id", "title", "short_title", "jurisdiction", "uri", "verified", "note", "balancing",
                           "thresholds", "unstated_threshold", "evidence", "weakening", "weights", "irrelevant_factors",
                           "time_limit", "notice", "complaints"},
                          {"id", "title", "uri", "balancing", "weights", "time_limit"}))
            return std::nullopt;
        regime g;
        g.where = r.where(n);
        g.id = r.text(n, "id").value_or("");
        g.title = r.text(n, "title").value_or("");
        g.short_title = r.text(n, "short_title").value_or(g.title);
        g.jurisdiction = r.text(n, "jurisdiction").value_or("");
        g.uri = r.text(n, "uri").value_or("");
        g.verified = r.boolean(n, "verified").value_or(false);
        g.verification_note = r.text(n, "note").value_or("");

        if (const auto b = n["balancing"]; r.check_keys(b, "'balancing'",
                                                         {"source", "test", "tie", "aggregation", "presumption",
                                                          "ncnd_test", "ncnd_source"},
                                                         {"source", "test", "tie"})) {
            if (auto c = read_citation(r, b, "source")) g.balancing.source = *c;
            g.balancing.test = r.text(b, "test").value_or("");
            g.balancing.ncnd_test = r.text(b, "ncnd_test").value_or("");
            g.balancing.ncnd_source = read_citation(r, b, "ncnd_source");
            g.balancing.tie = r.choice<tie_rule>(b, "tie", {{"disclose", tie_rule::disclose}, {"withhold", tie_rule::withhold}})
                                  .value_or(tie_rule::disclose);
            if (const auto a = b["aggregation"]; a.IsDefined() &&
                                                 r.check_keys(a, "'aggregation'", {"mode", "since", "authority"}, {"mode"})) {
                g.balancing.aggregation = r.choice<aggregation_mode>(a, "mode",
                                                                     {{"per-exemption", aggregation_mode::per_exemption},
                                                                      {"cumulative", aggregation_mode::cumulative}})
                                              .value_or(aggregation_mode::per_exemption);
                g.balancing.aggregation_since = r.day(a, "since");
                g.balancing.aggregation_authority = read_citation(r, a, "authority", source_kind::decision);
            }
            if (const auto p = b["presumption"]; p.IsDefined() && r.check_keys(p, "'presumption'", {"weight", "source"}, {"weight"})) {
                g.balancing.presumption_weight = r.number(p, "weight").value_or(0);
                g.balancing.presumption_source = read_citation(r, p, "source");
                if (g.balancing.presumption_weight > 0) {
                    factor& f = g.balancing.presumption_factor;
                    f.id = "presumption";
                    f.side = pi_side::disclose;
                    f.description = "the presumption in favour of disclosure";
                    f.weight = "presumption";
                    f.source = g.balancing.presumption_source.value_or(g.balancing.source);
                    f.where = r.where(p);
                }
            }
        }
        if (const auto t = n["thresholds"]; t.IsDefined() && r.expect_seq(t, "'thresholds'")) {
            for (const auto& e : t) {
                if (!r.visit(e) || !r.check_keys(e, "a likelihood threshold",
                                                 {"id", "phrase", "meaning", "weight_multiplier", "source"},
                                                 {"id", "phrase", "meaning", "weight_multiplier"}))
                    continue;
                likelihood_threshold th;
                th.id = r.text(e, "id").value_or("");
                th.phrase = r.text(e, "phrase").value_or("");
                th.meaning = r.text(e, "meaning").value_or("");
                th.weight_multiplier = r.number(e, "weight_multiplier").value_or(1);
                if (auto c = read_citation(r, e, "source", source_kind::guidance)) th.source = *c;
                g.thresholds.push_back(std::move(th));
            }
        }
        if (const auto u = n["unstated_threshold"]; u.IsDefined() && r.check_keys(u, "'unstated_threshold'", {"rule", "source"}, {"rule"})) {
            g.unstated_threshold_rule = r.text(u, "rule").value_or("");
            if (auto c = read_citation(r, u, "source", source_kind::guidance)) g.unstated_threshold_source = *c;
        }
        if (const auto e = n["evidence"]; e.IsDefined() && r.expect_seq(e, "'evidence'")) {
            for (const auto& x : e) {
                if (!r.visit(x) || !r.check_keys(x, "an evidence grade", {"id", "meaning", "weight_multiplier"},
                                                 {"id", "meaning", "weight_multiplier"}))
                    continue;
                g.evidence_grades.push_back({r.text(x, "id").value_or(""), r.text(x, "meaning").value_or(""),
                                             r.number(x, "weight_multiplier").value_or(1)});
            }
        }
        if (const auto w = n["weakening"]; w.IsDefined() &&
                                           r.check_keys(w, "'weakening'", {"public_domain", "age", "source"}, {})) {
            g.weakening.public_domain_multiplier = r.number(w, "public_domain").value_or(1);
            g.weakening.source = read_citation(r, w, "source", source_kind::calibration);
            if (const auto a = w["age"]; a.IsDefined() && r.expect_seq(a, "'age'")) {
                for (const auto& x : a) {
                    if (!r.visit(x) || !r.check_keys(x, "an age band", {"older_than_years", "weight_multiplier"},
                                                     {"older_than_years", "weight_multiplier"}))
                        continue;
                    age_weakening band{r.integer(x, "older_than_years").value_or(0), r.number(x, "weight_multiplier").value_or(1)};
                    if (!g.weakening.age.empty() && band.older_than_years <= g.weakening.age.back().older_than_years)
                        r.error("P209", "age bands must be in ascending order of 'older_than_years'", x);
                    g.weakening.age.push_back(band);
                }
            }
        }
        if (const auto w = n["weights"]; r.expect_seq(w, "'weights'")) {
            for (const auto& x : w) {
                if (!r.visit(x) || !r.check_keys(x, "a named weight", {"name", "value"}, {"name", "value"})) continue;
                g.weights.push_back({r.text(x, "name").value_or(""), r.number(x, "value").value_or(0)});
            }
        }
        if (const auto f = n["irrelevant_factors"]; f.IsDefined() && r.expect_seq(f, "'irrelevant_factors'")) {
            for (const auto& x : f) {
                if (!r.visit(x) || !r.check_keys(x, "an irrelevant factor", {"category", "description", "source"},
                                                 {"category", "description", "source"}))
                    continue;
                irrelevant_factor irr;
                irr.category = r.text(x, "category").value_or("");
                irr.description = r.text(x, "description").value_or("");
                if (auto c = read_citation(r, x, "source", source_kind::guidance)) irr.source = *c;
                g.irrelevant_factors.push_back(std::move(irr));
            }
        }
        if (const auto t = n["time_limit"]; r.check_keys(t, "'time_limit'",
                                                          {"working_days", "period", "days", "source", "calendar",
                                                           "regions", "extension"},
                                                          {"source"})) {
            // `working_days: N` is shorthand for `period: N, days: working`.
            if (t["working_days"].IsDefined()) {
                g.deadline.period = r.integer(t, "working_days").value_or(20);
                if (t["period"].IsDefined() || t["days"].IsDefined())
                    r.error("P209", "give either 'working_days' or 'period' with 'days', not both", t);
            } else if (t["period"].IsDefined()) {
                g.deadline.period = r.integer(t, "period").value_or(20);
                g.deadline.days = r.choice<day_count>(t, "days", {{"working", day_count::working}, {"calendar", day_count::calendar}})
                                      .value_or(day_count::working);
            } else {
                r.error("P205", "missing required key 'working_days' (or 'period' and 'days') in 'time_limit'", t);
            }
            if (g.deadline.period <= 0) r.error("P208", "the time limit must be a positive number of days", t);
            if (g.deadline.days == day_count::working && !t["calendar"].IsDefined())
                r.error("P205", "a time limit in working days needs a 'calendar' of holidays", t);
            if (auto c = read_citation(r, t, "source")) g.deadline.source = *c;
            g.deadline.calendar_regions = r.text_list(t, "regions");
            g.deadline.extension_note = r.text(t, "extension").value_or("");
            if (auto file = r.text(t, "calendar")) {
                const auto resolved = resolve_inside(root_, folder.dir, *file);
                if (!resolved) {
                    r.error("P305", "calendar path '" + *file + "' leads outside the rules folder", t["calendar"],
                            {"paths in rule files must stay inside the highest folder above the regime that has an index.yaml"});
                } else if (const auto& cal = calendar(*resolved, display_path(folder.dir / *file))) {
                    calendar_files_.push_back(*resolved);
                    g.deadline.calendar = working_day_calendar(cal->id, cal->from, cal->to, cal->holidays,
                                                               g.deadline.calendar_regions);
                } else {
                    r.error("P302", "the calendar '" + *file + "' could not be loaded (see the diagnostics for that file)",
                            t["calendar"]);
                }
            }
        }
        if (const auto x = n["notice"]; x.IsDefined() && r.expect_seq(x, "'notice'")) {
            for (const auto& e : x) {
                if (!r.visit(e) || !r.check_keys(e, "a notice requirement", {"id", "provision", "description", "qualified_only"},
                                                 {"id", "provision", "description"}))
                    continue;
                g.notice_requirements.push_back({r.text(e, "id").value_or(""), r.text(e, "provision").value_or(""),
                                                 r.text(e, "description").value_or(""),
                                                 r.boolean(e, "qualified_only").value_or(false)});
            }
        }
        if (const auto c = n["complaints"]; c.IsDefined() &&
                                            r.check_keys(c, "'complaints'", {"review", "regulator", "right", "regulator_uri"},
                                                         {"regulator", "right"})) {
            g.complaints.review = r.text(c, "review").value_or("");
            g.complaints.regulator = r.text(c, "regulator").value_or("");
            if (auto cit = read_citation(r, c, "right")) g.complaints.right = *cit;
            g.complaints.regulator_uri = r.text(c, "regulator_uri").value_or("");
        }
        if (r.error_count() > 0) return std::nullopt;
        return g;
    }

    void load_provision_file(const fs::path& path, const regime& reg, rulebook::data& d) {
        std::vector<diagnostic> local;
        yaml_reader r(display_path(path), local, limits_);
        auto root = r.parse_file(path);
        if (root && r.check_keys(*root, "a provision file", {"section", "provisions"}, {"provisions"}) &&
            r.expect_seq((*root)["provisions"], "'provisions'")) {
            for (const auto& n : (*root)["provisions"]) {
                if (!r.visit(n)) break;
                if (auto p = read_provision(r, n, reg)) {
                    const auto key = rulebook::data::key(p->regime, p->id);
                    if (auto it = d.by_key.find(key); it != d.by_key.end()) {
                        r.error("P301", "duplicate provision id '" + p->id + "' in regime '" + reg.id + "'", n["id"],
                                {"first defined at " + to_string(d.provisions[it->second].where)});
                        continue;
                    }
                    d.by_key.emplace(key, d.provisions.size());
                    d.provisions.push_back(std::move(*p));
                }
            }
        }
        append(local);
    }

    std::optional<provision> read_provision(yaml_reader& r, const yaml_node& n, const regime& reg) {
        if (!r.check_keys(n, "a provision",
                          {"id", "title", "citation", "uri", "text", "role", "status", "test", "protected_interest",
                           "class_conditions", "ncnd", "subsidiary_to", "exclusive_with", "purposes",
                           "unavailable_for", "routes_to", "historical_limit", "in_force", "factors", "presumption",
                           "verified", "note"},
                          {"id", "title", "citation", "uri", "role", "verified"}))
            return std::nullopt;
        const auto before = r.error_count();
        provision p;
        p.where = r.where(n);
        p.regime = reg.id;
        p.id = r.text(n, "id").value_or("");
        p.title = r.text(n, "title").value_or("");
        p.citation_text = r.text(n, "citation").value_or("");
        p.uri = r.text(n, "uri").value_or("");
        p.text = r.text(n, "text").value_or("");
        p.role = r.choice<provision_role>(n, "role",
                                          {{"exemption", provision_role::exemption},
                                           {"duty", provision_role::duty},
                                           {"procedure", provision_role::procedure},
                                           {"definition", provision_role::definition}})
                     .value_or(provision_role::exemption);
        p.status = r.choice<exemption_status>(n, "status",
                                              {{"absolute", exemption_status::absolute},
                                               {"qualified", exemption_status::qualified}})
                       .value_or(exemption_status::not_applicable);
        p.test = r.choice<engagement_test>(n, "test",
                                           {{"class", engagement_test::class_based},
                                            {"prejudice", engagement_test::prejudice},
                                            {"reasonable-opinion", engagement_test::reasonable_opinion},
                                            {"necessity", engagement_test::necessity}})
                     .value_or(engagement_test::not_applicable);
        if (p.role == provision_role::exemption) {
            if (!n["status"].IsDefined()) r.error("P205", "missing required key 'status' in an exemption", n);
            if (!n["test"].IsDefined()) r.error("P205", "missing required key 'test' in an exemption", n);
        }
        p.protected_interest = r.text(n, "protected_interest").value_or("");
        if (p.test == engagement_test::prejudice && p.protected_interest.empty())
            r.error("P205", "a prejudice-based exemption needs 'protected_interest'", n);
        p.class_conditions = r.text_list(n, "class_conditions");
        p.ncnd = r.text(n, "ncnd").value_or("");
        p.subsidiary_to = r.text_list(n, "subsidiary_to");
        p.exclusive_with = r.text_list(n, "exclusive_with");
        p.purposes = r.text_list(n, "purposes");
        if (const auto presumption = r.boolean(n, "presumption")) {
            p.presumption_applies = *presumption;
            // Only a public interest test weighs a presumption, and only a regime that has one.
            if (!p.presumption_applies && p.status != exemption_status::qualified)
                r.error("P209", "'presumption: false' is for a qualified exemption, which has a public interest test; " + p.id +
                                    " has none", n["presumption"]);
            else if (!p.presumption_applies && reg.balancing.presumption_weight <= 0)
                r.error("P209", "'presumption: false', but regime '" + reg.id + "' has no presumption in favour of disclosure",
                        n["presumption"]);
        }
        if (const auto bars = n["unavailable_for"]; bars.IsDefined() && r.expect_seq(bars, "'unavailable_for'"))
            for (const auto& b : bars) {
                if (!r.check_keys(b, "an 'unavailable_for' entry", {"kind", "by"}, {"kind", "by"})) continue;
                p.unavailable_for.push_back({r.text(b, "kind").value_or(""), r.text(b, "by").value_or("")});
            }
        if (const auto routes = n["routes_to"]; routes.IsDefined() && r.expect_seq(routes, "'routes_to'"))
            for (const auto& x : routes) {
                if (!r.visit(x) || !r.check_keys(x, "a 'routes_to' entry", {"regime", "provision"}, {"regime"})) continue;
                p.routes_to.push_back({r.text(x, "regime").value_or(""), r.text(x, "provision").value_or(""), r.where(x)});
            }
        if (const auto h = n["historical_limit"]; h.IsDefined() &&
                                                  r.check_keys(h, "'historical_limit'",
                                                               {"years", "source", "counts_from", "after_death_years",
                                                                "schedule", "phases"},
                                                               {"years", "source"})) {
            historical_limit lim;
            read_historical_rule(r, h, lim, nullptr);
            if (const auto phases = h["phases"]; phases.IsDefined() && r.expect_seq(phases, "'phases'")) {
                for (const auto& x : phases) {
                    if (!r.visit(x) || !r.check_keys(x, "a historical-limit phase",
                                                     {"from", "to", "years", "source", "counts_from", "after_death_years",
                                                      "schedule", "verified", "note"},
                                                     {"source", "verified"}))
                        continue;
                    historical_phase ph;
                    read_historical_rule(r, x, ph, &lim);
                    ph.from = r.day(x, "from");
                    ph.to = r.day(x, "to");
                    if (!x["from"].IsDefined() && !x["to"].IsDefined())
                        r.error("P205", "a historical-limit phase needs 'from', 'to' or both: the decision dates it covers", x);
                    if (ph.from && ph.to && *ph.to < *ph.from) r.error("P401", "the phase ends before it begins", x);
                    ph.verified = r.boolean(x, "verified").value_or(false);
                    ph.note = r.text(x, "note").value_or("");
                    if (!ph.verified && ph.note.empty())
                        r.error("P205", "an unverified phase needs a 'note' saying what is uncertain", x);
                    for (const auto& other : lim.phases) {
                        const bool apart = (ph.to && other.from && *ph.to < *other.from) || (other.to && ph.from && *other.to < *ph.from);
                        if (!apart) {
                            r.error("P209", "the phase overlaps an earlier one: each decision date must fall in at most one phase", x);
                            break;
                        }
                    }
                    lim.phases.push_back(std::move(ph));
                }
            }
            p.history = std::move(lim);
        }
        if (const auto f = n["in_force"]; f.IsDefined() && r.check_keys(f, "'in_force'", {"from", "to"}, {"from"})) {
            p.in_force_from = r.day(f, "from");
            p.in_force_to = r.day(f, "to");
            if (p.in_force_from && p.in_force_to && *p.in_force_to < *p.in_force_from)
                r.error("P401", "'in_force' ends before it begins", f);
        }
        if (const auto fs_ = n["factors"]; fs_.IsDefined() && r.expect_seq(fs_, "'factors'")) {
            for (const auto& f : fs_) {
                if (!r.visit(f)) break;
                if (auto x = read_factor(r, f)) {
                    if (!f["side"].IsDefined()) r.error("P205", "missing required key 'side' in a factor", f);
                    if (!x->weight.empty() && !reg.weight_value(x->weight))
                        report_unknown_weight(r, f["weight"], x->weight, reg);
                    p.default_factors.push_back(std::move(*x));
                }
            }
        }
        p.verified = r.boolean(n, "verified").value_or(false);
        p.verification_note = r.text(n, "note").value_or("");
        if (!p.verified && p.verification_note.empty())
            r.error("P205", "an unverified provision needs a 'note' saying what is uncertain", n);
        if (p.uri.rfind("https://", 0) != 0 && n["uri"].IsDefined())
            r.error("P208", "'uri' must be an https:// address of the legislation", n["uri"]);
        if (r.error_count() > before) return std::nullopt;
        return p;
    }

    // The keys a historical-record rule shares with its phases. A phase that leaves out `years`
    // takes the limit's own; every other key defaults as it does at the top (a phase is a whole
    // rule: FOISA's pre-2014 30 years had no death rule).
    static void read_historical_rule(yaml_reader& r, const yaml_node& h, historical_rule& rule, const historical_rule* base) {
        rule.years = r.integer(h, "years").value_or(base ? base->years : 0);
        if (rule.years <= 0 && (h["years"].IsDefined() || !base))
            r.error("P208", "'years' must be a positive whole number", h["years"].IsDefined() ? h["years"] : h);
        if (auto c = read_citation(r, h, "source")) rule.source = *c;
        rule.counts_from = r.choice<history_start>(h, "counts_from",
                                                   {{"year-after-creation", history_start::year_after_creation},
                                                    {"creation-date", history_start::creation_date}})
                               .value_or(history_start::year_after_creation);
        rule.after_death_years = r.integer(h, "after_death_years").value_or(0);
        if (h["after_death_years"].IsDefined() && rule.after_death_years <= 0)
            r.error("P208", "'after_death_years' must be a positive whole number", h["after_death_years"]);
        if (const auto sched = h["schedule"]; sched.IsDefined() && r.expect_seq(sched, "'schedule'")) {
            for (const auto& row : sched) {
                if (!r.visit(row) || !r.check_keys(row, "a schedule row", {"created", "ends"}, {"created", "ends"})) continue;
                const auto created = r.integer(row, "created");
                const auto ends = r.integer(row, "ends");
                if (!created || !ends) continue;
                if (*ends < *created) {
                    r.error("P208", "a record cannot stop being protected ('ends') before the year it was created", row);
                    continue;
                }
                if (!rule.schedule.empty() && *created <= rule.schedule.back().created) {
                    r.error("P209", "schedule rows must be in ascending order of 'created', each year once", row);
                    continue;
                }
                rule.schedule.push_back({*created, *ends});
            }
        }
    }

    static void report_unknown_weight(yaml_reader& r, const yaml_node& at, const std::string& name, const regime& reg) {
        std::vector<std::string> names;
        for (const auto& w : reg.weights) names.push_back(w.name);
        std::vector<std::string> notes;
        if (auto guess = detail::did_you_mean(name, names)) notes.push_back("did you mean '" + *guess + "'?");
        r.error("P304", "unknown weight '" + name + "': the regime '" + reg.id + "' has no such weight", at, std::move(notes));
    }

    void validate(rulebook::data& d) {
        std::size_t suggestions = 0;
        std::vector<std::string> ids;
        for (const auto& p : d.provisions) {
            auto ref = [&](const std::string& target, const char* what) {
                if (target.empty() || d.by_key.count(rulebook::data::key(p.regime, target))) return;
                std::vector<std::string> notes;
                // A suggestion scans the regime's provisions: offered for the first dangling
                // references only, so many of them among many provisions stay linear.
                if (suggestions < 100) {
                    ++suggestions;
                    std::vector<std::string> names;
                    for (const auto& q : d.provisions) if (q.regime == p.regime) names.push_back(q.id);
                    if (auto guess = detail::did_you_mean(target, names)) notes.push_back("did you mean '" + *guess + "'?");
                }
                out_.push_back({severity::error, "P302",
                                std::string("unknown provision '") + target + "' in '" + what + "' of " + p.id,
                                p.where, std::move(notes)});
            };
            ref(p.ncnd, "ncnd");
            for (const auto& t : p.subsidiary_to) ref(t, "subsidiary_to");
            for (const auto& t : p.exclusive_with) ref(t, "exclusive_with");
            for (const auto& t : p.purposes) ref(t, "purposes");
            for (const auto& b : p.unavailable_for) ref(b.by, "unavailable_for");
        }
        // Routes to other rulebooks: a regime that is not loaded is dangling only when the whole
        // rules tree was loaded; loading one folder (rules/uk/foia-2000) leaves the EIR out.
        std::error_code ec;
        const bool whole_tree = fs::weakly_canonical(dir_, ec) == root_;
        detail::check_rule_graph(d, whole_tree, out_);
    }

    void append(std::vector<diagnostic>& local) {
        for (auto& x : local) out_.push_back(std::move(x));
        local.clear();
    }

    fs::path dir_;
    fs::path root_;
    std::vector<fs::path> calendar_files_; // resolved paths of the calendars regimes use

    // Regimes usually share one calendar (the UK's serves FOIA, the EIR and FOISA): each file
    // is read once, and its diagnostics repeated for every regime that uses it, as before.
    struct read_once {
        std::optional<calendar_file> cal;
        std::vector<diagnostic> diagnostics;
    };
    std::map<std::pair<fs::path, std::string>, read_once> calendars_;

    const std::optional<calendar_file>& calendar(const fs::path& resolved, const std::string& shown_as) {
        auto [it, fresh] = calendars_.try_emplace({resolved, shown_as});
        if (fresh) it->second.cal = read_calendar(resolved, shown_as, it->second.diagnostics, limits_);
        out_.insert(out_.end(), it->second.diagnostics.begin(), it->second.diagnostics.end());
        return it->second.cal;
    }
    const load_limits& limits_;
    std::vector<diagnostic>& out_;
};

} // namespace

// Every empty rulebook of a thread shares one empty data: a default-constructed decision holds
// a rulebook, and making one should not allocate. One per thread, so that threads evaluating in
// parallel do not all update the reference count of the same block.
rulebook::rulebook() {
    static thread_local const auto empty = std::make_shared<const data>();
    data_ = empty;
}

rulebook rulebook::load(const fs::path& dir, const load_limits& limits) {
    std::vector<diagnostic> diags;
    auto d = loader(dir, limits, diags).run();
    if (has_errors(diags)) throw load_error(std::move(diags));
    return rulebook(std::move(d));
}

rulebook rulebook::load_bundled() { return load(bundled_rules_dir()); }

std::vector<diagnostic> rulebook::check(const fs::path& dir, const load_limits& limits) {
    std::vector<diagnostic> diags;
    auto d = loader(dir, limits, diags).run();
    // Advice beyond what loading needs: gaps a reviewer should know about.
    // Scenarios beside the rules: they must load, and every exemption should have one.
    std::set<std::string> covered;
    if (!has_errors(diags)) {
        try {
            for (const auto& s : load_scenarios(rulebook(d), dir, limits))
                for (const auto& id : s.covers) covered.insert(rulebook::data::key(s.input.regime, id));
        } catch (const load_error& e) {
            diags.insert(diags.end(), e.diagnostics().begin(), e.diagnostics().end());
        }
        for (const auto& p : d->provisions)
            if (p.role == provision_role::exemption && !covered.count(rulebook::data::key(p.regime, p.id)))
                diags.push_back({severity::note, "P213", p.id + " has no scenario in a tests/ folder", p.where, {}});
    }
    std::set<std::string> ncnd_targets;
    for (const auto& p : d->provisions) ncnd_targets.insert(rulebook::data::key(p.regime, p.ncnd));
    for (const auto& p : d->provisions) {
        if (p.role == provision_role::exemption && p.ncnd.empty() && !ncnd_targets.count(rulebook::data::key(p.regime, p.id)))
            diags.push_back({severity::note, "P212", p.id + " names no neither-confirm-nor-deny provision", p.where, {}});
    }
    return diags;
}

const std::vector<regime>& rulebook::regimes() const noexcept { return data_->regimes; }
const std::vector<provision>& rulebook::provisions() const noexcept { return data_->provisions; }

const regime* rulebook::find_regime(std::string_view id) const noexcept {
    for (const auto& r : data_->regimes) if (r.id == id) return &r;
    return nullptr;
}

const provision* rulebook::find_provision(std::string_view regime_id, std::string_view id) const noexcept {
    auto it = data_->by_key.find(data::key_parts{regime_id, id});
    return it == data_->by_key.end() ? nullptr : &data_->provisions[it->second];
}

bool rulebook::excludes_duty_to_confirm(const provision& p) const noexcept {
    const auto& all = data_->provisions;
    const std::less<const provision*> before; // a total order, whichever array `p` is in
    if (data_->names_as_ncnd.size() == all.size() && !before(&p, all.data()) && before(&p, all.data() + all.size()))
        return data_->names_as_ncnd[static_cast<std::size_t>(&p - all.data())];
    return std::any_of(all.begin(), all.end(), [&](const provision& q) { return q.ncnd == p.id && q.regime == p.regime; });
}

const regime& rulebook::get_regime(std::string_view id) const {
    if (auto r = find_regime(id)) return *r;
    throw lookup_error("unknown regime '" + std::string(id) + "'");
}

const provision& rulebook::get_provision(std::string_view regime_id, std::string_view id) const {
    if (auto p = find_provision(regime_id, id)) return *p;
    throw lookup_error("unknown provision '" + std::string(id) + "' in regime '" + std::string(regime_id) + "'");
}

std::vector<shared_interest> rulebook::shared_interests(const provision& p) const {
    std::vector<shared_interest> out;
    for (const auto& other : data_->provisions) {
        if (other.regime != p.regime || other.id == p.id) continue;
        shared_interest s{other.id, {}};
        for (const auto& f : p.default_factors) {
            if (f.side != pi_side::maintain) continue;
            const bool shared = std::any_of(other.default_factors.begin(), other.default_factors.end(), [&](const factor& g) {
                return g.side == pi_side::maintain && g.id == f.id && g.description == f.description;
            });
            if (shared) s.factor_ids.push_back(f.id);
        }
        if (!s.factor_ids.empty()) out.push_back(std::move(s));
    }
    return out;
}

fs::path bundled_rules_dir() {
    if (const char* env = std::getenv("CANDOUR_RULES_DIR"); env && *env) return env;
    std::error_code ec;
    // An installed program finds the rules installed beside it (PREFIX/bin -> PREFIX/share).
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path beside = exe.parent_path().parent_path() / "share" / "candour" / "rules";
        if (fs::is_directory(beside, ec)) return beside;
    }
    // A program run from the build tree uses the source tree's rules.
    const fs::path source = CANDOUR_SOURCE_RULES_DIR;
    if (fs::is_directory(source, ec)) return source;
    return CANDOUR_INSTALL_RULES_DIR;
}

} // namespace candour
