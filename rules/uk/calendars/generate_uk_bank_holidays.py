#!/usr/bin/env python3
"""Generate uk-bank-holidays.yaml: the UK non-working days that FOI time limits need.

Usage:
    python3 generate_uk_bank_holidays.py > uk-bank-holidays.yaml
    python3 generate_uk_bank_holidays.py --check     # run the self-check

Why these days: FOIA 2000 s.10(6) defines a working day as any day other than a
Saturday, a Sunday, Christmas Day, Good Friday or a day which is a bank holiday under
the Banking and Financial Dealings Act 1971 in any part of the United Kingdom.  So the
calendar lists, for each part of the UK, its bank holidays (kind `bank`) and, in England
and Wales and Northern Ireland, Christmas Day and Good Friday, which are common-law
holidays there and not bank holidays under the 1971 Act (kind `common-law`).  In Scotland
both are bank holidays under Schedule 1 to the Act.

How the days are found:
  1. the regular rules (Schedule 1 to the 1971 Act and the annual royal proclamations
     that add New Year's Day, the early May holiday, Boxing Day in Scotland, the spring
     holiday in Scotland, the Battle of the Boyne in Northern Ireland and the substitute
     days), computed year by year in `regular_holidays`;
  2. then the table of one-off changes, `ONE_OFF_CHANGES`, each with a source note.

Only weekdays are listed.  A holiday that falls on a Saturday or Sunday is not listed
itself (the weekend already is not a working day); its substitute weekday is listed
instead, named "<holiday> (substitute day)".

Years from FIRST_PROJECTED_YEAR onwards can only be computed from the regular rules,
because the proclamations for them have not been made yet: they are marked
`projected: true`.

Standard library only.
"""

import datetime as dt
import sys
from collections import namedtuple

FIRST_YEAR = 2005
LAST_YEAR = 2030
FIRST_PROJECTED_YEAR = 2027

EW = "england-and-wales"
SC = "scotland"
NI = "northern-ireland"
REGIONS = (EW, SC, NI)
ALL = REGIONS

BANK = "bank"
COMMON_LAW = "common-law"

# The St Andrew's Day Bank Holiday (Scotland) Act 2007 (asp 2) came into force on
# 16 January 2007, so 30 November 2007 was the first St Andrew's Day bank holiday.
FIRST_ST_ANDREWS_DAY_YEAR = 2007

# One holiday in one region.
Holiday = namedtuple("Holiday", "date name kind region source projected")

# A one-off change made by proclamation.  `replaces` is the regular date that the
# proclamation took away (for a moved holiday), or None for an extra holiday.
OneOff = namedtuple("OneOff", "date name regions source replaces")


def d(year, month, day):
    return dt.date(year, month, day)


# Every one-off day made by proclamation from 2005 to the present.  The Battle of the
# Boyne holiday in Northern Ireland is also appointed by proclamation, but every year
# and always on 12 July or the Monday after it, so it is a regular rule below; no
# irregular 12 July arrangement was found for 2005-2026.
ONE_OFF_CHANGES = [
    OneOff(d(2011, 4, 29), "Royal wedding", ALL,
           "Royal Proclamation under s.1(3) of the 1971 Act (wedding of Prince William "
           "and Catherine Middleton); date cross-checked with python-holidays and KDE "
           "kholidays data, as the GOV.UK list starts in 2012",
           None),
    OneOff(d(2012, 6, 4), "Spring bank holiday", ALL,
           "Royal Proclamation under s.1 of the 1971 Act moving the spring bank holiday "
           "from 28 May 2012; GOV.UK bank holidays",
           d(2012, 5, 28)),
    OneOff(d(2012, 6, 5), "Queen's Diamond Jubilee", ALL,
           "Royal Proclamation under s.1(3) of the 1971 Act; GOV.UK bank holidays",
           None),
    OneOff(d(2020, 5, 8), "Early May bank holiday (VE Day)", ALL,
           "Royal Proclamation under s.1 of the 1971 Act moving the early May bank "
           "holiday from 4 May 2020 for the 75th anniversary of VE Day; GOV.UK bank holidays",
           d(2020, 5, 4)),
    OneOff(d(2022, 6, 2), "Spring bank holiday", ALL,
           "Royal Proclamation under s.1 of the 1971 Act moving the spring bank holiday "
           "from 30 May 2022; GOV.UK bank holidays",
           d(2022, 5, 30)),
    OneOff(d(2022, 6, 3), "Platinum Jubilee bank holiday", ALL,
           "Royal Proclamation under s.1(3) of the 1971 Act; GOV.UK bank holidays",
           None),
    OneOff(d(2022, 9, 19), "Bank holiday for the State Funeral of Queen Elizabeth II", ALL,
           "Royal Proclamation under s.1(3) of the 1971 Act; GOV.UK bank holidays",
           None),
    OneOff(d(2023, 5, 8), "Bank holiday for the coronation of King Charles III", ALL,
           "Royal Proclamation under s.1(3) of the 1971 Act; GOV.UK bank holidays",
           None),
    OneOff(d(2026, 6, 15), "World Cup bank holiday", (SC,),
           "Royal Proclamation under s.1(3) of the 1971 Act, announced 4 February 2026 "
           "(Scotland only), for the men's team's first World Cup finals since 1998; "
           "Scottish Government announcement, 5 February 2026",
           None),
]


