#include "interruptible.hpp"

#include <pybind11/pybind11.h>

#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace candour::python {

namespace py = pybind11;

void run_interruptible(const std::function<void()>& job, std::atomic<bool>& stop,
                       const std::function<bool()>& cancelled) {
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::exception_ptr failure;
    std::thread runner;
    {
        py::gil_scoped_release nogil;
        runner = std::thread([&] {
            try {
                job();
            } catch (...) { failure = std::current_exception(); }
            {
                std::lock_guard lock(m);
                done = true;
            }
            cv.notify_all();
        });
    }
    const auto join = [&] {
        py::gil_scoped_release nogil;
        runner.join();
    };

    std::optional<py::error_already_set> interrupted;
    try {
        while (true) {
            {
                py::gil_scoped_release nogil;
                std::unique_lock lock(m);
                if (cv.wait_for(lock, std::chrono::milliseconds(50), [&] { return done; })) break;
            }
            if (!interrupted && PyErr_CheckSignals() != 0) {
                interrupted.emplace(); // KeyboardInterrupt, raised once the running work stops
                stop = true;
            }
            if (cancelled && cancelled()) stop = true;
        }
    } catch (...) {
        stop = true;
        join();
        throw;
    }
    join();
    if (interrupted) throw *interrupted;
    if (failure) std::rethrow_exception(failure);
}

} // namespace candour::python
