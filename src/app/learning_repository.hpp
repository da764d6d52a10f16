#pragma once

// Learning from complaints: the learning actions and the Code self-assessment. Part of the ports
// (app/ports.hpp).

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/learning.hpp"
#include "core/result.hpp"

namespace redress::app {

// The learning records of one transaction (Tx::Learning).
class LearningRepository {
 public:
  virtual ~LearningRepository() = default;

  // Learning actions ("LRN-") are versioned like complaints: Insert assigns id, the reference
  // "LRN-<year>-<6 digits>" (gap-free per year) and version 1; Update requires the stored version
  // to equal expected_version (else kStaleVersion; kNotFound for an unknown reference) and stores
  // version + 1; both return the action as stored. A complaint, Ombudsman case, owner or root
  // cause it names must exist (kInvalidInput naming the field). The use cases append the events.
  virtual core::Result<core::LearningAction> InsertAction(core::LearningAction action,
                                                          int year) = 0;
  virtual core::Result<core::LearningAction> UpdateAction(core::LearningAction action,
                                                          std::int64_t expected_version) = 0;
  virtual core::Result<core::LearningAction> LoadAction(std::string_view reference) = 0;
  virtual core::Result<std::vector<core::LearningAction>> ListActions() = 0;  // oldest first

  // The self-assessment of a financial year; nullopt when it was not started.
  virtual core::Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int year) = 0;
  // Stores the whole assessment of its year: a new one when expected_version is nullopt (kConflict
  // if the year has one), else a replacement of that version (kStaleVersion otherwise). Returns
  // it with its new version.
  virtual core::Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) = 0;
};

}  // namespace redress::app
