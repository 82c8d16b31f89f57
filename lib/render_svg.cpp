// SVG output: the DOT of render_dot.cpp drawn by Graphviz's `dot` program. candour does not
// link Graphviz's C library (libcgraph/libgvc): running the program keeps the library free of a
// large dependency and its global state, and one missing program gives one clear error (R502)
// instead of a build or load failure. The program is started with posix_spawnp, without a
// shell; the DOT goes to its standard input and the SVG comes back on its standard output.
// CANDOUR_DOT may name another program (or a full path) instead of `dot`.

#include "render_parts.hpp"

#include <candour/error.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#if __has_include(<spawn.h>) && __has_include(<poll.h>) && __has_include(<sys/socket.h>)
#define CANDOUR_HAVE_SPAWN 1
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
extern char** environ;
#endif

namespace candour::detail {
namespace {

namespace fs = std::filesystem;

std::string dot_program() {
    if (const char* env = std::getenv("CANDOUR_DOT"); env && *env) return env;
    return "dot";
}

// The program as posix_spawnp would find it, or empty if it cannot be found.
std::string find_program(const std::string& name) {
    std::error_code ec;
    if (name.find('/') != std::string::npos) return fs::is_regular_file(name, ec) ? name : std::string();
    const char* path = std::getenv("PATH");
    std::string dirs = path && *path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        auto end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        const std::string dir = end > start ? dirs.substr(start, end - start) : ".";
        const fs::path candidate = fs::path(dir) / name;
        if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
        start = end + 1;
    }
    return {};
}

[[noreturn]] void missing(const std::string& program) {
    throw render_error("R502", "cannot draw the svg: the Graphviz program '" + program +
                                   "' was not found on PATH; install Graphviz (Debian: apt-get install graphviz), "
                                   "set CANDOUR_DOT to its path, or use --format dot and draw it yourself");
}

#ifdef CANDOUR_HAVE_SPAWN

struct fd_guard {
    int fd = -1;
    ~fd_guard() { reset(); }
    void reset() {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }
};

struct result {
    int status = 0;
    std::string out, err;
};

// Runs `program -Tsvg`, writing `input` to its standard input and collecting its standard output
// and error. Standard input is one end of a socket pair so that a program that exits without
// reading everything gives EPIPE to send(MSG_NOSIGNAL) rather than a SIGPIPE to this process.
result run_dot(const std::string& program, const std::string& input) {
    int in_pair[2], out_pipe[2], err_pipe[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0)
        throw render_error("R503", std::string("cannot start Graphviz: ") + std::strerror(errno));
    fd_guard in_parent{in_pair[0]}, in_child{in_pair[1]};
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) throw render_error("R503", std::string("cannot start Graphviz: ") + std::strerror(errno));
    fd_guard out_parent{out_pipe[0]}, out_child{out_pipe[1]};
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) throw render_error("R503", std::string("cannot start Graphviz: ") + std::strerror(errno));
    fd_guard err_parent{err_pipe[0]}, err_child{err_pipe[1]};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_child.fd, 0);
    posix_spawn_file_actions_adddup2(&actions, out_child.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err_child.fd, 2);
    std::string arg0 = program, arg1 = "-Tsvg";
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    pid_t pid = 0;
    const int rc = ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc == ENOENT) missing(program);
    if (rc != 0) throw render_error("R503", "cannot start '" + program + "': " + std::strerror(rc));
    in_child.reset();
    out_child.reset();
    err_child.reset();

    result r;
    std::size_t written = 0;
    if (input.empty()) ::shutdown(in_parent.fd, SHUT_WR);
    char buffer[65536];
    while (out_parent.fd >= 0 || err_parent.fd >= 0) {
        pollfd fds[3];
        nfds_t n = 0;
        int in_at = -1, out_at = -1, err_at = -1;
        if (in_parent.fd >= 0 && written < input.size()) {
            in_at = static_cast<int>(n);
            fds[n++] = {in_parent.fd, POLLOUT, 0};
        }
        if (out_parent.fd >= 0) {
            out_at = static_cast<int>(n);
            fds[n++] = {out_parent.fd, POLLIN, 0};
        }
        if (err_parent.fd >= 0) {
            err_at = static_cast<int>(n);
            fds[n++] = {err_parent.fd, POLLIN, 0};
        }
        if (::poll(fds, n, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        if (in_at >= 0 && fds[in_at].revents) {
            const auto sent = ::send(in_parent.fd, input.data() + written, input.size() - written, MSG_NOSIGNAL);
            if (sent > 0) written += static_cast<std::size_t>(sent);
            if (sent < 0 && errno != EINTR && errno != EAGAIN) in_parent.reset(); // the program stopped reading
            else if (written == input.size()) {
                ::shutdown(in_parent.fd, SHUT_WR);
                in_parent.reset();
            }
        }
        for (auto [at, guard, sink] : {std::tuple{out_at, &out_parent, &r.out}, std::tuple{err_at, &err_parent, &r.err}}) {
            if (at < 0 || !fds[at].revents) continue;
            const auto got = ::read(guard->fd, buffer, sizeof buffer);
            if (got > 0) sink->append(buffer, static_cast<std::size_t>(got));
            else if (got == 0 || errno != EINTR) guard->reset();
        }
    }
    in_parent.reset();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.status = status;
    return r;
}

#endif

} // namespace

std::string render_svg(const decision& d) {
    // Graphviz's layout grows much faster than the graph: a few hundred nodes take a fraction of a
    // second, tens of thousands take hours, and a drawing that large could not be read anyway.
    const auto nodes = d.graph.statements().size() + d.graph.arguments().size();
    if (nodes > max_drawn_nodes)
        throw render_error("R505", "cannot draw the svg: the justification graph has " + std::to_string(nodes) +
                                       " statements and arguments, more than the " + std::to_string(max_drawn_nodes) +
                                       " candour draws; use --format dot and lay it out yourself, or the record's appendix");
    const auto program = dot_program();
    if (find_program(program).empty()) missing(program);
#ifdef CANDOUR_HAVE_SPAWN
    const auto r = run_dot(program, render_dot(d));
    if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0 || r.out.find("<svg") == std::string::npos) {
        std::string why = r.err.substr(0, r.err.find('\n'));
        if (why.empty()) why = WIFEXITED(r.status) ? "exit status " + std::to_string(WEXITSTATUS(r.status)) : "killed by a signal";
        throw render_error("R503", "Graphviz's '" + program + "' could not draw the graph: " + why);
    }
    return r.out;
#else
    (void)d;
    throw render_error("R502", "cannot draw the svg: running Graphviz is not supported on this platform; use --format dot");
#endif
}

} // namespace candour::detail
