#pragma once
// Evaluates many cases at once on a pool of threads: a case system re-deciding its caseload
// after a rulebook update, a regulator running a disclosure log, Python's
// Rulebook.evaluate_many. Each case gives exactly one result, in input order: its decision, or
// the error that stopped it; one bad case never stops the others.
//
//     std::vector<std::shared_ptr<const candour::disclosure_case>> cases = ...;
//     for (const auto& r : candour::evaluate_many(rules, cases))
//         if (r) use(*r.decided); else report(r.error);

#include <candour/decision.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/evaluate.hpp>
#include <candour/rulebook.hpp>

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace candour {

/// One case's result: a decision, or the error that stopped the case.
struct evaluation_result {
    /// The decision; null when the case failed. It shares its case with the caller.
    std::shared_ptr<const decision> decided;
    /// Why the case failed: a load_error (codes P3xx) when the case names something the
    /// rulebook does not have, std::invalid_argument for a null case, std::bad_alloc when memory
    /// ran out. Null when the case was decided. Rethrow it to handle it (std::rethrow_exception).
    std::exception_ptr error;

    [[nodiscard]] explicit operator bool() const noexcept { return decided != nullptr; }
    /// False only for a case never started because the call was cancelled (both fields null).
    [[nodiscard]] bool started() const noexcept { return decided != nullptr || error != nullptr; }
};

struct evaluate_many_options {
    evaluation_options evaluation;
    /// Worker threads, the calling thread included; 0 means std::thread::hardware_concurrency()
    /// (at least 1). Never more threads than cases. If the system will not start a thread, the
    /// threads already running (and the caller) do all the work.
    unsigned jobs = 0;
    /// When it becomes true, no new case is started: cases already running finish, and the
    /// others are left not started (`evaluation_result::started()` is false). Lock-free, so a
    /// signal handler may set it. May be null.
    const std::atomic<bool>* cancel = nullptr;
    /// Called on the calling thread (which evaluates cases too) between cases, at most every
    /// `poll_every`, for a caller that must watch for something only that thread can see (Python
    /// checks for Ctrl-C here) and then set `cancel`. Should be quick; if it throws, no new case
    /// is started and evaluate_many rethrows the exception once running cases finish. May be empty.
    std::function<void()> poll;
    /// The least time between two polls (0: before every run of up to 16 cases).
    std::chrono::milliseconds poll_every{50};
};

/// Evaluates every case, each exactly as `evaluate(rules, case, options.evaluation)` would, in
/// parallel; returns one result per case, in input order (unless cancelled, every one started).
/// The cases are shared, not copied: they must not change while the call runs. The rulebook is
/// only read. Blocks until every case started is done; never throws for a bad case (see
/// `evaluation_result::error`); throws what `options.poll` throws, and std::bad_alloc if the
/// result list itself cannot be allocated.
[[nodiscard]] std::vector<evaluation_result> evaluate_many(const rulebook& rules,
                                                           std::span<const std::shared_ptr<const disclosure_case>> cases,
                                                           const evaluate_many_options& options = {});

} // namespace candour
