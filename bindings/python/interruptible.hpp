#pragma once
// Long C++ calls that Ctrl-C can stop. Python handles a signal only on the thread that holds
// the GIL, and a call that releases the GIL for seconds would otherwise ignore Ctrl-C until it
// returned. So the work runs on a thread of its own while the calling thread watches.

#include <atomic>
#include <functional>

namespace candour::python {

/// Runs `job` on a thread of its own with the GIL released. Meanwhile, every 50 ms, this thread
/// takes the GIL to check for Ctrl-C and calls `cancelled` (if given): either sets `stop`, which
/// `job` must heed by starting no new work. Returns when `job` does. Then raises
/// KeyboardInterrupt if Ctrl-C came; otherwise rethrows what `job` threw, if anything; an
/// exception from `cancelled` propagates once `job` has stopped. Call it with the GIL held.
void run_interruptible(const std::function<void()>& job, std::atomic<bool>& stop,
                       const std::function<bool()>& cancelled = {});

} // namespace candour::python
