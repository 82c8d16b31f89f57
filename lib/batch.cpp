// Batches (include/candour/batch.hpp): every case gives exactly one result, written through a
// temporary file and a rename so that no reader, and no interrupted run, sees half a file.

#include <candour/batch.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/error.hpp>

#include "poller.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <exception>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

namespace candour {
namespace fs = std::filesystem;

namespace {

diagnostic error_at(std::string code, std::string message, const fs::path& file) {
    return {severity::error, std::move(code), std::move(message), {file.lexically_normal().generic_string(), 0, 0}, {}};
}

std::string extension(output_format f) {
    switch (f) {
    case output_format::record: return ".record.md";
    case output_format::notice: return ".notice.md";
    case output_format::notice_text: return ".notice.txt";
    case output_format::json: return ".json";
    case output_format::dot: return ".dot";
    case output_format::svg: return ".svg";
    case output_format::html: return ".html";
    case output_format::graphml: return ".graphml";
    default: return std::string(".") + to_string(f);
    }
}

std::string formatted(const std::vector<diagnostic>& diags) {
    std::string out;
    for (const auto& d : diags) out += format(d) + '\n';
    return out;
}

// Writes `text` to `target` atomically: a temporary file in the same folder, flushed to disk
// (if `durable`), then renamed over the target. On failure the temporary file is removed and an error message
// returned.
std::string write_atomically(const fs::path& target, const std::string& text, bool durable) {
    static std::atomic<unsigned long> counter{0};
    const fs::path temp = target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                                                  "-" + std::to_string(counter.fetch_add(1)));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) return "cannot create " + temp.string() + ": " + std::strerror(errno);
    std::string problem;
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0 && problem.empty()) {
        const ssize_t n = ::write(fd, p, left);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) problem = "cannot write " + temp.string() + ": " + std::strerror(errno);
        else { p += n; left -= static_cast<std::size_t>(n); }
    }
    if (durable && problem.empty() && ::fsync(fd) != 0) problem = "cannot flush " + temp.string() + ": " + std::strerror(errno);
    if (::close(fd) != 0 && problem.empty()) problem = "cannot close " + temp.string() + ": " + std::strerror(errno);
    if (problem.empty() && ::rename(temp.c_str(), target.c_str()) != 0)
        problem = "cannot rename " + temp.string() + " to " + target.string() + ": " + std::strerror(errno);
    if (!problem.empty()) ::unlink(temp.c_str());
    return problem;
}

// Loads, evaluates and renders one case; never throws.
void decide(const rulebook& rules, batch_result& r, const batch_options& options) {
    try {
        const auto d = evaluate(rules, load_case(r.case_file, &rules, options.limits), options.evaluation);
        r.output = render(d, options.format, options.render);
        r.decided = true;
    } catch (const load_error& e) {
        r.diagnostics = e.diagnostics();
    } catch (const render_error& e) {
        r.diagnostics = {error_at(e.code(), e.what(), r.case_file)};
    } catch (const error& e) {
        r.diagnostics = {error_at("", e.what(), r.case_file)};
    } catch (const std::bad_alloc&) {
        r.diagnostics = {error_at("", "out of memory while evaluating the case", r.case_file)};
    } catch (const std::exception& e) {
        r.diagnostics = {error_at("", std::string("internal error: ") + e.what(), r.case_file)};
    }
    if (!r.decided && !has_errors(r.diagnostics))
        r.diagnostics.push_back(error_at("", "the case could not be evaluated", r.case_file));
}

} // namespace

std::string batch_summary::to_string() const {
    std::string s = std::to_string(evaluated) + " evaluated, " + std::to_string(failed) + " failed";
    if (cancelled && not_started() > 0) s += ", " + std::to_string(not_started()) + " not started (interrupted)";
    return s;
}

std::string batch_file_name(const std::string& name, output_format format, bool decided) {
    return name + (decided ? extension(format) : std::string(".diagnostics.txt"));
}

