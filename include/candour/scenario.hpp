#pragma once
// Scenarios beside the rules, in the OpenFisca style: a case in, the expected outcome out.
// They live in the `tests/` folder of a regime and are run by `candour rules test`.

#include <candour/decision.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/rulebook.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace candour {

struct scenario_expectation {
    std::optional<request_outcome> outcome;
    std::vector<std::pair<std::string, item_outcome>> items;   ///< item id -> outcome
    std::vector<std::pair<std::string, label>> statements;     ///< statement key -> label
    std::vector<std::string> flags;                            ///< review flag codes that must be raised
    std::vector<std::string> no_flags;                         ///< and codes that must not
};

struct scenario {
    std::string name;
    std::vector<std::string> covers; ///< provision ids this scenario exercises
    disclosure_case input;
    std::optional<date> as_of;
    scenario_expectation expect;
    source_location where;
};

struct scenario_result {
    std::string name;
    source_location where;
    std::vector<std::string> failures; ///< empty when the scenario passed
    [[nodiscard]] bool passed() const noexcept { return failures.empty(); }
};

/// Loads every scenario file (*.yaml) in the `tests/` folders under `dir`, checking each case
/// against `rules`. Throws load_error with every diagnostic found.
[[nodiscard]] std::vector<scenario> load_scenarios(const rulebook& rules, const std::filesystem::path& dir,
                                                   const load_limits& limits = {});

/// Evaluates one scenario and compares the decision with its expectation.
[[nodiscard]] scenario_result run_scenario(const rulebook& rules, const scenario& s);

[[nodiscard]] std::optional<request_outcome> parse_request_outcome(std::string_view name) noexcept;
[[nodiscard]] std::optional<item_outcome> parse_item_outcome(std::string_view name) noexcept;
[[nodiscard]] std::optional<label> parse_label(std::string_view name) noexcept;

} // namespace candour
