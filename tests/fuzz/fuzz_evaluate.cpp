// Fuzz target: evaluation. The input bytes choose a structurally valid case for one of the
// bundled regimes (items, claims on real exemptions with real thresholds, evidence grades,
// weights, purposes and default factors, consistent dates), which is evaluated and rendered
// under the decision invariants (fuzz_decision.hpp).
//
// Withheld strings always start "zq" and no requester-safe text can contain that pair, so a
// notice that shows one, or refuses with R501, is a finding, except when the input chose to
// copy a withheld string into a requester-facing field ("injection"): then the notice may be
// refused, but must still never show it, not even Markdown-escaped or split across lines.

#include "fuzz_decision.hpp"

#include <candour/candour.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace {
using namespace candour;

const rulebook& rules() {
    static const rulebook r = rulebook::load_bundled();
    return r;
}

// Requester-safe vocabulary: no 'z' and no 'q', so no withheld string can appear by chance.
const char* const words[] = {"the",      "record",  "system",   "Council",  "report", "of",    "and",
                             "firewall", "payroll", "contract", "security", "list",   "data",  "police",
                             "harm",     "attack",  "public",   "interest", "1",      "2018",  "*",
                             "_",        "`",       "<b>",      "[x]",      "|",      "\\",    "#",
                             "-",        "\n",      "  ",       "Ünïcödé",  "\t",     "(a)",   "{{x}}"};

std::string safe_text(fuzz::byte_reader& in, int max_words) {
    std::string s;
    const int n = in.integer(0, max_words);
    for (int i = 0; i < n; ++i) {
        if (i) s += ' ';
        s += in.pick(words);
    }
    return s;
}

