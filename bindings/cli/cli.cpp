// The candour command line: a thin Boost.Program_options front-end over the library.

#include "cli.hpp"

#ifdef CANDOUR_HAVE_AF
#include "af_command.hpp"
#endif

#include <candour/batch.hpp>
#include <candour/candour.hpp>

#include <boost/program_options.hpp>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <map>
#include <ostream>

#include <signal.h>

namespace candour::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* usage_text =
    "Usage: candour <command> [options]\n"
    "\n"
    "Commands:\n"
    "  evaluate CASE     Evaluate a disclosure case and print the decision\n"
    "  rules check [DIR] Load a rules folder and report every problem found\n"
    "  rules test [DIR]  Run the scenarios beside the rules\n"
    "  rules list [DIR]  Print the coverage table; rules show ID prints one provision\n"
#ifdef CANDOUR_HAVE_AF
    "  af                Solve abstract argumentation frameworks (ICCMA conventions)\n"
#endif
    "\n"
    "Options:\n"
    "  -h, --help        Show this help, or a command's help with 'candour COMMAND --help'\n"
    "  --version         Show the version\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input, 2 usage errors.\n";

void print_diagnostics(const std::vector<diagnostic>& diags, std::ostream& err) {
    for (const auto& d : diags) err << format(d) << '\n';
}

// Exit status of a batch stopped by SIGINT or SIGTERM before every case was started (128 + SIGINT).
constexpr int interrupted = 130;

// Batch mode (docs/cli.md, "Batches"): the library does the work (candour/batch.hpp); this layer
// parses the options, turns SIGINT and SIGTERM into a cancellation and prints the summary.
std::atomic<bool> batch_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");
extern "C" void on_batch_signal(int) { batch_interrupted.store(true); }

// Installs the handlers for the lifetime of a batch. SA_RESETHAND: a second Ctrl-C kills at
// once (results already renamed into place stay complete; no file is ever half-written).
class batch_signals {
public:
    batch_signals() {
        batch_interrupted.store(false);
        struct sigaction action {};
        action.sa_handler = on_batch_signal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = static_cast<int>(SA_RESETHAND);
        sigaction(SIGINT, &action, &old_int_);
        sigaction(SIGTERM, &action, &old_term_);
    }
    ~batch_signals() {
        sigaction(SIGINT, &old_int_, nullptr);
        sigaction(SIGTERM, &old_term_, nullptr);
    }
    batch_signals(const batch_signals&) = delete;
    batch_signals& operator=(const batch_signals&) = delete;

private:
    struct sigaction old_int_ {};
    struct sigaction old_term_ {};
};

int evaluate_batch(const po::variables_map& vm, output_format format, const evaluation_options& evaluation,
                   const render_options& rendering, std::ostream& err) {
    batch_options options;
    options.format = format;
    options.evaluation = evaluation;
    options.render = rendering;
    options.out_dir = vm.count("out") ? vm["out"].as<std::string>() : std::string(".");
    options.durable = vm.count("no-sync") == 0;
    if (vm.count("jobs")) {
        const int jobs = vm["jobs"].as<int>();
        if (jobs < 1) {
            err << "candour evaluate: --jobs expects a number of threads of at least 1, not " << jobs << '\n';
            return usage_error;
        }
        options.jobs = static_cast<unsigned>(jobs);
    }
    const std::filesystem::path source = vm["batch"].as<std::string>();
    try {
        const auto cases = batch_cases(source);
        const rulebook rules = vm.count("rules") ? rulebook::load(vm["rules"].as<std::string>()) : rulebook::load_bundled();
        batch_signals signals;
        options.cancel = &batch_interrupted;
        const auto summary = run_batch(rules, cases, options, [&](const batch_result& r) {
            if (!r.decided)
                err << r.case_file.generic_string() << ": error: not evaluated"
                    << (r.written.empty() ? std::string() : "; diagnostics in " + r.written.generic_string()) << '\n';
        });
        err << summary.to_string() << '\n';
        if (summary.cancelled) return interrupted;
        return summary.failed == 0 ? ok : input_error;
    } catch (const load_error& e) {
        print_diagnostics(e.diagnostics(), err);
        return input_error;
    }
}

