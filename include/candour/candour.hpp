#pragma once
// Umbrella header: the whole public API but batches of case files (<candour/batch.hpp>, which
// brings <filesystem> and <functional> to every file that includes it).

#include <candour/argument_graph.hpp>
#include <candour/calendar.hpp>
#include <candour/citation.hpp>
#include <candour/date.hpp>
#include <candour/decision.hpp>
#include <candour/diagnostic.hpp>
#include <candour/disclosure_case.hpp>
#include <candour/error.hpp>
#include <candour/evaluate.hpp>
#include <candour/evaluate_many.hpp>
#include <candour/factor.hpp>
#include <candour/file_name.hpp>
#include <candour/fwd.hpp>
#include <candour/provision.hpp>
#include <candour/regime.hpp>
#include <candour/render.hpp>
#include <candour/review_flag.hpp>
#include <candour/rulebook.hpp>
#include <candour/scenario.hpp>
#include <candour/source_location.hpp>
#include <candour/version.hpp>
