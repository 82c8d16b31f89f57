// `candour af`, parsed by hand: five options do not need a parser library.

#include "af_command.hpp"

#include <candour/af/iccma.hpp>
#include <candour/af/parse.hpp>
#include <candour/diagnostic.hpp>
#include <candour/error.hpp>
#include <candour/version.hpp>

#include <charconv>
#include <exception>
#include <optional>
#include <ostream>
#include <string_view>

namespace candour::cli {

namespace {

constexpr std::string_view usage_text =
    "Usage: candour af -p PROBLEM -f FILE [-fo FORMAT] [-a ARGUMENT]\n"
    "       candour af --formats | --problems | --help\n"
    "\n"
    "Solves an abstract argumentation problem the way ICCMA solvers do.\n"
    "\n"
    "  -p PROBLEM    task and semantics, e.g. SE-GR (see --problems)\n"
    "  -f FILE       the framework\n"
    "  -fo FORMAT    apx, tgf or i23; guessed from .apx, .tgf, .i23 or .af when left out\n"
    "  -a ARGUMENT   the argument DC-* and DS-* ask about (its name; its id for i23)\n"
    "  --formats     list the file formats\n"
    "  --problems    list the problems\n"
    "  --help        show this text\n"
    "\n"
    "Answers: an extension is [a,b] (apx, tgf) or 'w 1 2' (i23); DC/DS print YES or NO;\n"
    "SE-ST prints NO when there is no stable extension.\n"
    "Grounded takes linear time. Complete, preferred and stable use an exact search that can\n"
    "take exponential time on large, densely cyclic frameworks.\n"
    "Exit status: 0 solved, 1 unreadable or invalid input, 2 usage error.\n";

int usage_error(std::ostream& err, const std::string& message) {
    err << "candour af: error: " << message << "\nTry 'candour af --help'.\n";
    return 2;
}

struct options {
    std::optional<std::string> problem, file, format, argument;
    bool formats = false, problems = false, help = false;
};

// Empty string on success, else the usage message.
std::string parse_options(const std::vector<std::string>& args, options& o) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::optional<std::string>* slot = nullptr;
        if (a == "-p") slot = &o.problem;
        else if (a == "-f") slot = &o.file;
        else if (a == "-fo") slot = &o.format;
        else if (a == "-a") slot = &o.argument;
        else if (a == "--formats") o.formats = true;
        else if (a == "--problems") o.problems = true;
        else if (a == "--help" || a == "-h") o.help = true;
        else return "unknown option '" + a + "'";
        if (!slot) continue;
        if (i + 1 == args.size()) return "option " + a + " needs a value";
        if (slot->has_value()) return "option " + a + " given twice";
        *slot = args[++i];
    }
    return {};
}

void print_diagnostic(std::ostream& err, const diagnostic& d) { err << format(d) << '\n'; }

// The query's id: a name for apx and tgf, a 1-based number for i23.
std::optional<af::arg_id> resolve(const af::framework& fw, af::file_format fo, const std::string& arg) {
    if (fo != af::file_format::i23) return fw.find(arg);
    std::uint64_t v = 0;
    auto r = std::from_chars(arg.data(), arg.data() + arg.size(), v);
    if (r.ec != std::errc() || r.ptr != arg.data() + arg.size() || v == 0 || v > fw.size()) return std::nullopt;
    return static_cast<af::arg_id>(v - 1);
}

} // namespace

int run_af(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    if (args.empty()) {  // ICCMA solvers name themselves when called bare
        out << "candour af " << version_string << "\n";
        return 0;
    }
    options o;
    if (auto bad = parse_options(args, o); !bad.empty()) return usage_error(err, bad);
    if (o.help) {
        out << usage_text;
        return 0;
    }
    if (o.formats || o.problems) {
        if (o.formats) out << "[apx,tgf,i23]\n";
        if (o.problems) {
            out << '[';
            bool first = true;
            for (const auto& p : af::supported_problems()) {
                out << (first ? "" : ",") << af::to_string(p);
                first = false;
            }
            out << "]\n";
        }
        return 0;
    }

    if (!o.problem) return usage_error(err, "missing -p PROBLEM");
    if (!o.file) return usage_error(err, "missing -f FILE");
    const auto problem = af::parse_problem(*o.problem);
    if (!problem) return usage_error(err, "unknown problem '" + *o.problem + "' (see --problems)");
    std::optional<af::file_format> fo;
    if (o.format) {
        fo = af::parse_file_format(*o.format);
        if (!fo) return usage_error(err, "unknown format '" + *o.format + "'; expected apx, tgf or i23");
    } else {
        fo = af::file_format_from_path(*o.file);
        if (!fo) return usage_error(err, "cannot tell the format of '" + *o.file + "'; pass -fo apx|tgf|i23");
    }
    if (af::needs_argument(*problem) && !o.argument)
        return usage_error(err, af::to_string(*problem) + " needs -a ARGUMENT");
    if (!af::needs_argument(*problem) && o.argument)
        return usage_error(err, "-a applies to DC-* and DS-* problems, not " + af::to_string(*problem));

    try {
        const af::framework fw = af::load(*o.file, *fo);
        std::optional<af::arg_id> query;
        if (o.argument) {
            query = resolve(fw, *fo, *o.argument);
            if (!query) {
                diagnostic d;
                d.code = "A110";
                d.message = "argument '" + *o.argument + "' is not in the framework";
                d.where.file = *o.file;
                if (*fo == af::file_format::i23)
                    d.notes.push_back("i23 arguments are numbered 1.." + std::to_string(fw.size()));
                print_diagnostic(err, d);
                return 1;
            }
        }
        const std::string answer = af::solve(fw, *problem, *fo, query);
        out.write(answer.data(), static_cast<std::streamsize>(answer.size()));
        out.flush();
        return 0;
    } catch (const load_error& e) {
        for (const auto& d : e.diagnostics()) print_diagnostic(err, d);
        return 1;
    } catch (const std::exception& e) {
        err << "candour af: error: " << e.what() << '\n';
        return 1;
    }
}

} // namespace candour::cli
