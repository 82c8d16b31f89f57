#include "bench_support.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace bench {

fs::path source_dir() { return CANDOUR_BENCH_SOURCE_DIR; }

fs::path work_dir() {
    static const fs::path dir = [] {
        fs::path d = CANDOUR_BENCH_WORK_DIR;
        fs::create_directories(d);
        return d;
    }();
    return dir;
}

const candour::rulebook& rules() {
    static const candour::rulebook r = candour::rulebook::load_bundled();
    return r;
}

namespace {
std::mutex generate_mutex;

void run_or_throw(const std::vector<std::string>& argv, const std::string& out = "/dev/null") {
    const auto r = run_process(argv, out);
    if (r.status != 0) {
        std::string cmd;
        for (const auto& a : argv) cmd += a + " ";
        throw std::runtime_error("command failed: " + cmd);
    }
}
} // namespace

fs::path schedule_file(const std::string& kind, std::size_t items) {
    std::lock_guard lock(generate_mutex);
    const fs::path p = work_dir() / ("schedule-" + kind + "-" + std::to_string(items) + ".yaml");
    if (!fs::exists(p)) {
        const fs::path tmp = p.string() + ".tmp";
        run_or_throw({CANDOUR_BENCH_PYTHON, (source_dir() / "tests/benchmark/make_schedule.py").string(), "--items",
                      std::to_string(items), "--kind", kind, "-o", tmp.string()});
        fs::rename(tmp, p);
    }
    return p;
}

candour::load_limits generous_limits() {
    candour::load_limits l;
    l.max_file_bytes = std::uintmax_t{1} << 32;
    l.max_nodes = std::size_t{1} << 32;
    return l;
}

fs::path af_file(std::size_t arguments, double degree, const std::string& format) {
    std::lock_guard lock(generate_mutex);
    char d[32];
    std::snprintf(d, sizeof d, "%g", degree);
    const fs::path p = work_dir() / ("af-random-" + std::to_string(arguments) + "-d" + d + "." + format);
    if (!fs::exists(p)) {
        const fs::path tmp = p.string() + ".tmp";
        run_or_throw({CANDOUR_BENCH_AF_GENERATE, "--kind", "random", "--args", std::to_string(arguments), "--degree", d,
                      "--seed", "1", "--format", format, "-o", tmp.string()});
        fs::rename(tmp, p);
    }
    return p;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

process_result run_process(const std::vector<std::string>& argv, const std::string& stdout_path) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    process_result r;
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = 0;
    const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) return r;
    int status = 0;
    struct rusage usage {};
    if (wait4(pid, &status, 0, &usage) < 0) return r;
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.cpu_seconds = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                    static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
    return r;
}

long peak_rss_kib(const std::vector<std::string>& argv, const std::string& stdout_path) {
    if (!fs::exists("/usr/bin/time")) return 0;
    const auto report = (work_dir() / "time-report.txt").string();
    std::vector<std::string> wrapped{"/usr/bin/time", "-f", "%M", "-o", report};
    wrapped.insert(wrapped.end(), argv.begin(), argv.end());
    if (run_process(wrapped, stdout_path).status < 0) return 0;
    // The figure is the report's last line (a command that exits non-zero, like clingo's 10
    // and 30, gets a "Command exited with non-zero status" line first).
    std::string text = read_file(report);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    const auto line = text.rfind('\n');
    try {
        return std::stol(line == std::string::npos ? text : text.substr(line + 1));
    } catch (const std::exception&) {
        return 0;
    }
}

double process_cpu_seconds() {
    struct rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

std::string cli_path() {
#ifdef CANDOUR_BENCH_CLI
    return CANDOUR_BENCH_CLI;
#else
    return {};
#endif
}

std::string clingo_path() { return CANDOUR_BENCH_CLINGO; }

} // namespace bench
