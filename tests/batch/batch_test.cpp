// Batch tests: a batch loses nothing, and an interrupted batch leaves no half-written file.
//
//   batch_test thousand CANDOUR WORKDIR   1,000 generated cases, 100 of them bad, run through
//                                         `candour evaluate --batch` three ways (folder and list,
//                                         1 to 4 jobs, a fresh and a reused --out): each time 900
//                                         decisions and 100 diagnostics files, nothing else.
//   batch_test sigint CANDOUR WORKDIR     SIGINT once results appear: exit 130, no partial or
//                                         temporary file, every result complete, and the summary
//                                         accounts for every case.
//   batch_test api WORKDIR                the library (candour/batch.hpp): callback per result,
//                                         unique names, cancellation by the atomic flag.
//
// The cases are generated into WORKDIR (in the build folder); nothing is committed.

#include <candour/batch.hpp>
#include <candour/candour.hpp>

#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace fs = std::filesystem;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
    if (ok) return;
    ++failures;
    std::cerr << "FAILED: " << what << '\n';
}

std::string read(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

std::string name_of(int i) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "case-%04d", i);
    return buf;
}

// Case i is bad when i % 10 == 3: one of six kinds of problem, in turn.
bool is_bad(int i) { return i % 10 == 3; }

std::string case_text(int i) {
    const std::string id = name_of(i);
    std::string received = "2018-03-22";
    std::string provision = "s.31(1)(a)";
    std::string items_key = "items";
    std::string extra;
    if (is_bad(i)) {
        switch ((i / 10) % 6) {
        case 0: extra = "  title: [unclosed\n"; break;                        // P101
        case 1: items_key = "itemz"; break;                                    // P203 + P205
        case 2: provision = "s.31(1)(z)"; break;                               // P302
        case 3: received = "2018-02-30"; break;                                // P207
        case 4: extra = std::string("  title: \"a\0b\"\n", 15); break;         // P104
        case 5: extra = "  decision_date: 2018-03-01\n"; break;                // P401
        }
    }
    return "case:\n"
           "  id: " + id + "\n" + extra +
           "  regime: uk-foia-2000\n"
           "  request:\n"
           "    received: " + received + "\n"
           "    wording: Please send list " + std::to_string(i) + ".\n"
           "  " + items_key + ":\n"
           "    - id: R01\n"
           "      description: Row one of case " + std::to_string(i) + "\n"
           "    - id: R02\n"
           "      description: \"Firewall: the product used\"\n"
           "      withheld_content: Secret Product " + std::to_string(i * 7919) + "\n"
           "  claims:\n"
           "    - id: c1\n"
           "      provision: " + provision + "\n"
           "      items: [R02]\n"
           "      harm: Attackers could target the product.\n"
           "      causal_chain: Known weaknesses could be exploited.\n"
           "      likelihood: would\n"
           "      evidence:\n"
           "        - description: A report.\n"
           "          grade: " + std::string(i % 2 ? "generic" : "specific") + "\n"
           "      factors:\n"
           "        maintain:\n"
           "          - id: crime\n"
           "            ref: crime-prevention\n"
           "        disclose:\n"
           "          - id: transparency\n"
           "            ref: transparency\n";
}

fs::path generate(const fs::path& dir, int n) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (int i = 0; i < n; ++i) write(dir / (name_of(i) + ".yaml"), case_text(i));
    return dir;
}

struct run_result {
    int status = -1;     // exit status, or 128 + signal
    std::string err;
};

// Runs `args` with stdout and stderr to files; `while_running` is polled every 5 ms with the pid.
template <class Poll>
run_result run(const std::vector<std::string>& args, const fs::path& logs, Poll while_running) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string out_log = (logs / "stdout.txt").string(), err_log = (logs / "stderr.txt").string();
    posix_spawn_file_actions_addopen(&actions, 1, out_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    run_result r;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        std::perror("posix_spawn");
        return r;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    while (true) {
        const pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid) break;
        while_running(pid);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.err = read(err_log);
    return r;
}

