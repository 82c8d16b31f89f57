#pragma once
// Shared fixtures for the unit tests: the bundled rules (loaded once) and small case builders.

#include <candour/candour.hpp>

#include <string>

namespace candour::test {

/// The bundled rules, loaded once for the whole test run.
const rulebook& bundled();

/// The MOPAC example case.
disclosure_case mopac_case();

/// A small valid FOIA case (one released row, one row withheld under s.31(1)(a)) as YAML,
/// for tests that change one thing and check the effect.
std::string small_case_yaml();

/// A FOIA case pleading s.43(2) in the alternative to s.41(1) for one item: provisions that can
/// both apply to the same information, so there is nothing for the notice to mask.
std::string alternatives_that_can_both_apply_yaml();

/// A FOIA case decided after DBT v IC [2025] UKSC 27: s.23(1) or, in the alternative, s.24(1)
/// for an annex, and s.31(1)(a) too. s.24(1) and s.31(1)(a) each fail alone (2 against 3) and
/// succeed weighed together (4 against 3). `security_body` gives s.23(1) its class fact;
/// `pleaded` keeps s.24(1) in the alternative to s.23(1).
std::string alternative_weighed_together_yaml(bool security_body, bool pleaded = true);

/// s.23(1) or, in the alternative, s.24(1) for two annexes, one of them in the public domain, so
/// that each claim is decided in two groups of items. `staffing_annex` adds a third annex claimed
/// under s.24(1) alone.
std::string alternative_split_annexes_yaml(bool staffing_annex);

/// Parses `yaml` against the bundled rules.
disclosure_case parse(const std::string& yaml);

/// Replaces the first occurrence of `from` in `text` (the test fails loudly if absent).
std::string replace(std::string text, const std::string& from, const std::string& to);

} // namespace candour::test
