#pragma once
// Forward declarations, for headers that only pass candour types around.

namespace candour {
class file_name;
struct source_location;
struct diagnostic;
class error;
class load_error;
class date;
struct citation;
struct factor;
struct provision;
struct regime;
class working_day_calendar;
class rulebook;
struct item;
struct claim;
struct disclosure_case;
class argument_graph;
struct review_flag;
struct decision;
struct evaluation_options;
enum class output_format;
} // namespace candour