std::string last_line(const std::string& s) {
    auto end = s.find_last_not_of('\n');
    if (end == std::string::npos) return "";
    auto start = s.rfind('\n', end);
    return s.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// Checks the result folder: every file is a complete result of a known case; returns how many
// decisions and diagnostics files there are.
std::pair<int, int> check_results(const fs::path& out, int n, bool expect_all) {
    int decided = 0, failed = 0;
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(out)) {
        const std::string file = e.path().filename().string();
        const std::string text = read(e.path());
        check(file.find(".tmp") == std::string::npos && file.front() != '.', "no temporary file left: " + file);
        const auto dot = file.find('.');
        const std::string name = file.substr(0, dot), ext = dot == std::string::npos ? "" : file.substr(dot);
        check(names.insert(name).second, "one result per case: " + name);
        const int i = std::atoi(name.c_str() + 5);
        check(name == name_of(i) && i < n, "a result of a known case: " + file);
        if (ext == ".json") {
            ++decided;
            check(!is_bad(i), "a good case decided: " + file);
            try {
                const auto j = nlohmann::json::parse(text);
                check(j.dump().find("\"" + name + "\"") != std::string::npos, "the JSON is the decision of its case: " + file);
            } catch (const std::exception& ex) {
                check(false, "a complete JSON decision: " + file + ": " + ex.what());
            }
        } else if (ext == ".diagnostics.txt") {
            ++failed;
            check(is_bad(i), "only a bad case fails: " + file + ":\n" + text);
            check(text.find(": error: ") != std::string::npos && text.find(" [P") != std::string::npos &&
                      !text.empty() && text.back() == '\n',
                  "complete diagnostics with a code: " + file);
        } else {
            check(false, "an unexpected file: " + file);
        }
    }
    if (expect_all) {
        check(decided == n - n / 10, "900 decisions: found " + std::to_string(decided));
        check(failed == n / 10, "100 diagnostics files: found " + std::to_string(failed));
    }
    return {decided, failed};
}

int thousand(const std::string& candour, const fs::path& work) {
    constexpr int n = 1000;
    const auto cases = generate(work / "cases", n);
    // The same cases as a list file in another folder, with a comment and a blank line.
    fs::create_directories(work / "lists");
    std::string list = "# every generated case\n\n";
    for (int i = n - 1; i >= 0; --i) list += "../cases/" + name_of(i) + ".yaml\n";
    write(work / "lists" / "all.txt", list);

    struct variant {
        std::string source, jobs, out;
        bool fresh;
    };
    const variant variants[] = {{(work / "cases").string(), "4", (work / "out-a").string(), true},
                                {(work / "lists" / "all.txt").string(), "2", (work / "out-b").string(), true},
                                {(work / "cases").string(), "3", (work / "out-a").string(), false}};  // reused
    for (const auto& v : variants) {
        if (v.fresh) fs::remove_all(v.out);
        const auto r = run({candour, "evaluate", "--batch", v.source, "--jobs", v.jobs, "--out", v.out, "--format", "json"},
                           work, [](pid_t) {});
        check(r.status == 1, "a batch with bad cases exits 1; got " + std::to_string(r.status));
        check(last_line(r.err) == "1000 evaluated, 100 failed", "summary line; got '" + last_line(r.err) + "'");
        check_results(v.out, n, true);
        std::cerr << v.source << " --jobs " << v.jobs << ": " << last_line(r.err) << '\n';
    }
    return failures ? 1 : 0;
}

int sigint(const std::string& candour, const fs::path& work) {
    constexpr int n = 3000;
    generate(work / "cases", n);
    const fs::path out = work / "out";
    fs::remove_all(out);
    bool sent = false;
    std::size_t seen_at_signal = 0;
    const auto r = run({candour, "evaluate", "--batch", (work / "cases").string(), "--jobs", "2", "--out", out.string(),
                        "--format", "json"},
                       work, [&](pid_t pid) {
                           if (sent || !fs::exists(out)) return;
                           std::size_t finished = 0;
                           for (const auto& e : fs::directory_iterator(out))
                               if (e.path().filename().string().front() != '.') ++finished;
                           if (finished >= 40) {
                               seen_at_signal = finished;
                               kill(pid, SIGINT);
                               sent = true;
                           }
                       });
    check(sent, "SIGINT was sent (the batch finished before 40 results appeared)");
    check(r.status == 130, "an interrupted batch exits 130; got " + std::to_string(r.status) + "\n" + r.err);
    const auto [decided, failed] = check_results(out, n, false);
    const std::string summary = last_line(r.err);
    int evaluated = -1, failed_count = -1, not_started = -1;
    std::sscanf(summary.c_str(), "%d evaluated, %d failed, %d not started (interrupted)", &evaluated, &failed_count,
                &not_started);
    check(evaluated == decided + failed, "every result counted: '" + summary + "' against " +
                                             std::to_string(decided + failed) + " files");
    check(failed_count == failed, "failures counted: '" + summary + "'");
    check(not_started > 0 && evaluated + not_started == n, "every case accounted for: '" + summary + "'");
    check(static_cast<std::size_t>(evaluated) >= seen_at_signal, "results written before the signal are kept");
    std::cerr << "SIGINT after " << seen_at_signal << " results: " << summary << '\n';
    return failures ? 1 : 0;
}

