#pragma once
// A calendar date (proleptic Gregorian), the unit of every FOI time limit.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace candour {

class date {
public:
    /// 1 January 1970.
    constexpr date() noexcept = default;

    /// Nothing if the day does not exist (30 February, month 13, year 0).
    [[nodiscard]] static std::optional<date> from_ymd(int year, int month, int day) noexcept;
    /// Strict ISO 8601 "YYYY-MM-DD"; nothing for any other text or an impossible day.
    [[nodiscard]] static std::optional<date> parse(std::string_view iso) noexcept;
    /// Days since 1970-01-01 (negative before it).
    [[nodiscard]] static date from_days(std::int64_t days) noexcept { date d; d.days_ = days; return d; }

    [[nodiscard]] std::int64_t days() const noexcept { return days_; }
    [[nodiscard]] int year() const noexcept;
    [[nodiscard]] int month() const noexcept;
    [[nodiscard]] int day() const noexcept;
    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    [[nodiscard]] int iso_weekday() const noexcept;

    [[nodiscard]] date plus_days(std::int64_t n) const noexcept { return from_days(days_ + n); }

    [[nodiscard]] std::string iso() const;        ///< "2018-03-22"
    [[nodiscard]] std::string long_form() const;  ///< "22 March 2018"

    friend constexpr auto operator<=>(const date&, const date&) = default;

private:
    std::int64_t days_ = 0;
};

} // namespace candour
