// Working days: every day except Saturday, Sunday and the calendar's holidays.

#include <candour/calendar.hpp>

#include <algorithm>

namespace candour {

working_day_calendar::working_day_calendar(std::string id, date covers_from, date covers_to,
                                           const std::vector<holiday>& holidays,
                                           const std::vector<std::string>& regions)
    : id_(std::move(id)), from_(covers_from), to_(covers_to) {
    std::vector<std::pair<date, std::string>> picked;
    for (const auto& h : holidays) {
        const bool wanted = regions.empty() || std::any_of(h.regions.begin(), h.regions.end(), [&](const std::string& r) {
            return std::find(regions.begin(), regions.end(), r) != regions.end();
        });
        if (wanted) picked.emplace_back(h.date, h.name);
    }
    std::stable_sort(picked.begin(), picked.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [d, name] : picked) {
        if (!closed_.empty() && closed_.back() == d) {
            if (names_.back() != name && names_.back().find(name) == std::string::npos) names_.back() += "; " + name;
            continue;
        }
        closed_.push_back(d);
        names_.push_back(std::move(name));
    }
}

bool working_day_calendar::is_working_day(date d) const noexcept {
    if (d.iso_weekday() >= 6) return false;
    return !std::binary_search(closed_.begin(), closed_.end(), d);
}

std::string working_day_calendar::holiday_name(date d) const {
    auto it = std::lower_bound(closed_.begin(), closed_.end(), d);
    if (it == closed_.end() || *it != d) return {};
    return names_[static_cast<std::size_t>(it - closed_.begin())];
}

namespace {
// Walks the closed days alongside consecutive days, so that a period costs one search of the
// calendar rather than one for each day in it.
class closed_days {
public:
    closed_days(const std::vector<date>& closed, date after)
        : next_(std::upper_bound(closed.begin(), closed.end(), after)), end_(closed.end()) {}
    // Whether `d` is a working day; each call must be for a later day than the one before.
    bool working(date d) noexcept {
        while (next_ != end_ && *next_ < d) ++next_;
        return d.iso_weekday() < 6 && (next_ == end_ || *next_ != d);
    }

private:
    std::vector<date>::const_iterator next_, end_;
};
} // namespace

date working_day_calendar::add_working_days(date start, int n) const noexcept {
    closed_days closed(closed_, start);
    date d = start;
    for (int counted = 0; counted < n;) {
        d = d.plus_days(1);
        if (closed.working(d)) ++counted;
    }
    return d;
}

int working_day_calendar::working_days_between(date from, date to) const noexcept {
    closed_days closed(closed_, from);
    int n = 0;
    for (date d = from.plus_days(1); d <= to; d = d.plus_days(1)) n += closed.working(d) ? 1 : 0;
    return n;
}

} // namespace candour
