#pragma once
// Extension-based semantics of Dung frameworks, computed through labellings
// (Caminada): every argument is in, out (attacked by an in argument) or undec.
//
// grounded   the least complete extension; O(arguments + attacks), no recursion
// complete   in iff all attackers out, out iff some attacker in
// preferred  complete extensions maximal under set inclusion
// stable     complete labellings with nothing undec
// The enumerations search over the arguments grounded leaves undec, with an explicit stack,
// so they are exact but exponential in the worst case, as the problems are.

#include <candour/af/framework.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace candour::af {

enum class label : std::uint8_t { in, out, undec };

[[nodiscard]] const char* to_string(label l) noexcept;

/// Arguments by id, ascending.
using extension = std::vector<arg_id>;

/// One label per argument, indexed by id.
using labelling = std::vector<label>;

/// The arguments labelled in, ascending.
[[nodiscard]] extension in_set(const labelling& labels);

struct grounded_result {
    extension in;       ///< the grounded extension, ascending
    labelling labels;   ///< in / out / undec for every argument
};

[[nodiscard]] grounded_result grounded(const framework& af);

/// True when `labels` is a complete labelling of `af` (each label follows from the attackers').
[[nodiscard]] bool is_complete(const framework& af, const labelling& labels);

enum class semantics : std::uint8_t { grounded, complete, preferred, stable };

/// Called once per complete (or stable) labelling found; return false to stop the search.
using labelling_visitor = std::function<bool(const labelling&)>;

/// Requires `argument` to carry `value` in every labelling visited.
struct pin {
    arg_id argument;
    label value;
};

/// Visits every complete labelling of `af` (each once, in no fixed order). With `stable_only`
/// only those without undec arguments. `fixed` narrows the search (for acceptance queries);
/// pass an empty span for none. Returns false if the visitor stopped the search.
bool for_each_complete(const framework& af, bool stable_only, std::span<const pin> fixed,
                       const labelling_visitor& visit);

/// All extensions of `sem`, each ascending; the list is sorted. Grounded yields exactly one.
[[nodiscard]] std::vector<extension> extensions(const framework& af, semantics sem);

/// Some extension of `sem`, or nothing when there is none (only stable can have none).
[[nodiscard]] std::optional<extension> some_extension(const framework& af, semantics sem);

/// Is `a` in at least one extension of `sem`?
[[nodiscard]] bool credulously_accepted(const framework& af, semantics sem, arg_id a);

/// Is `a` in every extension of `sem`? True for stable when there is no stable extension.
[[nodiscard]] bool skeptically_accepted(const framework& af, semantics sem, arg_id a);

} // namespace candour::af
