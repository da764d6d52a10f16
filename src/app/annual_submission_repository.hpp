#pragma once

// The Housing Ombudsman's annual submission records, one per financial year. Part of the ports
// (app/ports.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/annual_submission.hpp"
#include "core/result.hpp"

namespace redress::app {

// The annual submissions of one transaction (Tx::AnnualSubmissions).
class AnnualSubmissionRepository {
 public:
  virtual ~AnnualSubmissionRepository() = default;

  // The record of financial year `year`, with its steps oldest first; nullopt when none.
  virtual core::Result<std::optional<core::AnnualSubmission>> Load(int year) = 0;
  // Every record, newest year first.
  virtual core::Result<std::vector<core::AnnualSubmission>> List() = 0;
  // Stores the whole record of its year: a new one at version 1 when expected_version is nullopt
  // (kConflict when the year has one), else a replacement of that version (kStaleVersion
  // otherwise) at version + 1. Steps are appended, never rewritten: those beyond the ones stored
  // are added. Returns the record as stored.
  virtual core::Result<core::AnnualSubmission> Save(
      core::AnnualSubmission submission, std::optional<std::int64_t> expected_version) = 0;
  // The annual report as it was submitted (its JSON), written once: kNotFound when the year has
  // no record, kConflict when it has one already.
  virtual core::Status SaveSubmittedReport(int year, std::string_view report_json) = 0;
  // nullopt when the year's record has none (not submitted) or the year has no record.
  virtual core::Result<std::optional<std::string>> LoadSubmittedReport(int year) = 0;
};

}  // namespace redress::app
