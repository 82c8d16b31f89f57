#include "test_helpers.hpp"

#include <doctest/doctest.h>

namespace candour::test {

const rulebook& bundled() {
    static const rulebook rules = rulebook::load(CANDOUR_RULES);
    return rules;
}

disclosure_case mopac_case() {
    return load_case(std::string(CANDOUR_EXAMPLES) + "/mopac-it-systems/case.yaml", &bundled());
}

std::string alternatives_that_can_both_apply_yaml() {
    return R"(case:
  id: alt-both-apply
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: Please send the supplier's pricing model.}
  items:
    - {id: P1, description: The supplier's pricing model, withheld_content: [Placeholder unit price 12.34]}
  claims:
    - id: c1
      provision: s.41(1)
      items: [P1]
      class_facts: [The model was obtained from the supplier under a duty of confidence.]
    - id: c2
      provision: s.43(2)
      items: [P1]
      in_the_alternative_to: [c1]
      harm: Disclosure would prejudice the supplier's position in the current tender.
      causal_chain: Competitors would undercut the supplier's prices.
      likelihood: would
      evidence: [{description: The supplier's letter., grade: specific}]
      factors:
        maintain: [{id: commerce, ref: commercial-harm}]
        disclose: [{id: value, ref: public-spending}]
)";
}

std::string alternative_split_annexes_yaml(bool staffing_annex) {
    return std::string(R"(case:
  id: alt-split
  regime: uk-foia-2000
  request: {received: 2024-03-04, wording: Please send the port security review and its annexes.}
  items:
    - {id: R2, description: The annex assessing threats to the port, withheld_content: [Placeholder threat level TL-9]}
    - {id: R3, description: The annex on the port's published security measures, public_domain: true}
)") + (staffing_annex ? "    - {id: R4, description: The annex on staffing}\n" : "") + R"(  claims:
    - id: c1
      provision: s.23(1)
      items: [R2, R3]
      class_facts: [The annexes were supplied by the Security Service.]
    - id: c2
      provision: s.24(1)
      items: )" + (staffing_annex ? "[R2, R3, R4]" : "[R2, R3]") + R"(
      in_the_alternative_to: [c1]
      class_facts: [Withholding the annexes is reasonably necessary to safeguard national security.]
      factors:
        maintain: [{id: security, ref: national-security}]
        disclose: [{id: transparency, ref: transparency}]
)";
}

std::string alternative_weighed_together_yaml(bool security_body, bool pleaded) {
    std::string yaml = R"(case:
  id: alt-aggregated
  regime: uk-foia-2000
  request: {received: 2025-09-01, wording: Please send the port security review and its annex.}
  items:
    - {id: R1, description: The press notice on the review}
    - {id: R2, description: The annex assessing threats to the port, withheld_content: [Placeholder threat level TL-9]}
  claims:
    - id: c1
      provision: s.23(1)
      items: [R2]
SECURITY_BODY    - id: c2
      provision: s.24(1)
      items: [R2]
      in_the_alternative_to: [c1]
      class_facts: [Withholding the annex is reasonably necessary to safeguard national security.]
      factors:
        maintain: [{id: security, description: Safeguarding the port against attack, weight: moderate}]
        disclose: [{id: openness, description: Openness about port security, weight: significant}]
    - id: c3
      provision: s.31(1)(a)
      items: [R2]
      harm: Disclosure would help criminals plan thefts from the port.
      causal_chain: The annex describes gaps in the port's perimeter controls.
      likelihood: would
      evidence: [{description: Police intelligence on planned thefts at the port., grade: specific}]
      factors:
        maintain: [{id: crime, description: Preventing crime at the port, weight: moderate}]
        disclose: [{id: openness, description: Openness about port security, weight: significant}]
)";
    yaml = replace(yaml, "SECURITY_BODY",
                   security_body ? "      class_facts: [The annex was supplied by the Security Service.]\n" : "");
    if (!pleaded) yaml = replace(yaml, "      in_the_alternative_to: [c1]\n", "");
    return yaml;
}

std::string small_case_yaml() {
    return R"(case:
  id: small
  title: Small test case
  regime: uk-foia-2000
  authority:
    name: Test Council
    review_contact: the Information Governance Team, Test Council
  request:
    received: 2018-03-22
    wording: Please list your IT systems.
  items:
    - id: R01
      description: Payroll system
      content: Placeholder Payroll
    - id: R02
      description: "Firewall: the product used"
      withheld_content: Zeta Secret Wall
  claims:
    - id: c1
      provision: s.31(1)(a)
      items: [R02]
      harm: Attackers could target known weaknesses.
      causal_chain: Knowing the product lets an attacker look up its published weaknesses.
      likelihood: would
      evidence:
        - description: A vendor advisory about this product line.
          grade: specific
      factors:
        maintain:
          - id: crime
            ref: crime-prevention
        disclose:
          - id: transparency
            ref: transparency
  notice:
    sent: 2018-04-20
    states_exemption: true
    specifies_subsection: true
    explains_engagement: true
    gives_pit_reasons: true
    internal_review: stated
    states_complaint_right: true
)";
}

disclosure_case parse(const std::string& yaml) { return parse_case(yaml, "test.yaml", &bundled()); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "test fixture lacks: " << from);
    return text.replace(at, from.size(), to);
}

} // namespace candour::test
