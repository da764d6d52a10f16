#pragma once

// How a legacy system's export maps onto Redress: which column holds which field, the forms its
// dates are written in, and how its codes translate into Redress's (service areas, categories,
// outcomes, root causes, regimes, channels, stages). Written by the council as a TOML file
// (docs/legacy-import.md; docs/examples/meritec-mapping.toml); ParseMapping reads it and names
// every problem in it at once.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"

namespace redress::legacy {

// The columns of one stage of a case. Stage 1 starts when the complaint was received; a later
// stage starts when it was requested (requested_on, required for stages 2 and 3).
struct StageColumns {
  std::string requested_on;
  std::string acknowledged_on;
  std::string responded_on;
  std::string outcome;
  std::string root_cause;    // one code, or several separated by ';'
  std::string compensation;  // pounds, e.g. "150" or "£150.00": a financial remedy
  std::string remedy;        // one code, or several separated by ';'
};

// A code table: the legacy system's code (as written, compared without regard to case and
// surrounding spaces) → Redress's.
using Codes = std::map<std::string, std::string, std::less<>>;

struct Mapping {
  std::string system;  // the legacy system's name, kept with each reference: "meritec"
  // Date forms tried in order: DD, MM and YYYY stand for digits (D and M accept one or two),
  // anything after the date in the cell (a time) is ignored. Default: DD/MM/YYYY, YYYY-MM-DD.
  std::vector<std::string> date_formats;
  std::optional<core::Regime> regime;    // when no column gives it
  std::optional<core::Channel> channel;  // when no column gives it
  std::string default_category;          // when no column gives it, or the cell is empty
  // What an upheld or partly upheld response that names no remedy gets (legacy systems often
  // kept none): a remedy type such as "explanation"; empty = such a row is a problem.
  std::string default_remedy;
  std::string default_root_cause;  // what a response that names no root cause gets; empty = a
                                   // problem

  // Columns (header names as in the file); empty = not in the file.
  std::string reference;    // required: the legacy reference, unique in the system
  std::string received_on;  // required
  std::string regime_column;
  std::string channel_column;
  std::string service_area;  // required
  std::string category;
  std::string summary;  // required
  std::string description;
  std::string desired_outcome;
  std::string complainant_name;  // required
  std::string complainant_email;
  std::string complainant_phone;
  std::string complainant_address;
  std::string complainant_postcode;
  std::string closed_on;  // a case answered at a stage that is not the last, closed on this date
  std::string withdrawn_on;
  std::string status;                // with codes.status: "open", "closed", "withdrawn"
  std::vector<StageColumns> stages;  // stage 1 first; at most core::kMaxStages

  Codes service_areas;
  Codes categories;
  Codes outcomes;  // → "upheld", "partly_upheld", "not_upheld"
  Codes root_causes;
  Codes remedies;  // → a remedy type
  Codes regimes;   // → "housing", "corporate", "children", "adults"
  Codes channels;  // → "phone", "email", ...
  Codes statuses;  // → "open", "closed", "withdrawn"
};

// The mapping a TOML text describes; kInvalidInput naming every problem (each field is the
// TOML key at fault) when it is not one.
core::Result<Mapping> ParseMapping(std::string_view toml);

// `value` through `codes`: the translation when the table has the code (case and surrounding
// spaces ignored); `value` itself, trimmed, when the table is empty (the export already uses
// Redress's codes); nullopt when the table lacks the code.
std::optional<std::string> Translate(const Codes& codes, std::string_view value);

// `text` without the spaces, tabs and line ends around it: how every legacy cell and code is read.
std::string Trim(std::string_view text);

// The date `text` in the first of `formats` it fits; nullopt when none.
std::optional<core::Date> ParseLegacyDate(std::string_view text,
                                          const std::vector<std::string>& formats);

}  // namespace redress::legacy
