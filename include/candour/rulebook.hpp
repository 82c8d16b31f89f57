#pragma once
// A rulebook: the regimes and provisions loaded from a rules folder. It is immutable and
// cheap to copy (shared), so one rulebook serves many evaluations on many threads.

#include <candour/diagnostic.hpp>
#include <candour/provision.hpp>
#include <candour/regime.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace candour {

/// Limits that keep a hostile file from exhausting time or memory while loading.
struct load_limits {
    std::uintmax_t max_file_bytes = 16u * 1024u * 1024u;
    std::size_t max_depth = 64;          ///< nesting of mappings and sequences
    std::size_t max_nodes = 2'000'000;   ///< nodes visited, counting alias re-use
    std::size_t max_items = 1'000'000;   ///< items in one case
    std::size_t max_string_bytes = 1u << 20; ///< one text value (1 MiB)
    /// All text values read from one file together, counting each use of an alias again: an
    /// alias to a long value repeated many times would otherwise copy it that many times.
    std::size_t max_text_bytes = 64u << 20;
    std::size_t max_errors = 1000;       ///< errors reported for one file; the rest are counted
};

/// Another provision of the same regime that protects part of the same interest: some of its
/// default public-interest factors in favour of maintaining the exemption are the same (same id
/// and wording) as the provision asked about. The rule graph's "shares factors" edges.
struct shared_interest {
    std::string provision_id;
    std::vector<std::string> factor_ids; ///< in the asked provision's order
};

class rulebook {
public:
    /// An empty rulebook.
    rulebook();

    /// Loads every regime found under `dir` (recursively: a folder whose index.yaml declares a
    /// regime). Throws load_error carrying every diagnostic if any file has an error.
    [[nodiscard]] static rulebook load(const std::filesystem::path& dir, const load_limits& limits = {});
    /// The rules shipped with candour (see bundled_rules_dir()).
    [[nodiscard]] static rulebook load_bundled();

    /// Loads and checks without throwing: diagnostics for every problem (errors and warnings).
    [[nodiscard]] static std::vector<diagnostic> check(const std::filesystem::path& dir, const load_limits& limits = {});

    [[nodiscard]] const std::vector<regime>& regimes() const noexcept;
    [[nodiscard]] const std::vector<provision>& provisions() const noexcept;

    /// nullptr when absent.
    [[nodiscard]] const regime* find_regime(std::string_view id) const noexcept;
    [[nodiscard]] const provision* find_provision(std::string_view regime_id, std::string_view id) const noexcept;
    /// True when another provision of `p`'s regime names `p` as its `ncnd`: `p` excludes the duty
    /// to confirm or deny (FOIA s.31(3) for s.31(1)), so a claim under it neither confirms nor
    /// denies. Answered from an index made when the rulebook is loaded.
    [[nodiscard]] bool excludes_duty_to_confirm(const provision& p) const noexcept;
    /// Throws lookup_error when absent.
    [[nodiscard]] const regime& get_regime(std::string_view id) const;
    [[nodiscard]] const provision& get_provision(std::string_view regime_id, std::string_view id) const;

    /// The provisions of `p`'s regime that share default maintain-side factors with it, in
    /// rulebook order. Aggregated balancing counts such a factor once (docs/reasoning.md).
    [[nodiscard]] std::vector<shared_interest> shared_interests(const provision& p) const;

    struct data;
    explicit rulebook(std::shared_ptr<const data> d) noexcept : data_(std::move(d)) {}

private:
    std::shared_ptr<const data> data_;
};

/// Where the bundled rules are: $CANDOUR_RULES_DIR if set, else the installed copy beside the
/// library, else the source tree's rules/ (for builds that are not installed).
[[nodiscard]] std::filesystem::path bundled_rules_dir();

} // namespace candour