int evaluate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    po::options_description visible("Usage: candour evaluate CASE [options]\n"
                                    "       candour evaluate --batch DIR|LIST [--jobs N] [--out DIR] [options]\n\nOptions");
    visible.add_options()
        ("help,h", "show this help")
        ("rules", po::value<std::string>()->value_name("DIR"), "rules folder (default: the bundled rules)")
        ("format,f", po::value<std::string>()->default_value("record")->value_name("FORMAT"),
         "output: record (reviewer's decision record, Markdown), notice (requester-facing notice, Markdown), "
         "notice-text (the notice as plain text), json (the whole decision), dot (the justification graph for "
         "Graphviz), svg (the graph drawn by Graphviz's dot), html (one self-contained report), graphml (the "
         "justification graph for yEd and other graph tools)")
        ("language", po::value<std::string>()->default_value("en")->value_name("LANG"),
         "notice language: the regime's templates/notice.LANG.yaml")
        ("as-of", po::value<std::string>()->value_name("YYYY-MM-DD"),
         "assess circumstances as at this date instead of the case's decision date")
        ("batch", po::value<std::string>()->value_name("DIR|LIST"),
         "evaluate every case: the *.yaml files in DIR, or the paths listed one a line in LIST; one result "
         "file per case in --out")
        ("jobs,j", po::value<int>()->value_name("N"), "batch: evaluate N cases at once (default: one per CPU)")
        ("no-sync", "batch: do not flush each result to disk before renaming it into place (faster; each file is "
                    "still whole or absent, but may be lost in a power failure)")
        ("out,o", po::value<std::string>()->value_name("DIR"), "batch: write the results here (default: .)");
    po::options_description hidden;
    hidden.add_options()("case", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("case", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        out << visible;
        return ok;
    }
    const bool batch = vm.count("batch") > 0;
    if (batch && vm.count("case")) {
        err << "candour evaluate: give either one CASE file or --batch, not both\n";
        err << "Try 'candour evaluate --help'.\n";
        return usage_error;
    }
    if (!batch && (vm.count("jobs") || vm.count("out") || vm.count("no-sync"))) {
        err << "candour evaluate: --jobs, --out and --no-sync apply to --batch only\n";
        err << "Try 'candour evaluate --help'.\n";
        return usage_error;
    }
    if (!batch && (!vm.count("case") || vm["case"].as<std::vector<std::string>>().size() != 1)) {
        err << "candour evaluate: expected exactly one CASE file\n";
        err << "Try 'candour evaluate --help'.\n";
        return usage_error;
    }
    const auto format_name = vm["format"].as<std::string>();
    const auto format = parse_output_format(format_name);
    if (!format) {
        err << "candour evaluate: unknown format '" << format_name
            << "': expected record, notice, notice-text, json, dot, svg, html or graphml\n";
        return usage_error;
    }
    evaluation_options options;
    if (vm.count("as-of")) {
        options.as_of = date::parse(vm["as-of"].as<std::string>());
        if (!options.as_of) {
            err << "candour evaluate: --as-of expects a real date written YYYY-MM-DD, not '" << vm["as-of"].as<std::string>() << "'\n";
            return usage_error;
        }
    }
    // The render options, read once so that a batch renders each case as a single case would be.
    render_options how;
    how.language = vm["language"].as<std::string>();
    if (batch) return evaluate_batch(vm, *format, options, how, err);
    const auto case_path = vm["case"].as<std::vector<std::string>>().front();
    try {
        const rulebook rules = vm.count("rules") ? rulebook::load(vm["rules"].as<std::string>()) : rulebook::load_bundled();
        const auto d = evaluate(rules, load_case(case_path, &rules), options);
        render(d, *format, out, how); // JSON is streamed: a large schedule's is never held whole
        out.flush();
        return ok;
    } catch (const load_error& e) {
        print_diagnostics(e.diagnostics(), err);
        return input_error;
    } catch (const render_error& e) {
        err << case_path << ": error: " << e.what() << '\n';
        return input_error;
    } catch (const error& e) {
        err << case_path << ": error: " << e.what() << '\n';
        return input_error;
    }
}

constexpr const char* rules_usage =
    "Usage: candour rules check [DIR]       load a rules folder and report every problem found\n"
    "       candour rules test [DIR]        run the scenarios in the rules' tests/ folders\n"
    "       candour rules list [DIR]        print the coverage table of every provision\n"
    "       candour rules show ID [DIR]     print one provision as a reviewer reads it\n"
    "DIR defaults to the bundled rules.\n";

std::size_t count_level(const std::vector<diagnostic>& diags, severity level) {
    return static_cast<std::size_t>(std::count_if(diags.begin(), diags.end(), [&](const diagnostic& d) { return d.level == level; }));
}

int rules_check(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    const auto diags = rulebook::check(dir);
    print_diagnostics(diags, err);
    const auto errors = count_level(diags, severity::error);
    out << dir.generic_string() << ": ";
    if (errors == 0) {
        const auto rules = rulebook::load(dir);
        out << rules.regimes().size() << " regime(s), " << rules.provisions().size() << " provision(s); ";
    }
    out << errors << " error(s), " << count_level(diags, severity::warning) << " warning(s), "
        << count_level(diags, severity::note) << " note(s)\n";
    return errors == 0 ? ok : input_error;
}