std::vector<fs::path> batch_cases(const fs::path& source) {
    std::error_code ec;
    std::vector<fs::path> cases;
    if (fs::is_directory(source, ec)) {
        for (auto it = fs::directory_iterator(source, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
            const auto& p = it->path();
            if (p.extension() == ".yaml" && p.filename().string().front() != '.' && !it->is_directory(ec)) cases.push_back(p);
        }
        if (ec) throw load_error({error_at("P102", "cannot read the batch folder: " + ec.message(), source)});
        std::sort(cases.begin(), cases.end());
        return cases;
    }
    if (!fs::is_regular_file(source, ec))
        throw load_error({error_at("P102", "cannot read the batch: it is neither a folder nor a list file", source)});
    std::ifstream in(source);
    if (!in) throw load_error({error_at("P102", "cannot read the batch list: permission denied or I/O error", source)});
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        const auto last = line.find_last_not_of(" \t");
        const fs::path p = line.substr(first, last - first + 1);
        cases.push_back(p.is_absolute() ? p : source.parent_path() / p);
    }
    if (in.bad()) throw load_error({error_at("P102", "cannot read the batch list: I/O error", source)});
    return cases;
}

batch_summary run_batch(const rulebook& rules, const std::vector<fs::path>& cases, const batch_options& options,
                        const batch_callback& on_result) {
    batch_summary summary;
    summary.total = cases.size();
    if (!options.out_dir.empty()) {
        std::error_code ec;
        fs::create_directories(options.out_dir, ec);
        if (ec || !fs::is_directory(options.out_dir))
            throw load_error({error_at("P102", "cannot create the output folder: " +
                                                   (ec ? ec.message() : std::string("it is not a folder")),
                                       options.out_dir)});
    }

    // Unique names, in input order: "a", then "a-2", "a-3" for later cases with the same stem.
    std::vector<std::string> names;
    names.reserve(cases.size());
    {
        std::set<std::string> used;
        std::map<std::string, std::size_t> repeats;
        for (const auto& c : cases) {
            std::string stem = c.stem().string();
            if (stem.empty() || stem.front() == '.') stem = "case" + stem;
            std::string name = stem;
            if (used.count(name)) {
                std::size_t& k = repeats.try_emplace(stem, 1).first->second;
                do name = stem + "-" + std::to_string(++k);
                while (used.count(name));
            }
            used.insert(name);
            names.push_back(std::move(name));
        }
    }

    unsigned jobs = options.jobs ? options.jobs : std::thread::hardware_concurrency();
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, cases.size()))));

    std::atomic<std::size_t> next{0};
    std::mutex report;            // serialises the callback and the summary
    std::exception_ptr thrown;    // the first exception from the callback or the poll, rethrown at the end
    std::atomic<bool> abandon{false};
    auto cancelled = [&] {
        return abandon.load(std::memory_order_relaxed) || (options.cancel && options.cancel->load(std::memory_order_relaxed));
    };

    detail::poller poll(options.poll, options.poll_every);
    auto worker = [&](bool calling_thread) {
        while (true) {
            if (calling_thread) {
                if (auto e = poll()) {
                    std::lock_guard lock(report);
                    if (!thrown) thrown = e;
                    abandon.store(true);
                }
            }
            if (cancelled()) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= cases.size()) return;
            batch_result r;
            r.index = i;
            r.case_file = cases[i];
            r.name = names[i];
            decide(rules, r, options);
            if (!options.out_dir.empty()) {
                const fs::path target = options.out_dir / batch_file_name(r.name, options.format, r.decided);
                const std::string text = r.decided ? r.output : formatted(r.diagnostics);
                if (auto problem = write_atomically(target, text, options.durable); problem.empty()) {
                    r.written = target;
                    // The other kind of result for this name is stale (from an earlier run).
                    std::error_code ec;
                    fs::remove(options.out_dir / batch_file_name(r.name, options.format, !r.decided), ec);
                } else {
                    r.decided = false;
                    r.output.clear();
                    r.diagnostics.push_back(error_at("", "cannot write the result: " + problem, r.case_file));
                }
            }
            std::lock_guard lock(report);
            ++summary.evaluated;
            if (!r.decided) ++summary.failed;
            if (on_result && !thrown) {
                try {
                    on_result(r);
                } catch (...) {
                    thrown = std::current_exception();
                    abandon.store(true);
                }
            }
        }
    };

    // The calling thread is one of the workers: it is the one that polls.
    std::vector<std::thread> pool;
    pool.reserve(jobs - 1);
    for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(worker, false);
    worker(true);
    for (auto& t : pool) t.join();
    if (thrown) std::rethrow_exception(thrown);
    summary.cancelled = summary.evaluated < summary.total;
    return summary;
}

} // namespace candour
