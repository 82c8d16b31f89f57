#pragma once
// Working-day arithmetic for statutory time limits. A calendar holds the non-working days
// (bank and common-law holidays) of each region; a regime chooses which regions count.

#include <candour/citation.hpp>
#include <candour/date.hpp>

#include <string>
#include <vector>

namespace candour {

struct holiday {
    candour::date date;
    std::string name;
    std::vector<std::string> regions;
    bool projected = false; ///< computed from the regular rules, not yet confirmed
};

class working_day_calendar {
public:
    working_day_calendar() = default;
    /// `holidays` may be in any order; only those in `regions` (all, if empty) are used.
    working_day_calendar(std::string id, date covers_from, date covers_to,
                         const std::vector<holiday>& holidays,
                         const std::vector<std::string>& regions);

    [[nodiscard]] const std::string& id() const noexcept { return id_; }
    [[nodiscard]] bool covers(date d) const noexcept { return d >= from_ && d <= to_; }
    [[nodiscard]] bool is_working_day(date d) const noexcept;
    /// The name of the holiday on `d`, or empty.
    [[nodiscard]] std::string holiday_name(date d) const;
    /// The `n`th working day after `start` (the day of receipt does not count).
    [[nodiscard]] date add_working_days(date start, int n) const noexcept;
    /// Working days after `from` up to and including `to`; 0 if `to` <= `from`.
    [[nodiscard]] int working_days_between(date from, date to) const noexcept;

private:
    std::string id_;
    date from_, to_;
    std::vector<date> closed_; // sorted, unique
    std::vector<std::string> names_;
};

} // namespace candour
