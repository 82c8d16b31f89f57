#pragma once
// The calling thread's poll in evaluate_many and run_batch: a caller's function, called between
// cases at most every so often, for what only that thread can see (Python's Ctrl-C).

#include <chrono>
#include <exception>
#include <functional>

namespace candour::detail {

class poller {
public:
    poller(const std::function<void()>& poll, std::chrono::milliseconds every) : poll_(poll), every_(every) {}

    /// Calls the poll if one is set and `every` has passed since the last call (or since this
    /// poller was made); returns what it threw, or null.
    std::exception_ptr operator()() {
        if (!poll_ || clock::now() - last_ < every_) return nullptr;
        std::exception_ptr thrown;
        try {
            poll_();
        } catch (...) {
            thrown = std::current_exception();
        }
        last_ = clock::now();
        return thrown;
    }

private:
    using clock = std::chrono::steady_clock;
    const std::function<void()>& poll_;
    std::chrono::milliseconds every_;
    clock::time_point last_ = clock::now();
};

} // namespace candour::detail
