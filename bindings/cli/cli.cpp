// The candour command line: a thin Boost.Program_options front-end over the library.

#include "cli.hpp"

#ifdef CANDOUR_HAVE_AF
#include "af_command.hpp"
#endif

#include <candour/candour.hpp>

#include <boost/program_options.hpp>

#include <ostream>

namespace candour::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* usage_text =
    "Usage: candour <command> [options]\n"
    "\n"
    "Commands:\n"
    "  evaluate CASE     Evaluate a disclosure case and print the decision\n"
    "  rules check [DIR] Load a rules folder and report every problem found\n"
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

int evaluate_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    po::options_description visible("Usage: candour evaluate CASE [options]\n\nOptions");
    visible.add_options()
        ("help,h", "show this help")
        ("rules", po::value<std::string>()->value_name("DIR"), "rules folder (default: the bundled rules)")
        ("format,f", po::value<std::string>()->default_value("record")->value_name("FORMAT"),
         "output: record (reviewer's decision record, Markdown), notice (requester-facing notice, Markdown), "
         "json (the whole decision), dot (the justification graph for Graphviz)")
        ("as-of", po::value<std::string>()->value_name("YYYY-MM-DD"),
         "assess circumstances as at this date instead of the case's decision date");
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
    if (!vm.count("case") || vm["case"].as<std::vector<std::string>>().size() != 1) {
        err << "candour evaluate: expected exactly one CASE file\n";
        err << "Try 'candour evaluate --help'.\n";
        return usage_error;
    }
    const auto format_name = vm["format"].as<std::string>();
    const auto format = parse_output_format(format_name);
    if (!format) {
        err << "candour evaluate: unknown format '" << format_name << "': expected record, notice, json or dot\n";
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
    const auto case_path = vm["case"].as<std::vector<std::string>>().front();
    try {
        const rulebook rules = vm.count("rules") ? rulebook::load(vm["rules"].as<std::string>()) : rulebook::load_bundled();
        const auto c = load_case(case_path, &rules);
        const auto d = evaluate(rules, c, options);
        out << render(d, *format);
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

int rules_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    po::options_description visible("Usage: candour rules check [DIR]\n\nOptions");
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
        out << visible;
        return ok;
    }
    if (words.empty() || words[0] != "check" || words.size() > 2) {
        err << "candour rules: expected 'candour rules check [DIR]'\n";
        return usage_error;
    }
    const std::filesystem::path dir = words.size() == 2 ? std::filesystem::path(words[1]) : bundled_rules_dir();
    const auto diags = rulebook::check(dir);
    print_diagnostics(diags, err);
    std::size_t errors = 0, warnings = 0, notes = 0;
    for (const auto& d : diags) {
        if (d.level == severity::error) ++errors;
        else if (d.level == severity::warning) ++warnings;
        else ++notes;
    }
    if (errors == 0) {
        const auto rules = rulebook::load(dir);
        out << dir.generic_string() << ": " << rules.regimes().size() << " regime(s), " << rules.provisions().size()
            << " provision(s); ";
    } else {
        out << dir.generic_string() << ": ";
    }
    out << errors << " error(s), " << warnings << " warning(s), " << notes << " note(s)\n";
    return errors == 0 ? ok : input_error;
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