int rules_test(const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    const auto rules = rulebook::load(dir);
    const auto scenarios = load_scenarios(rules, dir);
    std::size_t passed = 0, failed = 0;
    for (const auto& s : scenarios) {
        const auto r = run_scenario(rules, s);
        if (r.passed()) {
            ++passed;
            out << "ok    " << r.name << '\n';
            continue;
        }
        ++failed;
        out << "FAIL  " << r.name << '\n';
        for (const auto& f : r.failures) err << to_string(r.where) << ": error: scenario '" << r.name << "': " << f << '\n';
    }
    out << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? ok : input_error;
}

std::map<std::string, std::size_t> scenario_coverage(const rulebook& rules, const std::filesystem::path& dir) {
    std::map<std::string, std::size_t> covered;
    for (const auto& s : load_scenarios(rules, dir))
        for (const auto& id : s.covers) ++covered[s.input.regime + ' ' + id];
    return covered;
}

int rules_list(const std::filesystem::path& dir, std::ostream& out) {
    const auto rules = rulebook::load(dir);
    const auto covered = scenario_coverage(rules, dir);
    out << "| Regime | Provision | Title | Role | Status | Test | Verified | Scenarios |\n"
           "|---|---|---|---|---|---|---|---|\n";
    std::size_t verified = 0, tested = 0;
    for (const auto& p : rules.provisions()) {
        const auto it = covered.find(p.regime + ' ' + p.id);
        const std::size_t n = it == covered.end() ? 0 : it->second;
        verified += p.verified ? 1 : 0;
        tested += n > 0 ? 1 : 0;
        out << "| " << p.regime << " | " << p.id << " | " << p.title << " | " << to_string(p.role) << " | "
            << (p.role == provision_role::exemption ? to_string(p.status) : "") << " | "
            << (p.role == provision_role::exemption ? to_string(p.test) : "") << " | " << (p.verified ? "yes" : "no") << " | " << n
            << " |\n";
    }
    out << '\n' << rules.provisions().size() << " provisions in " << rules.regimes().size() << " regimes: " << verified
        << " verified, " << tested << " with scenarios.\n";
    return ok;
}

