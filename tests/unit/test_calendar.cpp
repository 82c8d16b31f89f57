#include "test_helpers.hpp"

#include <candour/calendar.hpp>

#include <doctest/doctest.h>

using namespace candour;

namespace {
date d(const char* iso) { return *date::parse(iso); }
} // namespace

TEST_SUITE("calendar") {
    TEST_CASE("weekends and listed holidays are not working days") {
        working_day_calendar cal("t", d("2018-01-01"), d("2018-12-31"),
                                 {{d("2018-03-30"), "Good Friday", {"england-and-wales"}, false},
                                  {d("2018-04-02"), "Easter Monday", {"england-and-wales"}, false}},
                                 {});
        CHECK(cal.is_working_day(d("2018-03-29")));
        CHECK_FALSE(cal.is_working_day(d("2018-03-30")));
        CHECK_FALSE(cal.is_working_day(d("2018-03-31")));
        CHECK_FALSE(cal.is_working_day(d("2018-04-01")));
        CHECK_FALSE(cal.is_working_day(d("2018-04-02")));
        CHECK(cal.holiday_name(d("2018-04-02")) == "Easter Monday");
        CHECK(cal.holiday_name(d("2018-04-03")).empty());
        CHECK(cal.add_working_days(d("2018-03-29"), 1) == d("2018-04-03"));
        CHECK(cal.working_days_between(d("2018-03-29"), d("2018-04-03")) == 1);
        CHECK(cal.working_days_between(d("2018-04-03"), d("2018-03-29")) == 0);
        CHECK(cal.covers(d("2018-06-01")));
        CHECK_FALSE(cal.covers(d("2019-06-01")));
    }
    TEST_CASE("only the chosen regions' holidays count") {
        const std::vector<holiday> days{{d("2018-04-02"), "Easter Monday", {"england-and-wales", "northern-ireland"}, false},
                                        {d("2018-01-02"), "2nd January", {"scotland"}, false}};
        working_day_calendar scotland("s", d("2018-01-01"), d("2018-12-31"), days, {"scotland"});
        CHECK(scotland.is_working_day(d("2018-04-02")));
        CHECK_FALSE(scotland.is_working_day(d("2018-01-02")));
        working_day_calendar any_part("u", d("2018-01-01"), d("2018-12-31"), days, {});
        CHECK_FALSE(any_part.is_working_day(d("2018-04-02")));
        CHECK_FALSE(any_part.is_working_day(d("2018-01-02")));
    }
    TEST_CASE("FOIA counts bank holidays in any part of the UK (s.10(6))") {
        const auto& foia = test::bundled().get_regime("uk-foia-2000");
        CHECK(foia.deadline.period == 20);
        CHECK(foia.deadline.days == day_count::working);
        const auto& cal = foia.deadline.calendar;
        // Received Thursday 22 March 2018: Good Friday and Easter Monday fall in the period.
        CHECK(cal.add_working_days(d("2018-03-22"), 20) == d("2018-04-23"));
        CHECK_FALSE(cal.is_working_day(d("2018-07-12")));  // Battle of the Boyne, Northern Ireland only
        CHECK_FALSE(cal.is_working_day(d("2018-01-02")));  // Scotland only
        CHECK_FALSE(cal.is_working_day(d("2022-09-19")));  // state funeral, one-off
        CHECK(cal.is_working_day(d("2020-05-04")));        // early May holiday moved to 8 May in 2020
        CHECK_FALSE(cal.is_working_day(d("2020-05-08")));
        CHECK(cal.covers(d("2005-01-01")));
        CHECK(cal.covers(d("2030-12-31")));
    }
    TEST_CASE("periods count the days is_working_day counts, from any start") {
        const auto& cal = test::bundled().get_regime("uk-foia-2000").deadline.calendar;
        for (date start = d("2017-12-01"); start < d("2019-02-01"); start = start.plus_days(3)) {
            for (int n : {0, 1, 5, 20, 60}) {
                date by_day = start;
                for (int counted = 0; counted < n;) {
                    by_day = by_day.plus_days(1);
                    if (cal.is_working_day(by_day)) ++counted;
                }
                CHECK(cal.add_working_days(start, n) == by_day);
                CHECK(cal.working_days_between(start, by_day) == n);
            }
        }
    }
    TEST_CASE("FOISA counts only Scottish holidays (s.73)") {
        const auto* foisa = test::bundled().find_regime("scot-foisa-2002");
        REQUIRE(foisa);
        const auto& cal = foisa->deadline.calendar;
        CHECK(cal.is_working_day(d("2018-04-02")));  // Easter Monday is not a Scottish bank holiday
        CHECK_FALSE(cal.is_working_day(d("2018-03-30")));
        CHECK_FALSE(cal.is_working_day(d("2018-01-02")));
        CHECK(cal.add_working_days(d("2018-03-22"), 20) == d("2018-04-20"));
    }
}
