// ICCMA problem names and answer text. Answers are built in one string with to_chars, so
// printing a 10^5-argument extension is one write.

#include <candour/af/iccma.hpp>

#include <candour/error.hpp>

#include <algorithm>
#include <array>
#include <charconv>

namespace candour::af {

namespace {

constexpr std::array<problem, 15> problems{{
    {task::single, semantics::grounded},
    {task::credulous, semantics::grounded},
    {task::skeptical, semantics::grounded},
    {task::enumerate, semantics::complete},
    {task::single, semantics::complete},
    {task::credulous, semantics::complete},
    {task::skeptical, semantics::complete},
    {task::enumerate, semantics::preferred},
    {task::single, semantics::preferred},
    {task::credulous, semantics::preferred},
    {task::skeptical, semantics::preferred},
    {task::enumerate, semantics::stable},
    {task::single, semantics::stable},
    {task::credulous, semantics::stable},
    {task::skeptical, semantics::stable},
}};

std::string_view task_code(task t) noexcept {
    switch (t) {
    case task::single: return "SE";
    case task::enumerate: return "EE";
    case task::credulous: return "DC";
    case task::skeptical: return "DS";
    }
    return "?";
}

std::string_view semantics_code(semantics s) noexcept {
    switch (s) {
    case semantics::grounded: return "GR";
    case semantics::complete: return "CO";
    case semantics::preferred: return "PR";
    case semantics::stable: return "ST";
    }
    return "?";
}

void append_id(std::string& out, arg_id a) {
    char digits[16];
    auto r = std::to_chars(digits, digits + sizeof digits, std::uint64_t{a} + 1);
    out.append(digits, r.ptr);
}

void append_extension(std::string& out, const framework& af, std::span<const arg_id> ext, file_format format) {
    if (format == file_format::i23) {
        out.push_back('w');
        for (arg_id a : ext) {
            out.push_back(' ');
            append_id(out, a);
        }
        return;
    }
    out.push_back('[');
    for (std::size_t i = 0; i < ext.size(); ++i) {
        if (i) out.push_back(',');
        out.append(af.name(ext[i]));
    }
    out.push_back(']');
}

} // namespace

std::string to_string(problem p) {
    std::string s(task_code(p.kind));
    s.push_back('-');
    s.append(semantics_code(p.sem));
    return s;
}

std::optional<problem> parse_problem(std::string_view text) noexcept {
    for (const problem& p : problems)
        if (text.size() == 5 && text.substr(0, 2) == task_code(p.kind) && text[2] == '-' &&
            text.substr(3) == semantics_code(p.sem))
            return p;
    return std::nullopt;
}

std::span<const problem> supported_problems() noexcept { return problems; }

std::string format_extension(const framework& af, std::span<const arg_id> ext, file_format format) {
    std::string out;
    out.reserve(2 + ext.size() * 8);
    append_extension(out, af, ext, format);
    return out;
}

std::string format_extensions(const framework& af, std::span<const extension> exts, file_format format) {
    std::string out;
    if (format == file_format::i23) {
        if (exts.empty()) return "NO";
        for (std::size_t i = 0; i < exts.size(); ++i) {
            if (i) out.push_back('\n');
            append_extension(out, af, exts[i], format);
        }
        return out;
    }
    out.push_back('[');
    for (std::size_t i = 0; i < exts.size(); ++i) {
        if (i) out.push_back(',');
        append_extension(out, af, exts[i], format);
    }
    out.push_back(']');
    return out;
}

std::string solve(const framework& af, problem p, file_format format, std::optional<arg_id> query) {
    if (std::find(problems.begin(), problems.end(), p) == problems.end())
        throw error("unsupported problem " + to_string(p));
    std::string out;
    if (needs_argument(p)) {
        if (!query) throw error(to_string(p) + " needs an argument to ask about");
        if (*query >= af.size()) throw lookup_error(to_string(p) + ": no argument with id " + std::to_string(*query));
        const bool yes = p.kind == task::credulous ? credulously_accepted(af, p.sem, *query)
                                                   : skeptically_accepted(af, p.sem, *query);
        out = format_acceptance(yes);
    } else if (p.kind == task::enumerate) {
        out = format_extensions(af, extensions(af, p.sem), format);
    } else if (p.sem == semantics::grounded || p.sem == semantics::complete) {
        // Grounded is complete, and computed without building a list of extensions.
        auto g = grounded(af);
        out = format_extension(af, g.in, format);
    } else if (auto e = some_extension(af, p.sem)) {
        out = format_extension(af, *e, format);
    } else {
        out = "NO";
    }
    out.push_back('\n');
    return out;
}

} // namespace candour::af