# --- date helpers ------------------------------------------------------------------

def easter_sunday(year):
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian computus
    (the Meeus/Jones/Butcher form)."""
    golden = year % 19                      # position in the 19-year Metonic cycle
    century, year_in_century = divmod(year, 100)
    leap_corr, leap_rem = divmod(century, 4)
    moon_corr = (century + 8) // 25
    solar_corr = (century - moon_corr + 1) // 3
    epact = (19 * golden + century - leap_corr - solar_corr + 15) % 30
    quad, rem = divmod(year_in_century, 4)
    weekday_corr = (32 + 2 * leap_rem + 2 * quad - epact - rem) % 7
    special = (golden + 11 * epact + 22 * weekday_corr) // 451
    month, day = divmod(epact + weekday_corr - 7 * special + 114, 31)
    return dt.date(year, month, day + 1)


def is_weekend(day):
    return day.weekday() >= 5  # Saturday = 5, Sunday = 6


def first_monday(year, month):
    day = dt.date(year, month, 1)
    return day + dt.timedelta(days=(0 - day.weekday()) % 7)


def last_monday(year, month):
    next_month = dt.date(year + month // 12, month % 12 + 1, 1)
    last = next_month - dt.timedelta(days=1)
    return last - dt.timedelta(days=last.weekday())


# --- the regular rules ---------------------------------------------------------------

def nominal_days(year):
    """(date, name, kind, regions) for each holiday on its nominal date, weekend or not."""
    easter = easter_sunday(year)
    good_friday = easter - dt.timedelta(days=2)
    easter_monday = easter + dt.timedelta(days=1)
    days = [
        (d(year, 1, 1), "New Year's Day", BANK, ALL),
        (d(year, 1, 2), "2 January", BANK, (SC,)),
        (d(year, 3, 17), "St Patrick's Day", BANK, (NI,)),
        (good_friday, "Good Friday", COMMON_LAW, (EW, NI)),
        (good_friday, "Good Friday", BANK, (SC,)),
        (easter_monday, "Easter Monday", BANK, (EW, NI)),
        (first_monday(year, 5), "Early May bank holiday", BANK, ALL),
        (last_monday(year, 5), "Spring bank holiday", BANK, ALL),
        (d(year, 7, 12), "Battle of the Boyne (Orangemen's Day)", BANK, (NI,)),
        (first_monday(year, 8), "Summer bank holiday", BANK, (SC,)),
        (last_monday(year, 8), "Summer bank holiday", BANK, (EW, NI)),
        (d(year, 12, 25), "Christmas Day", COMMON_LAW, (EW, NI)),
        (d(year, 12, 25), "Christmas Day", BANK, (SC,)),
        (d(year, 12, 26), "Boxing Day", BANK, ALL),
    ]
    if year >= FIRST_ST_ANDREWS_DAY_YEAR:
        days.append((d(year, 11, 30), "St Andrew's Day", BANK, (SC,)))
    return days


def regular_holidays(year, region):
    """The weekday holidays of one region in one year under the regular rules.

    A holiday on a weekday stays where it is.  A holiday at the weekend gives way to a
    substitute: the first weekday after it that is not already a holiday.  Taking the
    weekend holidays in date order gives the statutory and proclaimed results:
      25 Dec Sat, 26 Dec Sun -> Christmas Mon 27, Boxing Day Tue 28;
      25 Dec Sun             -> Boxing Day Mon 26 (on its own date), Christmas Tue 27;
      26 Dec Sat             -> Boxing Day Mon 28;
      Scotland, 1 Jan Sat    -> New Year's Day Mon 3, 2 January Tue 4;
      Scotland, 1 Jan Sun    -> 2 January Mon 2 (on its own date), New Year's Day Tue 3;
      St Andrew's Day, St Patrick's Day, the Boyne -> the following Monday.
    """
    ours = sorted((day, name, kind) for day, name, kind, regions in nominal_days(year)
                  if region in regions)
    weekday = [(day, name, kind) for day, name, kind in ours if not is_weekend(day)]
    taken = {day for day, _, _ in weekday}
    substitutes = []
    for day, name, _ in ours:
        if not is_weekend(day):
            continue
        sub = day + dt.timedelta(days=1)
        while is_weekend(sub) or sub in taken:
            sub += dt.timedelta(days=1)
        taken.add(sub)
        # Every substitute day is a bank holiday (under Schedule 1 or by proclamation),
        # including the one for a common-law Christmas Day.
        substitutes.append((sub, name + " (substitute day)", BANK))
    return weekday + substitutes


# --- everything together -----------------------------------------------------------

def all_holidays():
    """Every Holiday from FIRST_YEAR to LAST_YEAR: regular rules, then one-off changes."""
    by_key = {}  # (date, region) -> Holiday
    for year in range(FIRST_YEAR, LAST_YEAR + 1):
        projected = year >= FIRST_PROJECTED_YEAR
        for region in REGIONS:
            for day, name, kind in regular_holidays(year, region):
                key = (day, region)
                assert key not in by_key, f"two holidays on {day} in {region}"
                by_key[key] = Holiday(day, name, kind, region, None, projected)

    for change in ONE_OFF_CHANGES:
        assert change.date.year < FIRST_PROJECTED_YEAR, "a one-off in a projected year"
        for region in change.regions:
            if change.replaces is not None:
                removed = by_key.pop((change.replaces, region), None)
                assert removed is not None, f"{change.replaces} is not a holiday in {region}"
            key = (change.date, region)
            assert key not in by_key, f"one-off on {change.date} clashes in {region}"
            by_key[key] = Holiday(change.date, change.name, BANK, region, change.source, False)

    return sorted(by_key.values(), key=lambda h: (h.date, REGIONS.index(h.region)))


def grouped_entries(holidays):
    """Merge the regions of holidays that share date, name, kind, source and projection."""
    groups = {}
    for h in holidays:
        key = (h.date, h.name, h.kind, h.source, h.projected)
        groups.setdefault(key, []).append(h.region)
    entries = [dict(date=k[0], name=k[1], kind=k[2], source=k[3], projected=k[4],
                    regions=sorted(v, key=REGIONS.index))
               for k, v in groups.items()]
    entries.sort(key=lambda e: (e["date"], REGIONS.index(e["regions"][0])))
    return entries


# --- YAML output ---------------------------------------------------------------------

NOTE = (
    "Computed by generate_uk_bank_holidays.py from the regular rules plus a table of "
    "one-off proclamations; the dates for all three parts in 2012-2016 and 2019-2027, "
    "and for England and Wales in 2017-2018, match copies of GOV.UK's bank-holidays.json "
    "kept in public repositories (GOV.UK names some double substitute days differently). "
    "2005-2011 and Scotland and Northern Ireland in 2017-2018 were checked only against "
    "the python-holidays package's rules and tests, the Scottish holiday of 15 June 2026 "
    "only against news reports and a Scottish Government announcement, no proclamation "
    "was read in the Gazette itself, 2027-2030 are projections, and Scottish local "
    "holidays are not included."
)


def yaml_string(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_plain(text):
    """A plain scalar when that is safe, else double-quoted."""
    risky = (": " in text or " #" in text or text[:1] in "!&*-?:,[]{}#|>@`\"'%"
             or text != text.strip())
    return yaml_string(text) if risky else text


def render_yaml(entries):
    lines = [
        "# Generated by generate_uk_bank_holidays.py; edit the script, not this file.",
        "calendar:",
        "  id: uk-bank-holidays",
        "  title: Bank and public holidays in the United Kingdom, by part, "
        f"{FIRST_YEAR} to {LAST_YEAR}",
        f"  covers: {{from: {FIRST_YEAR}-01-01, to: {LAST_YEAR}-12-31}}",
        "  regions: [" + ", ".join(REGIONS) + "]",
        "  sources:",
        '    - title: "Banking and Financial Dealings Act 1971, Schedule 1"',
        "      uri: https://www.legislation.gov.uk/ukpga/1971/80/schedule/1",
        '    - title: "GOV.UK, UK bank holidays"',
        "      uri: https://www.gov.uk/bank-holidays",
        "  verified: false",
        "  note: >-",
        *wrap("    ", NOTE, 88),
        "  holidays:",
    ]
    for e in entries:
        lines.append(f"    - date: {e['date'].isoformat()}")
        lines.append(f"      name: {yaml_plain(e['name'])}")
        lines.append(f"      kind: {e['kind']}")
        lines.append("      regions: [" + ", ".join(e["regions"]) + "]")
        if e["projected"]:
            lines.append("      projected: true")
        if e["source"]:
            lines.append(f"      source: {yaml_string(e['source'])}")
    return "\n".join(lines) + "\n"


def wrap(indent, text, width):
    out, line = [], indent
    for word in text.split():
        if line.strip() and len(line) + 1 + len(word) > width:
            out.append(line)
            line = indent
        line += ("" if not line.strip() else " ") + word
    out.append(line)
    return out


# --- self-check ----------------------------------------------------------------------

def self_check():
    holidays = all_holidays()
    index = {(h.date, h.region): h for h in holidays}

    def regions_on(iso):
        day = dt.date.fromisoformat(iso)
        return {r for r in REGIONS if (day, r) in index}

    def kind(iso, region):
        return index[(dt.date.fromisoformat(iso), region)].kind

    # The computus, against known Easter Sundays.
    for iso in ("2005-03-27", "2008-03-23", "2011-04-24", "2018-04-01", "2019-04-21",
                "2024-03-31", "2025-04-20", "2027-03-28", "2030-04-21"):
        day = dt.date.fromisoformat(iso)
        assert easter_sunday(day.year) == day, iso

    # 2018.
    assert regions_on("2018-03-30") == set(ALL)                    # Good Friday
    assert kind("2018-03-30", EW) == kind("2018-03-30", NI) == COMMON_LAW
    assert kind("2018-03-30", SC) == BANK
    assert regions_on("2018-04-02") == {EW, NI}                    # Easter Monday
    assert regions_on("2018-01-02") == {SC}                        # 2 January
    assert regions_on("2018-07-12") == {NI}                        # Battle of the Boyne
    assert regions_on("2018-03-19") == {NI}                        # St Patrick's (sub)
    assert regions_on("2018-08-06") == {SC}                        # Summer, Scotland
    assert regions_on("2018-08-27") == {EW, NI}                    # Summer, elsewhere
    assert kind("2018-12-25", EW) == COMMON_LAW and kind("2018-12-25", SC) == BANK

    # One-offs.
    assert regions_on("2011-04-29") == set(ALL)
    assert regions_on("2012-05-28") == set() and regions_on("2012-06-04") == set(ALL)
    assert regions_on("2012-06-05") == set(ALL)
    assert regions_on("2020-05-08") == set(ALL) and regions_on("2020-05-04") == set()
    assert regions_on("2022-05-30") == set() and regions_on("2022-06-02") == set(ALL)
    assert regions_on("2022-06-03") == set(ALL)
    assert regions_on("2022-09-19") == set(ALL)
    assert regions_on("2023-05-08") == set(ALL)
    assert regions_on("2026-06-15") == {SC}

    # Substitute days, including the double ones.
    assert regions_on("2021-12-27") == set(ALL) and regions_on("2021-12-28") == set(ALL)
    assert regions_on("2022-12-26") == set(ALL) and regions_on("2022-12-27") == set(ALL)
    assert regions_on("2022-01-03") == set(ALL) and regions_on("2022-01-04") == {SC}
    assert regions_on("2023-01-02") == set(ALL) and regions_on("2023-01-03") == {SC}
    assert regions_on("2020-12-28") == set(ALL)
    assert regions_on("2019-12-02") == {SC}                        # St Andrew's (sub)
    assert regions_on("2020-07-13") == {NI}                        # Boyne (sub)
    assert regions_on("2006-11-30") == set()                       # before the 2007 Act
    assert regions_on("2007-11-30") == {SC}

    # Projection flags.
    assert all(h.projected == (h.date.year >= FIRST_PROJECTED_YEAR) for h in holidays)
    assert regions_on("2027-12-27") == set(ALL) and regions_on("2027-12-28") == set(ALL)

    # Shape of the data.
    assert all(not is_weekend(h.date) for h in holidays)
    assert all(FIRST_YEAR <= h.date.year <= LAST_YEAR for h in holidays)
    assert len(index) == len(holidays)  # no duplicate (date, region)
    entries = grouped_entries(holidays)
    assert [e["date"] for e in entries] == sorted(e["date"] for e in entries)
    assert all(e["source"] is None or not e["projected"] for e in entries)

    counts = {r: sum(1 for h in holidays if h.region == r) for r in REGIONS}
    print("self-check passed; entries per region: "
          + ", ".join(f"{r} {n}" for r, n in counts.items()))


def main(argv):
    if argv[1:] == ["--check"]:
        self_check()
        return 0
    if argv[1:]:
        print("usage: generate_uk_bank_holidays.py [--check]", file=sys.stderr)
        return 2
    sys.stdout.write(render_yaml(grouped_entries(all_holidays())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
