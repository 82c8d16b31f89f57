// Parallel evaluation: candour::evaluate only reads the rulebook and the case, so cases are
// decided on a plain std::thread pool with no lock; results land in input order.

#include <candour/evaluate_many.hpp>

#include "poller.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace candour {

std::vector<evaluation_result> evaluate_many(const rulebook& rules,
                                             std::span<const std::shared_ptr<const disclosure_case>> cases,
                                             const evaluate_many_options& options) {
    const std::size_t n = cases.size();
    std::vector<evaluation_result> results(n);
    if (n == 0) return results;

    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    const std::size_t workers = std::min<std::size_t>(options.jobs ? options.jobs : cores, n);
    // Cases are handed out in runs of consecutive ones: one atomic step per run instead of per
    // case, and each thread writes its own stretch of `results` rather than every other slot
    // (threads writing neighbouring slots would share, and fight over, cache lines). Runs are
    // short enough that the threads still finish together.
    const std::size_t run = std::clamp<std::size_t>(n / (workers * 8), 1, 16);
    std::atomic<std::size_t> next{0};
    // Set when the poll threw: every thread stops starting cases; the exception is rethrown.
    std::atomic<bool> abandon{false};
    std::exception_ptr poll_failure;
    const auto stopped = [&] {
        return abandon.load(std::memory_order_relaxed) ||
               (options.cancel && options.cancel->load(std::memory_order_relaxed));
    };
    // The calling thread polls between runs of cases.
    detail::poller poll(options.poll, options.poll_every);
    const auto work = [&](bool calling_thread) {
        for (std::size_t first = next.fetch_add(run); first < n; first = next.fetch_add(run)) {
            if (calling_thread && !poll_failure) {
                poll_failure = poll();
                if (poll_failure) abandon = true;
            }
            for (std::size_t i = first, end = std::min(first + run, n); i < end; ++i) {
                if (stopped()) return;
                auto& r = results[i];
                try {
                    if (!cases[i])
                        throw std::invalid_argument("evaluate_many: case " + std::to_string(i) + " is null");
                    r.decided = std::make_shared<const decision>(evaluate(rules, cases[i], options.evaluation));
                } catch (...) {
                    r.error = std::current_exception();
                }
            }
        }
    };

    std::vector<std::thread> pool;
    try {
        pool.reserve(workers - 1);
        for (std::size_t t = 1; t < workers; ++t) pool.emplace_back(work, false);
    } catch (const std::system_error&) {
        // No more threads to be had: the ones started, and this one, still do all the work.
    } catch (const std::bad_alloc&) {
        // No memory for another thread: likewise.
    }
    work(true);
    for (auto& t : pool) t.join();
    if (poll_failure) std::rethrow_exception(poll_failure);
    return results;
}

} // namespace candour