int api(const fs::path& work) {
    using namespace candour;
    const rulebook rules = rulebook::load_bundled();
    generate(work / "cases", 60);
    auto cases = batch_cases(work / "cases");
    check(cases.size() == 60, "batch_cases lists the folder's *.yaml");
    // The same file twice, and another with the same stem in another folder: unique names.
    fs::create_directories(work / "other");
    fs::copy_file(work / "cases" / "case-0000.yaml", work / "other" / "case-0000.yaml", fs::copy_options::overwrite_existing);
    cases.push_back(work / "other" / "case-0000.yaml");
    cases.push_back(work / "cases" / "case-0000.yaml");

    batch_options options;
    options.out_dir = work / "out";
    options.format = output_format::json;
    options.jobs = 3;
    fs::remove_all(options.out_dir);
    std::mutex m;
    std::vector<batch_result> results;
    const auto summary = run_batch(rules, cases, options, [&](const batch_result& r) {
        std::lock_guard lock(m);  // not needed (calls are serialised), but harmless
        check(r.written.empty() || fs::exists(r.written), "the file is in place before the callback");
        results.push_back(r);
    });
    check(summary.total == 62 && summary.evaluated == 62 && summary.failed == 6 && !summary.cancelled,
          "summary: " + summary.to_string());
    check(summary.to_string() == "62 evaluated, 6 failed", "summary text: " + summary.to_string());
    std::set<std::string> names;
    for (const auto& r : results) names.insert(r.name);
    check(names.size() == 62 && names.count("case-0000-2") && names.count("case-0000-3"), "unique names per case");

    // Cancellation: the flag set from the callback after 10 results stops new cases.
    std::atomic<bool> stop{false};
    options.cancel = &stop;
    options.out_dir = work / "out-cancel";
    options.jobs = 2;
    fs::remove_all(options.out_dir);
    std::size_t calls = 0;
    const auto stopped = run_batch(rules, cases, options, [&](const batch_result&) {
        if (++calls == 10) stop.store(true);
    });
    check(stopped.cancelled && stopped.evaluated == calls && calls >= 10 && calls <= 12,
          "cancelled after 10 (+ at most the running ones): " + stopped.to_string());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(options.out_dir)) ++files;
    check(files == calls, "one file per finished case");

    // No output folder: results reach the callback only.
    options.cancel = nullptr;
    options.out_dir.clear();
    std::size_t decided = 0;
    const auto memory = run_batch(rules, cases, options, [&](const batch_result& r) {
        if (r.decided && r.output.find("\"case-") != std::string::npos) ++decided;
        check(r.written.empty(), "nothing written without out_dir");
    });
    check(memory.evaluated == 62 && decided == 56, "in-memory batch: " + memory.to_string());

    // A callback that throws stops the batch, and the exception reaches the caller.
    bool rethrown = false;
    try {
        (void)run_batch(rules, cases, options, [](const batch_result&) { throw std::runtime_error("stop"); });
    } catch (const std::runtime_error&) {
        rethrown = true;
    }
    check(rethrown, "the callback's exception is rethrown");

    // The poll runs on the calling thread, before each case when poll_every is 0; one that
    // cancels after its third call stops new cases, and one that throws stops the batch.
    {
        std::atomic<bool> halt{false};
        batch_options polled = options;
        polled.jobs = 2;
        polled.cancel = &halt;
        polled.poll_every = std::chrono::milliseconds(0);
        const auto caller = std::this_thread::get_id();
        std::size_t polls = 0;
        bool elsewhere = false;
        polled.poll = [&] {
            elsewhere = elsewhere || std::this_thread::get_id() != caller;
            if (++polls == 3) halt.store(true);
        };
        const auto halted = run_batch(rules, cases, polled);
        check(!elsewhere && polls >= 3, "the poll runs on the calling thread");
        check(halted.cancelled && halted.evaluated < 62, "a poll may cancel: " + halted.to_string());
        polled.cancel = nullptr;
        polled.poll = [] { throw std::runtime_error("interrupted"); };
        bool thrown = false;
        try {
            (void)run_batch(rules, cases, polled);
        } catch (const std::runtime_error& e) {
            thrown = std::string(e.what()) == "interrupted";
        }
        check(thrown, "the poll's exception is rethrown");
    }

    // A list that does not exist is P102.
    try {
        (void)batch_cases(work / "no-such-list.txt");
        check(false, "a missing list throws");
    } catch (const load_error& e) {
        check(e.diagnostics().front().code == "P102", "a missing list is P102");
    }
    return failures ? 1 : 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> a(argv + 1, argv + argc);
    try {
        if (a.size() == 3 && a[0] == "thousand") return thousand(a[1], a[2]);
        if (a.size() == 3 && a[0] == "sigint") return sigint(a[1], a[2]);
        if (a.size() == 2 && a[0] == "api") return api(a[1]);
    } catch (const std::exception& e) {
        std::cerr << "batch_test: " << e.what() << '\n';
        return 1;
    }
    std::cerr << "usage: batch_test thousand|sigint CANDOUR WORKDIR | batch_test api WORKDIR\n";
    return 2;
}