// Letters, blanks and the characters Markdown escapes or a table cell rewrites.
const char secret_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 *_`<>[]\\|\n\r\t#-.";

std::string secret(fuzz::byte_reader& in) {
    std::string s = "zq";
    const int n = in.integer(3, 24);
    for (int i = 0; i < n; ++i) s += secret_chars[in.range(0, sizeof secret_chars - 2)];
    return s;
}

std::optional<date> some_date(fuzz::byte_reader& in, date after) {
    // Mostly days to weeks after `after`; sometimes years, sometimes far out.
    // (Counting working days is linear in the span, so far-out dates are kept rare.)
    std::int64_t span = 0;
    const int kind = in.integer(0, 15);
    if (kind < 8) span = in.integer(0, 60);
    else if (kind < 13) span = in.integer(0, 800);
    else if (kind < 15) span = in.integer(0, 40 * 366);
    else span = in.integer(0, 3'000'000);
    const date d = after.plus_days(span);
    if (d.year() > 9999) return std::nullopt;
    return d;
}

struct generated {
    disclosure_case c;
    bool injected = false;
};

generated make_case(fuzz::byte_reader& in) {
    generated g;
    auto& c = g.c;
    const auto& regimes = rules().regimes();
    const regime& reg = regimes[in.range(0, regimes.size() - 1)];
    std::vector<const provision*> exemptions;
    for (const auto& p : rules().provisions())
        if (p.regime == reg.id && p.role == provision_role::exemption) exemptions.push_back(&p);

    c.id = "fuzz";
    c.title = safe_text(in, 4);
    c.regime = reg.id;
    c.authority.name = safe_text(in, 3);
    c.authority.review_contact = safe_text(in, 3);
    if (in.boolean()) c.assumptions.push_back(safe_text(in, 6));
    // Received between 1800 and 2100, or (rarely) at the ends of the representable range.
    const int year = in.integer(0, 15) == 0 ? (in.boolean() ? 1 : 9998) : in.integer(1800, 2100);
    c.request.received = *date::from_ymd(year, in.integer(1, 12), in.integer(1, 28));
    c.request.wording = safe_text(in, 8);

    const int items = in.integer(1, 12);
    for (int i = 0; i < items; ++i) {
        item it;
        it.id = "I" + std::to_string(i);
        it.description = safe_text(in, 5);
        it.held = in.integer(0, 7) != 0;
        if (in.boolean()) it.content = safe_text(in, 3);
        for (int k = in.integer(0, 2); k > 0; --k) it.withheld_content.push_back(secret(in));
        if (in.boolean()) it.created = c.request.received.plus_days(-in.integer(-30, 20000));
        it.public_domain = in.integer(0, 5) == 0;
        c.items.push_back(std::move(it));
    }

    const int claims = exemptions.empty() ? 0 : in.integer(0, 4);
    for (int k = 0; k < claims; ++k) {
        claim cl;
        const provision& p = *exemptions[in.range(0, exemptions.size() - 1)];
        cl.id = "c" + std::to_string(k);
        cl.provision = p.id;
        for (const auto& it : c.items)
            if (in.boolean()) cl.items.push_back(it.id);
        if (cl.items.empty()) cl.items.push_back(c.items[in.range(0, c.items.size() - 1)].id);
        if (in.boolean()) cl.harm = safe_text(in, 6);
        if (in.boolean()) cl.causal_chain = safe_text(in, 6);
        for (int t = in.integer(0, 2); t > 0 && !reg.thresholds.empty(); --t)
            cl.likelihood.push_back(reg.thresholds[in.range(0, reg.thresholds.size() - 1)].id);
        for (int e = in.integer(0, 2); e > 0 && !reg.evidence_grades.empty(); --e)
            cl.evidence.push_back({safe_text(in, 4), reg.evidence_grades[in.range(0, reg.evidence_grades.size() - 1)].id, {}});
        if (in.boolean()) cl.class_facts.push_back(safe_text(in, 4));
        for (const auto& purpose : p.purposes)
            if (in.boolean()) cl.purposes.push_back(purpose);
        for (int f = in.integer(0, 4); f > 0; --f) {
            factor x;
            x.id = "f" + std::to_string(cl.factors.size());
            if (!p.default_factors.empty() && in.boolean()) {
                const factor& def = p.default_factors[in.range(0, p.default_factors.size() - 1)];
                x = def;  // adopted by reference, as check_case fills it in
                x.id = "f" + std::to_string(cl.factors.size());
                x.ref = def.id;
            } else {
                x.side = in.boolean() ? pi_side::maintain : pi_side::disclose;
                x.description = safe_text(in, 5);
                x.weight = reg.weights.empty() ? "" : reg.weights[in.range(0, reg.weights.size() - 1)].name;
                if (in.integer(0, 3) == 0 && !reg.irrelevant_factors.empty())
                    x.category = reg.irrelevant_factors[in.range(0, reg.irrelevant_factors.size() - 1)].category;
            }
            cl.factors.push_back(std::move(x));
        }
        c.claims.push_back(std::move(cl));
    }

    if (in.boolean()) {
        notice_record n;
        n.sent = some_date(in, c.request.received);
        n.acknowledges_delay = in.boolean();
        n.states_exemption = in.boolean();
        n.specifies_subsection = in.boolean();
        n.explains_engagement = in.boolean();
        n.gives_pit_reasons = in.boolean();
        n.internal_review = static_cast<review_particulars>(in.integer(0, 2));
        if (in.boolean()) n.internal_review_reference = safe_text(in, 3);
        n.states_complaint_right = in.boolean();
        c.notice = n;
    }
    if (in.boolean()) c.decision_date = some_date(in, c.request.received);

    // Injection: copy one withheld string into a requester-facing field.
    std::vector<std::string> secrets;
    for (const auto& it : c.items) secrets.insert(secrets.end(), it.withheld_content.begin(), it.withheld_content.end());
    if (!secrets.empty() && in.integer(0, 3) == 0) {
        g.injected = true;
        std::string s = secrets[in.range(0, secrets.size() - 1)];
        // Sometimes in another case, or with its words re-spaced, as a careless author would.
        if (in.boolean()) for (auto& ch : s) ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
        std::vector<std::string*> fields = {&c.title, &c.authority.name, &c.authority.review_contact, &c.request.wording};
        for (auto& it : c.items) { fields.push_back(&it.description); fields.push_back(&it.content); }
        for (auto& cl : c.claims) {
            fields.push_back(&cl.harm);
            fields.push_back(&cl.causal_chain);
            for (auto& f : cl.factors) fields.push_back(&f.description);
            for (auto& e : cl.evidence) fields.push_back(&e.description);
            for (auto& x : cl.class_facts) fields.push_back(&x);
        }
        for (auto& a : c.assumptions) fields.push_back(&a);
        std::string& target = *fields[in.range(0, fields.size() - 1)];
        target += (in.boolean() ? " " : "") + s;
    }
    return g;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)rules();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    fuzz::byte_reader in(data, size);
    const auto g = make_case(in);
    evaluation_options options;
    if (in.integer(0, 3) == 0) options.as_of = some_date(in, g.c.request.received);
    const decision d = evaluate(rules(), g.c, options);  // a valid case never throws
    fuzz::check_decision(d, g.injected, /*twice=*/(in.byte() & 3) == 0);
    return 0;
}
