// Civil-date arithmetic: days counted from 1970-01-01 using the well-known days-from-civil
// method (shifting the year to start in March so that leap days fall at the end).

#include <candour/date.hpp>

#include <array>
#include <charconv>

namespace candour {
namespace {

struct ymd { int y; int m; int d; };

constexpr std::int64_t days_from_civil(int y, int m, int d) noexcept {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const auto mp = static_cast<unsigned>(m > 2 ? m - 3 : m + 9);
    const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr ymd civil_from_days(std::int64_t z) noexcept {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400) + (m <= 2 ? 1 : 0);
    return {y, static_cast<int>(m), static_cast<int>(d)};
}

constexpr bool leap(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) noexcept {
    constexpr std::array<int, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : lengths[static_cast<std::size_t>(m - 1)];
}

constexpr std::array<const char*, 12> month_names{"January", "February", "March", "April", "May", "June",
                                                  "July", "August", "September", "October", "November", "December"};

} // namespace

std::optional<date> date::from_ymd(int year, int month, int day) noexcept {
    // Year 0 does not exist in the calendar people write; FOI dates are never BCE.
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return std::nullopt;
    if (day > days_in_month(year, month)) return std::nullopt;
    return from_days(days_from_civil(year, month, day));
}

std::optional<date> date::parse(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto number = [&](std::size_t pos, std::size_t len, int& out) {
        for (std::size_t i = pos; i < pos + len; ++i) if (s[i] < '0' || s[i] > '9') return false;
        auto res = std::from_chars(s.data() + pos, s.data() + pos + len, out);
        return res.ec == std::errc{};
    };
    int y = 0, m = 0, d = 0;
    if (!number(0, 4, y) || !number(5, 2, m) || !number(8, 2, d)) return std::nullopt;
    return from_ymd(y, m, d);
}

int date::year() const noexcept { return civil_from_days(days_).y; }
int date::month() const noexcept { return civil_from_days(days_).m; }
int date::day() const noexcept { return civil_from_days(days_).d; }

int date::iso_weekday() const noexcept {
    // 1970-01-01 was a Thursday (ISO 4).
    const std::int64_t w = ((days_ % 7) + 7 + 3) % 7; // 0 = Monday
    return static_cast<int>(w) + 1;
}

std::string date::iso() const {
    const auto c = civil_from_days(days_);
    char buf[16];
    auto put = [&](char* at, int value, int width) {
        for (int i = width - 1; i >= 0; --i) { at[i] = static_cast<char>('0' + value % 10); value /= 10; }
    };
    put(buf, c.y, 4);
    buf[4] = '-';
    put(buf + 5, c.m, 2);
    buf[7] = '-';
    put(buf + 8, c.d, 2);
    return std::string(buf, 10);
}

std::string date::long_form() const {
    const auto c = civil_from_days(days_);
    return std::to_string(c.d) + ' ' + month_names[static_cast<std::size_t>(c.m - 1)] + ' ' + std::to_string(c.y);
}

} // namespace candour
