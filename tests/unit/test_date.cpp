#include <candour/date.hpp>

#include <doctest/doctest.h>

#include <cstdint>

using candour::date;

TEST_SUITE("date") {
    TEST_CASE("parses real ISO dates and rejects impossible ones") {
        REQUIRE(date::parse("2018-03-22"));
        CHECK(date::parse("2018-03-22")->iso() == "2018-03-22");
        CHECK(date::parse("2018-03-22")->long_form() == "22 March 2018");
        CHECK_FALSE(date::parse("2018-02-30"));
        CHECK_FALSE(date::parse("2019-02-29"));
        CHECK(date::parse("2020-02-29"));
        CHECK_FALSE(date::parse("0000-01-01"));
        CHECK_FALSE(date::parse("2018-13-01"));
        CHECK_FALSE(date::parse("2018-3-22"));
        CHECK_FALSE(date::parse("22/03/2018"));
        CHECK_FALSE(date::parse("2018-03-22T00:00"));
    }
    TEST_CASE("knows weekdays and counts days") {
        CHECK(date::parse("2018-03-22")->iso_weekday() == 4); // Thursday
        CHECK(date::parse("1970-01-01")->iso_weekday() == 4);
        CHECK(date::parse("2024-12-29")->iso_weekday() == 7);
        CHECK(date::parse("1969-12-31")->days() == -1);
        CHECK(date::parse("2018-03-22")->plus_days(10).iso() == "2018-04-01");
        CHECK(*date::parse("2018-01-01") < *date::parse("2018-01-02"));
        // Every 997th day from 1 January 1 to 31 December 9999.
        for (std::int64_t n = -719162; n <= 2932896; n += 997) {
            const auto d = date::from_days(n);
            const auto back = date::from_ymd(d.year(), d.month(), d.day());
            REQUIRE(back);
            REQUIRE(back->days() == n);
        }
    }
}