int rules_show(const std::string& id, const std::filesystem::path& dir, std::ostream& out, std::ostream& err) {
    const auto rules = rulebook::load(dir);
    std::vector<const provision*> found;
    for (const auto& p : rules.provisions())
        if (p.id == id || p.regime + ':' + p.id == id) found.push_back(&p);
    if (found.empty()) {
        err << "candour rules show: no provision '" << id << "' (write REGIME:ID to pick a regime, e.g. uk-foia-2000:s.31(1)(a))\n";
        return input_error;
    }
    if (found.size() > 1) {
        err << "candour rules show: '" << id << "' exists in several regimes; write REGIME:ID, one of:";
        for (const auto* p : found) err << ' ' << p->regime << ':' << p->id;
        err << '\n';
        return usage_error;
    }
    const auto& p = *found.front();
    const auto& g = rules.get_regime(p.regime);
    out << "# " << p.id << ": " << p.title << "\n\n";
    out << "- Citation: [" << p.citation_text << "](" << p.uri << ")\n";
    out << "- Regime: " << g.title << " (" << g.id << ")\n";
    out << "- Role: " << to_string(p.role);
    if (p.role == provision_role::exemption) out << "; " << to_string(p.status) << ", engaged by a " << to_string(p.test) << " test";
    out << "\n";
    if (!p.protected_interest.empty()) out << "- Protected interest: " << p.protected_interest << "\n";
    for (const auto& c : p.class_conditions) out << "- Class condition: " << c << "\n";
    if (!p.ncnd.empty()) out << "- Neither confirm nor deny: " << p.ncnd << "\n";
    if (!p.subsidiary_to.empty()) {
        out << "- Applies only to information not exempt under:";
        for (const auto& x : p.subsidiary_to) out << ' ' << x;
        out << "\n";
    }
    if (!p.exclusive_with.empty()) {
        out << "- Mutually exclusive with:";
        for (const auto& x : p.exclusive_with) out << ' ' << x;
        out << "\n";
    }
    if (!p.presumption_applies) out << "- Presumption in favour of disclosure: not weighed in its public interest test\n";
    if (!p.purposes.empty()) {
        out << "- Purposes:";
        for (const auto& x : p.purposes) out << ' ' << x;
        out << "\n";
    }
    for (const auto& s : rules.shared_interests(p)) {
        out << "- Shares factors with " << s.provision_id << ":";
        for (const auto& f : s.factor_ids) out << ' ' << f;
        out << "\n";
    }
    for (const auto& r : p.routes_to) {
        const auto* target = rules.find_regime(r.regime);
        out << "- Routes to: " << (target ? target->title + " (" + r.regime + ")" : r.regime + " (not loaded)");
        if (!r.provision.empty()) out << ", " << r.provision;
        out << "\n";
    }
    if (p.history) {
        auto describe = [&](const historical_rule& h) {
            std::string s = std::to_string(h.years) + " years from " +
                            (h.counts_from == history_start::creation_date ? "the date of creation" : "the end of the year of creation");
            if (h.after_death_years > 0) s += ", or " + std::to_string(h.after_death_years) + " years from the relevant death if later";
            if (!h.schedule.empty())
                s += "; records created " + std::to_string(h.schedule.front().created) + "-" + std::to_string(h.schedule.back().created) +
                     " by a table (" + std::to_string(h.schedule.size()) + " rows)";
            return s + " (" + h.source.label + ")";
        };
        out << "- Historical-record limit: " << describe(*p.history) << "\n";
        for (const auto& ph : p.history->phases)
            out << "  - for decisions " << (ph.from ? "from " + ph.from->long_form() : std::string()) << (ph.from && ph.to ? " " : "")
                << (ph.to ? "to " + ph.to->long_form() : std::string()) << ": " << describe(ph)
                << (ph.verified ? "" : "; not verified: " + ph.note) << "\n";
    }
    if (p.in_force_from) out << "- In force from " << p.in_force_from->long_form() << (p.in_force_to ? " to " + p.in_force_to->long_form() : std::string()) << "\n";
    out << "- Verified: " << (p.verified ? "yes" : "no") << "\n";
    out << "- Defined at: " << to_string(p.where) << "\n";
    if (!p.text.empty()) out << "\n> " << p.text << "\n";
    if (!p.verification_note.empty()) out << "\n**Note.** " << p.verification_note << "\n";
    if (!p.default_factors.empty()) {
        out << "\n| Side | Factor | Weight | Source |\n|---|---|---|---|\n";
        for (const auto& f : p.default_factors)
            out << "| " << to_string(f.side) << " | " << f.description << " | " << f.weight << " | " << f.source.label << " |\n";
    }
    return ok;
}

int rules_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    po::options_description visible("Options");
    visible.add_options()("help,h", "show this help");
    po::options_description hidden;
    hidden.add_options()("words", po::value<std::vector<std::string>>());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("words", -1);
    po::variables_map vm;
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
    const auto words = vm.count("words") ? vm["words"].as<std::vector<std::string>>() : std::vector<std::string>{};
    if (vm.count("help")) {
        out << rules_usage;
        return ok;
    }
    const std::string verb = words.empty() ? "" : words[0];
    const bool show = verb == "show";
    const std::size_t max_words = show ? 3 : 2;
    if ((verb != "check" && verb != "test" && verb != "list" && !show) || words.size() > max_words || (show && words.size() < 2)) {
        err << "candour rules: expected one of:\n" << rules_usage;
        return usage_error;
    }
    const std::size_t dir_at = show ? 2 : 1;
    const std::filesystem::path dir = words.size() > dir_at ? std::filesystem::path(words[dir_at]) : bundled_rules_dir();
    if (verb == "check") return rules_check(dir, out, err);
    if (verb == "test") return rules_test(dir, out, err);
    if (verb == "list") return rules_list(dir, out);
    return rules_show(words[1], dir, out, err);
}

} // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    try {
        if (args.empty()) {
            err << usage_text;
            return usage_error;
        }
        const auto& command = args[0];
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        if (command == "--help" || command == "-h" || command == "help") {
            out << usage_text;
            return ok;
        }
        if (command == "--version") {
            out << "candour " << version_string << '\n';
            return ok;
        }
        if (command == "evaluate") return evaluate_command(rest, out, err);
        if (command == "rules") return rules_command(rest, out, err);
#ifdef CANDOUR_HAVE_AF
        if (command == "af") return run_af(rest, out, err);
#endif
        err << "candour: unknown command '" << command << "'\n" << usage_text;
        return usage_error;
    } catch (const po::error& e) {
        err << "candour: " << e.what() << '\n';
        return usage_error;
    } catch (const load_error& e) {
        print_diagnostics(e.diagnostics(), err);
        return input_error;
    } catch (const std::exception& e) {
        err << "candour: error: " << e.what() << '\n';
        return input_error;
    }
}

} // namespace candour::cli
