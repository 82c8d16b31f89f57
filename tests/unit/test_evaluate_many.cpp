#include "test_helpers.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace candour;

namespace {

using case_list = std::vector<std::shared_ptr<const disclosure_case>>;

std::shared_ptr<const disclosure_case> shared(disclosure_case c) {
    return std::make_shared<const disclosure_case>(std::move(c));
}

// What one decision says, in full: its JSON (every finding, flag and statement).
std::string json_of(const decision& d) { return render(d, output_format::json); }

} // namespace

TEST_SUITE("evaluate_many") {
    TEST_CASE("each result is the decision evaluate gives, in input order, on two threads") {
        // Three different cases, interleaved, 301 times in all: runs of cases handed to the two
        // threads end part-way (301 is not a multiple of any run length), and a result in the
        // wrong place would show up as another case's decision.
        const auto mopac = shared(test::mopac_case());
        const auto small = shared(test::parse(test::small_case_yaml()));
        const auto later = shared(test::parse(test::replace(test::small_case_yaml(), "likelihood: would", "likelihood: would-be-likely-to")));
        const case_list kinds{mopac, small, later};
        const std::vector<std::string> expected{json_of(evaluate(test::bundled(), mopac)),
                                                json_of(evaluate(test::bundled(), small)),
                                                json_of(evaluate(test::bundled(), later))};
        REQUIRE(expected[1] != expected[2]);
        case_list cases;
        for (std::size_t i = 0; i < 301; ++i) cases.push_back(kinds[(i * 7) % 3]);

        evaluate_many_options options;
        options.jobs = 2;
        const auto results = evaluate_many(test::bundled(), cases, options);
        REQUIRE(results.size() == cases.size());
        for (std::size_t i = 0; i < results.size(); ++i) {
            INFO("case " << i);
            REQUIRE(results[i]);
            CHECK(!results[i].error);
            CHECK(results[i].decided->source == cases[i]); // shared, not copied
            CHECK(json_of(*results[i].decided) == expected[(i * 7) % 3]);
        }
    }

    TEST_CASE("a case that fails gives its error in its place, and every other case is decided") {
        disclosure_case bad = test::parse(test::small_case_yaml());
        bad.claims[0].provision = "s.31(1)(z)";
        const case_list cases{shared(test::mopac_case()), shared(bad), nullptr, shared(test::mopac_case())};
        for (unsigned jobs : {1u, 2u, 8u}) {
            evaluate_many_options options;
            options.jobs = jobs;
            const auto results = evaluate_many(test::bundled(), cases, options);
            REQUIRE(results.size() == 4);
            CHECK(results[0]);
            CHECK(results[3]);
            CHECK(results[0].decided->outcome == request_outcome::partial_disclosure);
            REQUIRE(!results[1]);
            REQUIRE(results[1].error);
            try {
                std::rethrow_exception(results[1].error);
            } catch (const load_error& e) {
                CHECK(e.diagnostics()[0].code == "P302");
            }
            REQUIRE(!results[2]);
            CHECK_THROWS_WITH_AS(std::rethrow_exception(results[2].error), "evaluate_many: case 2 is null",
                                 std::invalid_argument);
        }
    }

    TEST_CASE("the evaluation options reach every case") {
        evaluate_many_options options;
        options.evaluation.as_of = *date::parse("2030-01-31");
        const auto results = evaluate_many(test::bundled(), case_list{shared(test::mopac_case())}, options);
        REQUIRE(results.size() == 1);
        REQUIRE(results[0]);
        CHECK(results[0].decided->decision_date.iso() == "2030-01-31");
        CHECK(json_of(*results[0].decided) == json_of(evaluate(test::bundled(), test::mopac_case(), options.evaluation)));
    }

    TEST_CASE("no cases, no results") {
        CHECK(evaluate_many(test::bundled(), case_list{}).empty());
    }
}

TEST_SUITE("evaluate_many: cancelling") {
    TEST_CASE("a cancel flag already set starts no case") {
        const std::atomic<bool> stop{true};
        evaluate_many_options options;
        options.cancel = &stop;
        const auto results = evaluate_many(test::bundled(), case_list(50, shared(test::mopac_case())), options);
        REQUIRE(results.size() == 50);
        for (const auto& r : results) {
            CHECK(!r.started());
            CHECK(!r);
        }
    }

    TEST_CASE("cancelled part-way on one thread, the cases started are a prefix, each decided in full") {
        const auto c = shared(test::mopac_case());
        const auto expected = json_of(evaluate(test::bundled(), c));
        std::atomic<bool> stop{false};
        evaluate_many_options options;
        options.cancel = &stop;
        options.jobs = 1;
        std::thread canceller([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            stop = true;
        });
        const auto results = evaluate_many(test::bundled(), case_list(5000, c), options);
        canceller.join();
        REQUIRE(results.size() == 5000);
        std::size_t started = 0;
        while (started < results.size() && results[started].started()) ++started;
        for (std::size_t i = started; i < results.size(); ++i) CHECK(!results[i].started());
        for (std::size_t i = 0; i < started; i += 97) CHECK(json_of(*results[i].decided) == expected);
        MESSAGE(started << " of 5000 cases started before the flag was seen");
    }
}

TEST_SUITE("evaluate_many: polling the calling thread") {
    TEST_CASE("the poll runs on the calling thread, once per run of cases") {
        // 200 cases on one thread are handed out in runs of 16: 13 runs, a poll before each.
        evaluate_many_options options;
        options.jobs = 1;
        options.poll_every = std::chrono::milliseconds(0);
        std::size_t polls = 0;
        options.poll = [&] { ++polls; };
        const auto results = evaluate_many(test::bundled(), case_list(200, shared(test::mopac_case())), options);
        CHECK(polls == 13);
        for (const auto& r : results) CHECK(r);
    }

    TEST_CASE("a poll may cancel: the calling thread starts nothing more, nor do the others") {
        std::atomic<bool> stop{false};
        evaluate_many_options options;
        options.jobs = 2;
        options.cancel = &stop;
        options.poll_every = std::chrono::milliseconds(0);
        const auto caller = std::this_thread::get_id();
        bool elsewhere = false;
        options.poll = [&] {
            elsewhere = elsewhere || std::this_thread::get_id() != caller;
            stop = true; // the first poll comes before the calling thread's first case
        };
        const auto results = evaluate_many(test::bundled(), case_list(2000, shared(test::mopac_case())), options);
        CHECK_FALSE(elsewhere);
        std::size_t started = 0;
        for (const auto& r : results)
            if (r.started()) {
                ++started;
                CHECK(r);
            }
        CHECK(started < 2000); // only what the other thread began before it saw the flag
    }

    TEST_CASE("a poll that throws stops the call, and its exception comes out") {
        evaluate_many_options options;
        options.jobs = 1;
        options.poll_every = std::chrono::milliseconds(0);
        options.poll = [] { throw std::runtime_error("interrupted by the caller"); };
        CHECK_THROWS_WITH_AS((void)evaluate_many(test::bundled(), case_list(100, shared(test::mopac_case())), options),
                             "interrupted by the caller", std::runtime_error);
    }
}
