#pragma once
// The scratch rules tree shared by fuzz_rules and fuzz_regime:
//   ROOT/index.yaml                          a folder index (no regime)
//   ROOT/uk/index.yaml                       a folder index
//   ROOT/uk/calendars/uk-bank-holidays.yaml  a small calendar (the path the bundled indexes use)
//   ROOT/uk/r/index.yaml                     the regime index
//   ROOT/uk/r/provisions.yaml                a provision file
// A tree that loads is then used: a small case with a claim on each exemption is evaluated
// and rendered under the decision invariants.

#include "fuzz_decision.hpp"

#include <candour/candour.hpp>

#include <algorithm>

namespace candour::fuzz {

class rules_scratch {
public:
    static constexpr std::string_view fixed_index = R"(regime:
  id: fuzz-regime
  title: Fuzz Regime Act
  uri: https://www.legislation.gov.uk/ukpga/2000/36
  verified: true
  balancing:
    source: {label: s.2, uri: https://www.legislation.gov.uk/ukpga/2000/36/section/2}
    test: maintaining outweighs disclosing
    tie: disclose
  thresholds:
    - {id: would-be-likely-to, phrase: would be likely to, meaning: a real risk, weight_multiplier: 0.8}
    - {id: would, phrase: would, meaning: more probable than not, weight_multiplier: 1.0}
  evidence:
    - {id: specific, meaning: tied to this information, weight_multiplier: 1.0}
    - {id: none, meaning: asserted, weight_multiplier: 0.6}
  weights:
    - {name: slight, value: 1}
    - {name: moderate, value: 2}
    - {name: strong, value: 4}
  irrelevant_factors:
    - {category: requester-identity, description: applicant-blind, source: {label: LTT48}}
  time_limit:
    working_days: 20
    source: {label: s.10, uri: https://www.legislation.gov.uk/ukpga/2000/36/section/10}
    calendar: ../calendars/uk-bank-holidays.yaml
    regions: [england-and-wales, scotland, northern-ireland]
  notice:
    - {id: states-exemption, provision: s.17(1)(a), description: state the exemption}
  complaints:
    review: internal review
    regulator: the Commissioner
    right: {label: s.50, uri: https://www.legislation.gov.uk/ukpga/2000/36/section/50}
)";
    static constexpr std::string_view fixed_provisions = R"(provisions:
  - id: s.1
    title: General right of access
    citation: Fuzz Regime Act, section 1
    uri: https://www.legislation.gov.uk/ukpga/2000/36/section/1
    role: duty
    verified: true
  - id: s.31(1)(a)
    title: Prevention of crime
    citation: Fuzz Regime Act, section 31(1)(a)
    uri: https://www.legislation.gov.uk/ukpga/2000/36/section/31
    role: exemption
    status: qualified
    test: prejudice
    protected_interest: the prevention of crime
    ncnd: s.31(3)
    subsidiary_to: [s.30(1)]
    factors:
      - {id: crime, side: maintain, description: preventing crime, weight: strong}
      - {id: open, side: disclose, description: openness, weight: moderate}
    verified: true
  - id: s.31(3)
    title: Neither confirm nor deny
    citation: Fuzz Regime Act, section 31(3)
    uri: https://www.legislation.gov.uk/ukpga/2000/36/section/31
    role: exemption
    status: qualified
    test: prejudice
    protected_interest: the prevention of crime
    verified: false
    note: a test provision
  - id: s.30(1)
    title: Investigations
    citation: Fuzz Regime Act, section 30(1)
    uri: https://www.legislation.gov.uk/ukpga/2000/36/section/30
    role: exemption
    status: absolute
    test: class
    class_conditions: [held for an investigation]
    historical_limit: {years: 30, source: {label: s.63}}
    in_force: {from: 2005-01-01}
    verified: true
)";
    static constexpr std::string_view fixed_calendar = R"(calendar:
  id: uk-bank-holidays
  covers: {from: 2017-01-01, to: 2019-12-31}
  regions: [england-and-wales, scotland, northern-ireland]
  holidays:
    - {date: 2018-03-30, name: Good Friday, regions: [england-and-wales, scotland, northern-ireland]}
    - {date: 2018-04-02, name: Easter Monday, regions: [england-and-wales, northern-ireland]}
    - {date: 2018-12-25, name: Christmas Day, regions: [england-and-wales, scotland, northern-ireland]}
)";

    rules_scratch() {
        write_file(root() / "index.yaml", "folder:\n  title: fuzz\n");
        write_file(root() / "uk" / "index.yaml", "folder:\n  title: fuzz\n");
        write_file(calendar_file(), fixed_calendar);
        write_file(index_file(), fixed_index);
        write_file(provision_file(), fixed_provisions);
    }

    [[nodiscard]] std::filesystem::path root() const { return folder_.path() / "rules"; }
    [[nodiscard]] std::filesystem::path index_file() const { return root() / "uk" / "r" / "index.yaml"; }
    [[nodiscard]] std::filesystem::path provision_file() const { return root() / "uk" / "r" / "provisions.yaml"; }
    [[nodiscard]] std::filesystem::path calendar_file() const {
        return root() / "uk" / "calendars" / "uk-bank-holidays.yaml";
    }

    /// Loads the tree; a rulebook that loads is put to use.
    void load_and_check() const {
        rulebook rules;
        try {
            rules = rulebook::load(root() / "uk" / "r");
        } catch (const load_error& e) {
            require(has_errors(e.diagnostics()), "a load_error carries an error");
            for (const auto& d : e.diagnostics()) require(d.code.size() == 4, "every diagnostic has a code");
            return;
        }
        for (const auto& reg : rules.regimes()) evaluate_sample(rules, reg);
    }

private:
    static void evaluate_sample(const rulebook& rules, const regime& reg) {
        disclosure_case c;
        c.id = "sample";
        c.regime = reg.id;
        c.request.received = *date::from_ymd(2018, 3, 22);
        c.request.wording = "Please send the list.";
        c.items.push_back({"I1", "a released row", true, "", {}, {}, false, {}});
        c.items.push_back({"I2", "a withheld row", true, "", {"zqsecretvalue"}, {}, false, {}});
        int k = 0;
        for (const auto& p : rules.provisions()) {
            if (p.regime != reg.id || p.role != provision_role::exemption || k == 6) continue;
            claim cl;
            cl.id = "c" + std::to_string(k++);
            cl.provision = p.id;
            cl.items = {"I2"};
            cl.harm = "harm";
            cl.causal_chain = "a chain";
            if (!reg.thresholds.empty()) cl.likelihood = {reg.thresholds.front().id};
            if (!reg.evidence_grades.empty()) cl.evidence.push_back({"a report", reg.evidence_grades.back().id, {}});
            cl.purposes = p.purposes;
            for (const auto& f : p.default_factors) {
                factor x = f;
                x.ref = f.id;
                if (x.weight.empty() && !reg.weights.empty()) x.weight = reg.weights.front().name;
                if (!x.weight.empty()) cl.factors.push_back(std::move(x));
            }
            if (!reg.weights.empty())
                cl.factors.push_back({"d", pi_side::disclose, "openness", reg.weights.back().name, "", "", {}, {}});
            c.claims.push_back(std::move(cl));
        }
        notice_record n;
        n.sent = *date::from_ymd(2018, 5, 1);
        c.notice = n;
        // The rules are fuzzed, so their text may hold the withheld string: R501 is allowed.
        check_decision(evaluate(rules, c), /*injected=*/true);
    }

    scratch_folder folder_;
};

} // namespace candour::fuzz
